-- playground: who the caller is never comes from the JWT `role` claim
-- (issue 15, one rule for every module: _macros/caller_role.sql.j2).
-- assert_can_act_for, is_platform_viewer, platform_sessions,
-- platform_interactions, refresh_platform_rollups and signup_funnel asked
-- auth.role(), the `role` of request.jwt.claims, a setting any session can
-- change. Write guards (invoker triggers) ask current_user; these checks now
-- ask the role the session acts as (caller_role(): SET ROLE, else the login
-- role), which a session cannot choose beyond its memberships:
-- service_role, or a member of it (postgres, pg_cron), is trusted; admins
-- stay app_metadata.role = admin.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

create function playground_private.caller_role()
returns text
language sql
stable
set search_path = ''
as $$
    select coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user::text);
$$;

comment on function playground_private.caller_role() is
'The database role the session acts as: the role set by SET ROLE (PostgREST sets anon, authenticated or service_role per request), else the login role. Unlike current_user it keeps naming the caller inside SECURITY DEFINER functions; unlike auth.role() (the JWT role claim, a setting any session can change) a session cannot choose it beyond its role memberships.';

create function playground_private.caller_is_api()
returns boolean
language sql
stable
set search_path = ''
as $$
    select playground_private.caller_role() in ('anon', 'authenticated');
$$;

comment on function playground_private.caller_is_api() is
'True when the session acts as an API client role (caller_role() is anon or authenticated). The rule of every module: write guards (invoker triggers) ask current_user; entry checks of SECURITY DEFINER functions ask the session''s role; nothing asks the JWT role claim.';

create function playground_private.caller_is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
    select pg_catalog.pg_has_role(playground_private.caller_role(), 'service_role', 'member');
$$;

comment on function playground_private.caller_is_service() is
'True when the session acts as service_role or as a role that is a member of it (postgres on Supabase, pg_cron jobs, migrations): caller_role(), never the JWT role claim.';

create function playground_private.caller_api_role()
returns text
language sql
stable
set search_path = ''
as $$
    select r.role
    from (select playground_private.caller_role() as role) as r
    where r.role in ('anon', 'authenticated', 'service_role');
$$;

comment on function playground_private.caller_api_role() is
'The API role the session acts as (anon, authenticated or service_role, from caller_role()), or null for a direct database session. For audit records: a forged JWT role claim cannot make an entry look like the service role''s.';

revoke execute on function playground_private.caller_role() from public, anon, authenticated;
revoke execute on function playground_private.caller_is_api() from public, anon, authenticated;
revoke execute on function playground_private.caller_is_service() from public, anon, authenticated;
revoke execute on function playground_private.caller_api_role() from public, anon, authenticated;-- called by security invoker code that API roles run; they tell a caller only its own role
grant execute on function playground_private.caller_role() to anon, authenticated, service_role;
grant execute on function playground_private.caller_is_api() to anon, authenticated, service_role;
grant execute on function playground_private.caller_is_service() to anon, authenticated, service_role;
grant execute on function playground_private.caller_api_role() to anon, authenticated, service_role;

create or replace function playground_private.assert_can_act_for(p_user_id uuid) returns void
language plpgsql
stable
set search_path = ''
as $$
begin
    if p_user_id is null then
        raise exception 'playground: user_id must not be null'
            using errcode = '22004';
    end if;
    if p_user_id is distinct from (select auth.uid())
        and not (select playground_private.caller_is_service()) then
        raise exception 'playground: a user may only act for themself'
            using errcode = '42501',
                  hint = 'Call the function with your own user id (auth.uid()), or use the service_role key.';
    end if;
end
$$;

create or replace function playground_private.is_platform_viewer() returns boolean
language sql
stable
set search_path = ''
as $$
    select pg_catalog.pg_has_role(current_user, 'service_role', 'member')
        or playground_private.is_admin();
$$;

create or replace function playground_private.platform_sessions() returns setof playground.ai_playground_sessions
language plpgsql
stable security definer
set search_path = ''
as $$
begin
    if not (select playground_private.caller_is_service())
        and not playground_private.is_admin() then
        raise exception 'playground: platform-wide sessions are for service_role and admins'
            using errcode = '42501',
                  hint = 'Read playground.ai_playground_sessions for your own rows.';
    end if;
    return query
        select t.*
        from playground.ai_playground_sessions as t;
end
$$;

create or replace function playground_private.platform_interactions() returns setof playground.ai_playground_interactions
language plpgsql
stable security definer
set search_path = ''
as $$
begin
    if not (select playground_private.caller_is_service())
        and not playground_private.is_admin() then
        raise exception 'playground: platform-wide interactions are for service_role and admins'
            using errcode = '42501',
                  hint = 'Read playground.ai_playground_interactions for your own rows.';
    end if;
    return query
        select t.*
        from playground.ai_playground_interactions as t;
