-- classroom: what gives a question's answer away (answer key, explanation,
-- review notes, AI metadata) is readable by staff of the tenant, by a student
-- only once they have finished the question, and by nobody of another tenant,
-- through no path (table, whole-row reference, filter, function, audit log).
-- Runs alone: creates its own two-tenant fixture and rolls everything back.
begin;
select plan(44);

set local search_path = classroom, public, extensions;

-- Fixture: two tenants (a, b) with the same shape. Ids are md5('<tenant>:<name>')::uuid.
-- Per tenant: admin, teacher (owns lesson_pub), teacher2, student, student2;
-- approved questions q_mc (2 attempts allowed), q_tf (1), q_order (3), with
-- an explanation, review notes and AI metadata each. Nobody has answered yet.
do $fixture$
declare
    t text;
    v_tenant uuid;
    v_teacher uuid;
begin
    foreach t in array array['a', 'b'] loop
        v_tenant := md5(t || ':tenant')::uuid;
        insert into classroom.tenants (id, name, slug) values (v_tenant, 'Tenant ' || upper(t), 'tenant-' || t);
        v_teacher := tests.create_user('teacher-' || t || '@cls.test');
        insert into classroom.users (id, tenant_id, email, first_name, role) values
            (tests.create_user('admin-' || t || '@cls.test'), v_tenant, 'admin-' || t || '@cls.test', 'Admin', 'ADMIN'),
            (v_teacher, v_tenant, 'teacher-' || t || '@cls.test', 'Teacher', 'TEACHER'),
            (tests.create_user('teacher2-' || t || '@cls.test'), v_tenant, 'teacher2-' || t || '@cls.test', 'Teacher2', 'TEACHER'),
            (tests.create_user('student-' || t || '@cls.test'), v_tenant, 'student-' || t || '@cls.test', 'Student', 'STUDENT'),
            (tests.create_user('student2-' || t || '@cls.test'), v_tenant, 'student2-' || t || '@cls.test', 'Student2', 'STUDENT');
        insert into classroom.lessons (tenant_id, id, title, status, created_by_id) values
            (v_tenant, md5(t || ':lesson_pub')::uuid, 'Photosynthesis ' || t, 'PUBLISHED', v_teacher);
        insert into classroom.video_groups (tenant_id, id, lesson_id, title) values
            (v_tenant, md5(t || ':vg')::uuid, md5(t || ':lesson_pub')::uuid, 'Chapter 1');
        insert into classroom.videos (tenant_id, id, video_group_id, title, gcs_bucket, gcs_object_path, duration, processing_status) values
            (v_tenant, md5(t || ':video')::uuid, md5(t || ':vg')::uuid, 'Intro video', 'cls-videos', t || '/intro.mp4', 600, 'READY');
        insert into classroom.milestones (tenant_id, id, video_id, title, "timestamp") values
            (v_tenant, md5(t || ':m1')::uuid, md5(t || ':video')::uuid, 'Checkpoint 1', 30);
        insert into classroom.questions (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer,
                                         explanation, review_notes, ai_metadata, retry_limit, status, created_by_id) values
            (v_tenant, md5(t || ':q_mc')::uuid, md5(t || ':m1')::uuid, 'MULTIPLE_CHOICE', 'What do plants absorb?',
             '{"options": ["Oxygen", "Carbon dioxide", "Nitrogen"]}', '{"index": 1}',
             'Plants take in carbon dioxide.', 'Answer B is right', '{"raw": "answer: Carbon dioxide"}', 2, 'APPROVED', v_teacher),
            (v_tenant, md5(t || ':q_tf')::uuid, md5(t || ':m1')::uuid, 'TRUE_FALSE', 'Plants need light.',
             '{}', '{"value": true}', 'Light is the energy source.', 'fine', '{"model": "m"}', 1, 'APPROVED', v_teacher),
            (v_tenant, md5(t || ':q_order')::uuid, md5(t || ':m1')::uuid, 'ORDERING', 'Order the steps.',
             '{"items": ["water", "light", "sugar"]}', '{"order": ["light", "water", "sugar"]}',
             'Light first.', null, '{}', 3, 'APPROVED', v_teacher);
    end loop;
