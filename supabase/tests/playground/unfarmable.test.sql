-- playground: no public counter one account can farm (issue 15, second part;
-- 20261205100000). Each attack is performed and shown to fail or to have no
-- effect: usage_count (read by anon) moves once per user, tool and day; a
-- nonprofit profile's usage_count once per user and day; forks_received
-- counts people, ratings_given tools; API interactions need an open session
-- of the caller's own, with one error for a missing or someone else's session.
begin;
select plan(17);

select tests.create_user('pgf-mallory@example.com');
select tests.create_user('pgf-alice@example.com');
select tests.create_user('pgf-admin@example.com');
update auth.users set raw_app_meta_data = '{"role": "admin"}' where email = 'pgf-admin@example.com';

create function tests.pgf_err(p_sql text) returns text
language plpgsql
as $$
begin
    execute p_sql;
    return 'ok';
exception when others then
    return sqlstate;
end
$$;
grant execute on function tests.pgf_err(text) to authenticated;

insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category, is_active)
values ('zz_farm_on', 'On', 'Active tool.', 'learning', true),
        ('zz_farm_off', 'Off', 'Inactive tool.', 'learning', false);
insert into playground.synthetic_nonprofit_profiles (id, organization_name, organization_type, mission_statement, description,
    organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level)
values ('eeeeeeee-0000-4000-8000-000000000001', 'Farm Test Org', 'education', 'M.', 'D.', 'micro', 1, 1, 'L', 2000,
        'nascent', '{c}', 'beginner');
insert into playground.ai_playground_sessions (id, user_id, activity_type)
values ('eeeeeeee-0000-4000-8000-000000000011', tests.get_user_id('pgf-mallory@example.com'), 'free_exploration'),
        ('eeeeeeee-0000-4000-8000-000000000012', tests.get_user_id('pgf-alice@example.com'), 'free_exploration');

-------------------------------------------------------------- usage_count

select tests.authenticate_as('pgf-mallory@example.com');
select lives_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, user_rating)
      select 'eeeeeeee-0000-4000-8000-000000000011', auth.uid(), 'tool_use', 'zz_farm_on', case when g = 1 then 5 end
      from generate_series(1, 1000) g$$,
    'mallory records 1,000 interactions with one tool (one rated)');
select lives_ok(
    $$select playground.track_tool_usage('eeeeeeee-0000-4000-8000-000000000011', auth.uid(), 'zz_farm_on', 'tool_use', 100, true)
      from generate_series(1, 20)$$,
    'and 20 more through track_tool_usage');
select tests.authenticate_as_anon();
select is(
    (select row(usage_count, unique_user_count)::text from playground.ai_playground_toolkit_items where tool_name = 'zz_farm_on'),
    row(1, 1)::text,
    'attack: 1,020 uses by one user on one day move usage_count by 1, as anon reads it');

select tests.authenticate_as('pgf-alice@example.com');
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
values ('eeeeeeee-0000-4000-8000-000000000012', auth.uid(), 'tool_use', 'zz_farm_on');
select tests.authenticate_as_service_role();
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, created_at)
values ('eeeeeeee-0000-4000-8000-000000000011', tests.get_user_id('pgf-mallory@example.com'), 'tool_use', 'zz_farm_on',
        now() + interval '1 day');
select is(
    (select row(usage_count, unique_user_count)::text from playground.ai_playground_toolkit_items where tool_name = 'zz_farm_on'),
    row(3, 2)::text,
    'another user counts, and so does the same user on another day (3 uses by 2 users)');

-------------------------------------------------- interactions: what an API caller may record

select tests.authenticate_as('pgf-mallory@example.com');
select is(
    tests.pgf_err($$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
                    values ('eeeeeeee-0000-4000-8000-000000000011', auth.uid(), 'tool_use', 'zz_farm_off')$$),
    '42501',
    'attack: an interaction with an inactive tool is refused (42501)');
