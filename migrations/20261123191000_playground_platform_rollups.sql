-- playground: whole-platform rollups of the six analytics views
-- (BENCHMARKS.md P6; live, they were too slow for a dashboard).
--
-- Six ordinary tables with each view's columns, filled by
-- playground_private.refresh_platform_rollups() as a platform viewer (a rollup
-- equals the view at that instant; pg_cron every 15 minutes where installed);
-- a status table says "as of". Tables, not materialized views: they carry RLS
-- and refresh in one transaction. The live views stay the exact source. No
-- foreign key to auth.users: the refresh would lock the rows it copies and
-- deadlock with an account deletion; a deleted user leaves at the next refresh.

------------------------------------------------------------------------------
-- ai_playground_platform_tool_analytics: copy of playground.ai_playground_tool_analytics
------------------------------------------------------------------------------
create table playground.ai_playground_platform_tool_analytics (
    tool_name text not null,
    display_name text not null,
    category text not null,
    is_active boolean not null,
    is_beta boolean not null,
    is_premium boolean not null,
    total_uses integer not null,
    unique_users integer not null,
    successful_uses integer not null,
    error_count integer not null,
    success_rate numeric,
    avg_response_time_ms integer,
    avg_tokens_used integer,
    avg_user_rating numeric,
    rating_count integer not null,
    first_used_at timestamptz,
    last_used_at timestamptz,
    constraint ai_playground_platform_tool_analytics_success_rate_check check (success_rate between 0 and 1),
    constraint ai_playground_platform_tool_analytics_pkey primary key (tool_name)
);

comment on table playground.ai_playground_platform_tool_analytics is
'Whole-platform figures of playground.ai_playground_tool_analytics: one row per toolkit item, active or not, with its usage over every user''s interactions. Exactly the view''s columns and its platform-wide rows (what service_role gets from the view). As of refreshed_at in playground.ai_playground_platform_rollup_refreshes: refreshed by playground_private.refresh_platform_rollups(), every 15 minutes by pg_cron where the extension is installed. Readable by admins (app_metadata.role = admin) and service_role; written only by the refresh. The live view remains the exact, live source: a signed-in user''s own figures, and ad hoc platform queries that must be current.';
comment on column playground.ai_playground_platform_tool_analytics.tool_name is 'Tool machine name.';
comment on column playground.ai_playground_platform_tool_analytics.display_name is 'Tool display name.';
comment on column playground.ai_playground_platform_tool_analytics.category is 'Tool category.';
comment on column playground.ai_playground_platform_tool_analytics.is_active is 'Whether the tool is active.';
comment on column playground.ai_playground_platform_tool_analytics.is_beta is 'Beta flag.';
comment on column playground.ai_playground_platform_tool_analytics.is_premium is 'Premium flag.';
comment on column playground.ai_playground_platform_tool_analytics.total_uses is 'Interactions with the tool.';
comment on column playground.ai_playground_platform_tool_analytics.unique_users is 'Distinct users who used it.';
comment on column playground.ai_playground_platform_tool_analytics.successful_uses is 'Successful interactions.';
comment on column playground.ai_playground_platform_tool_analytics.error_count is 'Failed interactions.';
comment on column playground.ai_playground_platform_tool_analytics.success_rate is 'successful_uses / total_uses (0-1); null when unused.';
comment on column playground.ai_playground_platform_tool_analytics.avg_response_time_ms is 'Average response time, ms.';
comment on column playground.ai_playground_platform_tool_analytics.avg_tokens_used is 'Average tokens per interaction.';
comment on column playground.ai_playground_platform_tool_analytics.avg_user_rating is 'Average 1-5 user rating; null when unrated.';
comment on column playground.ai_playground_platform_tool_analytics.rating_count is 'Rated interactions.';
comment on column playground.ai_playground_platform_tool_analytics.first_used_at is 'First interaction.';
comment on column playground.ai_playground_platform_tool_analytics.last_used_at is 'Latest interaction.';

