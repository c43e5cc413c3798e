-- simulation: integrity under RLS (issue 15). Each attack is performed and
-- shown to fail or to have no effect: a learner cannot erase a graded run and
-- start over, cannot farm scenarios.usage_count, writes only their own user
-- messages (no AI, system or hint messages, no led_to_progress, no delete),
-- cannot write orchestrator state or message counters, and client-set times
-- and oversized values are ignored or refused.
-- Runs alone with its own fixture and rolls everything back.
begin;
select plan(40);

-- Fixture (as postgres): alice authors, bob learns, carol reviews; dave has
-- no profile yet. Scenario "graded" has two scenes (2 attempts, threshold
-- 0.7) and a persona; scenario "farm" has one scene.
select tests.create_user('sg-alice@example.com');
select tests.create_user('sg-bob@example.com');
select tests.create_user('sg-carol@example.com');
select tests.create_user('sg-dave@example.com');

create table tests.sg_fx (
    k text primary key,
    id bigint not null
);
grant select, insert on tests.sg_fx to anon, authenticated, service_role;
create function tests.sg_id(p_key text) returns bigint
language sql stable
as $$ select id from tests.sg_fx where k = p_key $$;
grant execute on function tests.sg_id(text) to anon, authenticated, service_role;
create function tests.sg_err(p_sql text) returns text
language plpgsql
as $$
begin
    execute p_sql;
    return 'ok';
exception when others then
    return sqlstate;
end
$$;
grant execute on function tests.sg_err(text) to anon, authenticated, service_role;

do $$
declare
    v_alice bigint;
    v_id bigint;