select is(
    tests.pgf_err($$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
                    values ('eeeeeeee-0000-4000-8000-000000000012', auth.uid(), 'tool_use', 'zz_farm_on')$$),
    '42501',
    'attack: an interaction in someone else''s session is refused (42501)');
select is(
    tests.pgf_err($$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
                    values ('eeeeeeee-0000-4000-8000-0000000000ff', auth.uid(), 'tool_use', 'zz_farm_on')$$),
    '42501',
    'a session that does not exist gives the same 42501 (no oracle)');
update playground.ai_playground_sessions set session_end = now() where id = 'eeeeeeee-0000-4000-8000-000000000011';
select is(
    tests.pgf_err($$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
                    values ('eeeeeeee-0000-4000-8000-000000000011', auth.uid(), 'tool_use', 'zz_farm_on')$$),
    '55000',
    'attack: no interaction is added to an ended session (55000)');
select tests.clear_authentication();
select is(
    (select row(usage_count, unique_user_count, rating_count)::text from playground.ai_playground_toolkit_items where tool_name = 'zz_farm_off'),
    row(0, 0, 0)::text,
    'the inactive tool''s counters did not move');

------------------------------------------------------ nonprofit profile usage

select tests.authenticate_as('pgf-mallory@example.com');
select lives_ok(
    $$insert into playground.ai_playground_sessions (user_id, activity_type, nonprofit_profile_id)
      select auth.uid(), 'nonprofit_scenario', 'eeeeeeee-0000-4000-8000-000000000001' from generate_series(1, 50)$$,
    'mallory starts 50 sessions on one nonprofit profile');
select is(
    (select usage_count from playground.synthetic_nonprofit_profiles where id = 'eeeeeeee-0000-4000-8000-000000000001'),
    1,
    'attack: 50 sessions by one user on one day move the profile''s usage_count by 1');

------------------------------------------------------------ achievement metrics

select tests.authenticate_as('pgf-alice@example.com');
insert into playground.ai_playground_creations (id, user_id, title, creation_type, sharing_level)
select ('eeeeeeee-0000-4000-8000-00000000010' || g)::uuid, auth.uid(), 'Public ' || g, 'prompt', 'public'
from generate_series(1, 5) g;
select tests.authenticate_as('pgf-mallory@example.com');
select lives_ok(
    $$insert into playground.ai_playground_creations (user_id, title, creation_type, parent_id)
      select auth.uid(), 'fork ' || g, 'prompt', ('eeeeeeee-0000-4000-8000-00000000010' || (1 + g % 5))::uuid
      from generate_series(1, 25) g$$,
    'mallory forks each of alice''s 5 creations 5 times');
select tests.authenticate_as('pgf-alice@example.com');
select is(
    (select sum(fork_count)::int from playground.ai_playground_creations where user_id = auth.uid()),
    5,
    'each creation counts mallory once (fork_count 1 each)');
select is_empty(
    $$select * from playground.check_and_award_achievements(auth.uid()) where achievement_type = 'forked_favourite'$$,
    'attack: one accomplice forking 5 creations does not unlock forked_favourite (5 forks received)');
select is(
    (select progress_current from playground.ai_playground_achievements
        where user_id = auth.uid() and achievement_type = 'forked_favourite'),
    1,
    'forks_received counts distinct forking users: 1');

select tests.authenticate_as_service_role();
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, user_rating)
select 'eeeeeeee-0000-4000-8000-000000000011', tests.get_user_id('pgf-mallory@example.com'), 'tool_use', 'zz_farm_on', 5
from generate_series(1, 12);
select tests.authenticate_as('pgf-mallory@example.com');
select is_empty(
    $$select * from playground.check_and_award_achievements(auth.uid()) where achievement_type = 'thoughtful_reviewer'$$,
    'attack: 13 rated interactions with one tool do not unlock thoughtful_reviewer (10 ratings given)');
select is(
    (select progress_current from playground.ai_playground_achievements
        where user_id = auth.uid() and achievement_type = 'thoughtful_reviewer'),
    1,
    'ratings_given counts the tools rated: 1');

select * from finish();
rollback;