------------------------------------------------------------------------------
-- ai_playground_platform_creation_analytics: copy of playground.ai_playground_creation_analytics
------------------------------------------------------------------------------
create table playground.ai_playground_platform_creation_analytics (
    creation_type text not null,
    total_creations integer not null,
    creators integer not null,
    avg_quality_score numeric,
    high_quality_creations integer not null,
    total_views bigint not null,
    total_uses bigint not null,
    total_forks bigint not null,
    public_creations integer not null,
    shared_creations integer not null,
    published_creations integer not null,
    templates integer not null,
    versions integer not null,
    popular_tags text[] not null,
    last_created_at timestamptz not null,
    constraint ai_playground_platform_creation_analytics_pkey primary key (creation_type)
);

comment on table playground.ai_playground_platform_creation_analytics is
'Whole-platform figures of playground.ai_playground_creation_analytics: one row per creation_type over every user''s creations. Exactly the view''s columns and its platform-wide rows (what service_role gets from the view). As of refreshed_at in playground.ai_playground_platform_rollup_refreshes: refreshed by playground_private.refresh_platform_rollups(), every 15 minutes by pg_cron where the extension is installed. Readable by admins (app_metadata.role = admin) and service_role; written only by the refresh. The live view remains the exact, live source: a signed-in user''s own figures, and ad hoc platform queries that must be current.';
comment on column playground.ai_playground_platform_creation_analytics.creation_type is 'Kind of creation.';
comment on column playground.ai_playground_platform_creation_analytics.total_creations is 'Creations of this type.';
comment on column playground.ai_playground_platform_creation_analytics.creators is 'Distinct owners.';
comment on column playground.ai_playground_platform_creation_analytics.avg_quality_score is 'Average quality score (0-100) of evaluated creations.';
comment on column playground.ai_playground_platform_creation_analytics.high_quality_creations is 'Creations with quality_score >= 80.';
comment on column playground.ai_playground_platform_creation_analytics.total_views is 'Sum of view_count.';
comment on column playground.ai_playground_platform_creation_analytics.total_uses is 'Sum of use_count.';
comment on column playground.ai_playground_platform_creation_analytics.total_forks is 'Sum of fork_count.';
comment on column playground.ai_playground_platform_creation_analytics.public_creations is 'Creations with sharing_level public.';
comment on column playground.ai_playground_platform_creation_analytics.shared_creations is 'Creations with sharing_level shared.';
comment on column playground.ai_playground_platform_creation_analytics.published_creations is 'Creations published to the showcase.';
comment on column playground.ai_playground_platform_creation_analytics.templates is 'Creations offered as templates.';
comment on column playground.ai_playground_platform_creation_analytics.versions is 'Creations that are a later version (version > 1).';
comment on column playground.ai_playground_platform_creation_analytics.popular_tags is 'Up to 5 most used tags, most used first (ties by name).';
comment on column playground.ai_playground_platform_creation_analytics.last_created_at is 'Latest creation of this type.';

------------------------------------------------------------------------------
-- ai_playground_platform_daily_metrics: copy of playground.ai_playground_daily_metrics
------------------------------------------------------------------------------
create table playground.ai_playground_platform_daily_metrics (
    activity_date date not null,
    active_users bigint not null,
    sessions bigint not null,
    avg_session_seconds integer,
    interactions bigint not null,
    errors bigint not null,
    avg_response_time_ms integer,
    tokens_used bigint not null,
    new_creations bigint not null,
    achievements_unlocked bigint not null,
    constraint ai_playground_platform_daily_metrics_pkey primary key (activity_date)
);

