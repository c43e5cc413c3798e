-- playground: the whole-platform rollups (ai_playground_platform_*) and
-- their refresh, playground_private.refresh_platform_rollups().
-- Structure (exactly the columns of each analytics view, keys, indexes,
-- policies, grants); after a refresh each rollup equals its live view's
-- platform form row for row (read as service_role and as an admin); the
-- status table records each refresh; a second refresh replaces the rows;
-- RLS: anon nothing, a plain user 0 rows, admins and service_role every row,
-- nobody but the refresh writes; only service_role (or a database session
-- that is a member of it, e.g. pg_cron) may refresh, others get 42501.
begin;
select plan(240);

-- structure ------------------------------------------------------------------
select has_table('playground', 'ai_playground_platform_tool_analytics', 'table playground.ai_playground_platform_tool_analytics exists');
select columns_are('playground', 'ai_playground_platform_tool_analytics', array['tool_name', 'display_name', 'category', 'is_active', 'is_beta', 'is_premium', 'total_uses', 'unique_users', 'successful_uses', 'error_count', 'success_rate', 'avg_response_time_ms', 'avg_tokens_used', 'avg_user_rating', 'rating_count', 'first_used_at', 'last_used_at']::name[], 'ai_playground_platform_tool_analytics: exact column set');
select col_is_pk('playground', 'ai_playground_platform_tool_analytics', array['tool_name']::name[], 'ai_playground_platform_tool_analytics: primary key (tool_name)');
select indexes_are('playground', 'ai_playground_platform_tool_analytics', array['ai_playground_platform_tool_analytics_pkey']::name[], 'ai_playground_platform_tool_analytics: exact index set');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_platform_tool_analytics'::regclass), 'ai_playground_platform_tool_analytics: row level security enabled');
select policies_are('playground', 'ai_playground_platform_tool_analytics', array['admins can select']::name[], 'ai_playground_platform_tool_analytics: exact policy set');
select policy_cmd_is('playground', 'ai_playground_platform_tool_analytics', 'admins can select', 'select', 'ai_playground_platform_tool_analytics: policy "admins can select" is for select');
select policy_roles_are('playground', 'ai_playground_platform_tool_analytics', 'admins can select', array['authenticated']::name[], 'ai_playground_platform_tool_analytics: policy "admins can select" applies to authenticated');
select table_privs_are('playground', 'ai_playground_platform_tool_analytics', 'anon', array[]::text[], 'ai_playground_platform_tool_analytics: anon has no privilege');
select table_privs_are('playground', 'ai_playground_platform_tool_analytics', 'authenticated', array['SELECT'], 'ai_playground_platform_tool_analytics: authenticated may only select');
select table_privs_are('playground', 'ai_playground_platform_tool_analytics', 'service_role', array['SELECT'], 'ai_playground_platform_tool_analytics: service_role may only select');
select ok(obj_description('playground.ai_playground_platform_tool_analytics'::regclass, 'pg_class') like '%refreshed every 15 minutes%' or obj_description('playground.ai_playground_platform_tool_analytics'::regclass, 'pg_class') like '%every 15 minutes by pg_cron%', 'ai_playground_platform_tool_analytics: comment says how fresh it is');
select is((select count(*)::int from pg_attribute a where a.attrelid = 'playground.ai_playground_platform_tool_analytics'::regclass and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'ai_playground_platform_tool_analytics: every column has a comment');
select has_table('playground', 'ai_playground_platform_creation_analytics', 'table playground.ai_playground_platform_creation_analytics exists');
select columns_are('playground', 'ai_playground_platform_creation_analytics', array['creation_type', 'total_creations', 'creators', 'avg_quality_score', 'high_quality_creations', 'total_views', 'total_uses', 'total_forks', 'public_creations', 'shared_creations', 'published_creations', 'templates', 'versions', 'popular_tags', 'last_created_at']::name[], 'ai_playground_platform_creation_analytics: exact column set');
select col_is_pk('playground', 'ai_playground_platform_creation_analytics', array['creation_type']::name[], 'ai_playground_platform_creation_analytics: primary key (creation_type)');
select indexes_are('playground', 'ai_playground_platform_creation_analytics', array['ai_playground_platform_creation_analytics_pkey']::name[], 'ai_playground_platform_creation_analytics: exact index set');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_platform_creation_analytics'::regclass), 'ai_playground_platform_creation_analytics: row level security enabled');
select policies_are('playground', 'ai_playground_platform_creation_analytics', array['admins can select']::name[], 'ai_playground_platform_creation_analytics: exact policy set');
select policy_cmd_is('playground', 'ai_playground_platform_creation_analytics', 'admins can select', 'select', 'ai_playground_platform_creation_analytics: policy "admins can select" is for select');
select policy_roles_are('playground', 'ai_playground_platform_creation_analytics', 'admins can select', array['authenticated']::name[], 'ai_playground_platform_creation_analytics: policy "admins can select" applies to authenticated');
select table_privs_are('playground', 'ai_playground_platform_creation_analytics', 'anon', array[]::text[], 'ai_playground_platform_creation_analytics: anon has no privilege');
select table_privs_are('playground', 'ai_playground_platform_creation_analytics', 'authenticated', array['SELECT'], 'ai_playground_platform_creation_analytics: authenticated may only select');
select table_privs_are('playground', 'ai_playground_platform_creation_analytics', 'service_role', array['SELECT'], 'ai_playground_platform_creation_analytics: service_role may only select');
select ok(obj_description('playground.ai_playground_platform_creation_analytics'::regclass, 'pg_class') like '%refreshed every 15 minutes%' or obj_description('playground.ai_playground_platform_creation_analytics'::regclass, 'pg_class') like '%every 15 minutes by pg_cron%', 'ai_playground_platform_creation_analytics: comment says how fresh it is');
select is((select count(*)::int from pg_attribute a where a.attrelid = 'playground.ai_playground_platform_creation_analytics'::regclass and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'ai_playground_platform_creation_analytics: every column has a comment');
select has_table('playground', 'ai_playground_platform_daily_metrics', 'table playground.ai_playground_platform_daily_metrics exists');
select columns_are('playground', 'ai_playground_platform_daily_metrics', array['activity_date', 'active_users', 'sessions', 'avg_session_seconds', 'interactions', 'errors', 'avg_response_time_ms', 'tokens_used', 'new_creations', 'achievements_unlocked']::name[], 'ai_playground_platform_daily_metrics: exact column set');
select col_is_pk('playground', 'ai_playground_platform_daily_metrics', array['activity_date']::name[], 'ai_playground_platform_daily_metrics: primary key (activity_date)');
select indexes_are('playground', 'ai_playground_platform_daily_metrics', array['ai_playground_platform_daily_metrics_pkey']::name[], 'ai_playground_platform_daily_metrics: exact index set');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_platform_daily_metrics'::regclass), 'ai_playground_platform_daily_metrics: row level security enabled');
select policies_are('playground', 'ai_playground_platform_daily_metrics', array['admins can select']::name[], 'ai_playground_platform_daily_metrics: exact policy set');
select policy_cmd_is('playground', 'ai_playground_platform_daily_metrics', 'admins can select', 'select', 'ai_playground_platform_daily_metrics: policy "admins can select" is for select');
select policy_roles_are('playground', 'ai_playground_platform_daily_metrics', 'admins can select', array['authenticated']::name[], 'ai_playground_platform_daily_metrics: policy "admins can select" applies to authenticated');
select table_privs_are('playground', 'ai_playground_platform_daily_metrics', 'anon', array[]::text[], 'ai_playground_platform_daily_metrics: anon has no privilege');
select table_privs_are('playground', 'ai_playground_platform_daily_metrics', 'authenticated', array['SELECT'], 'ai_playground_platform_daily_metrics: authenticated may only select');
select table_privs_are('playground', 'ai_playground_platform_daily_metrics', 'service_role', array['SELECT'], 'ai_playground_platform_daily_metrics: service_role may only select');
select ok(obj_description('playground.ai_playground_platform_daily_metrics'::regclass, 'pg_class') like '%refreshed every 15 minutes%' or obj_description('playground.ai_playground_platform_daily_metrics'::regclass, 'pg_class') like '%every 15 minutes by pg_cron%', 'ai_playground_platform_daily_metrics: comment says how fresh it is');
select is((select count(*)::int from pg_attribute a where a.attrelid = 'playground.ai_playground_platform_daily_metrics'::regclass and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'ai_playground_platform_daily_metrics: every column has a comment');
select has_table('playground', 'ai_playground_platform_performance_metrics', 'table playground.ai_playground_platform_performance_metrics exists');
select columns_are('playground', 'ai_playground_platform_performance_metrics', array['metric_date', 'tool_name', 'request_count', 'timed_requests', 'avg_response_time_ms', 'p50_response_time_ms', 'p90_response_time_ms', 'p95_response_time_ms', 'p99_response_time_ms', 'max_response_time_ms', 'error_count', 'error_rate', 'total_tokens', 'avg_tokens', 'slow_requests']::name[], 'ai_playground_platform_performance_metrics: exact column set');
select col_is_pk('playground', 'ai_playground_platform_performance_metrics', array['metric_date', 'tool_name']::name[], 'ai_playground_platform_performance_metrics: primary key (metric_date, tool_name)');
select indexes_are('playground', 'ai_playground_platform_performance_metrics', array['ai_playground_platform_performance_metrics_pkey']::name[], 'ai_playground_platform_performance_metrics: exact index set');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_platform_performance_metrics'::regclass), 'ai_playground_platform_performance_metrics: row level security enabled');
select policies_are('playground', 'ai_playground_platform_performance_metrics', array['admins can select']::name[], 'ai_playground_platform_performance_metrics: exact policy set');
select policy_cmd_is('playground', 'ai_playground_platform_performance_metrics', 'admins can select', 'select', 'ai_playground_platform_performance_metrics: policy "admins can select" is for select');
select policy_roles_are('playground', 'ai_playground_platform_performance_metrics', 'admins can select', array['authenticated']::name[], 'ai_playground_platform_performance_metrics: policy "admins can select" applies to authenticated');
select table_privs_are('playground', 'ai_playground_platform_performance_metrics', 'anon', array[]::text[], 'ai_playground_platform_performance_metrics: anon has no privilege');
select table_privs_are('playground', 'ai_playground_platform_performance_metrics', 'authenticated', array['SELECT'], 'ai_playground_platform_performance_metrics: authenticated may only select');
select table_privs_are('playground', 'ai_playground_platform_performance_metrics', 'service_role', array['SELECT'], 'ai_playground_platform_performance_metrics: service_role may only select');
select ok(obj_description('playground.ai_playground_platform_performance_metrics'::regclass, 'pg_class') like '%refreshed every 15 minutes%' or obj_description('playground.ai_playground_platform_performance_metrics'::regclass, 'pg_class') like '%every 15 minutes by pg_cron%', 'ai_playground_platform_performance_metrics: comment says how fresh it is');
select is((select count(*)::int from pg_attribute a where a.attrelid = 'playground.ai_playground_platform_performance_metrics'::regclass and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'ai_playground_platform_performance_metrics: every column has a comment');
select has_table('playground', 'ai_playground_platform_user_funnel', 'table playground.ai_playground_platform_user_funnel exists');
select columns_are('playground', 'ai_playground_platform_user_funnel', array['user_id', 'first_session_at', 'first_interaction_at', 'first_prompt_at', 'first_creation_at', 'first_public_creation_at', 'first_achievement_at', 'total_sessions', 'active_days', 'last_session_at', 'returned_within_7_days', 'active_after_30_days', 'funnel_stage']::name[], 'ai_playground_platform_user_funnel: exact column set');
select col_is_pk('playground', 'ai_playground_platform_user_funnel', array['user_id']::name[], 'ai_playground_platform_user_funnel: primary key (user_id)');
select indexes_are('playground', 'ai_playground_platform_user_funnel', array['ai_playground_platform_user_funnel_pkey', 'idx_ai_playground_platform_user_funnel_funnel_stage']::name[], 'ai_playground_platform_user_funnel: exact index set');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_platform_user_funnel'::regclass), 'ai_playground_platform_user_funnel: row level security enabled');
select policies_are('playground', 'ai_playground_platform_user_funnel', array['admins can select']::name[], 'ai_playground_platform_user_funnel: exact policy set');
select policy_cmd_is('playground', 'ai_playground_platform_user_funnel', 'admins can select', 'select', 'ai_playground_platform_user_funnel: policy "admins can select" is for select');
select policy_roles_are('playground', 'ai_playground_platform_user_funnel', 'admins can select', array['authenticated']::name[], 'ai_playground_platform_user_funnel: policy "admins can select" applies to authenticated');
select table_privs_are('playground', 'ai_playground_platform_user_funnel', 'anon', array[]::text[], 'ai_playground_platform_user_funnel: anon has no privilege');
select table_privs_are('playground', 'ai_playground_platform_user_funnel', 'authenticated', array['SELECT'], 'ai_playground_platform_user_funnel: authenticated may only select');
select table_privs_are('playground', 'ai_playground_platform_user_funnel', 'service_role', array['SELECT'], 'ai_playground_platform_user_funnel: service_role may only select');
select ok(obj_description('playground.ai_playground_platform_user_funnel'::regclass, 'pg_class') like '%refreshed every 15 minutes%' or obj_description('playground.ai_playground_platform_user_funnel'::regclass, 'pg_class') like '%every 15 minutes by pg_cron%', 'ai_playground_platform_user_funnel: comment says how fresh it is');
select is((select count(*)::int from pg_attribute a where a.attrelid = 'playground.ai_playground_platform_user_funnel'::regclass and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'ai_playground_platform_user_funnel: every column has a comment');
select has_table('playground', 'ai_playground_platform_user_engagement', 'table playground.ai_playground_platform_user_engagement exists');
select columns_are('playground', 'ai_playground_platform_user_engagement', array['user_id', 'total_sessions', 'total_session_seconds', 'avg_session_seconds', 'first_session_at', 'last_session_at', 'active_days', 'total_interactions', 'successful_interactions', 'success_rate', 'distinct_tools_used', 'most_used_tool', 'avg_response_time_ms', 'last_interaction_at', 'total_creations', 'public_creations', 'templates_created', 'achievements_unlocked', 'achievement_points', 'achievements_in_progress']::name[], 'ai_playground_platform_user_engagement: exact column set');
select col_is_pk('playground', 'ai_playground_platform_user_engagement', array['user_id']::name[], 'ai_playground_platform_user_engagement: primary key (user_id)');
select indexes_are('playground', 'ai_playground_platform_user_engagement', array['ai_playground_platform_user_engagement_pkey', 'idx_ai_playground_platform_user_engagement_interactions_user_id']::name[], 'ai_playground_platform_user_engagement: exact index set');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_platform_user_engagement'::regclass), 'ai_playground_platform_user_engagement: row level security enabled');
select policies_are('playground', 'ai_playground_platform_user_engagement', array['admins can select']::name[], 'ai_playground_platform_user_engagement: exact policy set');
select policy_cmd_is('playground', 'ai_playground_platform_user_engagement', 'admins can select', 'select', 'ai_playground_platform_user_engagement: policy "admins can select" is for select');
select policy_roles_are('playground', 'ai_playground_platform_user_engagement', 'admins can select', array['authenticated']::name[], 'ai_playground_platform_user_engagement: policy "admins can select" applies to authenticated');
select table_privs_are('playground', 'ai_playground_platform_user_engagement', 'anon', array[]::text[], 'ai_playground_platform_user_engagement: anon has no privilege');
select table_privs_are('playground', 'ai_playground_platform_user_engagement', 'authenticated', array['SELECT'], 'ai_playground_platform_user_engagement: authenticated may only select');
select table_privs_are('playground', 'ai_playground_platform_user_engagement', 'service_role', array['SELECT'], 'ai_playground_platform_user_engagement: service_role may only select');
select ok(obj_description('playground.ai_playground_platform_user_engagement'::regclass, 'pg_class') like '%refreshed every 15 minutes%' or obj_description('playground.ai_playground_platform_user_engagement'::regclass, 'pg_class') like '%every 15 minutes by pg_cron%', 'ai_playground_platform_user_engagement: comment says how fresh it is');
select is((select count(*)::int from pg_attribute a where a.attrelid = 'playground.ai_playground_platform_user_engagement'::regclass and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'ai_playground_platform_user_engagement: every column has a comment');
select has_table('playground', 'ai_playground_platform_rollup_refreshes', 'table playground.ai_playground_platform_rollup_refreshes exists');
select columns_are('playground', 'ai_playground_platform_rollup_refreshes', array['rollup_name', 'refreshed_at', 'duration_ms', 'row_count']::name[], 'ai_playground_platform_rollup_refreshes: exact column set');
select col_is_pk('playground', 'ai_playground_platform_rollup_refreshes', array['rollup_name']::name[], 'ai_playground_platform_rollup_refreshes: primary key (rollup_name)');
select indexes_are('playground', 'ai_playground_platform_rollup_refreshes', array['ai_playground_platform_rollup_refreshes_pkey']::name[], 'ai_playground_platform_rollup_refreshes: exact index set');
select ok((select relrowsecurity from pg_class where oid = 'playground.ai_playground_platform_rollup_refreshes'::regclass), 'ai_playground_platform_rollup_refreshes: row level security enabled');
select policies_are('playground', 'ai_playground_platform_rollup_refreshes', array['admins can select']::name[], 'ai_playground_platform_rollup_refreshes: exact policy set');
select policy_cmd_is('playground', 'ai_playground_platform_rollup_refreshes', 'admins can select', 'select', 'ai_playground_platform_rollup_refreshes: policy "admins can select" is for select');
select policy_roles_are('playground', 'ai_playground_platform_rollup_refreshes', 'admins can select', array['authenticated']::name[], 'ai_playground_platform_rollup_refreshes: policy "admins can select" applies to authenticated');
select table_privs_are('playground', 'ai_playground_platform_rollup_refreshes', 'anon', array[]::text[], 'ai_playground_platform_rollup_refreshes: anon has no privilege');
select table_privs_are('playground', 'ai_playground_platform_rollup_refreshes', 'authenticated', array['SELECT'], 'ai_playground_platform_rollup_refreshes: authenticated may only select');
select table_privs_are('playground', 'ai_playground_platform_rollup_refreshes', 'service_role', array['SELECT'], 'ai_playground_platform_rollup_refreshes: service_role may only select');
select ok(obj_description('playground.ai_playground_platform_rollup_refreshes'::regclass, 'pg_class') like '%refreshed every 15 minutes%' or obj_description('playground.ai_playground_platform_rollup_refreshes'::regclass, 'pg_class') like '%every 15 minutes by pg_cron%', 'ai_playground_platform_rollup_refreshes: comment says how fresh it is');
select is((select count(*)::int from pg_attribute a where a.attrelid = 'playground.ai_playground_platform_rollup_refreshes'::regclass and a.attnum > 0 and not a.attisdropped and col_description(a.attrelid, a.attnum) is null), 0, 'ai_playground_platform_rollup_refreshes: every column has a comment');
select is(
    (select count(*)::int from (
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_tool_analytics'::regclass and a.attnum > 0 and not a.attisdropped
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_tool_analytics'::regclass and a.attnum > 0)
        union all
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_tool_analytics'::regclass and a.attnum > 0
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_tool_analytics'::regclass and a.attnum > 0 and not a.attisdropped)
    ) as d),
    0,
    'ai_playground_platform_tool_analytics: exactly the columns of ai_playground_tool_analytics (names, order, types)');
select is(
    (select count(*)::int from (
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_creation_analytics'::regclass and a.attnum > 0 and not a.attisdropped
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_creation_analytics'::regclass and a.attnum > 0)
        union all
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_creation_analytics'::regclass and a.attnum > 0
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_creation_analytics'::regclass and a.attnum > 0 and not a.attisdropped)
    ) as d),
    0,
    'ai_playground_platform_creation_analytics: exactly the columns of ai_playground_creation_analytics (names, order, types)');
select is(
    (select count(*)::int from (
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_daily_metrics'::regclass and a.attnum > 0 and not a.attisdropped
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_daily_metrics'::regclass and a.attnum > 0)
        union all
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_daily_metrics'::regclass and a.attnum > 0
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_daily_metrics'::regclass and a.attnum > 0 and not a.attisdropped)
    ) as d),
    0,
    'ai_playground_platform_daily_metrics: exactly the columns of ai_playground_daily_metrics (names, order, types)');
select is(
    (select count(*)::int from (
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_performance_metrics'::regclass and a.attnum > 0 and not a.attisdropped
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_performance_metrics'::regclass and a.attnum > 0)
        union all
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_performance_metrics'::regclass and a.attnum > 0
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_performance_metrics'::regclass and a.attnum > 0 and not a.attisdropped)
    ) as d),
    0,
    'ai_playground_platform_performance_metrics: exactly the columns of ai_playground_performance_metrics (names, order, types)');
select is(
    (select count(*)::int from (
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_user_funnel'::regclass and a.attnum > 0 and not a.attisdropped
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_user_funnel'::regclass and a.attnum > 0)
        union all
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_user_funnel'::regclass and a.attnum > 0
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_user_funnel'::regclass and a.attnum > 0 and not a.attisdropped)
    ) as d),
    0,
    'ai_playground_platform_user_funnel: exactly the columns of ai_playground_user_funnel (names, order, types)');
select is(
    (select count(*)::int from (
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_user_engagement'::regclass and a.attnum > 0 and not a.attisdropped
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_user_engagement'::regclass and a.attnum > 0)
        union all
        (select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_user_engagement'::regclass and a.attnum > 0
         except
         select a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
          where a.attrelid = 'playground.ai_playground_platform_user_engagement'::regclass and a.attnum > 0 and not a.attisdropped)
    ) as d),
    0,
    'ai_playground_platform_user_engagement: exactly the columns of ai_playground_user_engagement (names, order, types)');
select has_function('playground_private', 'refresh_platform_rollups', array[]::name[], 'function playground_private.refresh_platform_rollups() exists');
select is_definer('playground_private', 'refresh_platform_rollups', array[]::name[], 'refresh_platform_rollups is security definer (in the private schema)');
select is((select array_to_string(proconfig, ',') from pg_proc where oid = 'playground_private.refresh_platform_rollups()'::regprocedure), 'search_path=""', 'refresh_platform_rollups pins search_path to empty');
select ok(obj_description('playground_private.refresh_platform_rollups()'::regprocedure, 'pg_proc') is not null, 'refresh_platform_rollups has a comment');
select ok(not has_function_privilege('anon', 'playground_private.refresh_platform_rollups()', 'execute'), 'anon cannot execute refresh_platform_rollups');
select ok(not has_function_privilege('authenticated', 'playground_private.refresh_platform_rollups()', 'execute'), 'authenticated cannot execute refresh_platform_rollups');
select ok(has_function_privilege('service_role', 'playground_private.refresh_platform_rollups()', 'execute'), 'service_role can execute refresh_platform_rollups');
select ok(not exists (select 1 from information_schema.role_routine_grants g where g.routine_schema = 'playground_private' and g.routine_name = 'refresh_platform_rollups' and g.grantee = 'PUBLIC'), 'refresh_platform_rollups: no execute for public');

-- fixture (as postgres): two active users over several days, an admin
select tests.create_user('pg.rollup1@test.local');
select tests.create_user('pg.rollup2@test.local');
select tests.create_user('pg.rollupadmin@test.local', '{"role": "admin"}'::jsonb);
insert into playground.ai_playground_sessions (id, user_id, session_start, session_end)
values
    ('c1c1c1c1-0000-4000-8000-000000000001', tests.get_user_id('pg.rollup1@test.local'), now() - interval '3 days', now() - interval '3 days' + interval '10 minutes'),
    ('c1c1c1c1-0000-4000-8000-000000000002', tests.get_user_id('pg.rollup1@test.local'), now() - interval '1 day', null),
    ('c1c1c1c1-0000-4000-8000-000000000003', tests.get_user_id('pg.rollup2@test.local'), now() - interval '40 days', now() - interval '40 days' + interval '5 minutes'),
    ('c1c1c1c1-0000-4000-8000-000000000004', tests.get_user_id('pg.rollup2@test.local'), now() - interval '1 day', now() - interval '1 day' + interval '30 minutes');
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms, tokens_used, success, user_rating, created_at)
values
    ('c1c1c1c1-0000-4000-8000-000000000001', tests.get_user_id('pg.rollup1@test.local'), 'prompt_submit', 'prompt_builder', 100, 10, true, 5, now() - interval '3 days' + interval '1 minute'),
    ('c1c1c1c1-0000-4000-8000-000000000001', tests.get_user_id('pg.rollup1@test.local'), 'prompt_refine', 'prompt_builder', 300, 30, true, null, now() - interval '3 days' + interval '2 minutes'),
    ('c1c1c1c1-0000-4000-8000-000000000001', tests.get_user_id('pg.rollup1@test.local'), 'simulation_run', 'ai_simulator', 6000, null, false, null, now() - interval '3 days' + interval '3 minutes'),
    ('c1c1c1c1-0000-4000-8000-000000000002', tests.get_user_id('pg.rollup1@test.local'), 'prompt_submit', 'prompt_builder', null, 20, true, 2, now() - interval '1 day' + interval '1 minute'),
    ('c1c1c1c1-0000-4000-8000-000000000003', tests.get_user_id('pg.rollup2@test.local'), 'simulation_run', 'ai_simulator', 700, 70, true, 4, now() - interval '40 days' + interval '1 minute'),
    ('c1c1c1c1-0000-4000-8000-000000000004', tests.get_user_id('pg.rollup2@test.local'), 'prompt_submit', 'prompt_builder', 250, 25, true, 3, now() - interval '1 day' + interval '2 minutes'),
    ('c1c1c1c1-0000-4000-8000-000000000004', tests.get_user_id('pg.rollup2@test.local'), 'prompt_submit', 'prompt_builder', 450, 45, false, null, now() - interval '1 day' + interval '3 minutes');
insert into playground.ai_playground_creations (user_id, title, creation_type, sharing_level, tags, is_template, created_at)
values
    (tests.get_user_id('pg.rollup1@test.local'), 'Draft', 'prompt', 'private', '{alpha,beta}', false, now() - interval '3 days'),
    (tests.get_user_id('pg.rollup1@test.local'), 'Template', 'prompt', 'public', '{alpha}', true, now() - interval '1 day'),
    (tests.get_user_id('pg.rollup2@test.local'), 'Flow', 'workflow', 'public', '{zulu}', false, now() - interval '1 day');
select set_config('request.jwt.claims', '{"role": "service_role"}', true);
select count(*) from playground.check_and_award_achievements(tests.get_user_id('pg.rollup1@test.local'));
select count(*) from playground.check_and_award_achievements(tests.get_user_id('pg.rollup2@test.local'));
select tests.clear_authentication();

-- the first refresh, as the service_role key ------------------------------------
select tests.authenticate_as_service_role();
select results_eq(
    $$select rollup_name from playground_private.refresh_platform_rollups()$$,
    $$values ('ai_playground_platform_creation_analytics'), ('ai_playground_platform_daily_metrics'),
             ('ai_playground_platform_performance_metrics'), ('ai_playground_platform_tool_analytics'),
             ('ai_playground_platform_user_engagement'), ('ai_playground_platform_user_funnel')$$,
    'refresh as service_role: returns the status row of each of the six rollups');
select results_eq(
    $$select * from playground.ai_playground_platform_tool_analytics order by tool_name$$,
    $$select * from playground.ai_playground_tool_analytics order by tool_name$$,
    'ai_playground_platform_tool_analytics equals ai_playground_tool_analytics row for row (read as service_role)');
select results_eq(
    $$select * from playground.ai_playground_platform_creation_analytics order by creation_type$$,
    $$select * from playground.ai_playground_creation_analytics order by creation_type$$,
    'ai_playground_platform_creation_analytics equals ai_playground_creation_analytics row for row (read as service_role)');
select results_eq(
    $$select * from playground.ai_playground_platform_daily_metrics order by activity_date$$,
    $$select * from playground.ai_playground_daily_metrics order by activity_date$$,
    'ai_playground_platform_daily_metrics equals ai_playground_daily_metrics row for row (read as service_role)');
select results_eq(
    $$select * from playground.ai_playground_platform_performance_metrics order by metric_date, tool_name$$,
    $$select * from playground.ai_playground_performance_metrics order by metric_date, tool_name$$,
    'ai_playground_platform_performance_metrics equals ai_playground_performance_metrics row for row (read as service_role)');
select results_eq(
    $$select * from playground.ai_playground_platform_user_funnel order by user_id$$,
    $$select * from playground.ai_playground_user_funnel order by user_id$$,
    'ai_playground_platform_user_funnel equals ai_playground_user_funnel row for row (read as service_role)');
select results_eq(
    $$select * from playground.ai_playground_platform_user_engagement order by user_id$$,
    $$select * from playground.ai_playground_user_engagement order by user_id$$,
    'ai_playground_platform_user_engagement equals ai_playground_user_engagement row for row (read as service_role)');
select tests.clear_authentication();

-- row counts of the rollups after the first refresh (as postgres, the owner)
create temporary table rollup_counts on commit drop as
select 'ai_playground_platform_tool_analytics' as t, (select count(*)::int from playground.ai_playground_platform_tool_analytics) as n
union all
select 'ai_playground_platform_creation_analytics', (select count(*)::int from playground.ai_playground_platform_creation_analytics)
union all
select 'ai_playground_platform_daily_metrics', (select count(*)::int from playground.ai_playground_platform_daily_metrics)
union all
select 'ai_playground_platform_performance_metrics', (select count(*)::int from playground.ai_playground_platform_performance_metrics)
union all
select 'ai_playground_platform_user_funnel', (select count(*)::int from playground.ai_playground_platform_user_funnel)
union all
select 'ai_playground_platform_user_engagement', (select count(*)::int from playground.ai_playground_platform_user_engagement)
union all
select 'ai_playground_platform_rollup_refreshes', (select count(*)::int from playground.ai_playground_platform_rollup_refreshes);
grant select on rollup_counts to anon, authenticated, service_role;
create temporary table first_status on commit drop as
select * from playground.ai_playground_platform_rollup_refreshes;
create temporary table first_tools on commit drop as
select * from playground.ai_playground_platform_tool_analytics;
grant select on first_tools to service_role;

select is(
    (select array_agg(t order by t) from rollup_counts where n = 0), null,
    'fixture: every rollup has rows after the refresh (the comparisons are not vacuous)');
select ok(
    (select count(*) from playground.ai_playground_platform_daily_metrics
        where activity_date in ((now() at time zone 'UTC')::date - 40, (now() at time zone 'UTC')::date - 3, (now() at time zone 'UTC')::date - 1)) = 3
        and (select count(*) from playground.ai_playground_platform_user_funnel
            where user_id in (tests.get_user_id('pg.rollup1@test.local'), tests.get_user_id('pg.rollup2@test.local'))) = 2
        and (select count(*) from playground.ai_playground_platform_creation_analytics where creation_type in ('prompt', 'workflow')) = 2,
    'fixture: the fixture''s days, both users and both creation types are rolled up');
select results_eq(
    $$select rollup_name, row_count from playground.ai_playground_platform_rollup_refreshes
      order by rollup_name$$,
    $$select t, n from rollup_counts where t <> 'ai_playground_platform_rollup_refreshes' order by t$$,
    'status: row_count of each rollup is the number of rows the refresh wrote');
select is(
    (select count(*)::int from playground.ai_playground_platform_rollup_refreshes
        where refreshed_at >= now() and refreshed_at <= clock_timestamp() and duration_ms >= 0),
    6,
    'status: refreshed_at of every rollup is this refresh (inside the current transaction)');
select is(
    (select count(*)::int from pg_locks l
        where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.mode = 'ExclusiveLock' and l.granted
        and l.relation in (
            'playground.ai_playground_platform_tool_analytics'::regclass,
            'playground.ai_playground_platform_creation_analytics'::regclass,
            'playground.ai_playground_platform_daily_metrics'::regclass,
            'playground.ai_playground_platform_performance_metrics'::regclass,
            'playground.ai_playground_platform_user_funnel'::regclass,
            'playground.ai_playground_platform_user_engagement'::regclass,
            'playground.ai_playground_platform_rollup_refreshes'::regclass)),
    7,
    'the refresh holds exclusive locks on the seven tables until commit: a concurrent refresh waits, readers do not');

-- an admin reads the rollups, with the figures the live view gives them ---------
select tests.authenticate_as('pg.rollupadmin@test.local');
select results_eq(
    $$select * from playground.ai_playground_platform_tool_analytics order by tool_name$$,
    $$select * from playground.ai_playground_tool_analytics order by tool_name$$,
    'ai_playground_platform_tool_analytics equals ai_playground_tool_analytics row for row (read as an admin: the same figures the live view gives an admin)');
select results_eq(
    $$select * from playground.ai_playground_platform_creation_analytics order by creation_type$$,
    $$select * from playground.ai_playground_creation_analytics order by creation_type$$,
    'ai_playground_platform_creation_analytics equals ai_playground_creation_analytics row for row (read as an admin: the same figures the live view gives an admin)');
select results_eq(
    $$select * from playground.ai_playground_platform_daily_metrics order by activity_date$$,
    $$select * from playground.ai_playground_daily_metrics order by activity_date$$,
    'ai_playground_platform_daily_metrics equals ai_playground_daily_metrics row for row (read as an admin: the same figures the live view gives an admin)');
select results_eq(
    $$select * from playground.ai_playground_platform_performance_metrics order by metric_date, tool_name$$,
    $$select * from playground.ai_playground_performance_metrics order by metric_date, tool_name$$,
    'ai_playground_platform_performance_metrics equals ai_playground_performance_metrics row for row (read as an admin: the same figures the live view gives an admin)');
select results_eq(
    $$select * from playground.ai_playground_platform_user_funnel order by user_id$$,
    $$select * from playground.ai_playground_user_funnel order by user_id$$,
    'ai_playground_platform_user_funnel equals ai_playground_user_funnel row for row (read as an admin: the same figures the live view gives an admin)');
select results_eq(
    $$select * from playground.ai_playground_platform_user_engagement order by user_id$$,
    $$select * from playground.ai_playground_user_engagement order by user_id$$,
    'ai_playground_platform_user_engagement equals ai_playground_user_engagement row for row (read as an admin: the same figures the live view gives an admin)');
select tests.clear_authentication();

-- RLS and grants matrix of every rollup table ------------------------------------
-- ai_playground_platform_tool_analytics
select tests.authenticate_as_anon();
select throws_ok($q$select count(*) from playground.ai_playground_platform_tool_analytics$q$, '42501', null, 'ai_playground_platform_tool_analytics: anon cannot select (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_tool_analytics$q$, '42501', null, 'ai_playground_platform_tool_analytics: anon cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollup1@test.local');
select is((select count(*)::int from playground.ai_playground_platform_tool_analytics), 0, 'ai_playground_platform_tool_analytics: a plain user sees 0 rows (RLS), even rows about themself');
select throws_ok($q$insert into playground.ai_playground_platform_tool_analytics default values$q$, '42501', null, 'ai_playground_platform_tool_analytics: a plain user cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_tool_analytics set tool_name = tool_name$q$, '42501', null, 'ai_playground_platform_tool_analytics: a plain user cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_tool_analytics$q$, '42501', null, 'ai_playground_platform_tool_analytics: a plain user cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select is((select count(*)::int from playground.ai_playground_platform_tool_analytics), (select n from rollup_counts where t = 'ai_playground_platform_tool_analytics'), 'ai_playground_platform_tool_analytics: an admin sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_tool_analytics default values$q$, '42501', null, 'ai_playground_platform_tool_analytics: an admin cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_tool_analytics set tool_name = tool_name$q$, '42501', null, 'ai_playground_platform_tool_analytics: an admin cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_tool_analytics$q$, '42501', null, 'ai_playground_platform_tool_analytics: an admin cannot delete (42501, no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from playground.ai_playground_platform_tool_analytics), (select n from rollup_counts where t = 'ai_playground_platform_tool_analytics'), 'ai_playground_platform_tool_analytics: service_role sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_tool_analytics default values$q$, '42501', null, 'ai_playground_platform_tool_analytics: service_role cannot insert (42501, no grant: only the refresh writes)');
select throws_ok($q$update playground.ai_playground_platform_tool_analytics set tool_name = tool_name$q$, '42501', null, 'ai_playground_platform_tool_analytics: service_role cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_tool_analytics$q$, '42501', null, 'ai_playground_platform_tool_analytics: service_role cannot delete (42501, no grant)');
select tests.clear_authentication();
-- ai_playground_platform_creation_analytics
select tests.authenticate_as_anon();
select throws_ok($q$select count(*) from playground.ai_playground_platform_creation_analytics$q$, '42501', null, 'ai_playground_platform_creation_analytics: anon cannot select (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_creation_analytics$q$, '42501', null, 'ai_playground_platform_creation_analytics: anon cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollup1@test.local');
select is((select count(*)::int from playground.ai_playground_platform_creation_analytics), 0, 'ai_playground_platform_creation_analytics: a plain user sees 0 rows (RLS), even rows about themself');
select throws_ok($q$insert into playground.ai_playground_platform_creation_analytics default values$q$, '42501', null, 'ai_playground_platform_creation_analytics: a plain user cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_creation_analytics set creation_type = creation_type$q$, '42501', null, 'ai_playground_platform_creation_analytics: a plain user cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_creation_analytics$q$, '42501', null, 'ai_playground_platform_creation_analytics: a plain user cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select is((select count(*)::int from playground.ai_playground_platform_creation_analytics), (select n from rollup_counts where t = 'ai_playground_platform_creation_analytics'), 'ai_playground_platform_creation_analytics: an admin sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_creation_analytics default values$q$, '42501', null, 'ai_playground_platform_creation_analytics: an admin cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_creation_analytics set creation_type = creation_type$q$, '42501', null, 'ai_playground_platform_creation_analytics: an admin cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_creation_analytics$q$, '42501', null, 'ai_playground_platform_creation_analytics: an admin cannot delete (42501, no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from playground.ai_playground_platform_creation_analytics), (select n from rollup_counts where t = 'ai_playground_platform_creation_analytics'), 'ai_playground_platform_creation_analytics: service_role sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_creation_analytics default values$q$, '42501', null, 'ai_playground_platform_creation_analytics: service_role cannot insert (42501, no grant: only the refresh writes)');
select throws_ok($q$update playground.ai_playground_platform_creation_analytics set creation_type = creation_type$q$, '42501', null, 'ai_playground_platform_creation_analytics: service_role cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_creation_analytics$q$, '42501', null, 'ai_playground_platform_creation_analytics: service_role cannot delete (42501, no grant)');
select tests.clear_authentication();
-- ai_playground_platform_daily_metrics
select tests.authenticate_as_anon();
select throws_ok($q$select count(*) from playground.ai_playground_platform_daily_metrics$q$, '42501', null, 'ai_playground_platform_daily_metrics: anon cannot select (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_daily_metrics$q$, '42501', null, 'ai_playground_platform_daily_metrics: anon cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollup1@test.local');
select is((select count(*)::int from playground.ai_playground_platform_daily_metrics), 0, 'ai_playground_platform_daily_metrics: a plain user sees 0 rows (RLS), even rows about themself');
select throws_ok($q$insert into playground.ai_playground_platform_daily_metrics default values$q$, '42501', null, 'ai_playground_platform_daily_metrics: a plain user cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_daily_metrics set activity_date = activity_date$q$, '42501', null, 'ai_playground_platform_daily_metrics: a plain user cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_daily_metrics$q$, '42501', null, 'ai_playground_platform_daily_metrics: a plain user cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select is((select count(*)::int from playground.ai_playground_platform_daily_metrics), (select n from rollup_counts where t = 'ai_playground_platform_daily_metrics'), 'ai_playground_platform_daily_metrics: an admin sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_daily_metrics default values$q$, '42501', null, 'ai_playground_platform_daily_metrics: an admin cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_daily_metrics set activity_date = activity_date$q$, '42501', null, 'ai_playground_platform_daily_metrics: an admin cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_daily_metrics$q$, '42501', null, 'ai_playground_platform_daily_metrics: an admin cannot delete (42501, no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from playground.ai_playground_platform_daily_metrics), (select n from rollup_counts where t = 'ai_playground_platform_daily_metrics'), 'ai_playground_platform_daily_metrics: service_role sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_daily_metrics default values$q$, '42501', null, 'ai_playground_platform_daily_metrics: service_role cannot insert (42501, no grant: only the refresh writes)');
select throws_ok($q$update playground.ai_playground_platform_daily_metrics set activity_date = activity_date$q$, '42501', null, 'ai_playground_platform_daily_metrics: service_role cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_daily_metrics$q$, '42501', null, 'ai_playground_platform_daily_metrics: service_role cannot delete (42501, no grant)');
select tests.clear_authentication();
-- ai_playground_platform_performance_metrics
select tests.authenticate_as_anon();
select throws_ok($q$select count(*) from playground.ai_playground_platform_performance_metrics$q$, '42501', null, 'ai_playground_platform_performance_metrics: anon cannot select (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_performance_metrics$q$, '42501', null, 'ai_playground_platform_performance_metrics: anon cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollup1@test.local');
select is((select count(*)::int from playground.ai_playground_platform_performance_metrics), 0, 'ai_playground_platform_performance_metrics: a plain user sees 0 rows (RLS), even rows about themself');
select throws_ok($q$insert into playground.ai_playground_platform_performance_metrics default values$q$, '42501', null, 'ai_playground_platform_performance_metrics: a plain user cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_performance_metrics set metric_date = metric_date$q$, '42501', null, 'ai_playground_platform_performance_metrics: a plain user cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_performance_metrics$q$, '42501', null, 'ai_playground_platform_performance_metrics: a plain user cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select is((select count(*)::int from playground.ai_playground_platform_performance_metrics), (select n from rollup_counts where t = 'ai_playground_platform_performance_metrics'), 'ai_playground_platform_performance_metrics: an admin sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_performance_metrics default values$q$, '42501', null, 'ai_playground_platform_performance_metrics: an admin cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_performance_metrics set metric_date = metric_date$q$, '42501', null, 'ai_playground_platform_performance_metrics: an admin cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_performance_metrics$q$, '42501', null, 'ai_playground_platform_performance_metrics: an admin cannot delete (42501, no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from playground.ai_playground_platform_performance_metrics), (select n from rollup_counts where t = 'ai_playground_platform_performance_metrics'), 'ai_playground_platform_performance_metrics: service_role sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_performance_metrics default values$q$, '42501', null, 'ai_playground_platform_performance_metrics: service_role cannot insert (42501, no grant: only the refresh writes)');
select throws_ok($q$update playground.ai_playground_platform_performance_metrics set metric_date = metric_date$q$, '42501', null, 'ai_playground_platform_performance_metrics: service_role cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_performance_metrics$q$, '42501', null, 'ai_playground_platform_performance_metrics: service_role cannot delete (42501, no grant)');
select tests.clear_authentication();
-- ai_playground_platform_user_funnel
select tests.authenticate_as_anon();
select throws_ok($q$select count(*) from playground.ai_playground_platform_user_funnel$q$, '42501', null, 'ai_playground_platform_user_funnel: anon cannot select (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_funnel$q$, '42501', null, 'ai_playground_platform_user_funnel: anon cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollup1@test.local');
select is((select count(*)::int from playground.ai_playground_platform_user_funnel), 0, 'ai_playground_platform_user_funnel: a plain user sees 0 rows (RLS), even rows about themself');
select throws_ok($q$insert into playground.ai_playground_platform_user_funnel default values$q$, '42501', null, 'ai_playground_platform_user_funnel: a plain user cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_user_funnel set user_id = user_id$q$, '42501', null, 'ai_playground_platform_user_funnel: a plain user cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_funnel$q$, '42501', null, 'ai_playground_platform_user_funnel: a plain user cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select is((select count(*)::int from playground.ai_playground_platform_user_funnel), (select n from rollup_counts where t = 'ai_playground_platform_user_funnel'), 'ai_playground_platform_user_funnel: an admin sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_user_funnel default values$q$, '42501', null, 'ai_playground_platform_user_funnel: an admin cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_user_funnel set user_id = user_id$q$, '42501', null, 'ai_playground_platform_user_funnel: an admin cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_funnel$q$, '42501', null, 'ai_playground_platform_user_funnel: an admin cannot delete (42501, no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from playground.ai_playground_platform_user_funnel), (select n from rollup_counts where t = 'ai_playground_platform_user_funnel'), 'ai_playground_platform_user_funnel: service_role sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_user_funnel default values$q$, '42501', null, 'ai_playground_platform_user_funnel: service_role cannot insert (42501, no grant: only the refresh writes)');
select throws_ok($q$update playground.ai_playground_platform_user_funnel set user_id = user_id$q$, '42501', null, 'ai_playground_platform_user_funnel: service_role cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_funnel$q$, '42501', null, 'ai_playground_platform_user_funnel: service_role cannot delete (42501, no grant)');
select tests.clear_authentication();
-- ai_playground_platform_user_engagement
select tests.authenticate_as_anon();
select throws_ok($q$select count(*) from playground.ai_playground_platform_user_engagement$q$, '42501', null, 'ai_playground_platform_user_engagement: anon cannot select (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_engagement$q$, '42501', null, 'ai_playground_platform_user_engagement: anon cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollup1@test.local');
select is((select count(*)::int from playground.ai_playground_platform_user_engagement), 0, 'ai_playground_platform_user_engagement: a plain user sees 0 rows (RLS), even rows about themself');
select throws_ok($q$insert into playground.ai_playground_platform_user_engagement default values$q$, '42501', null, 'ai_playground_platform_user_engagement: a plain user cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_user_engagement set user_id = user_id$q$, '42501', null, 'ai_playground_platform_user_engagement: a plain user cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_engagement$q$, '42501', null, 'ai_playground_platform_user_engagement: a plain user cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select is((select count(*)::int from playground.ai_playground_platform_user_engagement), (select n from rollup_counts where t = 'ai_playground_platform_user_engagement'), 'ai_playground_platform_user_engagement: an admin sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_user_engagement default values$q$, '42501', null, 'ai_playground_platform_user_engagement: an admin cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_user_engagement set user_id = user_id$q$, '42501', null, 'ai_playground_platform_user_engagement: an admin cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_engagement$q$, '42501', null, 'ai_playground_platform_user_engagement: an admin cannot delete (42501, no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from playground.ai_playground_platform_user_engagement), (select n from rollup_counts where t = 'ai_playground_platform_user_engagement'), 'ai_playground_platform_user_engagement: service_role sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_user_engagement default values$q$, '42501', null, 'ai_playground_platform_user_engagement: service_role cannot insert (42501, no grant: only the refresh writes)');
select throws_ok($q$update playground.ai_playground_platform_user_engagement set user_id = user_id$q$, '42501', null, 'ai_playground_platform_user_engagement: service_role cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_user_engagement$q$, '42501', null, 'ai_playground_platform_user_engagement: service_role cannot delete (42501, no grant)');
select tests.clear_authentication();
-- ai_playground_platform_rollup_refreshes
select tests.authenticate_as_anon();
select throws_ok($q$select count(*) from playground.ai_playground_platform_rollup_refreshes$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: anon cannot select (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_rollup_refreshes$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: anon cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollup1@test.local');
select is((select count(*)::int from playground.ai_playground_platform_rollup_refreshes), 0, 'ai_playground_platform_rollup_refreshes: a plain user sees 0 rows (RLS), even rows about themself');
select throws_ok($q$insert into playground.ai_playground_platform_rollup_refreshes default values$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: a plain user cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_rollup_refreshes set rollup_name = rollup_name$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: a plain user cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_rollup_refreshes$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: a plain user cannot delete (42501, no grant)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select is((select count(*)::int from playground.ai_playground_platform_rollup_refreshes), (select n from rollup_counts where t = 'ai_playground_platform_rollup_refreshes'), 'ai_playground_platform_rollup_refreshes: an admin sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_rollup_refreshes default values$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: an admin cannot insert (42501, no grant)');
select throws_ok($q$update playground.ai_playground_platform_rollup_refreshes set rollup_name = rollup_name$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: an admin cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_rollup_refreshes$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: an admin cannot delete (42501, no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from playground.ai_playground_platform_rollup_refreshes), (select n from rollup_counts where t = 'ai_playground_platform_rollup_refreshes'), 'ai_playground_platform_rollup_refreshes: service_role sees every row');
select throws_ok($q$insert into playground.ai_playground_platform_rollup_refreshes default values$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: service_role cannot insert (42501, no grant: only the refresh writes)');
select throws_ok($q$update playground.ai_playground_platform_rollup_refreshes set rollup_name = rollup_name$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: service_role cannot update (42501, no grant)');
select throws_ok($q$delete from playground.ai_playground_platform_rollup_refreshes$q$, '42501', null, 'ai_playground_platform_rollup_refreshes: service_role cannot delete (42501, no grant)');
select tests.clear_authentication();

-- a second refresh replaces the rows (new activity, a creation type gone) -----
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms, tokens_used, success, created_at)
values ('c1c1c1c1-0000-4000-8000-000000000004', tests.get_user_id('pg.rollup2@test.local'), 'simulation_run', 'ai_simulator', 900, 90, true, now() - interval '1 day' + interval '4 minutes');
delete from playground.ai_playground_creations where creation_type = 'workflow';
select tests.authenticate_as_service_role();
select lives_ok(
    $$select count(*) from playground_private.refresh_platform_rollups()$$,
    'a second refresh as service_role succeeds');
select results_eq(
    $$select * from playground.ai_playground_platform_tool_analytics order by tool_name$$,
    $$select * from playground.ai_playground_tool_analytics order by tool_name$$,
    'after the second refresh: tool analytics equal the live view again (new interaction counted)');
select is(
    (select total_uses from playground.ai_playground_platform_tool_analytics where tool_name = 'ai_simulator'),
    (select total_uses + 1 from first_tools where tool_name = 'ai_simulator'),
    'after the second refresh: ai_simulator has one use more than at the first refresh');
select results_eq(
    $$select * from playground.ai_playground_platform_creation_analytics order by creation_type$$,
    $$select * from playground.ai_playground_creation_analytics order by creation_type$$,
    'after the second refresh: creation analytics equal the live view');
select is(
    (select count(*)::int from playground.ai_playground_platform_creation_analytics where creation_type = 'workflow'),
    0,
    'after the second refresh: the row of a creation type that no longer exists is gone (rows replaced, not upserted)');
select results_eq(
    $$select * from playground.ai_playground_platform_daily_metrics order by activity_date$$,
    $$select * from playground.ai_playground_daily_metrics order by activity_date$$,
    'after the second refresh: daily metrics equal the live view');
select results_eq(
    $$select * from playground.ai_playground_platform_user_engagement order by user_id$$,
    $$select * from playground.ai_playground_user_engagement order by user_id$$,
    'after the second refresh: user engagement equals the live view');
select is(
    (select count(*)::int from (
        select 1 where (select count(*) from playground.ai_playground_platform_tool_analytics) <> (select count(*) from playground.ai_playground_tool_analytics)
        union all
        select 1 where (select count(*) from playground.ai_playground_platform_creation_analytics) <> (select count(*) from playground.ai_playground_creation_analytics)
        union all
        select 1 where (select count(*) from playground.ai_playground_platform_daily_metrics) <> (select count(*) from playground.ai_playground_daily_metrics)
        union all
        select 1 where (select count(*) from playground.ai_playground_platform_performance_metrics) <> (select count(*) from playground.ai_playground_performance_metrics)
        union all
        select 1 where (select count(*) from playground.ai_playground_platform_user_funnel) <> (select count(*) from playground.ai_playground_user_funnel)
        union all
        select 1 where (select count(*) from playground.ai_playground_platform_user_engagement) <> (select count(*) from playground.ai_playground_user_engagement)
    ) as mismatch),
    0,
    'after the second refresh: every rollup has exactly as many rows as its view (nothing duplicated)');
select tests.clear_authentication();
select is(
    (select count(*)::int from playground.ai_playground_platform_rollup_refreshes s
        join first_status f using (rollup_name)
        where s.refreshed_at > f.refreshed_at),
    6,
    'status: the second refresh moved refreshed_at of every rollup forward');
select is(
    (select row_count from playground.ai_playground_platform_rollup_refreshes
        where rollup_name = 'ai_playground_platform_creation_analytics'),
    (select row_count - 1 from first_status where rollup_name = 'ai_playground_platform_creation_analytics'),
    'status: row_count follows the second refresh (one creation type fewer)');

-- who may refresh ----------------------------------------------------------------
create temporary table status_before on commit drop as
select * from playground.ai_playground_platform_rollup_refreshes;
select tests.authenticate_as_anon();
select throws_ok(
    $$select count(*) from playground_private.refresh_platform_rollups()$$,
    '42501', null,
    'refresh: anon gets 42501 (no execute)');
select tests.authenticate_as('pg.rollup1@test.local');
select throws_ok(
    $$select count(*) from playground_private.refresh_platform_rollups()$$,
    '42501', null,
    'refresh: a signed-in user gets 42501 (no execute)');
select tests.authenticate_as('pg.rollupadmin@test.local');
select throws_ok(
    $$select count(*) from playground_private.refresh_platform_rollups()$$,
    '42501', null,
    'refresh: an admin gets 42501 (no execute; admins read the rollups, pg_cron refreshes them)');
-- the caller check inside the function, past the execute privilege: the
-- session's role decides, never the JWT role claim (issue 15)
select tests.clear_authentication();
grant execute on function playground_private.refresh_platform_rollups() to anon, authenticated;
select tests.authenticate_as('pg.rollup1@test.local');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select throws_ok(
    $$select count(*) from playground_private.refresh_platform_rollups()$$,
    '42501', 'playground: refreshing the platform rollups is for service_role',
    'attack: a signed-in user whose JWT claims role service_role gets 42501 from the caller check');
select throws_ok(
    $$select count(*) from playground.ai_playground_signup_funnel$$,
    '42501', 'playground: the sign-up funnel is for service_role and admins',
    'attack: nor does the forged claim open the sign-up funnel (signup_funnel() asks the session''s role)');
select tests.clear_authentication();
revoke execute on function playground_private.refresh_platform_rollups() from anon, authenticated;
select results_eq(
    $$select rollup_name, refreshed_at from playground.ai_playground_platform_rollup_refreshes order by 1$$,
    $$select rollup_name, refreshed_at from status_before order by 1$$,
    'refresh: the rejected calls wrote nothing');
select lives_ok(
    $$select count(*) from playground_private.refresh_platform_rollups()$$,
    'refresh: a database session without a JWT whose role is a member of service_role (pg_cron, a migration, postgres) may refresh');

-- the per-user branch of the views is unchanged: a user's own, live figures ------
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms, success, created_at)
values ('c1c1c1c1-0000-4000-8000-000000000002', tests.get_user_id('pg.rollup1@test.local'), 'prompt_submit', 'prompt_builder', 120, true, now());
select tests.authenticate_as('pg.rollup1@test.local');
select results_eq(
    $$select user_id, total_interactions from playground.ai_playground_user_engagement$$,
    $$values (tests.get_user_id('pg.rollup1@test.local'), 5)$$,
    'live view: a user still gets their own row, live (5 interactions, the newest not yet in any rollup)');
select is(
    (select total_uses from playground.ai_playground_tool_analytics where tool_name = 'prompt_builder'),
    4,
    'live view: a user''s tool analytics are their own figures (4 prompt_builder uses), not the platform''s');
select tests.clear_authentication();

select * from finish();
rollback;