end
$$;

create or replace function playground_private.refresh_platform_rollups() returns setof playground.ai_playground_platform_rollup_refreshes
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_started timestamptz;
    v_as_of timestamptz;
    v_rows bigint;
begin
    -- the caller: a session acting as service_role or as a member of it
    -- (pg_cron, a migration, psql as postgres), never the JWT role claim.
    -- current_user is the owner here, so it proves nothing about the caller.
    if not (select playground_private.caller_is_service()) then
        raise exception 'playground: refreshing the platform rollups is for service_role'
            using errcode = '42501',
                  hint = 'Read the rollups, or the live analytics views; pg_cron refreshes them every 15 minutes.';
    end if;
    -- the views give the platform figures only to a platform viewer: here
    -- that is the owner, who must then be a member of
    -- service_role (postgres is, on Supabase); never fill the rollups with
    -- nothing.
    if not playground_private.is_platform_viewer() then
        raise exception 'playground: the owner of refresh_platform_rollups() must be a member of service_role'
            using errcode = '42501',
                  hint = 'grant service_role to the owner, or call the function with the service_role key.';
    end if;

    -- one refresh at a time; readers (access share) keep reading the rows of
    -- the previous refresh until this transaction commits.
    lock table
        playground.ai_playground_platform_tool_analytics,
        playground.ai_playground_platform_creation_analytics,
        playground.ai_playground_platform_daily_metrics,
        playground.ai_playground_platform_performance_metrics,
        playground.ai_playground_platform_user_funnel,
        playground.ai_playground_platform_user_engagement,
        playground.ai_playground_platform_rollup_refreshes
        in exclusive mode;

    -- ai_playground_platform_tool_analytics
    v_started := pg_catalog.clock_timestamp();
    delete from playground.ai_playground_platform_tool_analytics;
    v_as_of := pg_catalog.clock_timestamp();
    insert into playground.ai_playground_platform_tool_analytics (
        tool_name,
        display_name,
        category,
        is_active,
        is_beta,
        is_premium,
        total_uses,
        unique_users,
        successful_uses,
        error_count,
        success_rate,
        avg_response_time_ms,
        avg_tokens_used,
        avg_user_rating,
        rating_count,
        first_used_at,
        last_used_at
    )
    select
        v.tool_name,
        v.display_name,
        v.category,
        v.is_active,
        v.is_beta,
        v.is_premium,
        v.total_uses,
        v.unique_users,
        v.successful_uses,
        v.error_count,
        v.success_rate,
        v.avg_response_time_ms,
        v.avg_tokens_used,
        v.avg_user_rating,
        v.rating_count,
        v.first_used_at,
        v.last_used_at
    from playground.ai_playground_tool_analytics as v;
    get diagnostics v_rows = row_count;
    insert into playground.ai_playground_platform_rollup_refreshes as s (rollup_name, refreshed_at, duration_ms, row_count)
    values (
        'ai_playground_platform_tool_analytics',
        v_as_of,
        round(extract(epoch from pg_catalog.clock_timestamp() - v_started) * 1000)::integer,
        v_rows
    )
    on conflict (rollup_name) do update
        set refreshed_at = excluded.refreshed_at,
            duration_ms = excluded.duration_ms,
            row_count = excluded.row_count;

    -- ai_playground_platform_creation_analytics
    v_started := pg_catalog.clock_timestamp();
    delete from playground.ai_playground_platform_creation_analytics;
    v_as_of := pg_catalog.clock_timestamp();
    insert into playground.ai_playground_platform_creation_analytics (
        creation_type,
        total_creations,
        creators,
        avg_quality_score,
        high_quality_creations,
        total_views,
        total_uses,
        total_forks,
        public_creations,
        shared_creations,
        published_creations,
        templates,
        versions,
        popular_tags,
        last_created_at
    )
    select
        v.creation_type,
        v.total_creations,
        v.creators,
        v.avg_quality_score,
        v.high_quality_creations,
        v.total_views,
        v.total_uses,
        v.total_forks,
        v.public_creations,
        v.shared_creations,
        v.published_creations,
        v.templates,
        v.versions,
        v.popular_tags,
        v.last_created_at
    from playground.ai_playground_creation_analytics as v;
    get diagnostics v_rows = row_count;
    insert into playground.ai_playground_platform_rollup_refreshes as s (rollup_name, refreshed_at, duration_ms, row_count)
    values (
        'ai_playground_platform_creation_analytics',
        v_as_of,
        round(extract(epoch from pg_catalog.clock_timestamp() - v_started) * 1000)::integer,
        v_rows
    )
    on conflict (rollup_name) do update
        set refreshed_at = excluded.refreshed_at,
            duration_ms = excluded.duration_ms,
            row_count = excluded.row_count;

    -- ai_playground_platform_daily_metrics
    v_started := pg_catalog.clock_timestamp();
    delete from playground.ai_playground_platform_daily_metrics;
    v_as_of := pg_catalog.clock_timestamp();
    insert into playground.ai_playground_platform_daily_metrics (
        activity_date,
        active_users,
        sessions,
        avg_session_seconds,
        interactions,
        errors,
        avg_response_time_ms,
        tokens_used,
        new_creations,
        achievements_unlocked
    )
    select
        v.activity_date,
        v.active_users,
        v.sessions,
        v.avg_session_seconds,
        v.interactions,
        v.errors,
        v.avg_response_time_ms,
        v.tokens_used,
        v.new_creations,
        v.achievements_unlocked
    from playground.ai_playground_daily_metrics as v;
    get diagnostics v_rows = row_count;
    insert into playground.ai_playground_platform_rollup_refreshes as s (rollup_name, refreshed_at, duration_ms, row_count)
    values (
        'ai_playground_platform_daily_metrics',
        v_as_of,
        round(extract(epoch from pg_catalog.clock_timestamp() - v_started) * 1000)::integer,
        v_rows
    )
    on conflict (rollup_name) do update
        set refreshed_at = excluded.refreshed_at,
            duration_ms = excluded.duration_ms,
            row_count = excluded.row_count;

    -- ai_playground_platform_performance_metrics
    v_started := pg_catalog.clock_timestamp();
    delete from playground.ai_playground_platform_performance_metrics;
    v_as_of := pg_catalog.clock_timestamp();
    insert into playground.ai_playground_platform_performance_metrics (
        metric_date,
        tool_name,
        request_count,
        timed_requests,
        avg_response_time_ms,
        p50_response_time_ms,
        p90_response_time_ms,
        p95_response_time_ms,
        p99_response_time_ms,
        max_response_time_ms,
        error_count,
        error_rate,
        total_tokens,
        avg_tokens,
        slow_requests
    )
    select
        v.metric_date,
        v.tool_name,
        v.request_count,
        v.timed_requests,
        v.avg_response_time_ms,
        v.p50_response_time_ms,
        v.p90_response_time_ms,
        v.p95_response_time_ms,
        v.p99_response_time_ms,
        v.max_response_time_ms,
        v.error_count,
        v.error_rate,
        v.total_tokens,
        v.avg_tokens,
        v.slow_requests
    from playground.ai_playground_performance_metrics as v;
    get diagnostics v_rows = row_count;
    insert into playground.ai_playground_platform_rollup_refreshes as s (rollup_name, refreshed_at, duration_ms, row_count)
    values (
        'ai_playground_platform_performance_metrics',
        v_as_of,
        round(extract(epoch from pg_catalog.clock_timestamp() - v_started) * 1000)::integer,
        v_rows
    )
    on conflict (rollup_name) do update
        set refreshed_at = excluded.refreshed_at,
            duration_ms = excluded.duration_ms,
            row_count = excluded.row_count;

    -- ai_playground_platform_user_funnel
    v_started := pg_catalog.clock_timestamp();
    delete from playground.ai_playground_platform_user_funnel;
    v_as_of := pg_catalog.clock_timestamp();
    insert into playground.ai_playground_platform_user_funnel (
        user_id,
        first_session_at,
        first_interaction_at,
        first_prompt_at,
        first_creation_at,
        first_public_creation_at,
        first_achievement_at,
        total_sessions,
        active_days,
        last_session_at,
        returned_within_7_days,
        active_after_30_days,
        funnel_stage
    )
    select
        v.user_id,
        v.first_session_at,
        v.first_interaction_at,
        v.first_prompt_at,
        v.first_creation_at,
        v.first_public_creation_at,
        v.first_achievement_at,
        v.total_sessions,
        v.active_days,
        v.last_session_at,
        v.returned_within_7_days,
        v.active_after_30_days,
        v.funnel_stage
    from playground.ai_playground_user_funnel as v;
    get diagnostics v_rows = row_count;
    insert into playground.ai_playground_platform_rollup_refreshes as s (rollup_name, refreshed_at, duration_ms, row_count)
    values (
        'ai_playground_platform_user_funnel',
        v_as_of,
        round(extract(epoch from pg_catalog.clock_timestamp() - v_started) * 1000)::integer,
        v_rows
    )
    on conflict (rollup_name) do update
        set refreshed_at = excluded.refreshed_at,
            duration_ms = excluded.duration_ms,
            row_count = excluded.row_count;

    -- ai_playground_platform_user_engagement
    v_started := pg_catalog.clock_timestamp();
    delete from playground.ai_playground_platform_user_engagement;
    v_as_of := pg_catalog.clock_timestamp();
    insert into playground.ai_playground_platform_user_engagement (
        user_id,
        total_sessions,
        total_session_seconds,
        avg_session_seconds,
        first_session_at,
        last_session_at,
        active_days,
        total_interactions,
        successful_interactions,
        success_rate,
        distinct_tools_used,
        most_used_tool,
        avg_response_time_ms,
        last_interaction_at,
        total_creations,
        public_creations,
        templates_created,
        achievements_unlocked,
        achievement_points,
        achievements_in_progress
    )
    select
        v.user_id,
        v.total_sessions,
        v.total_session_seconds,
        v.avg_session_seconds,
        v.first_session_at,
        v.last_session_at,
        v.active_days,
        v.total_interactions,
        v.successful_interactions,
        v.success_rate,
        v.distinct_tools_used,
        v.most_used_tool,
        v.avg_response_time_ms,
        v.last_interaction_at,
        v.total_creations,
        v.public_creations,
        v.templates_created,
        v.achievements_unlocked,
        v.achievement_points,
        v.achievements_in_progress
    from playground.ai_playground_user_engagement as v;
    get diagnostics v_rows = row_count;
    insert into playground.ai_playground_platform_rollup_refreshes as s (rollup_name, refreshed_at, duration_ms, row_count)
    values (
        'ai_playground_platform_user_engagement',
        v_as_of,
        round(extract(epoch from pg_catalog.clock_timestamp() - v_started) * 1000)::integer,
        v_rows
    )
    on conflict (rollup_name) do update
        set refreshed_at = excluded.refreshed_at,
            duration_ms = excluded.duration_ms,
            row_count = excluded.row_count;

    return query
        select s.*
        from playground.ai_playground_platform_rollup_refreshes as s
        order by s.rollup_name;
