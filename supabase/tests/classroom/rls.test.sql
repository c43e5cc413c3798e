-- classroom: role rules inside one tenant: students, teachers, admins
-- Runs alone: creates its own two-tenant fixture and rolls everything back.
begin;
select plan(91);

set local search_path = classroom, public, extensions;

-- Fixture: two tenants (a, b) with the same shape. Ids are md5('<tenant>:<name>')::uuid.
-- Per tenant: admin, teacher (owns lesson_pub and lesson_draft), teacher2 (owns
-- lesson_other), student (has progress, a session, an attempt) and student2.
-- (supabase/tests/001_classroom_fixtures.sql)
select tests.classroom_fixture();

-- Helpers for this file only (rolled back with it).
create function tests.cls_rows(p_sql text) returns text
language plpgsql
as $$
declare
    v_n bigint;
begin
    execute p_sql;
    get diagnostics v_n = row_count;
    return v_n::text;
exception when others then
    return 'error:' || sqlstate;
end
$$;

-- Sorted managed_lesson_id_array() of the signed-in caller (for comparisons).
create function tests.cls_managed() returns uuid[]
language sql
as $$
    select array(select unnest(classroom_private.managed_lesson_id_array()) order by 1)
$$;

-- ------------------------------------------------ managed_lesson_id_array()
-- The array the progress/attempt/grade select policies test lesson_id against.
select tests.authenticate_as('student-a@cls.test');
select is(classroom_private.managed_lesson_id_array(), '{}'::uuid[],
    'managed_lesson_id_array: a student gets an empty array (not null)');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select is(tests.cls_managed(),
    array(select unnest(array[md5('a:lesson_pub')::uuid, md5('a:lesson_draft')::uuid]) order by 1),
    'managed_lesson_id_array: a teacher gets exactly the lessons they created (not teacher2''s lesson_other)');
select ok(not (classroom_private.managed_lesson_id_array()
               && array[md5('b:lesson_pub')::uuid, md5('b:lesson_draft')::uuid, md5('b:lesson_other')::uuid]),
    'managed_lesson_id_array: a teacher gets no lesson of another tenant');
select tests.clear_authentication();

select tests.authenticate_as('teacher-b@cls.test');
select is(tests.cls_managed(),
    array(select unnest(array[md5('b:lesson_pub')::uuid, md5('b:lesson_draft')::uuid]) order by 1),
    'managed_lesson_id_array: the same teacher role in tenant b gets only tenant b''s lessons');
select tests.clear_authentication();

select tests.authenticate_as('admin-a@cls.test');
select is(tests.cls_managed(),
    array(select unnest(array[md5('a:lesson_pub')::uuid, md5('a:lesson_draft')::uuid, md5('a:lesson_other')::uuid]) order by 1),
    'managed_lesson_id_array: an admin gets every lesson of their tenant and none of another tenant');
select results_eq(
    $$ select lesson_id from classroom.student_progress order by 1 $$,
    $$ select unnest(array[md5('a:lesson_pub')::uuid, md5('a:lesson_other')::uuid]) order by 1 $$,
    'student_progress: an admin still reads the progress of every lesson of the tenant, any teacher''s');
select is((select count(*)::int from classroom.question_attempts) + (select count(*)::int from classroom.grades), 2,
    'question_attempts, grades: an admin still reads the attempt and the grade of the tenant (one each)');
select tests.clear_authentication();

select tests.authenticate_as('teacher2-a@cls.test');
select is(classroom_private.managed_lesson_id_array(), array[md5('a:lesson_other')::uuid],
    'managed_lesson_id_array: a second teacher gets only their own lesson');
select results_eq($$ select lesson_id from classroom.student_progress $$, $$ values (md5('a:lesson_other')::uuid) $$,
    'student_progress: the second teacher reads only the progress in their own lesson');
select tests.clear_authentication();

select tests.authenticate_as('student-a@cls.test');
select is((select count(*)::int from classroom.student_progress) * 100
          + (select count(*)::int from classroom.question_attempts) * 10
          + (select count(*)::int from classroom.grades), 211,
    'progress, attempts, grades: with an empty array a student still reads their own rows (2 progress, 1 attempt, 1 grade)');