comment on table playground.ai_playground_platform_daily_metrics is
'Whole-platform figures of playground.ai_playground_daily_metrics: one row per UTC day with activity anywhere on the platform (the primary key serves date ranges, newest first too). Exactly the view''s columns and its platform-wide rows (what service_role gets from the view). As of refreshed_at in playground.ai_playground_platform_rollup_refreshes: refreshed by playground_private.refresh_platform_rollups(), every 15 minutes by pg_cron where the extension is installed. Readable by admins (app_metadata.role = admin) and service_role; written only by the refresh. The live view remains the exact, live source: a signed-in user''s own figures, and ad hoc platform queries that must be current.';
comment on column playground.ai_playground_platform_daily_metrics.activity_date is 'UTC day.';
comment on column playground.ai_playground_platform_daily_metrics.active_users is 'Distinct users with a session or an interaction that day.';
comment on column playground.ai_playground_platform_daily_metrics.sessions is 'Sessions started that day.';
comment on column playground.ai_playground_platform_daily_metrics.avg_session_seconds is 'Average duration of those sessions that have ended, seconds.';
comment on column playground.ai_playground_platform_daily_metrics.interactions is 'Interactions that day.';
comment on column playground.ai_playground_platform_daily_metrics.errors is 'Failed interactions that day.';
comment on column playground.ai_playground_platform_daily_metrics.avg_response_time_ms is 'Average response time of that day''s timed interactions, ms.';
comment on column playground.ai_playground_platform_daily_metrics.tokens_used is 'Tokens used that day.';
comment on column playground.ai_playground_platform_daily_metrics.new_creations is 'Creations made that day.';
comment on column playground.ai_playground_platform_daily_metrics.achievements_unlocked is 'Achievements awarded that day.';

------------------------------------------------------------------------------
-- ai_playground_platform_performance_metrics: copy of playground.ai_playground_performance_metrics
------------------------------------------------------------------------------
create table playground.ai_playground_platform_performance_metrics (
    metric_date date not null,
    tool_name text not null,
    request_count integer not null,
    timed_requests integer not null,
    avg_response_time_ms integer,
    p50_response_time_ms double precision,
    p90_response_time_ms double precision,
    p95_response_time_ms double precision,
    p99_response_time_ms double precision,
    max_response_time_ms integer,
    error_count integer not null,
    error_rate numeric not null,
    total_tokens bigint not null,
    avg_tokens integer,
    slow_requests integer not null,
    constraint ai_playground_platform_performance_metrics_error_rate_check check (error_rate between 0 and 1),
    constraint ai_playground_platform_performance_metrics_pkey primary key (metric_date, tool_name)
);

comment on table playground.ai_playground_platform_performance_metrics is
'Whole-platform figures of playground.ai_playground_performance_metrics: one row per UTC day and tool over every user''s requests (the primary key serves date ranges). Exactly the view''s columns and its platform-wide rows (what service_role gets from the view). As of refreshed_at in playground.ai_playground_platform_rollup_refreshes: refreshed by playground_private.refresh_platform_rollups(), every 15 minutes by pg_cron where the extension is installed. Readable by admins (app_metadata.role = admin) and service_role; written only by the refresh. The live view remains the exact, live source: a signed-in user''s own figures, and ad hoc platform queries that must be current.';
comment on column playground.ai_playground_platform_performance_metrics.metric_date is 'UTC day.';
comment on column playground.ai_playground_platform_performance_metrics.tool_name is 'Tool.';
comment on column playground.ai_playground_platform_performance_metrics.request_count is 'Interactions.';
comment on column playground.ai_playground_platform_performance_metrics.timed_requests is 'Interactions with a measured response time.';
comment on column playground.ai_playground_platform_performance_metrics.avg_response_time_ms is 'Average response time, ms.';
comment on column playground.ai_playground_platform_performance_metrics.p50_response_time_ms is 'Median response time, ms.';
comment on column playground.ai_playground_platform_performance_metrics.p90_response_time_ms is '90th percentile response time, ms.';
comment on column playground.ai_playground_platform_performance_metrics.p95_response_time_ms is '95th percentile response time, ms.';
comment on column playground.ai_playground_platform_performance_metrics.p99_response_time_ms is '99th percentile response time, ms.';
comment on column playground.ai_playground_platform_performance_metrics.max_response_time_ms is 'Slowest response, ms.';
comment on column playground.ai_playground_platform_performance_metrics.error_count is 'Failed interactions.';
comment on column playground.ai_playground_platform_performance_metrics.error_rate is 'error_count / request_count (0-1).';
comment on column playground.ai_playground_platform_performance_metrics.total_tokens is 'Tokens used.';
comment on column playground.ai_playground_platform_performance_metrics.avg_tokens is 'Average tokens per interaction that reported them.';
comment on column playground.ai_playground_platform_performance_metrics.slow_requests is 'Requests slower than 5000 ms.';

