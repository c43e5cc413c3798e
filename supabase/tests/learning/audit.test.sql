-- learning.audit_log (20261123191700): every audited operation writes exactly
-- one entry with the right actor (auth.uid() and the JWT role), table, row,
-- operation and data (whole row on insert/delete, changed columns on update,
-- never description, submitted_code, execution_result or updated_at);
-- operations that are not audited write nothing; nobody can insert, update,
-- delete or truncate entries through the API; the actor reads their own
-- entries, service_role all, anon nothing; deleting a user anonymises their
-- entries.
begin;
select plan(50);

select from tests.create_user('audit.author@example.com');
select from tests.create_user('audit.learner@example.com');
select from tests.create_user('audit.other@example.com');

-- Ids of rows users create without choosing the id (column privileges).
create temp table ids (
    name text primary key,
    id uuid not null
);
grant select on ids to public;

-- The entries about one row, oldest first (read as postgres, the table owner).
create function pg_temp.trail(p_table text, p_row uuid)
returns table (operation text, actor_id uuid, actor_role text, old_data jsonb, new_data jsonb)
language sql
as $$
    select a.operation, a.actor_id, a.actor_role, a.old_data, a.new_data
    from learning.audit_log as a
    where a.table_name = p_table and a.row_id = p_row
    order by a.id
$$;

-- Courses: creation, publish/unpublish, change of author, deletion --------------------
select tests.authenticate_as('audit.author@example.com');
insert into learning.courses (id, title, description, is_published)
values ('00000000-0000-4000-ad00-00000000c001', 'Audited course', 'Long course description', false);
insert into learning.lessons (id, course_id, title, order_index, is_published)
values ('00000000-0000-4000-ad00-00000000a001', '00000000-0000-4000-ad00-00000000c001', 'Only lesson', 1, true);
insert into learning.assessments (id, title, course_id, is_published)
values ('00000000-0000-4000-ad00-00000000d001', 'Audited quiz', '00000000-0000-4000-ad00-00000000c001', true);
select tests.clear_authentication();
select results_eq(
    $$select operation, actor_id, actor_role, old_data is null, new_data ->> 'title', new_data ->> 'created_by' from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001')$$,
    $$values ('INSERT', tests.get_user_id('audit.author@example.com'), 'authenticated', true, 'Audited course', tests.get_user_id('audit.author@example.com')::text)$$,
    'course creation writes one INSERT entry: the author as actor, role authenticated, the new row');
