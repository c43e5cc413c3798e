-- playground: the per-user counters ai_playground_user_tool_stats and
-- ai_playground_user_daily_stats (20261123191100): structure, RLS matrix,
-- trigger correctness (counters equal a live aggregate over the interactions
-- after inserts, updates, deletes, cascades and truncate), and the helper
-- functions and per-user views, which now read the counters, return exactly
-- what the released versions (copied below as pg_temp.old_*) return.
begin;
select plan(161);

------------------------------------------------------------------------------
-- structure
------------------------------------------------------------------------------
select has_table('playground', 'ai_playground_user_tool_stats', 'table ai_playground_user_tool_stats exists');
select has_table('playground', 'ai_playground_user_daily_stats', 'table ai_playground_user_daily_stats exists');
select columns_are('playground', 'ai_playground_user_tool_stats', array['user_id', 'tool_name', 'uses', 'successes', 'prompt_submissions', 'simulations_run', 'timed_uses', 'response_time_sum_ms', 'tokens_reported', 'tokens_sum', 'rating_count', 'rating_sum', 'first_used_at', 'last_used_at', 'first_prompt_at', 'updated_at']::name[], 'ai_playground_user_tool_stats: exact column set');
select columns_are('playground', 'ai_playground_user_daily_stats', array['user_id', 'activity_date', 'interactions', 'successes', 'timed_interactions', 'response_time_sum_ms', 'tokens_sum', 'tools_used', 'updated_at']::name[], 'ai_playground_user_daily_stats: exact column set');
select col_type_is('playground', 'ai_playground_user_tool_stats', 'uses', 'bigint', 'ai_playground_user_tool_stats.uses is bigint');
select col_type_is('playground', 'ai_playground_user_tool_stats', 'first_prompt_at', 'timestamp with time zone', 'ai_playground_user_tool_stats.first_prompt_at is timestamptz');
select col_type_is('playground', 'ai_playground_user_daily_stats', 'activity_date', 'date', 'ai_playground_user_daily_stats.activity_date is date');
select col_type_is('playground', 'ai_playground_user_daily_stats', 'tools_used', 'text[]', 'ai_playground_user_daily_stats.tools_used is text[]');
select is((select count(*)::int from pg_attribute a where a.attrelid in ('playground.ai_playground_user_tool_stats'::regclass, 'playground.ai_playground_user_daily_stats'::regclass) and a.attnum > 0 and not a.attisdropped and not a.attnotnull and a.attname <> 'first_prompt_at'), 0, 'every counter column is not null except first_prompt_at');
select col_is_pk('playground', 'ai_playground_user_tool_stats', array['user_id', 'tool_name']::name[], 'ai_playground_user_tool_stats: primary key (user_id, tool_name)');
select col_is_pk('playground', 'ai_playground_user_daily_stats', array['user_id', 'activity_date']::name[], 'ai_playground_user_daily_stats: primary key (user_id, activity_date)');
select fk_ok('playground', 'ai_playground_user_tool_stats', 'user_id', 'auth', 'users', 'id', 'ai_playground_user_tool_stats.user_id references auth.users');
select fk_ok('playground', 'ai_playground_user_tool_stats', 'tool_name', 'playground', 'ai_playground_toolkit_items', 'tool_name', 'ai_playground_user_tool_stats.tool_name references the toolkit');
select fk_ok('playground', 'ai_playground_user_daily_stats', 'user_id', 'auth', 'users', 'id', 'ai_playground_user_daily_stats.user_id references auth.users');
select is((select string_agg(conname || ':' || confdeltype::text || confupdtype::text, ',' order by conname) from pg_constraint where contype = 'f' and conrelid in ('playground.ai_playground_user_tool_stats'::regclass, 'playground.ai_playground_user_daily_stats'::regclass)),
    'ai_playground_user_daily_stats_user_id_fkey:ca,ai_playground_user_tool_stats_tool_name_fkey:rc,ai_playground_user_tool_stats_user_id_fkey:ca',
    'foreign keys: users cascade on delete; tools restrict delete, cascade rename');
