-- learning: every table says which columns a client (anon, authenticated)
-- may write and which facts the server owns (issue 15); docs/ shows the
-- table comments, and the grants line of each table lists the columns of a
-- column-level grant. Each table's comment gets one "Client-writable ...
-- Server-owned ..." passage appended; learning.achievements, which already
-- said it, is rewritten for the once-per-course reward (20261205101000).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

comment on table learning.achievements is
'Achievements and badges earned by a user. Created by the system (service_role or definer functions), never by the user; a user reads their own. Client-writable: nothing; every column is server-owned. A user earns a given (type, title) once, and a course_completed achievement once per course (metadata.course_id: renaming the course or completing it again awards nothing); completing one''s own course earns nothing. A course title inside title/description is the course author''s text, quoted, at most 120 characters and marked as such.';

do $$
declare
    r record;
begin
    for r in
        select v.tbl, v.writes
        from (values
            ('learning.ai_interactions',
             'Client-writable: nothing (the backend, service_role, logs AI usage); every column is server-owned.'),
            ('learning.assessment_attempts',
             'Client-writable (own rows): insert user_id (the caller), assessment_id (a visible assessment), status, submitted_code, time_spent; update status, submitted_code, time_spent while the attempt is neither completed nor scored (then it is final for its learner, 42501; score changes are in audit_log); submitted_code at most 100,000 characters. Server-owned: score and execution_result (the grader, service_role), started_at, completed_at (now() on completion), created_at, updated_at; completing an attempt advances the streak with the server''s date.'),
            ('learning.learning_analytics',
             'Client-writable (own rows; insert only): user_id (the caller), course_id (a visible course), session_duration, lessons_completed, assessments_completed, total_score (self-reported, feeding only the user''s own analytics), session_date (within one day of the server''s UTC date, so streaks cannot be forged or frozen). Server-owned: id, created_at (now()), and the streak the session advances.'),
            ('learning.profiles',
             'Client-writable (own row; update only): full_name, avatar_url (at most 2,048 characters), bio, learning_goals (at most 8 KiB), preferred_language, timezone (a known time zone); course authors see full_name and avatar_url through course_learners. Server-owned: id and email (from auth.users), created_at, updated_at.'),
            ('learning.assessments',
             'Client-writable (the course''s author; insert, update, delete): id (optional), title, description, difficulty, time_limit, instructions, starter_code, test_cases, expected_output, course_id, lesson_id, is_published; text at most 100,000 characters and jsonb at most 64 KiB for API writes. Server-owned: created_at and updated_at (now()).'),
            ('learning.audit_log',
             'Client-writable: nothing (append-only, written by triggers). An actor reads their own entries, except achievement rows of other users (an author whose course edit completed a learner''s enrollment does not read that learner''s achievement).'),
            ('learning.chat_history',
             'Client-writable (own rows; insert and delete, never update): course_id, lesson_id, assessment_id (content the caller can see, 42501 otherwise), context, question, answer, message_type, user_id (the caller); text at most 10,000 characters, answer 100,000. The user''s own history: nobody else reads it, and nothing is derived from it. Server-owned: id, created_at (now()).'),
            ('learning.course_enrollments',
             'Client-writable (own rows): insert user_id (the caller), course_id (a published or own course), status, last_accessed; update status, last_accessed; delete. status becomes completed only at progress 100 (23514). Server-owned: progress_percentage (from the completed published lessons), completed_at, enrollment_date, created_at, updated_at, and last_accessed (now() whenever a client sets it, since the author reads it through course_learners). The completion reward (achievement, points, notification) is given once per learner and course, never for one''s own course.'),
            ('learning.courses',
             'Client-writable (the author, created_by = the caller; insert, update, delete): id (optional), title, description, short_description, duration, difficulty_level, estimated_hours, tags, thumbnail_url, is_published, created_by; text at most 100,000 characters for API writes. The title reaches learners'' achievements and notifications only quoted, cut to 120 characters and marked as the author''s. Server-owned: created_at and updated_at (now()).'),
            ('learning.lessons',
             'Client-writable (the course''s author; insert, update, delete): id (optional), course_id, title, content, explanation, code_example, key_points, duration, difficulty, order_index, is_published; text at most 100,000 characters and arrays at most 64 KiB for API writes. Server-owned: created_at and updated_at (now()), and the learners'' progress they drive.'),
            ('learning.notifications',
             'Client-writable: update is_read of one''s own notifications. Server-owned: everything else (created by the system; another user''s text appears only quoted, bounded and attributed), read_at (trigger).'),
            ('learning.user_feedback',
             'Client-writable (own rows): insert user_id (the caller), course_id, lesson_id, assessment_id (content the caller can see, 42501 otherwise: no feedback on someone else''s draft), rating (1-5), feedback_text (at most 10,000 characters), feedback_type; update the same but user_id; delete. The author of the course, lesson or assessment reads it attributed to its writer; it feeds no public aggregate. Server-owned: id, created_at, updated_at.'),
            ('learning.user_progress',
             'Client-writable (own rows): insert user_id (the caller), lesson_id, course_id, completed, time_spent, last_position; update completed, time_spent, last_position; delete. The course author reads them. Server-owned: completed_at (now() on completion), created_at, updated_at, and what they drive: the enrollment''s progress and status, and the streak (dated by the server).'),
            ('learning.user_streaks',
             'Client-writable: update streak_type of one''s own row (a new type restarts current_streak). Server-owned: current_streak, longest_streak, last_activity_date (advance_streak, from server-owned dates), created_at, updated_at.')
        ) as v (tbl, writes)
    loop
        execute format('comment on table %s is %L', r.tbl,
            pg_catalog.obj_description(r.tbl::regclass, 'pg_class') || ' ' || r.writes);
    end loop;
end
$$;