select ok(
    (select not (new_data ? 'description') and not (new_data ? 'updated_at') from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001')),
    'the course snapshot leaves out description and updated_at');

select tests.authenticate_as('audit.author@example.com');
update learning.courses set title = 'Audited course, renamed' where id = '00000000-0000-4000-ad00-00000000c001';
select tests.clear_authentication();
select is((select count(*)::int from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001')), 1,
    'renaming a course is not audited (still one entry)');

select tests.authenticate_as('audit.author@example.com');
update learning.courses set is_published = true where id = '00000000-0000-4000-ad00-00000000c001';
select tests.clear_authentication();
select results_eq(
    $$select operation, actor_id, old_data, new_data from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001') offset 1$$,
    $$values ('UPDATE', tests.get_user_id('audit.author@example.com'), '{"is_published": false}'::jsonb, '{"is_published": true}'::jsonb)$$,
    'publishing writes one UPDATE entry with only the changed column, old and new');

select tests.authenticate_as('audit.author@example.com');
update learning.courses set is_published = false, title = 'Withdrawn' where id = '00000000-0000-4000-ad00-00000000c001';
update learning.courses set is_published = true where id = '00000000-0000-4000-ad00-00000000c001';
select tests.clear_authentication();
select results_eq(
    $$select old_data, new_data from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001') offset 2$$,
    $$values ('{"is_published": true, "title": "Audited course, renamed"}'::jsonb, '{"is_published": false, "title": "Withdrawn"}'::jsonb),
             ('{"is_published": false}'::jsonb, '{"is_published": true}'::jsonb)$$,
    'unpublishing (with a rename in the same statement) and republishing write one entry each, with every changed column');

-- Enrolments ----------------------------------------------------------------------------
select tests.authenticate_as('audit.learner@example.com');
insert into learning.course_enrollments (user_id, course_id)
values (tests.get_user_id('audit.learner@example.com'), '00000000-0000-4000-ad00-00000000c001');
select tests.clear_authentication();
insert into ids select 'enrolment', e.id from learning.course_enrollments as e where e.user_id = tests.get_user_id('audit.learner@example.com');
select tests.authenticate_as('audit.learner@example.com');
update learning.course_enrollments set status = 'paused' where id = (select id from ids where name = 'enrolment');
select tests.clear_authentication();
select results_eq(
    $$select operation, actor_id, actor_role, new_data ->> 'user_id', new_data ->> 'course_id' from pg_temp.trail('course_enrollments', (select id from ids where name = 'enrolment'))$$,
    $$values ('INSERT', tests.get_user_id('audit.learner@example.com'), 'authenticated', tests.get_user_id('audit.learner@example.com')::text, '00000000-0000-4000-ad00-00000000c001')$$,
    'enrolling writes one INSERT entry by the learner; a status change writes none');

-- Achievements: the system's grant, a change, a revocation -------------------------------
select tests.authenticate_as('audit.learner@example.com');
update learning.course_enrollments set status = 'active' where id = (select id from ids where name = 'enrolment');
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (tests.get_user_id('audit.learner@example.com'), '00000000-0000-4000-ad00-00000000a001', '00000000-0000-4000-ad00-00000000c001', true);
select tests.clear_authentication();
select is(
    (select count(*)::int from learning.audit_log where table_name = 'achievements'
        and row_id in (select id from learning.achievements where user_id = tests.get_user_id('audit.learner@example.com'))),
    1, 'completing the course grants an achievement: exactly one achievements entry');
select results_eq(
    $$select a.operation, a.actor_id, a.actor_role, a.new_data ->> 'type', (a.new_data ->> 'points')::int
      from learning.audit_log as a where a.table_name = 'achievements'
        and a.row_id in (select id from learning.achievements where user_id = tests.get_user_id('audit.learner@example.com'))$$,
    $$values ('INSERT', tests.get_user_id('audit.learner@example.com'), 'authenticated', 'course_completed', 100)$$,
    'the grant is recorded as an INSERT whose actor is the learner whose action earned it');
select is((select count(*)::int from learning.audit_log where table_name = 'course_enrollments' and row_id = (select id from ids where name = 'enrolment')), 1,
    'the enrollment''s automatic completion is not audited (still one entry)');
select is((select count(*)::int from learning.audit_log where table_name not in ('courses', 'course_enrollments', 'achievements', 'assessment_attempts')), 0,
    'lesson progress, lessons and assessments write no entries');

select tests.authenticate_as_service_role();
update learning.achievements set points = 150 where user_id = tests.get_user_id('audit.learner@example.com');
update learning.achievements set points = 150 where user_id = tests.get_user_id('audit.learner@example.com');
select tests.clear_authentication();
select results_eq(
    $$select a.operation, a.actor_id, a.actor_role, a.old_data, a.new_data
      from learning.audit_log as a where a.table_name = 'achievements' and a.operation = 'UPDATE'$$,
    $$values ('UPDATE', null::uuid, 'service_role', '{"points": 100}'::jsonb, '{"points": 150}'::jsonb)$$,
    'service_role changing points writes one UPDATE entry (actor null, role service_role); a no-op update writes none');

-- Grading ------------------------------------------------------------------------------------
select tests.authenticate_as('audit.learner@example.com');
insert into learning.assessment_attempts (user_id, assessment_id, submitted_code)
values (tests.get_user_id('audit.learner@example.com'), '00000000-0000-4000-ad00-00000000d001', 'api_key = "sk-secret"');
select tests.clear_authentication();
insert into ids select 'attempt', a.id from learning.assessment_attempts as a where a.user_id = tests.get_user_id('audit.learner@example.com');
select tests.authenticate_as('audit.learner@example.com');
update learning.assessment_attempts set submitted_code = 'print(1)', status = 'completed' where id = (select id from ids where name = 'attempt');
select tests.clear_authentication();
select is((select count(*)::int from pg_temp.trail('assessment_attempts', (select id from ids where name = 'attempt'))), 0,
    'starting and submitting an attempt writes no entry (only score changes are audited)');
select tests.authenticate_as_service_role();
update learning.assessment_attempts set score = 80, execution_result = '{"passed": 4, "failed": 1}' where id = (select id from ids where name = 'attempt');
update learning.assessment_attempts set execution_result = '{"passed": 4, "failed": 1, "rerun": true}' where id = (select id from ids where name = 'attempt');
update learning.assessment_attempts set score = 95 where id = (select id from ids where name = 'attempt');
select tests.clear_authentication();
select results_eq(
    $$select operation, actor_role, old_data, new_data from pg_temp.trail('assessment_attempts', (select id from ids where name = 'attempt'))$$,
    $$values ('UPDATE', 'service_role', '{"score": null}'::jsonb, '{"score": 80}'::jsonb),
             ('UPDATE', 'service_role', '{"score": 80}'::jsonb, '{"score": 95}'::jsonb)$$,
    'grading and re-grading write one entry each with the score only; a grader update that keeps the score writes none');
select is_empty(
    $$select 1 from learning.audit_log where old_data ? 'submitted_code' or new_data ? 'submitted_code'
        or old_data ? 'execution_result' or new_data ? 'execution_result'
        or old_data ? 'updated_at' or new_data ? 'updated_at'
        or (table_name = 'courses' and (old_data ? 'description' or new_data ? 'description'))$$,
    'no entry copies submitted code, execution results, course descriptions or updated_at');

-- Change of author (service_role) -------------------------------------------------------------
select tests.authenticate_as_service_role();
update learning.courses set created_by = tests.get_user_id('audit.other@example.com') where id = '00000000-0000-4000-ad00-00000000c001';
update learning.courses set created_by = tests.get_user_id('audit.author@example.com') where id = '00000000-0000-4000-ad00-00000000c001';
select tests.clear_authentication();
select results_eq(
    $$select actor_role, old_data ->> 'created_by', new_data ->> 'created_by' from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001') offset 4$$,
    $$values ('service_role', tests.get_user_id('audit.author@example.com')::text, tests.get_user_id('audit.other@example.com')::text),
             ('service_role', tests.get_user_id('audit.other@example.com')::text, tests.get_user_id('audit.author@example.com')::text)$$,
    'handing a course to another author and back writes one entry each');

-- Reading rules ------------------------------------------------------------------------------------
select tests.authenticate_as('audit.author@example.com');
select is((select count(*)::int from learning.audit_log), 4, 'the author reads their own 4 entries (create, publish, unpublish, republish)');
select is((select count(*)::int from learning.audit_log where actor_id is distinct from tests.get_user_id('audit.author@example.com')), 0,
    'the author reads no one else''s entries (0 rows)');
select tests.authenticate_as('audit.learner@example.com');
select is((select count(*)::int from learning.audit_log), 2, 'the learner reads their own 2 entries (enrolment, achievement grant)');
select is((select count(*)::int from learning.audit_log where table_name = 'assessment_attempts'), 0,
    'the learner does not read the grader''s entries about their attempt (0 rows; actor is service_role)');
select tests.authenticate_as('audit.other@example.com');
select is((select count(*)::int from learning.audit_log), 0, 'another user reads no entries (0 rows)');
select tests.authenticate_as_anon();
select throws_ok($$select * from learning.audit_log$$, '42501', null, 'anon cannot select (42501)');
select tests.clear_authentication();
select from set_config('audit_test.total', (select count(*) from learning.audit_log)::text, true);
select tests.authenticate_as_service_role();
select is((select count(*)::text from learning.audit_log), current_setting('audit_test.total'), 'service_role reads every entry');

-- Append-only: no writes through the API ------------------------------------------------------------
select tests.authenticate_as('audit.author@example.com');
select throws_ok($$insert into learning.audit_log (actor_id, table_name, row_id, operation, new_data) values (tests.get_user_id('audit.author@example.com'), 'courses', gen_random_uuid(), 'INSERT', '{}')$$,
    '42501', null, 'authenticated cannot insert entries (42501)');
select throws_ok($$update learning.audit_log set actor_id = null$$, '42501', null, 'authenticated cannot update even their own entries (42501)');
select throws_ok($$delete from learning.audit_log$$, '42501', null, 'authenticated cannot delete even their own entries (42501)');
select throws_ok($$truncate learning.audit_log$$, '42501', null, 'authenticated cannot truncate (42501)');
select tests.authenticate_as_anon();
select throws_ok($$insert into learning.audit_log (table_name, row_id, operation, new_data) values ('courses', gen_random_uuid(), 'INSERT', '{}')$$,
    '42501', null, 'anon cannot insert entries (42501)');
select throws_ok($$update learning.audit_log set actor_id = null$$, '42501', null, 'anon cannot update entries (42501)');
select throws_ok($$delete from learning.audit_log$$, '42501', null, 'anon cannot delete entries (42501)');
select tests.authenticate_as_service_role();
select throws_ok($$insert into learning.audit_log (table_name, row_id, operation, new_data) values ('courses', gen_random_uuid(), 'INSERT', '{}')$$,
    '42501', null, 'service_role cannot insert entries (42501)');
select throws_ok($$update learning.audit_log set actor_role = 'forged'$$, '42501', null, 'service_role cannot update entries (42501)');
select throws_ok($$delete from learning.audit_log$$, '42501', null, 'service_role cannot delete entries (42501)');
select throws_ok($$truncate learning.audit_log$$, '42501', null, 'service_role cannot truncate (42501)');
select throws_ok($$select learning_private.write_audit_log()$$, '42501', null, 'service_role cannot call the trigger function (42501)');

-- Unenrolment, revocation, deletion ---------------------------------------------------------------------
select tests.authenticate_as('audit.learner@example.com');
delete from learning.course_enrollments where id = (select id from ids where name = 'enrolment');
select tests.clear_authentication();
select results_eq(
    $$select operation, actor_id, old_data ->> 'status', new_data is null from pg_temp.trail('course_enrollments', (select id from ids where name = 'enrolment')) offset 1$$,
    $$values ('DELETE', tests.get_user_id('audit.learner@example.com'), 'completed', true)$$,
    'unenrolling writes one DELETE entry by the learner with the row as it was');

select tests.authenticate_as_service_role();
delete from learning.achievements where user_id = tests.get_user_id('audit.learner@example.com');
select tests.clear_authentication();
select results_eq(
    $$select a.operation, a.actor_role, a.old_data ->> 'type' from learning.audit_log as a where a.table_name = 'achievements' and a.operation = 'DELETE'$$,
    $$values ('DELETE', 'service_role', 'course_completed')$$,
    'revoking an achievement writes one DELETE entry');

-- A second learner is enrolled when the author deletes the course: the cascade is audited too.
insert into learning.course_enrollments (id, user_id, course_id)
values ('00000000-0000-4000-ad00-00000000e002', tests.get_user_id('audit.other@example.com'), '00000000-0000-4000-ad00-00000000c001');
select results_eq(
    $$select operation, actor_id, actor_role from pg_temp.trail('course_enrollments', '00000000-0000-4000-ad00-00000000e002')$$,
    $$values ('INSERT', null::uuid, null::text)$$,
    'a direct database session (no JWT) is recorded with no actor and no role');
select is((select db_user from learning.audit_log where row_id = '00000000-0000-4000-ad00-00000000e002'), session_user::text,
    'db_user records the database session user');
select tests.authenticate_as('audit.author@example.com');
delete from learning.courses where id = '00000000-0000-4000-ad00-00000000c001';
select tests.clear_authentication();
select results_eq(
    $$select operation, actor_id, old_data ->> 'title', new_data is null from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001') offset 6$$,
    $$values ('DELETE', tests.get_user_id('audit.author@example.com'), 'Withdrawn', true)$$,
    'deleting the course writes one DELETE entry by the author');
select results_eq(
    $$select operation, actor_id from pg_temp.trail('course_enrollments', '00000000-0000-4000-ad00-00000000e002') offset 1$$,
    $$values ('DELETE', tests.get_user_id('audit.author@example.com'))$$,
    'the enrollment deleted with the course writes one DELETE entry, by the author who deleted the course');
select is((select count(*)::int from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001')), 7,
    'the course''s trail outlives the course: 7 entries');

-- A failed operation leaves no entry.
select tests.authenticate_as('audit.learner@example.com');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('audit.learner@example.com'), '00000000-0000-4000-ad00-0000000000ff')$$,
    '42501', null, 'enrolling in an unknown course fails (42501)');
select tests.clear_authentication();
select is((select count(*)::int from learning.audit_log where new_data ->> 'course_id' = '00000000-0000-4000-ad00-0000000000ff'), 0,
    'the failed enrolment left no entry');

-- The history of a row and the actor's list read their indexes.
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
set local enable_seqscan = off;
select ok(
    exists (select 1 from pg_temp.plan_of($$select * from learning.audit_log where table_name = 'courses' and row_id = '00000000-0000-4000-ad00-00000000c001' order by occurred_at desc, id desc$$) as l (line)
            where l.line ~ 'Index Scan using idx_audit_log_table_name_row_id_occurred_at')
    and not exists (select 1 from pg_temp.plan_of($$select * from learning.audit_log where table_name = 'courses' and row_id = '00000000-0000-4000-ad00-00000000c001' order by occurred_at desc, id desc$$) as l (line)
            where l.line ~ 'Sort'),
    'the history of a row, newest first, is read in order from idx_audit_log_table_name_row_id_occurred_at');
select tests.authenticate_as('audit.author@example.com');
-- (on a handful of rows the planner sorts the actor's few entries after a bitmap scan)
select ok(
    exists (select 1 from pg_temp.plan_of($$select * from learning.audit_log order by occurred_at desc, id desc limit 20$$) as l (line)
            where l.line ~ 'Index Scan (using|on) idx_audit_log_actor_id_occurred_at'),
    'my entries, newest first (filter left to RLS), are found through idx_audit_log_actor_id_occurred_at');
reset enable_seqscan;

-- Deleting a user keeps their entries but forgets who they were; a course they
-- authored stays, and losing its author is recorded.
select tests.clear_authentication();
insert into learning.courses (id, title, created_by)
values ('00000000-0000-4000-ad00-00000000c002', 'Orphaned course', tests.get_user_id('audit.author@example.com'));
delete from auth.users where id = tests.get_user_id('audit.author@example.com');
select results_eq(
    $$select operation, old_data, new_data from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c002') offset 1$$,
    $$values ('UPDATE', jsonb_build_object('created_by', (select a.new_data ->> 'created_by' from learning.audit_log as a where a.row_id = '00000000-0000-4000-ad00-00000000c002' and a.operation = 'INSERT')), '{"created_by": null}'::jsonb)$$,
    'deleting an author writes one UPDATE entry for each course they leave (created_by set to null)');
select is((select count(*)::int from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001')), 7,
    'deleting the author keeps the course''s entries');
select is(
    (select count(*)::int from pg_temp.trail('courses', '00000000-0000-4000-ad00-00000000c001') as t where t.actor_role = 'authenticated' and t.actor_id is null), 5,
    'the deleted author''s 5 entries now have no actor (role kept)');
select is((select count(*)::int from learning.audit_log where actor_id is not null and actor_id not in (select id from auth.users)), 0,
    'no entry names a deleted user as its actor');
select is((select count(*)::int from learning.audit_log where actor_id = tests.get_user_id('audit.learner@example.com')), 3,
    'other users'' entries keep their actor');

select * from finish();
rollback;
