-- classroom: select policies the planner serves from indexes (migrations
-- 20261123191500/191600). Plan checks on a small fixture: the admin
-- dashboards put tenant and window in an index condition and the covering
-- indexes hold every column the policy reads, and "my grades in this lesson" reads only
-- the student's rows of the lesson thanks to the dependency statistics.
-- Runs alone: creates its own fixture (rows inserted with triggers off, a
-- few thousand at most) and rolls everything back.
begin;
select plan(16);

set local search_path = classroom, public, extensions;

-- Fixture: tenants a and b, each with an admin, a teacher (owns lesson_big)
-- and a student. Content rows are not needed: events, AI usage logs and
-- grades are inserted with triggers (and so foreign keys) off.
do $fixture$
declare
    t text;
    v_tenant uuid;
begin
    foreach t in array array['a', 'b'] loop
        v_tenant := md5(t || ':tenant')::uuid;
        insert into classroom.tenants (id, name, slug) values (v_tenant, 'Tenant ' || upper(t), 'tenant-' || t);
        insert into classroom.users (id, tenant_id, email, first_name, role) values
            (tests.create_user('admin-' || t || '@cls.test'), v_tenant, 'admin-' || t || '@cls.test', 'Admin', 'ADMIN'),
            (tests.create_user('teacher-' || t || '@cls.test'), v_tenant, 'teacher-' || t || '@cls.test', 'Teacher', 'TEACHER'),
            (tests.create_user('student-' || t || '@cls.test'), v_tenant, 'student-' || t || '@cls.test', 'Student', 'STUDENT');
        insert into classroom.lessons (tenant_id, id, title, status, created_by_id) values
            (v_tenant, md5(t || ':lesson_big')::uuid, 'Big lesson ' || t, 'PUBLISHED', tests.get_user_id('teacher-' || t || '@cls.test'));
    end loop;
end
$fixture$;

set local session_replication_role = replica;
-- (Rows of the two tenants interleaved, as on a live server: the heap is not
-- in tenant order.)
-- Events: 2,000 per tenant over 40 days (a fifth of them in the last 7), the
-- student's every tenth one.
insert into classroom.analytics_events (tenant_id, user_id, lesson_id, event_type, event_name, created_at)
select
    md5(t || ':tenant')::uuid,
    case when g % 10 = 0 then tests.get_user_id('student-' || t || '@cls.test') else md5(t || ':someone' || g % 97)::uuid end,
    case when g % 3 = 0 then md5(t || ':lesson_big')::uuid end,
    (array['VIDEO_PLAYBACK', 'QUESTION_INTERACTION', 'NAVIGATION', 'PERFORMANCE', 'ERROR'])[g % 5 + 1]::classroom.analytics_event_type,
    'video.play',
    now() - (g % 40) * interval '1 day' - interval '1 hour'
from generate_series(1, 2000) g, unnest(array['a', 'b']) t;
-- AI usage: 1,000 per tenant over a year; the teacher's every fifth one.
insert into classroom.ai_usage_logs (tenant_id, user_id, request_type, provider, model, tokens_used, cost, response_time, created_at)
select
    md5(t || ':tenant')::uuid,
    case when g % 5 = 0 then tests.get_user_id('teacher-' || t || '@cls.test') end,
    'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 100, 0.001, 100,
    now() - (g % 365) * interval '1 day'
