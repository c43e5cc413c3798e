-- playground: every table says which columns a client (anon, authenticated)
-- may write and which facts the server owns (issue 15); docs/ shows the
-- table comments, and the grants line of each table lists the columns of a
-- column-level grant. Tables whose comment did not say it are rewritten
-- (toolkit items, sessions, interactions, creations) or get one passage
-- appended; ai_playground_congratulations already says it.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

comment on table playground.ai_playground_toolkit_items is
'Catalogue of the AI tools and features offered in the playground. Public read while active; managed by admins (app_metadata.role = admin) and service_role. A tool with recorded interactions cannot be deleted (deactivate it instead). Client-writable (admins only; insert and update): tool_name, display_name, description, category, capabilities, tags, icon, difficulty_level, is_active, is_beta, is_premium, learning_resources, documentation_url, version, changelog, sort_order (text at most 10,000 characters, jsonb at most 64 KiB); delete. Server-owned: id, created_at, updated_at, and the public counters: usage_count (a use counts once per user, tool and UTC day, active tools only; playground_private.tool_usage_days), unique_user_count (once per user), last_used_at, rating_sum and rating_count (one rated interaction per user and tool), average_rating (generated). rebuild_public_counters() recomputes them.';

comment on table playground.ai_playground_sessions is
'A user''s visit to the AI playground. Owners view, start and update (end) their own sessions; they cannot delete them (analytics history) except by deleting their account (cascade). Client-writable: insert id, user_id (own), activity_type, nonprofit_profile_id, session_start (within 10 minutes of now()), session_end, device_type, browser, metadata; update activity_type, session_end (never in the future), device_type, browser, metadata (text at most 10,000 characters, jsonb at most 64 KiB). Server-owned: created_at (now()), duration_seconds (generated), interaction_count, avg_response_time_ms, error_count (triggers on ai_playground_interactions); a session on a nonprofit profile counts in its usage_count once per user, profile and UTC day.';

comment on table playground.ai_playground_interactions is
'One user interaction with an AI tool inside a session (usually recorded by track_tool_usage). Owners see and record their own; afterwards they may only change user_feedback and user_rating. No delete for users (analytics history); rows go with the session or the user. Client-writable: insert id, session_id (an open session of the caller''s: one 42501 for another''s or an unknown one, 55000 once ended), user_id (own), interaction_type, tool_name (an active tool, 42501 otherwise), response_time_ms, tokens_used, success, success_score, error_message, user_feedback, user_rating (one rated interaction per user and tool, 23505 for a second), metadata; update user_feedback, user_rating (text at most 10,000 characters, jsonb at most 64 KiB). These are the user''s own report of their activity: they feed the user''s own statistics and achievements, and the public counters only once per user (usage once per tool and day, one rating per tool). Server-owned: sequence_number (trigger), created_at (now()), and the tool and session statistics they feed.';

comment on table playground.ai_playground_creations is
'Content users create in the playground (prompts, simulations, workflows...). Versions and forks form a parent/child tree through parent_id: a child of one''s own creation is a new version (version = parent version + 1), a child of someone else''s visible creation is a fork. Visibility by sharing_level: private (owner only), shared (owner and the users listed in ai_playground_creation_shares), public (everyone, including anon). Client-writable: insert id, user_id (own), session_id, parent_id (a creation the caller can see; one 42501 for an invisible or missing one); insert and update title, description, creation_type, content (at most 100,000 characters), tool_name, complexity_level, sharing_level, is_template, template_category, is_published, tags, metadata (text at most 10,000 characters, jsonb at most 64 KiB); delete. Server-owned: version, created_at, updated_at, published_at, view_count, use_count, fork_count (distinct other users who forked it) and quality_score (service_role).';

do $$
declare
    r record;
begin
    for r in
        select v.tbl, v.writes
        from (values
            ('playground.ai_playground_achievement_definitions',
             'Client-writable (admins only; insert and update): achievement_type, name, description, category, badge_level, points, metric, target_value, is_active, sort_order (text at most 10,000 characters); delete. Server-owned: created_at, updated_at.'),
            ('playground.ai_playground_achievements',
             'Client-writable: update is_shared of one''s own achievements. Server-owned: everything else: progress_current and unlocked_at (check_and_award_achievements, from user_metrics, which counts only server-owned facts: session times near now(), tools rated, distinct forking users), congratulations_count (one per congratulating user), created_at, updated_at.'),
            ('playground.ai_playground_creation_shares',
             'Client-writable: insert creation_id (one''s own creation) and shared_with_user_id (the recipient, not the owner); delete (owner or recipient). Server-owned: created_at (now(): the column is not writable).'),
            ('playground.ai_playground_platform_creation_analytics',
             'Client-writable: nothing; written only by playground_private.refresh_platform_rollups() (service_role, pg_cron).'),
            ('playground.ai_playground_platform_daily_metrics',
             'Client-writable: nothing; written only by playground_private.refresh_platform_rollups() (service_role, pg_cron).'),
            ('playground.ai_playground_platform_performance_metrics',
             'Client-writable: nothing; written only by playground_private.refresh_platform_rollups() (service_role, pg_cron).'),
            ('playground.ai_playground_platform_rollup_refreshes',
             'Client-writable: nothing; written only by playground_private.refresh_platform_rollups() (service_role, pg_cron).'),
            ('playground.ai_playground_platform_tool_analytics',
             'Client-writable: nothing; written only by playground_private.refresh_platform_rollups() (service_role, pg_cron).'),
            ('playground.ai_playground_platform_user_engagement',
             'Client-writable: nothing; written only by playground_private.refresh_platform_rollups() (service_role, pg_cron).'),
            ('playground.ai_playground_platform_user_funnel',
             'Client-writable: nothing; written only by playground_private.refresh_platform_rollups() (service_role, pg_cron).'),
            ('playground.ai_playground_user_daily_stats',
             'Client-writable: nothing; every column is server-owned (the interaction triggers, rebuild_user_stats).'),
            ('playground.ai_playground_user_tool_stats',
             'Client-writable: nothing; every column is server-owned (the interaction triggers, rebuild_user_stats).'),
            ('playground.synthetic_nonprofit_profiles',
             'Client-writable (admins only; insert and update): organization_name, organization_type, mission_statement, description, organization_size, staff_count, volunteer_count, annual_budget_usd, location, founded_year, tech_maturity, current_tools, challenges, practice_scenarios, difficulty_level, learning_objectives, is_featured, is_active (text at most 10,000 characters, jsonb at most 64 KiB); delete. Server-owned: id, created_at, updated_at, usage_count (a session counts once per user, profile and UTC day, active profiles only; playground_private.profile_usage_days), average_rating and rating_count (service_role).')
        ) as v (tbl, writes)
    loop
        execute format('comment on table %s is %L', r.tbl,
            pg_catalog.obj_description(r.tbl::regclass, 'pg_class') || ' ' || r.writes);
    end loop;
end
$$;
