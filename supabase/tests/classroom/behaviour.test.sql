-- classroom: behaviour: question validation, grading, retry limit, grades, progress, triggers, audit, deletion
-- Runs alone: creates its own two-tenant fixture and rolls everything back.
begin;
select plan(72);

set local search_path = classroom, public, extensions;

-- Fixture: two tenants (a, b) with the same shape. Ids are md5('<tenant>:<name>')::uuid.
-- Per tenant: admin, teacher (owns lesson_pub and lesson_draft), teacher2 (owns
-- lesson_other), student (has progress, a session, an attempt) and student2.
-- (supabase/tests/001_classroom_fixtures.sql)
select tests.classroom_fixture();

-- ------------------------------------------- question data validation (per type)
select ok(classroom_private.question_data_is_valid('MULTIPLE_CHOICE', '{"options": ["a", "b"]}', '{"index": 1}'),
    'MULTIPLE_CHOICE: two options and an index in range are valid');
select ok(not classroom_private.question_data_is_valid('MULTIPLE_CHOICE', '{"options": ["a", "b"]}', '{"index": 2}'),
    'MULTIPLE_CHOICE: an index out of range is refused');
select ok(not classroom_private.question_data_is_valid('MULTIPLE_CHOICE', '{"options": ["a"]}', '{"index": 0}'),
    'MULTIPLE_CHOICE: a single option is refused');
select ok(classroom_private.question_data_is_valid('TRUE_FALSE', '{}', '{"value": false}'),
    'TRUE_FALSE: a boolean value is valid');
select ok(not classroom_private.question_data_is_valid('TRUE_FALSE', '{}', '{"value": "false"}'),
    'TRUE_FALSE: a string value is refused');
select ok(classroom_private.question_data_is_valid('SHORT_ANSWER', '{}', '{"accepted": ["oxygen", "O2"]}'),
    'SHORT_ANSWER: a list of accepted answers is valid');
select ok(not classroom_private.question_data_is_valid('SHORT_ANSWER', '{}', '{"accepted": []}'),
    'SHORT_ANSWER: no accepted answer is refused');
select ok(classroom_private.question_data_is_valid('FILL_IN_THE_BLANK', '{"template": "A ___ and a ___"}', '{"blanks": ["x", "y"]}'),
    'FILL_IN_THE_BLANK: one answer per ___ is valid');
select ok(not classroom_private.question_data_is_valid('FILL_IN_THE_BLANK', '{"template": "A ___ and a ___"}', '{"blanks": ["x"]}'),
    'FILL_IN_THE_BLANK: fewer answers than blanks is refused');
select ok(classroom_private.question_data_is_valid('MATCHING', '{"left": ["cat", "dog"], "right": ["bark", "meow"]}', '{"matches": ["meow", "bark"]}'),
    'MATCHING: one right item per left item is valid');
select ok(not classroom_private.question_data_is_valid('MATCHING', '{"left": ["cat", "dog"], "right": ["bark", "meow"]}', '{"matches": ["meow", "moo"]}'),
    'MATCHING: a match that is not a right item is refused');
select ok(classroom_private.question_data_is_valid('ORDERING', '{"items": ["b", "a", "c"]}', '{"order": ["a", "b", "c"]}'),
    'ORDERING: a permutation of the items is valid');
select ok(not classroom_private.question_data_is_valid('ORDERING', '{"items": ["b", "a", "c"]}', '{"order": ["a", "b", "b"]}'),
    'ORDERING: an order that is not a permutation is refused');
select ok(not classroom_private.question_data_is_valid('ORDERING', '{"items": ["a", "b", "c"]}', '{"order": ["a", "b", "c"]}'),
    'ORDERING: items stored in the answer order are refused (students read question_data)');
select ok(not classroom_private.question_data_is_valid('MATCHING', '{"left": ["cat", "dog"], "right": ["meow", "bark"]}', '{"matches": ["meow", "bark"]}'),
    'MATCHING: a right column already in matching order is refused (students read question_data)');
select ok(not classroom_private.question_data_is_valid('ORDERING', '[]', '{"order": []}'),
    'question_data must be a JSON object');
select throws_ok(
    $$ insert into classroom.questions (tenant_id, milestone_id, type, question_text, question_data, correct_answer)
       values (md5('a:tenant')::uuid, md5('a:m1')::uuid, 'MULTIPLE_CHOICE', 'Bad', '{"options": ["only"]}', '{"index": 0}') $$,
    '23514', null, 'questions: the check constraint refuses invalid type-specific data (23514)');
