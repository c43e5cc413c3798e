-- playground: get_user_recent_activity, calculate_user_skill_level and
-- get_recommended_tools, including the seed's usage examples as written.
begin;
select plan(36);
set local timezone = 'Pacific/Auckland';  -- results must not depend on the session time zone

-- fixture (as postgres): a learner with activity today, 2 days ago and 40
-- days ago; a second user with their own activity
insert into auth.users (id, aud, role, email, raw_app_meta_data, email_confirmed_at)
values
    ('eeeeeeee-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'pg.learner@test.local', '{}', now()),
    ('eeeeeeee-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'pg.peer@test.local', '{}', now());
insert into playground.ai_playground_sessions (id, user_id, session_start, session_end)
values
    ('ffffffff-0000-4000-8000-000000000001', 'eeeeeeee-0000-4000-8000-000000000001',
     (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '40 days' + interval '10 hours',
     (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '40 days' + interval '11 hours'),
    ('ffffffff-0000-4000-8000-000000000002', 'eeeeeeee-0000-4000-8000-000000000001',
     (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '2 days' + interval '9 hours',
     (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '2 days' + interval '9 hours 30 minutes'),
    ('ffffffff-0000-4000-8000-000000000003', 'eeeeeeee-0000-4000-8000-000000000001',
     (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '2 days' + interval '14 hours',
     (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '2 days' + interval '14 hours 10 minutes'),
    ('ffffffff-0000-4000-8000-000000000004', 'eeeeeeee-0000-4000-8000-000000000002',
     now() - interval '1 hour', null);
-- 3 prompt_builder interactions (2 succeed) 2 days ago, 1 concept_explainer 40 days ago
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, success, created_at)
select 'ffffffff-0000-4000-8000-000000000002', 'eeeeeeee-0000-4000-8000-000000000001', 'prompt_submit', 'prompt_builder',
        g < 3, (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '2 days' + interval '9 hours' + g * interval '1 minute'
from generate_series(1, 3) g;
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, success, created_at)
values ('ffffffff-0000-4000-8000-000000000001', 'eeeeeeee-0000-4000-8000-000000000001', 'tool_open', 'concept_explainer', true,
        (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '40 days' + interval '10 hours 5 minutes');
insert into playground.ai_playground_creations (user_id, title, creation_type, tool_name, created_at)
values ('eeeeeeee-0000-4000-8000-000000000001', 'Listing prompt', 'prompt', 'prompt_builder',
        (((now() at time zone 'UTC')::date)::timestamp at time zone 'UTC') - interval '2 days' + interval '9 hours 20 minutes');
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
values ('ffffffff-0000-4000-8000-000000000004', 'eeeeeeee-0000-4000-8000-000000000002', 'prompt_submit', 'grant_writer');

select tests.authenticate_as('pg.learner@test.local');
set local search_path = playground, public, extensions;

-- get_user_recent_activity ----------------------------------------------
select lives_ok(
    $$SELECT * FROM get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001'::uuid, 30);$$,
    'seed example: get_user_recent_activity runs as written');
select results_eq(
    $$SELECT activity_date, sessions_count, total_duration_seconds, interactions_count, successful_interactions,
             tools_used, creations_count
        FROM get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001'::uuid, 30)$$,
    $$values ((now() at time zone 'UTC')::date - 2, 2, 2400, 3, 2, array['prompt_builder'], 1)$$,
    'last 30 days: one row for the day 2 days ago (2 sessions, 40 min, 3 interactions, 2 ok, 1 tool, 1 creation)');
select is(
    (select count(*)::int from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', 60)),
    2,
    'last 60 days also include the day 40 days ago');
select is(
    (select activity_date from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', 60) limit 1),
    (now() at time zone 'UTC')::date - 2,
    'rows come newest first');
select is(
    (select count(*)::int from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', 1)),
    0,
    'nothing in the last day');
select is(
    (select count(*)::int from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001')),
    1,
    'days defaults to 30');
select throws_ok(
    $$select * from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', 0)$$,
    '22023', null, 'days = 0 raises 22023');
select throws_ok(
    $$select * from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', 366)$$,
    '22023', null, 'days = 366 raises 22023');
select throws_ok(
    $$select * from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', null)$$,
    '22023', null, 'days = null raises 22023');
select throws_ok(
    $$select * from get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000002', 30)$$,
    '42501', null, 'another user''s activity raises 42501');
select throws_ok(
    $$select * from get_user_recent_activity(null, 30)$$,
    '22004', null, 'a null user raises 22004');

-- calculate_user_skill_level ---------------------------------------------
select lives_ok(
    $$SELECT * FROM calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000001'::uuid);$$,
    'seed example: calculate_user_skill_level runs as written');
select results_eq(
    $$select skill_category from calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000001')$$,
    $$values ('automation'), ('communication'), ('content_generation'), ('data_analysis'), ('evaluation'),
             ('learning'), ('prompt_engineering'), ('simulation'), ('overall')$$,
    'one row per toolkit category, then overall');
-- prompt_engineering: n=3, ok=2, 1 of 3 tools, 1 creation:
-- 1.5 + (2/3 * 30 * 3/20 = 3) + 10/3 + 2 = 9.83 -> 10, beginner
select is(
    (select row(skill_level, skill_score, interactions_count, success_rate, tools_used, tools_available, creations_count)::text
        from calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000001') where skill_category = 'prompt_engineering'),
    row('beginner', 10, 3, 0.6667, 1, 3, 1)::text,
    'prompt_engineering: score 10 (beginner) from 3 interactions, 2/3 success, 1/3 tools, 1 creation');
select is(
    (select row(skill_score, success_rate)::text
        from calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000001') where skill_category = 'automation'),
    row(0, null::numeric)::text,
    'an unused category scores 0 with a null success rate');
select is(
    (select row(interactions_count, tools_used, tools_available)::text
        from calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000001') where skill_category = 'overall'),
    row(4, 2, 15)::text,
    'overall sums every category (4 interactions, 2 of 15 tools)');

-- a heavy simulation user reaches expert: 60 successful runs on both tools, 5 creations
select tests.clear_authentication();
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, success)
select 'ffffffff-0000-4000-8000-000000000004', 'eeeeeeee-0000-4000-8000-000000000002', 'simulation_run',
        (array['ai_simulator', 'scenario_roleplay'])[1 + g % 2], true
from generate_series(1, 60) g;
insert into playground.ai_playground_creations (user_id, title, creation_type, tool_name)
select 'eeeeeeee-0000-4000-8000-000000000002', 'Simulation ' || g, 'simulation', 'ai_simulator'
from generate_series(1, 5) g;
select tests.authenticate_as('pg.peer@test.local');
select is(
    (select row(skill_level, skill_score)::text
        from calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000002') where skill_category = 'simulation'),
    row('expert', 80)::text,
    'simulation: 30 (volume) + 30 (quality) + 10 (breadth) + 10 (creations) = 80, expert');
select throws_ok(
    $$select * from calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000001')$$,
    '42501', null, 'another user''s skill level raises 42501');
select throws_ok(
    $$select * from calculate_user_skill_level(null)$$,
    '22004', null, 'a null user raises 22004');

-- get_recommended_tools ---------------------------------------------------
select tests.authenticate_as('pg.learner@test.local');
select is(
    (select count(*)::int from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001')),
    5, 'limit defaults to 5');
select is(
    (select count(*)::int from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 3)),
    3, 'limit 3 returns 3 tools');
select is(
    (select count(*)::int from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50)),
    (select count(*)::int from ai_playground_toolkit_items where is_active),
    'a large limit returns every active tool once');
select is(
    (select count(*)::int from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50) as r
        inner join ai_playground_toolkit_items as t on t.tool_name = r.tool_name
        where not t.is_active),
    0, 'inactive tools are never recommended');
select ok(
    (select bool_and(ok) from (
        select recommendation_score <= lag(recommendation_score) over (order by ord) or lag(recommendation_score) over (order by ord) is null as ok
        from (select r.*, row_number() over () as ord
              from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50) r) x) y),
    'recommendations come best first');
select ok(
    (select reason like 'You already use it%' from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50)
        where tool_name = 'prompt_builder'),
    'a tool already used is explained as such');
select ok(
    (select reason like 'New to you%' from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50)
        where tool_name = 'grant_writer'),
    'an untried tool is explained as new');
select cmp_ok(
    (select recommendation_score from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50) where tool_name = 'prompt_optimizer'),
    '>',
    (select recommendation_score from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50) where tool_name = 'prompt_builder'),
    'an untried tool in the same category ranks above the one already used');
select cmp_ok(
    (select recommendation_score from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50) where tool_name = 'content_generator'),
    '>',
    (select recommendation_score from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 50) where tool_name = 'model_comparison'),
    'for a beginner, a beginner tool ranks above an expert tool');
select throws_ok(
    $$select * from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 0)$$,
    '22023', null, 'limit 0 raises 22023');
select throws_ok(
    $$select * from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 51)$$,
    '22023', null, 'limit 51 raises 22023');
select throws_ok(
    $$select * from get_recommended_tools('eeeeeeee-0000-4000-8000-000000000002', 5)$$,
    '42501', null, 'another user''s recommendations raise 42501');

-- anon cannot call the helpers; service_role can for anyone
select tests.authenticate_as_anon();
select throws_ok(
    $$select * from playground.get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', 30)$$,
    '42501', null, 'anon cannot execute get_user_recent_activity (42501)');
select throws_ok(
    $$select * from playground.get_recommended_tools('eeeeeeee-0000-4000-8000-000000000001', 5)$$,
    '42501', null, 'anon cannot execute get_recommended_tools (42501)');
select tests.authenticate_as_service_role();
select is(
    (select interactions_count from playground.get_user_recent_activity('eeeeeeee-0000-4000-8000-000000000001', 30)),
    3, 'service_role can read any user''s recent activity');
select is(
    (select skill_score from playground.calculate_user_skill_level('eeeeeeee-0000-4000-8000-000000000001')
        where skill_category = 'prompt_engineering'),
    10, 'service_role can compute any user''s skill level');
select is(
    (select count(*)::int from playground.get_recommended_tools('eeeeeeee-0000-4000-8000-000000000002', 2)),
    2, 'service_role can get recommendations for any user');

select * from finish();
rollback;
