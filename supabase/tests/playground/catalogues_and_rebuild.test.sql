-- playground: admins cannot write public counters, API input is bounded, a
-- creation id reveals nothing, and rebuild_public_counters() gives back what
-- the triggers counted (issue 15; 20261205100200). Each attack is performed
-- and shown to fail or to have no effect.
begin;
select plan(11);

select tests.create_user('pgr-mallory@example.com');
select tests.create_user('pgr-alice@example.com');
select tests.create_user('pgr-admin@example.com');
update auth.users set raw_app_meta_data = '{"role": "admin"}' where email = 'pgr-admin@example.com';

create function tests.pgr_err(p_sql text) returns text
language plpgsql
as $$
begin
    execute p_sql;
    return 'ok';
exception when others then
    return sqlstate;
end
$$;
grant execute on function tests.pgr_err(text) to authenticated;

insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category, is_active)
values ('zz_rebuild_on', 'On', 'Active tool.', 'learning', true);
insert into playground.synthetic_nonprofit_profiles (id, organization_name, organization_type, mission_statement, description,
    organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level)
values ('eeeeeeee-1000-4000-8000-000000000001', 'Rebuild Test Org', 'education', 'M.', 'D.', 'micro', 1, 1, 'L', 2000,
        'nascent', '{c}', 'beginner');
insert into playground.ai_playground_sessions (id, user_id, activity_type, nonprofit_profile_id)
values ('eeeeeeee-1000-4000-8000-000000000011', tests.get_user_id('pgr-mallory@example.com'), 'nonprofit_scenario',
        'eeeeeeee-1000-4000-8000-000000000001'),
    ('eeeeeeee-1000-4000-8000-000000000012', tests.get_user_id('pgr-alice@example.com'), 'free_exploration', null);

------------------------------------------------------------ admins and counters

select tests.authenticate_as('pgr-admin@example.com');
select is(
    tests.pgr_err($$update playground.ai_playground_toolkit_items set usage_count = 1000000, rating_sum = 5000, rating_count = 1000
                    where tool_name = 'zz_rebuild_on'$$),
    '42501',
    'attack: an admin cannot write a tool''s public counters (42501, column privilege)');
select is(
    tests.pgr_err($$update playground.synthetic_nonprofit_profiles set usage_count = 1000000
                    where id = 'eeeeeeee-1000-4000-8000-000000000001'$$),
    '42501',
    'attack: nor a nonprofit profile''s usage_count (42501)');
select lives_ok(
    $$update playground.ai_playground_toolkit_items set display_name = 'Still on' where tool_name = 'zz_rebuild_on'$$,
    'an admin still edits the catalogue columns');

------------------------------------------------------------ bounded input

select tests.authenticate_as('pgr-mallory@example.com');
select is(
    tests.pgr_err($$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, metadata)
                    values ('eeeeeeee-1000-4000-8000-000000000011', auth.uid(), 'tool_use', 'zz_rebuild_on',
                            jsonb_build_object('blob', repeat('x', 100000)))$$),
    '22001',
    'attack: a 100 KB metadata object on an interaction is refused (22001)');
select is(
    tests.pgr_err($$insert into playground.ai_playground_creations (user_id, title, creation_type, content)
                    values (auth.uid(), repeat('t', 20000), 'prompt', jsonb_build_object('p', 'x'))$$),
    '22001',
    'attack: a 20,000-character creation title is refused (22001)');

---------------------------------------------------------- ids of others: one error

select tests.authenticate_as('pgr-alice@example.com');
insert into playground.ai_playground_creations (id, user_id, title, creation_type, sharing_level)
values ('eeeeeeee-1000-4000-8000-000000000201', auth.uid(), 'Private', 'prompt', 'private'),
    ('eeeeeeee-1000-4000-8000-000000000202', auth.uid(), 'Public', 'prompt', 'public');