select indexes_are('playground', 'ai_playground_user_tool_stats', array['ai_playground_user_tool_stats_pkey', 'idx_ai_playground_user_tool_stats_tool_name']::name[], 'ai_playground_user_tool_stats: exact index set');
select indexes_are('playground', 'ai_playground_user_daily_stats', array['ai_playground_user_daily_stats_pkey']::name[], 'ai_playground_user_daily_stats: exact index set');
select policies_are('playground', 'ai_playground_user_tool_stats', array['owner can select']::name[], 'ai_playground_user_tool_stats: exact policy set');
select policies_are('playground', 'ai_playground_user_daily_stats', array['owner can select']::name[], 'ai_playground_user_daily_stats: exact policy set');
select policy_cmd_is('playground', 'ai_playground_user_tool_stats', 'owner can select', 'select', 'ai_playground_user_tool_stats: "owner can select" is for select');
select policy_roles_are('playground', 'ai_playground_user_tool_stats', 'owner can select', array['authenticated']::name[], 'ai_playground_user_tool_stats: "owner can select" applies to authenticated');
select policy_cmd_is('playground', 'ai_playground_user_daily_stats', 'owner can select', 'select', 'ai_playground_user_daily_stats: "owner can select" is for select');
select policy_roles_are('playground', 'ai_playground_user_daily_stats', 'owner can select', array['authenticated']::name[], 'ai_playground_user_daily_stats: "owner can select" applies to authenticated');
select ok((select bool_and(relrowsecurity) from pg_class where oid in ('playground.ai_playground_user_tool_stats'::regclass, 'playground.ai_playground_user_daily_stats'::regclass)), 'row level security enabled on both counter tables');
select ok(obj_description('playground.ai_playground_user_tool_stats'::regclass, 'pg_class') is not null and obj_description('playground.ai_playground_user_daily_stats'::regclass, 'pg_class') is not null, 'both counter tables have a comment');
select is((select count(*)::int from pg_attribute a where a.attrelid in ('playground.ai_playground_user_tool_stats'::regclass, 'playground.ai_playground_user_daily_stats'::regclass) and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'every counter column has a comment');
select triggers_are('playground', 'ai_playground_user_tool_stats', array[]::name[], 'ai_playground_user_tool_stats has no triggers');
select is((select string_agg(privilege_type, ',' order by privilege_type) from information_schema.role_table_grants where table_schema = 'playground' and table_name = 'ai_playground_user_tool_stats' and grantee in ('anon', 'authenticated', 'service_role')),
    'SELECT,SELECT', 'ai_playground_user_tool_stats: API roles hold select only (authenticated, service_role)');
select is((select string_agg(grantee || ':' || privilege_type, ',' order by grantee) from information_schema.role_table_grants where table_schema = 'playground' and table_name = 'ai_playground_user_daily_stats' and grantee in ('anon', 'authenticated', 'service_role')),
    'authenticated:SELECT,service_role:SELECT', 'ai_playground_user_daily_stats: API roles hold select only (authenticated, service_role)');
-- private functions: definer, empty search_path, commented, not executable by API roles
select is(
    (select count(*)::int from pg_proc p
        where p.oid in ('playground_private.after_interaction_insert_user_stats()'::regprocedure,
                        'playground_private.after_interaction_update_user_stats()'::regprocedure,
                        'playground_private.after_interaction_delete_user_stats()'::regprocedure,
                        'playground_private.after_interaction_truncate_user_stats()'::regprocedure)
        and p.prosecdef
        and array_to_string(p.proconfig, ',') = 'search_path=""'
        and obj_description(p.oid, 'pg_proc') is not null
        and not has_function_privilege('anon', p.oid, 'execute')
        and not has_function_privilege('authenticated', p.oid, 'execute')
        and not has_function_privilege('service_role', p.oid, 'execute')),
    4, 'the four counter trigger functions are SECURITY DEFINER, search_path empty, commented, not executable by anon, authenticated or service_role');
select is((select string_agg(tgname || ':' || case when tgtype & 1 = 1 then 'row' else 'statement' end, ',' order by tgname)
                from pg_trigger where tgrelid = 'playground.ai_playground_interactions'::regclass and tgname like '%user_stats'),
    'after_interaction_delete_user_stats:statement,after_interaction_insert_user_stats:statement,after_interaction_truncate_user_stats:statement,after_interaction_update_user_stats:row',
    'interactions carry the four counter triggers (insert/delete per statement, update per row, truncate)');

------------------------------------------------------------------------------
-- the released functions, for comparison (bodies copied from
-- 20261123110100; caller check left out)
------------------------------------------------------------------------------
create function pg_temp.old_user_metrics(p_user_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
    select jsonb_build_object(
        'sessions', s.sessions,
        'scenario_sessions', s.scenario_sessions,
        'active_days', s.active_days,
        'interactions', i.interactions,
        'successful_interactions', i.successful_interactions,
        'prompt_submissions', i.prompt_submissions,
        'simulations_run', i.simulations_run,
        'distinct_tools', i.distinct_tools,
        'ratings_given', i.ratings_given,
        'creations', c.creations,
        'public_creations', c.public_creations,
        'templates_created', c.templates_created,
        'high_quality_creations', c.high_quality_creations,
        'forks_received', c.forks_received
    )
    from (
        select count(*)::integer as sessions,
               (count(*) filter (where x.nonprofit_profile_id is not null
                                    or x.activity_type = 'nonprofit_scenario'))::integer as scenario_sessions,
               count(distinct (x.session_start at time zone 'UTC')::date)::integer as active_days
        from playground.ai_playground_sessions x
        where x.user_id = p_user_id
    ) s,
    (
        select count(*)::integer as interactions,
               (count(*) filter (where x.success))::integer as successful_interactions,
               (count(*) filter (where x.interaction_type = 'prompt_submit'))::integer as prompt_submissions,
               (count(*) filter (where x.interaction_type = 'simulation_run'))::integer as simulations_run,
               count(distinct x.tool_name)::integer as distinct_tools,
               count(x.user_rating)::integer as ratings_given
        from playground.ai_playground_interactions x
        where x.user_id = p_user_id
    ) i,
    (
        select count(*)::integer as creations,
               (count(*) filter (where x.sharing_level = 'public'))::integer as public_creations,
               (count(*) filter (where x.is_template))::integer as templates_created,
               (count(*) filter (where x.quality_score >= 80))::integer as high_quality_creations,
               coalesce(sum(x.fork_count), 0)::integer as forks_received
        from playground.ai_playground_creations x
        where x.user_id = p_user_id
    ) c;
$$;

create function pg_temp.old_recent_activity(
    p_user_id uuid,
    p_days integer default 30
)
returns table (
    activity_date date,
    sessions_count integer,
    total_duration_seconds integer,
    interactions_count integer,
    successful_interactions integer,
    tools_used text[],
    creations_count integer,
    achievements_unlocked integer,
    points_earned integer
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
    v_since timestamptz;
begin
    if p_days is null or p_days < 1 or p_days > 365 then
        raise exception 'playground: days must be between 1 and 365 (got %)', p_days
            using errcode = '22023';
    end if;
    v_since := now() - make_interval(days => p_days);

    return query
    with s as (
        select (x.session_start at time zone 'UTC')::date as d,
               count(*)::integer as n,
               coalesce(sum(x.duration_seconds), 0)::integer as secs
        from playground.ai_playground_sessions x
        where x.user_id = p_user_id
          and x.session_start >= v_since
        group by 1
    ),
    i as (
        select (x.created_at at time zone 'UTC')::date as d,
               count(*)::integer as n,
               (count(*) filter (where x.success))::integer as ok,
               array_agg(distinct x.tool_name order by x.tool_name) as tools
        from playground.ai_playground_interactions x
        where x.user_id = p_user_id
          and x.created_at >= v_since
        group by 1
    ),
    c as (
        select (x.created_at at time zone 'UTC')::date as d,
               count(*)::integer as n
        from playground.ai_playground_creations x
        where x.user_id = p_user_id
          and x.created_at >= v_since
        group by 1
    ),
    a as (
        select (x.unlocked_at at time zone 'UTC')::date as d,
               count(*)::integer as n,
               sum(x.points)::integer as pts
        from playground.ai_playground_achievements x
        where x.user_id = p_user_id
          and x.unlocked_at >= v_since
        group by 1
    ),
    days as (
        select s.d from s
        union
        select i.d from i
        union
        select c.d from c
        union
        select a.d from a
    )
    select days.d,
           coalesce(s.n, 0),
           coalesce(s.secs, 0),
           coalesce(i.n, 0),
           coalesce(i.ok, 0),
           coalesce(i.tools, '{}'::text[]),
           coalesce(c.n, 0),
           coalesce(a.n, 0),
           coalesce(a.pts, 0)
    from days
    left join s on s.d = days.d
    left join i on i.d = days.d
    left join c on c.d = days.d
    left join a on a.d = days.d
    order by days.d desc;
end
$$;

create function pg_temp.old_skill_level(p_user_id uuid)
returns table (
    skill_category text,
    skill_level text,
    skill_score integer,
    interactions_count integer,
    success_rate numeric,
    tools_used integer,
    tools_available integer,
    creations_count integer
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
begin

    return query
    with tools as (
        select t.tool_name, t.category
        from playground.ai_playground_toolkit_items t
        where t.is_active
    ),
    usage as (
        select t.category,
               count(i.id)::integer as n,
               (count(i.id) filter (where i.success))::integer as ok,
               count(distinct i.tool_name)::integer as used
        from playground.ai_playground_interactions i
        join tools t on t.tool_name = i.tool_name
        where i.user_id = p_user_id
        group by t.category
    ),
    made as (
        select t.category,
               count(*)::integer as n
        from playground.ai_playground_creations c
        join tools t on t.tool_name = c.tool_name
        where c.user_id = p_user_id
        group by t.category
    ),
    per_category as (
        select t.category,
               coalesce(u.n, 0) as n,
               coalesce(u.ok, 0) as ok,
               coalesce(u.used, 0) as used,
               count(*)::integer as available,
               coalesce(m.n, 0) as made
        from tools t
        left join usage u on u.category = t.category
        left join made m on m.category = t.category
        group by t.category, u.n, u.ok, u.used, m.n
    ),
    with_overall as (
        select pc.category, pc.n, pc.ok, pc.used, pc.available, pc.made, 1 as ord
        from per_category pc
        union all
        select 'overall', sum(pc.n)::integer, sum(pc.ok)::integer, sum(pc.used)::integer,
               sum(pc.available)::integer, sum(pc.made)::integer, 2
        from per_category pc
    ),
    scored as (
        select w.*,
               least(100, round(
                   least(w.n, 100) * 0.5
                   + case when w.n > 0 then w.ok::numeric / w.n * 30 * least(w.n, 20) / 20 else 0 end
                   + case when w.available > 0 then w.used::numeric / w.available * 10 else 0 end
                   + least(w.made, 5) * 2
               ))::integer as score
        from with_overall w
    )
    select sc.category,
           case
               when sc.score >= 75 then 'expert'
               when sc.score >= 50 then 'advanced'
               when sc.score >= 25 then 'intermediate'
               else 'beginner'
           end,
           sc.score,
           sc.n,
           case when sc.n > 0 then round(sc.ok::numeric / sc.n, 4) else null end,
           sc.used,
           sc.available,
           sc.made
    from scored sc
    order by sc.ord, sc.category;
end
$$;

create function pg_temp.old_recommended_tools(
    p_user_id uuid,
    p_limit integer default 5
)
returns table (
    tool_name text,
    display_name text,
    category text,
    difficulty_level text,
    recommendation_score numeric,
    reason text
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
begin
    if p_limit is null or p_limit < 1 or p_limit > 50 then
        raise exception 'playground: limit must be between 1 and 50 (got %)', p_limit
            using errcode = '22023';
    end if;

    return query
    with skills as (
        select k.skill_category,
               k.skill_score,
               case k.skill_level
                   when 'beginner' then 1
                   when 'intermediate' then 2
                   when 'advanced' then 3
                   else 4
               end as level_rank
        from pg_temp.old_skill_level(p_user_id) k
    ),
    used as (
        select i.tool_name, count(*)::integer as n
        from playground.ai_playground_interactions i
        where i.user_id = p_user_id
        group by i.tool_name
    ),
    scored as (
        select t.tool_name,
               t.display_name,
               t.category,
               t.difficulty_level,
               t.sort_order,
               u.n is null as untried,
               (case when u.n is null then 40 else 0 end
                + (100 - coalesce(k.skill_score, 0)) * 0.3
                + case
                      when (case t.difficulty_level
                                when 'beginner' then 1
                                when 'intermediate' then 2
                                when 'advanced' then 3
                                else 4
                            end) - coalesce(k.level_rank, 1) in (0, 1) then 20
                      when (case t.difficulty_level
                                when 'beginner' then 1
                                when 'intermediate' then 2
                                when 'advanced' then 3
                                else 4
                            end) - coalesce(k.level_rank, 1) < 0 then 5
                      else -10
                  end
                + least(t.usage_count, 1000) / 100.0
                + coalesce(t.average_rating, 3) * 2
                - case when t.is_beta and coalesce(k.level_rank, 1) < 3 then 5 else 0 end
               )::numeric(7, 2) as score
        from playground.ai_playground_toolkit_items t
        left join skills k on k.skill_category = t.category
        left join used u on u.tool_name = t.tool_name
        where t.is_active
    )
    select sc.tool_name,
           sc.display_name,
           sc.category,
           sc.difficulty_level,
           sc.score,
           case
               when sc.untried then format('New to you: grows your %s skills', replace(sc.category, '_', ' '))
               else format('You already use it: keep building your %s skills', replace(sc.category, '_', ' '))
           end
    from scored sc
    order by sc.score desc, sc.sort_order, sc.tool_name
    limit p_limit;
end
$$;

------------------------------------------------------------------------------
-- fixture (as postgres): three users, sessions over 40 days, interactions on
-- five tools with nulls, failures, ratings and prompt submissions
------------------------------------------------------------------------------
insert into auth.users (id, aud, role, email, raw_app_meta_data, email_confirmed_at)
values
    ('cccccccc-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'us.alice@test.local', '{}', now()),
    ('cccccccc-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'us.bob@test.local', '{}', now()),
    ('cccccccc-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'us.carol@test.local', '{}', now());
insert into playground.ai_playground_sessions (id, user_id, activity_type, session_start, session_end)
select ('dddddddd-0000-4000-8000-' || lpad(s::text, 12, '0'))::uuid,
        ('cccccccc-0000-4000-8000-00000000000' || (1 + s % 3))::uuid,
        'prompt_building',
        now() - interval '1 day' * (40 - s),
        case when s % 4 <> 0 then now() - interval '1 day' * (40 - s) + interval '30 minutes' end
from generate_series(1, 30) as s;

create temporary table tools on commit drop as
select row_number() over (order by tool_name) as k, tool_name
from playground.ai_playground_toolkit_items
where tool_name in ('prompt_builder', 'ai_simulator', 'content_generator', 'data_insights', 'bias_checker');

-- one multi-row insert: many (user, tool) and (user, day) keys at once
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms,
                                                   tokens_used, success, user_rating, created_at)
select s.id, s.user_id,
        (array['prompt_submit', 'tool_use', 'simulation_run', 'prompt_refine'])[1 + q % 4],
        t.tool_name,
        case when q % 7 = 0 then null else 100 + q * 13 end,
        case when q % 5 = 0 then null else 10 * q end,
        q % 6 <> 0,
        case when q % 3 = 0 then 1 + q % 5 end,
        s.session_start + interval '7 hours' * q
from playground.ai_playground_sessions as s
cross join generate_series(1, 12) as q
join tools as t on t.k = 1 + (q + hashtext(s.id::text) & 255) % 5
where s.user_id in ('cccccccc-0000-4000-8000-000000000001', 'cccccccc-0000-4000-8000-000000000002',
                    'cccccccc-0000-4000-8000-000000000003');

-- live aggregates vs the counters: rows in one and not in the other, both ways, every user
create function pg_temp.tool_stats_diff()
returns bigint
language sql
as $$
    with live as (
        select i.user_id, i.tool_name,
               count(*) as uses,
               count(*) filter (where i.success) as successes,
               count(*) filter (where i.interaction_type = 'prompt_submit') as prompt_submissions,
               count(*) filter (where i.interaction_type = 'simulation_run') as simulations_run,
               count(i.response_time_ms) as timed_uses,
               coalesce(sum(i.response_time_ms), 0)::bigint as response_time_sum_ms,
               count(i.tokens_used) as tokens_reported,
               coalesce(sum(i.tokens_used), 0)::bigint as tokens_sum,
               count(i.user_rating) as rating_count,
               coalesce(sum(i.user_rating), 0)::bigint as rating_sum,
               min(i.created_at) as first_used_at,
               max(i.created_at) as last_used_at,
               min(i.created_at) filter (where i.interaction_type = 'prompt_submit') as first_prompt_at
        from playground.ai_playground_interactions i
        group by i.user_id, i.tool_name
    ),
    kept as (
        select s.user_id, s.tool_name, s.uses, s.successes, s.prompt_submissions, s.simulations_run,
               s.timed_uses, s.response_time_sum_ms, s.tokens_reported, s.tokens_sum, s.rating_count,
               s.rating_sum, s.first_used_at, s.last_used_at, s.first_prompt_at
        from playground.ai_playground_user_tool_stats s
    )
    select (select count(*) from (select * from live except all select * from kept) a)
         + (select count(*) from (select * from kept except all select * from live) b);
$$;

create function pg_temp.daily_stats_diff()
returns bigint
language sql
as $$
    with live as (
        select i.user_id, (i.created_at at time zone 'UTC')::date as activity_date,
               count(*) as interactions,
               count(*) filter (where i.success) as successes,
               count(i.response_time_ms) as timed_interactions,
               coalesce(sum(i.response_time_ms), 0)::bigint as response_time_sum_ms,
               coalesce(sum(i.tokens_used), 0)::bigint as tokens_sum,
               array_agg(distinct i.tool_name order by i.tool_name) as tools_used
        from playground.ai_playground_interactions i
        group by 1, 2
    ),
    kept as (
        select s.user_id, s.activity_date, s.interactions, s.successes, s.timed_interactions,
               s.response_time_sum_ms, s.tokens_sum, s.tools_used
        from playground.ai_playground_user_daily_stats s
    )
    select (select count(*) from (select * from live except all select * from kept) a)
         + (select count(*) from (select * from kept except all select * from live) b);
$$;

select ok((select count(*) from playground.ai_playground_interactions where user_id = 'cccccccc-0000-4000-8000-000000000001') >= 100
          and (select count(distinct tool_name) from playground.ai_playground_interactions where user_id = 'cccccccc-0000-4000-8000-000000000001') = 5,
          'fixture: alice has 100+ interactions on 5 tools');
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after a multi-row insert: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after a multi-row insert: daily counters equal the live aggregate');
select is((select count(*)::int from playground.ai_playground_user_tool_stats where user_id = 'cccccccc-0000-4000-8000-000000000001'), 5,
          'alice has one tool counter row per tool used');

-- a single-row insert through track_tool_usage, as alice
update playground.ai_playground_sessions set session_end = null where id = 'dddddddd-0000-4000-8000-000000000030';
select tests.authenticate_as('us.alice@test.local');
select lives_ok($$select playground.track_tool_usage('dddddddd-0000-4000-8000-000000000030', 'cccccccc-0000-4000-8000-000000000001',
                  'prompt_builder', 'prompt_submit', 321, false, '{"tokens_used": 77}')$$,
                'track_tool_usage records an interaction for alice');
select tests.clear_authentication();
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after track_tool_usage: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after track_tool_usage: daily counters equal the live aggregate');
-- alice around the start of a 3-day window (the first, partial day of get_user_recent_activity)
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms,
                                                   tokens_used, success, created_at)
select 'dddddddd-0000-4000-8000-000000000030', 'cccccccc-0000-4000-8000-000000000001',
        'prompt_submit', 'data_insights', 200 + g, 5, g % 2 = 0,
        now() - interval '3 days' + interval '1 hour' * g
from generate_series(-6, 6) as g;

-- the functions and per-user views return what the released versions return (after inserts)
select is(playground_private.user_metrics('cccccccc-0000-4000-8000-000000000001') - array['ratings_given', 'forks_received'], pg_temp.old_user_metrics('cccccccc-0000-4000-8000-000000000001') - array['ratings_given', 'forks_received'],
          'user_metrics (achievements) unchanged for user 1 after inserts (but ratings_given and forks_received, which count tools rated and people since issue 15)');
create temporary table expected_engagement_1 on commit drop as
select * from playground.ai_playground_user_engagement where user_id = 'cccccccc-0000-4000-8000-000000000001';
create temporary table expected_funnel_1 on commit drop as
select * from playground.ai_playground_user_funnel where user_id = 'cccccccc-0000-4000-8000-000000000001';
create temporary table expected_daily_1 on commit drop as
select e.activity_date,
        count(distinct e.user_id) filter (where e.source in ('session', 'interaction')) as active_users,
        count(*) filter (where e.source = 'session') as sessions,
        round(avg(e.measure) filter (where e.source = 'session'))::integer as avg_session_seconds,
        count(*) filter (where e.source = 'interaction') as interactions,
        count(*) filter (where e.source = 'interaction' and not e.ok) as errors,
        round(avg(e.measure) filter (where e.source = 'interaction'))::integer as avg_response_time_ms,
        coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0) as tokens_used,
        count(*) filter (where e.source = 'creation') as new_creations,
        count(*) filter (where e.source = 'achievement') as achievements_unlocked
from (
    select 'session'::text as source, (x.session_start at time zone 'UTC')::date as activity_date, x.user_id,
            x.duration_seconds as measure, null::boolean as ok, null::integer as tokens
    from playground.ai_playground_sessions x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'interaction', (x.created_at at time zone 'UTC')::date, x.user_id, x.response_time_ms, x.success, x.tokens_used
    from playground.ai_playground_interactions x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'creation', (x.created_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_creations x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'achievement', (x.unlocked_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_achievements x where x.user_id = 'cccccccc-0000-4000-8000-000000000001' and x.unlocked_at is not null
) e
group by e.activity_date;
grant select on expected_engagement_1, expected_funnel_1, expected_daily_1 to authenticated;
select tests.authenticate_as('us.alice@test.local');
select results_eq($$select * from playground.calculate_user_skill_level('cccccccc-0000-4000-8000-000000000001')$$,
                  $$select * from pg_temp.old_skill_level('cccccccc-0000-4000-8000-000000000001')$$,
                  'calculate_user_skill_level unchanged for user 1 after inserts');
select results_eq($$select * from playground.get_recommended_tools('cccccccc-0000-4000-8000-000000000001', 50)$$,
                  $$select * from pg_temp.old_recommended_tools('cccccccc-0000-4000-8000-000000000001', 50)$$,
                  'get_recommended_tools unchanged for user 1 after inserts');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000001', 30)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000001', 30)$$,
                  'get_user_recent_activity(30) unchanged for user 1 after inserts');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000001', 3)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000001', 3)$$,
                  'get_user_recent_activity(3) unchanged for user 1 after inserts (partial first day)');
select results_eq($$select * from playground.ai_playground_user_engagement$$,
                  $$select * from expected_engagement_1$$,
                  'ai_playground_user_engagement: the user''s row equals the platform branch''s row for them after inserts');
select results_eq($$select * from playground.ai_playground_user_funnel$$,
                  $$select * from expected_funnel_1$$,
                  'ai_playground_user_funnel: the user''s row equals the platform branch''s row for them after inserts');
select results_eq($$select * from playground.ai_playground_daily_metrics order by activity_date$$,
                  $$select * from expected_daily_1 order by activity_date$$,
                  'ai_playground_daily_metrics: the user''s days equal the released per-user aggregate after inserts');
select results_eq($$select * from playground.ai_playground_tool_analytics order by tool_name$$,
                  $$select t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium,
                           count(i.id)::integer, count(distinct i.user_id)::integer,
                           (count(i.id) filter (where i.success))::integer, (count(i.id) filter (where not i.success))::integer,
                           case when count(i.id) > 0 then round((count(i.id) filter (where i.success))::numeric / count(i.id), 4) end,
                           round(avg(i.response_time_ms))::integer, round(avg(i.tokens_used))::integer,
                           round(avg(i.user_rating), 2), count(i.user_rating)::integer, min(i.created_at), max(i.created_at)
                    from playground.ai_playground_toolkit_items t
                    left join playground.ai_playground_interactions i on i.tool_name = t.tool_name and i.user_id = (select auth.uid())
                    group by t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium
                    order by t.tool_name$$,
                  'ai_playground_tool_analytics: the user''s per-tool figures (from the counters) equal the live aggregate after inserts');
select tests.clear_authentication();
-- the functions and per-user views return what the released versions return (after inserts)
select is(playground_private.user_metrics('cccccccc-0000-4000-8000-000000000002') - array['ratings_given', 'forks_received'], pg_temp.old_user_metrics('cccccccc-0000-4000-8000-000000000002') - array['ratings_given', 'forks_received'],
          'user_metrics (achievements) unchanged for user 2 after inserts (but ratings_given and forks_received, which count tools rated and people since issue 15)');
create temporary table expected_engagement_2 on commit drop as
select * from playground.ai_playground_user_engagement where user_id = 'cccccccc-0000-4000-8000-000000000002';
create temporary table expected_funnel_2 on commit drop as
select * from playground.ai_playground_user_funnel where user_id = 'cccccccc-0000-4000-8000-000000000002';
create temporary table expected_daily_2 on commit drop as
select e.activity_date,
        count(distinct e.user_id) filter (where e.source in ('session', 'interaction')) as active_users,
        count(*) filter (where e.source = 'session') as sessions,
        round(avg(e.measure) filter (where e.source = 'session'))::integer as avg_session_seconds,
        count(*) filter (where e.source = 'interaction') as interactions,
        count(*) filter (where e.source = 'interaction' and not e.ok) as errors,
        round(avg(e.measure) filter (where e.source = 'interaction'))::integer as avg_response_time_ms,
        coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0) as tokens_used,
        count(*) filter (where e.source = 'creation') as new_creations,
        count(*) filter (where e.source = 'achievement') as achievements_unlocked
from (
    select 'session'::text as source, (x.session_start at time zone 'UTC')::date as activity_date, x.user_id,
            x.duration_seconds as measure, null::boolean as ok, null::integer as tokens
    from playground.ai_playground_sessions x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'interaction', (x.created_at at time zone 'UTC')::date, x.user_id, x.response_time_ms, x.success, x.tokens_used
    from playground.ai_playground_interactions x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'creation', (x.created_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_creations x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'achievement', (x.unlocked_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_achievements x where x.user_id = 'cccccccc-0000-4000-8000-000000000002' and x.unlocked_at is not null
) e
group by e.activity_date;
grant select on expected_engagement_2, expected_funnel_2, expected_daily_2 to authenticated;
select tests.authenticate_as('us.bob@test.local');
select results_eq($$select * from playground.calculate_user_skill_level('cccccccc-0000-4000-8000-000000000002')$$,
                  $$select * from pg_temp.old_skill_level('cccccccc-0000-4000-8000-000000000002')$$,
                  'calculate_user_skill_level unchanged for user 2 after inserts');
select results_eq($$select * from playground.get_recommended_tools('cccccccc-0000-4000-8000-000000000002', 50)$$,
                  $$select * from pg_temp.old_recommended_tools('cccccccc-0000-4000-8000-000000000002', 50)$$,
                  'get_recommended_tools unchanged for user 2 after inserts');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000002', 30)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000002', 30)$$,
                  'get_user_recent_activity(30) unchanged for user 2 after inserts');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000002', 3)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000002', 3)$$,
                  'get_user_recent_activity(3) unchanged for user 2 after inserts (partial first day)');
