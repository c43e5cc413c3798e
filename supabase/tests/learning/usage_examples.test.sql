-- The seed's usage examples, run as written by signed-in users with
-- search_path = learning, public, extensions ('course-uuid-here' etc. replaced
-- by the fixture's ids), and their effects: the course is a draft of its
-- author, the enrollment starts active at 0, progress is recomputed and the
-- streak advanced, the chat is stored.
begin;
select plan(17);

select from tests.create_user('usage.author@example.com');
select from tests.create_user('usage.learner@example.com');

insert into learning.courses (id, title, is_published, created_by)
values ('00000000-0000-4000-f000-00000000c001', 'React Basics', true, tests.get_user_id('usage.author@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published) values
    ('00000000-0000-4000-f000-000000001001', '00000000-0000-4000-f000-00000000c001', 'Components', 1, true),
    ('00000000-0000-4000-f000-000000001002', '00000000-0000-4000-f000-00000000c001', 'Hooks', 2, true);

set local search_path = learning, public, extensions;

-- Creating a New Course
select tests.authenticate_as('usage.author@example.com');
select lives_ok($$
INSERT INTO courses (title, description, difficulty_level, tags, created_by)
VALUES ('Advanced React', 'Learn advanced React patterns', 'Advanced', ARRAY['react', 'advanced'], auth.uid());
$$, 'example "Creating a New Course" runs as the author');
select results_eq(
    $$select description, difficulty_level::text, tags, is_published, created_by = auth.uid()
      from courses where title = 'Advanced React'$$,
    $$values ('Learn advanced React patterns'::text, 'Advanced'::text, array['react', 'advanced'], false, true)$$,
    'the new course belongs to its author and starts unpublished');
select is((select count(*)::int from courses where tags @> array['react']), 1,
    'the author finds it by tag');

select tests.authenticate_as('usage.learner@example.com');
select is((select count(*)::int from courses where title = 'Advanced React'), 0,
    'another user does not see the unpublished course');
select tests.authenticate_as_anon();
select is((select count(*)::int from courses where title = 'Advanced React'), 0,
    'anon does not see the unpublished course');
select is((select count(*)::int from courses where title = 'React Basics'), 1,
    'anon sees the published course');

-- Enrolling a User in a Course
select tests.authenticate_as('usage.learner@example.com');
select lives_ok($$
INSERT INTO course_enrollments (user_id, course_id)
VALUES (auth.uid(), '00000000-0000-4000-f000-00000000c001');
$$, 'example "Enrolling a User in a Course" runs as the learner');
select results_eq(
    $$select status::text, progress_percentage, completed_at from course_enrollments where user_id = auth.uid()$$,
    $$values ('active'::text, 0.00::numeric, null::timestamptz)$$,
    'the enrollment starts active at 0 percent');

-- Recording Lesson Progress
select lives_ok($$
INSERT INTO user_progress (user_id, lesson_id, course_id, completed, time_spent)
VALUES (auth.uid(), '00000000-0000-4000-f000-000000001001', '00000000-0000-4000-f000-00000000c001', true, 1800);
$$, 'example "Recording Lesson Progress" runs as the learner');
select results_eq(
    $$select completed, time_spent, completed_at is not null from user_progress where user_id = auth.uid()$$,
    $$values (true, 1800, true)$$,
    'the progress row is stored completed with its time and a completed_at');
select results_eq(
    $$select progress_percentage, status::text, last_accessed is not null from course_enrollments where user_id = auth.uid()$$,
    $$values (50.00::numeric, 'active'::text, true)$$,
    'the enrollment progress is recomputed to 50 percent (1 of 2 lessons) and last_accessed stamped');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date from user_streaks where user_id = auth.uid()$$,
    $$values (1, 1, (pg_catalog.now() at time zone 'UTC')::date)$$,
    'the streak advanced to 1 for today (UTC profile)');

-- Storing Chat History
select lives_ok($$
INSERT INTO chat_history (user_id, course_id, context, question, answer)
VALUES (auth.uid(), '00000000-0000-4000-f000-00000000c001', 'lesson_chat', 'How do hooks work?', 'Hooks are functions that let you use state...');
$$, 'example "Storing Chat History" runs as the learner');
select results_eq(
    $$select context::text, message_type::text, question, answer from chat_history where user_id = auth.uid()$$,
    $$values ('lesson_chat'::text, 'text'::text, 'How do hooks work?'::text, 'Hooks are functions that let you use state...'::text)$$,
    'the chat exchange is stored with message_type text by default');

-- Completing the second lesson completes the course.
select lives_ok($$
INSERT INTO user_progress (user_id, lesson_id, course_id, completed, time_spent)
VALUES (auth.uid(), '00000000-0000-4000-f000-000000001002', '00000000-0000-4000-f000-00000000c001', true, 1200);
$$, 'recording the second lesson the same way');
select results_eq(
    $$select progress_percentage, status::text, completed_at is not null from course_enrollments where user_id = auth.uid()$$,
    $$values (100.00::numeric, 'completed'::text, true)$$,
    'the enrollment is completed at 100 percent');
select is((select count(*)::int from achievements where user_id = auth.uid() and type = 'course_completed'), 1,
    'the learner sees their course_completed achievement');

select tests.clear_authentication();
select * from finish();
rollback;
