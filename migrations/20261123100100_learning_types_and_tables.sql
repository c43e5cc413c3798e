-- learning, phases 1-6 of the seed: the closed lists as enums and the
-- thirteen tables besides profiles. Triggers, RLS and grants follow in the
-- next migrations.

-- Closed lists ------------------------------------------------------------

create type learning.difficulty_level as enum ('Beginner', 'Intermediate', 'Advanced');
comment on type learning.difficulty_level is
'Difficulty of a course, lesson or assessment. Capitalised as in the seed (its example inserts ''Advanced'').';

create type learning.enrollment_status as enum ('active', 'completed', 'paused', 'dropped');
comment on type learning.enrollment_status is
'State of a course enrollment; completed is set by the progress trigger when progress reaches 100.';

create type learning.attempt_status as enum ('not-started', 'in-progress', 'completed', 'abandoned');
comment on type learning.attempt_status is 'State of an assessment attempt.';

create type learning.chat_context as enum ('general_chat', 'lesson_chat', 'assessment_help', 'course_guidance');
comment on type learning.chat_context is 'What an AI chat exchange is about.';

create type learning.message_type as enum ('text', 'code', 'explanation');
comment on type learning.message_type is 'Kind of content in an AI chat answer.';

create type learning.streak_type as enum ('daily', 'weekly');
comment on type learning.streak_type is
'Granularity of a learning streak: consecutive days (daily) or consecutive ISO weeks starting Monday (weekly).';

-- 2. Course management ------------------------------------------------------

create table learning.courses (
    id uuid not null default gen_random_uuid(),
    title text not null,
    description text,
    short_description text,
    duration text,
    difficulty_level learning.difficulty_level not null default 'Beginner',
    estimated_hours numeric(6, 1),
    tags text[] not null default '{}',
    thumbnail_url text,
    is_published boolean not null default false,
    created_by uuid default auth.uid(),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint courses_pkey primary key (id),
    constraint courses_created_by_fkey foreign key (created_by)
        references learning.profiles (id) on delete set null,
    constraint courses_title_check check (length(btrim(title)) between 1 and 200),
    constraint courses_short_description_check check (short_description is null or length(short_description) <= 500),
    constraint courses_estimated_hours_check check (estimated_hours is null or estimated_hours >= 0),
    constraint courses_tags_check check (array_position(tags, null) is null)
);

comment on table learning.courses is
'Courses. Published courses are readable by everyone (anon included); the author (created_by) manages the course, its lessons and its assessments and alone sees it while unpublished.';
comment on column learning.courses.id is 'Course id.';
comment on column learning.courses.title is 'Course title (1-200 characters).';
comment on column learning.courses.description is 'Detailed course description.';
comment on column learning.courses.short_description is 'Brief course summary (at most 500 characters).';
comment on column learning.courses.duration is 'Human-readable course duration, e.g. "4 weeks" (free text, as in the seed).';
comment on column learning.courses.difficulty_level is 'Beginner, Intermediate or Advanced.';
comment on column learning.courses.estimated_hours is 'Total estimated learning hours (>= 0, one decimal).';
comment on column learning.courses.tags is 'Course tags (GIN-indexed for tag search); never contains nulls.';
comment on column learning.courses.thumbnail_url is 'Course image URL.';
comment on column learning.courses.is_published is 'Publication status: only published courses are visible to people other than the author.';
comment on column learning.courses.created_by is 'Course author (profile id, defaults to auth.uid()). Set to null when the author''s account is deleted, so learners keep the course; the course is then managed by service_role only.';
comment on column learning.courses.created_at is 'When the course was created.';
comment on column learning.courses.updated_at is 'When the course was last changed (maintained by trigger).';

create index idx_courses_created_by on learning.courses (created_by);
create index idx_courses_is_published_created_at on learning.courses (is_published, created_at desc);
create index idx_courses_tags on learning.courses using gin (tags);