------------------------------------------------------------------------------
-- ai_playground_platform_user_funnel: copy of playground.ai_playground_user_funnel
------------------------------------------------------------------------------
create table playground.ai_playground_platform_user_funnel (
    user_id uuid not null,
    first_session_at timestamptz not null,
    first_interaction_at timestamptz,
    first_prompt_at timestamptz,
    first_creation_at timestamptz,
    first_public_creation_at timestamptz,
    first_achievement_at timestamptz,
    total_sessions integer not null,
    active_days integer not null,
    last_session_at timestamptz not null,
    returned_within_7_days boolean not null,
    active_after_30_days boolean not null,
    funnel_stage text not null,
    constraint ai_playground_platform_user_funnel_funnel_stage_check check (funnel_stage in ('visited', 'interacted', 'prompted', 'created', 'shared_creation', 'retained')),
    constraint ai_playground_platform_user_funnel_pkey primary key (user_id)
);

create index idx_ai_playground_platform_user_funnel_funnel_stage
    on playground.ai_playground_platform_user_funnel (funnel_stage);

comment on index playground.idx_ai_playground_platform_user_funnel_funnel_stage is
'Serves the platform dashboard: users at a stage, and counts per stage.';

comment on table playground.ai_playground_platform_user_funnel is
'Whole-platform figures of playground.ai_playground_user_funnel: one row per user who started a session, with the furthest funnel stage reached. Exactly the view''s columns and its platform-wide rows (what service_role gets from the view). As of refreshed_at in playground.ai_playground_platform_rollup_refreshes: refreshed by playground_private.refresh_platform_rollups(), every 15 minutes by pg_cron where the extension is installed. Readable by admins (app_metadata.role = admin) and service_role; written only by the refresh. The live view remains the exact, live source: a signed-in user''s own figures, and ad hoc platform queries that must be current.';
comment on column playground.ai_playground_platform_user_funnel.user_id is 'The user.';
comment on column playground.ai_playground_platform_user_funnel.first_session_at is 'Start of the first session (funnel entry).';
comment on column playground.ai_playground_platform_user_funnel.first_interaction_at is 'First interaction with any tool.';
comment on column playground.ai_playground_platform_user_funnel.first_prompt_at is 'First prompt submission.';
comment on column playground.ai_playground_platform_user_funnel.first_creation_at is 'First creation.';
comment on column playground.ai_playground_platform_user_funnel.first_public_creation_at is 'First creation shared publicly.';
comment on column playground.ai_playground_platform_user_funnel.first_achievement_at is 'First achievement awarded.';
comment on column playground.ai_playground_platform_user_funnel.total_sessions is 'Sessions started.';
comment on column playground.ai_playground_platform_user_funnel.active_days is 'Distinct UTC days with a session.';
comment on column playground.ai_playground_platform_user_funnel.last_session_at is 'Start of the latest session.';
comment on column playground.ai_playground_platform_user_funnel.returned_within_7_days is 'Started another session between 1 and 8 days after the first one.';
comment on column playground.ai_playground_platform_user_funnel.active_after_30_days is 'Started a session 30 days or more after the first one.';
comment on column playground.ai_playground_platform_user_funnel.funnel_stage is 'Furthest stage reached: visited, interacted, prompted, created, shared_creation or retained.';

