-- Plans of the per-user lists the app sends without a user filter (row level
-- security supplies user_id = (select auth.uid())), on enough rows that the
-- planner's choice is the one it makes at scale (BENCHMARKS.md, P2 and P3):
-- the newest-first lists read the (user_id, created_at desc) index in order
-- and stop at the limit (no sort of all the user's rows), and "my courses by
-- last access" uses (user_id, last_accessed desc nulls last) (read in order
-- for a user with many enrollments at scale; here, a few dozen rows, as a
-- bitmap scan + sort of the user's rows, which is as cheap).
-- Since 20261123191700 the progress and feedback select policies are "own
-- rows OR rows of courses I author" with the authored ids as an array: the
-- learner's lists still start from their user_id index (one arm of a
-- BitmapOr, never a scan of the table or a hashed subplan per row), and the
-- author's per-course lists use the lesson_id index. course_enrollments stays
-- owner-only (authors read the roster through learning.course_learners): an
-- author arm there turned "my courses by last access" at scale from an
-- ordered index scan into a BitmapOr + sort (x4.9 over RLS bypassed). Here
-- the planner prices the bitmap scan + sort of the few rows and the ordered
-- index scan about the same, so the ordered scan is checked with bitmap scans
-- disabled: it exists only while the policy is the single user_id condition.
begin;
select plan(16);

select from tests.create_user('plans.heavy@example.com');
select from tests.create_user('plans.other@example.com');
select from tests.create_user('plans.author@example.com');

-- Bulk rows as the owner without triggers (no foreign key checks either: most
-- rows belong to 2,000 made-up users, as at scale where each user owns a few).
set local session_replication_role = replica;
insert into learning.courses (id, title, is_published, created_by)
select ('00000000-0000-4000-c000-' || lpad(g::text, 12, '0'))::uuid, 'Plans course ' || g, true,
        case when g <= 2 then tests.get_user_id('plans.author@example.com') end
from generate_series(1, 40) as g;
insert into learning.lessons (id, course_id, title, order_index, is_published)
select ('00000000-0000-4000-c100-' || lpad((c * 100 + l)::text, 12, '0'))::uuid,
        ('00000000-0000-4000-c000-' || lpad(c::text, 12, '0'))::uuid, 'Lesson ' || l, l, true
from generate_series(1, 40) as c, generate_series(1, 5) as l;
-- 8,000 progress rows of 2,000 learners (2 lessons in courses 1 and 3 each)
-- and the heavy user's 200; 4,000 feedback rows and the heavy user's 40.
insert into learning.user_progress (user_id, lesson_id, course_id)
select md5('plans-user-' || u)::uuid, ('00000000-0000-4000-c100-' || lpad((c * 100 + l)::text, 12, '0'))::uuid,
        ('00000000-0000-4000-c000-' || lpad(c::text, 12, '0'))::uuid
from generate_series(1, 2000) as u, generate_series(1, 3, 2) as c, generate_series(1, 2) as l;
insert into learning.user_progress (user_id, lesson_id, course_id)
select tests.get_user_id('plans.heavy@example.com'), ('00000000-0000-4000-c100-' || lpad((c * 100 + l)::text, 12, '0'))::uuid,
        ('00000000-0000-4000-c000-' || lpad(c::text, 12, '0'))::uuid
from generate_series(1, 40) as c, generate_series(1, 5) as l;
insert into learning.user_feedback (user_id, course_id, rating)
select md5('plans-user-' || u)::uuid, ('00000000-0000-4000-c000-' || lpad((u % 40 + 1)::text, 12, '0'))::uuid, 1 + u % 5
from generate_series(1, 4000) as u;
insert into learning.user_feedback (user_id, course_id, rating)
select tests.get_user_id('plans.heavy@example.com'), ('00000000-0000-4000-c000-' || lpad(c::text, 12, '0'))::uuid, 4
from generate_series(1, 40) as c;
insert into learning.notifications (user_id, title, message, created_at)
select md5('plans-user-' || (g % 2000))::uuid, 'n' || g, 'm', now() - g * interval '1 minute'
from generate_series(1, 20000) as g;
insert into learning.notifications (user_id, title, message, created_at)
select tests.get_user_id('plans.heavy@example.com'), 'mine ' || g, 'm', now() - g * interval '1 minute'
from generate_series(1, 2000) as g;
insert into learning.chat_history (user_id, question, created_at)
select md5('plans-user-' || (g % 2000))::uuid, 'q' || g, now() - g * interval '1 minute'
from generate_series(1, 20000) as g;
insert into learning.chat_history (user_id, question, created_at)
select tests.get_user_id('plans.heavy@example.com'), 'mine ' || g, now() - g * interval '1 minute'
from generate_series(1, 2000) as g;
insert into learning.course_enrollments (user_id, course_id, last_accessed)
select md5('plans-user-' || u)::uuid, ('00000000-0000-4000-c000-' || lpad(c::text, 12, '0'))::uuid,
        case when c % 3 <> 0 then now() - (u + c) * interval '1 hour' end