select results_eq($$select * from playground.ai_playground_user_engagement$$,
                  $$select * from expected_engagement_2$$,
                  'ai_playground_user_engagement: the user''s row equals the platform branch''s row for them after inserts');
select results_eq($$select * from playground.ai_playground_user_funnel$$,
                  $$select * from expected_funnel_2$$,
                  'ai_playground_user_funnel: the user''s row equals the platform branch''s row for them after inserts');
select results_eq($$select * from playground.ai_playground_daily_metrics order by activity_date$$,
                  $$select * from expected_daily_2 order by activity_date$$,
                  'ai_playground_daily_metrics: the user''s days equal the released per-user aggregate after inserts');
select results_eq($$select * from playground.ai_playground_tool_analytics order by tool_name$$,
                  $$select t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium,
                           count(i.id)::integer, count(distinct i.user_id)::integer,
                           (count(i.id) filter (where i.success))::integer, (count(i.id) filter (where not i.success))::integer,
                           case when count(i.id) > 0 then round((count(i.id) filter (where i.success))::numeric / count(i.id), 4) end,
                           round(avg(i.response_time_ms))::integer, round(avg(i.tokens_used))::integer,
                           round(avg(i.user_rating), 2), count(i.user_rating)::integer, min(i.created_at), max(i.created_at)
                    from playground.ai_playground_toolkit_items t
                    left join playground.ai_playground_interactions i on i.tool_name = t.tool_name and i.user_id = (select auth.uid())
                    group by t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium
                    order by t.tool_name$$,
                  'ai_playground_tool_analytics: the user''s per-tool figures (from the counters) equal the live aggregate after inserts');