------------------------------------------------------------------------------
-- ai_playground_platform_user_engagement: copy of playground.ai_playground_user_engagement
------------------------------------------------------------------------------
create table playground.ai_playground_platform_user_engagement (
    user_id uuid not null,
    total_sessions integer not null,
    total_session_seconds bigint not null,
    avg_session_seconds integer,
    first_session_at timestamptz,
    last_session_at timestamptz,
    active_days integer not null,
    total_interactions integer not null,
    successful_interactions integer not null,
    success_rate numeric,
    distinct_tools_used integer not null,
    most_used_tool text,
    avg_response_time_ms integer,
    last_interaction_at timestamptz,
    total_creations integer not null,
    public_creations integer not null,
    templates_created integer not null,
    achievements_unlocked integer not null,
    achievement_points integer not null,
    achievements_in_progress integer not null,
    constraint ai_playground_platform_user_engagement_success_rate_check check (success_rate between 0 and 1),
    constraint ai_playground_platform_user_engagement_pkey primary key (user_id)
);

create index idx_ai_playground_platform_user_engagement_interactions_user_id
    on playground.ai_playground_platform_user_engagement (total_interactions desc, user_id);

comment on index playground.idx_ai_playground_platform_user_engagement_interactions_user_id is
'Serves the platform dashboard: the most engaged users first (top-N, keyset pages).';

comment on table playground.ai_playground_platform_user_engagement is
'Whole-platform figures of playground.ai_playground_user_engagement: one row per user with playground activity (a session or a creation). Exactly the view''s columns and its platform-wide rows (what service_role gets from the view). As of refreshed_at in playground.ai_playground_platform_rollup_refreshes: refreshed by playground_private.refresh_platform_rollups(), every 15 minutes by pg_cron where the extension is installed. Readable by admins (app_metadata.role = admin) and service_role; written only by the refresh. The live view remains the exact, live source: a signed-in user''s own figures, and ad hoc platform queries that must be current.';
comment on column playground.ai_playground_platform_user_engagement.user_id is 'The user (auth.users.id).';
comment on column playground.ai_playground_platform_user_engagement.total_sessions is 'Sessions started.';
comment on column playground.ai_playground_platform_user_engagement.total_session_seconds is 'Total duration of ended sessions, in seconds.';
comment on column playground.ai_playground_platform_user_engagement.avg_session_seconds is 'Average duration of ended sessions, in seconds; null when none ended.';
comment on column playground.ai_playground_platform_user_engagement.first_session_at is 'Start of the first session.';
comment on column playground.ai_playground_platform_user_engagement.last_session_at is 'Start of the latest session.';
comment on column playground.ai_playground_platform_user_engagement.active_days is 'Distinct UTC days with a session.';
comment on column playground.ai_playground_platform_user_engagement.total_interactions is 'Interactions recorded.';
comment on column playground.ai_playground_platform_user_engagement.successful_interactions is 'Interactions that succeeded.';
comment on column playground.ai_playground_platform_user_engagement.success_rate is 'successful_interactions / total_interactions (0-1); null without interactions.';
comment on column playground.ai_playground_platform_user_engagement.distinct_tools_used is 'Distinct tools used.';
comment on column playground.ai_playground_platform_user_engagement.most_used_tool is 'Tool with the most interactions (ties: first by name).';
comment on column playground.ai_playground_platform_user_engagement.avg_response_time_ms is 'Average AI response time over the user''s timed interactions, ms.';
comment on column playground.ai_playground_platform_user_engagement.last_interaction_at is 'Time of the latest interaction.';
comment on column playground.ai_playground_platform_user_engagement.total_creations is 'Creations made.';
comment on column playground.ai_playground_platform_user_engagement.public_creations is 'Creations with sharing_level public.';
comment on column playground.ai_playground_platform_user_engagement.templates_created is 'Creations offered as templates.';
comment on column playground.ai_playground_platform_user_engagement.achievements_unlocked is 'Achievements awarded.';
comment on column playground.ai_playground_platform_user_engagement.achievement_points is 'Points of the awarded achievements.';
comment on column playground.ai_playground_platform_user_engagement.achievements_in_progress is 'Achievements started (progress > 0) but not yet awarded.';