select tests.clear_authentication();

select tests.authenticate_as_anon();
select throws_ok($$ select classroom_private.managed_lesson_id_array() $$, '42501', null,
    'managed_lesson_id_array: anon cannot call it (42501)');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select throws_ok($$ select classroom_private.managed_lesson_id_array() $$, '42501', null,
    'managed_lesson_id_array: granted to authenticated only, not to service_role (42501)');
select tests.clear_authentication();

-- ------------------------------------------------------------------ lessons
select tests.authenticate_as('student-a@cls.test');
select throws_ok(
    $$ insert into classroom.lessons (tenant_id, title, created_by_id)
       values (md5('a:tenant')::uuid, 'Student lesson', tests.get_user_id('student-a@cls.test')) $$,
    '42501', null, 'lessons: a student cannot create a lesson (42501)');
select is_empty($$ select 1 from classroom.lessons where id = md5('a:lesson_draft')::uuid $$,
    'lessons: a student does not see a draft lesson');
select is_empty($$ select 1 from classroom.video_groups where lesson_id = md5('a:lesson_draft')::uuid
                   union all select 1 from classroom.videos where lesson_id = md5('a:lesson_draft')::uuid
                   union all select 1 from classroom.milestones where lesson_id = md5('a:lesson_draft')::uuid
                   union all select 1 from classroom.questions where lesson_id = md5('a:lesson_draft')::uuid $$,
    'lessons: a student sees no chapter, video, milestone or question of a draft lesson');
select is(tests.cls_rows($$ update classroom.lessons set title = 'x' where id = md5('a:lesson_pub')::uuid $$), '0',
    'lessons: a student updates no lesson (0 rows)');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select lives_ok(
    $$ insert into classroom.lessons (tenant_id, id, title, created_by_id)
       values (md5('a:tenant')::uuid, md5('a:new_lesson')::uuid, 'New lesson', tests.get_user_id('teacher-a@cls.test')) $$,
    'lessons: a teacher creates a lesson of their own');
select throws_ok(
    $$ insert into classroom.lessons (tenant_id, title, created_by_id)
       values (md5('a:tenant')::uuid, 'Ghost lesson', tests.get_user_id('teacher2-a@cls.test')) $$,
    '42501', null, 'lessons: a teacher cannot create a lesson in another teacher''s name (42501)');
select is(tests.cls_rows($$ update classroom.lessons set title = 'hijack' where id = md5('a:lesson_other')::uuid $$), '0',
    'lessons: a teacher cannot update another teacher''s lesson (0 rows)');
select is(tests.cls_rows($$ delete from classroom.lessons where id = md5('a:lesson_other')::uuid $$), '0',
    'lessons: a teacher cannot delete another teacher''s lesson (0 rows)');
select is(tests.cls_rows($$ update classroom.lessons set status = 'PUBLISHED' where id = md5('a:lesson_draft')::uuid $$), '1',
    'lessons: a teacher publishes their own lesson');
select throws_ok(
    $$ update classroom.lessons set created_by_id = tests.get_user_id('teacher2-a@cls.test') where id = md5('a:new_lesson')::uuid $$,
    '42501', null, 'lessons: a teacher cannot hand a lesson to another teacher (42501, with check)');
-- content of their own lesson
select lives_ok(
    $$ insert into classroom.video_groups (tenant_id, id, lesson_id, title)
       values (md5('a:tenant')::uuid, md5('a:new_vg')::uuid, md5('a:new_lesson')::uuid, 'New chapter') $$,
    'video_groups: a teacher adds a chapter to their lesson');
select lives_ok(
    $$ insert into classroom.videos (tenant_id, id, video_group_id, title, gcs_bucket, gcs_object_path)
       values (md5('a:tenant')::uuid, md5('a:new_video')::uuid, md5('a:new_vg')::uuid, 'New video', 'cls-videos', 'a/new.mp4') $$,
    'videos: a teacher adds a video to their chapter');
