-- playground: the six analytics views. A signed-in user sees figures from
-- their own rows only; an admin (app_metadata.role = admin) and
-- service_role see the whole platform. Includes the seed's 7-day daily
-- metrics query as written.
begin;
select plan(37);

-- fixture (as postgres). "Today's" activity is anchored at yesterday 12:00
-- UTC so the assertions hold at any time of day.
create temporary table anchor on commit drop as
select ((((now() at time zone 'UTC')::date - 1))::timestamp at time zone 'UTC') + interval '12 hours' as t;
grant select on anchor to authenticated, service_role;
insert into auth.users (id, aud, role, email, raw_app_meta_data, email_confirmed_at)
values
    ('a0a0a0a0-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'pg.viewer1@test.local', '{}', (select t from anchor)),
    ('a0a0a0a0-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'pg.viewer2@test.local', '{}', (select t from anchor)),
    ('a0a0a0a0-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'pg.boss@test.local', '{"role": "admin"}', now());
insert into playground.ai_playground_sessions (id, user_id, session_start, session_end)
values
    ('b0b0b0b0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000001', (select t from anchor) - interval '20 minutes', (select t from anchor) - interval '10 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000002', 'a0a0a0a0-0000-4000-8000-000000000002', (select t from anchor) - interval '35 days', (select t from anchor) - interval '35 days' + interval '5 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000003', 'a0a0a0a0-0000-4000-8000-000000000002', (select t from anchor) - interval '5 minutes', null);
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms, tokens_used, success, user_rating, created_at)
values
    ('b0b0b0b0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000001', 'prompt_submit', 'prompt_builder', 100, 10, true, 5, (select t from anchor) - interval '19 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000001', 'prompt_submit', 'prompt_builder', 200, 20, true, 3, (select t from anchor) - interval '18 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000001', 'prompt_refine', 'prompt_builder', 300, 30, true, null, (select t from anchor) - interval '17 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000001', 'prompt_refine', 'prompt_builder', 400, 40, true, null, (select t from anchor) - interval '16 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000001', 'simulation_run', 'ai_simulator', 6000, 50, false, null, (select t from anchor) - interval '15 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000003', 'a0a0a0a0-0000-4000-8000-000000000002', 'prompt_submit', 'prompt_builder', 1000, 100, true, 1, (select t from anchor) - interval '4 minutes'),
    ('b0b0b0b0-0000-4000-8000-000000000003', 'a0a0a0a0-0000-4000-8000-000000000002', 'prompt_submit', 'prompt_builder', 1000, 100, true, null, (select t from anchor) - interval '3 minutes');
insert into playground.ai_playground_creations (user_id, title, creation_type, sharing_level, tags, is_template, created_at)
values
    ('a0a0a0a0-0000-4000-8000-000000000001', 'Mine, private', 'prompt', 'private', '{alpha,beta}', false, (select t from anchor)),
    ('a0a0a0a0-0000-4000-8000-000000000001', 'Mine, public', 'prompt', 'public', '{alpha}', true, (select t from anchor)),
    ('a0a0a0a0-0000-4000-8000-000000000002', 'Theirs, public', 'prompt', 'public', '{zulu}', false, (select t from anchor));
select set_config('request.jwt.claims', '{"role": "service_role"}', true);
select count(*) from playground.check_and_award_achievements('a0a0a0a0-0000-4000-8000-000000000001');
select count(*) from playground.check_and_award_achievements('a0a0a0a0-0000-4000-8000-000000000002');
select tests.clear_authentication();
update playground.ai_playground_achievements set unlocked_at = (select t from anchor)
    where user_id in ('a0a0a0a0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000002')
    and unlocked_at is not null;

-- whole-table views owned by postgres (not security_invoker: they bypass RLS)
-- give the platform-wide expectations of the admin section: an admin's own
-- select on sessions and interactions is owner-only.
create temporary view all_sessions as select * from playground.ai_playground_sessions;
create temporary view all_interactions as select * from playground.ai_playground_interactions;
grant select on all_sessions, all_interactions to authenticated, service_role;

-- who sees the whole platform
select tests.authenticate_as('pg.viewer1@test.local');
select is(playground_private.is_platform_viewer(), false, 'is_platform_viewer: false for a signed-in user');
select tests.authenticate_as('pg.boss@test.local');
select is(playground_private.is_platform_viewer(), true, 'is_platform_viewer: true for app_metadata.role = admin');
select tests.authenticate_as_service_role();
select is(playground_private.is_platform_viewer(), true, 'is_platform_viewer: true for service_role');
-- As postgres: on Supabase service_role has no rights on auth.users.
select tests.clear_authentication();
update auth.users set raw_user_meta_data = '{"role": "admin"}' where email = 'pg.viewer2@test.local';
select tests.authenticate_as('pg.viewer2@test.local');
select is(playground_private.is_platform_viewer(), false, 'is_platform_viewer: user_metadata.role = admin grants nothing');
select tests.clear_authentication();

-- ai_playground_user_engagement ----------------------------------------------
select tests.authenticate_as('pg.viewer1@test.local');
select results_eq(
    $$select user_id from playground.ai_playground_user_engagement$$,
    $$values ('a0a0a0a0-0000-4000-8000-000000000001'::uuid)$$,
    'user_engagement: a user sees only their own row');
select is(
    (select row(total_sessions, total_session_seconds, total_interactions, successful_interactions, success_rate,
                distinct_tools_used, most_used_tool, total_creations, public_creations, templates_created)::text
        from playground.ai_playground_user_engagement),
    row(1, 600, 5, 4, 0.8000, 2, 'prompt_builder', 2, 1, 1)::text,
    'user_engagement: own figures (1 session of 600 s, 5 interactions 80% ok, 2 tools, 2 creations)');
select is(
    (select row(achievements_unlocked, achievement_points)::text from playground.ai_playground_user_engagement),
    (select row(count(*)::int, sum(points)::int)::text from playground.ai_playground_achievements
        where user_id = 'a0a0a0a0-0000-4000-8000-000000000001' and unlocked_at is not null),
    'user_engagement: achievements and points match the awarded rows');

-- ai_playground_tool_analytics -----------------------------------------------
select is(
    (select row(total_uses, unique_users, successful_uses, error_count, success_rate, avg_response_time_ms, avg_tokens_used, avg_user_rating, rating_count)::text
        from playground.ai_playground_tool_analytics where tool_name = 'prompt_builder'),
    row(4, 1, 4, 0, 1.0000, 250, 25, 4.00, 2)::text,
    'tool_analytics: a user sees the figures of their own interactions only');
select is(
    (select count(*)::int from playground.ai_playground_tool_analytics),
    (select count(*)::int from playground.ai_playground_toolkit_items where is_active),
    'tool_analytics: one row per active tool for a user');

-- ai_playground_creation_analytics -------------------------------------------
select is(
    (select row(total_creations, creators, public_creations, templates, popular_tags)::text
        from playground.ai_playground_creation_analytics where creation_type = 'prompt'),
    row(2, 1, 1, 1, array['alpha', 'beta'])::text,
    'creation_analytics: a user''s figures ignore other users'' public creations');

-- ai_playground_daily_metrics: the seed's example query, as written -----------
set local search_path = playground, public, extensions;
select lives_ok(
    $$SELECT * FROM ai_playground_daily_metrics
WHERE activity_date >= CURRENT_DATE - INTERVAL '7 days'
ORDER BY activity_date DESC;$$,
    'seed example: the 7-day daily metrics query runs as written');
select results_eq(
    $$SELECT activity_date, active_users, sessions, interactions, errors, tokens_used, new_creations
        FROM ai_playground_daily_metrics
       WHERE activity_date >= CURRENT_DATE - INTERVAL '7 days'
       ORDER BY activity_date DESC$$,
    $$values (((now() at time zone 'UTC')::date - 1), 1::bigint, 1::bigint, 5::bigint, 1::bigint, 150::bigint, 2::bigint)$$,
    'daily_metrics for a user: yesterday only, their own session, 5 interactions, 1 error, 150 tokens, 2 creations');
select is(
    (select achievements_unlocked from ai_playground_daily_metrics where activity_date = ((now() at time zone 'UTC')::date - 1)),
    (select count(*) from playground.ai_playground_achievements
        where user_id = 'a0a0a0a0-0000-4000-8000-000000000001' and unlocked_at is not null),
    'daily_metrics for a user: their own achievements unlocked that day');

-- ai_playground_user_funnel ----------------------------------------------------
select is(
    (select row(funnel_stage, total_sessions, returned_within_7_days, active_after_30_days, first_prompt_at is not null)::text
        from ai_playground_user_funnel),
    row('shared_creation', 1, false, false, true)::text,
    'user_funnel: own journey reached shared_creation');
select is(
    (select count(*)::int from ai_playground_user_funnel), 1,
    'user_funnel: a user sees only their own row');

-- ai_playground_performance_metrics --------------------------------------------
select is(
    (select row(request_count, timed_requests, avg_response_time_ms, p50_response_time_ms, p90_response_time_ms,
                p95_response_time_ms, p99_response_time_ms, max_response_time_ms, error_rate, total_tokens, slow_requests)::text
        from ai_playground_performance_metrics where tool_name = 'prompt_builder'),
    row(4, 4, 250, 250::float8, 370::float8, 385::float8, 397::float8, 400, 0.0000, 100::bigint, 0)::text,
    'performance_metrics: percentiles over 100/200/300/400 ms (p50 250, p90 370, p95 385, p99 397)');
select is(
    (select row(error_count, error_rate, slow_requests)::text
        from ai_playground_performance_metrics where tool_name = 'ai_simulator'),
    row(1, 1.0000, 1)::text,
    'performance_metrics: a failed 6 s request counts as an error and a slow request');
select is(
    (select count(*)::int from ai_playground_performance_metrics), 2,
    'performance_metrics: a user sees only their own tools and days');

-- the other user sees only their own figures ----------------------------------
select tests.authenticate_as('pg.viewer2@test.local');
select is(
    (select row(user_id, total_sessions, total_interactions, active_days)::text from ai_playground_user_engagement),
    row('a0a0a0a0-0000-4000-8000-000000000002'::uuid, 2, 2, 2)::text,
    'user_engagement: the other user sees their own row');
select is(
    (select row(funnel_stage, returned_within_7_days, active_after_30_days)::text from ai_playground_user_funnel),
    row('retained', false, true)::text,
    'user_funnel: back 35 days after the first session counts as retained');
select is(
    (select total_uses from ai_playground_tool_analytics where tool_name = 'prompt_builder'),
    2, 'tool_analytics: the other user''s own uses');
select is(
    (select popular_tags from ai_playground_creation_analytics where creation_type = 'prompt'),
    array['zulu'], 'creation_analytics: the other user''s own tags');

-- an admin sees the whole platform --------------------------------------------
select tests.authenticate_as('pg.boss@test.local');
select is(
    (select count(*)::int from ai_playground_user_engagement
        where user_id in ('a0a0a0a0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000002')),
    2, 'user_engagement: an admin sees every user');
select is(
    (select count(*)::int from ai_playground_user_engagement),
    (select count(*)::int from (
        select user_id from all_sessions
        union
        select user_id from playground.ai_playground_creations
    ) as u),
    'user_engagement: an admin gets one row per active user of the platform');
select is(
    (select total_uses from ai_playground_tool_analytics where tool_name = 'prompt_builder'),
    (select count(*)::int from all_interactions where tool_name = 'prompt_builder'),
    'tool_analytics: an admin sees platform-wide uses');
select is(
    (select interactions from ai_playground_daily_metrics where activity_date = ((now() at time zone 'UTC')::date - 1)),
    (select count(*) from all_interactions
        where (created_at at time zone 'UTC')::date = ((now() at time zone 'UTC')::date - 1)),
    'daily_metrics: an admin sees platform-wide interactions for the day');
select cmp_ok(
    (select active_users from ai_playground_daily_metrics where activity_date = ((now() at time zone 'UTC')::date - 1)),
    '>=', 2::bigint,
    'daily_metrics: an admin counts both active users that day');
select is(
    (select count(*)::int from ai_playground_user_funnel
        where user_id in ('a0a0a0a0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000002')),
    2, 'user_funnel: an admin sees every user');
select is(
    (select total_creations from ai_playground_creation_analytics where creation_type = 'prompt'),
    (select count(*)::int from playground.ai_playground_creations where creation_type = 'prompt'),
    'creation_analytics: an admin sees every creation');
select is(
    (select sum(request_count)::int from ai_playground_performance_metrics where tool_name = 'prompt_builder'),
    (select count(*)::int from all_interactions where tool_name = 'prompt_builder'),
    'performance_metrics: an admin sees every request');
select is(
    (select count(*)::int from playground.ai_playground_interactions),
    0, 'an admin''s own select on interactions is owner-only (the views read through platform_interactions())');
select is(
    (select sum(sessions)::int from ai_playground_daily_metrics),
    (select count(*)::int from all_sessions),
    'daily_metrics: an admin sees every session (through platform_sessions())');

-- service_role sees the whole platform too --------------------------------------
select tests.authenticate_as_service_role();
select is(
    (select count(*)::int from ai_playground_user_engagement),
    (select count(*)::int from (
        select user_id from playground.ai_playground_sessions
        union
        select user_id from playground.ai_playground_creations
    ) as u),
    'user_engagement: service_role sees every user');
select is(
    (select sum(interactions)::int from ai_playground_daily_metrics),
    (select count(*)::int from playground.ai_playground_interactions),
    'daily_metrics: service_role sees every interaction');
select is(
    (select sum(total_uses)::int from ai_playground_tool_analytics),
    (select count(*)::int from playground.ai_playground_interactions),
    'tool_analytics: service_role sees every interaction');

-- a user without activity sees empty analytics ----------------------------------
select tests.create_user('pg.newcomer@test.local');
select tests.authenticate_as('pg.newcomer@test.local');
select is_empty($$select * from ai_playground_user_engagement$$, 'user_engagement: empty for a user without activity');
select is_empty($$select * from ai_playground_daily_metrics$$, 'daily_metrics: empty for a user without activity');

select * from finish();
rollback;
