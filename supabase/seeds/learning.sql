-- Demo data for the learning module (AI Learning Assistant), for
-- `supabase db reset` and local development. Applied as postgres after all
-- migrations. Re-runnable: every insert skips rows that already exist.
--
-- People (password sign-in is not seeded: these are profile/demo rows only):
--   ada.learning@example.com    course author (both demo courses)
--   ben.learning@example.com    learner: completed "Python Foundations", midway in "Prompt Engineering"
--   chloe.learning@example.com  learner: just started "Prompt Engineering", weekly streak
-- As the author, Ada reads Ben's and Chloe's enrollments, progress and feedback
-- on her courses, and learning.course_learners(course_id) gives her their names.
-- The course, enrollment and achievement inserts below are recorded in
-- learning.audit_log without an actor (a direct session as postgres, no JWT);
-- rows that already exist are skipped, so a re-run adds no entries.

-- Auth users: the signup trigger creates their profiles and streak rows.
insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        email_confirmed_at, created_at, updated_at)
values
    ('1ea00000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'ada.learning@example.com',
        '{"provider": "email", "providers": ["email"]}', '{"full_name": "Ada Author"}',
        now(), now(), now()),
    ('1ea00000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'ben.learning@example.com',
        '{"provider": "email", "providers": ["email"]}', '{"full_name": "Ben Learner"}',
        now(), now(), now()),
    ('1ea00000-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'chloe.learning@example.com',
        '{"provider": "email", "providers": ["email"]}', '{"full_name": "Chloe Student"}',
        now(), now(), now())
on conflict do nothing;

update learning.profiles
set bio = 'Software engineer who writes practical AI courses.',
    learning_goals = array['teach prompt engineering', 'ship course v2'],
    timezone = 'Europe/London'
where id = '1ea00000-0000-4000-8000-000000000001';

update learning.profiles
set bio = 'Backend developer moving into AI.',
    learning_goals = array['learn python', 'build an LLM app'],
    preferred_language = 'en-GB',
    timezone = 'Europe/Paris'
where id = '1ea00000-0000-4000-8000-000000000002';

update learning.profiles
set learning_goals = array['understand prompting'],
    preferred_language = 'pt-BR',
    timezone = 'America/Sao_Paulo'
where id = '1ea00000-0000-4000-8000-000000000003';

update learning.user_streaks
set streak_type = 'weekly'
where user_id = '1ea00000-0000-4000-8000-000000000003';

-- Two published courses by Ada, and one draft only she can see.
insert into learning.courses (id, title, description, short_description, duration, difficulty_level,
    estimated_hours, tags, is_published, created_by)
values
    ('1ea0c000-0000-4000-8000-000000000001', 'Python Foundations',
        'Variables, control flow, functions and data structures, with an AI tutor at your side.',
        'Learn Python from zero.', '3 weeks', 'Beginner', 12, array['python', 'beginner'], true,
        '1ea00000-0000-4000-8000-000000000001'),
    ('1ea0c000-0000-4000-8000-000000000002', 'Prompt Engineering',
        'Write prompts that get reliable answers from large language models.',
        'Get reliable answers from LLMs.', '2 weeks', 'Intermediate', 8, array['ai', 'llm', 'prompting'], true,
        '1ea00000-0000-4000-8000-000000000001'),
    ('1ea0c000-0000-4000-8000-000000000003', 'Advanced React (draft)',
        'Learn advanced React patterns', null, '4 weeks', 'Advanced', 20, array['react', 'advanced'], false,
        '1ea00000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into learning.lessons (id, course_id, title, content, explanation, code_example, key_points,
    duration, difficulty, order_index, is_published)
values
    ('1ea01000-0000-4000-8000-000000000001', '1ea0c000-0000-4000-8000-000000000001',
        'Variables and types', 'Names refer to values; every value has a type.',
        'Python is dynamically typed: a name can be rebound to a value of another type.',
        'x = 42' || chr(10) || 'name = "Ada"', array['names bind values', 'type() tells the type'],
        '15 min', 'Beginner', 1, true),
    ('1ea01000-0000-4000-8000-000000000002', '1ea0c000-0000-4000-8000-000000000001',
        'Control flow', 'if, for and while.', 'Indentation delimits blocks.',
        'for i in range(3):' || chr(10) || '    print(i)', array['indentation matters', 'range is lazy'],
        '20 min', 'Beginner', 2, true),
    ('1ea01000-0000-4000-8000-000000000003', '1ea0c000-0000-4000-8000-000000000001',
        'Functions', 'def, parameters and return values.', 'Functions are first-class values.',
        'def square(x):' || chr(10) || '    return x * x', array['def defines', 'return ends the call'],
        '25 min', 'Beginner', 3, true),
    ('1ea01000-0000-4000-8000-000000000004', '1ea0c000-0000-4000-8000-000000000002',
        'Anatomy of a prompt', 'Instruction, context, input, output format.',
        'Models follow explicit structure better than implicit hints.', null,
        array['be explicit', 'give the output format'], '20 min', 'Intermediate', 1, true),
    ('1ea01000-0000-4000-8000-000000000005', '1ea0c000-0000-4000-8000-000000000002',
        'Few-shot examples', 'Show the model what you want.', 'Examples anchor format and tone.', null,
        array['2-5 examples', 'vary the examples'], '25 min', 'Intermediate', 2, true),
    ('1ea01000-0000-4000-8000-000000000006', '1ea0c000-0000-4000-8000-000000000002',
        'Chain of thought', 'Ask for reasoning steps.', 'Reasoning first, answer last.', null,
        array['think step by step'], '25 min', 'Intermediate', 3, true),
    ('1ea01000-0000-4000-8000-000000000007', '1ea0c000-0000-4000-8000-000000000002',
        'Evaluating prompts (coming soon)', 'Draft.', null, null, '{}', '30 min', 'Advanced', 4, false)