select throws_ok(
    $$ insert into classroom.questions (tenant_id, milestone_id, type, question_text, correct_answer, grading_criteria)
       values (md5('a:tenant')::uuid, md5('a:m1')::uuid, 'TRUE_FALSE', 'Bad criteria', '{"value": true}', '{"passing_score": 120}') $$,
    '23514', null, 'questions: grading_criteria.passing_score must be 0-100 (23514)');
select throws_ok(
    $$ insert into classroom.questions (tenant_id, milestone_id, type, question_text, correct_answer, retry_limit)
       values (md5('a:tenant')::uuid, md5('a:m1')::uuid, 'TRUE_FALSE', 'Bad retries', '{"value": true}', 0) $$,
    '23514', null, 'questions: retry_limit must be 1-10 (23514)');

-- ------------------------------------------------------------------ scoring
select is(classroom_private.score_answer('MULTIPLE_CHOICE', '{"index": 1}', '{"index": 1}', null), 100::numeric,
    'score: MULTIPLE_CHOICE right answer is 100');
select is(classroom_private.score_answer('TRUE_FALSE', '{"value": true}', '{"value": false}', null), 0::numeric,
    'score: TRUE_FALSE wrong answer is 0');
select is(classroom_private.score_answer('SHORT_ANSWER', '{"accepted": ["Oxygen"]}', '{"text": "  oxygen "}', null), 100::numeric,
    'score: SHORT_ANSWER is trimmed and case-insensitive');
select is(classroom_private.score_answer('FILL_IN_THE_BLANK', '{"blanks": ["sugar", "light"]}', '{"blanks": ["Sugar", "water"]}', null), 50::numeric,
    'score: FILL_IN_THE_BLANK gives partial credit per blank');
select is(classroom_private.score_answer('MATCHING', '{"matches": ["a", "b", "c", "d"]}', '{"matches": ["a", "b", "d", "c"]}', null), 50::numeric,
    'score: MATCHING gives partial credit per pair');
select is(classroom_private.score_answer('ORDERING', '{"order": ["a", "b", "c"]}', '{"order": ["a", "c", "b"]}', false), 0::numeric,
    'score: no partial credit when grading_criteria.partial_credit is false');
select throws_ok($$ select classroom_private.score_answer('ORDERING', '{"order": ["a", "b"]}', '{"order": ["a"]}', null) $$,
    '22023', null, 'score: an answer of the wrong length is refused (22023)');
select throws_ok($$ select classroom_private.score_answer('MULTIPLE_CHOICE', '{"index": 1}', '{"choice": 1}', null) $$,
    '22023', null, 'score: an answer of the wrong shape is refused (22023)');

-- ------------------------------------------- attempts, retry limit, grades
-- q_order (ORDERING, retry_limit 3, partial credit) answered by student a.
select tests.authenticate_as('student-a@cls.test');
select lives_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid,
               '{"order": ["light", "water", "oxygen", "sugar"]}') $$,
    'attempts: a student answers an approved question');
select results_eq(
    $$ select attempt_number, score, is_correct, lesson_id from classroom.question_attempts
       where question_id = md5('a:q_order')::uuid $$,
    $$ values (1, 50.00::numeric, false, md5('a:lesson_pub')::uuid) $$,
    'attempts: the trigger numbers the attempt and grades it with partial credit');
select results_eq(
    $$ select score, attempts_used, max_attempts, is_passed from classroom.grades where question_id = md5('a:q_order')::uuid $$,
    $$ values (50.00::numeric, 1, 3, false) $$,
    'grades: the first attempt creates the grade (50 < passing threshold 70)');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid, null) $$,
    '22023', null, 'attempts: a null answer is refused (22023) and does not use up an attempt');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid, '{"order": "light"}') $$,
    '22023', null, 'attempts: an answer of the wrong shape is refused (22023)');
select lives_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid,
               '{"order": ["light", "water", "sugar", "oxygen"]}') $$,
    'attempts: a second attempt is allowed');
select results_eq(
    $$ select score, attempts_used, is_passed from classroom.grades where question_id = md5('a:q_order')::uuid $$,
    $$ values (100.00::numeric, 2, true) $$,
    'grades: the grade keeps the best score and counts the attempts');
select is((select average_score from classroom.student_progress where id = md5('a:progress')::uuid), 100.00,
    'progress: average_score is the mean of the lesson''s grades (100 and 100)');
select lives_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid,
               '{"order": ["water", "light", "sugar", "oxygen"]}') $$,
    'attempts: the third attempt (= retry_limit) is allowed');