from generate_series(1, 2000) as u, generate_series(1, 10) as c;
insert into learning.course_enrollments (user_id, course_id, last_accessed)
select tests.get_user_id('plans.heavy@example.com'), ('00000000-0000-4000-c000-' || lpad(c::text, 12, '0'))::uuid,
        case when c % 4 <> 0 then now() - c * interval '1 hour' end
from generate_series(1, 40) as c;
set local session_replication_role = origin;
analyze learning.notifications;
analyze learning.chat_history;
analyze learning.course_enrollments;
analyze learning.courses;
analyze learning.lessons;
analyze learning.user_progress;
analyze learning.user_feedback;

-- EXPLAIN lines of a query, run as the current (authenticated) role.
create function pg_temp.plan_of(p_query text) returns setof text
language plpgsql
as $$
declare
    r record;
begin
    for r in execute 'explain ' || p_query loop
        return next r."QUERY PLAN";
    end loop;
end
$$;

select tests.authenticate_as('plans.heavy@example.com');

select ok(
    exists (select 1 from pg_temp.plan_of('select id, title, created_at from learning.notifications order by created_at desc limit 20') as l (line)
            where l.line ~ 'Index Scan using idx_notifications_user_id_created_at'),
    'latest notifications (filter left to RLS) read idx_notifications_user_id_created_at in order');
select ok(
    not exists (select 1 from pg_temp.plan_of('select id, title, created_at from learning.notifications order by created_at desc limit 20') as l (line)
                where l.line ~ 'Sort'),
    'latest notifications (filter left to RLS) need no sort of the user''s rows');
select ok(
    exists (select 1 from pg_temp.plan_of('select question, answer, created_at from learning.chat_history order by created_at desc limit 50') as l (line)
            where l.line ~ 'Index Scan using idx_chat_history_user_id_created_at'),
    'latest chat messages (filter left to RLS) read idx_chat_history_user_id_created_at in order');
select ok(
    not exists (select 1 from pg_temp.plan_of('select question, answer, created_at from learning.chat_history order by created_at desc limit 50') as l (line)
                where l.line ~ 'Sort'),
    'latest chat messages (filter left to RLS) need no sort of the user''s rows');
