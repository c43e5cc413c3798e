"""classroom: the seed's four key queries and the per-role hot paths.
Personas: heavy / typical student (by attempts), a teacher and an admin of the
largest tenant."""

Query = globals()["Query"]  # injected by bench/scale.py


def personas(conn):
    heavy, typical = conn.execute("""
        with c as (select tenant_id, student_id, count(*) as n from classroom.question_attempts group by 1, 2)
        select (select student_id from c order by n desc, student_id limit 1),
               (select student_id from c order by n, student_id limit 1 offset (select count(*) / 2 from c))
    """).fetchone()
    out = {}
    for name, uid in (("heavy", heavy), ("typical", typical)):
        tenant, n = conn.execute("""select tenant_id, count(*) from classroom.question_attempts
                                    where student_id = %s group by 1""", (uid,)).fetchone()
        question, lesson = conn.execute("""
            select question_id, lesson_id from classroom.question_attempts where student_id = %s
            order by created_at desc limit 1""", (uid,)).fetchone()
        video = conn.execute("""select v.id from classroom.videos v where v.tenant_id = %s and v.lesson_id = %s
                                order by v.position limit 1""", (tenant, lesson)).fetchone()[0]
        # an open question with attempts left (fewest used first)
        new_q = (conn.execute("""
            select q.id from classroom.questions q
            join classroom.lessons l on l.tenant_id = q.tenant_id and l.id = q.lesson_id and l.status = 'PUBLISHED'
            left join classroom.question_attempts a
              on a.tenant_id = q.tenant_id and a.student_id = %s and a.question_id = q.id
            where q.tenant_id = %s and q.status = 'APPROVED'
            group by q.id, q.retry_limit
            having count(a.id) < q.retry_limit
            order by count(a.id), q.id
            limit 1""", (uid, tenant)).fetchone() or (None,))[0]
        out[name] = {"uid": str(uid), "label": f"({n} attempts)", "tenant_id": tenant, "question_id": question,
                     "lesson_id": lesson, "video_id": video, "new_question_id": new_q}
    # staff personas: of the largest tenant that has both a teacher and an admin
    tenant = conn.execute("""
        select tenant_id from classroom.users group by tenant_id
        having count(*) filter (where role = 'TEACHER') > 0 and count(*) filter (where role = 'ADMIN') > 0
        order by count(*) desc limit 1""").fetchone()[0]
    teacher, tl = conn.execute("""
        select l.created_by_id, count(*) from classroom.lessons l
        join classroom.users u on u.id = l.created_by_id and u.role = 'TEACHER'
        where l.tenant_id = %s group by 1 order by 2 desc limit 1""", (tenant,)).fetchone()
    t_lesson = conn.execute("""
        select g.lesson_id from classroom.grades g join classroom.lessons l
          on l.tenant_id = g.tenant_id and l.id = g.lesson_id
        where l.created_by_id = %s group by 1 order by count(*) desc limit 1""", (teacher,)).fetchone()[0]
    out["teacher"] = {"uid": str(teacher), "label": f"({tl} lessons)", "tenant_id": tenant, "lesson_id": t_lesson}
    admin = conn.execute("""select id from classroom.users where tenant_id = %s and role = 'ADMIN'
                            order by id limit 1""", (tenant,)).fetchone()[0]
    members = conn.execute("select count(*) from classroom.users where tenant_id = %s", (tenant,)).fetchone()[0]
    out["admin"] = {"uid": str(admin), "label": f"(tenant of {members} members)", "tenant_id": tenant}
    return out


STUDENTS = ("heavy", "typical")