------------------------------------------------------------------------------
-- refresh status: when each rollup was last refreshed
------------------------------------------------------------------------------
create table playground.ai_playground_platform_rollup_refreshes (
    rollup_name text not null,
    refreshed_at timestamptz not null,
    duration_ms integer not null,
    row_count integer not null,
    constraint ai_playground_platform_rollup_refreshes_rollup_name_check check (rollup_name in (
        'ai_playground_platform_tool_analytics',
        'ai_playground_platform_creation_analytics',
        'ai_playground_platform_daily_metrics',
        'ai_playground_platform_performance_metrics',
        'ai_playground_platform_user_funnel',
        'ai_playground_platform_user_engagement'
    )),
    constraint ai_playground_platform_rollup_refreshes_duration_ms_check check (duration_ms >= 0),
    constraint ai_playground_platform_rollup_refreshes_row_count_check check (row_count >= 0),
    constraint ai_playground_platform_rollup_refreshes_pkey primary key (rollup_name)
);

comment on table playground.ai_playground_platform_rollup_refreshes is
'One row per whole-platform rollup (playground.ai_playground_platform_*): when playground_private.refresh_platform_rollups() last replaced its rows, how long that took and how many rows it wrote, so a dashboard can show "as of". Refreshed every 15 minutes by pg_cron where the extension is installed. Readable by admins and service_role; written only by the refresh.';
comment on column playground.ai_playground_platform_rollup_refreshes.rollup_name is 'The rollup table (in schema playground).';
comment on column playground.ai_playground_platform_rollup_refreshes.refreshed_at is 'When the rollup''s rows were computed from its live view: its figures are as of this instant (they became visible when the refresh committed).';
comment on column playground.ai_playground_platform_rollup_refreshes.duration_ms is 'How long replacing the rollup''s rows took, ms.';
comment on column playground.ai_playground_platform_rollup_refreshes.row_count is 'Rows the refresh wrote.';

------------------------------------------------------------------------------
-- row level security and grants: admins and service_role read, nobody writes
------------------------------------------------------------------------------
alter table playground.ai_playground_platform_tool_analytics enable row level security;

create policy "admins can select"
on playground.ai_playground_platform_tool_analytics
for select
to authenticated
using ((select playground_private.is_admin()));

revoke all on playground.ai_playground_platform_tool_analytics from public, anon, authenticated, service_role;
grant select on playground.ai_playground_platform_tool_analytics to authenticated, service_role;

alter table playground.ai_playground_platform_creation_analytics enable row level security;

create policy "admins can select"
on playground.ai_playground_platform_creation_analytics
for select
to authenticated
using ((select playground_private.is_admin()));

revoke all on playground.ai_playground_platform_creation_analytics from public, anon, authenticated, service_role;
grant select on playground.ai_playground_platform_creation_analytics to authenticated, service_role;

alter table playground.ai_playground_platform_daily_metrics enable row level security;

create policy "admins can select"
on playground.ai_playground_platform_daily_metrics
for select
to authenticated
using ((select playground_private.is_admin()));

revoke all on playground.ai_playground_platform_daily_metrics from public, anon, authenticated, service_role;
grant select on playground.ai_playground_platform_daily_metrics to authenticated, service_role;

alter table playground.ai_playground_platform_performance_metrics enable row level security;

create policy "admins can select"
on playground.ai_playground_platform_performance_metrics
for select
to authenticated
using ((select playground_private.is_admin()));

revoke all on playground.ai_playground_platform_performance_metrics from public, anon, authenticated, service_role;
grant select on playground.ai_playground_platform_performance_metrics to authenticated, service_role;

alter table playground.ai_playground_platform_user_funnel enable row level security;

create policy "admins can select"
on playground.ai_playground_platform_user_funnel
for select
to authenticated
using ((select playground_private.is_admin()));

revoke all on playground.ai_playground_platform_user_funnel from public, anon, authenticated, service_role;
grant select on playground.ai_playground_platform_user_funnel to authenticated, service_role;