create table learning.lessons (
    id uuid not null default gen_random_uuid(),
    course_id uuid not null,
    title text not null,
    content text,
    explanation text,
    code_example text,
    key_points text[] not null default '{}',
    duration text,
    difficulty learning.difficulty_level not null default 'Beginner',
    order_index integer not null,
    is_published boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint lessons_pkey primary key (id),
    constraint lessons_course_id_fkey foreign key (course_id)
        references learning.courses (id) on delete cascade,
    constraint lessons_course_id_order_index_key unique (course_id, order_index)
        deferrable initially immediate,
    constraint lessons_id_course_id_key unique (id, course_id),
    constraint lessons_title_check check (length(btrim(title)) between 1 and 200),
    constraint lessons_key_points_check check (array_position(key_points, null) is null),
    constraint lessons_order_index_check check (order_index >= 0)
);

comment on table learning.lessons is
'Lessons of a course, ordered by order_index. Readable by everyone when both the lesson and its course are published; managed by the course author.';
comment on column learning.lessons.id is 'Lesson id.';
comment on column learning.lessons.course_id is 'The course this lesson belongs to; deleting the course deletes its lessons.';
comment on column learning.lessons.title is 'Lesson title (1-200 characters).';
comment on column learning.lessons.content is 'Main lesson content (markdown).';
comment on column learning.lessons.explanation is 'Detailed explanation.';
comment on column learning.lessons.code_example is 'Code snippets / examples.';
comment on column learning.lessons.key_points is 'Key learning points, in order; never contains nulls.';
comment on column learning.lessons.duration is 'Human-readable lesson duration, e.g. "20 min" (free text, like courses.duration).';
comment on column learning.lessons.difficulty is 'Beginner, Intermediate or Advanced.';
comment on column learning.lessons.order_index is 'Position of the lesson in its course (>= 0, unique per course). The unique constraint is deferrable so lessons can be reordered in one statement or transaction.';
comment on column learning.lessons.is_published is 'Publication status. Only published lessons count towards course progress.';
comment on column learning.lessons.created_at is 'When the lesson was created.';
comment on column learning.lessons.updated_at is 'When the lesson was last changed (maintained by trigger).';

create index idx_lessons_course_id_is_published on learning.lessons (course_id, is_published);

create table learning.course_enrollments (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    course_id uuid not null,
    enrollment_date timestamptz not null default now(),
    progress_percentage numeric(5, 2) not null default 0,
    status learning.enrollment_status not null default 'active',
    last_accessed timestamptz,
    completed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint course_enrollments_pkey primary key (id),
    constraint course_enrollments_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint course_enrollments_course_id_fkey foreign key (course_id)
        references learning.courses (id) on delete cascade,
    constraint course_enrollments_user_id_course_id_key unique (user_id, course_id),
    constraint course_enrollments_progress_percentage_check check (progress_percentage between 0 and 100),
    constraint course_enrollments_completed_check check (status <> 'completed' or progress_percentage = 100),
    constraint course_enrollments_completed_at_check check ((status = 'completed') = (completed_at is not null))
);

comment on table learning.course_enrollments is
'A user''s enrollment in a course (one per user and course). progress_percentage, status completed and completed_at are maintained by the progress trigger from the user''s completed published lessons.';
comment on column learning.course_enrollments.id is 'Enrollment id.';
comment on column learning.course_enrollments.user_id is 'The enrolled user; deleting the user deletes the enrollment.';
comment on column learning.course_enrollments.course_id is 'The course; deleting the course deletes its enrollments.';
comment on column learning.course_enrollments.enrollment_date is 'When the user enrolled.';
comment on column learning.course_enrollments.progress_percentage is 'Completed published lessons / published lessons x 100 (0-100, two decimals); recomputed by trigger, not writable by users.';
comment on column learning.course_enrollments.status is 'active, completed, paused or dropped. completed requires progress 100 and is set/cleared by the progress trigger; users may switch between active, paused and dropped.';
comment on column learning.course_enrollments.last_accessed is 'Last learning activity in this course (also stamped when lesson progress is recorded).';
comment on column learning.course_enrollments.completed_at is 'When the course was completed; set exactly when status is completed.';
comment on column learning.course_enrollments.created_at is 'When the row was created.';
comment on column learning.course_enrollments.updated_at is 'When the row was last changed (maintained by trigger).';

