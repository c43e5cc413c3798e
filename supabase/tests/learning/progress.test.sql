-- Progress trigger: completing / un-completing lessons recomputes the
-- enrollment from published lessons, 100 completes it (achievement +
-- notification by the system), and lesson publication changes recompute it.
begin;
select plan(42);

select from tests.create_user('prog.author@example.com');
select from tests.create_user('prog.learner@example.com');
select from tests.create_user('prog.other@example.com');

-- Course A: 4 published lessons + 1 draft. Course B: one lesson (for cross-course checks).
insert into learning.courses (id, title, is_published, created_by) values
    ('00000000-0000-4000-b000-00000000c001', 'Course A', true, tests.get_user_id('prog.author@example.com')),
    ('00000000-0000-4000-b000-00000000c002', 'Course B', true, tests.get_user_id('prog.author@example.com')),
    ('00000000-0000-4000-b000-00000000c003', 'Empty course', true, tests.get_user_id('prog.author@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published)
select ('00000000-0000-4000-b000-0000000010' || lpad(g::text, 2, '0'))::uuid,
        '00000000-0000-4000-b000-00000000c001', 'Lesson ' || g, g, g <= 4
from generate_series(1, 5) as g;
insert into learning.lessons (id, course_id, title, order_index, is_published) values
    ('00000000-0000-4000-b000-000000002001', '00000000-0000-4000-b000-00000000c002', 'B1', 1, true);

-- Progress recorded before enrolling counts once the user enrolls.
select tests.authenticate_as('prog.learner@example.com');
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (auth.uid(), '00000000-0000-4000-b000-000000001001', '00000000-0000-4000-b000-00000000c001', true);
select lives_ok(
    $$insert into learning.course_enrollments (user_id, course_id) values (auth.uid(), '00000000-0000-4000-b000-00000000c001')$$,
    'a learner can enroll in a published course');
select is(
    (select progress_percentage from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    25.00::numeric, 'a new enrollment starts at the progress already recorded (1 of 4 published lessons)');
select is(
    (select status::text from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    'active', 'a new enrollment is active');

-- Completing more lessons.
insert into learning.user_progress (user_id, lesson_id, course_id, completed, time_spent)
values (auth.uid(), '00000000-0000-4000-b000-000000001002', '00000000-0000-4000-b000-00000000c001', true, 600);
select is(
    (select progress_percentage from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    50.00::numeric, 'completing a second lesson brings progress to 50');

-- A progress row that is not completed does not count.
insert into learning.user_progress (user_id, lesson_id, course_id, completed, last_position)
values (auth.uid(), '00000000-0000-4000-b000-000000001003', '00000000-0000-4000-b000-00000000c001', false, 42);
select is(
    (select progress_percentage from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    50.00::numeric, 'an uncompleted progress row does not change the percentage');
select is(
    (select completed_at from learning.user_progress where lesson_id = '00000000-0000-4000-b000-000000001003'),
    null, 'an uncompleted lesson has no completed_at');

update learning.user_progress set completed = true where lesson_id = '00000000-0000-4000-b000-000000001003';
select is(
    (select progress_percentage from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    75.00::numeric, 'completing a lesson by update brings progress to 75');
select isnt(
    (select completed_at from learning.user_progress where lesson_id = '00000000-0000-4000-b000-000000001003'),
    null, 'completing a lesson stamps completed_at');

-- The user cannot mark the course completed themselves before 100.
select throws_ok(
    $$update learning.course_enrollments set status = 'completed' where course_id = '00000000-0000-4000-b000-00000000c001'$$,
    '23514', null, 'a learner cannot set status completed below 100 percent (23514)');

select tests.clear_authentication();
update learning.course_enrollments set last_accessed = null where course_id = '00000000-0000-4000-b000-00000000c001';
select tests.authenticate_as('prog.learner@example.com');

-- Pausing, then completing the last published lesson: completed.
update learning.course_enrollments set status = 'paused' where course_id = '00000000-0000-4000-b000-00000000c001';
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (auth.uid(), '00000000-0000-4000-b000-000000001004', '00000000-0000-4000-b000-00000000c001', true);
select results_eq(
    $$select progress_percentage, status::text, completed_at is not null, last_accessed is not null
        from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'$$,
    $$values (100.00::numeric, 'completed', true, true)$$,
    'completing every published lesson completes the enrollment, stamps completed_at and last_accessed (the draft lesson does not count)');
select results_eq(
    $$select type, points, metadata ->> 'course_id' from learning.achievements$$,
    $$values ('course_completed'::text, 100, '00000000-0000-4000-b000-00000000c001'::text)$$,
    'the system awarded a course_completed achievement');
select results_eq(
    $$select title, type, is_read from learning.notifications$$,
    $$values ('Course completed'::text, 'achievement'::text, false)$$,
    'the system sent a course completed notification');

-- Un-completing lowers it again.
update learning.user_progress set completed = false where lesson_id = '00000000-0000-4000-b000-000000001002';
select results_eq(
    $$select progress_percentage, status::text, completed_at
        from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'$$,
    $$values (75.00::numeric, 'active'::text, null::timestamptz)$$,
    'un-completing a lesson lowers progress, reactivates the enrollment and clears completed_at');
select is(
    (select completed_at from learning.user_progress where lesson_id = '00000000-0000-4000-b000-000000001002'),
    null, 'un-completing a lesson clears its completed_at');

-- Completing again: completed again, but the achievement is awarded once.
update learning.user_progress set completed = true where lesson_id = '00000000-0000-4000-b000-000000001002';
select is(
    (select status::text from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    'completed', 're-completing the lesson completes the enrollment again');
select is((select count(*)::int from learning.achievements), 1, 'the course_completed achievement is not awarded twice');
select is((select count(*)::int from learning.notifications), 1, 'the completion notification is sent once per learner and course (re-completing sends none, issue 15)');

-- Deleting a progress row lowers progress.
delete from learning.user_progress where lesson_id = '00000000-0000-4000-b000-000000001004';
select is(
    (select progress_percentage from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    75.00::numeric, 'deleting a completed progress row lowers progress');
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (auth.uid(), '00000000-0000-4000-b000-000000001004', '00000000-0000-4000-b000-00000000c001', true);

-- Changing only time_spent does not touch the enrollment status.
update learning.user_progress set time_spent = time_spent + 60 where lesson_id = '00000000-0000-4000-b000-000000001004';
select is(
    (select status::text from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c001'),
    'completed', 'updating time_spent keeps the completed enrollment completed');

-- Bad input.
select throws_ok(
    $$insert into learning.user_progress (user_id, lesson_id, course_id, completed)
        values (auth.uid(), '00000000-0000-4000-b000-000000002001', '00000000-0000-4000-b000-00000000c001', true)$$,
    '23503', null, 'progress for a lesson under the wrong course is rejected (23503)');
select throws_ok(
    $$insert into learning.user_progress (user_id, lesson_id, course_id, completed)
        values (auth.uid(), '00000000-0000-4000-b000-000000001001', '00000000-0000-4000-b000-00000000c001', true)$$,
    '23505', null, 'a second progress row for the same lesson is rejected (23505)');
select throws_ok(
    $$insert into learning.user_progress (user_id, lesson_id, course_id, time_spent)
        values (auth.uid(), '00000000-0000-4000-b000-000000002001', '00000000-0000-4000-b000-00000000c002', -1)$$,
    '23514', null, 'negative time_spent is rejected (23514)');
select throws_ok(
    $$insert into learning.user_progress (user_id, lesson_id, course_id)
        values (auth.uid(), null, '00000000-0000-4000-b000-00000000c002')$$,
    '42501', null, 'progress without a lesson is rejected (42501: no visible lesson matches the policy)');
select throws_ok(
    $$insert into learning.course_enrollments (user_id, course_id) values (auth.uid(), '00000000-0000-4000-b000-00000000c001')$$,
    '23505', null, 'a second enrollment in the same course is rejected (23505)');
select throws_ok(
    $$insert into learning.user_progress (user_id, lesson_id, course_id, completed)
        values (tests.get_user_id('prog.other@example.com'), '00000000-0000-4000-b000-000000002001', '00000000-0000-4000-b000-00000000c002', true)$$,
    '42501', null, 'progress for someone else''s id is rejected (42501)');
select is((select count(*)::int from learning.user_progress where lesson_id = '00000000-0000-4000-b000-000000002001'), 0,
    'nothing was written by the rejected progress inserts');

-- Progress without an enrollment is fine and changes no enrollment.
select lives_ok(
    $$insert into learning.user_progress (user_id, lesson_id, course_id, completed)
        values (auth.uid(), '00000000-0000-4000-b000-000000002001', '00000000-0000-4000-b000-00000000c002', true)$$,
    'progress can be recorded in a course the learner is not enrolled in');
select is((select count(*)::int from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c002'), 0,
    'no enrollment is created implicitly');

-- A course without published lessons stays at 0.
insert into learning.course_enrollments (user_id, course_id) values (auth.uid(), '00000000-0000-4000-b000-00000000c003');
select is(
    (select progress_percentage from learning.course_enrollments where course_id = '00000000-0000-4000-b000-00000000c003'),
    0.00::numeric, 'a course without published lessons is at 0 percent');

-- Another learner enrolled in course A at 0 percent, for the publication checks.
select tests.authenticate_as('prog.other@example.com');
insert into learning.course_enrollments (user_id, course_id) values (auth.uid(), '00000000-0000-4000-b000-00000000c001');
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (auth.uid(), '00000000-0000-4000-b000-000000001001', '00000000-0000-4000-b000-00000000c001', true);

-- The author publishes the fifth lesson: everyone's progress is recomputed.
select tests.authenticate_as('prog.author@example.com');
update learning.lessons set is_published = true where id = '00000000-0000-4000-b000-000000001005';
select tests.clear_authentication();
select results_eq(
    $$select p.email::text, e.progress_percentage, e.status::text, e.completed_at is null
        from learning.course_enrollments as e join learning.profiles as p on p.id = e.user_id
        where e.course_id = '00000000-0000-4000-b000-00000000c001' order by p.email$$,
    $$values ('prog.learner@example.com'::text, 80.00::numeric, 'active'::text, true),
                ('prog.other@example.com', 20.00, 'active', true)$$,
    'publishing a lesson recomputes every enrollment of the course (4/5 and 1/5); a completed one becomes active again');

-- Unpublishing it restores completion.
select tests.authenticate_as('prog.author@example.com');
update learning.lessons set is_published = false where id = '00000000-0000-4000-b000-000000001005';
select tests.clear_authentication();
select results_eq(
    $$select e.progress_percentage, e.status::text
        from learning.course_enrollments as e
        where e.course_id = '00000000-0000-4000-b000-00000000c001' order by e.progress_percentage desc$$,
    $$values (100.00::numeric, 'completed'::text), (25.00, 'active')$$,
    'unpublishing a lesson recomputes the enrollments (back to 4/4 and 1/4)');

-- Adding a published lesson and deleting one recompute too.
select tests.authenticate_as('prog.author@example.com');
insert into learning.lessons (id, course_id, title, order_index, is_published)
values ('00000000-0000-4000-b000-000000001006', '00000000-0000-4000-b000-00000000c001', 'Lesson 6', 6, true);
select tests.clear_authentication();
select is(
    (select progress_percentage from learning.course_enrollments
        where course_id = '00000000-0000-4000-b000-00000000c001' and user_id = tests.get_user_id('prog.learner@example.com')),
    80.00::numeric, 'adding a published lesson recomputes the enrollments (4/5)');
select tests.authenticate_as('prog.author@example.com');
delete from learning.lessons where id = '00000000-0000-4000-b000-000000001001';
select tests.clear_authentication();
select results_eq(
    $$select e.progress_percentage from learning.course_enrollments as e
        where e.course_id = '00000000-0000-4000-b000-00000000c001' order by e.progress_percentage desc$$,
    $$values (75.00::numeric), (0.00)$$,
    'deleting a lesson removes its progress rows and recomputes the enrollments (3/4 and 0/4)');

-- Lesson order is unique per course, but lessons can be swapped in one statement.
select throws_ok(
    $$insert into learning.lessons (course_id, title, order_index) values ('00000000-0000-4000-b000-00000000c001', 'Clash', 2)$$,
    '23505', null, 'two lessons of a course cannot share an order_index (23505)');
select lives_ok(
    $$update learning.lessons set order_index = case order_index when 2 then 3 else 2 end
        where course_id = '00000000-0000-4000-b000-00000000c001' and order_index in (2, 3)$$,
    'two lessons can swap positions in one statement (deferrable unique constraint)');
select results_eq(
    $$select title from learning.lessons where course_id = '00000000-0000-4000-b000-00000000c001' and order_index in (2, 3) order by order_index$$,
    $$values ('Lesson 3'::text), ('Lesson 2')$$,
    'the swap took effect');

-- Assessment attempts stamp completed_at.
insert into learning.assessments (id, title, course_id, is_published)
values ('00000000-0000-4000-b000-000000003001', 'Quiz', '00000000-0000-4000-b000-00000000c001', true);
select tests.authenticate_as('prog.learner@example.com');
insert into learning.assessment_attempts (user_id, assessment_id, submitted_code)
values (auth.uid(), '00000000-0000-4000-b000-000000003001', 'x = 1');
select results_eq(
    $$select status::text, completed_at from learning.assessment_attempts where assessment_id = '00000000-0000-4000-b000-000000003001'$$,
    $$values ('in-progress'::text, null::timestamptz)$$,
    'a new attempt is in progress, without completed_at');
update learning.assessment_attempts set status = 'completed', time_spent = 300 where assessment_id = '00000000-0000-4000-b000-000000003001';
select isnt(
    (select completed_at from learning.assessment_attempts where assessment_id = '00000000-0000-4000-b000-000000003001'),
    null, 'completing an attempt stamps completed_at');
-- a completed attempt is final for the learner (issue 15): the service role reopens it
select tests.authenticate_as_service_role();
update learning.assessment_attempts set status = 'abandoned' where assessment_id = '00000000-0000-4000-b000-000000003001';
select tests.authenticate_as('prog.learner@example.com');
select is(
    (select completed_at from learning.assessment_attempts where assessment_id = '00000000-0000-4000-b000-000000003001'),
    null, 'an abandoned attempt has no completed_at');
select throws_ok(
    $$insert into learning.assessment_attempts (user_id, assessment_id, time_spent)
        values (auth.uid(), '00000000-0000-4000-b000-000000003001', -5)$$,
    '23514', null, 'negative attempt time_spent is rejected (23514)');
select tests.authenticate_as_service_role();
select throws_ok(
    $$update learning.assessment_attempts set score = 101 where assessment_id = '00000000-0000-4000-b000-000000003001'$$,
    '23514', null, 'a score above 100 is rejected (23514)');
select lives_ok(
    $$update learning.assessment_attempts set score = 87.5, execution_result = '{"passed": 7, "failed": 1}' where assessment_id = '00000000-0000-4000-b000-000000003001'$$,
    'the grader (service_role) records score and execution_result');

select tests.clear_authentication();
select * from finish();
rollback;
