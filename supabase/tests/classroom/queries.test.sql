-- classroom: the seed's four key queries run as written, return the right rows and use indexes
-- Runs alone: creates its own two-tenant fixture and rolls everything back.
begin;
select plan(21);

set local search_path = classroom, public, extensions;

-- Fixture: two tenants (a, b) with the same shape. Ids are md5('<tenant>:<name>')::uuid.
-- Per tenant: admin, teacher (owns lesson_pub and lesson_draft), teacher2 (owns
-- lesson_other), student (has progress, a session, an attempt) and student2.
-- (supabase/tests/001_classroom_fixtures.sql)
select tests.classroom_fixture();

-- The seed's four key queries, prepared exactly as the seed writes them
-- (search_path = classroom, public, extensions). They run as the signed-in
-- user the platform would use, so RLS adds the tenant filter.

-- noqa: disable=all
prepare student_dashboard(uuid) as
SELECT 
    l.title,
    l.thumbnail,
    sp.completion_percent,
    sp.average_score,
    sp.updated_at as last_activity
FROM student_progress sp
JOIN lessons l ON sp.lesson_id = l.id
WHERE sp.student_id = $1 
-- schema-tool: allow style-indent the seed's query as written (2-space continuation)
  AND sp.completion_percent > 0
ORDER BY sp.updated_at DESC;

-- The seed's query 2 has no GROUP BY, which no PostgreSQL accepts next to
-- COUNT(q.id) (42803). The only change made to it: the GROUP BY line.
prepare video_milestones(uuid) as
SELECT 
    m.id,
    m.timestamp,
    m.title,
    m.is_required,
    COUNT(q.id) as question_count
FROM milestones m
LEFT JOIN questions q ON m.id = q.milestone_id 
-- schema-tool: allow style-indent the seed's query as written (2-space continuation)
  AND q.status = 'APPROVED'
WHERE m.video_id = $1
GROUP BY m.id, m.timestamp, m.title, m.is_required
ORDER BY m.timestamp ASC;

prepare teacher_analytics(uuid) as
SELECT 
    l.title,
    COUNT(DISTINCT sp.student_id) as enrolled_students,
    AVG(sp.completion_percent) as avg_completion,
    AVG(sp.average_score) as avg_score,
    AVG(sp.total_time_spent) as avg_time_spent
FROM lessons l
LEFT JOIN student_progress sp ON l.id = sp.lesson_id
WHERE l.created_by_id = $1
GROUP BY l.id, l.title
ORDER BY enrolled_students DESC;

prepare ai_usage_cost as
SELECT 
    DATE_TRUNC('month', created_at) as month,
    request_type,
    COUNT(*) as total_requests,
    SUM(tokens_used) as total_tokens,
    SUM(cost) as total_cost,
    AVG(response_time) as avg_response_time
FROM ai_usage_logs
WHERE created_at >= CURRENT_DATE - INTERVAL '6 months'
GROUP BY month, request_type
ORDER BY month DESC, total_cost DESC;
-- noqa: enable=all

-- Second lesson with progress for the dashboard's ordering: lesson_other was
-- touched later than lesson_pub (timestamps set with triggers off).
set local session_replication_role = replica;
update classroom.student_progress
set completion_percent = 10,
    updated_at = now() + interval '1 hour'
where id = md5('a:progress_other')::uuid;
update classroom.student_progress
set updated_at = now() - interval '1 day'
where id = md5('a:progress')::uuid;
set local session_replication_role = origin;

-- Volume for the planner: two years of older AI usage in both tenants (outside
-- the 6 months window), then fresh statistics.
insert into classroom.ai_usage_logs (tenant_id, request_type, provider, model, tokens_used, cost, response_time, created_at)
select
    case when g % 2 = 0 then md5('a:tenant')::uuid else md5('b:tenant')::uuid end,
    'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 100, 0.001, 100,
    now() - interval '7 months' - g * interval '4 hours'