create index idx_course_enrollments_course_id on learning.course_enrollments (course_id);
-- "my courses, most recently accessed first" (never-accessed enrollments last):
-- the user's rows come straight off this index in that order, no sort.
create index idx_course_enrollments_user_id_last_accessed
    on learning.course_enrollments (user_id, last_accessed desc nulls last);

-- 3. Assessment system --------------------------------------------------------

create table learning.assessments (
    id uuid not null default gen_random_uuid(),
    title text not null,
    description text,
    difficulty learning.difficulty_level not null default 'Beginner',
    time_limit integer,
    instructions text,
    starter_code text,
    test_cases jsonb not null default '[]',
    expected_output text,
    course_id uuid,
    lesson_id uuid,
    is_published boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint assessments_pkey primary key (id),
    constraint assessments_course_id_fkey foreign key (course_id)
        references learning.courses (id) on delete cascade,
    constraint assessments_lesson_id_course_id_fkey foreign key (lesson_id, course_id)
        references learning.lessons (id, course_id) on delete set null (lesson_id),
    constraint assessments_title_check check (length(btrim(title)) between 1 and 200),
    constraint assessments_time_limit_check check (time_limit is null or time_limit between 1 and 1440),
    constraint assessments_test_cases_check check (
        jsonb_typeof(test_cases) = 'array'
        and not jsonb_path_exists(test_cases, '$[*] ? (@.type() != "object")')
    ),
    constraint assessments_lesson_id_check check (lesson_id is null or course_id is not null)
);

comment on table learning.assessments is
'Coding challenges and quizzes, optionally attached to a course and one of its lessons. Readable by everyone when published (and their course/lesson, if any, is published); course assessments are managed by the course author, standalone ones (no course) by service_role.';
comment on column learning.assessments.id is 'Assessment id.';
comment on column learning.assessments.title is 'Assessment title (1-200 characters).';
comment on column learning.assessments.description is 'Assessment description.';
comment on column learning.assessments.difficulty is 'Beginner, Intermediate or Advanced.';
comment on column learning.assessments.time_limit is 'Time limit in minutes (1-1440); null means no limit.';
comment on column learning.assessments.instructions is 'Detailed instructions.';
comment on column learning.assessments.starter_code is 'Initial code template.';
comment on column learning.assessments.test_cases is 'JSON array of test case objects, e.g. [{"input": "...", "expected": "..."}]; each element must be an object.';
comment on column learning.assessments.expected_output is 'Expected results (free text). Readable by whoever can read the assessment.';
comment on column learning.assessments.course_id is 'Optional course; deleting the course deletes its assessments.';
comment on column learning.assessments.lesson_id is 'Optional lesson of course_id (the pair must match an existing lesson of that course); set to null when the lesson is deleted, the assessment stays with the course.';
comment on column learning.assessments.is_published is 'Publication status.';
comment on column learning.assessments.created_at is 'When the assessment was created.';
comment on column learning.assessments.updated_at is 'When the assessment was last changed (maintained by trigger).';

create index idx_assessments_course_id on learning.assessments (course_id);
create index idx_assessments_lesson_id_course_id on learning.assessments (lesson_id, course_id);
create index idx_assessments_is_published on learning.assessments (is_published);

create table learning.assessment_attempts (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    assessment_id uuid not null,
    status learning.attempt_status not null default 'in-progress',
    score numeric(5, 2),
    submitted_code text,
    execution_result jsonb,
    time_spent integer not null default 0,
    started_at timestamptz not null default now(),
    completed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint assessment_attempts_pkey primary key (id),
    constraint assessment_attempts_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint assessment_attempts_assessment_id_fkey foreign key (assessment_id)
        references learning.assessments (id) on delete cascade,
    constraint assessment_attempts_score_check check (score is null or score between 0 and 100),
    constraint assessment_attempts_execution_result_check check (execution_result is null or jsonb_typeof(execution_result) = 'object'),
    constraint assessment_attempts_time_spent_check check (time_spent >= 0),
    constraint assessment_attempts_completed_at_check check (
        (status = 'completed') = (completed_at is not null)
        and (completed_at is null or completed_at >= started_at)
    )
);