end
$fixture$;

-- Sorted question_details() of the signed-in caller for tenant a's three questions.
create function tests.cls_details(p_tenant text) returns table (
    question_id uuid, correct_answer jsonb, explanation text, review_notes text, ai_metadata jsonb
)
language sql
as $$
    select d.*
    from classroom.question_details(array[md5(p_tenant || ':q_mc')::uuid, md5(p_tenant || ':q_tf')::uuid,
                                          md5(p_tenant || ':q_order')::uuid]) d
    order by d.question_id
$$;

-- Rows an update touched (for "still writes" checks).
create function tests.cls_rows_updated(p_sql text) returns int
language plpgsql
as $$
declare
    v_n bigint;
begin
    execute p_sql;
    get diagnostics v_n = row_count;
    return v_n::int;
end
$$;

-- ---------------------------------------------------------------- privileges
select ok(not has_column_privilege('authenticated', 'classroom.questions', 'explanation', 'SELECT'),
    'authenticated cannot select questions.explanation');
select ok(not has_column_privilege('authenticated', 'classroom.questions', 'review_notes', 'SELECT'),
    'authenticated cannot select questions.review_notes');
select ok(not has_column_privilege('authenticated', 'classroom.questions', 'ai_metadata', 'SELECT'),
    'authenticated cannot select questions.ai_metadata');
select ok(has_column_privilege('authenticated', 'classroom.questions', 'explanation', 'UPDATE')
          and has_column_privilege('authenticated', 'classroom.questions', 'explanation', 'INSERT'),
    'the write path is unchanged: authenticated may still insert and update questions.explanation (RLS decides whose)');
select ok(not has_function_privilege('anon', 'classroom.question_details(uuid[])', 'EXECUTE')
          and not has_function_privilege('anon', 'classroom_private.question_details(uuid[])', 'EXECUTE'),
    'anon cannot execute question_details (public or private)');
