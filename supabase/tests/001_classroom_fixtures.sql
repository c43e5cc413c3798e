-- Shared fixture of the classroom tests (schema `tests`): run after
-- 000_setup.sql by `schema-tool verify`, `supabase test db` and `pg_prove`
-- (top-level files sort before the module folders). Idempotent, committed like
-- 000_setup.sql; the fixture rows themselves are created by each test file
-- inside its own transaction, so its rollback removes them:
--
--     select tests.classroom_fixture();
--
-- Two tenants (a, b) with the same shape. Ids are md5('<tenant>:<name>')::uuid.
-- Per tenant: admin, teacher (owns lesson_pub and lesson_draft), teacher2 (owns
-- lesson_other), student (has progress, a session, an attempt) and student2.

-- schema-tool: allow plpgsql-error,plpgsql-warning,function-search-path a test fixture: it creates the tables it fills (tests.*_fx) at run time, which a static check cannot see, and it runs only as postgres inside a test's own transaction
create or replace function tests.classroom_fixture() returns void
language plpgsql
as $fixture$
declare
    t text;
    v_tenant uuid;
    v_admin uuid;
    v_teacher uuid;
    v_teacher2 uuid;
    v_student uuid;
    v_student2 uuid;
begin
    foreach t in array array['a', 'b'] loop
        v_tenant := md5(t || ':tenant')::uuid;
        insert into classroom.tenants (id, name, slug) values (v_tenant, 'Tenant ' || upper(t), 'tenant-' || t);
        v_admin := tests.create_user('admin-' || t || '@cls.test');
        v_teacher := tests.create_user('teacher-' || t || '@cls.test');
        v_teacher2 := tests.create_user('teacher2-' || t || '@cls.test');
        v_student := tests.create_user('student-' || t || '@cls.test');
        v_student2 := tests.create_user('student2-' || t || '@cls.test');
        insert into classroom.users (id, tenant_id, email, first_name, role, email_verified, email_verified_at) values
            (v_admin, v_tenant, 'admin-' || t || '@cls.test', 'Admin', 'ADMIN', true, now()),
            (v_teacher, v_tenant, 'teacher-' || t || '@cls.test', 'Teacher', 'TEACHER', true, now()),
            (v_teacher2, v_tenant, 'teacher2-' || t || '@cls.test', 'Teacher2', 'TEACHER', true, now()),
            (v_student, v_tenant, 'student-' || t || '@cls.test', 'Student', 'STUDENT', true, now()),
            (v_student2, v_tenant, 'student2-' || t || '@cls.test', 'Student2', 'STUDENT', false, null);
        insert into classroom.user_preferences (tenant_id, user_id, playback_speed) values (v_tenant, v_student, 1.5);
        insert into classroom.lessons (tenant_id, id, title, thumbnail, status, created_by_id) values
            (v_tenant, md5(t || ':lesson_pub')::uuid, 'Photosynthesis ' || t, 'pub.png', 'PUBLISHED', v_teacher),
            (v_tenant, md5(t || ':lesson_draft')::uuid, 'Draft lesson ' || t, 'draft.png', 'DRAFT', v_teacher),
            (v_tenant, md5(t || ':lesson_other')::uuid, 'Other teacher lesson ' || t, 'other.png', 'PUBLISHED', v_teacher2);
        insert into classroom.video_groups (tenant_id, id, lesson_id, title) values
            (v_tenant, md5(t || ':vg')::uuid, md5(t || ':lesson_pub')::uuid, 'Chapter 1'),
            (v_tenant, md5(t || ':vg_draft')::uuid, md5(t || ':lesson_draft')::uuid, 'Draft chapter');
        insert into classroom.videos (tenant_id, id, video_group_id, title, gcs_bucket, gcs_object_path, duration, processing_status) values
            (v_tenant, md5(t || ':video')::uuid, md5(t || ':vg')::uuid, 'Intro video', 'cls-videos', t || '/intro.mp4', 600, 'READY'),
            (v_tenant, md5(t || ':video_draft')::uuid, md5(t || ':vg_draft')::uuid, 'Draft video', 'cls-videos', t || '/draft.mp4', 300, 'READY');
        insert into classroom.milestones (tenant_id, id, video_id, title, "timestamp", is_required) values
            (v_tenant, md5(t || ':m1')::uuid, md5(t || ':video')::uuid, 'Checkpoint 1', 30, true),
            (v_tenant, md5(t || ':m2')::uuid, md5(t || ':video')::uuid, 'Checkpoint 2', 120.5, false),
            (v_tenant, md5(t || ':m_draft')::uuid, md5(t || ':video_draft')::uuid, 'Draft checkpoint', 10, true);
        insert into classroom.ai_configurations (tenant_id, id, name, provider, model, parameters, is_active, created_by_id) values
            (v_tenant, md5(t || ':ai')::uuid, 'Default OpenAI', 'OPENAI', 'gpt-4o-mini', '{"temperature": 0.7, "max_tokens": 1000}', true, v_admin);
        insert into classroom.questions (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer, retry_limit, status, is_ai_generated, ai_configuration_id, created_by_id) values
            (v_tenant, md5(t || ':q_mc')::uuid, md5(t || ':m1')::uuid, 'MULTIPLE_CHOICE', 'What do plants absorb?',
             '{"options": ["Oxygen", "Carbon dioxide", "Nitrogen"]}', '{"index": 1}', 2, 'APPROVED', true, md5(t || ':ai')::uuid, v_teacher),
            (v_tenant, md5(t || ':q_tf')::uuid, md5(t || ':m1')::uuid, 'TRUE_FALSE', 'Plants need light.',
             '{}', '{"value": true}', 3, 'PENDING', true, md5(t || ':ai')::uuid, v_teacher),
            (v_tenant, md5(t || ':q_order')::uuid, md5(t || ':m2')::uuid, 'ORDERING', 'Order the steps.',
             '{"items": ["water", "oxygen", "light", "sugar"]}', '{"order": ["light", "water", "sugar", "oxygen"]}', 3, 'APPROVED', false, null, v_teacher),
            (v_tenant, md5(t || ':q_draft')::uuid, md5(t || ':m_draft')::uuid, 'SHORT_ANSWER', 'Name a gas.',
             '{}', '{"accepted": ["oxygen"]}', 3, 'APPROVED', false, null, v_teacher);
        insert into classroom.ai_usage_logs (tenant_id, ai_configuration_id, user_id, question_id, request_type, provider, model, tokens_used, cost, response_time, created_at) values
            (v_tenant, md5(t || ':ai')::uuid, v_teacher, md5(t || ':q_mc')::uuid, 'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 1000, 0.010000, 800, date_trunc('month', now()) + interval '1 day'),
            (v_tenant, md5(t || ':ai')::uuid, v_teacher, md5(t || ':q_tf')::uuid, 'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 3000, 0.030000, 1200, date_trunc('month', now()) + interval '2 days'),
            (v_tenant, md5(t || ':ai')::uuid, v_student, null, 'ANSWER_GRADING', 'OPENAI', 'gpt-4o-mini', 500, 0.002000, 300, date_trunc('month', now()) - interval '1 month' + interval '3 days'),
            (v_tenant, md5(t || ':ai')::uuid, v_teacher, null, 'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 9999, 9.990000, 999, now() - interval '8 months');
        insert into classroom.student_sessions (tenant_id, id, student_id, device_id, device_type, lesson_id, last_video_id, last_position) values
            (v_tenant, md5(t || ':session')::uuid, v_student, 'laptop-1', 'DESKTOP', md5(t || ':lesson_pub')::uuid, md5(t || ':video')::uuid, 95.5);
        insert into classroom.student_progress (tenant_id, id, student_id, lesson_id, completion_percent, total_time_spent, current_video_id, last_position) values
            (v_tenant, md5(t || ':progress')::uuid, v_student, md5(t || ':lesson_pub')::uuid, 40, 600, md5(t || ':video')::uuid, 95.5),
            (v_tenant, md5(t || ':progress_other')::uuid, v_student, md5(t || ':lesson_other')::uuid, 0, 0, null, 0);
        insert into classroom.question_attempts (tenant_id, id, student_id, question_id, session_id, answer, time_spent) values
            (v_tenant, md5(t || ':attempt')::uuid, v_student, md5(t || ':q_mc')::uuid, md5(t || ':session')::uuid, '{"index": 1}', 12);
        insert into classroom.analytics_events (tenant_id, user_id, session_id, lesson_id, video_id, event_type, event_name, event_data) values
            (v_tenant, v_student, md5(t || ':session')::uuid, md5(t || ':lesson_pub')::uuid, md5(t || ':video')::uuid, 'VIDEO_PLAYBACK', 'video.play', '{"position": 0}');
    end loop;
end
$fixture$;

-- A smaller fixture for tests of one feature: two tenants (a, b) named by a
-- prefix, each with an admin and a student. Tenant ids are
-- md5('<prefix>:<tenant>:tenant')::uuid, people 'admin-<prefix>-<tenant>@cls.test'
-- and 'student-<prefix>-<tenant>@cls.test'.
-- schema-tool: allow function-search-path a test fixture: it runs only as postgres inside a test's own transaction
create or replace function tests.classroom_admin_and_student(p_prefix text) returns void
language plpgsql
as $fixture$
declare
    t text;
    v_tenant uuid;
    v_admin uuid;
    v_student uuid;
begin
    foreach t in array array['a', 'b'] loop
        v_tenant := md5(p_prefix || ':' || t || ':tenant')::uuid;
        insert into classroom.tenants (id, name, slug)
        values (v_tenant, 'Tenant ' || p_prefix || ' ' || upper(t), 'tenant-' || p_prefix || '-' || t);
        v_admin := tests.create_user('admin-' || p_prefix || '-' || t || '@cls.test');
        v_student := tests.create_user('student-' || p_prefix || '-' || t || '@cls.test');
        insert into classroom.users (id, tenant_id, email, first_name, role, email_verified, email_verified_at) values
            (v_admin, v_tenant, 'admin-' || p_prefix || '-' || t || '@cls.test', 'Admin', 'ADMIN', true, now()),
            (v_student, v_tenant, 'student-' || p_prefix || '-' || t || '@cls.test', 'Student', 'STUDENT', true, now());
    end loop;
end
$fixture$;

-- Test setup, not an API: only the role running the tests (postgres) calls it.
revoke execute on function tests.classroom_fixture() from public, anon, authenticated, service_role;
revoke execute on function tests.classroom_admin_and_student(text) from public, anon, authenticated, service_role;

select plan(5);
select has_function('tests', 'classroom_admin_and_student', array['text'], 'tests.classroom_admin_and_student exists');
select ok(not has_function_privilege('authenticated', 'tests.classroom_admin_and_student(text)', 'execute'),
    'tests.classroom_admin_and_student: authenticated cannot execute it');
select has_function('tests', 'classroom_fixture', 'tests.classroom_fixture exists');
select ok(not has_function_privilege('anon', 'tests.classroom_fixture()', 'execute'),
    'tests.classroom_fixture: anon cannot execute it');
select ok(not has_function_privilege('authenticated', 'tests.classroom_fixture()', 'execute'),
    'tests.classroom_fixture: authenticated cannot execute it');
select * from finish();