select tests.clear_authentication();

------------------------------------------------------------------------------
-- updates
------------------------------------------------------------------------------
create temporary table picked on commit drop as
select i.id, row_number() over (order by i.created_at, i.id) as n
from playground.ai_playground_interactions i
where i.user_id = 'cccccccc-0000-4000-8000-000000000001';
grant select on picked to authenticated, service_role;

-- ratings change on many interactions at once (as the backend may: a user
-- rates each tool once, issue 15); then alice clears some herself
select tests.authenticate_as_service_role();
with u as (update playground.ai_playground_interactions set user_rating = 5
           where id in (select id from picked where n % 4 = 1) returning 1)
select ok(count(*) > 0, 'alice rates some of her interactions') from u;
select tests.authenticate_as('us.alice@test.local');
with u as (update playground.ai_playground_interactions set user_rating = null
           where id in (select id from picked where n % 4 = 2 or n = 3) returning 1)
select ok(count(*) > 0, 'alice clears some ratings') from u;
select tests.clear_authentication();
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after rating updates: tool counters equal the live aggregate');

-- service_role corrections: success, response time, tokens (deltas)
update playground.ai_playground_interactions
    set success = not success, response_time_ms = case when response_time_ms is null then 42 end, tokens_used = coalesce(tokens_used, 0) + 1
    where id in (select id from picked where n % 5 = 0);
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after success/response/token updates: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after success/response/token updates: daily counters equal the live aggregate');