select is((select lesson_id from classroom.videos where id = md5('a:new_video')::uuid), md5('a:new_lesson')::uuid,
    'videos: lesson_id is copied from the chapter');
select throws_ok(
    $$ insert into classroom.video_groups (tenant_id, lesson_id, title)
       values (md5('a:tenant')::uuid, md5('a:lesson_other')::uuid, 'Intruder chapter') $$,
    '42501', null, 'video_groups: a teacher cannot add a chapter to another teacher''s lesson (42501)');
select is(tests.cls_rows($$ update classroom.milestones set title = 'x' where lesson_id = md5('a:lesson_other')::uuid $$), '0',
    'milestones: a teacher cannot edit milestones of another teacher''s lesson (0 rows)');
select tests.clear_authentication();

select tests.authenticate_as('admin-a@cls.test');
select is(tests.cls_rows($$ update classroom.lessons set title = title || ' (reviewed)' where id = md5('a:lesson_other')::uuid $$), '1',
    'lessons: an admin updates any lesson of the tenant');
select tests.clear_authentication();

-- ---------------------------------------------------------------- questions
select tests.authenticate_as('student-a@cls.test');
select results_eq(
    $$ select id from classroom.questions order by id $$,
    $$ select unnest(array[md5('a:q_mc')::uuid, md5('a:q_order')::uuid, md5('a:q_draft')::uuid]) order by 1 $$,
    'questions: a student sees only APPROVED questions of PUBLISHED lessons (lesson_draft was published above; q_tf is PENDING)');
select throws_ok($$ select correct_answer from classroom.questions $$, '42501', null,
    'questions: a student cannot read the answer key column (42501)');
select throws_ok($$ select classroom.question_answer_key(md5('a:q_mc')::uuid) $$, '42501', null,
    'questions: a student cannot read the answer key through question_answer_key (42501)');
select is(tests.cls_rows($$ update classroom.questions set status = 'APPROVED' where id = md5('a:q_tf')::uuid $$), '0',
    'questions: a student cannot approve a question (0 rows)');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select throws_ok($$ select correct_answer from classroom.questions $$, '42501', null,
    'questions: the answer key column is not selectable by authenticated at all (42501)');
select is(classroom.question_answer_key(md5('a:q_mc')::uuid), '{"index": 1}'::jsonb,
    'questions: a teacher reads an answer key of their tenant through question_answer_key');
select is(classroom.question_answer_key(md5('b:q_mc')::uuid), null,
    'questions: question_answer_key returns null for a question of another tenant');
select is(tests.cls_rows($$ update classroom.questions set status = 'APPROVED', review_notes = 'ok' where id = md5('a:q_tf')::uuid $$), '1',
    'questions: a teacher approves a pending AI question of their lesson');
select results_eq(
    $$ select reviewed_by_id, reviewed_at is not null from classroom.questions where id = md5('a:q_tf')::uuid $$,
    $$ values (tests.get_user_id('teacher-a@cls.test'), true) $$,
    'questions: approval records the reviewer and the time');
select lives_ok(
    $$ insert into classroom.questions (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer)
       values (md5('a:tenant')::uuid, md5('a:new_q')::uuid, md5('a:m1')::uuid, 'FILL_IN_THE_BLANK', 'Fill it',
               '{"template": "Plants make ___ from ___."}', '{"blanks": ["sugar", "light"]}') $$,
    'questions: a teacher adds a question to their milestone (defaults to PENDING)');
select tests.clear_authentication();

select tests.authenticate_as('teacher2-a@cls.test');
select is(tests.cls_rows($$ update classroom.questions set status = 'REJECTED' where id = md5('a:new_q')::uuid $$), '0',
    'questions: a teacher cannot review questions of another teacher''s lesson (0 rows)');
select is(tests.cls_rows($$ delete from classroom.questions where lesson_id = md5('a:lesson_pub')::uuid $$), '0',
    'questions: a teacher cannot delete questions of another teacher''s lesson (0 rows)');
select tests.clear_authentication();

-- ------------------------------------------------------- progress and sessions
select tests.authenticate_as('student-a@cls.test');
select is(tests.cls_rows($$ update classroom.student_progress set completion_percent = 55, total_time_spent = 900
                            where id = md5('a:progress')::uuid $$), '1',
    'student_progress: a student syncs their own progress');