from generate_series(1, 4000) g;
-- More content in tenant a that the queries must skip: 50 more students, lessons
-- of teacher2 with those students' progress, milestones of another video,
-- questions of another milestone and the students' answers to them.
insert into classroom.users (id, tenant_id, email, first_name, role)
select tests.create_user('bulk' || g || '-a@cls.test'), md5('a:tenant')::uuid, 'bulk' || g || '-a@cls.test', 'Bulk ' || g, 'STUDENT'
from generate_series(1, 50) g;
insert into classroom.lessons (tenant_id, id, title, status, created_by_id)
select
    md5('a:tenant')::uuid, md5('a:bulk_lesson' || g)::uuid, 'Bulk lesson ' || g, 'PUBLISHED',
    tests.get_user_id('teacher2-a@cls.test')
from generate_series(1, 2000) g;
insert into classroom.student_progress (tenant_id, student_id, lesson_id, completion_percent)
select md5('a:tenant')::uuid, u.id, md5('a:bulk_lesson' || g)::uuid, 50
from generate_series(1, 2000) g
join classroom.users u on u.tenant_id = md5('a:tenant')::uuid and u.email = 'bulk' || (g % 50 + 1) || '-a@cls.test';
insert into classroom.milestones (tenant_id, video_id, title, "timestamp")
select md5('a:tenant')::uuid, md5('a:video_draft')::uuid, 'Bulk milestone ' || g, g * 0.25
from generate_series(1, 1000) g;
insert into classroom.questions (tenant_id, milestone_id, type, question_text, correct_answer, status)
select md5('a:tenant')::uuid, md5('a:m_draft')::uuid, 'TRUE_FALSE', 'Bulk question ' || g, '{"value": true}', 'APPROVED'
from generate_series(1, 2000) g;
-- (triggers off: attempt number and lesson_id set here)
set local session_replication_role = replica;
insert into classroom.question_attempts (tenant_id, student_id, question_id, lesson_id, attempt_number, answer, created_at)
select
    q.tenant_id,
    u.id,
    q.id,
    q.lesson_id,
    1,
    '{"value": true}',
    now() - interval '1 day'
from classroom.questions q
join classroom.users u on u.tenant_id = q.tenant_id and u.email = 'bulk' || (substr(q.question_text, 15)::int % 50 + 1) || '-a@cls.test'
where q.tenant_id = md5('a:tenant')::uuid and q.question_text like 'Bulk question %';
set local session_replication_role = origin;
analyze classroom.question_attempts;
analyze classroom.ai_usage_logs;
analyze classroom.student_progress;
analyze classroom.lessons;
analyze classroom.users;
analyze classroom.milestones;
analyze classroom.questions;

-- 1. Student dashboard ------------------------------------------------------
select tests.authenticate_as('student-a@cls.test');
select results_eq(
    format('execute student_dashboard(%L)', tests.get_user_id('student-a@cls.test')),
    $$ values ('Other teacher lesson a'::text, 'other.png'::text, 10.00::numeric, null::numeric, now() + interval '1 hour'),
              ('Photosynthesis a'::text, 'pub.png'::text, 40.00::numeric, 100.00::numeric, now() - interval '1 day') $$,
    'student dashboard: the student''s lessons with progress > 0, most recent activity first, with average score'
);
select is_empty(
    format('execute student_dashboard(%L)', tests.get_user_id('student-b@cls.test')),
    'student dashboard: a student of tenant a gets nothing for a student of tenant b'
);
set local enable_seqscan = off;
select matches(
    tests.plan_text(format('execute student_dashboard(%L)', tests.get_user_id('student-a@cls.test'))),
    'idx_student_progress_tenant_id_student_id_updated_at',
    'student dashboard uses idx_student_progress_tenant_id_student_id_updated_at'
);
reset enable_seqscan;
select tests.clear_authentication();