-- moves: interaction type (first_prompt_at), tool, day, owner
update playground.ai_playground_interactions set interaction_type = 'tool_use'
    where id in (select i.id from playground.ai_playground_interactions i
                where i.user_id = 'cccccccc-0000-4000-8000-000000000001' and i.interaction_type = 'prompt_submit'
                order by i.created_at limit 2);
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after the first prompts became tool_use: tool counters (first_prompt_at) equal the live aggregate');
update playground.ai_playground_interactions set tool_name = 'grant_writer'
    where id in (select id from picked where n % 7 = 3);
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after moving interactions to another tool: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after moving interactions to another tool: daily counters (tools_used) equal the live aggregate');
update playground.ai_playground_interactions set created_at = created_at - interval '2 days'
    where id in (select id from picked where n % 9 = 4);
update playground.ai_playground_interactions set created_at = created_at + interval '90 days'
    where id = (select id from picked where n = 1);
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after moving interactions in time (first/last used): tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after moving interactions in time: daily counters equal the live aggregate');
update playground.ai_playground_interactions set user_id = 'cccccccc-0000-4000-8000-000000000002'
    where id in (select id from picked where n % 11 = 5);
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after moving interactions to another user: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after moving interactions to another user: daily counters equal the live aggregate');
select is((select count(*)::int from playground.ai_playground_user_tool_stats s where s.user_id = 'cccccccc-0000-4000-8000-000000000001' and s.tool_name = 'grant_writer'), 1,
          'a tool first used through an update gets its counter row');

-- multi-row updates whose rows trade places: the row triggers see the final
-- rows, so each applies only its own difference
update playground.ai_playground_interactions i
set
    tool_name = case i.tool_name when 'ai_simulator' then 'content_generator' else 'ai_simulator' end,
    created_at = i.created_at + interval '1 day' * (case when i.success then 1 else -1 end)
where
    i.user_id = 'cccccccc-0000-4000-8000-000000000002'
    and i.tool_name in ('ai_simulator', 'content_generator');
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after swapping tools and days in one statement: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after swapping tools and days in one statement: daily counters equal the live aggregate');
update playground.ai_playground_interactions i
set interaction_type = 'tool_use'
where
    i.user_id = 'cccccccc-0000-4000-8000-000000000002'
    and i.tool_name = 'prompt_builder'
    and i.interaction_type = 'prompt_submit';
select is((select count(*)::int from playground.ai_playground_user_tool_stats s
    where s.user_id = 'cccccccc-0000-4000-8000-000000000002' and s.tool_name = 'prompt_builder'
        and s.prompt_submissions = 0 and s.first_prompt_at is null), 1,
          'when no prompt is left for a tool, first_prompt_at is null again');
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after every prompt of a tool changed type in one statement: tool counters equal the live aggregate');
update playground.ai_playground_interactions i
set created_at = i.created_at + interval '20 days'
where
    i.user_id = 'cccccccc-0000-4000-8000-000000000002'
    and i.tool_name = 'data_insights';
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after moving every interaction of a tool 20 days later: tool counters (first/last) equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after moving every interaction of a tool 20 days later: daily counters equal the live aggregate');
update playground.ai_playground_interactions i
set
    user_id = case i.user_id
        when 'cccccccc-0000-4000-8000-000000000001'::uuid then 'cccccccc-0000-4000-8000-000000000002'::uuid
        else 'cccccccc-0000-4000-8000-000000000001'::uuid
    end
where
    i.user_id in ('cccccccc-0000-4000-8000-000000000001', 'cccccccc-0000-4000-8000-000000000002')
    and i.tool_name = 'bias_checker';
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after trading a tool''s interactions between two users in one statement: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after trading a tool''s interactions between two users in one statement: daily counters equal the live aggregate');

-- the functions and per-user views return what the released versions return (after updates)
select is(playground_private.user_metrics('cccccccc-0000-4000-8000-000000000001') - array['ratings_given', 'forks_received'], pg_temp.old_user_metrics('cccccccc-0000-4000-8000-000000000001') - array['ratings_given', 'forks_received'],
          'user_metrics (achievements) unchanged for user 1 after updates (but ratings_given and forks_received, which count tools rated and people since issue 15)');
create temporary table expected_engagement_3 on commit drop as
select * from playground.ai_playground_user_engagement where user_id = 'cccccccc-0000-4000-8000-000000000001';
create temporary table expected_funnel_3 on commit drop as
select * from playground.ai_playground_user_funnel where user_id = 'cccccccc-0000-4000-8000-000000000001';
create temporary table expected_daily_3 on commit drop as
select e.activity_date,
        count(distinct e.user_id) filter (where e.source in ('session', 'interaction')) as active_users,
        count(*) filter (where e.source = 'session') as sessions,
        round(avg(e.measure) filter (where e.source = 'session'))::integer as avg_session_seconds,
        count(*) filter (where e.source = 'interaction') as interactions,
        count(*) filter (where e.source = 'interaction' and not e.ok) as errors,
        round(avg(e.measure) filter (where e.source = 'interaction'))::integer as avg_response_time_ms,
        coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0) as tokens_used,
        count(*) filter (where e.source = 'creation') as new_creations,
        count(*) filter (where e.source = 'achievement') as achievements_unlocked
from (
    select 'session'::text as source, (x.session_start at time zone 'UTC')::date as activity_date, x.user_id,
            x.duration_seconds as measure, null::boolean as ok, null::integer as tokens
    from playground.ai_playground_sessions x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'interaction', (x.created_at at time zone 'UTC')::date, x.user_id, x.response_time_ms, x.success, x.tokens_used
    from playground.ai_playground_interactions x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'creation', (x.created_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_creations x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'achievement', (x.unlocked_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_achievements x where x.user_id = 'cccccccc-0000-4000-8000-000000000001' and x.unlocked_at is not null
) e
group by e.activity_date;
grant select on expected_engagement_3, expected_funnel_3, expected_daily_3 to authenticated;
select tests.authenticate_as('us.alice@test.local');
select results_eq($$select * from playground.calculate_user_skill_level('cccccccc-0000-4000-8000-000000000001')$$,
                  $$select * from pg_temp.old_skill_level('cccccccc-0000-4000-8000-000000000001')$$,
                  'calculate_user_skill_level unchanged for user 1 after updates');
select results_eq($$select * from playground.get_recommended_tools('cccccccc-0000-4000-8000-000000000001', 50)$$,
                  $$select * from pg_temp.old_recommended_tools('cccccccc-0000-4000-8000-000000000001', 50)$$,
                  'get_recommended_tools unchanged for user 1 after updates');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000001', 30)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000001', 30)$$,
                  'get_user_recent_activity(30) unchanged for user 1 after updates');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000001', 3)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000001', 3)$$,
                  'get_user_recent_activity(3) unchanged for user 1 after updates (partial first day)');
select results_eq($$select * from playground.ai_playground_user_engagement$$,
                  $$select * from expected_engagement_3$$,
                  'ai_playground_user_engagement: the user''s row equals the platform branch''s row for them after updates');
select results_eq($$select * from playground.ai_playground_user_funnel$$,
                  $$select * from expected_funnel_3$$,
                  'ai_playground_user_funnel: the user''s row equals the platform branch''s row for them after updates');
select results_eq($$select * from playground.ai_playground_daily_metrics order by activity_date$$,
                  $$select * from expected_daily_3 order by activity_date$$,
                  'ai_playground_daily_metrics: the user''s days equal the released per-user aggregate after updates');
select results_eq($$select * from playground.ai_playground_tool_analytics order by tool_name$$,
                  $$select t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium,
                           count(i.id)::integer, count(distinct i.user_id)::integer,
                           (count(i.id) filter (where i.success))::integer, (count(i.id) filter (where not i.success))::integer,
                           case when count(i.id) > 0 then round((count(i.id) filter (where i.success))::numeric / count(i.id), 4) end,
                           round(avg(i.response_time_ms))::integer, round(avg(i.tokens_used))::integer,
                           round(avg(i.user_rating), 2), count(i.user_rating)::integer, min(i.created_at), max(i.created_at)
                    from playground.ai_playground_toolkit_items t
                    left join playground.ai_playground_interactions i on i.tool_name = t.tool_name and i.user_id = (select auth.uid())
                    group by t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium
                    order by t.tool_name$$,
                  'ai_playground_tool_analytics: the user''s per-tool figures (from the counters) equal the live aggregate after updates');
select tests.clear_authentication();
-- the functions and per-user views return what the released versions return (after updates)
select is(playground_private.user_metrics('cccccccc-0000-4000-8000-000000000002') - array['ratings_given', 'forks_received'], pg_temp.old_user_metrics('cccccccc-0000-4000-8000-000000000002') - array['ratings_given', 'forks_received'],
          'user_metrics (achievements) unchanged for user 2 after updates (but ratings_given and forks_received, which count tools rated and people since issue 15)');