select is_definer('classroom_private', 'question_details', array['uuid[]'], 'classroom_private.question_details is security definer');
select isnt_definer('classroom', 'question_details', array['uuid[]'], 'classroom.question_details is security invoker');
select ok((select proconfig @> array['search_path=""'] from pg_proc where oid = 'classroom_private.question_details(uuid[])'::regprocedure),
    'classroom_private.question_details runs with search_path = ''''');

-- ------------------------------------------- a student before answering: no path
select tests.authenticate_as('student-a@cls.test');
select results_eq($$ select count(*)::int from classroom.questions $$, $$ values (3) $$,
    'student: sees the three approved questions themselves');
select throws_ok($$ select explanation from classroom.questions $$, '42501', null,
    'student: cannot select explanation from the table (42501)');
select throws_ok($$ select review_notes from classroom.questions $$, '42501', null,
    'student: cannot select review_notes from the table (42501)');
select throws_ok($$ select ai_metadata from classroom.questions $$, '42501', null,
    'student: cannot select ai_metadata from the table (42501)');
select throws_ok($$ select * from classroom.questions $$, '42501', null,
    'student: select * on questions is refused (42501)');
select throws_ok($$ select to_jsonb(q) from classroom.questions q $$, '42501', null,
    'student: a whole-row reference (to_jsonb(q)) is refused (42501)');
select throws_ok($$ select id from classroom.questions where explanation like 'Plants%' $$, '42501', null,
    'student: cannot probe explanation in a filter either (42501)');
select throws_ok($$ select id from classroom.questions where correct_answer = '{"index": 1}' $$, '42501', null,
    'student: cannot probe correct_answer in a filter (42501)');
select throws_ok($$ select classroom.question_answer_key(md5('a:q_mc')::uuid) $$, '42501', null,
    'student: question_answer_key stays staff-only (42501)');
select is_empty($$ select * from tests.cls_details('a') $$,
    'student: question_details gives no row before any attempt');
select is_empty($$ select * from classroom.audit_logs $$,
    'student: the audit log (which holds question rows) shows nothing');

-- One wrong answer to q_mc (2 attempts allowed): still hidden.
insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_mc')::uuid, '{"index": 0}');
select is_empty($$ select * from tests.cls_details('a') where question_id = md5('a:q_mc')::uuid $$,
    'student: a wrong answer with an attempt left does not reveal the answer key or explanation');
-- Partial credit on q_order (not correct, 2 attempts left): still hidden.
insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid,
        '{"order": ["light", "sugar", "water"]}');
select is_empty($$ select * from tests.cls_details('a') where question_id = md5('a:q_order')::uuid $$,
    'student: a partly right answer with attempts left does not reveal it either');

-- ------------------------------------------------ a student after finishing
-- q_mc: second (last allowed) attempt, wrong again; q_order: right on the second try.
insert into classroom.question_attempts (tenant_id, student_id, question_id, answer) values
    (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_mc')::uuid, '{"index": 2}'),
    (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid, '{"order": ["light", "water", "sugar"]}');
select results_eq(
    $$ select question_id, correct_answer, explanation, review_notes, ai_metadata from tests.cls_details('a') $$,
    $$ select * from (values
           (md5('a:q_mc')::uuid, '{"index": 1}'::jsonb, 'Plants take in carbon dioxide.'::text, null::text, null::jsonb),
           (md5('a:q_order')::uuid, '{"order": ["light", "water", "sugar"]}'::jsonb, 'Light first.'::text, null::text, null::jsonb)
       ) v order by 1 $$,
    'student: answer key and explanation of the finished questions (every attempt used / answered correctly), never review notes or AI metadata; q_tf (unanswered) stays hidden');
select throws_ok($$ select explanation from classroom.questions where id = md5('a:q_mc')::uuid $$, '42501', null,
    'student: the table column stays closed after finishing (the function is the way)');
select tests.clear_authentication();

-- The same questions for another student of the same tenant: nothing.
select tests.authenticate_as('student2-a@cls.test');
select is_empty($$ select * from tests.cls_details('a') $$,
    'another student of the tenant who has not answered gets nothing');
select lives_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student2-a@cls.test'), md5('a:q_tf')::uuid, '{"value": true}') $$,
    'student2 answers q_tf correctly');
select results_eq($$ select question_id, explanation from tests.cls_details('a') $$,
    $$ values (md5('a:q_tf')::uuid, 'Light is the energy source.'::text) $$,
    'student2: a correct first answer reveals that question only');
select tests.clear_authentication();

-- A raised retry limit hides the key again while attempts remain.
select tests.authenticate_as('teacher-a@cls.test');
update classroom.questions set retry_limit = 3 where id = md5('a:q_mc')::uuid;
select tests.clear_authentication();
select tests.authenticate_as('student-a@cls.test');
select results_eq($$ select question_id from tests.cls_details('a') $$,
    $$ values (md5('a:q_order')::uuid) $$,
    'student: after the teacher allows a third attempt, q_mc is hidden again (q_order, answered correctly, stays revealed)');
select tests.clear_authentication();

-- An inactive member gets nothing, even for a question they finished.
update classroom.users set is_active = false where email = 'student-a@cls.test';
select tests.authenticate_as('student-a@cls.test');
select is_empty($$ select * from tests.cls_details('a') $$,
    'an inactive student gets nothing');
select tests.clear_authentication();
update classroom.users set is_active = true where email = 'student-a@cls.test';

-- ------------------------------------------------------------ other tenant
select tests.authenticate_as('student-b@cls.test');
select is_empty($$ select * from tests.cls_details('a') $$,
    'other tenant: a student of tenant b gets nothing for tenant a''s questions');
select is_empty($$ select * from tests.cls_details('b') $$,
    'other tenant: ... and nothing for their own unanswered questions');
select tests.clear_authentication();
select tests.authenticate_as('teacher-b@cls.test');
select is_empty($$ select * from tests.cls_details('a') $$,
    'other tenant: a teacher of tenant b gets nothing for tenant a''s questions');
select is((select count(*)::int from tests.cls_details('b')), 3,
    'other tenant: ... while reading all three of their own tenant''s');
select tests.clear_authentication();
select tests.authenticate_as('admin-b@cls.test');
select is_empty($$ select * from tests.cls_details('a') $$,
    'other tenant: an admin of tenant b gets nothing for tenant a''s questions');
select tests.clear_authentication();

-- ----------------------------------------------------- staff: full access
select tests.authenticate_as('teacher-a@cls.test');
select results_eq(
    $$ select question_id, correct_answer, explanation, review_notes, ai_metadata from tests.cls_details('a') $$,
    $$ select * from (values
           (md5('a:q_mc')::uuid, '{"index": 1}'::jsonb, 'Plants take in carbon dioxide.'::text, 'Answer B is right'::text, '{"raw": "answer: Carbon dioxide"}'::jsonb),
           (md5('a:q_tf')::uuid, '{"value": true}'::jsonb, 'Light is the energy source.'::text, 'fine'::text, '{"model": "m"}'::jsonb),
           (md5('a:q_order')::uuid, '{"order": ["light", "water", "sugar"]}'::jsonb, 'Light first.'::text, null::text, '{}'::jsonb)
       ) v order by 1 $$,
    'teacher: every hidden field of every question of the tenant, answered or not');
select is(tests.cls_rows_updated($$ update classroom.questions set explanation = 'CO2 enters through the stomata.' where id = md5('a:q_mc')::uuid $$), 1,
    'teacher: still writes the explanation on the table');
select is((select explanation from tests.cls_details('a') where question_id = md5('a:q_mc')::uuid), 'CO2 enters through the stomata.',
    'teacher: ... and reads the new text back through question_details');
select tests.clear_authentication();
select tests.authenticate_as('teacher2-a@cls.test');
select is((select count(*)::int from tests.cls_details('a') where review_notes is not null), 2,
    'a second teacher of the tenant reviews too: review notes of every question (as question_answer_key allows)');
select tests.clear_authentication();
select tests.authenticate_as('admin-a@cls.test');
select is((select count(*)::int from tests.cls_details('a') where correct_answer is not null and explanation is not null), 3,
    'admin: answer keys and explanations of every question of the tenant');
select tests.clear_authentication();

-- --------------------------------------------------- anon, service_role, input
select tests.authenticate_as_anon();
select throws_ok($$ select * from classroom.question_details(array[md5('a:q_mc')::uuid]) $$, '42501', null,
    'anon: cannot call question_details (42501)');
select throws_ok($$ select explanation from classroom.questions $$, '42501', null,
    'anon: no access to the table (42501)');
select tests.clear_authentication();
select tests.authenticate_as_service_role();
select is((select count(*)::int from classroom.question_details(array[md5('a:q_mc')::uuid, md5('b:q_mc')::uuid])), 2,
    'service_role: the questions of every tenant');
select tests.clear_authentication();
select tests.authenticate_as('teacher-a@cls.test');
select throws_ok($$ select * from classroom.question_details(null) $$, '22004', null,
    'question_details(null) raises 22004');
select throws_ok($$ select * from classroom.question_details(array(select gen_random_uuid() from generate_series(1, 1001))) $$, '22023', null,
    'more than 1000 ids raise 22023');
select is_empty($$ select * from classroom.question_details('{}') $$,
    'an empty array gives no row');
select tests.clear_authentication();

select * from finish();
rollback;