QUERIES = [
    Query("seed_student_dashboard", "per_user",
          """select l.title, l.thumbnail, sp.completion_percent, sp.average_score, sp.updated_at as last_activity
             from classroom.student_progress sp
             join classroom.lessons l on sp.lesson_id = l.id
             where sp.student_id = %(uid)s
               and sp.completion_percent > 0
             order by sp.updated_at desc""",
          personas=STUDENTS, note="seed query 1, verbatim"),
    Query("seed_video_milestones", "per_user",
          """select m.id, m.timestamp, m.title, m.is_required, count(q.id) as question_count
             from classroom.milestones m
             left join classroom.questions q on m.id = q.milestone_id and q.status = 'APPROVED'
             where m.video_id = %(video_id)s
             group by m.id, m.timestamp, m.title, m.is_required
             order by m.timestamp asc""",
          personas=STUDENTS, note="seed query 2, verbatim (group by added for the non-aggregated columns)"),
    Query("seed_teacher_analytics", "dashboard",
          """select l.title,
                    count(distinct sp.student_id) as enrolled_students,
                    avg(sp.completion_percent) as avg_completion,
                    avg(sp.average_score) as avg_score,
                    avg(sp.total_time_spent) as avg_time_spent
             from classroom.lessons l
             left join classroom.student_progress sp on l.id = sp.lesson_id
             where l.created_by_id = %(uid)s
             group by l.id, l.title
             order by enrolled_students desc""",
          personas=("teacher",), note="seed query 3, verbatim"),
    Query("seed_ai_usage_monthly", "dashboard",
          """select date_trunc('month', created_at) as month,
                    request_type,
                    count(*) as total_requests,
                    sum(tokens_used) as total_tokens,
                    sum(cost) as total_cost,
                    avg(response_time) as avg_response_time
             from classroom.ai_usage_logs
             where created_at >= current_date - interval '6 months'
             group by month, request_type
             order by month desc, total_cost desc""",
          """select date_trunc('month', created_at) as month,
                    request_type,
                    count(*) as total_requests,
                    sum(tokens_used) as total_tokens,
                    sum(cost) as total_cost,
                    avg(response_time) as avg_response_time
             from classroom.ai_usage_logs
             where created_at >= current_date - interval '6 months' and tenant_id = %(tenant_id)s
             group by month, request_type
             order by month desc, total_cost desc""",
          personas=("admin",), note="seed query 4, as the tenant's admin (RLS scopes it to the tenant)"),
    Query("lesson_questions", "per_user",
          """select id, type, question_text, question_data, points, retry_limit
             from classroom.questions
             where lesson_id = %(lesson_id)s and status = 'APPROVED'
             order by position""",
          personas=STUDENTS),
    Query("my_grades_in_lesson", "per_user",
          """select question_id, score, attempts_used, max_attempts, is_passed
             from classroom.grades
             where lesson_id = %(lesson_id)s""",
          """select question_id, score, attempts_used, max_attempts, is_passed
             from classroom.grades
             where lesson_id = %(lesson_id)s and student_id = %(uid)s and tenant_id = %(tenant_id)s""",
          personas=STUDENTS, note="RLS: own rows or lessons I manage"),
    Query("my_attempts_on_question", "per_user",
          """select attempt_number, answer, score, is_correct, created_at
             from classroom.question_attempts
             where question_id = %(question_id)s
             order by attempt_number""",
          """select attempt_number, answer, score, is_correct, created_at
             from classroom.question_attempts
             where question_id = %(question_id)s and student_id = %(uid)s and tenant_id = %(tenant_id)s
             order by attempt_number""",
          personas=STUDENTS),
    Query("my_recent_attempts", "per_user",
          """select question_id, attempt_number, score, created_at
             from classroom.question_attempts
             order by created_at desc
             limit 20""",
          """select question_id, attempt_number, score, created_at
             from classroom.question_attempts
             where student_id = %(uid)s and tenant_id = %(tenant_id)s
             order by created_at desc
             limit 20""",
          personas=STUDENTS, note="RLS only"),
    Query("resume_session", "per_user",
          """select id, device_id, lesson_id, last_video_id, last_position
             from classroom.student_sessions
             where student_id = %(uid)s and ended_at is null
             order by last_heartbeat_at desc
             limit 5""",
          personas=STUDENTS),
    Query("review_queue", "per_user",
          """select id, lesson_id, question_text, created_at
             from classroom.questions
             where status = 'PENDING'
             order by created_at
             limit 50""",
          """select id, lesson_id, question_text, created_at
             from classroom.questions
             where status = 'PENDING' and tenant_id = %(tenant_id)s
             order by created_at
             limit 50""",
          personas=("teacher",)),
    Query("lesson_gradebook", "dashboard",
          """select student_id, count(*) as graded, avg(score) as avg_score,
                    count(*) filter (where is_passed) as passed
             from classroom.grades
             where lesson_id = %(lesson_id)s
             group by student_id
             order by avg_score desc""",
          """select student_id, count(*) as graded, avg(score) as avg_score,
                    count(*) filter (where is_passed) as passed
             from classroom.grades
             where lesson_id = %(lesson_id)s and tenant_id = %(tenant_id)s
             group by student_id
             order by avg_score desc""",
          personas=("teacher",), note="teacher's gradebook of one lesson"),
    Query("tenant_events_7d", "dashboard",
          """select event_type, count(*)
             from classroom.analytics_events
             where created_at >= now() - interval '7 days'
             group by 1 order by 2 desc""",
          """select event_type, count(*)
             from classroom.analytics_events
             where created_at >= now() - interval '7 days' and tenant_id = %(tenant_id)s
             group by 1 order by 2 desc""",
          personas=("admin",)),
    Query("submit_attempt", "write",
          """insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
             values (%(tenant_id)s, %(uid)s, %(new_question_id)s, '{"index": 1}')""",
          personas=STUDENTS, svc=False,
          note="grading, grade and progress triggers (rolled back); service_role would skip the caller checks"),
]