comment on table learning.assessment_attempts is
'A user''s attempts at an assessment (any number per assessment). Users create and update their own attempts; score and execution_result are written by the grader (service_role).';
comment on column learning.assessment_attempts.id is 'Attempt id.';
comment on column learning.assessment_attempts.user_id is 'The user attempting; deleting the user deletes the attempts.';
comment on column learning.assessment_attempts.assessment_id is 'The assessment; deleting it deletes its attempts.';
comment on column learning.assessment_attempts.status is 'not-started, in-progress (default: a row is created when the user starts), completed or abandoned.';
comment on column learning.assessment_attempts.score is 'Score percentage (0-100), set by the grader; null until graded.';
comment on column learning.assessment_attempts.submitted_code is 'The user''s code submission.';
comment on column learning.assessment_attempts.execution_result is 'JSON object with the results of executing the submission (grader output).';
comment on column learning.assessment_attempts.time_spent is 'Time taken, in seconds (>= 0).';
comment on column learning.assessment_attempts.started_at is 'When the attempt started.';
comment on column learning.assessment_attempts.completed_at is 'When the attempt was completed; stamped by trigger when status becomes completed, null otherwise.';
comment on column learning.assessment_attempts.created_at is 'When the row was created.';
comment on column learning.assessment_attempts.updated_at is 'When the row was last changed (maintained by trigger).';

create index idx_assessment_attempts_user_id_assessment_id on learning.assessment_attempts (user_id, assessment_id);
create index idx_assessment_attempts_assessment_id on learning.assessment_attempts (assessment_id);

-- 4. Progress tracking --------------------------------------------------------

create table learning.user_progress (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    lesson_id uuid not null,
    course_id uuid not null,
    completed boolean not null default false,
    time_spent integer not null default 0,
    last_position integer not null default 0,
    completed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint user_progress_pkey primary key (id),
    constraint user_progress_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint user_progress_lesson_id_course_id_fkey foreign key (lesson_id, course_id)
        references learning.lessons (id, course_id) on delete cascade,
    constraint user_progress_user_id_lesson_id_key unique (user_id, lesson_id),
    constraint user_progress_time_spent_check check (time_spent >= 0),
    constraint user_progress_last_position_check check (last_position >= 0),
    constraint user_progress_completed_at_check check (completed = (completed_at is not null))
);

comment on table learning.user_progress is
'A user''s progress in one lesson (one row per user and lesson). Completing or un-completing a lesson recomputes the user''s enrollment in the course and completing it advances the learning streak.';
comment on column learning.user_progress.id is 'Progress row id.';
comment on column learning.user_progress.user_id is 'The learner; deleting the user deletes the rows.';
comment on column learning.user_progress.lesson_id is 'The lesson; (lesson_id, course_id) must be a lesson of that course. Deleting the lesson deletes the rows.';
comment on column learning.user_progress.course_id is 'The lesson''s course (denormalised for per-course progress queries; checked by the composite foreign key).';
comment on column learning.user_progress.completed is 'Whether the lesson is completed.';
comment on column learning.user_progress.time_spent is 'Time spent in the lesson, in seconds (>= 0).';
comment on column learning.user_progress.last_position is 'Last position reached in the lesson content (a non-negative offset, e.g. scroll position or video second).';
comment on column learning.user_progress.completed_at is 'When the lesson was completed: stamped by trigger when completed becomes true (a given value is kept), cleared when it becomes false.';
comment on column learning.user_progress.created_at is 'When the row was created.';
comment on column learning.user_progress.updated_at is 'When the row was last changed (maintained by trigger).';

create index idx_user_progress_user_id_course_id on learning.user_progress (user_id, course_id);
create index idx_user_progress_lesson_id_course_id on learning.user_progress (lesson_id, course_id);