select tests.authenticate_as('pgr-mallory@example.com');
select is(
    tests.pgr_err($$insert into playground.ai_playground_creations (user_id, title, creation_type, parent_id)
                    values (auth.uid(), 'x', 'prompt', 'eeeeeeee-1000-4000-8000-000000000201')$$)
    || '/' ||
    tests.pgr_err($$insert into playground.ai_playground_creations (user_id, title, creation_type, parent_id)
                    values (auth.uid(), 'x', 'prompt', 'eeeeeeee-1000-4000-8000-0000000002ff')$$),
    '42501/42501',
    'forking a private creation and a creation that does not exist give the same error (no existence oracle)');
select tests.authenticate_as('pgr-alice@example.com');
select is(
    tests.pgr_err($$insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id, created_at)
                    values ('eeeeeeee-1000-4000-8000-000000000201', tests.get_user_id('pgr-mallory@example.com'), now() - interval '1 year')$$),
    '42501',
    'attack: creation_shares.created_at is not client-writable (42501)');

------------------------------------------------------------ rebuild after a bulk load

select tests.authenticate_as('pgr-mallory@example.com');
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, user_rating)
values ('eeeeeeee-1000-4000-8000-000000000011', auth.uid(), 'tool_use', 'zz_rebuild_on', 4);
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
select 'eeeeeeee-1000-4000-8000-000000000011', auth.uid(), 'tool_use', 'zz_rebuild_on' from generate_series(1, 5);
insert into playground.ai_playground_creations (user_id, title, creation_type, parent_id)
select auth.uid(), 'fork ' || g, 'prompt', 'eeeeeeee-1000-4000-8000-000000000202' from generate_series(1, 3) g;
select tests.authenticate_as('pgr-alice@example.com');
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
values ('eeeeeeee-1000-4000-8000-000000000012', auth.uid(), 'tool_use', 'zz_rebuild_on');
select tests.clear_authentication();
create temporary table counted on commit drop as
select row(t.usage_count, t.unique_user_count, t.rating_count, t.rating_sum,
        (select c.fork_count from playground.ai_playground_creations c where c.id = 'eeeeeeee-1000-4000-8000-000000000202'),
        (select p.usage_count from playground.synthetic_nonprofit_profiles p where p.id = 'eeeeeeee-1000-4000-8000-000000000001'))::text as v
from playground.ai_playground_toolkit_items t where t.tool_name = 'zz_rebuild_on';
select is((select v from counted), row(2, 2, 1, 4, 1, 1)::text,
    'the triggers counted: 2 user-days by 2 users, one rating of 4, one forker, profile usage 1');

update playground.ai_playground_toolkit_items
set usage_count = 999, unique_user_count = 999, rating_sum = 4995, rating_count = 999
where tool_name = 'zz_rebuild_on';
update playground.synthetic_nonprofit_profiles set usage_count = 999 where id = 'eeeeeeee-1000-4000-8000-000000000001';
update playground.ai_playground_creations set fork_count = 99 where id = 'eeeeeeee-1000-4000-8000-000000000202';
select tests.authenticate_as('pgr-admin@example.com');
select is(tests.pgr_err($$select playground_private.rebuild_public_counters()$$), '42501',
    'a user, even an admin, cannot run rebuild_public_counters() (42501)');
select tests.authenticate_as_service_role();
select lives_ok($$select playground_private.rebuild_public_counters()$$, 'service_role rebuilds the public counters');
select tests.clear_authentication();
select is(
    (select row(t.usage_count, t.unique_user_count, t.rating_count, t.rating_sum,
            (select c.fork_count from playground.ai_playground_creations c where c.id = 'eeeeeeee-1000-4000-8000-000000000202'),
            (select p.usage_count from playground.synthetic_nonprofit_profiles p where p.id = 'eeeeeeee-1000-4000-8000-000000000001'))::text
        from playground.ai_playground_toolkit_items t where t.tool_name = 'zz_rebuild_on'),
    (select v from counted),
    'the rebuild gives back exactly what the triggers counted');

select * from finish();
rollback;