on conflict (id) do nothing;

insert into learning.assessments (id, title, description, difficulty, time_limit, instructions,
    starter_code, test_cases, expected_output, course_id, lesson_id, is_published)
values
    ('1ea0a000-0000-4000-8000-000000000001', 'Write square()', 'Implement a function.', 'Beginner', 15,
        'Write square(x) returning x squared.', 'def square(x):' || chr(10) || '    pass',
        '[{"input": "3", "expected": "9"}, {"input": "-2", "expected": "4"}]', '9' || chr(10) || '4',
        '1ea0c000-0000-4000-8000-000000000001', '1ea01000-0000-4000-8000-000000000003', true),
    ('1ea0a000-0000-4000-8000-000000000002', 'Prompt format quiz', 'Pick the best prompt.', 'Intermediate', 10,
        'Rewrite the prompt so that the model answers in JSON.', null,
        '[{"input": "summarise this", "expected": "{\"summary\": ...}"}]', null,
        '1ea0c000-0000-4000-8000-000000000002', null, true)
on conflict do nothing;

-- Enrollments first, then progress: the progress trigger computes the
-- percentages, completes Ben's Python course (achievement + notification)
-- and advances the streaks.
insert into learning.course_enrollments (id, user_id, course_id, enrollment_date, last_accessed)
values
    ('1ea0e000-0000-4000-8000-000000000001', '1ea00000-0000-4000-8000-000000000002',
        '1ea0c000-0000-4000-8000-000000000001', now() - interval '10 days', now() - interval '2 days'),
    ('1ea0e000-0000-4000-8000-000000000002', '1ea00000-0000-4000-8000-000000000002',
        '1ea0c000-0000-4000-8000-000000000002', now() - interval '3 days', now() - interval '1 day'),
    ('1ea0e000-0000-4000-8000-000000000003', '1ea00000-0000-4000-8000-000000000003',
        '1ea0c000-0000-4000-8000-000000000002', now() - interval '8 days', now() - interval '8 days')
on conflict do nothing;

insert into learning.user_progress (user_id, lesson_id, course_id, completed, time_spent, last_position, completed_at)
values
    ('1ea00000-0000-4000-8000-000000000002', '1ea01000-0000-4000-8000-000000000001',
        '1ea0c000-0000-4000-8000-000000000001', true, 900, 100, now() - interval '4 days'),
    ('1ea00000-0000-4000-8000-000000000002', '1ea01000-0000-4000-8000-000000000002',
        '1ea0c000-0000-4000-8000-000000000001', true, 1300, 100, now() - interval '3 days'),
    ('1ea00000-0000-4000-8000-000000000002', '1ea01000-0000-4000-8000-000000000003',
        '1ea0c000-0000-4000-8000-000000000001', true, 1600, 100, now() - interval '2 days'),
    ('1ea00000-0000-4000-8000-000000000002', '1ea01000-0000-4000-8000-000000000004',
        '1ea0c000-0000-4000-8000-000000000002', true, 1200, 100, now() - interval '1 day'),
    ('1ea00000-0000-4000-8000-000000000002', '1ea01000-0000-4000-8000-000000000005',
        '1ea0c000-0000-4000-8000-000000000002', false, 400, 35, null),
    ('1ea00000-0000-4000-8000-000000000003', '1ea01000-0000-4000-8000-000000000004',
        '1ea0c000-0000-4000-8000-000000000002', true, 1500, 100, now() - interval '8 days')
on conflict do nothing;

insert into learning.assessment_attempts (id, user_id, assessment_id, status, score, submitted_code,
    execution_result, time_spent, started_at, completed_at)
