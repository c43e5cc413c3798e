-- Bad input is rejected with a clear error and nothing is written: closed
-- lists, ranges, JSONB shapes, required values, cross-row consistency.
begin;
select plan(40);

select from tests.create_user('check.user@example.com');
insert into learning.courses (id, title, is_published) values
    ('00000000-0000-4000-9000-00000000c001', 'Course 1', true),
    ('00000000-0000-4000-9000-00000000c002', 'Course 2', true);
insert into learning.lessons (id, course_id, title, order_index, is_published) values
    ('00000000-0000-4000-9000-000000001001', '00000000-0000-4000-9000-00000000c001', 'L1', 1, true),
    ('00000000-0000-4000-9000-000000001002', '00000000-0000-4000-9000-00000000c002', 'L2', 1, true);
insert into learning.assessments (id, title, course_id) values
    ('00000000-0000-4000-9000-000000003001', 'A1', '00000000-0000-4000-9000-00000000c001');

select tests.authenticate_as_service_role();

-- courses
select throws_ok($$insert into learning.courses (title) values ('   ')$$, '23514', null, 'courses: a blank title is rejected (23514)');
select throws_ok($$insert into learning.courses (title) values (null)$$, '23502', null, 'courses: a null title is rejected (23502)');
select throws_ok($$insert into learning.courses (title, difficulty_level) values ('X', 'Expert')$$, '22P02', null, 'courses: a difficulty outside Beginner/Intermediate/Advanced is rejected (22P02)');
select throws_ok($$insert into learning.courses (title, estimated_hours) values ('X', -1)$$, '23514', null, 'courses: negative estimated_hours is rejected (23514)');
select throws_ok($$insert into learning.courses (title, tags) values ('X', array['a', null])$$, '23514', null, 'courses: a null tag is rejected (23514)');
select throws_ok($$insert into learning.courses (title, created_by) values ('X', '00000000-0000-4000-9000-000000000000')$$, '23503', null, 'courses: an unknown author is rejected (23503)');

-- lessons
select throws_ok($$insert into learning.lessons (course_id, title, order_index) values ('00000000-0000-4000-9000-00000000c001', 'X', -1)$$, '23514', null, 'lessons: a negative order_index is rejected (23514)');
select throws_ok($$insert into learning.lessons (course_id, title) values ('00000000-0000-4000-9000-00000000c001', 'X')$$, '23502', null, 'lessons: a missing order_index is rejected (23502)');
select throws_ok($$insert into learning.lessons (course_id, title, order_index) values ('00000000-0000-4000-9000-00000000c001', 'X', 1)$$, '23505', null, 'lessons: a duplicate order_index in the course is rejected (23505)');
select throws_ok($$insert into learning.lessons (course_id, title, order_index) values (null, 'X', 5)$$, '23502', null, 'lessons: a lesson without course is rejected (23502)');
select throws_ok($$insert into learning.lessons (course_id, title, order_index, key_points) values ('00000000-0000-4000-9000-00000000c001', 'X', 7, array[null]::text[])$$, '23514', null, 'lessons: a null key point is rejected (23514)');

-- course_enrollments
select throws_ok($$insert into learning.course_enrollments (user_id, course_id, status) values (tests.get_user_id('check.user@example.com'), '00000000-0000-4000-9000-00000000c001', 'finished')$$, '22P02', null, 'course_enrollments: an unknown status is rejected (22P02)');
select throws_ok($$insert into learning.course_enrollments (user_id, course_id, status) values (tests.get_user_id('check.user@example.com'), '00000000-0000-4000-9000-00000000c001', 'completed')$$, '23514', null, 'course_enrollments: completed at 0 percent is rejected (23514)');
insert into learning.course_enrollments (user_id, course_id) values (tests.get_user_id('check.user@example.com'), '00000000-0000-4000-9000-00000000c001');
select throws_ok($$update learning.course_enrollments set progress_percentage = 100.01 where user_id = tests.get_user_id('check.user@example.com')$$, '23514', null, 'course_enrollments: progress above 100 is rejected (23514)');
select throws_ok($$update learning.course_enrollments set progress_percentage = -1 where user_id = tests.get_user_id('check.user@example.com')$$, '23514', null, 'course_enrollments: negative progress is rejected (23514)');
select lives_ok($$update learning.course_enrollments set progress_percentage = 100, status = 'completed' where user_id = tests.get_user_id('check.user@example.com')$$, 'course_enrollments: service_role may complete an enrollment at 100 percent');
select isnt((select completed_at from learning.course_enrollments where user_id = tests.get_user_id('check.user@example.com')), null, 'course_enrollments: completed_at is stamped when status becomes completed');

