"""simulation: runs, conversation logs (partitioned), marketplace, profiles."""

Query = globals()["Query"]  # injected by bench/scale.py


def personas(conn):
    rows = conn.execute("""
        with c as (select user_id, count(*) as n from simulation.user_progress group by 1)
        select (select user_id from c order by n desc, user_id limit 1),
               (select user_id from c order by n, user_id limit 1 offset (select count(*) / 2 from c))
    """).fetchone()
    out = {}
    for name, sim_id in zip(("heavy", "typical"), rows):
        uid, = conn.execute("select auth_user_id from simulation.users where id = %s", (sim_id,)).fetchone()
        runs = conn.execute("select count(*) from simulation.user_progress where user_id = %s", (sim_id,)).fetchone()[0]
        run_id, scene_id = conn.execute("""
            select p.id, p.current_scene_id from simulation.user_progress p
            where p.user_id = %s order by p.last_activity desc limit 1""", (sim_id,)).fetchone()
        msgs = conn.execute("""select count(*) from simulation.conversation_logs l
                               join simulation.user_progress p on p.id = l.user_progress_id
                               where p.user_id = %s""", (sim_id,)).fetchone()[0]
        scenario = conn.execute("""
            select s.id from simulation.scenarios s
            where s.is_public
              and not exists (select 1 from simulation.user_progress p where p.user_id = %s and p.scenario_id = s.id
                              and p.simulation_status in ('not_started', 'in_progress'))
            order by s.usage_count desc, s.id limit 1""", (sim_id,)).fetchone()[0]
        out[name] = {"uid": str(uid), "sim_user_id": sim_id, "label": f"({runs} runs, {msgs} messages)",
                     "run_id": run_id, "scene_id": scene_id, "scenario_id": scenario}
    return out


QUERIES = [
    Query("my_runs", "per_user",
          """select id, scenario_id, simulation_status, completion_percentage, last_activity
             from simulation.user_progress
             order by last_activity desc
             limit 20""",
          """select id, scenario_id, simulation_status, completion_percentage, last_activity
             from simulation.user_progress
             where user_id = %(sim_user_id)s
             order by last_activity desc
             limit 20""",
          note="RLS only (policy: user_id = current_user_id())"),
    Query("run_conversation", "per_user",
          """select message_order, message_type, sender_name, message_content, "timestamp"
             from simulation.conversation_logs
             where user_progress_id = %(run_id)s
             order by "timestamp", message_order""",
          note="chat view of one run (policy: exists run of mine)"),
    Query("run_conversation_30d", "per_user",
          """select message_order, message_type, message_content, "timestamp"
             from simulation.conversation_logs
             where user_progress_id = %(run_id)s
               and "timestamp" >= now() - interval '30 days'
             order by "timestamp", message_order""",
          note="partition pruning on timestamp"),
    Query("my_recent_messages", "per_user",
          """select user_progress_id, message_type, message_content, "timestamp"
             from simulation.conversation_logs
             order by "timestamp" desc
             limit 50""",
          """select user_progress_id, message_type, message_content, "timestamp"
             from simulation.conversation_logs
             where user_progress_id in (select id from simulation.user_progress where user_id = %(sim_user_id)s)
             order by "timestamp" desc
             limit 50""",
          note="RLS only, across all of the user's runs"),
    Query("run_scene_progress", "per_user",
          """select scene_id, status, attempts, hints_used, goal_achievement_score
             from simulation.scene_progress
             where user_progress_id = %(run_id)s"""),
    Query("my_stats", "dashboard",
          """select simulation_status, count(*), avg(final_score), sum(total_time_spent)
             from simulation.user_progress
             group by 1""",
          """select simulation_status, count(*), avg(final_score), sum(total_time_spent)
             from simulation.user_progress
             where user_id = %(sim_user_id)s
             group by 1"""),
    Query("marketplace_top_rated", "per_user",
          """select id, title, category, difficulty_level, rating_avg, rating_count
             from simulation.scenarios
             where is_public
             order by rating_avg desc
             limit 20""",
          personas=("typical",)),
    Query("marketplace_category", "per_user",
          """select id, title, difficulty_level, rating_avg, usage_count
             from simulation.scenarios
             where is_public and category = 'finance'
             order by usage_count desc
             limit 20""",
          personas=("typical",)),
    Query("marketplace_title_search", "per_user",
          """select id, title, category, rating_avg
             from simulation.scenarios
             where is_public and title ilike '%%supply chain%%'
             order by rating_avg desc
             limit 20""",
          personas=("typical",), note="trigram index"),
    Query("scenario_detail", "per_user",
          """select sc.scene_order, sc.title, sc.user_goal, count(sp.persona_id) as personas
             from simulation.scenario_scenes sc
             left join simulation.scene_personas sp on sp.scene_id = sc.id
             where sc.scenario_id = %(scenario_id)s
             group by sc.id, sc.scene_order, sc.title, sc.user_goal
             order by sc.scene_order""",
          personas=("typical",)),
    Query("scenario_reviews", "per_user",
          """select rating, review_text, helpful_votes, created_at
             from simulation.scenario_reviews
             where scenario_id = %(scenario_id)s
             order by helpful_votes desc
             limit 20""",
          personas=("typical",)),
    Query("public_profiles_top", "per_user",
          """select id, username, reputation_score, published_scenarios
             from simulation.public_profiles
             order by reputation_score desc
             limit 20""",
          personas=("typical",), note="view over simulation_private.profile_directory (trigger-kept public columns)"),
    Query("public_profile_by_username", "per_user",
          "select * from simulation.public_profiles where username = 'user42'",
          personas=("typical",), note="one profile by username"),
    Query("start_simulation", "write",
          "select simulation.start_simulation(%(scenario_id)s)", svc=False,
          note="new run + first scene progress (rolled back)"),
    Query("log_message", "write",
          """insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, sender_name,
                                                       message_content, message_order)
             values (%(run_id)s, %(scene_id)s, 'user', 'Learner', 'What are our options?', 1000)""",
          svc=False, note="one chat message (rolled back)"),
]
