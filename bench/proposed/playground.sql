-- proposed (playground): per-row SELECT policies of the two big tables test
-- ownership only. "or app_metadata.role = admin" in the same policy turns the
-- qual into (user_id = $1 OR $2): no index can serve it, so a user's list
-- ("my latest interactions", RLS only) walks the created_at index of the
-- whole table, filtering. Admins keep whole-platform figures through the
-- analytics views, whose platform branch reads through SECURITY DEFINER
-- functions gated by is_platform_viewer() (below), not through RLS.
alter policy "owner or admin can select" on playground.ai_playground_sessions
    using (user_id = (select auth.uid()));
alter policy "owner or admin can select" on playground.ai_playground_sessions
    rename to "owner can select";
alter policy "owner or admin can select" on playground.ai_playground_interactions
    using (user_id = (select auth.uid()));
alter policy "owner or admin can select" on playground.ai_playground_interactions
    rename to "owner can select";

-- The owner-only qual is an initplan: its value is unknown when planning, so
-- the planner estimates a user's rows from n_distinct (~6 sessions) and sorts
-- all of a heavy user's sessions for "newest first" lists. A lower n_distinct
-- makes the ordered index scan with LIMIT the plan for every user.
-- (Not on interactions: there the fixed policy already gets the ordered index
-- scan, and the same override slowed the SECURITY INVOKER helper functions,
-- whose generic plans use the estimate: get_user_recent_activity 0.3 -> 1.6 ms.)
alter table playground.ai_playground_sessions alter column user_id set (n_distinct = 100);
analyze playground.ai_playground_sessions;

create function playground_private.platform_sessions()
returns setof playground.ai_playground_sessions
language sql stable security definer set search_path = ''
as $$ select s.* from playground.ai_playground_sessions as s where playground_private.is_platform_viewer() $$;
create function playground_private.platform_interactions()
returns setof playground.ai_playground_interactions
language sql stable security definer set search_path = ''
as $$ select i.* from playground.ai_playground_interactions as i where playground_private.is_platform_viewer() $$;
revoke execute on function playground_private.platform_sessions(), playground_private.platform_interactions() from public, anon;
grant execute on function playground_private.platform_sessions(), playground_private.platform_interactions() to authenticated, service_role;
-- In the six views, the platform branch
--     select * from playground.ai_playground_interactions where (select playground_private.is_platform_viewer())
-- becomes
--     select * from playground_private.platform_interactions()
-- (and likewise for sessions), so admins still see every row there.

-- Whole-platform dashboards (service_role / admins) aggregate all 5M
-- interactions on every call (tool analytics 9.5 s, funnel 3 s, top users
-- 1.8 s at SCALE=1). Materialize the aggregates, refreshed by a scheduled job
-- (pg_cron: refresh materialized view concurrently ... every 15 minutes); a
-- materialized view has no RLS, so it lives in the private schema and only
-- service_role reads it (admins through a definer function like the above).
create materialized view playground_private.interaction_daily_tool_stats as
select (i.created_at at time zone 'UTC')::date as day,
       i.tool_name,
       count(*) as uses,
       count(*) filter (where i.success) as successes,
       count(*) filter (where not i.success) as errors,
       sum(i.response_time_ms) as sum_response_ms,
       count(i.response_time_ms) as timed,
       sum(i.tokens_used) as sum_tokens,
       count(i.tokens_used) as tokened,
       sum(i.user_rating) as rating_sum,
       count(i.user_rating) as ratings,
       min(i.created_at) as first_used_at,
       max(i.created_at) as last_used_at
from playground.ai_playground_interactions as i
group by 1, 2;
create unique index idx_interaction_daily_tool_stats_day_tool_name
    on playground_private.interaction_daily_tool_stats (day, tool_name);

create materialized view playground_private.user_engagement_stats as
select x.user_id,
       count(*) as total_interactions,
       count(*) filter (where x.success) as successful_interactions,
       count(distinct x.tool_name) as distinct_tools_used,
       min(x.created_at) as first_interaction_at,
       min(x.created_at) filter (where x.interaction_type = 'prompt_submit') as first_prompt_at,
       max(x.created_at) as last_interaction_at
from playground.ai_playground_interactions as x
group by x.user_id;
create unique index idx_user_engagement_stats_user_id
    on playground_private.user_engagement_stats (user_id);
create index idx_user_engagement_stats_total_interactions
    on playground_private.user_engagement_stats (total_interactions desc);

revoke all on playground_private.interaction_daily_tool_stats, playground_private.user_engagement_stats
    from public, anon, authenticated;
grant select on playground_private.interaction_daily_tool_stats, playground_private.user_engagement_stats
    to service_role;
