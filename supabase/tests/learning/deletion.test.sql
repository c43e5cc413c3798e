-- Foreign key actions when content is deleted: a course takes its lessons,
-- assessments, enrollments, progress and attempts with it; a user's chat,
-- feedback and analytics are kept with the reference set to null; deleting a
-- lesson detaches its assessments from the lesson but keeps them in the course.
begin;
select plan(12);

select from tests.create_user('del.author@example.com');
select from tests.create_user('del.learner@example.com');

insert into learning.courses (id, title, is_published, created_by) values
    ('00000000-0000-4000-8800-00000000c001', 'Doomed course', true, tests.get_user_id('del.author@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published) values
    ('00000000-0000-4000-8800-000000001001', '00000000-0000-4000-8800-00000000c001', 'L1', 1, true),
    ('00000000-0000-4000-8800-000000001002', '00000000-0000-4000-8800-00000000c001', 'L2', 2, true);
insert into learning.assessments (id, title, course_id, lesson_id, is_published) values
    ('00000000-0000-4000-8800-000000003001', 'Quiz on L1', '00000000-0000-4000-8800-00000000c001', '00000000-0000-4000-8800-000000001001', true),
    ('00000000-0000-4000-8800-000000003002', 'Course quiz', '00000000-0000-4000-8800-00000000c001', null, true);
insert into learning.course_enrollments (user_id, course_id)
values (tests.get_user_id('del.learner@example.com'), '00000000-0000-4000-8800-00000000c001');
insert into learning.user_progress (user_id, lesson_id, course_id, completed) values
    (tests.get_user_id('del.learner@example.com'), '00000000-0000-4000-8800-000000001001', '00000000-0000-4000-8800-00000000c001', true),
    (tests.get_user_id('del.learner@example.com'), '00000000-0000-4000-8800-000000001002', '00000000-0000-4000-8800-00000000c001', false);
insert into learning.assessment_attempts (user_id, assessment_id)
values (tests.get_user_id('del.learner@example.com'), '00000000-0000-4000-8800-000000003002');
insert into learning.chat_history (user_id, course_id, lesson_id, assessment_id, context, question) values
    (tests.get_user_id('del.learner@example.com'), '00000000-0000-4000-8800-00000000c001', '00000000-0000-4000-8800-000000001001',
     '00000000-0000-4000-8800-000000003001', 'assessment_help', 'Help?');
insert into learning.user_feedback (user_id, course_id, lesson_id, assessment_id, rating) values
    (tests.get_user_id('del.learner@example.com'), '00000000-0000-4000-8800-00000000c001', '00000000-0000-4000-8800-000000001002',
     '00000000-0000-4000-8800-000000003002', 4);
insert into learning.learning_analytics (user_id, course_id, session_date)
values (tests.get_user_id('del.learner@example.com'), '00000000-0000-4000-8800-00000000c001', date '2026-02-02');

-- The author deletes lesson 1.
select tests.authenticate_as('del.author@example.com');
with t as (delete from learning.lessons where id = '00000000-0000-4000-8800-000000001001' returning 1)
select is(count(*)::int, 1, 'the author deletes a lesson') from t;
select tests.clear_authentication();
select results_eq(
    $$select course_id, lesson_id from learning.assessments where id = '00000000-0000-4000-8800-000000003001'$$,
    $$values ('00000000-0000-4000-8800-00000000c001'::uuid, null::uuid)$$,
    'an assessment of the deleted lesson stays in the course with lesson_id null');
select is((select count(*)::int from learning.user_progress where lesson_id = '00000000-0000-4000-8800-000000001001'), 0,
    'progress rows of the deleted lesson are deleted');
select is(
    (select progress_percentage from learning.course_enrollments where user_id = tests.get_user_id('del.learner@example.com')),
    0.00::numeric, 'the enrollment is recomputed against the remaining lesson (0 of 1)');
select results_eq(
    $$select course_id is not null, lesson_id, assessment_id is not null from learning.chat_history where user_id = tests.get_user_id('del.learner@example.com')$$,
    $$values (true, null::uuid, true)$$,
    'chat history keeps the exchange with lesson_id set to null');

-- The author deletes the whole course.
select tests.authenticate_as('del.author@example.com');
with t as (delete from learning.courses where id = '00000000-0000-4000-8800-00000000c001' returning 1)
select is(count(*)::int, 1, 'the author deletes the course') from t;
select tests.clear_authentication();
select is((select count(*)::int from learning.lessons where course_id = '00000000-0000-4000-8800-00000000c001'), 0,
    'its lessons are deleted');
select is((select count(*)::int from learning.assessments where id in ('00000000-0000-4000-8800-000000003001', '00000000-0000-4000-8800-000000003002')), 0,
    'its assessments are deleted');
select is(
    (select count(*)::int from learning.course_enrollments where user_id = tests.get_user_id('del.learner@example.com'))
    + (select count(*)::int from learning.user_progress where user_id = tests.get_user_id('del.learner@example.com'))
    + (select count(*)::int from learning.assessment_attempts where user_id = tests.get_user_id('del.learner@example.com')),
    0, 'its enrollments, progress rows and assessment attempts are deleted');
select results_eq(
    $$select course_id, lesson_id, assessment_id from learning.chat_history where user_id = tests.get_user_id('del.learner@example.com')$$,
    $$values (null::uuid, null::uuid, null::uuid)$$,
    'the learner keeps their chat history, detached from the deleted content');
select results_eq(
    $$select course_id, lesson_id, assessment_id, rating from learning.user_feedback where user_id = tests.get_user_id('del.learner@example.com')$$,
    $$values (null::uuid, null::uuid, null::uuid, 4::smallint)$$,
    'the learner keeps their feedback, detached from the deleted content');
select results_eq(
    $$select course_id, session_date from learning.learning_analytics where user_id = tests.get_user_id('del.learner@example.com')$$,
    $$values (null::uuid, date '2026-02-02')$$,
    'the learner keeps their analytics, with course_id set to null');

select * from finish();
rollback;