select results_eq(
    $$ select score, attempts_used from classroom.grades where question_id = md5('a:q_order')::uuid $$,
    $$ values (100.00::numeric, 3) $$,
    'grades: a worse later attempt does not lower the best score');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_order')::uuid,
               '{"order": ["light", "water", "sugar", "oxygen"]}') $$,
    '23514', null, 'attempts: a fourth attempt is refused: retry limit reached (23514)');
select is((select count(*)::int from classroom.question_attempts where question_id = md5('a:q_order')::uuid), 3,
    'attempts: nothing was written by the refused attempt');
select lives_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_mc')::uuid, '{"index": 0}') $$,
    'attempts: q_mc (retry_limit 2) accepts a second attempt');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_mc')::uuid, '{"index": 1}') $$,
    '23514', null, 'attempts: q_mc refuses a third attempt (retry_limit 2, 23514)');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_tf')::uuid, '{"value": true}') $$,
    '22023', null, 'attempts: a PENDING question cannot be answered (22023)');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q_draft')::uuid, '{"text": "oxygen"}') $$,
    '22023', null, 'attempts: a question of a draft lesson cannot be answered (22023)');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('b:q_mc')::uuid, '{"index": 1}') $$,
    '23503', null, 'attempts: a question id of another tenant is not found in the caller''s tenant (23503)');
select tests.clear_authentication();
select tests.authenticate_as('student2-a@cls.test');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, session_id, answer)
       values (md5('a:tenant')::uuid, tests.get_user_id('student2-a@cls.test'), md5('a:q_mc')::uuid, md5('a:session')::uuid, '{"index": 1}') $$,
    '23503', null, 'attempts: an attempt cannot claim another student''s device session (23503)');
select tests.clear_authentication();

-- passing threshold from the tenant's system config when the question has none
update classroom.system_configs set value = '40' where tenant_id = md5('a:tenant')::uuid and key = 'grading.passingThreshold';
update classroom.grades set score = 50 where question_id = md5('a:q_order')::uuid;
select is((select is_passed from classroom.grades where question_id = md5('a:q_order')::uuid), true,
    'grades: is_passed follows the tenant''s grading.passingThreshold (50 >= 40)');
update classroom.questions set grading_criteria = '{"passing_score": 90}' where id = md5('a:q_order')::uuid;
update classroom.grades set score = 80 where question_id = md5('a:q_order')::uuid;
select is((select is_passed from classroom.grades where question_id = md5('a:q_order')::uuid), false,
    'grades: the question''s grading_criteria.passing_score wins over the tenant default (80 < 90)');
select throws_ok($$ update classroom.grades set attempts_used = 4 where question_id = md5('a:q_order')::uuid $$,
    '23514', null, 'grades: attempts_used can never exceed max_attempts (23514)');

-- ------------------------------------------------------- content integrity
select throws_ok(
    $$ insert into classroom.milestones (tenant_id, video_id, title, "timestamp")
       values (md5('a:tenant')::uuid, md5('a:video')::uuid, 'Too late', 601) $$,
    '23514', null, 'milestones: a timestamp beyond the video duration (600 s) is refused (23514)');
select throws_ok(
    $$ insert into classroom.milestones (tenant_id, video_id, title, "timestamp")
       values (md5('a:tenant')::uuid, md5('a:video')::uuid, 'Negative', -1) $$,
    '23514', null, 'milestones: a negative timestamp is refused (23514)');
select throws_ok(
    $$ insert into classroom.videos (tenant_id, video_group_id, lesson_id, title, gcs_bucket, gcs_object_path)
       values (md5('a:tenant')::uuid, md5('b:vg')::uuid, md5('b:lesson_pub')::uuid, 'Cross', 'cls-videos', 'x.mp4') $$,
    '23503', null, 'videos: a video cannot point at a chapter of another tenant (23503, composite key)');
select throws_ok(
    $$ insert into classroom.student_progress (tenant_id, student_id, lesson_id)
       values (md5('a:tenant')::uuid, tests.get_user_id('student-b@cls.test'), md5('a:lesson_pub')::uuid) $$,
    '23503', null, 'student_progress: a row cannot name a student of another tenant (23503, composite key)');
select throws_ok(
    $$ insert into classroom.videos (tenant_id, video_group_id, title, gcs_bucket, gcs_object_path)
       values (md5('a:tenant')::uuid, md5('a:vg')::uuid, 'Same file', 'cls-videos', 'a/intro.mp4') $$,
    '23505', null, 'videos: one video per bucket and object path in a tenant (23505)');