values
    ('1ea0b000-0000-4000-8000-000000000001', '1ea00000-0000-4000-8000-000000000002',
        '1ea0a000-0000-4000-8000-000000000001', 'completed', 100,
        'def square(x):' || chr(10) || '    return x * x',
        '{"passed": 2, "failed": 0, "stdout": "9\n4"}', 540,
        now() - interval '2 days 1 hour', now() - interval '2 days 50 minutes'),
    ('1ea0b000-0000-4000-8000-000000000002', '1ea00000-0000-4000-8000-000000000003',
        '1ea0a000-0000-4000-8000-000000000002', 'in-progress', null, null, null, 120,
        now() - interval '1 hour', null)
on conflict do nothing;

insert into learning.learning_analytics (user_id, course_id, session_duration, lessons_completed,
    assessments_completed, total_score, session_date)
select v.user_id::uuid, v.course_id::uuid, v.session_duration, v.lessons_completed,
        v.assessments_completed, v.total_score, v.session_date
from (values
    ('1ea00000-0000-4000-8000-000000000002', '1ea0c000-0000-4000-8000-000000000001', 900, 1, 0, 0, current_date - 4),
    ('1ea00000-0000-4000-8000-000000000002', '1ea0c000-0000-4000-8000-000000000001', 1300, 1, 0, 0, current_date - 3),
    ('1ea00000-0000-4000-8000-000000000002', '1ea0c000-0000-4000-8000-000000000001', 2200, 1, 1, 100, current_date - 2),
    ('1ea00000-0000-4000-8000-000000000002', '1ea0c000-0000-4000-8000-000000000002', 1600, 1, 0, 0, current_date - 1),
    ('1ea00000-0000-4000-8000-000000000003', '1ea0c000-0000-4000-8000-000000000002', 1500, 1, 0, 0, current_date - 8)
) as v (user_id, course_id, session_duration, lessons_completed, assessments_completed, total_score, session_date)
where not exists (
    select 1
    from learning.learning_analytics as a
    where a.user_id = v.user_id::uuid
        and a.session_date = v.session_date
);

insert into learning.chat_history (id, user_id, course_id, lesson_id, assessment_id, context, question, answer, message_type)
values
    ('1ea0d000-0000-4000-8000-000000000001', '1ea00000-0000-4000-8000-000000000002',
        '1ea0c000-0000-4000-8000-000000000001', '1ea01000-0000-4000-8000-000000000003', null, 'lesson_chat',
        'What does return do?', 'It ends the function call and hands a value back to the caller.', 'explanation'),
    ('1ea0d000-0000-4000-8000-000000000002', '1ea00000-0000-4000-8000-000000000002',
        '1ea0c000-0000-4000-8000-000000000001', null, '1ea0a000-0000-4000-8000-000000000001', 'assessment_help',
        'Hint for square()?', 'x * x', 'code'),
    ('1ea0d000-0000-4000-8000-000000000003', '1ea00000-0000-4000-8000-000000000003',
        null, null, null, 'general_chat', 'Which course should I start with?',
        'Prompt Engineering matches your goal "understand prompting".', 'text')
on conflict do nothing;

insert into learning.ai_interactions (id, user_id, interaction_type, input_data, output_data, tokens_used, processing_time)
values
    ('1ea0f000-0000-4000-8000-000000000001', '1ea00000-0000-4000-8000-000000000002', 'chat',
        '{"model": "gpt-4o-mini", "prompt": "What does return do?"}', '{"text": "It ends the function call..."}', 182, 840),
    ('1ea0f000-0000-4000-8000-000000000002', '1ea00000-0000-4000-8000-000000000002', 'code_review',
        '{"model": "gpt-4o-mini", "code": "def square(x): return x * x"}', '{"verdict": "correct"}', 96, 610)
on conflict do nothing;

insert into learning.achievements (user_id, title, description, type, points, metadata)
values
    ('1ea00000-0000-4000-8000-000000000002', 'First lesson', 'Completed your first lesson.', 'first_lesson', 10, '{}')
on conflict do nothing;

insert into learning.notifications (id, user_id, title, message, type, action_url)
values
    ('1ea0f100-0000-4000-8000-000000000001', '1ea00000-0000-4000-8000-000000000003', 'Keep going',
        'You have not studied for a week: one lesson keeps your weekly streak alive.', 'reminder',
        '/courses/1ea0c000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into learning.user_feedback (id, user_id, course_id, lesson_id, assessment_id, rating, feedback_text, feedback_type)
values
    ('1ea0f200-0000-4000-8000-000000000001', '1ea00000-0000-4000-8000-000000000002',
        '1ea0c000-0000-4000-8000-000000000001', null, null, 5, 'Clear and practical.', 'rating'),
    ('1ea0f200-0000-4000-8000-000000000002', '1ea00000-0000-4000-8000-000000000003',
        null, '1ea01000-0000-4000-8000-000000000004', null, null, 'A diagram of the prompt parts would help.', 'suggestion')
on conflict do nothing;