select throws_ok($$ update classroom.student_progress set average_score = 100 where id = md5('a:progress')::uuid $$,
    '42501', null, 'student_progress: a student cannot write average_score (42501, column privilege)');
select throws_ok(
    $$ insert into classroom.student_progress (tenant_id, student_id, lesson_id)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:new_lesson')::uuid) $$,
    '42501', null, 'student_progress: a student cannot start progress on an unpublished lesson (42501)');
select lives_ok(
    $$ insert into classroom.student_sessions (tenant_id, student_id, device_id, device_type)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), 'phone-1', 'MOBILE') $$,
    'student_sessions: a student opens a session on a second device');
select throws_ok(
    $$ insert into classroom.student_sessions (tenant_id, student_id, device_id)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), 'phone-1') $$,
    '23505', null, 'student_sessions: one open session per student and device (23505)');
select results_eq(
    $$ select last_video_id, last_position from classroom.student_sessions
       where student_id = (select auth.uid()) order by last_heartbeat_at desc, last_video_id nulls last limit 1 $$,
    $$ values (md5('a:video')::uuid, 95.500::numeric) $$,
    'student_sessions: cross-device resume finds the last video and position');
select tests.clear_authentication();

select tests.authenticate_as('student2-a@cls.test');
select is_empty($$ select 1 from classroom.student_progress where student_id = tests.get_user_id('student-a@cls.test')
                   union all select 1 from classroom.student_sessions where student_id = tests.get_user_id('student-a@cls.test')
                   union all select 1 from classroom.question_attempts where student_id = tests.get_user_id('student-a@cls.test')
                   union all select 1 from classroom.grades where student_id = tests.get_user_id('student-a@cls.test')
                   union all select 1 from classroom.user_preferences where user_id = tests.get_user_id('student-a@cls.test') $$,
    'a student sees no progress, session, attempt, grade or preference of another student');
select is(tests.cls_rows($$ update classroom.student_progress set completion_percent = 1 where id = md5('a:progress')::uuid $$), '0',
    'student_progress: a student cannot update another student''s progress (0 rows)');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid, '{"order": []}') $$,
    '42501', null, 'question_attempts: a student cannot answer in another student''s name (42501)');
select throws_ok(
    $$ insert into classroom.user_preferences (tenant_id, user_id)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test')) $$,
    '42501', null, 'user_preferences: a member cannot write another member''s preferences (42501)');
select lives_ok(
    $$ insert into classroom.user_preferences (tenant_id, user_id, theme)
       values (md5('a:tenant')::uuid, tests.get_user_id('student2-a@cls.test'), 'dark') $$,
    'user_preferences: a member saves their own preferences');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select results_eq($$ select lesson_id from classroom.student_progress $$, $$ values (md5('a:lesson_pub')::uuid) $$,
    'student_progress: a teacher sees progress in their own lessons only');
select is_empty($$ select 1 from classroom.student_sessions $$,
    'student_sessions: a teacher does not see students'' device sessions');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('teacher-a@cls.test'), md5('a:q_mc')::uuid, '{"index": 1}') $$,
    '42501', null, 'question_attempts: only students submit attempts (42501 for a teacher)');
select throws_ok($$ delete from classroom.question_attempts $$, '42501', null,
    'question_attempts: attempts are append-only (delete 42501)');
select throws_ok($$ update classroom.question_attempts set score = 100 $$, '42501', null,
    'question_attempts: attempts are append-only (update 42501)');
select tests.clear_authentication();

select tests.authenticate_as('teacher2-a@cls.test');
select is_empty($$ select 1 from classroom.student_progress where lesson_id = md5('a:lesson_pub')::uuid
                   union all select 1 from classroom.question_attempts union all select 1 from classroom.grades $$,
    'a teacher sees no progress, attempt or grade in another teacher''s lesson');
select is(tests.cls_rows($$ update classroom.grades set score = 0 $$), '0',
    'grades: a teacher cannot override grades in another teacher''s lesson (0 rows)');