-- assessments
select throws_ok($$insert into learning.assessments (title, test_cases) values ('X', '{"input": 1}')$$, '23514', null, 'assessments: test_cases that are not an array are rejected (23514)');
select throws_ok($$insert into learning.assessments (title, test_cases) values ('X', '[{"input": 1}, 2]')$$, '23514', null, 'assessments: test_cases elements that are not objects are rejected (23514)');
select lives_ok($$insert into learning.assessments (title, test_cases) values ('Valid', '[{"input": "1", "expected": "1"}]')$$, 'assessments: an array of test case objects is accepted');
select throws_ok($$insert into learning.assessments (title, time_limit) values ('X', 0)$$, '23514', null, 'assessments: a time limit of 0 minutes is rejected (23514)');
select throws_ok($$insert into learning.assessments (title, lesson_id) values ('X', '00000000-0000-4000-9000-000000001001')$$, '23514', null, 'assessments: a lesson without its course is rejected (23514)');
select throws_ok($$insert into learning.assessments (title, course_id, lesson_id) values ('X', '00000000-0000-4000-9000-00000000c001', '00000000-0000-4000-9000-000000001002')$$, '23503', null, 'assessments: a lesson of another course is rejected (23503)');
select throws_ok($$insert into learning.assessments (title, difficulty) values ('X', 'beginner')$$, '22P02', null, 'assessments: difficulty labels are case-sensitive (22P02)');

-- assessment_attempts
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id, status) values (tests.get_user_id('check.user@example.com'), '00000000-0000-4000-9000-000000003001', 'started')$$, '22P02', null, 'assessment_attempts: an unknown status is rejected (22P02)');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id, score) values (tests.get_user_id('check.user@example.com'), '00000000-0000-4000-9000-000000003001', -0.5)$$, '23514', null, 'assessment_attempts: a negative score is rejected (23514)');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id, execution_result) values (tests.get_user_id('check.user@example.com'), '00000000-0000-4000-9000-000000003001', '[1, 2]')$$, '23514', null, 'assessment_attempts: an execution_result that is not an object is rejected (23514)');
select throws_ok($$insert into learning.assessment_attempts (user_id, assessment_id, status, started_at, completed_at) values (tests.get_user_id('check.user@example.com'), '00000000-0000-4000-9000-000000003001', 'completed', now(), now() - interval '1 hour')$$, '23514', null, 'assessment_attempts: completed before it started is rejected (23514)');

-- learning_analytics, ai_interactions, achievements
select throws_ok($$insert into learning.learning_analytics (user_id, session_duration) values (tests.get_user_id('check.user@example.com'), -1)$$, '23514', null, 'learning_analytics: a negative session_duration is rejected (23514)');
select throws_ok($$insert into learning.learning_analytics (user_id, lessons_completed) values (tests.get_user_id('check.user@example.com'), -1)$$, '23514', null, 'learning_analytics: negative lessons_completed is rejected (23514)');
select throws_ok($$insert into learning.ai_interactions (user_id, interaction_type, tokens_used) values (tests.get_user_id('check.user@example.com'), 'chat', -1)$$, '23514', null, 'ai_interactions: negative tokens_used is rejected (23514)');
select throws_ok($$insert into learning.ai_interactions (user_id, interaction_type, input_data) values (tests.get_user_id('check.user@example.com'), 'chat', '"text"')$$, '23514', null, 'ai_interactions: input_data that is not an object is rejected (23514)');
select throws_ok($$insert into learning.achievements (user_id, title, type, points) values (tests.get_user_id('check.user@example.com'), 'X', 'badge', -10)$$, '23514', null, 'achievements: negative points are rejected (23514)');
insert into learning.achievements (user_id, title, type) values (tests.get_user_id('check.user@example.com'), 'Starter', 'badge');
select throws_ok($$insert into learning.achievements (user_id, title, type) values (tests.get_user_id('check.user@example.com'), 'Starter', 'badge')$$, '23505', null, 'achievements: the same achievement cannot be earned twice (23505)');

-- chat_history, user_streaks, user_feedback
select throws_ok($$insert into learning.chat_history (user_id, question, context) values (tests.get_user_id('check.user@example.com'), 'Q', 'random')$$, '22P02', null, 'chat_history: an unknown context is rejected (22P02)');
select throws_ok($$insert into learning.chat_history (user_id, question) values (tests.get_user_id('check.user@example.com'), '')$$, '23514', null, 'chat_history: an empty question is rejected (23514)');
select throws_ok($$update learning.user_streaks set current_streak = 5, longest_streak = 4 where user_id = tests.get_user_id('check.user@example.com')$$, '23514', null, 'user_streaks: longest_streak below current_streak is rejected (23514)');
select throws_ok($$insert into learning.user_feedback (user_id, rating) values (tests.get_user_id('check.user@example.com'), 6)$$, '23514', null, 'user_feedback: a rating of 6 is rejected (23514)');
select throws_ok($$insert into learning.user_feedback (user_id, rating) values (tests.get_user_id('check.user@example.com'), 0)$$, '23514', null, 'user_feedback: a rating of 0 is rejected (23514)');
select throws_ok($$insert into learning.user_feedback (user_id, feedback_text) values (tests.get_user_id('check.user@example.com'), null)$$, '23514', null, 'user_feedback: feedback without rating nor text is rejected (23514)');

select tests.clear_authentication();
select * from finish();
rollback;
