"""playground: hot queries, the seed's helper functions and analytics views."""

Query = globals()["Query"]  # injected by bench/scale.py


def personas(conn):
    rows = conn.execute("""
        with c as (select user_id, sum(interaction_count) as n from playground.ai_playground_sessions group by 1)
        select (select user_id from c order by n desc, user_id limit 1),
               (select user_id from c order by n, user_id limit 1 offset (select count(*) / 2 from c))
    """).fetchone()
    out = {}
    for name, uid in zip(("heavy", "typical"), rows):
        n = conn.execute("select count(*) from playground.ai_playground_interactions where user_id = %s",
                         (uid,)).fetchone()[0]
        # the user's latest session, reopened so track_tool_usage may record into it
        sid = conn.execute("""select id from playground.ai_playground_sessions where user_id = %s
                              order by session_start desc limit 1""", (uid,)).fetchone()[0]
        conn.execute("set session_replication_role = replica")
        conn.execute("update playground.ai_playground_sessions set session_end = null where id = %s", (sid,))
        conn.execute("set session_replication_role = origin")
        out[name] = {"uid": str(uid), "label": f"({n} interactions)", "session_id": sid}
    # the typical user again, signed in with app_metadata.role = admin (the rollup dashboards)
    out["admin"] = {**out["typical"], "label": "(typical user with app_metadata.role = admin)"}
    return out


def platform(name, sql, note="", requires=""):
    return Query(name, "dashboard", sql, personas=("heavy",), platform=True, svc=False, note=note,
                 requires=requires)


def rollup(name, table, sql, note="from the rollup"):
    """A whole-platform dashboard read from a rollup table (skipped on a database migrated before it),
    as an admin (RLS on) and, for the same rows, as service_role."""
    return Query(name, "dashboard", sql, personas=("admin",), admin=True, note=note,
                 requires=f"playground.{table}")