create table learning.learning_analytics (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    course_id uuid,
    session_duration integer not null default 0,
    lessons_completed integer not null default 0,
    assessments_completed integer not null default 0,
    total_score numeric(10, 2) not null default 0,
    session_date date not null default current_date,
    created_at timestamptz not null default now(),
    constraint learning_analytics_pkey primary key (id),
    constraint learning_analytics_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint learning_analytics_course_id_fkey foreign key (course_id)
        references learning.courses (id) on delete set null,
    constraint learning_analytics_session_duration_check check (session_duration >= 0),
    constraint learning_analytics_lessons_completed_check check (lessons_completed >= 0),
    constraint learning_analytics_assessments_completed_check check (assessments_completed >= 0),
    constraint learning_analytics_total_score_check check (total_score >= 0)
);

comment on table learning.learning_analytics is
'Learning sessions, one row per session (several per day allowed), aggregated per day by session_date. Append-only for users; recording a session counts as learning activity for the streak.';
comment on column learning.learning_analytics.id is 'Row id.';
comment on column learning.learning_analytics.user_id is 'The learner; deleting the user deletes the rows.';
comment on column learning.learning_analytics.course_id is 'Optional course of the session; set to null when the course is deleted (the user keeps the statistics).';
comment on column learning.learning_analytics.session_duration is 'Session time in seconds (>= 0).';
comment on column learning.learning_analytics.lessons_completed is 'Lessons completed in the session (>= 0).';
comment on column learning.learning_analytics.assessments_completed is 'Assessments completed in the session (>= 0).';
comment on column learning.learning_analytics.total_score is 'Sum of the scores achieved in the session (>= 0).';
comment on column learning.learning_analytics.session_date is 'Date of the session (the user''s local day).';
comment on column learning.learning_analytics.created_at is 'When the row was recorded.';

create index idx_learning_analytics_user_id_session_date on learning.learning_analytics (user_id, session_date);
create index idx_learning_analytics_course_id on learning.learning_analytics (course_id);

-- 5. AI interactions --------------------------------------------------------

create table learning.chat_history (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    course_id uuid,
    lesson_id uuid,
    assessment_id uuid,
    context learning.chat_context not null default 'general_chat',
    question text not null,
    answer text,
    message_type learning.message_type not null default 'text',
    created_at timestamptz not null default now(),
    constraint chat_history_pkey primary key (id),
    constraint chat_history_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint chat_history_course_id_fkey foreign key (course_id)
        references learning.courses (id) on delete set null,
    constraint chat_history_lesson_id_fkey foreign key (lesson_id)
        references learning.lessons (id) on delete set null,
    constraint chat_history_assessment_id_fkey foreign key (assessment_id)
        references learning.assessments (id) on delete set null,
    constraint chat_history_question_check check (length(btrim(question)) > 0)
);

comment on table learning.chat_history is
'AI chat exchanges (question and answer), optionally in the context of a course, lesson or assessment. A user reads, adds and deletes their own; rows are not edited.';
comment on column learning.chat_history.id is 'Row id.';
comment on column learning.chat_history.user_id is 'The user who asked; deleting the user deletes the rows.';
comment on column learning.chat_history.course_id is 'Optional course context; set to null when the course is deleted.';
comment on column learning.chat_history.lesson_id is 'Optional lesson context; set to null when the lesson is deleted.';
comment on column learning.chat_history.assessment_id is 'Optional assessment context; set to null when the assessment is deleted.';
comment on column learning.chat_history.context is 'general_chat (default), lesson_chat, assessment_help or course_guidance. Not tied to which context ids are set (the seed''s example stores a lesson_chat with only a course).';
comment on column learning.chat_history.question is 'The user''s question (not blank).';
comment on column learning.chat_history.answer is 'The AI''s response; null while no answer was stored.';
comment on column learning.chat_history.message_type is 'text (default), code or explanation.';
comment on column learning.chat_history.created_at is 'When the exchange was stored.';