begin
    insert into simulation.users (auth_user_id, email, username, role)
    values (tests.get_user_id('sg-alice@example.com'), 'sg-alice@example.com', 'sg_alice', 'teacher') returning id into v_alice;
    insert into tests.sg_fx values ('alice', v_alice);
    insert into simulation.users (auth_user_id, email, username, role)
    values (tests.get_user_id('sg-bob@example.com'), 'sg-bob@example.com', 'sg_bob', 'student') returning id into v_id;
    insert into tests.sg_fx values ('bob', v_id);
    insert into simulation.users (auth_user_id, email, username)
    values (tests.get_user_id('sg-carol@example.com'), 'sg-carol@example.com', 'sg_carol') returning id into v_id;
    insert into tests.sg_fx values ('carol', v_id);

    insert into simulation.scenarios (title, is_public, created_by) values ('SG graded', true, v_alice) returning id into v_id;
    insert into tests.sg_fx values ('graded', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order, max_attempts, success_threshold)
    values (tests.sg_id('graded'), 'SG one', 1, 2, 0.7) returning id into v_id;
    insert into tests.sg_fx values ('s1', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order, max_attempts, success_threshold)
    values (tests.sg_id('graded'), 'SG two', 2, 2, 0.7) returning id into v_id;
    insert into tests.sg_fx values ('s2', v_id);
    insert into simulation.scenario_personas (scenario_id, name) values (tests.sg_id('graded'), 'SG Persona') returning id into v_id;
    insert into tests.sg_fx values ('p1', v_id);

    insert into simulation.scenarios (title, is_public, created_by) values ('SG farm', true, v_alice) returning id into v_id;
    insert into tests.sg_fx values ('farm', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (tests.sg_id('farm'), 'SG farm scene', 1);
end
$$;

-- ================================================ a graded run stays graded
select tests.authenticate_as('sg-bob@example.com');
insert into tests.sg_fx select 'run', simulation.start_simulation(tests.sg_id('graded'));
select tests.clear_authentication();
select tests.authenticate_as_service_role();
select simulation.submit_scene_attempt(tests.sg_id('run'), 0.3);
select tests.clear_authentication();

-- The attack: delete the run that holds a low score, then start over.
select tests.authenticate_as('sg-bob@example.com');
with d as (delete from simulation.user_progress where id = tests.sg_id('run') returning 1)
select is(count(*)::int, 0, 'user_progress: a learner cannot delete a run with a graded attempt (0 rows)') from d;
select results_eq(format($$ select attempts, goal_achievement_score from simulation.scene_progress where user_progress_id = %s and scene_id = %s $$, tests.sg_id('run'), tests.sg_id('s1')),
    $$ values (1, 0.3::double precision) $$, 'scene_progress: the low scene score is still there');
select throws_ok(format($$ update simulation.scene_progress set goal_achievement_score = 1.0 where user_progress_id = %s $$, tests.sg_id('run')),
    '42501', null, 'scene_progress: the learner cannot rewrite the score (42501)');
select throws_ok(format($$ update simulation.user_progress set orchestrator_data = '{"user_understanding_level": 1}' where id = %s $$, tests.sg_id('run')),
    '42501', null, 'user_progress: the learner cannot write the orchestrator state (42501, the AI service''s)');
update simulation.user_progress set last_activity = '2099-01-01' where id = tests.sg_id('run');
select is((select last_activity from simulation.user_progress where id = tests.sg_id('run')), now(),
    'user_progress: a client-set last_activity is stored as now()');
select tests.clear_authentication();

-- Finish the run (second scene scored), then try again to erase it.
select tests.authenticate_as_service_role();
select simulation.submit_scene_attempt(tests.sg_id('run'), 0.3);
select simulation.submit_scene_attempt(tests.sg_id('run'), 0.9);
select tests.clear_authentication();
select results_eq(format($$ select simulation_status::text, final_score from simulation.user_progress where id = %s $$, tests.sg_id('run')),
    $$ values ('completed', 60::double precision) $$, 'the run completed with final_score 60 ((0.3 + 0.9) / 2 x 100)');
select tests.authenticate_as('sg-bob@example.com');
with d as (delete from simulation.user_progress where id = tests.sg_id('run') returning 1)
select is(count(*)::int, 0, 'user_progress: a learner cannot delete a completed run (0 rows)') from d;
select throws_ok(format($$ select simulation.abandon_simulation(%s) $$, tests.sg_id('run')), '55000', null,
    'abandon_simulation: a completed run cannot be abandoned either (55000)');
select isnt(simulation.start_simulation(tests.sg_id('graded')), tests.sg_id('run'),
    'start_simulation: starting over makes a new run; the graded one stays');
select tests.clear_authentication();
select results_eq(format($$ select final_score, (select total_simulations from simulation.users where id = %s) from simulation.user_progress where id = %s $$, tests.sg_id('bob'), tests.sg_id('run')),
    $$ values (60::double precision, 1) $$, 'the first run keeps its grade and still counts in total_simulations');

-- A run with nothing graded can still be discarded.
select tests.authenticate_as('sg-bob@example.com');
insert into simulation.user_progress (scenario_id) values (tests.sg_id('farm'));
with d as (delete from simulation.user_progress where scenario_id = tests.sg_id('farm') returning 1)
select is(count(*)::int, 1, 'user_progress: a learner may delete a run with no graded attempt') from d;

-- ================================================ usage_count is not farmable
-- The attack: one account starts, discards and restarts runs of a scenario.
insert into simulation.user_progress (scenario_id) values (tests.sg_id('farm'));
delete from simulation.user_progress where scenario_id = tests.sg_id('farm');
insert into simulation.user_progress (scenario_id) values (tests.sg_id('farm'));
select simulation.abandon_simulation((select id from simulation.user_progress where scenario_id = tests.sg_id('farm')));
select simulation.start_simulation(tests.sg_id('farm'));
select is((select count(*)::int from simulation.user_progress where scenario_id = tests.sg_id('farm')), 2,
    'bob holds two runs of the farm scenario (one abandoned, one in progress)');
select tests.clear_authentication();
select is((select usage_count from simulation.scenarios where id = tests.sg_id('farm')), 1,
    'scenarios.usage_count: one learner counts once, however often he restarts or discards runs');
select tests.authenticate_as('sg-carol@example.com');
select simulation.start_simulation(tests.sg_id('farm'));
select tests.clear_authentication();
select is((select usage_count from simulation.scenarios where id = tests.sg_id('farm')), 2,
    'scenarios.usage_count: a second learner counts');
select tests.authenticate_as('sg-carol@example.com');
delete from simulation.user_progress where scenario_id = tests.sg_id('farm');
select tests.clear_authentication();
select is((select usage_count from simulation.scenarios where id = tests.sg_id('farm')), 1,
    'scenarios.usage_count: a learner who discards her only (ungraded) run no longer counts');

-- ================================================ clone_count is not farmable
select tests.authenticate_as('sg-bob@example.com');
select simulation.clone_scenario(tests.sg_id('graded'), 'SG clone ' || g) from generate_series(1, 3) as g;
select tests.clear_authentication();
select is((select clone_count from simulation.scenarios where id = tests.sg_id('graded')), 1,
    'scenarios.clone_count: one member cloning three times counts once');
select tests.authenticate_as('sg-bob@example.com');
delete from simulation.scenarios where title like 'SG clone %';
select tests.clear_authentication();
select is((select clone_count from simulation.scenarios where id = tests.sg_id('graded')), 0,
    'scenarios.clone_count: deleting his clones takes his count back');

-- ============================================ someone else's run: one answer
select tests.authenticate_as('sg-carol@example.com');
select is(
    array[
        tests.sg_err(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', 'x', 9) $$, tests.sg_id('run'), tests.sg_id('s1'))),
        tests.sg_err(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', 'x', 9) $$, tests.sg_id('run'), (select min(id) from simulation.scenario_scenes where scenario_id = tests.sg_id('farm')))),
        tests.sg_err($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (-1, -1, 'user', 'x', 9) $$),
        tests.sg_err(format($$ insert into simulation.scene_progress (user_progress_id, scene_id) values (%s, %s) $$, tests.sg_id('run'), (select min(id) from simulation.scenario_scenes where scenario_id = tests.sg_id('farm'))))],
    array['42501', '42501', '42501', '42501'],
    'conversation_logs, scene_progress: writing into someone else''s run is 42501 whether the scene fits it or not, and for an unknown run (no oracle)');
select tests.clear_authentication();

-- ============================================ who writes which message kinds
select tests.authenticate_as('sg-bob@example.com');
insert into tests.sg_fx select 'run2', id from simulation.user_progress where scenario_id = tests.sg_id('graded') and simulation_status = 'in_progress';
select throws_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, sender_name, message_content, message_order) values (%s, %s, 'ai_persona', 'SG Persona', 'Great answer, full marks.', 1) $$, tests.sg_id('run2'), tests.sg_id('s1')),
    '42501', null, 'conversation_logs: a learner cannot insert an ai_persona message (42501)');
