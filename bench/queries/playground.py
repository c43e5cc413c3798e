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
    return out


def platform(name, sql, note=""):
    return Query(name, "dashboard", sql, personas=("heavy",), platform=True, svc=False, note=note)


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
    platform("platform_tool_analytics", "select * from playground.ai_playground_tool_analytics",
             "admin dashboard: every tool over all interactions"),
    platform("platform_creation_analytics", "select * from playground.ai_playground_creation_analytics"),
    platform("platform_daily_metrics_7d",
             """select * from playground.ai_playground_daily_metrics
                where activity_date >= current_date - interval '7 days'
                order by activity_date desc""", "seed example as service_role"),
    platform("platform_performance_metrics_7d",
             """select * from playground.ai_playground_performance_metrics
                where metric_date >= current_date - 7
                order by metric_date desc, tool_name"""),
    platform("platform_funnel_stages",
             "select funnel_stage, count(*) from playground.ai_playground_user_funnel group by 1 order by 2 desc"),
    platform("platform_top_engaged_users",
             """select user_id, total_interactions, achievement_points
                from playground.ai_playground_user_engagement
                order by total_interactions desc limit 20"""),
]

# proposed materialized aggregates (bench/proposed/playground.sql): measured when present
QUERIES += [
    Query("platform_tool_analytics_mv", "dashboard",
          """select t.tool_name, t.display_name, t.category,
                    coalesce(sum(s.uses), 0) as total_uses, t.unique_user_count as unique_users,
                    coalesce(sum(s.successes), 0) as successful_uses, coalesce(sum(s.errors), 0) as error_count,
                    round(sum(s.sum_response_ms)::numeric / nullif(sum(s.timed), 0)) as avg_response_time_ms,
                    round(sum(s.rating_sum)::numeric / nullif(sum(s.ratings), 0), 2) as avg_user_rating,
                    min(s.first_used_at) as first_used_at, max(s.last_used_at) as last_used_at
             from playground.ai_playground_toolkit_items t
             left join playground_private.interaction_daily_tool_stats s on s.tool_name = t.tool_name
             group by t.tool_name, t.display_name, t.category, t.unique_user_count""",
          personas=("heavy",), platform=True, svc=False, requires="playground_private.interaction_daily_tool_stats",
          note="platform_tool_analytics from the materialized daily aggregates"),
    Query("platform_top_engaged_users_mv", "dashboard",
          """select user_id, total_interactions, distinct_tools_used
             from playground_private.user_engagement_stats
             order by total_interactions desc limit 20""",
          personas=("heavy",), platform=True, svc=False, requires="playground_private.user_engagement_stats"),
    Query("platform_funnel_stages_mv", "dashboard",
          """select case when e.first_prompt_at is not null then 'prompted' else 'interacted' end as stage, count(*)
             from playground_private.user_engagement_stats e group by 1""",
          personas=("heavy",), platform=True, svc=False, requires="playground_private.user_engagement_stats"),
]