-- moving a chapter to another lesson carries lesson_id down the hierarchy
update classroom.video_groups set lesson_id = md5('a:lesson_other')::uuid where id = md5('a:vg')::uuid;
select results_eq(
    $$ select (select count(*)::int from classroom.videos where video_group_id = md5('a:vg')::uuid and lesson_id = md5('a:lesson_other')::uuid),
              (select count(*)::int from classroom.milestones where video_id = md5('a:video')::uuid and lesson_id = md5('a:lesson_other')::uuid),
              (select count(*)::int from classroom.questions where milestone_id in (md5('a:m1')::uuid, md5('a:m2')::uuid) and lesson_id = md5('a:lesson_other')::uuid),
              (select count(*)::int from classroom.grades where lesson_id = md5('a:lesson_other')::uuid) $$,
    $$ values (1, 2, 3, 2) $$,
    'moving a chapter cascades lesson_id to its videos, milestones, questions and grades');
update classroom.video_groups set lesson_id = md5('a:lesson_pub')::uuid where id = md5('a:vg')::uuid;

-- --------------------------------------------------------- content versions
update classroom.lessons set description = 'Now with diagrams' where id = md5('a:lesson_pub')::uuid;
update classroom.lessons set status = 'ARCHIVED' where id = md5('a:lesson_pub')::uuid;
update classroom.lessons set status = 'PUBLISHED' where id = md5('a:lesson_pub')::uuid;
select is((select version from classroom.lessons where id = md5('a:lesson_pub')::uuid), 2,
    'lessons: a content change bumps version (1 -> 2), status changes do not');
update classroom.questions set question_text = 'Which gas do plants take in?' where id = md5('a:q_mc')::uuid;
update classroom.questions set status = 'PENDING' where id = md5('a:q_mc')::uuid;
update classroom.questions set status = 'APPROVED' where id = md5('a:q_mc')::uuid;
select is((select version from classroom.questions where id = md5('a:q_mc')::uuid), 2,
    'questions: a content change bumps version (1 -> 2), review changes do not');

-- ------------------------------------------------------------- review stamps
update classroom.questions set status = 'REJECTED' where id = md5('a:q_tf')::uuid;
select ok((select reviewed_at is not null from classroom.questions where id = md5('a:q_tf')::uuid),
    'questions: rejecting stamps reviewed_at');
update classroom.questions set status = 'PENDING' where id = md5('a:q_tf')::uuid;
select results_eq($$ select reviewed_by_id, reviewed_at from classroom.questions where id = md5('a:q_tf')::uuid $$,
    $$ values (null::uuid, null::timestamptz) $$,
    'questions: back to PENDING clears the review stamps');

-- ----------------------------------------------------------------- AI config
select throws_ok(
    $$ update classroom.ai_configurations set parameters = '{"api_key": "sk-123"}' where id = md5('a:ai')::uuid $$,
    '23514', null, 'ai_configurations: secrets are refused in parameters (23514)');
select throws_ok(
    $$ insert into classroom.ai_configurations (tenant_id, name, provider, model, is_active)
       values (md5('a:tenant')::uuid, 'Another', 'OPENAI', 'gpt-4o', true) $$,
    '23505', null, 'ai_configurations: one active configuration per provider and tenant (23505)');
select lives_ok(
    $$ insert into classroom.ai_configurations (tenant_id, name, provider, model, is_active)
       values (md5('b:tenant')::uuid, 'B second', 'ANTHROPIC', 'claude', true) $$,
    'ai_configurations: the limit is per tenant and provider');

-- ------------------------------------------------------------------- audit
select tests.authenticate_as('teacher-a@cls.test');
update classroom.lessons set title = 'Photosynthesis (v2)' where id = md5('a:lesson_pub')::uuid;
select tests.clear_authentication();
select results_eq(
    $$ select action, old_data ->> 'title', new_data ->> 'title', changed_by_id from classroom.audit_logs
       where table_name = 'lessons' and record_id = md5('a:lesson_pub')::uuid::text and action = 'UPDATE'
         and new_data ->> 'title' = 'Photosynthesis (v2)' $$,
    $$ values ('UPDATE'::classroom.audit_action, 'Photosynthesis a', 'Photosynthesis (v2)', tests.get_user_id('teacher-a@cls.test')) $$,
    'audit_logs: a lesson update is logged with before/after and the teacher');