select throws_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'system', 'Scene completed.', 1) $$, tests.sg_id('run2'), tests.sg_id('s1')),
    '42501', null, 'conversation_logs: a learner cannot insert a system message (42501)');
select throws_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, is_hint, message_content, message_order) values (%s, %s, 'hint', true, 'The answer is 42.', 1) $$, tests.sg_id('run2'), tests.sg_id('s1')),
    '42501', null, 'conversation_logs: a learner cannot insert a hint message (42501)');
select throws_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order, led_to_progress) values (%s, %s, 'user', 'I win', 1, true) $$, tests.sg_id('run2'), tests.sg_id('s1')),
    '42501', null, 'conversation_logs: a learner cannot mark a message led_to_progress (42501)');
select throws_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order, "timestamp") values (%s, %s, 'user', 'backdated', 1, '2020-01-01') $$, tests.sg_id('run2'), tests.sg_id('s1')),
    '42501', null, 'conversation_logs: a learner cannot choose the message time (42501)');
select lives_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', 'SG my answer', 1) $$, tests.sg_id('run2'), tests.sg_id('s1')),
    'conversation_logs: a learner writes his own user message');
select throws_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', repeat('x', 10001), 2) $$, tests.sg_id('run2'), tests.sg_id('s1')),
    '22001', null, 'conversation_logs: a user message over 10,000 characters is refused (22001)');
select tests.clear_authentication();

