-- RLS matrix for every learning table: anon, the row's owner (or the course
-- author), another user and service_role x select/insert/update/delete.
-- Denied actions either raise 42501 (no privilege / policy check) or touch
-- 0 rows (row hidden by a using clause); each test name says which.
begin;
select plan(238);

select from tests.create_user('rls.author@example.com');
select from tests.create_user('rls.owner@example.com');
select from tests.create_user('rls.other@example.com');

insert into learning.courses (id, title, is_published, created_by) values
    ('00000000-0000-4000-a000-000000000101', 'Published course', true, tests.get_user_id('rls.author@example.com')),
    ('00000000-0000-4000-a000-000000000102', 'Second published course', true, tests.get_user_id('rls.author@example.com')),
    ('00000000-0000-4000-a000-000000000103', 'Draft course', false, tests.get_user_id('rls.author@example.com')),
    ('00000000-0000-4000-a000-000000000104', 'Other''s draft course', false, tests.get_user_id('rls.other@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published) values
    ('00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000101', 'Published lesson', 1, true),
    ('00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000101', 'Draft lesson', 2, false),
    ('00000000-0000-4000-a000-000000000203', '00000000-0000-4000-a000-000000000103', 'Lesson of a draft course', 1, true),
    ('00000000-0000-4000-a000-000000000206', '00000000-0000-4000-a000-000000000102', 'Published lesson of the second course', 1, true);
insert into learning.assessments (id, title, course_id, lesson_id, is_published) values
    ('00000000-0000-4000-a000-000000000301', 'Published assessment', '00000000-0000-4000-a000-000000000101', null, true),
    ('00000000-0000-4000-a000-000000000302', 'Draft assessment', '00000000-0000-4000-a000-000000000101', null, false),
    ('00000000-0000-4000-a000-000000000303', 'Standalone assessment', null, null, true),
    ('00000000-0000-4000-a000-000000000304', 'Published assessment of a draft lesson', '00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000202', true);

insert into learning.course_enrollments (id, user_id, course_id) values ('00000000-0000-4000-a000-000000000401', tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000101');
insert into learning.assessment_attempts (id, user_id, assessment_id) values ('00000000-0000-4000-a000-000000000402', tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000301');
insert into learning.user_progress (id, user_id, lesson_id, course_id) values ('00000000-0000-4000-a000-000000000403', tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000101');
insert into learning.learning_analytics (id, user_id, session_duration, session_date) values ('00000000-0000-4000-a000-000000000404', tests.get_user_id('rls.owner@example.com'), 600, date '2026-01-05');
insert into learning.chat_history (id, user_id, question) values ('00000000-0000-4000-a000-000000000405', tests.get_user_id('rls.owner@example.com'), 'What is a closure?');
insert into learning.ai_interactions (id, user_id, interaction_type) values ('00000000-0000-4000-a000-000000000406', tests.get_user_id('rls.owner@example.com'), 'chat');
insert into learning.achievements (id, user_id, title, type) values ('00000000-0000-4000-a000-000000000407', tests.get_user_id('rls.owner@example.com'), 'Early bird', 'special');
insert into learning.notifications (id, user_id, title, message) values ('00000000-0000-4000-a000-000000000408', tests.get_user_id('rls.owner@example.com'), 'Welcome', 'Welcome aboard');
insert into learning.user_feedback (id, user_id, rating) values ('00000000-0000-4000-a000-000000000409', tests.get_user_id('rls.owner@example.com'), 4);

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.profiles$$, '42501', null, 'profiles: anon cannot select (42501)');
select throws_ok($$insert into learning.profiles (id) values (tests.get_user_id('rls.owner@example.com'))$$, '42501', null, 'profiles: anon cannot insert (42501)');
select throws_ok($$update learning.profiles set bio = 'x'$$, '42501', null, 'profiles: anon cannot update (42501)');
select throws_ok($$delete from learning.profiles$$, '42501', null, 'profiles: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.profiles where id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.author@example.com'))), 0, 'profiles: another user sees no one else''s profile (0 rows)');
with t as (update learning.profiles set bio = 'hacked' where id = tests.get_user_id('rls.owner@example.com') returning 1) select is(count(*)::int, 0, 'profiles: another user cannot update the owner''s profile (0 rows)') from t;
select throws_ok($$insert into learning.profiles (id) values (tests.get_user_id('rls.other@example.com'))$$, '42501', null, 'profiles: another user cannot insert profiles (42501)');
select throws_ok($$delete from learning.profiles where id = tests.get_user_id('rls.owner@example.com')$$, '42501', null, 'profiles: another user cannot delete profiles (42501)');

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.profiles), 1, 'profiles: the owner sees exactly their own profile');
with t as (update learning.profiles set full_name = 'Owner', bio = 'Hi', learning_goals = array['sql'] where id = tests.get_user_id('rls.owner@example.com') returning 1) select is(count(*)::int, 1, 'profiles: the owner can update their profile') from t;
select throws_ok($$update learning.profiles set email = 'spoof@example.com' where id = tests.get_user_id('rls.owner@example.com')$$, '42501', null, 'profiles: the owner cannot change their email (42501)');
select throws_ok($$insert into learning.profiles (id) values (tests.get_user_id('rls.owner@example.com'))$$, '42501', null, 'profiles: the owner cannot insert a profile (42501, created by the signup trigger)');
select throws_ok($$delete from learning.profiles where id = tests.get_user_id('rls.owner@example.com')$$, '42501', null, 'profiles: the owner cannot delete their profile (42501, it goes with the auth user)');