select tests.clear_authentication();

-- ---------------------------------------------------------------- grades
select tests.authenticate_as('student-a@cls.test');
select is(tests.cls_rows($$ update classroom.grades set score = 100 $$), '0',
    'grades: a student cannot change their grade (0 rows)');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select is(tests.cls_rows($$ update classroom.grades set score = 60, feedback = 'Check the options again'
                            where student_id = tests.get_user_id('student-a@cls.test') and question_id = md5('a:q_mc')::uuid $$), '1',
    'grades: a teacher overrides a grade in their lesson');
select results_eq(
    $$ select graded_by_id, is_passed from classroom.grades where question_id = md5('a:q_mc')::uuid $$,
    $$ values (tests.get_user_id('teacher-a@cls.test'), false) $$,
    'grades: the override records the teacher and recomputes is_passed (60 < 70)');
select is((select average_score from classroom.student_progress where id = md5('a:progress')::uuid), 60.00,
    'grades: the override flows into student_progress.average_score');
select tests.clear_authentication();

-- ---------------------------------------------------------------- users
select tests.authenticate_as('student-a@cls.test');
select is(tests.cls_rows($$ update classroom.users set first_name = 'Stu' where id = (select auth.uid()) $$), '1',
    'users: a member edits their own profile');
select throws_ok($$ update classroom.users set role = 'ADMIN' where id = (select auth.uid()) $$, '42501', null,
    'users: a member cannot promote themself (42501)');
select throws_ok($$ update classroom.users set tenant_id = md5('b:tenant')::uuid where id = (select auth.uid()) $$, '42501', null,
    'users: a member cannot move to another tenant (42501)');
select is(tests.cls_rows($$ update classroom.users set first_name = 'x' where id = tests.get_user_id('student2-a@cls.test') $$), '0',
    'users: a student cannot edit another member (0 rows)');
select is_empty($$ select 1 from classroom.users where id = tests.get_user_id('student2-a@cls.test') $$,
    'users: a student does not see other students (only themself and staff)');
select throws_ok(
    $$ insert into classroom.users (id, tenant_id, email) values (tests.get_user_id('student2-b@cls.test'), md5('a:tenant')::uuid, 'x@cls.test') $$,
    '42501', null, 'users: a student cannot add members (42501)');
select tests.clear_authentication();

select tests.authenticate_as('admin-a@cls.test');
select is(tests.cls_rows($$ update classroom.users set role = 'TEACHER' where id = tests.get_user_id('student2-a@cls.test') $$), '1',
    'users: an admin changes a member''s role');
select is(tests.cls_rows($$ delete from classroom.users where id = (select auth.uid()) $$), '0',
    'users: an admin cannot delete their own membership (0 rows)');
select is(tests.cls_rows($$ update classroom.tenants set name = 'Tenant A renamed' $$), '1',
    'tenants: an admin renames their tenant');
select throws_ok($$ update classroom.tenants set is_active = false $$, '42501', null,
    'tenants: an admin cannot suspend the tenant (service role only, 42501)');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select is(tests.cls_rows($$ update classroom.tenants set name = 'Teacher tenant' $$), '0',
    'tenants: a teacher cannot rename the tenant (0 rows)');
select tests.clear_authentication();

-- ------------------------------------------------- ai configuration and logs
select tests.authenticate_as('teacher-a@cls.test');
select throws_ok(
    $$ insert into classroom.ai_configurations (tenant_id, name, provider, model) values (md5('a:tenant')::uuid, 'Mine', 'OPENAI', 'gpt-4o') $$,
    '42501', null, 'ai_configurations: a teacher cannot create configurations (42501)');
select throws_ok(
    $$ insert into classroom.ai_usage_logs (tenant_id, request_type, provider, model) values (md5('a:tenant')::uuid, 'ANSWER_GRADING', 'OPENAI', 'x') $$,
    '42501', null, 'ai_usage_logs: clients cannot write usage logs (42501, server only)');
select tests.clear_authentication();