select is(
    (select count(*)::int from classroom.audit_logs where table_name = 'users' and (new_data ? 'email' or old_data ? 'email' or new_data ? 'first_name')),
    0, 'audit_logs: personal fields of users are not copied');
select ok(
    (select count(*) from classroom.audit_logs where table_name = 'grades' and tenant_id = md5('a:tenant')::uuid) > 0,
    'audit_logs: grade changes are logged');
select ok(
    (select count(*) from classroom.audit_logs where table_name = 'system_configs' and action = 'UPDATE') > 0,
    'audit_logs: system config changes are logged');
select ok(
    (select count(*) from classroom.audit_logs where table_name = 'questions' and action = 'UPDATE' and record_id = md5('a:q_tf')::uuid::text) >= 2,
    'audit_logs: question reviews are logged');

-- --------------------------------------------------------- tenant defaults
insert into classroom.tenants (id, name, slug) values (md5('c:tenant')::uuid, 'Tenant C', 'tenant-c');
select results_eq(
    $$ select key, value from classroom.system_configs where tenant_id = md5('c:tenant')::uuid order by key $$,
    $$ values ('ai.defaultProvider', '"OPENAI"'::jsonb), ('grading.passingThreshold', '70'::jsonb), ('video.maxFileSize', '5368709120'::jsonb) $$,
    'tenants: a new tenant gets the default system configs');
select throws_ok($$ insert into classroom.tenants (name, slug) values ('Bad', 'Bad Slug') $$, '23514', null,
    'tenants: slug must be lower-case url-safe (23514)');

-- ------------------------------------------------- deleting people and tenants
-- Deleting the auth user of a teacher keeps the tenant's content, anonymised.
delete from auth.users where id = tests.get_user_id('teacher-a@cls.test');
select results_eq(
    $$ select (select count(*)::int from classroom.lessons where tenant_id = md5('a:tenant')::uuid and created_by_id is null),
              (select count(*)::int from classroom.questions where tenant_id = md5('a:tenant')::uuid and created_by_id is null and reviewed_by_id is null and id = md5('a:q_mc')::uuid),
              (select count(*)::int from classroom.audit_logs where changed_by_id is not null and changed_by_id not in (select id from classroom.users)) $$,
    $$ values (2, 1, 0) $$,
    'deleting a teacher: their lessons and questions stay with the tenant with the author set null; audit actor set null');
-- Deleting the auth user of a student removes their learning records, keeps anonymised events.
delete from auth.users where id = tests.get_user_id('student-a@cls.test');
select results_eq(
    $$ select (select count(*)::int from classroom.student_progress where tenant_id = md5('a:tenant')::uuid),
              (select count(*)::int from classroom.question_attempts where tenant_id = md5('a:tenant')::uuid),
              (select count(*)::int from classroom.grades where tenant_id = md5('a:tenant')::uuid),
              (select count(*)::int from classroom.student_sessions where tenant_id = md5('a:tenant')::uuid),
              (select count(*)::int from classroom.user_preferences where tenant_id = md5('a:tenant')::uuid),
              (select count(*)::int from classroom.analytics_events where tenant_id = md5('a:tenant')::uuid and user_id is null) $$,
    $$ values (0, 0, 0, 0, 0, 1) $$,
    'deleting a student: progress, attempts, grades, sessions, preferences go; analytics events stay anonymised');
-- Deleting a tenant removes all its rows and nothing of the other tenant.
delete from classroom.tenants where id = md5('b:tenant')::uuid;
select is(
    (select sum(n)::int from (
        select count(*) as n from classroom.users where tenant_id = md5('b:tenant')::uuid
        union all
        select count(*) from classroom.lessons where tenant_id = md5('b:tenant')::uuid
        union all
        select count(*) from classroom.questions where tenant_id = md5('b:tenant')::uuid
        union all
        select count(*) from classroom.grades where tenant_id = md5('b:tenant')::uuid
        union all
        select count(*) from classroom.ai_usage_logs where tenant_id = md5('b:tenant')::uuid
        union all
        select count(*) from classroom.analytics_events where tenant_id = md5('b:tenant')::uuid
        union all
        select count(*) from classroom.audit_logs where tenant_id = md5('b:tenant')::uuid
        union all
        select count(*) from classroom.system_configs where tenant_id = md5('b:tenant')::uuid) s),
    0, 'deleting a tenant removes every row of that tenant (audit trigger skips it)');
select is((select count(*)::int from classroom.lessons where tenant_id = md5('a:tenant')::uuid), 3,
    'deleting a tenant leaves the other tenant untouched');

select * from finish();
rollback;