select tests.authenticate_as_service_role();
select is((select count(*)::int from learning.profiles where id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.author@example.com'), tests.get_user_id('rls.other@example.com'))), 3, 'profiles: service_role sees every profile');
with t as (update learning.profiles set bio = 'by service' where id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'profiles: service_role can update any profile') from t;
with t as (delete from learning.profiles where id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'profiles: service_role can delete a profile') from t;
select lives_ok($$insert into learning.profiles (id, email) values (tests.get_user_id('rls.other@example.com'), 'rls.other@example.com')$$, 'profiles: service_role can insert a profile');

select tests.authenticate_as_anon();
select is((select count(*)::int from learning.courses where id in ('00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000103')), 1, 'courses: anon sees published courses only');
select throws_ok($$insert into learning.courses (title, is_published) values ('Anon course', true)$$, '42501', null, 'courses: anon cannot insert (42501)');
select throws_ok($$update learning.courses set title = 'x'$$, '42501', null, 'courses: anon cannot update (42501)');
select throws_ok($$delete from learning.courses$$, '42501', null, 'courses: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.courses where id in ('00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000103')), 1, 'courses: another user sees the author''s published course, not the draft');
select throws_ok($$insert into learning.courses (title, created_by) values ('Impersonated', tests.get_user_id('rls.author@example.com'))$$, '42501', null, 'courses: another user cannot create a course in the author''s name (42501)');
with t as (update learning.courses set title = 'Hijacked' where id in ('00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000103') returning 1) select is(count(*)::int, 0, 'courses: another user cannot update the author''s courses (0 rows)') from t;
with t as (delete from learning.courses where id in ('00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000103') returning 1) select is(count(*)::int, 0, 'courses: another user cannot delete the author''s courses (0 rows)') from t;

select tests.authenticate_as('rls.author@example.com');
select is((select count(*)::int from learning.courses where id in ('00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000103', '00000000-0000-4000-a000-000000000104')), 2, 'courses: the author sees their published and draft courses, not another author''s draft');
select lives_ok($$insert into learning.courses (id, title) values ('00000000-0000-4000-a000-000000000105', 'New course')$$, 'courses: the author can create a course (created_by defaults to auth.uid())');
with t as (update learning.courses set is_published = true where id = '00000000-0000-4000-a000-000000000103' returning 1) select is(count(*)::int, 1, 'courses: the author can update their course') from t;
select throws_ok($$update learning.courses set created_by = tests.get_user_id('rls.other@example.com') where id = '00000000-0000-4000-a000-000000000103'$$, '42501', null, 'courses: the author cannot hand a course to someone else (42501)');
with t as (delete from learning.courses where id = '00000000-0000-4000-a000-000000000105' returning 1) select is(count(*)::int, 1, 'courses: the author can delete their course') from t;

select tests.authenticate_as_service_role();
select is((select count(*)::int from learning.courses where id in ('00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000102', '00000000-0000-4000-a000-000000000103', '00000000-0000-4000-a000-000000000104')), 4, 'courses: service_role sees every course');
select lives_ok($$insert into learning.courses (id, title, created_by) values ('00000000-0000-4000-a000-000000000106', 'Platform course', null)$$, 'courses: service_role can insert a course');
with t as (update learning.courses set is_published = false where id = '00000000-0000-4000-a000-000000000103' returning 1) select is(count(*)::int, 1, 'courses: service_role can update any course') from t;
with t as (delete from learning.courses where id = '00000000-0000-4000-a000-000000000106' returning 1) select is(count(*)::int, 1, 'courses: service_role can delete any course') from t;

select tests.authenticate_as_anon();
select is((select count(*)::int from learning.lessons where id in ('00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000203')), 1, 'lessons: anon sees only published lessons of published courses');
select throws_ok($$insert into learning.lessons (course_id, title, order_index) values ('00000000-0000-4000-a000-000000000101', 'x', 9)$$, '42501', null, 'lessons: anon cannot insert (42501)');
select throws_ok($$update learning.lessons set title = 'x'$$, '42501', null, 'lessons: anon cannot update (42501)');
select throws_ok($$delete from learning.lessons$$, '42501', null, 'lessons: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.lessons where id in ('00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000203')), 1, 'lessons: another user sees only published lessons of published courses');
select throws_ok($$insert into learning.lessons (course_id, title, order_index) values ('00000000-0000-4000-a000-000000000101', 'Injected', 9)$$, '42501', null, 'lessons: another user cannot add lessons to the author''s course (42501)');
with t as (update learning.lessons set title = 'Hijacked' where id in ('00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000202') returning 1) select is(count(*)::int, 0, 'lessons: another user cannot update the author''s lessons (0 rows)') from t;
with t as (delete from learning.lessons where id in ('00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000202') returning 1) select is(count(*)::int, 0, 'lessons: another user cannot delete the author''s lessons (0 rows)') from t;

select tests.authenticate_as('rls.author@example.com');
select is((select count(*)::int from learning.lessons where id in ('00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000203')), 3, 'lessons: the author sees all lessons of their courses, published or not');
select lives_ok($$insert into learning.lessons (id, course_id, title, order_index) values ('00000000-0000-4000-a000-000000000204', '00000000-0000-4000-a000-000000000101', 'New lesson', 3)$$, 'lessons: the author can add a lesson to their course');
with t as (update learning.lessons set is_published = true where id = '00000000-0000-4000-a000-000000000202' returning 1) select is(count(*)::int, 1, 'lessons: the author can update their lesson') from t;
select throws_ok($$update learning.lessons set course_id = '00000000-0000-4000-a000-000000000104' where id = '00000000-0000-4000-a000-000000000204'$$, '42501', null, 'lessons: the author cannot move a lesson into another author''s course (42501)');
with t as (delete from learning.lessons where id = '00000000-0000-4000-a000-000000000204' returning 1) select is(count(*)::int, 1, 'lessons: the author can delete their lesson') from t;

select tests.authenticate_as_service_role();
select is((select count(*)::int from learning.lessons where id in ('00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000203')), 3, 'lessons: service_role sees every lesson');
select lives_ok($$insert into learning.lessons (id, course_id, title, order_index) values ('00000000-0000-4000-a000-000000000205', '00000000-0000-4000-a000-000000000104', 'Service lesson', 1)$$, 'lessons: service_role can insert a lesson anywhere');
with t as (update learning.lessons set is_published = false where id = '00000000-0000-4000-a000-000000000202' returning 1) select is(count(*)::int, 1, 'lessons: service_role can update any lesson') from t;
with t as (delete from learning.lessons where id = '00000000-0000-4000-a000-000000000205' returning 1) select is(count(*)::int, 1, 'lessons: service_role can delete any lesson') from t;

select tests.authenticate_as_anon();
select is((select count(*)::int from learning.assessments where id in ('00000000-0000-4000-a000-000000000301', '00000000-0000-4000-a000-000000000302', '00000000-0000-4000-a000-000000000303', '00000000-0000-4000-a000-000000000304')), 2, 'assessments: anon sees published ones (course and standalone), not drafts nor ones on a draft lesson');
select throws_ok($$insert into learning.assessments (title, is_published) values ('x', true)$$, '42501', null, 'assessments: anon cannot insert (42501)');
select throws_ok($$update learning.assessments set title = 'x'$$, '42501', null, 'assessments: anon cannot update (42501)');
select throws_ok($$delete from learning.assessments$$, '42501', null, 'assessments: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.assessments where id in ('00000000-0000-4000-a000-000000000301', '00000000-0000-4000-a000-000000000302', '00000000-0000-4000-a000-000000000303', '00000000-0000-4000-a000-000000000304')), 2, 'assessments: another user sees only the public ones');
select throws_ok($$insert into learning.assessments (title, course_id) values ('Injected', '00000000-0000-4000-a000-000000000101')$$, '42501', null, 'assessments: another user cannot add assessments to the author''s course (42501)');
select throws_ok($$insert into learning.assessments (title) values ('Standalone by a user')$$, '42501', null, 'assessments: a user cannot create a standalone assessment (42501, service_role only)');
with t as (update learning.assessments set title = 'Hijacked' where id in ('00000000-0000-4000-a000-000000000301', '00000000-0000-4000-a000-000000000302', '00000000-0000-4000-a000-000000000303') returning 1) select is(count(*)::int, 0, 'assessments: another user cannot update them (0 rows)') from t;
with t as (delete from learning.assessments where id in ('00000000-0000-4000-a000-000000000301', '00000000-0000-4000-a000-000000000302', '00000000-0000-4000-a000-000000000303') returning 1) select is(count(*)::int, 0, 'assessments: another user cannot delete them (0 rows)') from t;

select tests.authenticate_as('rls.author@example.com');
select is((select count(*)::int from learning.assessments where id in ('00000000-0000-4000-a000-000000000301', '00000000-0000-4000-a000-000000000302', '00000000-0000-4000-a000-000000000303', '00000000-0000-4000-a000-000000000304')), 4, 'assessments: the author sees all of their course''s assessments plus public ones');
select lives_ok($$insert into learning.assessments (id, title, course_id, lesson_id) values ('00000000-0000-4000-a000-000000000305', 'New quiz', '00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000201')$$, 'assessments: the author can add an assessment to their course');
with t as (update learning.assessments set title = 'Renamed draft' where id = '00000000-0000-4000-a000-000000000302' returning 1) select is(count(*)::int, 1, 'assessments: the author can update their course''s assessment') from t;
with t as (update learning.assessments set title = 'Taken over' where id = '00000000-0000-4000-a000-000000000303' returning 1) select is(count(*)::int, 0, 'assessments: the author cannot update a standalone assessment (0 rows)') from t;
with t as (delete from learning.assessments where id = '00000000-0000-4000-a000-000000000305' returning 1) select is(count(*)::int, 1, 'assessments: the author can delete their course''s assessment') from t;

select tests.authenticate_as_service_role();
select is((select count(*)::int from learning.assessments where id in ('00000000-0000-4000-a000-000000000301', '00000000-0000-4000-a000-000000000302', '00000000-0000-4000-a000-000000000303', '00000000-0000-4000-a000-000000000304')), 4, 'assessments: service_role sees every assessment');
select lives_ok($$insert into learning.assessments (id, title, is_published) values ('00000000-0000-4000-a000-000000000306', 'Platform challenge', true)$$, 'assessments: service_role can create a standalone assessment');
with t as (update learning.assessments set time_limit = 30 where id = '00000000-0000-4000-a000-000000000303' returning 1) select is(count(*)::int, 1, 'assessments: service_role can update any assessment') from t;
with t as (delete from learning.assessments where id = '00000000-0000-4000-a000-000000000306' returning 1) select is(count(*)::int, 1, 'assessments: service_role can delete any assessment') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.course_enrollments$$, '42501', null, 'course_enrollments: anon cannot select (42501)');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000102')$$, '42501', null, 'course_enrollments: anon cannot insert (42501)');
select throws_ok($$update learning.course_enrollments set status = 'paused'$$, '42501', null, 'course_enrollments: anon cannot update (42501)');
select throws_ok($$delete from learning.course_enrollments$$, '42501', null, 'course_enrollments: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.course_enrollments where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'course_enrollments: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000102')$$, '42501', null, 'course_enrollments: another user cannot insert a row for the owner (42501)');
with t as (update learning.course_enrollments set status = 'paused' where id = '00000000-0000-4000-a000-000000000401' returning 1) select is(count(*)::int, 0, 'course_enrollments: another user cannot update the owner''s row (0 rows)') from t;
with t as (delete from learning.course_enrollments where id = '00000000-0000-4000-a000-000000000401' returning 1) select is(count(*)::int, 0, 'course_enrollments: another user cannot delete the owner''s row (0 rows)') from t;

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.course_enrollments where id = '00000000-0000-4000-a000-000000000401'), 1, 'course_enrollments: the owner sees their row');
select lives_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000102')$$, 'course_enrollments: the owner can insert their own row');
with t as (update learning.course_enrollments set status = 'paused' where id = '00000000-0000-4000-a000-000000000401' returning 1) select is(count(*)::int, 1, 'course_enrollments: the owner can update their row') from t;
select throws_ok($$update learning.course_enrollments set progress_percentage = 100 where id = '00000000-0000-4000-a000-000000000401'$$, '42501', null, 'course_enrollments: the owner cannot change progress_percentage (42501)');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000103')$$, '42501', null, 'course_enrollments: the owner cannot enroll in someone else''s unpublished course (42501)');
with t as (delete from learning.course_enrollments where id = '00000000-0000-4000-a000-000000000401' returning 1) select is(count(*)::int, 1, 'course_enrollments: the owner can delete their row') from t;

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.course_enrollments where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'course_enrollments: service_role sees every row');
select lives_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('rls.other@example.com'), '00000000-0000-4000-a000-000000000101')$$, 'course_enrollments: service_role can insert a row for any user');
with t as (update learning.course_enrollments set last_accessed = now() where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'course_enrollments: service_role can update any row') from t;
with t as (delete from learning.course_enrollments where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'course_enrollments: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.assessment_attempts$$, '42501', null, 'assessment_attempts: anon cannot select (42501)');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000301')$$, '42501', null, 'assessment_attempts: anon cannot insert (42501)');
select throws_ok($$update learning.assessment_attempts set submitted_code = 'print(1)'$$, '42501', null, 'assessment_attempts: anon cannot update (42501)');
select throws_ok($$delete from learning.assessment_attempts$$, '42501', null, 'assessment_attempts: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.assessment_attempts where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'assessment_attempts: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000301')$$, '42501', null, 'assessment_attempts: another user cannot insert a row for the owner (42501)');
with t as (update learning.assessment_attempts set submitted_code = 'print(1)' where id = '00000000-0000-4000-a000-000000000402' returning 1) select is(count(*)::int, 0, 'assessment_attempts: another user cannot update the owner''s row (0 rows)') from t;
select throws_ok($$delete from learning.assessment_attempts where id = '00000000-0000-4000-a000-000000000402'$$, '42501', null, 'assessment_attempts: another user cannot delete the owner''s row (42501)');

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.assessment_attempts where id = '00000000-0000-4000-a000-000000000402'), 1, 'assessment_attempts: the owner sees their row');
select lives_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000303')$$, 'assessment_attempts: the owner can insert their own row');
with t as (update learning.assessment_attempts set submitted_code = 'print(1)' where id = '00000000-0000-4000-a000-000000000402' returning 1) select is(count(*)::int, 1, 'assessment_attempts: the owner can update their row') from t;
select throws_ok($$update learning.assessment_attempts set score = 100 where id = '00000000-0000-4000-a000-000000000402'$$, '42501', null, 'assessment_attempts: the owner cannot change their score (graded by service_role) (42501)');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000302')$$, '42501', null, 'assessment_attempts: the owner cannot attempt an assessment they cannot see (42501)');
select throws_ok($$delete from learning.assessment_attempts where id = '00000000-0000-4000-a000-000000000402'$$, '42501', null, 'assessment_attempts: the owner cannot delete their row (42501)');

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.assessment_attempts where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'assessment_attempts: service_role sees every row');
select lives_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('rls.other@example.com'), '00000000-0000-4000-a000-000000000301')$$, 'assessment_attempts: service_role can insert a row for any user');
with t as (update learning.assessment_attempts set score = 80 where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'assessment_attempts: service_role can update any row') from t;
with t as (delete from learning.assessment_attempts where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'assessment_attempts: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.user_progress$$, '42501', null, 'user_progress: anon cannot select (42501)');
select throws_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000101')$$, '42501', null, 'user_progress: anon cannot insert (42501)');
select throws_ok($$update learning.user_progress set time_spent = 120$$, '42501', null, 'user_progress: anon cannot update (42501)');
select throws_ok($$delete from learning.user_progress$$, '42501', null, 'user_progress: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.user_progress where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'user_progress: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000101')$$, '42501', null, 'user_progress: another user cannot insert a row for the owner (42501)');
with t as (update learning.user_progress set time_spent = 120 where id = '00000000-0000-4000-a000-000000000403' returning 1) select is(count(*)::int, 0, 'user_progress: another user cannot update the owner''s row (0 rows)') from t;
with t as (delete from learning.user_progress where id = '00000000-0000-4000-a000-000000000403' returning 1) select is(count(*)::int, 0, 'user_progress: another user cannot delete the owner''s row (0 rows)') from t;

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.user_progress where id = '00000000-0000-4000-a000-000000000403'), 1, 'user_progress: the owner sees their row');
select lives_ok($$insert into learning.user_progress (user_id, lesson_id, course_id, time_spent) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000206', '00000000-0000-4000-a000-000000000102', 1)$$, 'user_progress: the owner can insert their own row');
with t as (update learning.user_progress set time_spent = 120 where id = '00000000-0000-4000-a000-000000000403' returning 1) select is(count(*)::int, 1, 'user_progress: the owner can update their row') from t;
select throws_ok($$update learning.user_progress set completed_at = now() where id = '00000000-0000-4000-a000-000000000403'$$, '42501', null, 'user_progress: the owner cannot change completed_at (42501)');
select throws_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000202', '00000000-0000-4000-a000-000000000101')$$, '42501', null, 'user_progress: the owner cannot track an unpublished lesson (42501)');
select throws_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000203', '00000000-0000-4000-a000-000000000103')$$, '42501', null, 'user_progress: the owner cannot track a lesson of an unpublished course (42501)');
with t as (delete from learning.user_progress where id = '00000000-0000-4000-a000-000000000403' returning 1) select is(count(*)::int, 1, 'user_progress: the owner can delete their row') from t;

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.user_progress where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'user_progress: service_role sees every row');
select lives_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('rls.other@example.com'), '00000000-0000-4000-a000-000000000201', '00000000-0000-4000-a000-000000000101')$$, 'user_progress: service_role can insert a row for any user');
with t as (update learning.user_progress set time_spent = 5 where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'user_progress: service_role can update any row') from t;
with t as (delete from learning.user_progress where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'user_progress: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.learning_analytics$$, '42501', null, 'learning_analytics: anon cannot select (42501)');
select throws_ok($$insert into learning.learning_analytics (user_id, session_duration) values (tests.get_user_id('rls.owner@example.com'), 300)$$, '42501', null, 'learning_analytics: anon cannot insert (42501)');
select throws_ok($$update learning.learning_analytics set session_duration = 1$$, '42501', null, 'learning_analytics: anon cannot update (42501)');
select throws_ok($$delete from learning.learning_analytics$$, '42501', null, 'learning_analytics: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.learning_analytics where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'learning_analytics: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.learning_analytics (user_id, session_duration) values (tests.get_user_id('rls.owner@example.com'), 300)$$, '42501', null, 'learning_analytics: another user cannot insert a row for the owner (42501)');
select throws_ok($$update learning.learning_analytics set session_duration = 1 where id = '00000000-0000-4000-a000-000000000404'$$, '42501', null, 'learning_analytics: another user cannot update the owner''s row (42501)');
select throws_ok($$delete from learning.learning_analytics where id = '00000000-0000-4000-a000-000000000404'$$, '42501', null, 'learning_analytics: another user cannot delete the owner''s row (42501)');

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.learning_analytics where id = '00000000-0000-4000-a000-000000000404'), 1, 'learning_analytics: the owner sees their row');
select lives_ok($$insert into learning.learning_analytics (user_id, session_duration, session_date) values (tests.get_user_id('rls.owner@example.com'), 300, current_date)$$, 'learning_analytics: the owner can insert their own row');
select throws_ok($$update learning.learning_analytics set session_duration = 1 where id = '00000000-0000-4000-a000-000000000404'$$, '42501', null, 'learning_analytics: the owner cannot update their row (42501)');
select throws_ok($$delete from learning.learning_analytics where id = '00000000-0000-4000-a000-000000000404'$$, '42501', null, 'learning_analytics: the owner cannot delete their row (42501)');

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.learning_analytics where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'learning_analytics: service_role sees every row');
select lives_ok($$insert into learning.learning_analytics (user_id, session_duration, session_date) values (tests.get_user_id('rls.other@example.com'), 60, date '2026-01-05')$$, 'learning_analytics: service_role can insert a row for any user');
with t as (update learning.learning_analytics set session_duration = 61 where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'learning_analytics: service_role can update any row') from t;
with t as (delete from learning.learning_analytics where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'learning_analytics: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.chat_history$$, '42501', null, 'chat_history: anon cannot select (42501)');
select throws_ok($$insert into learning.chat_history (user_id, question) values (tests.get_user_id('rls.owner@example.com'), 'Injected?')$$, '42501', null, 'chat_history: anon cannot insert (42501)');
select throws_ok($$update learning.chat_history set answer = 'edited'$$, '42501', null, 'chat_history: anon cannot update (42501)');
select throws_ok($$delete from learning.chat_history$$, '42501', null, 'chat_history: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.chat_history where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'chat_history: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.chat_history (user_id, question) values (tests.get_user_id('rls.owner@example.com'), 'Injected?')$$, '42501', null, 'chat_history: another user cannot insert a row for the owner (42501)');
select throws_ok($$update learning.chat_history set answer = 'edited' where id = '00000000-0000-4000-a000-000000000405'$$, '42501', null, 'chat_history: another user cannot update the owner''s row (42501)');
with t as (delete from learning.chat_history where id = '00000000-0000-4000-a000-000000000405' returning 1) select is(count(*)::int, 0, 'chat_history: another user cannot delete the owner''s row (0 rows)') from t;

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.chat_history where id = '00000000-0000-4000-a000-000000000405'), 1, 'chat_history: the owner sees their row');
select lives_ok($$insert into learning.chat_history (user_id, question, answer) values (tests.get_user_id('rls.owner@example.com'), 'Q?', 'A.')$$, 'chat_history: the owner can insert their own row');
select throws_ok($$update learning.chat_history set answer = 'edited' where id = '00000000-0000-4000-a000-000000000405'$$, '42501', null, 'chat_history: the owner cannot update their row (42501)');
with t as (delete from learning.chat_history where id = '00000000-0000-4000-a000-000000000405' returning 1) select is(count(*)::int, 1, 'chat_history: the owner can delete their row') from t;

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.chat_history where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'chat_history: service_role sees every row');
select lives_ok($$insert into learning.chat_history (user_id, question) values (tests.get_user_id('rls.other@example.com'), 'Service?')$$, 'chat_history: service_role can insert a row for any user');
with t as (update learning.chat_history set answer = 'By service' where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'chat_history: service_role can update any row') from t;
with t as (delete from learning.chat_history where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'chat_history: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.ai_interactions$$, '42501', null, 'ai_interactions: anon cannot select (42501)');
select throws_ok($$insert into learning.ai_interactions (user_id, interaction_type) values (tests.get_user_id('rls.owner@example.com'), 'chat')$$, '42501', null, 'ai_interactions: anon cannot insert (42501)');
select throws_ok($$update learning.ai_interactions set tokens_used = 1$$, '42501', null, 'ai_interactions: anon cannot update (42501)');
select throws_ok($$delete from learning.ai_interactions$$, '42501', null, 'ai_interactions: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.ai_interactions where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'ai_interactions: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.ai_interactions (user_id, interaction_type) values (tests.get_user_id('rls.owner@example.com'), 'chat')$$, '42501', null, 'ai_interactions: another user cannot insert a row for the owner (42501)');
select throws_ok($$update learning.ai_interactions set tokens_used = 1 where id = '00000000-0000-4000-a000-000000000406'$$, '42501', null, 'ai_interactions: another user cannot update the owner''s row (42501)');
select throws_ok($$delete from learning.ai_interactions where id = '00000000-0000-4000-a000-000000000406'$$, '42501', null, 'ai_interactions: another user cannot delete the owner''s row (42501)');

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.ai_interactions where id = '00000000-0000-4000-a000-000000000406'), 1, 'ai_interactions: the owner sees their row');
select throws_ok($$insert into learning.ai_interactions (user_id, interaction_type) values (tests.get_user_id('rls.owner@example.com'), 'chat')$$, '42501', null, 'ai_interactions: the owner cannot insert rows (42501, system-created)');
select throws_ok($$update learning.ai_interactions set tokens_used = 1 where id = '00000000-0000-4000-a000-000000000406'$$, '42501', null, 'ai_interactions: the owner cannot update their row (42501)');
select throws_ok($$delete from learning.ai_interactions where id = '00000000-0000-4000-a000-000000000406'$$, '42501', null, 'ai_interactions: the owner cannot delete their row (42501)');

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.ai_interactions where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'ai_interactions: service_role sees every row');
select lives_ok($$insert into learning.ai_interactions (user_id, interaction_type, tokens_used) values (tests.get_user_id('rls.other@example.com'), 'hint', 10)$$, 'ai_interactions: service_role can insert a row for any user');
with t as (update learning.ai_interactions set tokens_used = 11 where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'ai_interactions: service_role can update any row') from t;
with t as (delete from learning.ai_interactions where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'ai_interactions: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.achievements$$, '42501', null, 'achievements: anon cannot select (42501)');
select throws_ok($$insert into learning.achievements (user_id, title, type) values (tests.get_user_id('rls.owner@example.com'), 'Gift', 'gift')$$, '42501', null, 'achievements: anon cannot insert (42501)');
select throws_ok($$update learning.achievements set points = 1000$$, '42501', null, 'achievements: anon cannot update (42501)');
select throws_ok($$delete from learning.achievements$$, '42501', null, 'achievements: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.achievements where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'achievements: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.achievements (user_id, title, type) values (tests.get_user_id('rls.owner@example.com'), 'Gift', 'gift')$$, '42501', null, 'achievements: another user cannot insert a row for the owner (42501)');
select throws_ok($$update learning.achievements set points = 1000 where id = '00000000-0000-4000-a000-000000000407'$$, '42501', null, 'achievements: another user cannot update the owner''s row (42501)');
select throws_ok($$delete from learning.achievements where id = '00000000-0000-4000-a000-000000000407'$$, '42501', null, 'achievements: another user cannot delete the owner''s row (42501)');

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.achievements where id = '00000000-0000-4000-a000-000000000407'), 1, 'achievements: the owner sees their row');
select throws_ok($$insert into learning.achievements (user_id, title, type, points) values (tests.get_user_id('rls.owner@example.com'), 'Self-awarded', 'cheat', 1000)$$, '42501', null, 'achievements: the owner cannot insert rows (42501, system-created)');
select throws_ok($$update learning.achievements set points = 1000 where id = '00000000-0000-4000-a000-000000000407'$$, '42501', null, 'achievements: the owner cannot update their row (42501)');
select throws_ok($$delete from learning.achievements where id = '00000000-0000-4000-a000-000000000407'$$, '42501', null, 'achievements: the owner cannot delete their row (42501)');

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.achievements where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'achievements: service_role sees every row');
select lives_ok($$insert into learning.achievements (user_id, title, type, points) values (tests.get_user_id('rls.other@example.com'), 'Helper', 'community', 5)$$, 'achievements: service_role can insert a row for any user');
with t as (update learning.achievements set points = 6 where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'achievements: service_role can update any row') from t;
with t as (delete from learning.achievements where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'achievements: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.notifications$$, '42501', null, 'notifications: anon cannot select (42501)');
select throws_ok($$insert into learning.notifications (user_id, title, message) values (tests.get_user_id('rls.owner@example.com'), 'Spam', 'Spam')$$, '42501', null, 'notifications: anon cannot insert (42501)');
select throws_ok($$update learning.notifications set is_read = true$$, '42501', null, 'notifications: anon cannot update (42501)');
select throws_ok($$delete from learning.notifications$$, '42501', null, 'notifications: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.notifications where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'notifications: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.notifications (user_id, title, message) values (tests.get_user_id('rls.owner@example.com'), 'Spam', 'Spam')$$, '42501', null, 'notifications: another user cannot insert a row for the owner (42501)');
with t as (update learning.notifications set is_read = true where id = '00000000-0000-4000-a000-000000000408' returning 1) select is(count(*)::int, 0, 'notifications: another user cannot update the owner''s row (0 rows)') from t;
select throws_ok($$delete from learning.notifications where id = '00000000-0000-4000-a000-000000000408'$$, '42501', null, 'notifications: another user cannot delete the owner''s row (42501)');

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.notifications where id = '00000000-0000-4000-a000-000000000408'), 1, 'notifications: the owner sees their row');
select throws_ok($$insert into learning.notifications (user_id, title, message) values (tests.get_user_id('rls.owner@example.com'), 'Self', 'Self')$$, '42501', null, 'notifications: the owner cannot insert rows (42501, system-created)');
with t as (update learning.notifications set is_read = true where id = '00000000-0000-4000-a000-000000000408' returning 1) select is(count(*)::int, 1, 'notifications: the owner can update their row') from t;
select throws_ok($$update learning.notifications set title = 'Edited' where id = '00000000-0000-4000-a000-000000000408'$$, '42501', null, 'notifications: the owner cannot change the title (42501)');
select throws_ok($$delete from learning.notifications where id = '00000000-0000-4000-a000-000000000408'$$, '42501', null, 'notifications: the owner cannot delete their row (42501)');

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.notifications where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'notifications: service_role sees every row');
select lives_ok($$insert into learning.notifications (user_id, title, message) values (tests.get_user_id('rls.other@example.com'), 'Hello', 'Hello')$$, 'notifications: service_role can insert a row for any user');
with t as (update learning.notifications set is_read = true where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'notifications: service_role can update any row') from t;
with t as (delete from learning.notifications where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'notifications: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.user_feedback$$, '42501', null, 'user_feedback: anon cannot select (42501)');
select throws_ok($$insert into learning.user_feedback (user_id, rating) values (tests.get_user_id('rls.owner@example.com'), 1)$$, '42501', null, 'user_feedback: anon cannot insert (42501)');
select throws_ok($$update learning.user_feedback set rating = 5$$, '42501', null, 'user_feedback: anon cannot update (42501)');
select throws_ok($$delete from learning.user_feedback$$, '42501', null, 'user_feedback: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.user_feedback where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'user_feedback: another user sees none of the owner''s rows (0 rows)');
select throws_ok($$insert into learning.user_feedback (user_id, rating) values (tests.get_user_id('rls.owner@example.com'), 1)$$, '42501', null, 'user_feedback: another user cannot insert a row for the owner (42501)');
with t as (update learning.user_feedback set rating = 5 where id = '00000000-0000-4000-a000-000000000409' returning 1) select is(count(*)::int, 0, 'user_feedback: another user cannot update the owner''s row (0 rows)') from t;
with t as (delete from learning.user_feedback where id = '00000000-0000-4000-a000-000000000409' returning 1) select is(count(*)::int, 0, 'user_feedback: another user cannot delete the owner''s row (0 rows)') from t;

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.user_feedback where id = '00000000-0000-4000-a000-000000000409'), 1, 'user_feedback: the owner sees their row');
select lives_ok($$insert into learning.user_feedback (user_id, course_id, rating, feedback_text) values (tests.get_user_id('rls.owner@example.com'), '00000000-0000-4000-a000-000000000101', 5, 'Great')$$, 'user_feedback: the owner can insert their own row');
with t as (update learning.user_feedback set rating = 5 where id = '00000000-0000-4000-a000-000000000409' returning 1) select is(count(*)::int, 1, 'user_feedback: the owner can update their row') from t;
with t as (delete from learning.user_feedback where id = '00000000-0000-4000-a000-000000000409' returning 1) select is(count(*)::int, 1, 'user_feedback: the owner can delete their row') from t;