end
$$;

create or replace function playground_private.signup_funnel() returns table (signup_date date, signed_up bigint, started_session bigint, started_within_1_day bigint, started_within_7_days bigint, median_hours_to_first_session numeric)
language plpgsql
stable security definer
set search_path = ''
as $$
declare
begin
    if not (
        (select playground_private.caller_is_service())
        or playground_private.is_admin()
    ) then
        raise exception 'playground: the sign-up funnel is for service_role and admins'
            using errcode = '42501',
                  hint = 'Read playground.ai_playground_user_funnel for your own journey.';
    end if;
    return query
        with firsts as (
            select s.user_id, min(s.session_start) as first_session_at
            from playground.ai_playground_sessions as s
            group by s.user_id
        ),
        people as (
            select (u.created_at at time zone 'UTC')::date as day,
                   f.first_session_at - u.created_at as wait
            from auth.users as u
            left join firsts as f on f.user_id = u.id
        )
        select p.day,
               count(*),
               count(p.wait),
               count(*) filter (where p.wait <= interval '1 day'),
               count(*) filter (where p.wait <= interval '7 days'),
               round((percentile_cont(0.5) within group (order by extract(epoch from p.wait)) / 3600)::numeric, 2)
        from people as p
        group by p.day
        order by p.day;
end
$$;