-- 2. Video milestone lookup --------------------------------------------------
select tests.authenticate_as('student-a@cls.test');
select results_eq(
    format('execute video_milestones(%L)', md5('a:video')::uuid),
    $$ values (md5('a:m1')::uuid, 30.000::numeric, 'Checkpoint 1'::text, true, 1::bigint),
              (md5('a:m2')::uuid, 120.500::numeric, 'Checkpoint 2'::text, false, 1::bigint) $$,
    'milestone lookup: milestones in time order with their number of APPROVED questions (pending ones not counted)'
);
select is_empty(
    format('execute video_milestones(%L)', md5('b:video')::uuid),
    'milestone lookup: nothing for a video of tenant b'
);
select is_empty(
    format('execute video_milestones(%L)', md5('a:video_draft')::uuid),
    'milestone lookup: a student gets nothing for a video of a draft lesson'
);
set local enable_seqscan = off;
select matches(
    tests.plan_text(format('execute video_milestones(%L)', md5('a:video')::uuid)),
    'idx_milestones_tenant_id_video_id_timestamp',
    'milestone lookup uses idx_milestones_tenant_id_video_id_timestamp'
);
select matches(
    tests.plan_text(format('execute video_milestones(%L)', md5('a:video')::uuid)),
    'idx_questions_tenant_id_milestone_id_lesson_id',
    'milestone lookup finds the questions through idx_questions_tenant_id_milestone_id_lesson_id'
);
reset enable_seqscan;
select tests.clear_authentication();

-- 3. Teacher analytics ---------------------------------------------------------
select tests.authenticate_as('teacher-a@cls.test');
select results_eq(
    format('execute teacher_analytics(%L)', tests.get_user_id('teacher-a@cls.test')),
    $$ values ('Photosynthesis a'::text, 1::bigint, 40::numeric, 100::numeric, 600::numeric),
              ('Draft lesson a'::text, 0::bigint, null::numeric, null::numeric, null::numeric) $$,
    'teacher analytics: per lesson of the teacher, enrolled students and averages, most enrolled first'
);
select is_empty(
    format('execute teacher_analytics(%L)', tests.get_user_id('teacher-b@cls.test')),
    'teacher analytics: a teacher of tenant a gets nothing for a teacher of tenant b'
);
set local enable_seqscan = off;
select matches(
    tests.plan_text(format('execute teacher_analytics(%L)', tests.get_user_id('teacher-a@cls.test'))),
    'idx_lessons_tenant_id_created_by_id',
    'teacher analytics uses idx_lessons_tenant_id_created_by_id'
);
select matches(
    tests.plan_text(format('execute teacher_analytics(%L)', tests.get_user_id('teacher-a@cls.test'))),
    'idx_student_progress_tenant_id_lesson_id',
    'teacher analytics joins progress through idx_student_progress_tenant_id_lesson_id'
);
reset enable_seqscan;
select tests.clear_authentication();

-- 4. AI usage cost --------------------------------------------------------------
-- (No parameter: the first execution caches a generic plan, so the plan check
-- comes first.)
select tests.authenticate_as('admin-a@cls.test');
set local enable_seqscan = off;
-- As written, the bound CURRENT_DATE - INTERVAL '6 months' is a timestamp
-- without time zone; timestamptz >= timestamp is not leakproof, so under RLS
-- PostgreSQL may not use it as an index condition: the scan is bounded by the
-- tenant (an index on tenant_id) and the months are filtered.
select matches(
    tests.plan_text('execute ai_usage_cost'),
    'Index Cond: \(tenant_id = ',
    'AI usage cost as written: reads only the caller''s tenant through a tenant_id index'
);
-- With a time-zone aware bound (now() - interval, leakproof timestamptz >=) the
-- same query ranges over the created_at indexes even under RLS.
select matches(
    tests.plan_text($q$
        SELECT DATE_TRUNC('month', created_at) as month, request_type, COUNT(*) as total_requests,
               SUM(tokens_used) as total_tokens, SUM(cost) as total_cost, AVG(response_time) as avg_response_time
        FROM ai_usage_logs
        WHERE created_at >= now() - INTERVAL '6 months'
        GROUP BY month, request_type
        ORDER BY month DESC, total_cost DESC $q$),
    'Index Cond: [^\n]*created_at >= \(now\(\)',
    'AI usage cost with a timestamptz bound: under RLS the months are an index condition (idx_ai_usage_logs_tenant_id_created_at or idx_ai_usage_logs_created_at)'
);
reset enable_seqscan;
select results_eq(
    'execute ai_usage_cost',
    $$ values (date_trunc('month', now()), 'QUESTION_GENERATION'::classroom.ai_request_type, 2::bigint, 4000::bigint, 0.04::numeric, 1000::numeric),
              (date_trunc('month', now()) - interval '1 month', 'ANSWER_GRADING'::classroom.ai_request_type, 1::bigint, 500::bigint, 0.002::numeric, 300::numeric) $$,
    'AI usage cost: the admin''s tenant only, last 6 months, per month and request type, newest month first'
);
select tests.clear_authentication();