create temporary table expected_engagement_4 on commit drop as
select * from playground.ai_playground_user_engagement where user_id = 'cccccccc-0000-4000-8000-000000000002';
create temporary table expected_funnel_4 on commit drop as
select * from playground.ai_playground_user_funnel where user_id = 'cccccccc-0000-4000-8000-000000000002';
create temporary table expected_daily_4 on commit drop as
select e.activity_date,
        count(distinct e.user_id) filter (where e.source in ('session', 'interaction')) as active_users,
        count(*) filter (where e.source = 'session') as sessions,
        round(avg(e.measure) filter (where e.source = 'session'))::integer as avg_session_seconds,
        count(*) filter (where e.source = 'interaction') as interactions,
        count(*) filter (where e.source = 'interaction' and not e.ok) as errors,
        round(avg(e.measure) filter (where e.source = 'interaction'))::integer as avg_response_time_ms,
        coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0) as tokens_used,
        count(*) filter (where e.source = 'creation') as new_creations,
        count(*) filter (where e.source = 'achievement') as achievements_unlocked
from (
    select 'session'::text as source, (x.session_start at time zone 'UTC')::date as activity_date, x.user_id,
            x.duration_seconds as measure, null::boolean as ok, null::integer as tokens
    from playground.ai_playground_sessions x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'interaction', (x.created_at at time zone 'UTC')::date, x.user_id, x.response_time_ms, x.success, x.tokens_used
    from playground.ai_playground_interactions x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'creation', (x.created_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_creations x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'achievement', (x.unlocked_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_achievements x where x.user_id = 'cccccccc-0000-4000-8000-000000000002' and x.unlocked_at is not null
) e
group by e.activity_date;
grant select on expected_engagement_4, expected_funnel_4, expected_daily_4 to authenticated;
select tests.authenticate_as('us.bob@test.local');
select results_eq($$select * from playground.calculate_user_skill_level('cccccccc-0000-4000-8000-000000000002')$$,
                  $$select * from pg_temp.old_skill_level('cccccccc-0000-4000-8000-000000000002')$$,
                  'calculate_user_skill_level unchanged for user 2 after updates');
select results_eq($$select * from playground.get_recommended_tools('cccccccc-0000-4000-8000-000000000002', 50)$$,
                  $$select * from pg_temp.old_recommended_tools('cccccccc-0000-4000-8000-000000000002', 50)$$,
                  'get_recommended_tools unchanged for user 2 after updates');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000002', 30)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000002', 30)$$,
                  'get_user_recent_activity(30) unchanged for user 2 after updates');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000002', 3)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000002', 3)$$,
                  'get_user_recent_activity(3) unchanged for user 2 after updates (partial first day)');
select results_eq($$select * from playground.ai_playground_user_engagement$$,
                  $$select * from expected_engagement_4$$,
                  'ai_playground_user_engagement: the user''s row equals the platform branch''s row for them after updates');
select results_eq($$select * from playground.ai_playground_user_funnel$$,
                  $$select * from expected_funnel_4$$,
                  'ai_playground_user_funnel: the user''s row equals the platform branch''s row for them after updates');
select results_eq($$select * from playground.ai_playground_daily_metrics order by activity_date$$,
                  $$select * from expected_daily_4 order by activity_date$$,
                  'ai_playground_daily_metrics: the user''s days equal the released per-user aggregate after updates');
select results_eq($$select * from playground.ai_playground_tool_analytics order by tool_name$$,
                  $$select t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium,
                           count(i.id)::integer, count(distinct i.user_id)::integer,
                           (count(i.id) filter (where i.success))::integer, (count(i.id) filter (where not i.success))::integer,
                           case when count(i.id) > 0 then round((count(i.id) filter (where i.success))::numeric / count(i.id), 4) end,
                           round(avg(i.response_time_ms))::integer, round(avg(i.tokens_used))::integer,
                           round(avg(i.user_rating), 2), count(i.user_rating)::integer, min(i.created_at), max(i.created_at)
                    from playground.ai_playground_toolkit_items t
                    left join playground.ai_playground_interactions i on i.tool_name = t.tool_name and i.user_id = (select auth.uid())
                    group by t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium
                    order by t.tool_name$$,
                  'ai_playground_tool_analytics: the user''s per-tool figures (from the counters) equal the live aggregate after updates');
select tests.clear_authentication();

------------------------------------------------------------------------------
-- deletes: single rows, a session (cascade), an auth user (cascade)
------------------------------------------------------------------------------
delete from playground.ai_playground_interactions
    where id in (select id from picked where n % 6 = 1);
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after deleting interactions: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after deleting interactions: daily counters equal the live aggregate');
delete from playground.ai_playground_interactions
    where user_id = 'cccccccc-0000-4000-8000-000000000001' and tool_name = 'grant_writer';
select is((select count(*)::int from playground.ai_playground_user_tool_stats s where s.user_id = 'cccccccc-0000-4000-8000-000000000001' and s.tool_name = 'grant_writer'), 0,
          'deleting the last interaction of a (user, tool) removes its counter row');
delete from playground.ai_playground_sessions where id = 'dddddddd-0000-4000-8000-000000000004';
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after deleting a session (cascade): tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after deleting a session (cascade): daily counters equal the live aggregate');
select ok((select count(*) from playground.ai_playground_user_tool_stats where user_id = 'cccccccc-0000-4000-8000-000000000003') > 0,
          'carol has counter rows before her account is deleted');
delete from auth.users where id = 'cccccccc-0000-4000-8000-000000000003';
select is((select count(*)::int from playground.ai_playground_user_tool_stats where user_id = 'cccccccc-0000-4000-8000-000000000003')
        + (select count(*)::int from playground.ai_playground_user_daily_stats where user_id = 'cccccccc-0000-4000-8000-000000000003'), 0,
          'deleting an auth user removes all of their counter rows');
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after deleting an auth user (cascade): tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after deleting an auth user (cascade): daily counters equal the live aggregate');

-- a tool rename follows into the counters (on update cascade on both tables)
update playground.ai_playground_toolkit_items set tool_name = 'bias_checker_v2' where tool_name = 'bias_checker';
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after renaming a tool: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after renaming a tool: daily counters equal the live aggregate');
update playground.ai_playground_toolkit_items set tool_name = 'bias_checker' where tool_name = 'bias_checker_v2';

-- a tool with counted interactions cannot be deleted (as before: interactions restrict it)
select throws_like($$delete from playground.ai_playground_toolkit_items where tool_name = 'prompt_builder'$$, '%ai_playground_interactions_tool_name_fkey%',
                    'a used tool still cannot be deleted');

-- the functions and per-user views return what the released versions return (after deletes)
select is(playground_private.user_metrics('cccccccc-0000-4000-8000-000000000001') - array['ratings_given', 'forks_received'], pg_temp.old_user_metrics('cccccccc-0000-4000-8000-000000000001') - array['ratings_given', 'forks_received'],
          'user_metrics (achievements) unchanged for user 1 after deletes (but ratings_given and forks_received, which count tools rated and people since issue 15)');
create temporary table expected_engagement_5 on commit drop as
select * from playground.ai_playground_user_engagement where user_id = 'cccccccc-0000-4000-8000-000000000001';
create temporary table expected_funnel_5 on commit drop as
select * from playground.ai_playground_user_funnel where user_id = 'cccccccc-0000-4000-8000-000000000001';
create temporary table expected_daily_5 on commit drop as
select e.activity_date,
        count(distinct e.user_id) filter (where e.source in ('session', 'interaction')) as active_users,
        count(*) filter (where e.source = 'session') as sessions,
        round(avg(e.measure) filter (where e.source = 'session'))::integer as avg_session_seconds,
        count(*) filter (where e.source = 'interaction') as interactions,
        count(*) filter (where e.source = 'interaction' and not e.ok) as errors,
        round(avg(e.measure) filter (where e.source = 'interaction'))::integer as avg_response_time_ms,
        coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0) as tokens_used,
        count(*) filter (where e.source = 'creation') as new_creations,
        count(*) filter (where e.source = 'achievement') as achievements_unlocked