create index idx_chat_history_user_id_created_at on learning.chat_history (user_id, created_at desc);
create index idx_chat_history_course_id on learning.chat_history (course_id);
create index idx_chat_history_lesson_id on learning.chat_history (lesson_id);
create index idx_chat_history_assessment_id on learning.chat_history (assessment_id);

-- Statistics setting (planner only, no effect on data): the app lists a user's
-- rows newest first and leaves the user filter to row level security. The policy
-- value (select auth.uid()) is unknown at plan time, so the planner estimates
-- "one user's rows" as rows / n_distinct(user_id) (a handful) and picks a bitmap
-- scan of ALL the user's rows plus a top-N sort: 11-14 ms for a heavy user at
-- 500k rows (BENCHMARKS.md, P2). A low n_distinct makes the ordered scan of
-- idx_chat_history_user_id_created_at with LIMIT the cheaper plan for every user
-- (0.3 ms). It only raises the row estimate for one user (RLS lists, generic
-- plans of prepared statements, literal ids outside the most common values);
-- heavy users in the most-common-value list keep their measured frequency.
-- Takes effect at the next analyze (autovacuum).
alter table learning.chat_history alter column user_id set (n_distinct = 100);

create table learning.ai_interactions (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    interaction_type text not null,
    input_data jsonb not null default '{}',
    output_data jsonb,
    tokens_used integer not null default 0,
    processing_time integer,
    created_at timestamptz not null default now(),
    constraint ai_interactions_pkey primary key (id),
    constraint ai_interactions_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint ai_interactions_interaction_type_check check (interaction_type ~ '^[a-z][a-z0-9_]{0,63}$'),
    constraint ai_interactions_input_data_check check (jsonb_typeof(input_data) = 'object'),
    constraint ai_interactions_output_data_check check (output_data is null or jsonb_typeof(output_data) = 'object'),
    constraint ai_interactions_tokens_used_check check (tokens_used >= 0),
    constraint ai_interactions_processing_time_check check (processing_time is null or processing_time >= 0)
);

comment on table learning.ai_interactions is
'AI usage and performance log, written by the backend (service_role); a user can read their own usage.';
comment on column learning.ai_interactions.id is 'Row id.';
comment on column learning.ai_interactions.user_id is 'The user the AI call was made for; deleting the user deletes the rows.';
comment on column learning.ai_interactions.interaction_type is 'Type of AI interaction, an open snake_case label (e.g. chat, code_review, hint, explanation, quiz_generation): the seed gives no closed list.';
comment on column learning.ai_interactions.input_data is 'JSON object: the request sent to the model.';
comment on column learning.ai_interactions.output_data is 'JSON object: the model''s response; null if none.';
comment on column learning.ai_interactions.tokens_used is 'Tokens consumed (>= 0).';
comment on column learning.ai_interactions.processing_time is 'Processing time in milliseconds (>= 0); null if unknown.';
comment on column learning.ai_interactions.created_at is 'When the interaction happened.';

create index idx_ai_interactions_user_id_created_at on learning.ai_interactions (user_id, created_at desc);

-- 6. Gamification -------------------------------------------------------------

create table learning.achievements (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    title text not null,
    description text,
    type text not null,
    icon_url text,
    points integer not null default 0,
    earned_at timestamptz not null default now(),
    metadata jsonb not null default '{}',
    constraint achievements_pkey primary key (id),
    constraint achievements_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint achievements_user_id_type_title_key unique (user_id, type, title),
    constraint achievements_title_check check (length(btrim(title)) between 1 and 200),
    constraint achievements_type_check check (type ~ '^[a-z][a-z0-9_]{0,63}$'),
    constraint achievements_points_check check (points >= 0),
    constraint achievements_metadata_check check (jsonb_typeof(metadata) = 'object')
);