-- Run by the service role (no RLS), the query as written is a platform-wide
-- report: its date range is an index condition on idx_ai_usage_logs_created_at.
select tests.authenticate_as_service_role();
set local enable_seqscan = off;
select matches(
    tests.plan_text('execute ai_usage_cost'),
    'Index Only Scan using idx_ai_usage_logs_created_at on ai_usage_logs\s+Index Cond: \(created_at >= ',
    'AI usage cost as the service role: the date range is an index condition on idx_ai_usage_logs_created_at'
);
reset enable_seqscan;
select tests.clear_authentication();

select tests.authenticate_as('student-a@cls.test');
select results_eq(
    'execute ai_usage_cost',
    $$ values (date_trunc('month', now()) - interval '1 month', 'ANSWER_GRADING'::classroom.ai_request_type, 1::bigint, 500::bigint, 0.002::numeric, 300::numeric) $$,
    'AI usage cost: a student only sees the requests they caused'
);
select tests.clear_authentication();

-- 5. Own rows or lessons I manage (RLS only) -----------------------------------
-- The app lists "my progress" / "my attempts" with no filter of its own: the
-- select policy's two arms (own rows; lesson_id = any(managed_lesson_id_array))
-- must both be index conditions, not a filter over the whole tenant.
select tests.authenticate_as('student-a@cls.test');
set local enable_seqscan = off;
select matches(
    tests.plan_text('select lesson_id, completion_percent from classroom.student_progress'),
    'Index Cond: \(\(tenant_id = [^\n]*student_id = ',
    'my progress under RLS only: the own-rows arm is an index condition on (tenant_id, student_id)'
);
select matches(
    tests.plan_text('select lesson_id, completion_percent from classroom.student_progress'),
    'Index Scan on idx_student_progress_tenant_id_lesson_id\s+Index Cond: \(\(tenant_id = [^\n]*lesson_id = ANY ',
    'my progress under RLS only: the managed-lessons arm is an index condition on idx_student_progress_tenant_id_lesson_id (BitmapOr)'
);
reset enable_seqscan;
-- (Here every attempt is in one of two lessons, so lesson_id = any(...) looks
-- unselective and the planner reads the tenant's attempts; at scale it is the
-- same BitmapOr as above, see BENCHMARKS.md P4. Here: the rows.)
select results_eq(
    'select question_id from classroom.question_attempts order by created_at desc limit 20',
    $$ values (md5('a:q_mc')::uuid) $$,
    'my recent attempts under RLS only: the student''s own attempt, none of the other students'' 2000'
);
select results_eq(
    'select lesson_id from classroom.student_progress order by 1',
    $$ select unnest(array[md5('a:lesson_pub')::uuid, md5('a:lesson_other')::uuid]) order by 1 $$,
    'my progress under RLS only: exactly the student''s own rows (none of the other students'' 2000)'
);
select tests.clear_authentication();

deallocate student_dashboard;
deallocate video_milestones;
deallocate teacher_analytics;
deallocate ai_usage_cost;

select * from finish();
rollback;