select tests.authenticate_as_service_role();
select cmp_ok((select count(*)::int from learning.user_feedback where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), '>=', 1, 'user_feedback: service_role sees every row');
select lives_ok($$insert into learning.user_feedback (user_id, rating) values (tests.get_user_id('rls.other@example.com'), 3)$$, 'user_feedback: service_role can insert a row for any user');
with t as (update learning.user_feedback set rating = 2 where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'user_feedback: service_role can update any row') from t;
with t as (delete from learning.user_feedback where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'user_feedback: service_role can delete any row') from t;

select tests.authenticate_as_anon();
select throws_ok($$select * from learning.user_streaks$$, '42501', null, 'user_streaks: anon cannot select (42501)');
select throws_ok($$insert into learning.user_streaks (user_id) values (tests.get_user_id('rls.owner@example.com'))$$, '42501', null, 'user_streaks: anon cannot insert (42501)');
select throws_ok($$update learning.user_streaks set streak_type = 'weekly'$$, '42501', null, 'user_streaks: anon cannot update (42501)');
select throws_ok($$delete from learning.user_streaks$$, '42501', null, 'user_streaks: anon cannot delete (42501)');

select tests.authenticate_as('rls.other@example.com');
select is((select count(*)::int from learning.user_streaks where user_id = tests.get_user_id('rls.owner@example.com')), 0, 'user_streaks: another user does not see the owner''s streak (0 rows)');
select throws_ok($$insert into learning.user_streaks (user_id) values (tests.get_user_id('rls.owner@example.com'))$$, '42501', null, 'user_streaks: another user cannot insert (42501)');
with t as (update learning.user_streaks set streak_type = 'weekly' where user_id = tests.get_user_id('rls.owner@example.com') returning 1) select is(count(*)::int, 0, 'user_streaks: another user cannot update the owner''s streak (0 rows)') from t;
select throws_ok($$delete from learning.user_streaks where user_id = tests.get_user_id('rls.owner@example.com')$$, '42501', null, 'user_streaks: another user cannot delete (42501)');