comment on table learning.achievements is
'Achievements and badges earned by a user. Created by the system (service_role or definer functions), never by the user; a user reads their own. A user earns a given (type, title) once.';
comment on column learning.achievements.id is 'Row id.';
comment on column learning.achievements.user_id is 'The user who earned it; deleting the user deletes the rows.';
comment on column learning.achievements.title is 'Achievement title.';
comment on column learning.achievements.description is 'Achievement description.';
comment on column learning.achievements.type is 'Achievement type, an open snake_case label (e.g. course_completed, streak, first_lesson): the seed gives no closed list.';
comment on column learning.achievements.icon_url is 'Achievement icon URL.';
comment on column learning.achievements.points is 'Points awarded (>= 0).';
comment on column learning.achievements.earned_at is 'When it was earned.';
comment on column learning.achievements.metadata is 'Additional data, a JSON object.';

create table learning.user_streaks (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    current_streak integer not null default 0,
    longest_streak integer not null default 0,
    last_activity_date date,
    streak_type learning.streak_type not null default 'daily',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint user_streaks_pkey primary key (id),
    constraint user_streaks_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint user_streaks_user_id_key unique (user_id),
    constraint user_streaks_current_streak_check check (current_streak >= 0),
    constraint user_streaks_longest_streak_check check (longest_streak >= current_streak)
);

comment on table learning.user_streaks is
'Learning streak of a user (one row per user, created at signup). Advanced by learning_private.advance_streak when the user completes a lesson or an assessment or records a learning session; users may only choose streak_type.';
comment on column learning.user_streaks.id is 'Row id.';
comment on column learning.user_streaks.user_id is 'The user (unique); deleting the user deletes the row.';
comment on column learning.user_streaks.current_streak is 'Consecutive days (daily) or ISO weeks (weekly) with activity, up to last_activity_date. Not decayed by time alone: it resets to 1 at the next activity after a gap.';
comment on column learning.user_streaks.longest_streak is 'Best streak achieved (>= current_streak).';
comment on column learning.user_streaks.last_activity_date is 'Day of the latest learning activity (user''s time zone); null before the first.';
comment on column learning.user_streaks.streak_type is 'daily (default) or weekly; changing it keeps the counters, which are interpreted in the new unit from the next activity on.';
comment on column learning.user_streaks.created_at is 'When the row was created.';
comment on column learning.user_streaks.updated_at is 'When the row was last changed (maintained by trigger).';

-- 7. Notifications & feedback -------------------------------------------------

create table learning.notifications (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    title text not null,
    message text not null,
    type text not null default 'info',
    is_read boolean not null default false,
    read_at timestamptz,
    action_url text,
    created_at timestamptz not null default now(),
    constraint notifications_pkey primary key (id),
    constraint notifications_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint notifications_title_check check (length(btrim(title)) between 1 and 200),
    constraint notifications_type_check check (type ~ '^[a-z][a-z0-9_]{0,63}$'),
    constraint notifications_read_at_check check (is_read = (read_at is not null))
);

comment on table learning.notifications is
'Notifications for a user. Created by the system (service_role or definer functions); the user reads their own and may only flip is_read (read_at follows by trigger).';
comment on column learning.notifications.id is 'Row id.';
comment on column learning.notifications.user_id is 'Recipient; deleting the user deletes the rows.';
comment on column learning.notifications.title is 'Notification title.';
comment on column learning.notifications.message is 'Notification message.';
comment on column learning.notifications.type is 'Notification type, an open snake_case label (info by default; e.g. achievement, course_update, reminder): the seed gives no closed list.';
comment on column learning.notifications.is_read is 'Read status; the only column a user may change.';
comment on column learning.notifications.read_at is 'When the notification was marked read; set/cleared by trigger with is_read.';
comment on column learning.notifications.action_url is 'Optional URL the notification links to.';
comment on column learning.notifications.created_at is 'When the notification was created.';

create index idx_notifications_user_id_created_at on learning.notifications (user_id, created_at desc);
create index idx_notifications_user_id_unread on learning.notifications (user_id) where not is_read;

