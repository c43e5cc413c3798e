-- playground: the six analytics views of the seed.
--
-- All are plain views with security_invoker = true: they read the tables
-- under the caller's RLS. Each per-user table is read through pg.scoped():
-- the caller's own rows, or every row for a platform viewer (service_role,
-- a database role that is a member of service_role, or an admin with
-- app_metadata.role = admin; playground_private.is_platform_viewer()). So a
-- signed-in user sees figures computed from their own rows only (not from
-- the public creations or shared achievements of others that RLS lets them
-- read), through the user_id indexes; platform viewers see everything.
-- Sessions and interactions are read through pg.sessions() /
-- pg.interactions(): their select policies are owner-only (an admin OR in
-- the policy kept the user_id index out of a user's plain queries), so an
-- admin's platform figures come from the SECURITY DEFINER readers
-- playground_private.platform_sessions() / platform_interactions(), while
-- service_role (which bypasses RLS) still reads the tables and their indexes.
--
-- Materialization (the seed asks to consider it): none of them is
-- materialized. A materialized view cannot carry RLS, so it would show
-- every user everyone's figures; the per-user and date-bounded queries the
-- application makes are served by indexes (figures in each view's comment,
-- measured on 200 users / 2,000 sessions / 50,000 interactions / 1,000
-- creations / 5,000 achievement rows). Days are UTC days; expression indexes on
-- the UTC day (created with the tables) serve date filters on the daily views.

create view playground.ai_playground_user_engagement
with (security_invoker = true)
as
select
    u.user_id,
    coalesce(s.total_sessions, 0) as total_sessions,
    coalesce(s.total_session_seconds, 0) as total_session_seconds,
    s.avg_session_seconds,
    s.first_session_at,
    s.last_session_at,
    coalesce(s.active_days, 0) as active_days,
    coalesce(i.total_interactions, 0) as total_interactions,
    coalesce(i.successful_interactions, 0) as successful_interactions,
    case when i.total_interactions > 0
            then round(i.successful_interactions::numeric / i.total_interactions, 4)
    end as success_rate,
    coalesce(i.distinct_tools_used, 0) as distinct_tools_used,
    i.most_used_tool,
    i.avg_response_time_ms,
    i.last_interaction_at,
    coalesce(c.total_creations, 0) as total_creations,
    coalesce(c.public_creations, 0) as public_creations,
    coalesce(c.templates_created, 0) as templates_created,
    coalesce(a.achievements_unlocked, 0) as achievements_unlocked,
    coalesce(a.achievement_points, 0) as achievement_points,
    coalesce(a.achievements_in_progress, 0) as achievements_in_progress
from (
    select x.user_id from (
        select *
        from playground.ai_playground_sessions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    union
    select x.user_id from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
) u
left join (
    select x.user_id,
           count(*)::integer as total_sessions,
           coalesce(sum(x.duration_seconds), 0)::bigint as total_session_seconds,
           round(avg(x.duration_seconds))::integer as avg_session_seconds,
           min(x.session_start) as first_session_at,
           max(x.session_start) as last_session_at,
           count(distinct cast(x.session_start at time zone 'UTC' as date))::integer as active_days
    from (
        select *
        from playground.ai_playground_sessions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    group by x.user_id
) s on s.user_id = u.user_id
left join (
    select x.user_id,
           count(*)::integer as total_interactions,
           (count(*) filter (where x.success))::integer as successful_interactions,
           count(distinct x.tool_name)::integer as distinct_tools_used,
           mode() within group (order by x.tool_name) as most_used_tool,
           round(avg(x.response_time_ms))::integer as avg_response_time_ms,
           max(x.created_at) as last_interaction_at
    from (
        select *
        from playground.ai_playground_interactions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) x
    group by x.user_id
) i on i.user_id = u.user_id
left join (
    select x.user_id,
           count(*)::integer as total_creations,
           (count(*) filter (where x.sharing_level = 'public'))::integer as public_creations,
           (count(*) filter (where x.is_template))::integer as templates_created
    from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
    group by x.user_id
) c on c.user_id = u.user_id
left join (
    select x.user_id,
           (count(*) filter (where x.unlocked_at is not null))::integer as achievements_unlocked,
           coalesce(sum(x.points) filter (where x.unlocked_at is not null), 0)::integer as achievement_points,
           (count(*) filter (where x.unlocked_at is null and x.progress_current > 0))::integer as achievements_in_progress
    from (
        select *
        from playground.ai_playground_achievements
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_achievements
        where (select playground_private.is_platform_viewer())
    ) x
    group by x.user_id
) a on a.user_id = u.user_id;

comment on view playground.ai_playground_user_engagement is
'One row per user with playground activity (a session or a creation): sessions and time spent, active days, interactions and success rate, tools used (count and most used), creations, achievements and points. security_invoker: a signed-in user gets their own row; service_role / admins (app_metadata.role = admin) get every user. Not materialized (a materialized view cannot carry RLS and would show everyone''s figures to every user). Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): a user''s row 1.4 ms (index on user_id; it was 19 ms with a plain OR scope, a full scan), all users for an admin 322 ms / service_role 251 ms. Revisit with a service_role-only rollup if the platform-wide form becomes a frequent query.';
comment on column playground.ai_playground_user_engagement.user_id is 'The user (auth.users.id).';
comment on column playground.ai_playground_user_engagement.total_sessions is 'Sessions started.';
comment on column playground.ai_playground_user_engagement.total_session_seconds is 'Total duration of ended sessions, in seconds.';
comment on column playground.ai_playground_user_engagement.avg_session_seconds is 'Average duration of ended sessions, in seconds; null when none ended.';
comment on column playground.ai_playground_user_engagement.first_session_at is 'Start of the first session.';
comment on column playground.ai_playground_user_engagement.last_session_at is 'Start of the latest session.';
comment on column playground.ai_playground_user_engagement.active_days is 'Distinct UTC days with a session.';
comment on column playground.ai_playground_user_engagement.total_interactions is 'Interactions recorded.';
comment on column playground.ai_playground_user_engagement.successful_interactions is 'Interactions that succeeded.';
comment on column playground.ai_playground_user_engagement.success_rate is 'successful_interactions / total_interactions (0-1); null without interactions.';
comment on column playground.ai_playground_user_engagement.distinct_tools_used is 'Distinct tools used.';
comment on column playground.ai_playground_user_engagement.most_used_tool is 'Tool with the most interactions (ties: first by name).';
comment on column playground.ai_playground_user_engagement.avg_response_time_ms is 'Average AI response time over the user''s timed interactions, ms.';
comment on column playground.ai_playground_user_engagement.last_interaction_at is 'Time of the latest interaction.';
comment on column playground.ai_playground_user_engagement.total_creations is 'Creations made.';
comment on column playground.ai_playground_user_engagement.public_creations is 'Creations with sharing_level public.';
comment on column playground.ai_playground_user_engagement.templates_created is 'Creations offered as templates.';
comment on column playground.ai_playground_user_engagement.achievements_unlocked is 'Achievements awarded.';
comment on column playground.ai_playground_user_engagement.achievement_points is 'Points of the awarded achievements.';
comment on column playground.ai_playground_user_engagement.achievements_in_progress is 'Achievements started (progress > 0) but not yet awarded.';

create view playground.ai_playground_tool_analytics
with (security_invoker = true)
as
select
    t.tool_name,
    t.display_name,
    t.category,
    t.is_active,
    t.is_beta,
    t.is_premium,
    coalesce(agg.total_uses, 0) as total_uses,
    coalesce(agg.unique_users, 0) as unique_users,
    coalesce(agg.successful_uses, 0) as successful_uses,
    coalesce(agg.error_count, 0) as error_count,
    case when agg.total_uses > 0
            then round(agg.successful_uses::numeric / agg.total_uses, 4)
    end as success_rate,
    agg.avg_response_time_ms,
    agg.avg_tokens_used,
    agg.avg_user_rating,
    coalesce(agg.rating_count, 0) as rating_count,
    agg.first_used_at,
    agg.last_used_at
from playground.ai_playground_toolkit_items t
left join lateral (
    select count(*)::integer as total_uses,
            count(distinct i.user_id)::integer as unique_users,
            (count(*) filter (where i.success))::integer as successful_uses,
            (count(*) filter (where not i.success))::integer as error_count,
            round(avg(i.response_time_ms))::integer as avg_response_time_ms,
            round(avg(i.tokens_used))::integer as avg_tokens_used,
            round(avg(i.user_rating), 2) as avg_user_rating,
            count(i.user_rating)::integer as rating_count,
            min(i.created_at) as first_used_at,
            max(i.created_at) as last_used_at
    from (
        select *
        from playground.ai_playground_interactions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) i
    where i.tool_name = t.tool_name
) agg on true;

comment on view playground.ai_playground_tool_analytics is
'One row per toolkit item visible to the caller with its usage: uses, unique users, successes and errors, success rate, average response time and tokens, user ratings, first/last use. security_invoker: a signed-in user sees the figures of their own interactions per tool; service_role / admins see the whole platform (and inactive tools). Not materialized: the per-tool aggregate is an index scan on (user_id, tool_name) for a user and on (tool_name, created_at) platform-wide. Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): a user 0.5 ms, an admin 188 ms, service_role 170 ms.';
comment on column playground.ai_playground_tool_analytics.tool_name is 'Tool machine name.';
comment on column playground.ai_playground_tool_analytics.display_name is 'Tool display name.';
comment on column playground.ai_playground_tool_analytics.category is 'Tool category.';
comment on column playground.ai_playground_tool_analytics.is_active is 'Whether the tool is active.';
comment on column playground.ai_playground_tool_analytics.is_beta is 'Beta flag.';
comment on column playground.ai_playground_tool_analytics.is_premium is 'Premium flag.';
comment on column playground.ai_playground_tool_analytics.total_uses is 'Interactions with the tool.';
comment on column playground.ai_playground_tool_analytics.unique_users is 'Distinct users who used it.';
comment on column playground.ai_playground_tool_analytics.successful_uses is 'Successful interactions.';
comment on column playground.ai_playground_tool_analytics.error_count is 'Failed interactions.';
comment on column playground.ai_playground_tool_analytics.success_rate is 'successful_uses / total_uses (0-1); null when unused.';
comment on column playground.ai_playground_tool_analytics.avg_response_time_ms is 'Average response time, ms.';
comment on column playground.ai_playground_tool_analytics.avg_tokens_used is 'Average tokens per interaction.';
comment on column playground.ai_playground_tool_analytics.avg_user_rating is 'Average 1-5 user rating; null when unrated.';
comment on column playground.ai_playground_tool_analytics.rating_count is 'Rated interactions.';
comment on column playground.ai_playground_tool_analytics.first_used_at is 'First interaction.';
comment on column playground.ai_playground_tool_analytics.last_used_at is 'Latest interaction.';

create view playground.ai_playground_creation_analytics
with (security_invoker = true)
as
select
    ct.creation_type,
    ct.total_creations,
    ct.creators,
    ct.avg_quality_score,
    ct.high_quality_creations,
    ct.total_views,
    ct.total_uses,
    ct.total_forks,
    ct.public_creations,
    ct.shared_creations,
    ct.published_creations,
    ct.templates,
    ct.versions,
    coalesce((
        select array_agg(tg.tag order by tg.n desc, tg.tag)
        from (
            select tag, count(*) as n
            from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
            cross join lateral unnest(x.tags) as tag
            where x.creation_type = ct.creation_type
            group by tag
            order by count(*) desc, tag
            limit 5
        ) tg
    ), '{}'::text[]) as popular_tags,
    ct.last_created_at
from (
    select x.creation_type,
            count(*)::integer as total_creations,
            count(distinct x.user_id)::integer as creators,
            round(avg(x.quality_score), 1) as avg_quality_score,
            (count(*) filter (where x.quality_score >= 80))::integer as high_quality_creations,
            sum(x.view_count)::bigint as total_views,
            sum(x.use_count)::bigint as total_uses,
            sum(x.fork_count)::bigint as total_forks,
            (count(*) filter (where x.sharing_level = 'public'))::integer as public_creations,
            (count(*) filter (where x.sharing_level = 'shared'))::integer as shared_creations,
            (count(*) filter (where x.is_published))::integer as published_creations,
            (count(*) filter (where x.is_template))::integer as templates,
            (count(*) filter (where x.version > 1))::integer as versions,
            max(x.created_at) as last_created_at
    from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
    group by x.creation_type
) ct;

comment on view playground.ai_playground_creation_analytics is
'One row per creation_type: creations and creators, average quality, engagement (views, uses, forks), public / shared / published counts, templates, versions and the 5 most used tags. security_invoker and scoped: a signed-in user sees figures over their own creations (not the public ones of others); service_role / admins see the whole platform. Not materialized (one grouped scan of creations, which are far fewer than interactions). Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): a user 0.5 ms, an admin 13 ms.';
comment on column playground.ai_playground_creation_analytics.creation_type is 'Kind of creation.';
comment on column playground.ai_playground_creation_analytics.total_creations is 'Creations of this type.';
comment on column playground.ai_playground_creation_analytics.creators is 'Distinct owners.';
comment on column playground.ai_playground_creation_analytics.avg_quality_score is 'Average quality score (0-100) of evaluated creations.';
comment on column playground.ai_playground_creation_analytics.high_quality_creations is 'Creations with quality_score >= 80.';
comment on column playground.ai_playground_creation_analytics.total_views is 'Sum of view_count.';
comment on column playground.ai_playground_creation_analytics.total_uses is 'Sum of use_count.';
comment on column playground.ai_playground_creation_analytics.total_forks is 'Sum of fork_count.';
comment on column playground.ai_playground_creation_analytics.public_creations is 'Creations with sharing_level public.';
comment on column playground.ai_playground_creation_analytics.shared_creations is 'Creations with sharing_level shared.';
comment on column playground.ai_playground_creation_analytics.published_creations is 'Creations published to the showcase.';
comment on column playground.ai_playground_creation_analytics.templates is 'Creations offered as templates.';
comment on column playground.ai_playground_creation_analytics.versions is 'Creations that are a later version (version > 1).';
comment on column playground.ai_playground_creation_analytics.popular_tags is 'Up to 5 most used tags, most used first (ties by name).';
comment on column playground.ai_playground_creation_analytics.last_created_at is 'Latest creation of this type.';

create view playground.ai_playground_daily_metrics
with (security_invoker = true)
as
select
    e.activity_date,
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
    select 'session'::text as source,
            (x.session_start at time zone 'UTC')::date as activity_date,
            x.user_id,
            x.duration_seconds as measure,
            null::boolean as ok,
            null::integer as tokens
    from (
        select *
        from playground.ai_playground_sessions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    union all
    select 'interaction',
            (x.created_at at time zone 'UTC')::date,
            x.user_id,
            x.response_time_ms,
            x.success,
            x.tokens_used
    from (
        select *
        from playground.ai_playground_interactions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) x
    union all
    select 'creation',
            (x.created_at at time zone 'UTC')::date,
            x.user_id,
            null,
            null,
            null
    from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
    union all
    select 'achievement',
            (x.unlocked_at at time zone 'UTC')::date,
            x.user_id,
            null,
            null,
            null
    from (
        select *
        from playground.ai_playground_achievements
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_achievements
        where (select playground_private.is_platform_viewer())
    ) x
    where x.unlocked_at is not null
) e
group by e.activity_date;

comment on view playground.ai_playground_daily_metrics is
'One row per UTC day with activity: active users (with a session or an interaction that day), sessions started and their average duration, interactions, errors, average response time, tokens, new creations and achievements unlocked. security_invoker: a signed-in user sees their own daily figures; service_role / admins the whole platform. Not materialized: a materialized copy could not be row-secured, and a filter on activity_date (the seed''s 7-day query) is pushed into every branch. Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): seed 7-day query: a user 0.7 ms (user_id indexes); service_role 34 ms (expression indexes on the UTC day of session_start / created_at / unlocked_at); an admin 80 ms (under RLS those indexes cannot be used because timezone() is not leakproof, so it scans); all days 264-344 ms. If platform-wide history grows to millions of interactions, add a service_role-only daily rollup refreshed on a schedule rather than materializing this view.';
comment on column playground.ai_playground_daily_metrics.activity_date is 'UTC day.';
comment on column playground.ai_playground_daily_metrics.active_users is 'Distinct users with a session or an interaction that day.';
comment on column playground.ai_playground_daily_metrics.sessions is 'Sessions started that day.';
comment on column playground.ai_playground_daily_metrics.avg_session_seconds is 'Average duration of those sessions that have ended, seconds.';
comment on column playground.ai_playground_daily_metrics.interactions is 'Interactions that day.';
comment on column playground.ai_playground_daily_metrics.errors is 'Failed interactions that day.';
comment on column playground.ai_playground_daily_metrics.avg_response_time_ms is 'Average response time of that day''s timed interactions, ms.';
comment on column playground.ai_playground_daily_metrics.tokens_used is 'Tokens used that day.';
comment on column playground.ai_playground_daily_metrics.new_creations is 'Creations made that day.';
comment on column playground.ai_playground_daily_metrics.achievements_unlocked is 'Achievements awarded that day.';

create view playground.ai_playground_user_funnel
with (security_invoker = true)
as
select
    s.user_id,
    s.first_session_at,
    i.first_interaction_at,
    i.first_prompt_at,
    c.first_creation_at,
    c.first_public_creation_at,
    a.first_achievement_at,
    s.total_sessions,
    s.active_days,
    s.last_session_at,
    s.returned_within_7_days,
    s.active_after_30_days,
    case
        when s.active_after_30_days then 'retained'
        when c.first_public_creation_at is not null then 'shared_creation'
        when c.first_creation_at is not null then 'created'
        when i.first_prompt_at is not null then 'prompted'
        when i.first_interaction_at is not null then 'interacted'
        else 'visited'
    end as funnel_stage
from (
    select x.user_id,
            min(x.session_start) as first_session_at,
            max(x.session_start) as last_session_at,
            count(*)::integer as total_sessions,
            count(distinct cast(x.session_start at time zone 'UTC' as date))::integer as active_days,
            bool_or(x.session_start >= f.first_at + interval '1 day'
                    and x.session_start < f.first_at + interval '8 days') as returned_within_7_days,
            bool_or(x.session_start >= f.first_at + interval '30 days') as active_after_30_days
    from (
        select *
        from playground.ai_playground_sessions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    join (
        select y.user_id, min(y.session_start) as first_at
        from (
            select *
            from playground.ai_playground_sessions
            where user_id = (select auth.uid())
              and not (select playground_private.is_platform_viewer())
            union all
            select *
            from playground.ai_playground_sessions
            where (select playground_private.is_platform_viewer())
              and not (select playground_private.is_admin())
            union all
            select *
            from playground_private.platform_sessions()
            where (select playground_private.is_admin())
        ) y
        group by y.user_id
    ) f on f.user_id = x.user_id
    group by x.user_id
) s
left join (
    select x.user_id,
           min(x.created_at) as first_interaction_at,
           min(x.created_at) filter (where x.interaction_type = 'prompt_submit') as first_prompt_at
    from (
        select *
        from playground.ai_playground_interactions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) x
    group by x.user_id
) i on i.user_id = s.user_id
left join (
    select x.user_id,
           min(x.created_at) as first_creation_at,
           min(x.created_at) filter (where x.sharing_level = 'public') as first_public_creation_at
    from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
    group by x.user_id
) c on c.user_id = s.user_id
left join (
    select x.user_id,
           min(x.unlocked_at) as first_achievement_at
    from (
        select *
        from playground.ai_playground_achievements
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_achievements
        where (select playground_private.is_platform_viewer())
    ) x
    where x.unlocked_at is not null
    group by x.user_id
) a on a.user_id = s.user_id;

comment on view playground.ai_playground_user_funnel is
'User journey, one row per user who started a session: first session, first interaction, first prompt submission (interaction_type prompt_submit), first creation, first public creation, first achievement, retention (came back on days 1-7 after the first session; active 30+ days after it) and the furthest funnel_stage reached (visited < interacted < prompted < created < shared_creation < retained). The funnel starts at the first session: sign-up time lives in auth.users, which API roles cannot read. Count users per stage with group by funnel_stage. security_invoker: a user sees their own journey; service_role / admins every user. Not materialized. Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): a user 1.0 ms (user_id indexes), every user for an admin 122 ms / service_role 104 ms.';
comment on column playground.ai_playground_user_funnel.user_id is 'The user.';
comment on column playground.ai_playground_user_funnel.first_session_at is 'Start of the first session (funnel entry).';
comment on column playground.ai_playground_user_funnel.first_interaction_at is 'First interaction with any tool.';
comment on column playground.ai_playground_user_funnel.first_prompt_at is 'First prompt submission.';
comment on column playground.ai_playground_user_funnel.first_creation_at is 'First creation.';
comment on column playground.ai_playground_user_funnel.first_public_creation_at is 'First creation shared publicly.';
comment on column playground.ai_playground_user_funnel.first_achievement_at is 'First achievement awarded.';
comment on column playground.ai_playground_user_funnel.total_sessions is 'Sessions started.';
comment on column playground.ai_playground_user_funnel.active_days is 'Distinct UTC days with a session.';
comment on column playground.ai_playground_user_funnel.last_session_at is 'Start of the latest session.';
comment on column playground.ai_playground_user_funnel.returned_within_7_days is 'Started another session between 1 and 8 days after the first one.';
comment on column playground.ai_playground_user_funnel.active_after_30_days is 'Started a session 30 days or more after the first one.';
comment on column playground.ai_playground_user_funnel.funnel_stage is 'Furthest stage reached: visited, interacted, prompted, created, shared_creation or retained.';

create view playground.ai_playground_performance_metrics
with (security_invoker = true)
as
select
    (x.created_at at time zone 'UTC')::date as metric_date,
    x.tool_name,
    count(*)::integer as request_count,
    count(x.response_time_ms)::integer as timed_requests,
    round(avg(x.response_time_ms))::integer as avg_response_time_ms,
    percentile_cont(0.5) within group (order by x.response_time_ms) as p50_response_time_ms,
    percentile_cont(0.9) within group (order by x.response_time_ms) as p90_response_time_ms,
    percentile_cont(0.95) within group (order by x.response_time_ms) as p95_response_time_ms,
    percentile_cont(0.99) within group (order by x.response_time_ms) as p99_response_time_ms,
    max(x.response_time_ms) as max_response_time_ms,
    (count(*) filter (where not x.success))::integer as error_count,
    round((count(*) filter (where not x.success))::numeric / count(*), 4) as error_rate,
    coalesce(sum(x.tokens_used), 0)::bigint as total_tokens,
    round(avg(x.tokens_used))::integer as avg_tokens,
    (count(*) filter (where x.response_time_ms > 5000))::integer as slow_requests
from (
        select *
        from playground.ai_playground_interactions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) x
group by (x.created_at at time zone 'UTC')::date, x.tool_name;

comment on view playground.ai_playground_performance_metrics is
'System performance per UTC day and tool: request count, response-time average and percentiles (p50/p90/p95/p99, continuous, over timed requests), maximum, errors and error rate, tokens, and slow requests (response time above 5000 ms). security_invoker: a signed-in user sees the performance of their own requests; service_role / admins the whole platform. Not materialized: a filter on metric_date is pushed into the scan (for service_role it uses the created_at day expression index). Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): a user 0.8 ms; last 7 days for service_role 18 ms, an admin 50 ms; all days 261-271 ms.';
comment on column playground.ai_playground_performance_metrics.metric_date is 'UTC day.';
comment on column playground.ai_playground_performance_metrics.tool_name is 'Tool.';
comment on column playground.ai_playground_performance_metrics.request_count is 'Interactions.';
comment on column playground.ai_playground_performance_metrics.timed_requests is 'Interactions with a measured response time.';
comment on column playground.ai_playground_performance_metrics.avg_response_time_ms is 'Average response time, ms.';
comment on column playground.ai_playground_performance_metrics.p50_response_time_ms is 'Median response time, ms.';
comment on column playground.ai_playground_performance_metrics.p90_response_time_ms is '90th percentile response time, ms.';
comment on column playground.ai_playground_performance_metrics.p95_response_time_ms is '95th percentile response time, ms.';
comment on column playground.ai_playground_performance_metrics.p99_response_time_ms is '99th percentile response time, ms.';
comment on column playground.ai_playground_performance_metrics.max_response_time_ms is 'Slowest response, ms.';
comment on column playground.ai_playground_performance_metrics.error_count is 'Failed interactions.';
comment on column playground.ai_playground_performance_metrics.error_rate is 'error_count / request_count (0-1).';
comment on column playground.ai_playground_performance_metrics.total_tokens is 'Tokens used.';
comment on column playground.ai_playground_performance_metrics.avg_tokens is 'Average tokens per interaction that reported them.';
comment on column playground.ai_playground_performance_metrics.slow_requests is 'Requests slower than 5000 ms.';