from (
    select 'session'::text as source, (x.session_start at time zone 'UTC')::date as activity_date, x.user_id,
            x.duration_seconds as measure, null::boolean as ok, null::integer as tokens
    from playground.ai_playground_sessions x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'interaction', (x.created_at at time zone 'UTC')::date, x.user_id, x.response_time_ms, x.success, x.tokens_used
    from playground.ai_playground_interactions x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'creation', (x.created_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_creations x where x.user_id = 'cccccccc-0000-4000-8000-000000000001'
    union all
    select 'achievement', (x.unlocked_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_achievements x where x.user_id = 'cccccccc-0000-4000-8000-000000000001' and x.unlocked_at is not null
) e
group by e.activity_date;
grant select on expected_engagement_5, expected_funnel_5, expected_daily_5 to authenticated;
select tests.authenticate_as('us.alice@test.local');
select results_eq($$select * from playground.calculate_user_skill_level('cccccccc-0000-4000-8000-000000000001')$$,
                  $$select * from pg_temp.old_skill_level('cccccccc-0000-4000-8000-000000000001')$$,
                  'calculate_user_skill_level unchanged for user 1 after deletes');
select results_eq($$select * from playground.get_recommended_tools('cccccccc-0000-4000-8000-000000000001', 50)$$,
                  $$select * from pg_temp.old_recommended_tools('cccccccc-0000-4000-8000-000000000001', 50)$$,
                  'get_recommended_tools unchanged for user 1 after deletes');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000001', 30)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000001', 30)$$,
                  'get_user_recent_activity(30) unchanged for user 1 after deletes');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000001', 3)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000001', 3)$$,
                  'get_user_recent_activity(3) unchanged for user 1 after deletes (partial first day)');
select results_eq($$select * from playground.ai_playground_user_engagement$$,
                  $$select * from expected_engagement_5$$,
                  'ai_playground_user_engagement: the user''s row equals the platform branch''s row for them after deletes');
select results_eq($$select * from playground.ai_playground_user_funnel$$,
                  $$select * from expected_funnel_5$$,
                  'ai_playground_user_funnel: the user''s row equals the platform branch''s row for them after deletes');
select results_eq($$select * from playground.ai_playground_daily_metrics order by activity_date$$,
                  $$select * from expected_daily_5 order by activity_date$$,
                  'ai_playground_daily_metrics: the user''s days equal the released per-user aggregate after deletes');
select results_eq($$select * from playground.ai_playground_tool_analytics order by tool_name$$,
                  $$select t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium,
                           count(i.id)::integer, count(distinct i.user_id)::integer,
                           (count(i.id) filter (where i.success))::integer, (count(i.id) filter (where not i.success))::integer,
                           case when count(i.id) > 0 then round((count(i.id) filter (where i.success))::numeric / count(i.id), 4) end,
                           round(avg(i.response_time_ms))::integer, round(avg(i.tokens_used))::integer,
                           round(avg(i.user_rating), 2), count(i.user_rating)::integer, min(i.created_at), max(i.created_at)
                    from playground.ai_playground_toolkit_items t
                    left join playground.ai_playground_interactions i on i.tool_name = t.tool_name and i.user_id = (select auth.uid())
                    group by t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium
                    order by t.tool_name$$,
                  'ai_playground_tool_analytics: the user''s per-tool figures (from the counters) equal the live aggregate after deletes');
select tests.clear_authentication();
-- the functions and per-user views return what the released versions return (after deletes)
select is(playground_private.user_metrics('cccccccc-0000-4000-8000-000000000002') - array['ratings_given', 'forks_received'], pg_temp.old_user_metrics('cccccccc-0000-4000-8000-000000000002') - array['ratings_given', 'forks_received'],
          'user_metrics (achievements) unchanged for user 2 after deletes (but ratings_given and forks_received, which count tools rated and people since issue 15)');
create temporary table expected_engagement_6 on commit drop as
select * from playground.ai_playground_user_engagement where user_id = 'cccccccc-0000-4000-8000-000000000002';
create temporary table expected_funnel_6 on commit drop as
select * from playground.ai_playground_user_funnel where user_id = 'cccccccc-0000-4000-8000-000000000002';
create temporary table expected_daily_6 on commit drop as
select e.activity_date,
        count(distinct e.user_id) filter (where e.source in ('session', 'interaction')) as active_users,
        count(*) filter (where e.source = 'session') as sessions,
        round(avg(e.measure) filter (where e.source = 'session'))::integer as avg_session_seconds,
        count(*) filter (where e.source = 'interaction') as interactions,
        count(*) filter (where e.source = 'interaction' and not e.ok) as errors,
        round(avg(e.measure) filter (where e.source = 'interaction'))::integer as avg_response_time_ms,
        coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0) as tokens_used,
        count(*) filter (where e.source = 'creation') as new_creations,
        count(*) filter (where e.source = 'achievement') as achievements_unlocked
from (
    select 'session'::text as source, (x.session_start at time zone 'UTC')::date as activity_date, x.user_id,
            x.duration_seconds as measure, null::boolean as ok, null::integer as tokens
    from playground.ai_playground_sessions x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'interaction', (x.created_at at time zone 'UTC')::date, x.user_id, x.response_time_ms, x.success, x.tokens_used
    from playground.ai_playground_interactions x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'creation', (x.created_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_creations x where x.user_id = 'cccccccc-0000-4000-8000-000000000002'
    union all
    select 'achievement', (x.unlocked_at at time zone 'UTC')::date, x.user_id, null, null, null
    from playground.ai_playground_achievements x where x.user_id = 'cccccccc-0000-4000-8000-000000000002' and x.unlocked_at is not null
) e
group by e.activity_date;
grant select on expected_engagement_6, expected_funnel_6, expected_daily_6 to authenticated;
select tests.authenticate_as('us.bob@test.local');
select results_eq($$select * from playground.calculate_user_skill_level('cccccccc-0000-4000-8000-000000000002')$$,
                  $$select * from pg_temp.old_skill_level('cccccccc-0000-4000-8000-000000000002')$$,
                  'calculate_user_skill_level unchanged for user 2 after deletes');
select results_eq($$select * from playground.get_recommended_tools('cccccccc-0000-4000-8000-000000000002', 50)$$,
                  $$select * from pg_temp.old_recommended_tools('cccccccc-0000-4000-8000-000000000002', 50)$$,
                  'get_recommended_tools unchanged for user 2 after deletes');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000002', 30)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000002', 30)$$,
                  'get_user_recent_activity(30) unchanged for user 2 after deletes');
select results_eq($$select * from playground.get_user_recent_activity('cccccccc-0000-4000-8000-000000000002', 3)$$,
                  $$select * from pg_temp.old_recent_activity('cccccccc-0000-4000-8000-000000000002', 3)$$,
                  'get_user_recent_activity(3) unchanged for user 2 after deletes (partial first day)');
select results_eq($$select * from playground.ai_playground_user_engagement$$,
                  $$select * from expected_engagement_6$$,
                  'ai_playground_user_engagement: the user''s row equals the platform branch''s row for them after deletes');
select results_eq($$select * from playground.ai_playground_user_funnel$$,
                  $$select * from expected_funnel_6$$,
                  'ai_playground_user_funnel: the user''s row equals the platform branch''s row for them after deletes');
select results_eq($$select * from playground.ai_playground_daily_metrics order by activity_date$$,
                  $$select * from expected_daily_6 order by activity_date$$,
                  'ai_playground_daily_metrics: the user''s days equal the released per-user aggregate after deletes');
select results_eq($$select * from playground.ai_playground_tool_analytics order by tool_name$$,
                  $$select t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium,
                           count(i.id)::integer, count(distinct i.user_id)::integer,
                           (count(i.id) filter (where i.success))::integer, (count(i.id) filter (where not i.success))::integer,
                           case when count(i.id) > 0 then round((count(i.id) filter (where i.success))::numeric / count(i.id), 4) end,
                           round(avg(i.response_time_ms))::integer, round(avg(i.tokens_used))::integer,
                           round(avg(i.user_rating), 2), count(i.user_rating)::integer, min(i.created_at), max(i.created_at)
                    from playground.ai_playground_toolkit_items t
                    left join playground.ai_playground_interactions i on i.tool_name = t.tool_name and i.user_id = (select auth.uid())
                    group by t.tool_name, t.display_name, t.category, t.is_active, t.is_beta, t.is_premium
                    order by t.tool_name$$,
                  'ai_playground_tool_analytics: the user''s per-tool figures (from the counters) equal the live aggregate after deletes');
select tests.clear_authentication();

