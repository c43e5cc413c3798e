-- bench data: learning (profiles, courses, lessons, enrollments, 1M progress rows, ...)
-- Sizes at SCALE=1: 100k profiles, 2k courses x 10 lessons, ~250k enrollments,
-- ~1M user_progress, 500k chat_history, 500k notifications, 500k learning_analytics,
-- 300k ai_interactions, 300k assessment_attempts, 100k achievements.
select setseed(0.11);

insert into learning.profiles (id, email, full_name, created_at, updated_at)
select bench.uid(i), 'user' || i || '@bench.example', 'Bench User ' || i, now(), now()
from generate_series(1, :users) as i;

insert into learning.user_streaks (user_id, current_streak, longest_streak, last_activity_date)
select bench.uid(i), s, s + 3, current_date - (i % 3)
from generate_series(1, :users) as i,
     lateral (select (i % 11)::integer as s) as x;

select greatest(200, round(2000 * :scale))::integer as courses \gset

-- courses: authored by 500 users spread over the index range (user 1 is an author)
insert into learning.courses (id, title, description, short_description, difficulty_level, estimated_hours,
                              tags, is_published, created_by, created_at, updated_at)
select md5('course-' || c)::uuid,
       'Course ' || c,
       'Description of course ' || c,
       'Short description ' || c,
       (array['Beginner', 'Intermediate', 'Advanced'])[1 + c % 3]::learning.difficulty_level,
       1 + c % 40,
       array['tag' || (c % 50), 'tag' || (c % 7)],
       c % 10 <> 0,
       bench.uid(1 + ((c - 1) * 97) % :users),
       now() - interval '700 days' * bench.h(c, 'course'),
       now()
from generate_series(1, :courses) as c;

insert into learning.lessons (id, course_id, title, content, order_index, is_published, difficulty, created_at, updated_at)
select md5('lesson-' || c || '-' || k)::uuid,
       md5('course-' || c)::uuid,
       'Lesson ' || k || ' of course ' || c,
       repeat('Lesson content. ', 20),
       k,
       (c + k) % 20 <> 0,
       'Beginner',
       now() - interval '600 days',
       now()
from generate_series(1, :courses) as c,
     generate_series(0, 9) as k;

insert into learning.assessments (id, title, course_id, lesson_id, is_published, test_cases, created_at, updated_at)
select md5('assessment-' || c || '-' || k)::uuid,
       'Assessment ' || k || ' of course ' || c,
       md5('course-' || c)::uuid,
       md5('lesson-' || c || '-' || (k * 5 + 4))::uuid,
       true,
       '[{"input": "1", "output": "1"}]',
       now() - interval '600 days',
       now()
from generate_series(1, :courses) as c,
     generate_series(0, 1) as k;

-- enrollments: skewed users, uniform courses; heavy users enrol in hundreds of courses
insert into learning.course_enrollments (user_id, course_id, enrollment_date, progress_percentage, status,
                                         last_accessed, created_at, updated_at)
select distinct on (u, c)
       bench.uid(u), md5('course-' || c)::uuid,
       now() - interval '365 days' * bench.h(j, 'enr-date'),
       0, 'active',
       now() - interval '60 days' * bench.h(j, 'enr-acc'),
       now(), now()
from generate_series(1, round(260000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'enr-user'), :users) as u,
                     1 + floor(bench.h(j, 'enr-course') * :courses)::integer as c) as x
order by u, c;

-- progress: for each enrollment the first k lessons (k in 0..7), all but the last completed
insert into learning.user_progress (user_id, lesson_id, course_id, completed, time_spent, last_position,
                                    completed_at, created_at, updated_at)
select e.user_id, l.id, e.course_id,
       l.order_index < x.k,
       60 + (l.order_index * 97) % 1800,
       (l.order_index * 13) % 600,
       case when l.order_index < x.k then e.enrollment_date + interval '1 day' * l.order_index end,
       e.enrollment_date + interval '1 day' * l.order_index,
       e.enrollment_date + interval '1 day' * l.order_index
from learning.course_enrollments as e
cross join lateral (select floor(8 * bench.h(hashtext(e.id::text), 'k'))::integer as k) as x
join learning.lessons as l on l.course_id = e.course_id and l.order_index <= x.k;

update learning.course_enrollments as e
set progress_percentage = p.pct
from (
    select up.user_id, up.course_id, least(99, 10 * count(*) filter (where up.completed)) as pct
    from learning.user_progress as up
    group by 1, 2
) as p
where p.user_id = e.user_id and p.course_id = e.course_id;

insert into learning.assessment_attempts (user_id, assessment_id, status, score, time_spent,
                                          started_at, completed_at, created_at, updated_at)
select bench.uid(u),
       md5('assessment-' || (1 + floor(bench.h(j, 'aa-c') * :courses)::integer) || '-' || (j % 2))::uuid,
       'completed', round((100 * bench.h(j, 'aa-s'))::numeric, 2), 600,
       t, t + interval '10 minutes', t, t
from generate_series(1, round(300000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'aa-u'), :users) as u,
                     now() - interval '365 days' * bench.h(j, 'aa-t') as t) as x;

insert into learning.learning_analytics (user_id, course_id, session_duration, lessons_completed,
                                         assessments_completed, total_score, session_date, created_at)
select bench.uid(u),
       md5('course-' || (1 + floor(bench.h(j, 'la-c') * :courses)::integer))::uuid,
       300 + j % 3000, j % 4, j % 2, j % 100,
       (now() - interval '365 days' * bench.h(j, 'la-t'))::date,
       now()
from generate_series(1, round(500000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'la-u'), :users) as u) as x;

insert into learning.chat_history (user_id, course_id, context, question, answer, message_type, created_at)
select bench.uid(u),
       md5('course-' || (1 + floor(bench.h(j, 'ch-c') * :courses)::integer))::uuid,
       'lesson_chat', 'How do hooks work? #' || j, repeat('Hooks are functions that let you use state. ', 5),
       'text',
       now() - interval '365 days' * bench.h(j, 'ch-t')
from generate_series(1, round(500000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'ch-u'), :users) as u) as x;

insert into learning.ai_interactions (user_id, interaction_type, input_data, output_data, tokens_used,
                                      processing_time, created_at)
select bench.uid(u), 'chat_completion', '{"prompt": "hello"}', '{"text": "hi"}', 100 + j % 2000, 200 + j % 3000,
       now() - interval '365 days' * bench.h(j, 'ai-t')
from generate_series(1, round(300000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'ai-u'), :users) as u) as x;

insert into learning.notifications (user_id, title, message, type, is_read, read_at, action_url, created_at)
select bench.uid(u), 'Notification ' || j, 'Something happened (' || j || ').', 'info',
       j % 10 >= 3, case when j % 10 >= 3 then now() end, '/courses',
       now() - interval '365 days' * bench.h(j, 'no-t')
from generate_series(1, round(500000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'no-u'), :users) as u) as x;

insert into learning.achievements (user_id, title, description, type, points, earned_at, metadata)
select bench.uid(u), 'Badge ' || j, 'Earned badge ' || j, 'badge', 10, now() - interval '365 days' * bench.h(j, 'ac-t'), '{}'
from generate_series(1, round(100000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'ac-u'), :users) as u) as x;

insert into learning.user_feedback (user_id, course_id, rating, feedback_text, feedback_type)
select bench.uid(u), md5('course-' || (1 + j % :courses))::uuid, 1 + j % 5, 'Feedback ' || j, 'general'
from generate_series(1, round(50000 * :scale)::integer) as j,
     lateral (select bench.skew(bench.h(j, 'fb-u'), :users) as u) as x;
