-- The learner insert policies of user_progress, assessment_attempts and
-- course_enrollments check visibility through security-invoker functions
-- (20261205130000, issue 20): the check is planned once per session, and
-- it still answers with the caller's rights. A missing id and an id the
-- caller cannot see are refused alike (42501, no foreign key error that
-- would tell them apart); an author still reaches their own drafts.
begin;
select plan(16);

select from tests.create_user('ic.author@example.com');
select from tests.create_user('ic.learner@example.com');

insert into learning.courses (id, title, is_published, created_by) values
    ('00000000-0000-4000-b100-000000000001', 'Published', true, tests.get_user_id('ic.author@example.com')),
    ('00000000-0000-4000-b100-000000000002', 'Draft', false, tests.get_user_id('ic.author@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published) values
    ('00000000-0000-4000-b200-000000000001', '00000000-0000-4000-b100-000000000001', 'Published lesson', 1, true),
    ('00000000-0000-4000-b200-000000000002', '00000000-0000-4000-b100-000000000001', 'Draft lesson', 2, false),
    ('00000000-0000-4000-b200-000000000003', '00000000-0000-4000-b100-000000000002', 'Lesson of the draft', 1, true);
insert into learning.assessments (id, title, course_id, is_published) values
    ('00000000-0000-4000-b300-000000000001', 'Published', '00000000-0000-4000-b100-000000000001', true),
    ('00000000-0000-4000-b300-000000000002', 'Draft', '00000000-0000-4000-b100-000000000001', false);

select is(
    (
        select count(*)::int from pg_catalog.pg_policies
        where schemaname = 'learning' and cmd = 'INSERT'
            and tablename in ('user_progress', 'assessment_attempts', 'course_enrollments')
            and with_check ~ 'learning_private\.(lesson_is_visible|assessment_is_visible|course_is_enrollable)\('
            and with_check !~* '\mexists\M|\mselect 1\M'
    ),
    3,
    'the three learner insert checks call their function and hold no subquery to plan per insert');

select tests.authenticate_as('ic.learner@example.com');
select lives_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b200-000000000001', '00000000-0000-4000-b100-000000000001')$$,
    'user_progress: a learner tracks a visible lesson');
select throws_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b200-000000000002', '00000000-0000-4000-b100-000000000001')$$,
    '42501', null, 'user_progress: a draft lesson of a published course is refused (42501)');
select throws_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b200-000000000003', '00000000-0000-4000-b100-000000000002')$$,
    '42501', null, 'user_progress: a published lesson of a draft course is refused (42501)');
select throws_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b200-0000000000ff', '00000000-0000-4000-b100-000000000001')$$,
    '42501', null, 'user_progress: a lesson that does not exist gets the same 42501, not a foreign key error');
select lives_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b300-000000000001')$$,
    'assessment_attempts: a learner attempts a visible assessment');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b300-000000000002')$$,
    '42501', null, 'assessment_attempts: a draft assessment is refused (42501)');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b300-0000000000ff')$$,
    '42501', null, 'assessment_attempts: an assessment that does not exist gets the same 42501');
select lives_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b100-000000000001')$$,
    'course_enrollments: a learner enrolls in a published course');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b100-000000000002')$$,
    '42501', null, 'course_enrollments: someone else''s draft course is refused (42501)');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('ic.learner@example.com'), '00000000-0000-4000-b100-0000000000ff')$$,
    '42501', null, 'course_enrollments: a course that does not exist gets the same 42501');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('ic.author@example.com'), '00000000-0000-4000-b100-000000000001')$$,
    '42501', null, 'course_enrollments: a learner cannot enroll someone else (42501)');

select tests.authenticate_as('ic.author@example.com');
select lives_ok($$insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('ic.author@example.com'), '00000000-0000-4000-b100-000000000002')$$,
    'course_enrollments: an author enrolls in their own draft course');
select lives_ok($$insert into learning.user_progress (user_id, lesson_id, course_id) values (tests.get_user_id('ic.author@example.com'), '00000000-0000-4000-b200-000000000003', '00000000-0000-4000-b100-000000000002')$$,
    'user_progress: an author tracks a lesson of their own draft course');
select lives_ok($$insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('ic.author@example.com'), '00000000-0000-4000-b300-000000000002')$$,
    'assessment_attempts: an author attempts their own draft assessment');

select tests.authenticate_as_anon();
select throws_ok($$select learning_private.lesson_is_visible('00000000-0000-4000-b200-000000000001')$$,
    '42501', null, 'anon cannot call the insert-check functions (42501)');

select * from finish();
rollback;
