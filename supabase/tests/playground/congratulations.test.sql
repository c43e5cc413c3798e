-- playground: congratulations — one per person and achievement, only on someone else's unlocked shared achievement (42501 alike for own, unshared or unknown), counts kept by trigger and not writable, visible to the congratulator and the owner, taken back by delete; anon has no access.
begin;
select plan(22);

select tests.create_user('cg.alice@test.local');
select tests.create_user('cg.bob@test.local');
select tests.create_user('cg.carol@test.local');

insert into playground.ai_playground_achievements (id, user_id, achievement_type, category, badge_level, points, progress_current, progress_target, unlocked_at, is_shared)
select v.id::uuid, tests.get_user_id(v.email), d.achievement_type, d.category, d.badge_level, d.points, 1, 1, now(), v.shared
from (values
    ('a1111111-0000-4000-8000-000000000001', 'cg.alice@test.local', true),
    ('a1111111-0000-4000-8000-000000000002', 'cg.bob@test.local', true),
    ('a1111111-0000-4000-8000-000000000003', 'cg.carol@test.local', false)
) as v (id, email, shared)
cross join lateral (select * from playground.ai_playground_achievement_definitions order by achievement_type limit 1) as d;

select has_table('playground', 'ai_playground_congratulations', 'congratulations is a table');
select col_is_pk('playground', 'ai_playground_congratulations', array['achievement_id', 'user_id'], 'one congratulation per achievement and person');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_congratulations'::regclass), 'RLS is on');

-- bob congratulates alice
select tests.authenticate_as('cg.bob@test.local');
select lives_ok($$insert into playground.ai_playground_congratulations (achievement_id) values ('a1111111-0000-4000-8000-000000000001')$$,
    'bob congratulates alice''s shared achievement');
select results_eq($$select congratulations_count from playground.ai_playground_achievements where id = 'a1111111-0000-4000-8000-000000000001'$$,
    array[1], 'the count follows (server-side trigger)');
select throws_ok($$insert into playground.ai_playground_congratulations (achievement_id) values ('a1111111-0000-4000-8000-000000000001')$$,
    '23505', null, 'a second congratulation on the same achievement is refused (23505)');
select throws_ok($$insert into playground.ai_playground_congratulations (achievement_id) values ('a1111111-0000-4000-8000-000000000002')$$,
    '42501', 'playground: this achievement cannot be congratulated', 'bob cannot congratulate himself (42501)');
select throws_ok($$insert into playground.ai_playground_congratulations (achievement_id) values ('a1111111-0000-4000-8000-000000000003')$$,
    '42501', 'playground: this achievement cannot be congratulated', 'an unshared achievement cannot be congratulated, same answer (42501)');
select throws_ok($$insert into playground.ai_playground_congratulations (achievement_id) values ('a1111111-0000-4000-8000-0000000000ff')$$,
    '42501', 'playground: this achievement cannot be congratulated', 'an unknown id gets the same answer (42501)');
select throws_ok(format($$insert into playground.ai_playground_congratulations (achievement_id, user_id) values ('a1111111-0000-4000-8000-000000000001', %L)$$, tests.get_user_id('cg.carol@test.local')),
    '42501', null, 'bob cannot congratulate in carol''s name (no insert privilege on user_id)');
select throws_ok($$update playground.ai_playground_achievements set congratulations_count = 99 where id = 'a1111111-0000-4000-8000-000000000002'$$,
    '42501', null, 'the owner cannot write congratulations_count');
select throws_ok($$update playground.ai_playground_congratulations set created_at = now() - interval '1 year'$$,
    '42501', null, 'a congratulation cannot be edited');

select tests.authenticate_as('cg.carol@test.local');
select lives_ok($$insert into playground.ai_playground_congratulations (achievement_id) values ('a1111111-0000-4000-8000-000000000001')$$,
    'carol congratulates alice too');
select is((select count(*)::int from playground.ai_playground_congratulations), 1, 'carol sees only her own congratulation');
select is_empty($$delete from playground.ai_playground_congratulations where user_id = tests.get_user_id('cg.bob@test.local') returning 1$$,
    'carol cannot take back bob''s congratulation');

select tests.authenticate_as('cg.alice@test.local');
select is((select count(*)::int from playground.ai_playground_congratulations where achievement_id = 'a1111111-0000-4000-8000-000000000001'), 2,
    'alice sees who congratulated her achievement');
select results_eq($$select congratulations_count from playground.ai_playground_achievements where id = 'a1111111-0000-4000-8000-000000000001'$$,
    array[2], 'the count is 2');

select tests.authenticate_as('cg.bob@test.local');
select lives_ok($$delete from playground.ai_playground_congratulations where achievement_id = 'a1111111-0000-4000-8000-000000000001'$$, 'bob takes his back');
select results_eq($$select congratulations_count from playground.ai_playground_achievements where id = 'a1111111-0000-4000-8000-000000000001'$$,
    array[1], 'the count goes back down');

select tests.authenticate_as_anon();
select throws_ok($$select * from playground.ai_playground_congratulations$$, '42501', null, 'anon cannot read congratulations');

select tests.authenticate_as_service_role();
select throws_ok(format($$insert into playground.ai_playground_congratulations (achievement_id, user_id) values ('a1111111-0000-4000-8000-000000000002', %L)$$, tests.get_user_id('cg.bob@test.local')),
    '42501', null, 'even service_role cannot record a self-congratulation');
select tests.clear_authentication();

delete from playground.ai_playground_achievements where id = 'a1111111-0000-4000-8000-000000000001';
select is((select count(*)::int from playground.ai_playground_congratulations), 0, 'deleting an achievement deletes its congratulations');

select * from finish();
rollback;