comment on function playground_private.is_platform_viewer() is
'True when the caller may see whole-platform analytics: current_user is service_role or a member of it (postgres on a direct connection, the owner inside refresh_platform_rollups), or an admin (app_metadata.role = admin). The JWT role claim is not consulted. Used by the analytics views (security invoker, so current_user is the caller).';

comment on function playground_private.platform_sessions() is
'Every row of playground.ai_playground_sessions, for whole-platform analytics. Raises 42501 unless the session acts as service_role or a member of it (caller_is_service(), not the JWT role claim) or the caller is an admin (app_metadata.role = admin). SECURITY DEFINER because the table''s select policy is owner-only (so that a user''s queries use the user_id index); the analytics views call it only for platform viewers, behind a one-time filter.';

comment on function playground_private.platform_interactions() is
'Every row of playground.ai_playground_interactions, for whole-platform analytics. Raises 42501 unless the session acts as service_role or a member of it (caller_is_service(), not the JWT role claim) or the caller is an admin (app_metadata.role = admin). SECURITY DEFINER because the table''s select policy is owner-only (so that a user''s queries use the user_id index); the analytics views call it only for platform viewers, behind a one-time filter.';

comment on function playground_private.assert_can_act_for(uuid) is
'Raises 22004 for a null user id and 42501 unless the caller is that user (auth.uid()) or the session acts as service_role or a member of it (caller_is_service(); the JWT role claim is not consulted). Called first by every playground function taking a user id.';