from generate_series(1, 1000) g, unnest(array['a', 'b']) t;
-- Grades as at scale, 50 tenants of 200 grades each: tenant a's lesson_big
-- holds 100 grades of 40 students (5 of them the student's), 100 more are
-- spread over 50 other lessons; 49 other tenants (only their grades exist).
insert into classroom.grades (tenant_id, student_id, question_id, lesson_id, score, attempts_used, max_attempts)
select
    md5('a:tenant')::uuid,
    case when g <= 5 then tests.get_user_id('student-a@cls.test') else md5('a:student' || g % 40)::uuid end,
    md5('a:question' || g)::uuid,
    md5('a:lesson_big')::uuid,
    50, 1, 3
from generate_series(1, 100) g
union all
select
    md5('a:tenant')::uuid, md5('a:student' || g % 40)::uuid, md5('a:q' || g)::uuid,
    md5('a:lesson' || g % 50)::uuid, 50, 1, 3
from generate_series(1, 100) g
union all
select
    md5('t' || k)::uuid, md5(k || ':student' || g % 40)::uuid, md5(k || ':q' || g)::uuid,
    md5(k || ':lesson' || g % 50)::uuid, 50, 1, 3
from generate_series(1, 49) k, generate_series(1, 200) g;
set local session_replication_role = origin;
-- Fresh statistics (ANALYZE as the tables' owner, postgres).
analyze classroom.grades;
analyze classroom.analytics_events;
analyze classroom.ai_usage_logs;

-- ----------------------------------------------- admin: events of the last week
-- (Heap access is taken away from the planner so that the check is about
-- the index: the tenant and the window must be an index condition under RLS.
-- Whether the planner makes it an index-only scan of the covering index is a
-- matter of costs and of the visibility map: this fixture is not vacuumed (a
-- test cannot vacuum in its transaction, and only a superuser could fake
-- pg_class.relallvisible), so that choice is not asserted here; the catalog
-- checks below prove the index covers every column the policy reads.)
select tests.authenticate_as('admin-a@cls.test');
set local enable_seqscan = off;
set local enable_bitmapscan = off;
select matches(
    tests.plan_text($$ select event_type, count(*) from classroom.analytics_events
                      where created_at >= now() - interval '7 days' group by 1 order by 2 desc $$),
    'Index Cond: \(\(tenant_id = [^\n]*created_at >= ',
    'tenant_events_7d as admin: tenant and window are an index condition under RLS'
);
select doesnt_match(
    tests.plan_text($$ select event_type, count(*) from classroom.analytics_events
                      where created_at >= now() - interval '7 days' group by 1 $$),
    'SubPlan',
    'analytics_events policy: no hashed subplan (managed lessons as an array)'
);
reset enable_seqscan;
reset enable_bitmapscan;
select results_eq(
    $$ select count(*)::int from classroom.analytics_events where created_at >= now() - interval '7 days' $$,
    $$ select count(*)::int from generate_series(1, 2000) g where g % 40 < 7 $$,
    'tenant_events_7d as admin: every event of the tenant in the window (350), none of tenant b'
);
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select results_eq(
    $$ select count(*)::int from classroom.analytics_events $$,
    $$ select count(*)::int from generate_series(1, 2000) g where g % 3 = 0 $$,
    'analytics_events as a teacher: the 666 events of the lesson they manage (array arm), nothing else'
);
select tests.clear_authentication();

select tests.authenticate_as('student-a@cls.test');
select results_eq(
    $$ select count(*)::int from classroom.analytics_events $$,
    $$ values (200) $$,
    'analytics_events as a student: only their own 200 events'
);
select tests.clear_authentication();

-- ------------------------------------------------ admin: AI usage cost report
-- The seed's query bounds the months with CURRENT_DATE - INTERVAL, a
-- timestamp without time zone: timestamptz >= timestamp is not leakproof, so
-- under RLS it cannot be an index condition and the admin's scan covers the
-- tenant (the covering index makes that scan index-only: checked on the
-- catalog below, the plan choice among the tenant indexes being a matter of
-- costs on a fixture this small). With a timestamptz bound the months are an
-- index condition too (index-only or not: see above).
select tests.authenticate_as('admin-a@cls.test');
set local enable_seqscan = off;
set local enable_bitmapscan = off;
select matches(
    tests.plan_text($$ select date_trunc('month', created_at) as month, request_type, count(*), sum(tokens_used),
                             sum(cost), avg(response_time)
                      from classroom.ai_usage_logs
                      where created_at >= now() - interval '1 month'
                      group by month, request_type order by month desc, 5 desc $$),
    'Index Cond: \(\(tenant_id = [^\n]*created_at >= ',
    'AI usage cost as admin (timestamptz bound, last month): tenant and months are an index condition under RLS'
);
reset enable_seqscan;
reset enable_bitmapscan;
select results_eq(
    $$ select count(*)::int from classroom.ai_usage_logs where created_at >= now() - interval '30 days' $$,
    $$ select count(*)::int from generate_series(1, 1000) g where g % 365 <= 30 $$,
    'ai_usage_logs as admin: every log of the tenant in the last 30 days (92), none of tenant b'
);
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select results_eq(
    $$ select count(*)::int from classroom.ai_usage_logs $$,
    $$ values (200) $$,
    'ai_usage_logs as the teacher (not admin): only the 200 requests they made'
);
select tests.clear_authentication();

-- Every column the select policies read is in the covering index (what
-- makes the admin's scans index-only whichever bound the query uses).
select is(
    array(select a.attname::text
          from pg_catalog.pg_policy p
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_policy'::regclass and d.objid = p.oid
          join pg_catalog.pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
          where p.polrelid = 'classroom.ai_usage_logs'::regclass and p.polcmd = 'r'
            and a.attname <> all(array(select b.attname from pg_catalog.pg_index i
                                        join pg_catalog.pg_attribute b on b.attrelid = i.indrelid and b.attnum = any(i.indkey)
                                        where i.indexrelid = 'classroom.idx_ai_usage_logs_tenant_id_created_at'::regclass))),
    '{}'::text[],
    'ai_usage_logs: idx_ai_usage_logs_tenant_id_created_at holds every column the select policy reads'
);
select is(
    array(select a.attname::text
          from pg_catalog.pg_policy p
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_policy'::regclass and d.objid = p.oid
          join pg_catalog.pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
          where p.polrelid = 'classroom.analytics_events'::regclass and p.polcmd = 'r'
            and a.attname <> all(array(select b.attname from pg_catalog.pg_index i
                                        join pg_catalog.pg_attribute b on b.attrelid = i.indrelid and b.attnum = any(i.indkey)
                                        where i.indexrelid = 'classroom.idx_analytics_events_tenant_id_created_at'::regclass))),
    '{}'::text[],
    'analytics_events: idx_analytics_events_tenant_id_created_at holds every column the select policy reads'
);
select ok(
    (select count(*) from pg_catalog.pg_policy p
     join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_policy'::regclass and d.objid = p.oid and d.refobjsubid > 0
     where p.polrelid = 'classroom.analytics_events'::regclass and p.polcmd = 'r') >= 3,
    'analytics_events: the catalog check above sees the policy''s columns (tenant_id, user_id, lesson_id)'
);

-- ------------------------------------------------ student: my grades in a lesson
select is(
    (select stxkind from pg_statistic_ext where stxname = 'grades_tenant_id_lesson_id_student_id_stats'),
    '{f}'::"char"[],
    'grades: functional-dependency statistics on (tenant_id, lesson_id, student_id)'
);
select tests.authenticate_as('student-a@cls.test');
select matches(
    tests.plan_text(format($$ select question_id, score from classroom.grades where lesson_id = %L $$, md5('a:lesson_big'))),
    'Index Cond: \(\(tenant_id = [^\n]*lesson_id = [^\n]*student_id = ',
    'my_grades_in_lesson: the own-rows arm is one index condition on tenant, lesson and student (not the whole lesson filtered)'
);
select results_eq(
    format($$ select count(*)::int from classroom.grades where lesson_id = %L $$, md5('a:lesson_big')),
    $$ values (5) $$,
    'my_grades_in_lesson: the student''s 5 grades of the lesson, none of the other 95'
);
select tests.clear_authentication();

-- Control: without the dependency statistics the same query reads the whole
-- lesson (tenant and lesson only in the index condition).
drop statistics classroom.grades_tenant_id_lesson_id_student_id_stats;
analyze classroom.grades;
select tests.authenticate_as('student-a@cls.test');
select doesnt_match(
    tests.plan_text(format($$ select question_id, score from classroom.grades where lesson_id = %L $$, md5('a:lesson_big'))),
    'Index Cond: \(\(tenant_id = [^\n]*lesson_id = [^\n]*student_id = ',
    'control: without the statistics the student''s rows are not an index condition (the statistics are what fixes the plan)'
);
select tests.clear_authentication();

-- The teacher who owns the lesson still reads all of it (managed-lessons arm).
select tests.authenticate_as('teacher-a@cls.test');
select results_eq(
    format($$ select count(*)::int from classroom.grades where lesson_id = %L $$, md5('a:lesson_big')),
    $$ values (100) $$,
    'grades: the lesson''s teacher reads all 100 grades of the lesson'
);
select tests.clear_authentication();

select * from finish();
rollback;