-- Statistics setting (planner only, no effect on data): the app lists a user's
-- rows newest first and leaves the user filter to row level security. The policy
-- value (select auth.uid()) is unknown at plan time, so the planner estimates
-- "one user's rows" as rows / n_distinct(user_id) (a handful) and picks a bitmap
-- scan of ALL the user's rows plus a top-N sort: 11-14 ms for a heavy user at
-- 500k rows (BENCHMARKS.md, P2). A low n_distinct makes the ordered scan of
-- idx_notifications_user_id_created_at with LIMIT the cheaper plan for every user
-- (0.3 ms). It only raises the row estimate for one user (RLS lists, generic
-- plans of prepared statements, literal ids outside the most common values);
-- heavy users in the most-common-value list keep their measured frequency.
-- Takes effect at the next analyze (autovacuum).
alter table learning.notifications alter column user_id set (n_distinct = 100);

create table learning.user_feedback (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    course_id uuid,
    lesson_id uuid,
    assessment_id uuid,
    rating smallint,
    feedback_text text,
    feedback_type text not null default 'general',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint user_feedback_pkey primary key (id),
    constraint user_feedback_user_id_fkey foreign key (user_id)
        references learning.profiles (id) on delete cascade,
    constraint user_feedback_course_id_fkey foreign key (course_id)
        references learning.courses (id) on delete set null,
    constraint user_feedback_lesson_id_fkey foreign key (lesson_id)
        references learning.lessons (id) on delete set null,
    constraint user_feedback_assessment_id_fkey foreign key (assessment_id)
        references learning.assessments (id) on delete set null,
    constraint user_feedback_rating_check check (rating is null or rating between 1 and 5),
    constraint user_feedback_content_check check (rating is not null or coalesce(length(btrim(feedback_text)), 0) > 0),
    constraint user_feedback_feedback_type_check check (feedback_type ~ '^[a-z][a-z0-9_]{0,63}$')
);

comment on table learning.user_feedback is
'Feedback and ratings from a user, optionally about a course, lesson or assessment. Private to its author (users manage their own; service_role reads all).';
comment on column learning.user_feedback.id is 'Row id.';
comment on column learning.user_feedback.user_id is 'The user giving feedback; deleting the user deletes the rows.';
comment on column learning.user_feedback.course_id is 'Optional course; set to null when the course is deleted.';
comment on column learning.user_feedback.lesson_id is 'Optional lesson; set to null when the lesson is deleted.';
comment on column learning.user_feedback.assessment_id is 'Optional assessment; set to null when the assessment is deleted.';
comment on column learning.user_feedback.rating is '1-5 star rating; optional when feedback_text is given (at least one of the two is required).';
comment on column learning.user_feedback.feedback_text is 'Written feedback.';
comment on column learning.user_feedback.feedback_type is 'Type of feedback, an open snake_case label (general by default; e.g. rating, bug, suggestion): the seed gives no closed list.';
comment on column learning.user_feedback.created_at is 'When the feedback was given.';
comment on column learning.user_feedback.updated_at is 'When the feedback was last changed (maintained by trigger).';

create index idx_user_feedback_user_id on learning.user_feedback (user_id);
create index idx_user_feedback_course_id on learning.user_feedback (course_id);
create index idx_user_feedback_lesson_id on learning.user_feedback (lesson_id);
create index idx_user_feedback_assessment_id on learning.user_feedback (assessment_id);

-- updated_at on every table that has the column -------------------------------

create trigger set_updated_at
before update on learning.courses
for each row execute function learning_private.set_updated_at();

create trigger set_updated_at
before update on learning.lessons
for each row execute function learning_private.set_updated_at();

create trigger set_updated_at
before update on learning.course_enrollments
for each row execute function learning_private.set_updated_at();

create trigger set_updated_at
before update on learning.assessments
for each row execute function learning_private.set_updated_at();

create trigger set_updated_at
before update on learning.assessment_attempts
for each row execute function learning_private.set_updated_at();

create trigger set_updated_at
before update on learning.user_progress
for each row execute function learning_private.set_updated_at();

create trigger set_updated_at
before update on learning.user_streaks
for each row execute function learning_private.set_updated_at();

create trigger set_updated_at
before update on learning.user_feedback
for each row execute function learning_private.set_updated_at();