QUERIES = [
    Query("my_sessions", "per_user",
          """select id, activity_type, session_start, duration_seconds, interaction_count
             from playground.ai_playground_sessions
             order by session_start desc
             limit 20""",
          """select id, activity_type, session_start, duration_seconds, interaction_count
             from playground.ai_playground_sessions
             where user_id = %(uid)s
             order by session_start desc
             limit 20""",
          note="RLS only (policy: owner or app_metadata admin)"),
    Query("my_sessions_filtered", "per_user",
          """select id, activity_type, session_start, duration_seconds, interaction_count
             from playground.ai_playground_sessions
             where user_id = %(uid)s
             order by session_start desc
             limit 20""",
          note="same list with the user filter spelled out"),
    Query("my_interactions", "per_user",
          """select id, tool_name, interaction_type, response_time_ms, success, created_at
             from playground.ai_playground_interactions
             order by created_at desc
             limit 50""",
          """select id, tool_name, interaction_type, response_time_ms, success, created_at
             from playground.ai_playground_interactions
             where user_id = %(uid)s
             order by created_at desc
             limit 50""",
          note="RLS only"),
    Query("my_interactions_filtered", "per_user",
          """select id, tool_name, interaction_type, response_time_ms, success, created_at
             from playground.ai_playground_interactions
             where user_id = %(uid)s
             order by created_at desc
             limit 50""",
          note="same list with the user filter spelled out (supabase-js .eq('user_id', uid))"),
    Query("session_interactions", "per_user",
          """select sequence_number, tool_name, interaction_type, response_time_ms, success
             from playground.ai_playground_interactions
             where session_id = %(session_id)s
             order by sequence_number"""),
    Query("public_feed", "per_user",
          """select id, title, creation_type, quality_score, created_at
             from playground.ai_playground_creations
             where sharing_level = 'public'
             order by created_at desc
             limit 20"""),
    Query("my_creations", "per_user",
          """select id, title, creation_type, sharing_level, created_at
             from playground.ai_playground_creations
             where user_id = %(uid)s
             order by created_at desc
             limit 20"""),
    Query("templates", "per_user",
          """select id, title, template_category, use_count
             from playground.ai_playground_creations
             where is_template and sharing_level = 'public'
             order by use_count desc
             limit 20"""),
    Query("my_achievements", "per_user",
          """select achievement_type, badge_level, progress_percentage, unlocked_at
             from playground.ai_playground_achievements
             where user_id = %(uid)s
             order by unlocked_at desc nulls last"""),
    Query("get_user_recent_activity", "per_user",
          "select * from playground.get_user_recent_activity(%(uid)s, 30)",
          note="seed example"),
    Query("calculate_user_skill_level", "dashboard",
          "select * from playground.calculate_user_skill_level(%(uid)s)",
          note="seed example; aggregates all of the user's interactions"),
    Query("get_recommended_tools", "dashboard",
          "select * from playground.get_recommended_tools(%(uid)s, 5)"),
    Query("check_and_award_achievements", "write",
          "select * from playground.check_and_award_achievements(%(uid)s)",
          note="recomputes every metric of the user (rolled back)"),
    Query("track_tool_usage", "write",
          """select playground.track_tool_usage(%(session_id)s, %(uid)s, 'prompt_builder', 'prompt_submit',
                                               250, true, '{"prompt_length": 150}'::jsonb)""",
          note="seed example: interaction + session/tool statistics + achievements (rolled back)"),
    Query("view_user_engagement", "dashboard",
          "select * from playground.ai_playground_user_engagement", svc=False,
          note="the user's own row (security_invoker, scoped)"),
    Query("view_tool_analytics", "dashboard",
          "select * from playground.ai_playground_tool_analytics", svc=False),
    Query("view_creation_analytics", "dashboard",
          "select * from playground.ai_playground_creation_analytics", svc=False),
    Query("view_daily_metrics_7d", "dashboard",
          """select * from playground.ai_playground_daily_metrics
             where activity_date >= current_date - interval '7 days'
             order by activity_date desc""", svc=False, note="seed example"),
    Query("view_user_funnel", "dashboard",
          "select * from playground.ai_playground_user_funnel", svc=False),
    Query("view_performance_metrics_7d", "dashboard",
          """select * from playground.ai_playground_performance_metrics
             where metric_date >= current_date - 7
             order by metric_date desc, tool_name""", svc=False),
    # whole-platform dashboards: the rollup tables (20261123191000_playground_platform_rollups),
    # refreshed every 15 minutes by playground_private.refresh_platform_rollups()
    rollup("platform_tool_analytics", "ai_playground_platform_tool_analytics",
           """select * from playground.ai_playground_platform_tool_analytics
              order by total_uses desc""",
           "admin dashboard: every tool over all interactions, from the rollup (as of its refresh)"),
    rollup("platform_creation_analytics", "ai_playground_platform_creation_analytics",
           """select * from playground.ai_playground_platform_creation_analytics
              order by total_creations desc""", "from the rollup"),
    rollup("platform_daily_metrics_7d", "ai_playground_platform_daily_metrics",
           """select * from playground.ai_playground_platform_daily_metrics
              where activity_date >= current_date - interval '7 days'
              order by activity_date desc""", "seed example over the platform, from the rollup"),
    rollup("platform_performance_metrics_7d", "ai_playground_platform_performance_metrics",
           """select * from playground.ai_playground_platform_performance_metrics
              where metric_date >= current_date - 7
              order by metric_date desc, tool_name""", "from the rollup"),
    rollup("platform_funnel_stages", "ai_playground_platform_user_funnel",
           """select funnel_stage, count(*) from playground.ai_playground_platform_user_funnel
              group by 1 order by 2 desc""", "from the rollup"),
    rollup("platform_top_engaged_users", "ai_playground_platform_user_engagement",
           """select user_id, total_interactions, achievement_points
              from playground.ai_playground_platform_user_engagement
              order by total_interactions desc limit 20""", "from the rollup"),
    # reference: the live views' platform forms, what the rollups copy (slow at scale by design:
    # every call aggregates all interactions; the refresh runs each of them once)
    platform("platform_live_tool_analytics", "select * from playground.ai_playground_tool_analytics",
             "live view, platform form (reference for the rollup)"),
    platform("platform_live_creation_analytics", "select * from playground.ai_playground_creation_analytics",
             "live view, platform form (reference for the rollup)"),
    platform("platform_live_daily_metrics_7d",
             """select * from playground.ai_playground_daily_metrics
                where activity_date >= current_date - interval '7 days'
                order by activity_date desc""", "live view, platform form: seed example as service_role"),
    platform("platform_live_performance_metrics_7d",
             """select * from playground.ai_playground_performance_metrics
                where metric_date >= current_date - 7
                order by metric_date desc, tool_name""", "live view, platform form (reference for the rollup)"),
    platform("platform_live_funnel_stages",
             "select funnel_stage, count(*) from playground.ai_playground_user_funnel group by 1 order by 2 desc",
             "live view, platform form (reference for the rollup)"),
    platform("platform_live_top_engaged_users",
             """select user_id, total_interactions, achievement_points
                from playground.ai_playground_user_engagement
                order by total_interactions desc limit 20""", "live view, platform form (reference for the rollup)"),
    Query("refresh_platform_rollups", "write",
          "select rollup_name, duration_ms, row_count from playground_private.refresh_platform_rollups()",
          personas=("heavy",), platform=True, svc=False, requires="playground.ai_playground_platform_rollup_refreshes",
          note="pg_cron's 15-minute job: every rollup recomputed from its live view (rolled back)"),
]