alter table playground.ai_playground_platform_user_engagement enable row level security;

create policy "admins can select"
on playground.ai_playground_platform_user_engagement
for select
to authenticated
using ((select playground_private.is_admin()));

revoke all on playground.ai_playground_platform_user_engagement from public, anon, authenticated, service_role;
grant select on playground.ai_playground_platform_user_engagement to authenticated, service_role;

alter table playground.ai_playground_platform_rollup_refreshes enable row level security;

create policy "admins can select"
on playground.ai_playground_platform_rollup_refreshes
for select
to authenticated
using ((select playground_private.is_admin()));

revoke all on playground.ai_playground_platform_rollup_refreshes from public, anon, authenticated, service_role;
grant select on playground.ai_playground_platform_rollup_refreshes to authenticated, service_role;

------------------------------------------------------------------------------
-- the refresh
------------------------------------------------------------------------------
create function playground_private.refresh_platform_rollups()
returns setof playground.ai_playground_platform_rollup_refreshes
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_role text := coalesce((select auth.role()), '');
    v_started timestamptz;
    v_as_of timestamptz;
    v_rows bigint;
begin
    -- the caller: the service_role key, or a database session that is not an
    -- API request (no JWT role) whose login role is a member of service_role
    -- (pg_cron, a migration, psql as postgres). current_user is the owner
    -- here, a member of every role, so it proves nothing about the caller.
    if v_role <> 'service_role'
        and not (v_role = '' and pg_catalog.pg_has_role(session_user, 'service_role', 'member')) then
        raise exception 'playground: refreshing the platform rollups is for service_role'
            using errcode = '42501',
                  hint = 'Read the rollups, or the live analytics views; pg_cron refreshes them every 15 minutes.';
    end if;
    -- the views give the platform figures only to a platform viewer: for a
    -- caller without a JWT that is the owner, who must then be a member of
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

comment on function playground_private.refresh_platform_rollups() is
'Replaces the rows of the six whole-platform rollups (playground.ai_playground_platform_*) with what their live analytics views return to a platform viewer at that instant, records each refresh in playground.ai_playground_platform_rollup_refreshes and returns those status rows. Scheduled every 15 minutes with pg_cron (job playground_refresh_platform_rollups) where the extension is installed. Serialised: it locks the rollup tables in exclusive mode, so concurrent refreshes queue and never double-insert, while readers keep the previous rows until commit. SECURITY DEFINER (the owner is a platform viewer and the only writer); raises 42501 unless the caller is the service_role key or a database session (no JWT role) whose login role is a member of service_role, such as pg_cron or postgres. EXECUTE for service_role only.';

revoke execute on function playground_private.refresh_platform_rollups() from public, anon, authenticated;
grant execute on function playground_private.refresh_platform_rollups() to service_role;

------------------------------------------------------------------------------
-- schedule: every 15 minutes, when pg_cron is installed
------------------------------------------------------------------------------
do $$
begin
    if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
        -- cron.schedule(job_name, ...) replaces a job of the same name: idempotent
        perform cron.schedule(
            'playground_refresh_platform_rollups',
            '*/15 * * * *',
            'select count(*) from playground_private.refresh_platform_rollups()'
        );
    else
        raise notice 'playground: pg_cron is not installed, so the whole-platform rollups are not refreshed on a schedule. Enable pg_cron (Supabase: Database > Extensions) and run: select cron.schedule(''playground_refresh_platform_rollups'', ''*/15 * * * *'', ''select count(*) from playground_private.refresh_platform_rollups()'');';
    end if;
end
$$;

-- Fill the rollups now, so they are never empty after a deploy: instant on an
-- empty database; on a production database this costs one refresh (every
-- analytics view computed platform-wide once, tens of seconds at 5M
-- interactions) inside this migration's transaction. It reads the big tables
-- without blocking their writers.
select count(*) as rollups_refreshed
from playground_private.refresh_platform_rollups();
