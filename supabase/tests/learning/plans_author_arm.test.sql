-- A platform with few, large courses must not cost a learner their user_id
-- index (20261123191700).
-- course_enrollments stays owner-only (authors read the roster through
-- learning.course_learners), so "my courses by last access" is the single
-- user_id condition: never a BitmapOr with a course_id arm, and with bitmap
-- scans off (the plan the planner picks at scale) an ordered Index Scan on
-- idx_course_enrollments_user_id_last_accessed that stops at the limit.
-- user_feedback keeps its author arm: the array of authored course ids is
-- unknown at plan time and, priced from n_distinct(course_id) alone, 5 courses
-- would make it ~90% of the table and the learner's own feedback a sequential
-- scan of every row. The n_distinct = -0.01 setting on course_id keeps it a
-- BitmapOr.
begin;
select plan(7);

select from tests.create_user('skew.learner@example.com');

set local session_replication_role = replica;
insert into learning.courses (id, title, is_published)
select ('00000000-0000-4000-c500-' || lpad(g::text, 12, '0'))::uuid, 'Popular course ' || g, true
from generate_series(1, 5) as g;
insert into learning.course_enrollments (user_id, course_id, last_accessed)
select md5('skew-user-' || u)::uuid, ('00000000-0000-4000-c500-' || lpad(c::text, 12, '0'))::uuid, now() - (u + c) * interval '1 minute'
from generate_series(1, 4000) as u, generate_series(1, 5) as c;
insert into learning.course_enrollments (user_id, course_id, last_accessed)
select tests.get_user_id('skew.learner@example.com'), ('00000000-0000-4000-c500-' || lpad(c::text, 12, '0'))::uuid, now() - c * interval '1 hour'
from generate_series(1, 3) as c;
insert into learning.user_feedback (user_id, course_id, rating)
select md5('skew-user-' || u)::uuid, ('00000000-0000-4000-c500-' || lpad(c::text, 12, '0'))::uuid, 1 + u % 5
from generate_series(1, 4000) as u, generate_series(1, 5) as c;
insert into learning.user_feedback (user_id, course_id, rating)
select tests.get_user_id('skew.learner@example.com'), ('00000000-0000-4000-c500-' || lpad(c::text, 12, '0'))::uuid, 5
from generate_series(1, 3) as c;
set local session_replication_role = origin;
analyze learning.course_enrollments;
analyze learning.user_feedback;
analyze learning.courses;

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

select tests.authenticate_as('skew.learner@example.com');
select ok(
    not exists (select 1 from pg_temp.plan_of('select course_id, status from learning.course_enrollments order by last_accessed desc nulls last limit 20') as l (line)
                where l.line ~ 'Seq Scan on course_enrollments|BitmapOr|idx_course_enrollments_course_id'),
    'my courses on a platform of 5 courses and 20,000 enrollments: no sequential scan, no BitmapOr, no course_id index');
set local enable_bitmapscan = off;
select ok(
    exists (select 1 from pg_temp.plan_of('select course_id, status from learning.course_enrollments order by last_accessed desc nulls last limit 20') as l (line)
            where l.line ~ '^\s*->  Index Scan using idx_course_enrollments_user_id_last_accessed on course_enrollments'),
    'my courses: an ordered Index Scan on idx_course_enrollments_user_id_last_accessed');
select ok(
    not exists (select 1 from pg_temp.plan_of('select course_id, status from learning.course_enrollments order by last_accessed desc nulls last limit 20') as l (line)
                where l.line ~ 'Sort|Seq Scan'),
    'my courses: no Sort of the learner''s rows (the index order is the list order)');
set local enable_bitmapscan = on;
select results_eq(
    $$select course_id from learning.course_enrollments order by last_accessed desc nulls last limit 20$$,
    $$select ('00000000-0000-4000-c500-' || lpad(c::text, 12, '0'))::uuid from generate_series(1, 3) as c order by c$$,
    'my courses: exactly the learner''s 3 enrollments, most recently accessed first');

select ok(
    not exists (select 1 from pg_temp.plan_of('select course_id, rating from learning.user_feedback order by created_at desc limit 20') as l (line)
                where l.line ~ 'Seq Scan on user_feedback'),
    'my feedback on a platform of 5 courses and 20,000 feedback rows: no sequential scan of the feedback');
select ok(
    exists (select 1 from pg_temp.plan_of('select course_id, rating from learning.user_feedback order by created_at desc limit 20') as l (line)
            where l.line ~ 'BitmapOr'),
    'my feedback: own rows and authored courses are two index arms of a BitmapOr');
select is((select count(*)::int from learning.user_feedback), 3, 'my feedback: exactly the learner''s 3 rows');

select tests.clear_authentication();
select * from finish();
rollback;
