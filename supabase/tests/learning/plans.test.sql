-- Plans of the per-user lists the app sends without a user filter (row level
-- security supplies user_id = (select auth.uid())), on enough rows that the
-- planner's choice is the one it makes at scale (BENCHMARKS.md, P2 and P3):
-- the newest-first lists read the (user_id, created_at desc) index in order
-- and stop at the limit (no sort of all the user's rows), and "my courses by
-- last access" uses (user_id, last_accessed desc nulls last) (read in order
-- for a user with many enrollments at scale; here, a few dozen rows, as a
-- bitmap scan + sort of the user's rows, which is as cheap).
begin;
select plan(8);

select from tests.create_user('plans.heavy@example.com');
select from tests.create_user('plans.other@example.com');

-- Bulk rows as the owner without triggers (no foreign key checks either: most
-- rows belong to 2,000 made-up users, as at scale where each user owns a few).
set local session_replication_role = replica;
insert into learning.courses (id, title, is_published)
select ('00000000-0000-4000-c000-' || lpad(g::text, 12, '0'))::uuid, 'Plans course ' || g, true
from generate_series(1, 40) as g;
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

select tests.clear_authentication();
select * from finish();
rollback;