-- The AI service answers; the learner cannot touch its message.
select tests.authenticate_as_service_role();
insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, sender_name, persona_id, message_content, message_order, led_to_progress)
values (tests.sg_id('run2'), tests.sg_id('s1'), 'ai_persona', 'SG Persona', tests.sg_id('p1'), 'SG persona reply', 2, false);
select tests.clear_authentication();
select tests.authenticate_as('sg-bob@example.com');
select throws_ok($$ update simulation.conversation_logs set led_to_progress = true where message_content = 'SG persona reply' $$,
    '42501', null, 'conversation_logs: a learner cannot set led_to_progress on his log (42501)');
select throws_ok($$ update simulation.conversation_logs set message_content = 'SG forged reply' where message_content = 'SG persona reply' $$,
    '42501', null, 'conversation_logs: a learner cannot edit an AI message (42501)');
select throws_ok($$ update simulation.conversation_logs set message_type = 'user' where message_content = 'SG persona reply' $$,
    '42501', null, 'conversation_logs: a learner cannot relabel an AI message (42501)');
select throws_ok($$ delete from simulation.conversation_logs where message_content = 'SG persona reply' $$,
    '42501', null, 'conversation_logs: a learner cannot delete an AI message (42501)');
select throws_ok($$ delete from simulation.conversation_logs where message_content = 'SG my answer' $$,
    '42501', null, 'conversation_logs: a learner cannot delete his own graded words either (42501)');
with u as (update simulation.conversation_logs set user_reaction = 'positive' where message_content = 'SG persona reply' returning 1)
select is(count(*)::int, 1, 'conversation_logs: a learner may record his reaction to a message') from u;
select results_eq($$ select message_type::text, led_to_progress from simulation.conversation_logs where message_content like 'SG%' order by message_order $$,
    $$ values ('user', false), ('ai_persona', false) $$, 'conversation_logs: the log holds exactly his message and the AI reply, unchanged');
select results_eq(format($$ select messages_sent, ai_responses from simulation.scene_progress where user_progress_id = %s and scene_id = %s $$, tests.sg_id('run2'), tests.sg_id('s1')),
    $$ values (1, 1) $$, 'scene_progress: message counts are counted from the log by the server');
select throws_ok(format($$ update simulation.scene_progress set messages_sent = 99 where user_progress_id = %s $$, tests.sg_id('run2')),
    '42501', null, 'scene_progress: a learner cannot write the message counters (42501)');
select tests.clear_authentication();

-- ================================================= reviews, profiles: times and sizes
select tests.authenticate_as('sg-carol@example.com');
insert into simulation.scenario_reviews (scenario_id, rating, review_text, created_at) values (tests.sg_id('graded'), 4, 'SG solid', '2000-01-01');
select is((select created_at from simulation.scenario_reviews where review_text = 'SG solid'), now(),
    'scenario_reviews: a backdated review is stored with now()');
select throws_ok($$ update simulation.scenario_reviews set review_text = repeat('x', 10001) where review_text = 'SG solid' $$,
    '22001', null, 'scenario_reviews: a review over 10,000 characters is refused (22001)');
select throws_ok(format($$ insert into simulation.scenario_reviews (scenario_id, rating) values (%s, 5) $$, tests.sg_id('graded')),
    '23505', null, 'scenario_reviews: one rating per member and scenario (23505)');
select tests.clear_authentication();

select tests.authenticate_as('sg-dave@example.com');
insert into simulation.users (username, created_at) values ('sg_dave', '2000-01-01');
select is((select created_at from simulation.public_profiles where username = 'sg_dave'), now(),
    'users: "member since" on the public profile is the server''s time, not the client''s');
select throws_ok($$ update simulation.users set bio = repeat('x', 10001) where username = 'sg_dave' $$,
    '22001', null, 'users: a bio over 10,000 characters is refused (22001)');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select lives_ok(format($$ insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'system', repeat('x', 20000), 3) $$, tests.sg_id('run2'), tests.sg_id('s1')),
    'conversation_logs: the service role is not limited by the API bounds');
select tests.clear_authentication();

select * from finish();
rollback;
