"""learning: hot queries. `sql` is what the app sends through PostgREST as the
signed-in user (filters left to RLS where the app relies on it); `svc_sql` is
the same rows for service_role, with the user filter spelled out."""

Query = globals()["Query"]  # injected by bench/scale.py


def personas(conn):
    rows = conn.execute("""
        with c as (select user_id, count(*) as n from learning.user_progress group by 1)
        select (select user_id from c order by n desc, user_id limit 1),
               (select user_id from c order by n, user_id limit 1 offset (select count(*) / 2 from c))
    """).fetchone()
    out = {}
    for name, uid in zip(("heavy", "typical"), rows):
        n = conn.execute("select count(*) from learning.user_progress where user_id = %s", (uid,)).fetchone()[0]
        # an enrolled published course with lessons left to start, and a published course not enrolled in
        found = conn.execute("""
            select e.course_id, l.id
            from learning.course_enrollments e
            join learning.courses c on c.id = e.course_id and c.is_published
            join learning.lessons l on l.course_id = e.course_id and l.is_published
            where e.user_id = %s
              and not exists (select 1 from learning.user_progress p where p.user_id = e.user_id and p.lesson_id = l.id)
            order by e.last_accessed desc nulls last, l.order_index
            limit 1""", (uid,)).fetchone()
        if found is None:  # every enrolled course done: any published lesson not started
            found = conn.execute("""
                select l.course_id, l.id from learning.lessons l
                join learning.courses c on c.id = l.course_id and c.is_published
                where l.is_published
                  and not exists (select 1 from learning.user_progress p where p.user_id = %s and p.lesson_id = l.id)
                order by c.created_at desc, l.order_index limit 1""", (uid,)).fetchone()
        course_id, lesson_id = found
        other = conn.execute("""
            select c.id from learning.courses c
            where c.is_published
              and not exists (select 1 from learning.course_enrollments e where e.user_id = %s and e.course_id = c.id)
            order by c.created_at desc limit 1""", (uid,)).fetchone()[0]
        out[name] = {"uid": str(uid), "label": f"({n} progress rows)", "course_id": course_id,
                     "lesson_id_new": lesson_id, "course_new": other}
    return out


QUERIES = [
    Query("my_enrollments", "per_user",
          """select e.course_id, c.title, e.progress_percentage, e.status, e.last_accessed
             from learning.course_enrollments e
             join learning.courses c on c.id = e.course_id
             order by e.last_accessed desc nulls last
             limit 20""",
          """select e.course_id, c.title, e.progress_percentage, e.status, e.last_accessed
             from learning.course_enrollments e
             join learning.courses c on c.id = e.course_id
             where e.user_id = %(uid)s
             order by e.last_accessed desc nulls last
             limit 20""",
          note="dashboard list of the user's courses (RLS only)"),
    Query("course_progress", "per_user",
          """select lesson_id, completed, time_spent, last_position
             from learning.user_progress
             where course_id = %(course_id)s""",
          """select lesson_id, completed, time_spent, last_position
             from learning.user_progress
             where course_id = %(course_id)s and user_id = %(uid)s""",
          note="the user's progress in one course"),
    Query("course_lessons", "per_user",
          """select id, title, order_index, duration
             from learning.lessons
             where course_id = %(course_id)s and is_published
             order by order_index""",
          """select l.id, l.title, l.order_index, l.duration
             from learning.lessons l
             where l.course_id = %(course_id)s and l.is_published
               and exists (select 1 from learning.courses c where c.id = l.course_id and c.is_published)
             order by l.order_index""",
          note="lesson list of a course (policy: exists published course)"),
    Query("course_catalog", "per_user",
          """select id, title, short_description, difficulty_level, tags
             from learning.courses
             where is_published
             order by created_at desc
             limit 20""",
          note="published catalogue (policy: is_published or created_by = me)"),
    Query("unread_notifications", "per_user",
          "select count(*) from learning.notifications where not is_read",
          "select count(*) from learning.notifications where not is_read and user_id = %(uid)s",
          note="badge counter (RLS only)"),
    Query("recent_notifications", "per_user",
          """select id, title, message, is_read, created_at
             from learning.notifications
             order by created_at desc
             limit 20""",
          """select id, title, message, is_read, created_at
             from learning.notifications
             where user_id = %(uid)s
             order by created_at desc
             limit 20"""),
    Query("recent_notifications_filtered", "per_user",
          """select id, title, message, is_read, created_at
             from learning.notifications
             where user_id = %(uid)s
             order by created_at desc
             limit 20""",
          note="same list with the user filter spelled out (supabase-js .eq('user_id', uid))"),
    Query("chat_history", "per_user",
          """select question, answer, context, created_at
             from learning.chat_history
             order by created_at desc
             limit 50""",
          """select question, answer, context, created_at
             from learning.chat_history
             where user_id = %(uid)s
             order by created_at desc
             limit 50"""),
    Query("chat_history_filtered", "per_user",
          """select question, answer, context, created_at
             from learning.chat_history
             where user_id = %(uid)s
             order by created_at desc
             limit 50""",
          note="same list with the user filter spelled out"),
    Query("my_achievements", "per_user",
          "select title, type, points, earned_at from learning.achievements order by earned_at desc",
          "select title, type, points, earned_at from learning.achievements where user_id = %(uid)s order by earned_at desc"),
    Query("my_streak", "per_user",
          "select current_streak, longest_streak, last_activity_date, streak_type from learning.user_streaks",
          "select current_streak, longest_streak, last_activity_date, streak_type from learning.user_streaks where user_id = %(uid)s"),
    Query("learning_analytics_30d", "dashboard",
          """select session_date, sum(session_duration) as seconds, sum(lessons_completed) as lessons,
                    sum(assessments_completed) as assessments, sum(total_score) as score
             from learning.learning_analytics
             where session_date >= current_date - 30
             group by session_date
             order by session_date""",
          """select session_date, sum(session_duration) as seconds, sum(lessons_completed) as lessons,
                    sum(assessments_completed) as assessments, sum(total_score) as score
             from learning.learning_analytics
             where session_date >= current_date - 30 and user_id = %(uid)s
             group by session_date
             order by session_date""",
          note="the user's learning dashboard, last 30 days"),
    Query("ai_usage_30d", "dashboard",
          """select date_trunc('day', created_at) as day, count(*), sum(tokens_used)
             from learning.ai_interactions
             where created_at >= now() - interval '30 days'
             group by 1 order by 1""",
          """select date_trunc('day', created_at) as day, count(*), sum(tokens_used)
             from learning.ai_interactions
             where created_at >= now() - interval '30 days' and user_id = %(uid)s
             group by 1 order by 1"""),
    Query("record_lesson_progress", "write",
          """insert into learning.user_progress (user_id, lesson_id, course_id, completed, time_spent)
             values (%(uid)s, %(lesson_id_new)s, %(course_id)s, true, 1800)""",
          note="seed example; triggers recompute the enrollment and the streak (rolled back)"),
    Query("enroll", "write",
          """insert into learning.course_enrollments (user_id, course_id)
             values (%(uid)s, %(course_new)s)""",
          note="seed example; trigger computes the starting progress (rolled back)"),
]