select ok(
    exists (select 1 from pg_temp.plan_of(
                'select e.course_id, c.title, e.status, e.last_accessed from learning.course_enrollments as e
                 inner join learning.courses as c on c.id = e.course_id
                 order by e.last_accessed desc nulls last limit 20') as l (line)
            where l.line ~ 'Index Scan (using|on) idx_course_enrollments_user_id_last_accessed'),
    'my courses by last access (filter left to RLS) use idx_course_enrollments_user_id_last_accessed');

select ok(
    not exists (select 1 from pg_temp.plan_of(
                    'select e.course_id, e.status, e.last_accessed from learning.course_enrollments as e
                     order by e.last_accessed desc nulls last limit 20') as l (line)
                where l.line ~ 'BitmapOr|idx_course_enrollments_course_id|Seq Scan on course_enrollments|SubPlan'),
    'my courses: the owner-only policy is one user_id index condition (no BitmapOr, no course_id index, no table scan, no per-row subplan)');
set local enable_bitmapscan = off;
select ok(
    exists (select 1 from pg_temp.plan_of(
                'select e.course_id, e.status, e.last_accessed from learning.course_enrollments as e
                 order by e.last_accessed desc nulls last limit 20') as l (line)
            where l.line ~ '^\s*->  Index Scan using idx_course_enrollments_user_id_last_accessed on course_enrollments')
    and not exists (select 1 from pg_temp.plan_of(
                        'select e.course_id, e.status, e.last_accessed from learning.course_enrollments as e
                         order by e.last_accessed desc nulls last limit 20') as l (line)
                    where l.line ~ 'BitmapOr|Sort|Seq Scan'),
    'my courses by last access (filter left to RLS) can be an ordered Index Scan on idx_course_enrollments_user_id_last_accessed that stops at the limit: no BitmapOr, no Sort (the plan at scale)');
set local enable_bitmapscan = on;
select ok(
    exists (select 1 from pg_temp.plan_of($$select lesson_id, completed from learning.user_progress where course_id = '00000000-0000-4000-c000-000000000003'$$) as l (line)
            where l.line ~ 'Index Scan on idx_user_progress_user_id_course_id')
    and not exists (select 1 from pg_temp.plan_of($$select lesson_id, completed from learning.user_progress where course_id = '00000000-0000-4000-c000-000000000003'$$) as l (line)
                    where l.line ~ 'Seq Scan on user_progress|SubPlan'),
    'my progress in a course (filter left to RLS) starts from idx_user_progress_user_id_course_id, no table scan');
select ok(
    exists (select 1 from pg_temp.plan_of('select rating, created_at from learning.user_feedback order by created_at desc limit 20') as l (line)
            where l.line ~ 'Index Scan (using|on) idx_user_feedback_user_id')
    and not exists (select 1 from pg_temp.plan_of('select rating, created_at from learning.user_feedback order by created_at desc limit 20') as l (line)
                    where l.line ~ 'Seq Scan on user_feedback|SubPlan'),
    'my feedback (filter left to RLS) starts from idx_user_feedback_user_id, no table scan');

-- the results are still the signed-in user's rows, newest first
select results_eq(
    $$select title from learning.notifications order by created_at desc limit 3$$,
    array['mine 1', 'mine 2', 'mine 3'],
    'the notifications list returns the user''s newest rows');
select results_eq(
    $$select question from learning.chat_history order by created_at desc limit 2$$,
    array['mine 1', 'mine 2'],
    'the chat list returns the user''s newest rows');
select results_eq(
    $$select c.title from learning.course_enrollments as e inner join learning.courses as c on c.id = e.course_id
      order by e.last_accessed desc nulls last limit 30$$,
    $$select 'Plans course ' || c from generate_series(1, 40) as c where c % 4 <> 0 order by c$$,
    'my courses come most recently accessed first, never-accessed ones after them');

select is((select count(*)::int from learning.user_progress where course_id = '00000000-0000-4000-c000-000000000003'), 5,
    'the learner''s progress list holds only their own rows');

-- The roster query of learning_private.course_learners, run as its definer
-- (the table owner, no RLS), reads the course's enrollments by course_id. The
-- fixture is small, so a sequential scan can cost the same; with it off the
-- plan shows whether the index serves the predicate. Only the enrollments
-- side is planned: joined to the few profiles, the planner may as well drive
-- from profiles through the (user_id, course_id) key (under pg_prove all files
-- share one database and its statistics drift between runs).
select tests.clear_authentication();
set local enable_seqscan = off;
select ok(
    exists (select 1 from pg_temp.plan_of($$select e.user_id, e.status, e.progress_percentage, e.enrollment_date, e.last_accessed, e.completed_at
                                             from learning.course_enrollments as e
                                             where e.course_id = '00000000-0000-4000-c000-000000000002' order by e.enrollment_date, e.user_id$$) as l (line)
            where l.line ~ 'Index Scan (using|on) idx_course_enrollments_course_id'),
    'course_learners: the roster of a course reads idx_course_enrollments_course_id');
reset enable_seqscan;

-- The author of courses 1 and 2 reads their learners' progress and feedback through the lesson_id / course_id indexes.
select tests.authenticate_as('plans.author@example.com');
select ok(
    exists (select 1 from pg_temp.plan_of('select count(*) from learning.user_progress') as l (line)
            where l.line ~ 'Index Scan on idx_user_progress_lesson_id_course_id')
    and not exists (select 1 from pg_temp.plan_of('select count(*) from learning.user_progress') as l (line)
                    where l.line ~ 'Seq Scan on user_progress|SubPlan'),
    'the author''s progress overview uses idx_user_progress_lesson_id_course_id, no table scan');
select results_eq(
    $$select (select count(*)::int from learning.course_enrollments), (select count(*)::int from learning.user_progress), (select count(*)::int from learning.user_feedback)$$,
    $$values (0, 4010, 202)$$,
    'the author reads exactly the progress and feedback of courses 1 and 2, and no learner''s enrollment from the table');

select tests.clear_authentication();
select * from finish();
rollback;