------------------------------------------------------------------------------
-- RLS matrix: anon nothing; owners read their own rows; nobody writes
------------------------------------------------------------------------------
-- ai_playground_user_tool_stats
select tests.authenticate_as_anon();
select throws_ok($$select count(*) from playground.ai_playground_user_tool_stats$$, '42501', null, 'ai_playground_user_tool_stats: anon select raises 42501 (no grant)');
select tests.authenticate_as('us.alice@test.local');
select ok((select count(*) from playground.ai_playground_user_tool_stats) > 0 and (select bool_and(user_id = 'cccccccc-0000-4000-8000-000000000001') from playground.ai_playground_user_tool_stats), 'ai_playground_user_tool_stats: the owner selects their own rows only');
select throws_ok($$insert into playground.ai_playground_user_tool_stats (user_id, tool_name, uses, successes, prompt_submissions, simulations_run, timed_uses, response_time_sum_ms, tokens_reported, tokens_sum, rating_count, rating_sum, first_used_at, last_used_at) values ('cccccccc-0000-4000-8000-000000000001', 'survey_analyzer', 1000, 1000, 0, 0, 0, 0, 0, 0, 0, 0, now(), now())$$, '42501', null, 'ai_playground_user_tool_stats: the owner cannot insert (42501)');
select throws_ok($$update playground.ai_playground_user_tool_stats set uses = uses + 1000$$, '42501', null, 'ai_playground_user_tool_stats: the owner cannot update (42501)');
select throws_ok($$delete from playground.ai_playground_user_tool_stats$$, '42501', null, 'ai_playground_user_tool_stats: the owner cannot delete (42501)');
select tests.authenticate_as('us.bob@test.local');
select is((select count(*)::int from playground.ai_playground_user_tool_stats where user_id = 'cccccccc-0000-4000-8000-000000000001'), 0, 'ai_playground_user_tool_stats: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$update playground.ai_playground_user_tool_stats set uses = uses + 1000 where user_id = 'cccccccc-0000-4000-8000-000000000001'$$, '42501', null, 'ai_playground_user_tool_stats: another user cannot update (42501)');
select tests.authenticate_as_service_role();
select ok((select count(distinct user_id) from playground.ai_playground_user_tool_stats) >= 2, 'ai_playground_user_tool_stats: service_role selects every user''s rows');
select throws_ok($$insert into playground.ai_playground_user_tool_stats (user_id, tool_name, uses, successes, prompt_submissions, simulations_run, timed_uses, response_time_sum_ms, tokens_reported, tokens_sum, rating_count, rating_sum, first_used_at, last_used_at) values ('cccccccc-0000-4000-8000-000000000001', 'survey_analyzer', 1000, 1000, 0, 0, 0, 0, 0, 0, 0, 0, now(), now())$$, '42501', null, 'ai_playground_user_tool_stats: service_role cannot insert (42501)');
select throws_ok($$update playground.ai_playground_user_tool_stats set uses = uses + 1000$$, '42501', null, 'ai_playground_user_tool_stats: service_role cannot update (42501)');
select throws_ok($$delete from playground.ai_playground_user_tool_stats$$, '42501', null, 'ai_playground_user_tool_stats: service_role cannot delete (42501)');
select tests.clear_authentication();
-- ai_playground_user_daily_stats
select tests.authenticate_as_anon();
select throws_ok($$select count(*) from playground.ai_playground_user_daily_stats$$, '42501', null, 'ai_playground_user_daily_stats: anon select raises 42501 (no grant)');
select tests.authenticate_as('us.alice@test.local');
select ok((select count(*) from playground.ai_playground_user_daily_stats) > 0 and (select bool_and(user_id = 'cccccccc-0000-4000-8000-000000000001') from playground.ai_playground_user_daily_stats), 'ai_playground_user_daily_stats: the owner selects their own rows only');
select throws_ok($$insert into playground.ai_playground_user_daily_stats (user_id, activity_date, interactions, successes, timed_interactions, response_time_sum_ms, tokens_sum, tools_used) values ('cccccccc-0000-4000-8000-000000000001', '2001-01-01', 1000, 1000, 0, 0, 0, '{prompt_builder}')$$, '42501', null, 'ai_playground_user_daily_stats: the owner cannot insert (42501)');
select throws_ok($$update playground.ai_playground_user_daily_stats set interactions = interactions + 1000$$, '42501', null, 'ai_playground_user_daily_stats: the owner cannot update (42501)');
select throws_ok($$delete from playground.ai_playground_user_daily_stats$$, '42501', null, 'ai_playground_user_daily_stats: the owner cannot delete (42501)');
select tests.authenticate_as('us.bob@test.local');
select is((select count(*)::int from playground.ai_playground_user_daily_stats where user_id = 'cccccccc-0000-4000-8000-000000000001'), 0, 'ai_playground_user_daily_stats: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$update playground.ai_playground_user_daily_stats set interactions = interactions + 1000 where user_id = 'cccccccc-0000-4000-8000-000000000001'$$, '42501', null, 'ai_playground_user_daily_stats: another user cannot update (42501)');
select tests.authenticate_as_service_role();
select ok((select count(distinct user_id) from playground.ai_playground_user_daily_stats) >= 2, 'ai_playground_user_daily_stats: service_role selects every user''s rows');
select throws_ok($$insert into playground.ai_playground_user_daily_stats (user_id, activity_date, interactions, successes, timed_interactions, response_time_sum_ms, tokens_sum, tools_used) values ('cccccccc-0000-4000-8000-000000000001', '2001-01-01', 1000, 1000, 0, 0, 0, '{prompt_builder}')$$, '42501', null, 'ai_playground_user_daily_stats: service_role cannot insert (42501)');
select throws_ok($$update playground.ai_playground_user_daily_stats set interactions = interactions + 1000$$, '42501', null, 'ai_playground_user_daily_stats: service_role cannot update (42501)');
select throws_ok($$delete from playground.ai_playground_user_daily_stats$$, '42501', null, 'ai_playground_user_daily_stats: service_role cannot delete (42501)');
select tests.clear_authentication();

------------------------------------------------------------------------------
-- counters cannot be made inconsistent, even by the owner role
------------------------------------------------------------------------------
select throws_ok($$update playground.ai_playground_user_tool_stats set successes = uses + 1 where user_id = 'cccccccc-0000-4000-8000-000000000001'$$,
                 '23514', null, 'a counter row cannot count more successes than uses');
select throws_ok($$update playground.ai_playground_user_daily_stats set tools_used = '{NULL}' where user_id = 'cccccccc-0000-4000-8000-000000000001'$$,
                 '23514', null, 'a daily row''s tool list holds no null');

------------------------------------------------------------------------------
-- rebuild_user_stats(): repairs counters after writes that skipped the triggers
------------------------------------------------------------------------------
select has_function('playground_private', 'rebuild_user_stats', array[]::name[], 'function playground_private.rebuild_user_stats() exists');
select is_definer('playground_private', 'rebuild_user_stats', array[]::name[], 'rebuild_user_stats is security definer (in the private schema)');
select is((select array_to_string(proconfig, ',') from pg_proc where oid = 'playground_private.rebuild_user_stats()'::regprocedure), 'search_path=""', 'rebuild_user_stats pins search_path to empty');
select ok(not has_function_privilege('anon', 'playground_private.rebuild_user_stats()', 'execute')
          and not has_function_privilege('authenticated', 'playground_private.rebuild_user_stats()', 'execute'),
          'anon and authenticated cannot execute rebuild_user_stats');
select ok(has_function_privilege('service_role', 'playground_private.rebuild_user_stats()', 'execute'), 'service_role can execute rebuild_user_stats');

-- interactions written with the triggers off (as a restore or bulk load does) leave the counters behind
set local session_replication_role = replica;
insert into playground.ai_playground_interactions (session_id, user_id, tool_name, interaction_type, sequence_number, success, response_time_ms, created_at)
select 'dddddddd-0000-4000-8000-000000000030', 'cccccccc-0000-4000-8000-000000000001', 'prompt_builder', 'prompt_submit', 10000 + q, q % 2 = 0, 100 + q, now() - interval '40 days' + interval '1 minute' * q
from generate_series(1, 7) as q;
delete from playground.ai_playground_interactions
where id = (select min(id::text)::uuid from playground.ai_playground_interactions where user_id = 'cccccccc-0000-4000-8000-000000000002');
set local session_replication_role = origin;
select ok(pg_temp.tool_stats_diff() > 0 and pg_temp.daily_stats_diff() > 0, 'fixture: interactions written and deleted without the triggers leave the counters stale');

set local role service_role;
select lives_ok($$select playground_private.rebuild_user_stats()$$, 'service_role rebuilds the counters');
reset role;
select is(pg_temp.tool_stats_diff(), 0::bigint, 'after rebuild_user_stats: tool counters equal the live aggregate');
select is(pg_temp.daily_stats_diff(), 0::bigint, 'after rebuild_user_stats: daily counters equal the live aggregate');
select lives_ok($$select playground_private.rebuild_user_stats()$$, 'rebuilding again is harmless');
select is(pg_temp.tool_stats_diff() + pg_temp.daily_stats_diff(), 0::bigint, 'a second rebuild keeps the counters equal to the live aggregate');

------------------------------------------------------------------------------
-- truncate empties the counters
------------------------------------------------------------------------------
truncate playground.ai_playground_interactions;
select is((select count(*)::int from playground.ai_playground_user_tool_stats)
        + (select count(*)::int from playground.ai_playground_user_daily_stats), 0,
          'truncating the interactions empties both counter tables');

select * from finish();
rollback;