select tests.authenticate_as('admin-a@cls.test');
select lives_ok(
    $$ insert into classroom.ai_configurations (tenant_id, name, provider, model, is_active)
       values (md5('a:tenant')::uuid, 'Claude', 'ANTHROPIC', 'claude-3-5-sonnet', true) $$,
    'ai_configurations: an admin activates a configuration for another provider');
select throws_ok(
    $$ insert into classroom.ai_configurations (tenant_id, name, provider, model, is_active)
       values (md5('a:tenant')::uuid, 'Second OpenAI', 'OPENAI', 'gpt-4o', true) $$,
    '23505', null, 'ai_configurations: a second active configuration for the same provider and tenant is refused (23505)');
select throws_ok(
    $$ insert into classroom.audit_logs (tenant_id, table_name, record_id, action, new_data)
       values (md5('a:tenant')::uuid, 'lessons', 'x', 'INSERT', '{}') $$,
    '42501', null, 'audit_logs: even an admin cannot write audit entries (42501)');
select throws_ok($$ delete from classroom.audit_logs $$, '42501', null,
    'audit_logs: even an admin cannot delete audit entries (42501)');
select tests.clear_authentication();

-- ------------------------------------------------- analytics and system configs
select tests.authenticate_as('student-a@cls.test');
select lives_ok(
    $$ insert into classroom.analytics_events (tenant_id, user_id, lesson_id, event_type, event_name, event_data)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:lesson_pub')::uuid,
               'QUESTION_INTERACTION', 'question.view', '{"question": "q_mc"}') $$,
    'analytics_events: a member records their own event');
select throws_ok(
    $$ insert into classroom.analytics_events (tenant_id, user_id, event_type, event_name)
       values (md5('a:tenant')::uuid, tests.get_user_id('student2-a@cls.test'), 'NAVIGATION', 'page.view') $$,
    '42501', null, 'analytics_events: a member cannot record events for someone else (42501)');
select is(tests.cls_rows($$ update classroom.system_configs set value = '50' where key = 'grading.passingThreshold' $$), '0',
    'system_configs: a student cannot change settings (0 rows)');
select tests.clear_authentication();

select tests.authenticate_as('teacher2-a@cls.test');
select is_empty($$ select 1 from classroom.analytics_events $$,
    'analytics_events: a teacher does not see events of other teachers'' lessons');
select tests.clear_authentication();

select tests.authenticate_as('admin-a@cls.test');
select is(tests.cls_rows($$ update classroom.system_configs set value = '50' where key = 'grading.passingThreshold' $$), '1',
    'system_configs: an admin changes a setting');
select is((select updated_by_id from classroom.system_configs where key = 'grading.passingThreshold'),
    tests.get_user_id('admin-a@cls.test'), 'system_configs: the change records the admin');
select throws_ok($$ update classroom.system_configs set value = '150' where key = 'grading.passingThreshold' $$,
    '23514', null, 'system_configs: grading.passingThreshold must be a number 0-100 (23514)');
select tests.clear_authentication();

-- ------------------------------------------------ inactive members and tenants
update classroom.users set is_active = false where id = tests.get_user_id('teacher2-a@cls.test');
select tests.authenticate_as('teacher2-a@cls.test');
select is_empty($$ select 1 from classroom.lessons union all select 1 from classroom.tenants $$,
    'an inactive member sees nothing (no tenant from current_tenant_id)');
select is(classroom_private.managed_lesson_id_array(), '{}'::uuid[],
    'managed_lesson_id_array: an inactive teacher manages nothing (empty array)');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select is(tests.cls_rows($$ update classroom.tenants set is_active = false where id = md5('a:tenant')::uuid $$), '1',
    'tenants: the service role suspends a tenant');
select tests.clear_authentication();
select tests.authenticate_as('admin-a@cls.test');
select is_empty($$ select 1 from classroom.lessons union all select 1 from classroom.users $$,
    'a suspended tenant''s members, even admins, see nothing');
select is(classroom_private.managed_lesson_id_array(), '{}'::uuid[],
    'managed_lesson_id_array: an admin of a suspended tenant manages nothing (empty array)');
select tests.clear_authentication();

select * from finish();
rollback;