select tests.authenticate_as('rls.owner@example.com');
select is((select count(*)::int from learning.user_streaks), 1, 'user_streaks: the owner sees exactly their own streak row');
select throws_ok($$insert into learning.user_streaks (user_id) values (tests.get_user_id('rls.owner@example.com'))$$, '42501', null, 'user_streaks: the owner cannot insert (42501, created at signup)');
with t as (update learning.user_streaks set streak_type = 'weekly' where user_id = tests.get_user_id('rls.owner@example.com') returning 1) select is(count(*)::int, 1, 'user_streaks: the owner can choose the streak type') from t;
select throws_ok($$update learning.user_streaks set current_streak = 365, longest_streak = 365 where user_id = tests.get_user_id('rls.owner@example.com')$$, '42501', null, 'user_streaks: the owner cannot set their counters (42501)');
select throws_ok($$delete from learning.user_streaks where user_id = tests.get_user_id('rls.owner@example.com')$$, '42501', null, 'user_streaks: the owner cannot delete their streak (42501)');

select tests.authenticate_as_service_role();
select is((select count(*)::int from learning.user_streaks where user_id in (tests.get_user_id('rls.owner@example.com'), tests.get_user_id('rls.other@example.com'))), 2, 'user_streaks: service_role sees every streak');
with t as (update learning.user_streaks set current_streak = 2, longest_streak = 2 where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'user_streaks: service_role can update any streak') from t;
with t as (delete from learning.user_streaks where user_id = tests.get_user_id('rls.other@example.com') returning 1) select is(count(*)::int, 1, 'user_streaks: service_role can delete a streak') from t;
select lives_ok($$insert into learning.user_streaks (user_id) values (tests.get_user_id('rls.other@example.com'))$$, 'user_streaks: service_role can insert a streak');

select tests.clear_authentication();
select * from finish();
rollback;
