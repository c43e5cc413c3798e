-- Structure of the learning module: tables, columns, keys, indexes,
-- policies, grants, functions, triggers and comments.
begin;
select plan(517);

select has_schema('learning', 'schema learning exists');
select has_schema('learning_private', 'schema learning_private exists');
select tables_are('learning', array['profiles', 'courses', 'lessons', 'course_enrollments', 'assessments', 'assessment_attempts', 'user_progress', 'learning_analytics', 'chat_history', 'ai_interactions', 'achievements', 'user_streaks', 'notifications', 'user_feedback', 'audit_log'], 'learning has exactly the 14 seed tables');
select has_pk('learning', 'profiles', 'learning.profiles has a primary key');
select has_pk('learning', 'courses', 'learning.courses has a primary key');
select has_pk('learning', 'lessons', 'learning.lessons has a primary key');
select has_pk('learning', 'course_enrollments', 'learning.course_enrollments has a primary key');
select has_pk('learning', 'assessments', 'learning.assessments has a primary key');
select has_pk('learning', 'assessment_attempts', 'learning.assessment_attempts has a primary key');
select has_pk('learning', 'user_progress', 'learning.user_progress has a primary key');
select has_pk('learning', 'learning_analytics', 'learning.learning_analytics has a primary key');
select has_pk('learning', 'chat_history', 'learning.chat_history has a primary key');
select has_pk('learning', 'ai_interactions', 'learning.ai_interactions has a primary key');
select has_pk('learning', 'achievements', 'learning.achievements has a primary key');
select has_pk('learning', 'user_streaks', 'learning.user_streaks has a primary key');
select has_pk('learning', 'notifications', 'learning.notifications has a primary key');
select has_pk('learning', 'user_feedback', 'learning.user_feedback has a primary key');
select columns_are('learning', 'profiles', array['id', 'email', 'full_name', 'avatar_url', 'bio', 'learning_goals', 'preferred_language', 'timezone', 'created_at', 'updated_at'], 'learning.profiles has exactly the expected columns');
select columns_are('learning', 'courses', array['id', 'title', 'description', 'short_description', 'duration', 'difficulty_level', 'estimated_hours', 'tags', 'thumbnail_url', 'is_published', 'created_by', 'created_at', 'updated_at'], 'learning.courses has exactly the expected columns');
select columns_are('learning', 'lessons', array['id', 'course_id', 'title', 'content', 'explanation', 'code_example', 'key_points', 'duration', 'difficulty', 'order_index', 'is_published', 'created_at', 'updated_at'], 'learning.lessons has exactly the expected columns');
select columns_are('learning', 'course_enrollments', array['id', 'user_id', 'course_id', 'enrollment_date', 'progress_percentage', 'status', 'last_accessed', 'completed_at', 'created_at', 'updated_at'], 'learning.course_enrollments has exactly the expected columns');
select columns_are('learning', 'assessments', array['id', 'title', 'description', 'difficulty', 'time_limit', 'instructions', 'starter_code', 'test_cases', 'expected_output', 'course_id', 'lesson_id', 'is_published', 'created_at', 'updated_at'], 'learning.assessments has exactly the expected columns');
select columns_are('learning', 'assessment_attempts', array['id', 'user_id', 'assessment_id', 'status', 'score', 'submitted_code', 'execution_result', 'time_spent', 'started_at', 'completed_at', 'created_at', 'updated_at'], 'learning.assessment_attempts has exactly the expected columns');
select columns_are('learning', 'user_progress', array['id', 'user_id', 'lesson_id', 'course_id', 'completed', 'time_spent', 'last_position', 'completed_at', 'created_at', 'updated_at'], 'learning.user_progress has exactly the expected columns');
select columns_are('learning', 'learning_analytics', array['id', 'user_id', 'course_id', 'session_duration', 'lessons_completed', 'assessments_completed', 'total_score', 'session_date', 'created_at'], 'learning.learning_analytics has exactly the expected columns');
select columns_are('learning', 'chat_history', array['id', 'user_id', 'course_id', 'lesson_id', 'assessment_id', 'context', 'question', 'answer', 'message_type', 'created_at'], 'learning.chat_history has exactly the expected columns');
select columns_are('learning', 'ai_interactions', array['id', 'user_id', 'interaction_type', 'input_data', 'output_data', 'tokens_used', 'processing_time', 'created_at'], 'learning.ai_interactions has exactly the expected columns');
select columns_are('learning', 'achievements', array['id', 'user_id', 'title', 'description', 'type', 'icon_url', 'points', 'earned_at', 'metadata'], 'learning.achievements has exactly the expected columns');
select columns_are('learning', 'user_streaks', array['id', 'user_id', 'current_streak', 'longest_streak', 'last_activity_date', 'streak_type', 'created_at', 'updated_at'], 'learning.user_streaks has exactly the expected columns');
select columns_are('learning', 'notifications', array['id', 'user_id', 'title', 'message', 'type', 'is_read', 'read_at', 'action_url', 'created_at'], 'learning.notifications has exactly the expected columns');
select columns_are('learning', 'user_feedback', array['id', 'user_id', 'course_id', 'lesson_id', 'assessment_id', 'rating', 'feedback_text', 'feedback_type', 'created_at', 'updated_at'], 'learning.user_feedback has exactly the expected columns');
select col_type_is('learning', 'achievements', 'id', 'uuid', 'learning.achievements.id is uuid');
select col_not_null('learning', 'achievements', 'id', 'learning.achievements.id is not null');
select col_type_is('learning', 'achievements', 'user_id', 'uuid', 'learning.achievements.user_id is uuid');
select col_not_null('learning', 'achievements', 'user_id', 'learning.achievements.user_id is not null');
select col_type_is('learning', 'achievements', 'title', 'text', 'learning.achievements.title is text');
select col_not_null('learning', 'achievements', 'title', 'learning.achievements.title is not null');
select col_type_is('learning', 'achievements', 'description', 'text', 'learning.achievements.description is text');
select col_is_null('learning', 'achievements', 'description', 'learning.achievements.description is nullable');
select col_type_is('learning', 'achievements', 'type', 'text', 'learning.achievements.type is text');
select col_not_null('learning', 'achievements', 'type', 'learning.achievements.type is not null');
select col_type_is('learning', 'achievements', 'icon_url', 'text', 'learning.achievements.icon_url is text');
select col_is_null('learning', 'achievements', 'icon_url', 'learning.achievements.icon_url is nullable');
select col_type_is('learning', 'achievements', 'points', 'integer', 'learning.achievements.points is integer');
select col_not_null('learning', 'achievements', 'points', 'learning.achievements.points is not null');
select col_type_is('learning', 'achievements', 'earned_at', 'timestamp with time zone', 'learning.achievements.earned_at is timestamp with time zone');
select col_not_null('learning', 'achievements', 'earned_at', 'learning.achievements.earned_at is not null');
select col_type_is('learning', 'achievements', 'metadata', 'jsonb', 'learning.achievements.metadata is jsonb');
select col_not_null('learning', 'achievements', 'metadata', 'learning.achievements.metadata is not null');
select col_type_is('learning', 'ai_interactions', 'id', 'uuid', 'learning.ai_interactions.id is uuid');
select col_not_null('learning', 'ai_interactions', 'id', 'learning.ai_interactions.id is not null');
select col_type_is('learning', 'ai_interactions', 'user_id', 'uuid', 'learning.ai_interactions.user_id is uuid');
select col_not_null('learning', 'ai_interactions', 'user_id', 'learning.ai_interactions.user_id is not null');
select col_type_is('learning', 'ai_interactions', 'interaction_type', 'text', 'learning.ai_interactions.interaction_type is text');
select col_not_null('learning', 'ai_interactions', 'interaction_type', 'learning.ai_interactions.interaction_type is not null');
select col_type_is('learning', 'ai_interactions', 'input_data', 'jsonb', 'learning.ai_interactions.input_data is jsonb');
select col_not_null('learning', 'ai_interactions', 'input_data', 'learning.ai_interactions.input_data is not null');
select col_type_is('learning', 'ai_interactions', 'output_data', 'jsonb', 'learning.ai_interactions.output_data is jsonb');
select col_is_null('learning', 'ai_interactions', 'output_data', 'learning.ai_interactions.output_data is nullable');
select col_type_is('learning', 'ai_interactions', 'tokens_used', 'integer', 'learning.ai_interactions.tokens_used is integer');
select col_not_null('learning', 'ai_interactions', 'tokens_used', 'learning.ai_interactions.tokens_used is not null');
select col_type_is('learning', 'ai_interactions', 'processing_time', 'integer', 'learning.ai_interactions.processing_time is integer');
select col_is_null('learning', 'ai_interactions', 'processing_time', 'learning.ai_interactions.processing_time is nullable');
select col_type_is('learning', 'ai_interactions', 'created_at', 'timestamp with time zone', 'learning.ai_interactions.created_at is timestamp with time zone');
select col_not_null('learning', 'ai_interactions', 'created_at', 'learning.ai_interactions.created_at is not null');
select col_type_is('learning', 'assessment_attempts', 'id', 'uuid', 'learning.assessment_attempts.id is uuid');
select col_not_null('learning', 'assessment_attempts', 'id', 'learning.assessment_attempts.id is not null');
select col_type_is('learning', 'assessment_attempts', 'user_id', 'uuid', 'learning.assessment_attempts.user_id is uuid');
select col_not_null('learning', 'assessment_attempts', 'user_id', 'learning.assessment_attempts.user_id is not null');
select col_type_is('learning', 'assessment_attempts', 'assessment_id', 'uuid', 'learning.assessment_attempts.assessment_id is uuid');
select col_not_null('learning', 'assessment_attempts', 'assessment_id', 'learning.assessment_attempts.assessment_id is not null');
select col_type_is('learning', 'assessment_attempts', 'status', 'learning.attempt_status', 'learning.assessment_attempts.status is learning.attempt_status');
select col_not_null('learning', 'assessment_attempts', 'status', 'learning.assessment_attempts.status is not null');
select col_type_is('learning', 'assessment_attempts', 'score', 'numeric(5,2)', 'learning.assessment_attempts.score is numeric(5,2)');
select col_is_null('learning', 'assessment_attempts', 'score', 'learning.assessment_attempts.score is nullable');
select col_type_is('learning', 'assessment_attempts', 'submitted_code', 'text', 'learning.assessment_attempts.submitted_code is text');
select col_is_null('learning', 'assessment_attempts', 'submitted_code', 'learning.assessment_attempts.submitted_code is nullable');
select col_type_is('learning', 'assessment_attempts', 'execution_result', 'jsonb', 'learning.assessment_attempts.execution_result is jsonb');
select col_is_null('learning', 'assessment_attempts', 'execution_result', 'learning.assessment_attempts.execution_result is nullable');
select col_type_is('learning', 'assessment_attempts', 'time_spent', 'integer', 'learning.assessment_attempts.time_spent is integer');
select col_not_null('learning', 'assessment_attempts', 'time_spent', 'learning.assessment_attempts.time_spent is not null');
select col_type_is('learning', 'assessment_attempts', 'started_at', 'timestamp with time zone', 'learning.assessment_attempts.started_at is timestamp with time zone');
select col_not_null('learning', 'assessment_attempts', 'started_at', 'learning.assessment_attempts.started_at is not null');
select col_type_is('learning', 'assessment_attempts', 'completed_at', 'timestamp with time zone', 'learning.assessment_attempts.completed_at is timestamp with time zone');
select col_is_null('learning', 'assessment_attempts', 'completed_at', 'learning.assessment_attempts.completed_at is nullable');
select col_type_is('learning', 'assessment_attempts', 'created_at', 'timestamp with time zone', 'learning.assessment_attempts.created_at is timestamp with time zone');
select col_not_null('learning', 'assessment_attempts', 'created_at', 'learning.assessment_attempts.created_at is not null');
select col_type_is('learning', 'assessment_attempts', 'updated_at', 'timestamp with time zone', 'learning.assessment_attempts.updated_at is timestamp with time zone');
select col_not_null('learning', 'assessment_attempts', 'updated_at', 'learning.assessment_attempts.updated_at is not null');
select col_type_is('learning', 'assessments', 'id', 'uuid', 'learning.assessments.id is uuid');
select col_not_null('learning', 'assessments', 'id', 'learning.assessments.id is not null');
select col_type_is('learning', 'assessments', 'title', 'text', 'learning.assessments.title is text');
select col_not_null('learning', 'assessments', 'title', 'learning.assessments.title is not null');
select col_type_is('learning', 'assessments', 'description', 'text', 'learning.assessments.description is text');
select col_is_null('learning', 'assessments', 'description', 'learning.assessments.description is nullable');
select col_type_is('learning', 'assessments', 'difficulty', 'learning.difficulty_level', 'learning.assessments.difficulty is learning.difficulty_level');
select col_not_null('learning', 'assessments', 'difficulty', 'learning.assessments.difficulty is not null');
select col_type_is('learning', 'assessments', 'time_limit', 'integer', 'learning.assessments.time_limit is integer');
select col_is_null('learning', 'assessments', 'time_limit', 'learning.assessments.time_limit is nullable');
select col_type_is('learning', 'assessments', 'instructions', 'text', 'learning.assessments.instructions is text');
select col_is_null('learning', 'assessments', 'instructions', 'learning.assessments.instructions is nullable');
select col_type_is('learning', 'assessments', 'starter_code', 'text', 'learning.assessments.starter_code is text');
select col_is_null('learning', 'assessments', 'starter_code', 'learning.assessments.starter_code is nullable');
select col_type_is('learning', 'assessments', 'test_cases', 'jsonb', 'learning.assessments.test_cases is jsonb');
select col_not_null('learning', 'assessments', 'test_cases', 'learning.assessments.test_cases is not null');
select col_type_is('learning', 'assessments', 'expected_output', 'text', 'learning.assessments.expected_output is text');
select col_is_null('learning', 'assessments', 'expected_output', 'learning.assessments.expected_output is nullable');
select col_type_is('learning', 'assessments', 'course_id', 'uuid', 'learning.assessments.course_id is uuid');
select col_is_null('learning', 'assessments', 'course_id', 'learning.assessments.course_id is nullable');
select col_type_is('learning', 'assessments', 'lesson_id', 'uuid', 'learning.assessments.lesson_id is uuid');
select col_is_null('learning', 'assessments', 'lesson_id', 'learning.assessments.lesson_id is nullable');
select col_type_is('learning', 'assessments', 'is_published', 'boolean', 'learning.assessments.is_published is boolean');
select col_not_null('learning', 'assessments', 'is_published', 'learning.assessments.is_published is not null');
select col_type_is('learning', 'assessments', 'created_at', 'timestamp with time zone', 'learning.assessments.created_at is timestamp with time zone');
select col_not_null('learning', 'assessments', 'created_at', 'learning.assessments.created_at is not null');
select col_type_is('learning', 'assessments', 'updated_at', 'timestamp with time zone', 'learning.assessments.updated_at is timestamp with time zone');
select col_not_null('learning', 'assessments', 'updated_at', 'learning.assessments.updated_at is not null');
select col_type_is('learning', 'chat_history', 'id', 'uuid', 'learning.chat_history.id is uuid');
select col_not_null('learning', 'chat_history', 'id', 'learning.chat_history.id is not null');
select col_type_is('learning', 'chat_history', 'user_id', 'uuid', 'learning.chat_history.user_id is uuid');
select col_not_null('learning', 'chat_history', 'user_id', 'learning.chat_history.user_id is not null');
select col_type_is('learning', 'chat_history', 'course_id', 'uuid', 'learning.chat_history.course_id is uuid');
select col_is_null('learning', 'chat_history', 'course_id', 'learning.chat_history.course_id is nullable');
select col_type_is('learning', 'chat_history', 'lesson_id', 'uuid', 'learning.chat_history.lesson_id is uuid');
select col_is_null('learning', 'chat_history', 'lesson_id', 'learning.chat_history.lesson_id is nullable');
select col_type_is('learning', 'chat_history', 'assessment_id', 'uuid', 'learning.chat_history.assessment_id is uuid');
select col_is_null('learning', 'chat_history', 'assessment_id', 'learning.chat_history.assessment_id is nullable');
select col_type_is('learning', 'chat_history', 'context', 'learning.chat_context', 'learning.chat_history.context is learning.chat_context');
select col_not_null('learning', 'chat_history', 'context', 'learning.chat_history.context is not null');
select col_type_is('learning', 'chat_history', 'question', 'text', 'learning.chat_history.question is text');
select col_not_null('learning', 'chat_history', 'question', 'learning.chat_history.question is not null');
select col_type_is('learning', 'chat_history', 'answer', 'text', 'learning.chat_history.answer is text');
select col_is_null('learning', 'chat_history', 'answer', 'learning.chat_history.answer is nullable');
select col_type_is('learning', 'chat_history', 'message_type', 'learning.message_type', 'learning.chat_history.message_type is learning.message_type');
select col_not_null('learning', 'chat_history', 'message_type', 'learning.chat_history.message_type is not null');
select col_type_is('learning', 'chat_history', 'created_at', 'timestamp with time zone', 'learning.chat_history.created_at is timestamp with time zone');
select col_not_null('learning', 'chat_history', 'created_at', 'learning.chat_history.created_at is not null');
select col_type_is('learning', 'course_enrollments', 'id', 'uuid', 'learning.course_enrollments.id is uuid');
select col_not_null('learning', 'course_enrollments', 'id', 'learning.course_enrollments.id is not null');
select col_type_is('learning', 'course_enrollments', 'user_id', 'uuid', 'learning.course_enrollments.user_id is uuid');
select col_not_null('learning', 'course_enrollments', 'user_id', 'learning.course_enrollments.user_id is not null');
select col_type_is('learning', 'course_enrollments', 'course_id', 'uuid', 'learning.course_enrollments.course_id is uuid');
select col_not_null('learning', 'course_enrollments', 'course_id', 'learning.course_enrollments.course_id is not null');
select col_type_is('learning', 'course_enrollments', 'enrollment_date', 'timestamp with time zone', 'learning.course_enrollments.enrollment_date is timestamp with time zone');
select col_not_null('learning', 'course_enrollments', 'enrollment_date', 'learning.course_enrollments.enrollment_date is not null');
select col_type_is('learning', 'course_enrollments', 'progress_percentage', 'numeric(5,2)', 'learning.course_enrollments.progress_percentage is numeric(5,2)');
select col_not_null('learning', 'course_enrollments', 'progress_percentage', 'learning.course_enrollments.progress_percentage is not null');
select col_type_is('learning', 'course_enrollments', 'status', 'learning.enrollment_status', 'learning.course_enrollments.status is learning.enrollment_status');
select col_not_null('learning', 'course_enrollments', 'status', 'learning.course_enrollments.status is not null');
select col_type_is('learning', 'course_enrollments', 'last_accessed', 'timestamp with time zone', 'learning.course_enrollments.last_accessed is timestamp with time zone');
select col_is_null('learning', 'course_enrollments', 'last_accessed', 'learning.course_enrollments.last_accessed is nullable');
select col_type_is('learning', 'course_enrollments', 'completed_at', 'timestamp with time zone', 'learning.course_enrollments.completed_at is timestamp with time zone');
select col_is_null('learning', 'course_enrollments', 'completed_at', 'learning.course_enrollments.completed_at is nullable');
select col_type_is('learning', 'course_enrollments', 'created_at', 'timestamp with time zone', 'learning.course_enrollments.created_at is timestamp with time zone');
select col_not_null('learning', 'course_enrollments', 'created_at', 'learning.course_enrollments.created_at is not null');
select col_type_is('learning', 'course_enrollments', 'updated_at', 'timestamp with time zone', 'learning.course_enrollments.updated_at is timestamp with time zone');
select col_not_null('learning', 'course_enrollments', 'updated_at', 'learning.course_enrollments.updated_at is not null');
select col_type_is('learning', 'courses', 'id', 'uuid', 'learning.courses.id is uuid');
select col_not_null('learning', 'courses', 'id', 'learning.courses.id is not null');
select col_type_is('learning', 'courses', 'title', 'text', 'learning.courses.title is text');
select col_not_null('learning', 'courses', 'title', 'learning.courses.title is not null');
select col_type_is('learning', 'courses', 'description', 'text', 'learning.courses.description is text');
select col_is_null('learning', 'courses', 'description', 'learning.courses.description is nullable');
select col_type_is('learning', 'courses', 'short_description', 'text', 'learning.courses.short_description is text');
select col_is_null('learning', 'courses', 'short_description', 'learning.courses.short_description is nullable');
select col_type_is('learning', 'courses', 'duration', 'text', 'learning.courses.duration is text');
select col_is_null('learning', 'courses', 'duration', 'learning.courses.duration is nullable');
select col_type_is('learning', 'courses', 'difficulty_level', 'learning.difficulty_level', 'learning.courses.difficulty_level is learning.difficulty_level');
select col_not_null('learning', 'courses', 'difficulty_level', 'learning.courses.difficulty_level is not null');
select col_type_is('learning', 'courses', 'estimated_hours', 'numeric(6,1)', 'learning.courses.estimated_hours is numeric(6,1)');
select col_is_null('learning', 'courses', 'estimated_hours', 'learning.courses.estimated_hours is nullable');
select col_type_is('learning', 'courses', 'tags', 'text[]', 'learning.courses.tags is text[]');
select col_not_null('learning', 'courses', 'tags', 'learning.courses.tags is not null');
select col_type_is('learning', 'courses', 'thumbnail_url', 'text', 'learning.courses.thumbnail_url is text');
select col_is_null('learning', 'courses', 'thumbnail_url', 'learning.courses.thumbnail_url is nullable');
select col_type_is('learning', 'courses', 'is_published', 'boolean', 'learning.courses.is_published is boolean');
select col_not_null('learning', 'courses', 'is_published', 'learning.courses.is_published is not null');
select col_type_is('learning', 'courses', 'created_by', 'uuid', 'learning.courses.created_by is uuid');
select col_is_null('learning', 'courses', 'created_by', 'learning.courses.created_by is nullable');
select col_type_is('learning', 'courses', 'created_at', 'timestamp with time zone', 'learning.courses.created_at is timestamp with time zone');
select col_not_null('learning', 'courses', 'created_at', 'learning.courses.created_at is not null');
select col_type_is('learning', 'courses', 'updated_at', 'timestamp with time zone', 'learning.courses.updated_at is timestamp with time zone');
select col_not_null('learning', 'courses', 'updated_at', 'learning.courses.updated_at is not null');
select col_type_is('learning', 'learning_analytics', 'id', 'uuid', 'learning.learning_analytics.id is uuid');
select col_not_null('learning', 'learning_analytics', 'id', 'learning.learning_analytics.id is not null');
select col_type_is('learning', 'learning_analytics', 'user_id', 'uuid', 'learning.learning_analytics.user_id is uuid');
select col_not_null('learning', 'learning_analytics', 'user_id', 'learning.learning_analytics.user_id is not null');
select col_type_is('learning', 'learning_analytics', 'course_id', 'uuid', 'learning.learning_analytics.course_id is uuid');
select col_is_null('learning', 'learning_analytics', 'course_id', 'learning.learning_analytics.course_id is nullable');
select col_type_is('learning', 'learning_analytics', 'session_duration', 'integer', 'learning.learning_analytics.session_duration is integer');
select col_not_null('learning', 'learning_analytics', 'session_duration', 'learning.learning_analytics.session_duration is not null');
select col_type_is('learning', 'learning_analytics', 'lessons_completed', 'integer', 'learning.learning_analytics.lessons_completed is integer');
select col_not_null('learning', 'learning_analytics', 'lessons_completed', 'learning.learning_analytics.lessons_completed is not null');
select col_type_is('learning', 'learning_analytics', 'assessments_completed', 'integer', 'learning.learning_analytics.assessments_completed is integer');
select col_not_null('learning', 'learning_analytics', 'assessments_completed', 'learning.learning_analytics.assessments_completed is not null');
select col_type_is('learning', 'learning_analytics', 'total_score', 'numeric(10,2)', 'learning.learning_analytics.total_score is numeric(10,2)');
select col_not_null('learning', 'learning_analytics', 'total_score', 'learning.learning_analytics.total_score is not null');
select col_type_is('learning', 'learning_analytics', 'session_date', 'date', 'learning.learning_analytics.session_date is date');
select col_not_null('learning', 'learning_analytics', 'session_date', 'learning.learning_analytics.session_date is not null');
select col_type_is('learning', 'learning_analytics', 'created_at', 'timestamp with time zone', 'learning.learning_analytics.created_at is timestamp with time zone');
select col_not_null('learning', 'learning_analytics', 'created_at', 'learning.learning_analytics.created_at is not null');
select col_type_is('learning', 'lessons', 'id', 'uuid', 'learning.lessons.id is uuid');
select col_not_null('learning', 'lessons', 'id', 'learning.lessons.id is not null');
select col_type_is('learning', 'lessons', 'course_id', 'uuid', 'learning.lessons.course_id is uuid');
select col_not_null('learning', 'lessons', 'course_id', 'learning.lessons.course_id is not null');
select col_type_is('learning', 'lessons', 'title', 'text', 'learning.lessons.title is text');
select col_not_null('learning', 'lessons', 'title', 'learning.lessons.title is not null');
select col_type_is('learning', 'lessons', 'content', 'text', 'learning.lessons.content is text');
select col_is_null('learning', 'lessons', 'content', 'learning.lessons.content is nullable');
select col_type_is('learning', 'lessons', 'explanation', 'text', 'learning.lessons.explanation is text');
select col_is_null('learning', 'lessons', 'explanation', 'learning.lessons.explanation is nullable');
select col_type_is('learning', 'lessons', 'code_example', 'text', 'learning.lessons.code_example is text');
select col_is_null('learning', 'lessons', 'code_example', 'learning.lessons.code_example is nullable');
select col_type_is('learning', 'lessons', 'key_points', 'text[]', 'learning.lessons.key_points is text[]');
select col_not_null('learning', 'lessons', 'key_points', 'learning.lessons.key_points is not null');
select col_type_is('learning', 'lessons', 'duration', 'text', 'learning.lessons.duration is text');
select col_is_null('learning', 'lessons', 'duration', 'learning.lessons.duration is nullable');
select col_type_is('learning', 'lessons', 'difficulty', 'learning.difficulty_level', 'learning.lessons.difficulty is learning.difficulty_level');
select col_not_null('learning', 'lessons', 'difficulty', 'learning.lessons.difficulty is not null');
select col_type_is('learning', 'lessons', 'order_index', 'integer', 'learning.lessons.order_index is integer');
select col_not_null('learning', 'lessons', 'order_index', 'learning.lessons.order_index is not null');
select col_type_is('learning', 'lessons', 'is_published', 'boolean', 'learning.lessons.is_published is boolean');
select col_not_null('learning', 'lessons', 'is_published', 'learning.lessons.is_published is not null');
select col_type_is('learning', 'lessons', 'created_at', 'timestamp with time zone', 'learning.lessons.created_at is timestamp with time zone');
select col_not_null('learning', 'lessons', 'created_at', 'learning.lessons.created_at is not null');
select col_type_is('learning', 'lessons', 'updated_at', 'timestamp with time zone', 'learning.lessons.updated_at is timestamp with time zone');
select col_not_null('learning', 'lessons', 'updated_at', 'learning.lessons.updated_at is not null');
select col_type_is('learning', 'notifications', 'id', 'uuid', 'learning.notifications.id is uuid');
select col_not_null('learning', 'notifications', 'id', 'learning.notifications.id is not null');
select col_type_is('learning', 'notifications', 'user_id', 'uuid', 'learning.notifications.user_id is uuid');
select col_not_null('learning', 'notifications', 'user_id', 'learning.notifications.user_id is not null');
select col_type_is('learning', 'notifications', 'title', 'text', 'learning.notifications.title is text');
select col_not_null('learning', 'notifications', 'title', 'learning.notifications.title is not null');
select col_type_is('learning', 'notifications', 'message', 'text', 'learning.notifications.message is text');
select col_not_null('learning', 'notifications', 'message', 'learning.notifications.message is not null');
select col_type_is('learning', 'notifications', 'type', 'text', 'learning.notifications.type is text');
select col_not_null('learning', 'notifications', 'type', 'learning.notifications.type is not null');
select col_type_is('learning', 'notifications', 'is_read', 'boolean', 'learning.notifications.is_read is boolean');
select col_not_null('learning', 'notifications', 'is_read', 'learning.notifications.is_read is not null');
select col_type_is('learning', 'notifications', 'read_at', 'timestamp with time zone', 'learning.notifications.read_at is timestamp with time zone');
select col_is_null('learning', 'notifications', 'read_at', 'learning.notifications.read_at is nullable');
select col_type_is('learning', 'notifications', 'action_url', 'text', 'learning.notifications.action_url is text');
select col_is_null('learning', 'notifications', 'action_url', 'learning.notifications.action_url is nullable');
select col_type_is('learning', 'notifications', 'created_at', 'timestamp with time zone', 'learning.notifications.created_at is timestamp with time zone');
select col_not_null('learning', 'notifications', 'created_at', 'learning.notifications.created_at is not null');
select col_type_is('learning', 'profiles', 'id', 'uuid', 'learning.profiles.id is uuid');
select col_not_null('learning', 'profiles', 'id', 'learning.profiles.id is not null');
select col_type_is('learning', 'profiles', 'email', 'text', 'learning.profiles.email is text');
select col_is_null('learning', 'profiles', 'email', 'learning.profiles.email is nullable');
select col_type_is('learning', 'profiles', 'full_name', 'text', 'learning.profiles.full_name is text');
select col_is_null('learning', 'profiles', 'full_name', 'learning.profiles.full_name is nullable');
select col_type_is('learning', 'profiles', 'avatar_url', 'text', 'learning.profiles.avatar_url is text');
select col_is_null('learning', 'profiles', 'avatar_url', 'learning.profiles.avatar_url is nullable');
select col_type_is('learning', 'profiles', 'bio', 'text', 'learning.profiles.bio is text');
select col_is_null('learning', 'profiles', 'bio', 'learning.profiles.bio is nullable');
select col_type_is('learning', 'profiles', 'learning_goals', 'text[]', 'learning.profiles.learning_goals is text[]');
select col_not_null('learning', 'profiles', 'learning_goals', 'learning.profiles.learning_goals is not null');
select col_type_is('learning', 'profiles', 'preferred_language', 'text', 'learning.profiles.preferred_language is text');
select col_not_null('learning', 'profiles', 'preferred_language', 'learning.profiles.preferred_language is not null');
select col_type_is('learning', 'profiles', 'timezone', 'text', 'learning.profiles.timezone is text');
select col_not_null('learning', 'profiles', 'timezone', 'learning.profiles.timezone is not null');
select col_type_is('learning', 'profiles', 'created_at', 'timestamp with time zone', 'learning.profiles.created_at is timestamp with time zone');
select col_not_null('learning', 'profiles', 'created_at', 'learning.profiles.created_at is not null');
select col_type_is('learning', 'profiles', 'updated_at', 'timestamp with time zone', 'learning.profiles.updated_at is timestamp with time zone');
select col_not_null('learning', 'profiles', 'updated_at', 'learning.profiles.updated_at is not null');
select col_type_is('learning', 'user_feedback', 'id', 'uuid', 'learning.user_feedback.id is uuid');
select col_not_null('learning', 'user_feedback', 'id', 'learning.user_feedback.id is not null');
select col_type_is('learning', 'user_feedback', 'user_id', 'uuid', 'learning.user_feedback.user_id is uuid');
select col_not_null('learning', 'user_feedback', 'user_id', 'learning.user_feedback.user_id is not null');
select col_type_is('learning', 'user_feedback', 'course_id', 'uuid', 'learning.user_feedback.course_id is uuid');
select col_is_null('learning', 'user_feedback', 'course_id', 'learning.user_feedback.course_id is nullable');
select col_type_is('learning', 'user_feedback', 'lesson_id', 'uuid', 'learning.user_feedback.lesson_id is uuid');
select col_is_null('learning', 'user_feedback', 'lesson_id', 'learning.user_feedback.lesson_id is nullable');
select col_type_is('learning', 'user_feedback', 'assessment_id', 'uuid', 'learning.user_feedback.assessment_id is uuid');
select col_is_null('learning', 'user_feedback', 'assessment_id', 'learning.user_feedback.assessment_id is nullable');
select col_type_is('learning', 'user_feedback', 'rating', 'smallint', 'learning.user_feedback.rating is smallint');
select col_is_null('learning', 'user_feedback', 'rating', 'learning.user_feedback.rating is nullable');
select col_type_is('learning', 'user_feedback', 'feedback_text', 'text', 'learning.user_feedback.feedback_text is text');
select col_is_null('learning', 'user_feedback', 'feedback_text', 'learning.user_feedback.feedback_text is nullable');
select col_type_is('learning', 'user_feedback', 'feedback_type', 'text', 'learning.user_feedback.feedback_type is text');
select col_not_null('learning', 'user_feedback', 'feedback_type', 'learning.user_feedback.feedback_type is not null');
select col_type_is('learning', 'user_feedback', 'created_at', 'timestamp with time zone', 'learning.user_feedback.created_at is timestamp with time zone');
select col_not_null('learning', 'user_feedback', 'created_at', 'learning.user_feedback.created_at is not null');
select col_type_is('learning', 'user_feedback', 'updated_at', 'timestamp with time zone', 'learning.user_feedback.updated_at is timestamp with time zone');
select col_not_null('learning', 'user_feedback', 'updated_at', 'learning.user_feedback.updated_at is not null');
select col_type_is('learning', 'user_progress', 'id', 'uuid', 'learning.user_progress.id is uuid');
select col_not_null('learning', 'user_progress', 'id', 'learning.user_progress.id is not null');
select col_type_is('learning', 'user_progress', 'user_id', 'uuid', 'learning.user_progress.user_id is uuid');
select col_not_null('learning', 'user_progress', 'user_id', 'learning.user_progress.user_id is not null');
select col_type_is('learning', 'user_progress', 'lesson_id', 'uuid', 'learning.user_progress.lesson_id is uuid');
select col_not_null('learning', 'user_progress', 'lesson_id', 'learning.user_progress.lesson_id is not null');
select col_type_is('learning', 'user_progress', 'course_id', 'uuid', 'learning.user_progress.course_id is uuid');
select col_not_null('learning', 'user_progress', 'course_id', 'learning.user_progress.course_id is not null');
select col_type_is('learning', 'user_progress', 'completed', 'boolean', 'learning.user_progress.completed is boolean');
select col_not_null('learning', 'user_progress', 'completed', 'learning.user_progress.completed is not null');
select col_type_is('learning', 'user_progress', 'time_spent', 'integer', 'learning.user_progress.time_spent is integer');
select col_not_null('learning', 'user_progress', 'time_spent', 'learning.user_progress.time_spent is not null');
select col_type_is('learning', 'user_progress', 'last_position', 'integer', 'learning.user_progress.last_position is integer');
select col_not_null('learning', 'user_progress', 'last_position', 'learning.user_progress.last_position is not null');
select col_type_is('learning', 'user_progress', 'completed_at', 'timestamp with time zone', 'learning.user_progress.completed_at is timestamp with time zone');
select col_is_null('learning', 'user_progress', 'completed_at', 'learning.user_progress.completed_at is nullable');
select col_type_is('learning', 'user_progress', 'created_at', 'timestamp with time zone', 'learning.user_progress.created_at is timestamp with time zone');
select col_not_null('learning', 'user_progress', 'created_at', 'learning.user_progress.created_at is not null');
select col_type_is('learning', 'user_progress', 'updated_at', 'timestamp with time zone', 'learning.user_progress.updated_at is timestamp with time zone');
select col_not_null('learning', 'user_progress', 'updated_at', 'learning.user_progress.updated_at is not null');
select col_type_is('learning', 'user_streaks', 'id', 'uuid', 'learning.user_streaks.id is uuid');
select col_not_null('learning', 'user_streaks', 'id', 'learning.user_streaks.id is not null');
select col_type_is('learning', 'user_streaks', 'user_id', 'uuid', 'learning.user_streaks.user_id is uuid');
select col_not_null('learning', 'user_streaks', 'user_id', 'learning.user_streaks.user_id is not null');
select col_type_is('learning', 'user_streaks', 'current_streak', 'integer', 'learning.user_streaks.current_streak is integer');
select col_not_null('learning', 'user_streaks', 'current_streak', 'learning.user_streaks.current_streak is not null');
select col_type_is('learning', 'user_streaks', 'longest_streak', 'integer', 'learning.user_streaks.longest_streak is integer');
select col_not_null('learning', 'user_streaks', 'longest_streak', 'learning.user_streaks.longest_streak is not null');
select col_type_is('learning', 'user_streaks', 'last_activity_date', 'date', 'learning.user_streaks.last_activity_date is date');
select col_is_null('learning', 'user_streaks', 'last_activity_date', 'learning.user_streaks.last_activity_date is nullable');
select col_type_is('learning', 'user_streaks', 'streak_type', 'learning.streak_type', 'learning.user_streaks.streak_type is learning.streak_type');
select col_not_null('learning', 'user_streaks', 'streak_type', 'learning.user_streaks.streak_type is not null');
select col_type_is('learning', 'user_streaks', 'created_at', 'timestamp with time zone', 'learning.user_streaks.created_at is timestamp with time zone');
select col_not_null('learning', 'user_streaks', 'created_at', 'learning.user_streaks.created_at is not null');
select col_type_is('learning', 'user_streaks', 'updated_at', 'timestamp with time zone', 'learning.user_streaks.updated_at is timestamp with time zone');
select col_not_null('learning', 'user_streaks', 'updated_at', 'learning.user_streaks.updated_at is not null');
select fk_ok('learning', 'profiles', array['id'], 'auth', 'users', array['id'], 'learning.profiles(id) references auth.users(id)');
select fk_ok('learning', 'courses', array['created_by'], 'learning', 'profiles', array['id'], 'learning.courses(created_by) references learning.profiles(id)');
select fk_ok('learning', 'lessons', array['course_id'], 'learning', 'courses', array['id'], 'learning.lessons(course_id) references learning.courses(id)');
select fk_ok('learning', 'course_enrollments', array['course_id'], 'learning', 'courses', array['id'], 'learning.course_enrollments(course_id) references learning.courses(id)');
select fk_ok('learning', 'course_enrollments', array['user_id'], 'learning', 'profiles', array['id'], 'learning.course_enrollments(user_id) references learning.profiles(id)');
select fk_ok('learning', 'assessments', array['course_id'], 'learning', 'courses', array['id'], 'learning.assessments(course_id) references learning.courses(id)');
select fk_ok('learning', 'assessments', array['lesson_id', 'course_id'], 'learning', 'lessons', array['id', 'course_id'], 'learning.assessments(lesson_id, course_id) references learning.lessons(id, course_id)');
select fk_ok('learning', 'assessment_attempts', array['assessment_id'], 'learning', 'assessments', array['id'], 'learning.assessment_attempts(assessment_id) references learning.assessments(id)');
select fk_ok('learning', 'assessment_attempts', array['user_id'], 'learning', 'profiles', array['id'], 'learning.assessment_attempts(user_id) references learning.profiles(id)');
select fk_ok('learning', 'user_progress', array['lesson_id', 'course_id'], 'learning', 'lessons', array['id', 'course_id'], 'learning.user_progress(lesson_id, course_id) references learning.lessons(id, course_id)');
select fk_ok('learning', 'user_progress', array['user_id'], 'learning', 'profiles', array['id'], 'learning.user_progress(user_id) references learning.profiles(id)');
select fk_ok('learning', 'learning_analytics', array['course_id'], 'learning', 'courses', array['id'], 'learning.learning_analytics(course_id) references learning.courses(id)');
select fk_ok('learning', 'learning_analytics', array['user_id'], 'learning', 'profiles', array['id'], 'learning.learning_analytics(user_id) references learning.profiles(id)');
select fk_ok('learning', 'chat_history', array['assessment_id'], 'learning', 'assessments', array['id'], 'learning.chat_history(assessment_id) references learning.assessments(id)');
select fk_ok('learning', 'chat_history', array['course_id'], 'learning', 'courses', array['id'], 'learning.chat_history(course_id) references learning.courses(id)');
select fk_ok('learning', 'chat_history', array['lesson_id'], 'learning', 'lessons', array['id'], 'learning.chat_history(lesson_id) references learning.lessons(id)');
select fk_ok('learning', 'chat_history', array['user_id'], 'learning', 'profiles', array['id'], 'learning.chat_history(user_id) references learning.profiles(id)');
select fk_ok('learning', 'ai_interactions', array['user_id'], 'learning', 'profiles', array['id'], 'learning.ai_interactions(user_id) references learning.profiles(id)');
select fk_ok('learning', 'achievements', array['user_id'], 'learning', 'profiles', array['id'], 'learning.achievements(user_id) references learning.profiles(id)');
select fk_ok('learning', 'user_streaks', array['user_id'], 'learning', 'profiles', array['id'], 'learning.user_streaks(user_id) references learning.profiles(id)');
select fk_ok('learning', 'notifications', array['user_id'], 'learning', 'profiles', array['id'], 'learning.notifications(user_id) references learning.profiles(id)');
select fk_ok('learning', 'user_feedback', array['assessment_id'], 'learning', 'assessments', array['id'], 'learning.user_feedback(assessment_id) references learning.assessments(id)');
select fk_ok('learning', 'user_feedback', array['course_id'], 'learning', 'courses', array['id'], 'learning.user_feedback(course_id) references learning.courses(id)');
select fk_ok('learning', 'user_feedback', array['lesson_id'], 'learning', 'lessons', array['id'], 'learning.user_feedback(lesson_id) references learning.lessons(id)');
select fk_ok('learning', 'user_feedback', array['user_id'], 'learning', 'profiles', array['id'], 'learning.user_feedback(user_id) references learning.profiles(id)');
select set_eq(
    $$select conname::text, confdeltype::text from pg_constraint
      where connamespace = 'learning'::regnamespace and contype = 'f'$$,
    $$values ('profiles_id_fkey', 'c'),
           ('courses_created_by_fkey', 'n'),
           ('lessons_course_id_fkey', 'c'),
           ('course_enrollments_course_id_fkey', 'c'),
           ('course_enrollments_user_id_fkey', 'c'),
           ('assessments_course_id_fkey', 'c'),
           ('assessments_lesson_id_course_id_fkey', 'n'),
           ('assessment_attempts_assessment_id_fkey', 'c'),
           ('assessment_attempts_user_id_fkey', 'c'),
           ('user_progress_lesson_id_course_id_fkey', 'c'),
           ('user_progress_user_id_fkey', 'c'),
           ('learning_analytics_course_id_fkey', 'n'),
           ('learning_analytics_user_id_fkey', 'c'),
           ('chat_history_assessment_id_fkey', 'n'),
           ('chat_history_course_id_fkey', 'n'),
           ('chat_history_lesson_id_fkey', 'n'),
           ('chat_history_user_id_fkey', 'c'),
           ('ai_interactions_user_id_fkey', 'c'),
           ('achievements_user_id_fkey', 'c'),
           ('user_streaks_user_id_fkey', 'c'),
           ('notifications_user_id_fkey', 'c'),
           ('user_feedback_assessment_id_fkey', 'n'),
           ('user_feedback_course_id_fkey', 'n'),
           ('user_feedback_lesson_id_fkey', 'n'),
           ('user_feedback_user_id_fkey', 'c')$$,
    'every learning foreign key has its deliberate on delete action (c = cascade, n = set null)');
select indexes_are('learning', 'profiles', array['profiles_pkey'], 'learning.profiles has exactly the expected indexes');
select indexes_are('learning', 'courses', array['courses_pkey', 'idx_courses_created_by', 'idx_courses_is_published_created_at', 'idx_courses_tags'], 'learning.courses has exactly the expected indexes');
select indexes_are('learning', 'lessons', array['idx_lessons_course_id_is_published', 'lessons_course_id_order_index_key', 'lessons_id_course_id_key', 'lessons_pkey'], 'learning.lessons has exactly the expected indexes');
select indexes_are('learning', 'course_enrollments', array['course_enrollments_pkey', 'course_enrollments_user_id_course_id_key', 'idx_course_enrollments_course_id', 'idx_course_enrollments_user_id_last_accessed'], 'learning.course_enrollments has exactly the expected indexes');
select indexes_are('learning', 'assessments', array['assessments_pkey', 'idx_assessments_course_id', 'idx_assessments_is_published', 'idx_assessments_lesson_id_course_id'], 'learning.assessments has exactly the expected indexes');
select indexes_are('learning', 'assessment_attempts', array['assessment_attempts_pkey', 'idx_assessment_attempts_assessment_id', 'idx_assessment_attempts_user_id_assessment_id'], 'learning.assessment_attempts has exactly the expected indexes');
select indexes_are('learning', 'user_progress', array['idx_user_progress_lesson_id_course_id', 'idx_user_progress_user_id_course_id', 'user_progress_pkey', 'user_progress_user_id_lesson_id_key'], 'learning.user_progress has exactly the expected indexes');
select indexes_are('learning', 'learning_analytics', array['idx_learning_analytics_course_id', 'idx_learning_analytics_user_id_session_date', 'learning_analytics_pkey'], 'learning.learning_analytics has exactly the expected indexes');
select indexes_are('learning', 'chat_history', array['chat_history_pkey', 'idx_chat_history_assessment_id', 'idx_chat_history_course_id', 'idx_chat_history_lesson_id', 'idx_chat_history_user_id_created_at'], 'learning.chat_history has exactly the expected indexes');
select indexes_are('learning', 'ai_interactions', array['ai_interactions_pkey', 'idx_ai_interactions_user_id_created_at'], 'learning.ai_interactions has exactly the expected indexes');
select indexes_are('learning', 'achievements', array['achievements_pkey', 'idx_achievements_course_completed', 'achievements_user_id_type_title_key'], 'learning.achievements has exactly the expected indexes');
select indexes_are('learning', 'user_streaks', array['user_streaks_pkey', 'user_streaks_user_id_key'], 'learning.user_streaks has exactly the expected indexes');
select indexes_are('learning', 'notifications', array['idx_notifications_user_id_created_at', 'idx_notifications_user_id_unread', 'notifications_pkey'], 'learning.notifications has exactly the expected indexes');
select indexes_are('learning', 'user_feedback', array['idx_user_feedback_assessment_id', 'idx_user_feedback_course_id', 'idx_user_feedback_lesson_id', 'idx_user_feedback_user_id', 'user_feedback_pkey'], 'learning.user_feedback has exactly the expected indexes');
select is(
    (select indexdef from pg_indexes where schemaname = 'learning' and indexname = 'idx_course_enrollments_user_id_last_accessed'),
    'CREATE INDEX idx_course_enrollments_user_id_last_accessed ON learning.course_enrollments USING btree (user_id, last_accessed DESC NULLS LAST)',
    'idx_course_enrollments_user_id_last_accessed serves "my courses, most recently accessed first"');
-- statistics settings (n_distinct overrides for the per-user lists left to RLS, BENCHMARKS.md P2)
select is(
    (select attoptions from pg_attribute where attrelid = 'learning.notifications'::regclass and attname = 'user_id'),
    array['n_distinct=100'],
    'learning.notifications.user_id has the n_distinct = 100 statistics setting');
select is(
    (select attoptions from pg_attribute where attrelid = 'learning.chat_history'::regclass and attname = 'user_id'),
    array['n_distinct=100'],
    'learning.chat_history.user_id has the n_distinct = 100 statistics setting');
select is(
    (select array_agg(s.setting order by s.setting)
     from (select format('%s.%s %s', a.attrelid::regclass, a.attname::text, array_to_string(a.attoptions, ',')) collate "C" as setting
           from pg_attribute as a join pg_class as c on c.oid = a.attrelid
           where c.relnamespace = 'learning'::regnamespace and a.attoptions is not null) as s),
    array['learning.chat_history.user_id n_distinct=100',
          'learning.notifications.user_id n_distinct=100', 'learning.user_feedback.course_id n_distinct=-0.01',
          'learning.user_progress.lesson_id n_distinct=-0.01'],
    'learning has exactly the expected column statistics settings');
select is_empty(
    $$select c.conrelid::regclass::text || ' ' || c.conname
      from pg_constraint c
      where c.connamespace = 'learning'::regnamespace and c.contype = 'f'
        and not exists (
            select 1 from pg_index i
            where i.indrelid = c.conrelid
              and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
              and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)$$,
    'every learning foreign key has an index whose leading columns are its columns');
select policies_are('learning', 'profiles', array['profiles: owner can select', 'profiles: owner can update'], 'learning.profiles has exactly the expected policies');
select policies_are('learning', 'courses', array['courses: anon can read published', 'courses: author can delete', 'courses: author can insert', 'courses: author can update', 'courses: read published or own'], 'learning.courses has exactly the expected policies');
select policies_are('learning', 'lessons', array['lessons: anon can read published', 'lessons: author can delete', 'lessons: author can insert', 'lessons: author can update', 'lessons: read published or authored'], 'learning.lessons has exactly the expected policies');
select policies_are('learning', 'course_enrollments', array['course_enrollments: owner can delete', 'course_enrollments: owner can enroll in visible courses', 'course_enrollments: owner can select', 'course_enrollments: owner can update'], 'learning.course_enrollments has exactly the expected policies');
select is(
    (select pg_get_expr(p.polqual, p.polrelid) from pg_policy as p
     where p.polrelid = 'learning.course_enrollments'::regclass and p.polname = 'course_enrollments: owner can select'),
    '(user_id = ( SELECT auth.uid() AS uid))',
    'course_enrollments select policy is owner-only (authors read the roster through course_learners; the learner''s list keeps its ordered index scan)');
select policies_are('learning', 'assessments', array['assessments: anon can read published', 'assessments: author can delete', 'assessments: author can insert', 'assessments: author can update', 'assessments: read published or authored'], 'learning.assessments has exactly the expected policies');
select policies_are('learning', 'assessment_attempts', array['assessment_attempts: owner can attempt visible assessments', 'assessment_attempts: owner can select', 'assessment_attempts: owner can update'], 'learning.assessment_attempts has exactly the expected policies');
select policies_are('learning', 'user_progress', array['user_progress: owner can delete', 'user_progress: owner can track visible lessons', 'user_progress: owner or course author can select', 'user_progress: owner can update'], 'learning.user_progress has exactly the expected policies');
select policies_are('learning', 'learning_analytics', array['learning_analytics: owner can insert', 'learning_analytics: owner can select'], 'learning.learning_analytics has exactly the expected policies');
select policies_are('learning', 'chat_history', array['chat_history: owner can delete', 'chat_history: owner can insert', 'chat_history: owner can select'], 'learning.chat_history has exactly the expected policies');
select policies_are('learning', 'ai_interactions', array['ai_interactions: owner can select'], 'learning.ai_interactions has exactly the expected policies');
select policies_are('learning', 'achievements', array['achievements: owner can select'], 'learning.achievements has exactly the expected policies');
select policies_are('learning', 'user_streaks', array['user_streaks: owner can select', 'user_streaks: owner can update'], 'learning.user_streaks has exactly the expected policies');
select policies_are('learning', 'notifications', array['notifications: owner can select', 'notifications: owner can update'], 'learning.notifications has exactly the expected policies');
select policies_are('learning', 'user_feedback', array['user_feedback: owner can delete', 'user_feedback: owner can insert', 'user_feedback: owner can update', 'user_feedback: owner or course author can select'], 'learning.user_feedback has exactly the expected policies');
select is_empty(
    $$select c.relname::text from pg_class c
      where c.relnamespace = 'learning'::regnamespace and c.relkind in ('r', 'p') and not c.relrowsecurity$$,
    'row level security is enabled on every learning table');
select is_empty(
    $$select p.polname::text from pg_policy as p
      where p.polrelid in (select oid from pg_class where relnamespace = 'learning'::regnamespace)
        and p.polroles @> array[0::oid]$$,
    'no learning policy applies to public (roles are spelled out)');
select is_empty(
    $$select p.polname::text from pg_policy as p
      cross join lateral (values (pg_get_expr(p.polqual, p.polrelid)), (pg_get_expr(p.polwithcheck, p.polrelid))) as e (expr)
      where p.polrelid in (select oid from pg_class where relnamespace = 'learning'::regnamespace)
        and regexp_replace(e.expr, '\( SELECT auth\.uid\(\) AS uid\)', '', 'g') ~ 'auth\.(uid|jwt|role)\(\)'$$,
    'every learning policy wraps auth.uid() in a sub-select (evaluated once per statement)');
select table_privs_are('learning', 'profiles', 'anon', array[]::text[], 'anon has no privilege on learning.profiles');
select table_privs_are('learning', 'courses', 'anon', array['SELECT'], 'anon has only select on learning.courses');
select table_privs_are('learning', 'lessons', 'anon', array['SELECT'], 'anon has only select on learning.lessons');
select table_privs_are('learning', 'course_enrollments', 'anon', array[]::text[], 'anon has no privilege on learning.course_enrollments');
select table_privs_are('learning', 'assessments', 'anon', array['SELECT'], 'anon has only select on learning.assessments');
select table_privs_are('learning', 'assessment_attempts', 'anon', array[]::text[], 'anon has no privilege on learning.assessment_attempts');
select table_privs_are('learning', 'user_progress', 'anon', array[]::text[], 'anon has no privilege on learning.user_progress');
select table_privs_are('learning', 'learning_analytics', 'anon', array[]::text[], 'anon has no privilege on learning.learning_analytics');
select table_privs_are('learning', 'chat_history', 'anon', array[]::text[], 'anon has no privilege on learning.chat_history');
select table_privs_are('learning', 'ai_interactions', 'anon', array[]::text[], 'anon has no privilege on learning.ai_interactions');
select table_privs_are('learning', 'achievements', 'anon', array[]::text[], 'anon has no privilege on learning.achievements');
select table_privs_are('learning', 'user_streaks', 'anon', array[]::text[], 'anon has no privilege on learning.user_streaks');
select table_privs_are('learning', 'notifications', 'anon', array[]::text[], 'anon has no privilege on learning.notifications');
select table_privs_are('learning', 'user_feedback', 'anon', array[]::text[], 'anon has no privilege on learning.user_feedback');
select table_privs_are('learning', 'profiles', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.profiles');
select table_privs_are('learning', 'courses', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.courses');
select table_privs_are('learning', 'lessons', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.lessons');
select table_privs_are('learning', 'course_enrollments', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.course_enrollments');
select table_privs_are('learning', 'assessments', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.assessments');
select table_privs_are('learning', 'assessment_attempts', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.assessment_attempts');
select table_privs_are('learning', 'user_progress', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.user_progress');
select table_privs_are('learning', 'learning_analytics', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.learning_analytics');
select table_privs_are('learning', 'chat_history', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.chat_history');
select table_privs_are('learning', 'ai_interactions', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.ai_interactions');
select table_privs_are('learning', 'achievements', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.achievements');
select table_privs_are('learning', 'user_streaks', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.user_streaks');
select table_privs_are('learning', 'notifications', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.notifications');
select table_privs_are('learning', 'user_feedback', 'service_role', array['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'], 'service_role has every privilege on learning.user_feedback');
select enum_has_labels('learning', 'difficulty_level', array['Beginner', 'Intermediate', 'Advanced'], 'enum learning.difficulty_level has the seed''s values');
select enum_has_labels('learning', 'enrollment_status', array['active', 'completed', 'paused', 'dropped'], 'enum learning.enrollment_status has the seed''s values');
select enum_has_labels('learning', 'attempt_status', array['not-started', 'in-progress', 'completed', 'abandoned'], 'enum learning.attempt_status has the seed''s values');
select enum_has_labels('learning', 'chat_context', array['general_chat', 'lesson_chat', 'assessment_help', 'course_guidance'], 'enum learning.chat_context has the seed''s values');
select enum_has_labels('learning', 'message_type', array['text', 'code', 'explanation'], 'enum learning.message_type has the seed''s values');
select enum_has_labels('learning', 'streak_type', array['daily', 'weekly'], 'enum learning.streak_type has the seed''s values');
select functions_are('learning_private', array['advance_streak', 'anonymize_audit_actor', 'authored_assessment_id_array', 'authored_course_id_array', 'authored_lesson_id_array', 'assessment_is_visible', 'caller_api_role', 'caller_is_api', 'caller_is_service', 'caller_role', 'check_session_date', 'check_visible_references', 'course_is_enrollable', 'course_learners', 'course_progress', 'guard_api_write', 'guard_graded_attempt', 'handle_new_user', 'handle_user_email_change', 'lesson_is_visible', 'local_date', 'normalize_enrollment', 'on_attempt_completed', 'on_course_completed', 'on_learning_session', 'on_lesson_change', 'on_user_progress_change', 'refresh_enrollment_progress', 'restart_streak_on_type_change', 'set_updated_at', 'stamp_attempt_completion', 'stamp_notification_read', 'stamp_progress_completion', 'validate_profile', 'write_audit_log'], 'learning_private has exactly the expected functions');
select is_definer('learning_private', 'advance_streak', array['uuid', 'date']::text[], 'learning_private.advance_streak is security definer');
select isnt_definer('learning_private', 'course_progress', array['uuid', 'uuid']::text[], 'learning_private.course_progress is security invoker');
select is_definer('learning_private', 'handle_new_user', array[]::text[], 'learning_private.handle_new_user is security definer');
select is_definer('learning_private', 'handle_user_email_change', array[]::text[], 'learning_private.handle_user_email_change is security definer');
select isnt_definer('learning_private', 'local_date', array['uuid', 'timestamp with time zone']::text[], 'learning_private.local_date is security invoker');
select is_definer('learning_private', 'normalize_enrollment', array[]::text[], 'learning_private.normalize_enrollment is security definer');
select is_definer('learning_private', 'on_attempt_completed', array[]::text[], 'learning_private.on_attempt_completed is security definer');
select is_definer('learning_private', 'on_course_completed', array[]::text[], 'learning_private.on_course_completed is security definer');
select is_definer('learning_private', 'on_learning_session', array[]::text[], 'learning_private.on_learning_session is security definer');
select is_definer('learning_private', 'on_lesson_change', array[]::text[], 'learning_private.on_lesson_change is security definer');
select is_definer('learning_private', 'on_user_progress_change', array[]::text[], 'learning_private.on_user_progress_change is security definer');
select isnt_definer('learning_private', 'refresh_enrollment_progress', array['uuid', 'uuid', 'boolean']::text[], 'learning_private.refresh_enrollment_progress is security invoker');
select isnt_definer('learning_private', 'set_updated_at', array[]::text[], 'learning_private.set_updated_at is security invoker');
select isnt_definer('learning_private', 'stamp_attempt_completion', array[]::text[], 'learning_private.stamp_attempt_completion is security invoker');
select isnt_definer('learning_private', 'stamp_notification_read', array[]::text[], 'learning_private.stamp_notification_read is security invoker');
select isnt_definer('learning_private', 'stamp_progress_completion', array[]::text[], 'learning_private.stamp_progress_completion is security invoker');
select isnt_definer('learning_private', 'validate_profile', array[]::text[], 'learning_private.validate_profile is security invoker');
select is_empty(
    $$select p.oid::regprocedure::text from pg_proc p
      where p.pronamespace in ('learning'::regnamespace, 'learning_private'::regnamespace)
        and not coalesce(p.proconfig @> array['search_path=""'], false)$$,
    'every learning function pins search_path to empty');
select is_empty(
    $$select p.oid::regprocedure::text from pg_proc p
      where p.pronamespace = 'learning'::regnamespace and p.prosecdef$$,
    'no security definer function in the exposed schema learning');
select is_empty(
    $$select p.oid::regprocedure::text || ' ' || r.rolname from pg_proc p
      cross join (values ('public'), ('anon'), ('authenticated')) as r (rolname)
      where p.pronamespace = 'learning_private'::regnamespace
        and case when r.rolname = 'public'
                 then exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE')
                 else has_function_privilege(r.rolname, p.oid, 'execute') end
        and not (r.rolname = 'authenticated'
                 and p.oid in ('learning_private.authored_course_id_array()'::regprocedure,
                               'learning_private.authored_lesson_id_array()'::regprocedure,
                               'learning_private.authored_assessment_id_array()'::regprocedure,
                               'learning_private.course_learners(uuid)'::regprocedure,
                               'learning_private.lesson_is_visible(uuid)'::regprocedure,
                               'learning_private.assessment_is_visible(uuid)'::regprocedure,
                               'learning_private.course_is_enrollable(uuid)'::regprocedure))$$,
    'no learning_private function is executable by public, anon or authenticated, but the author-access and insert-check helpers by authenticated');
select function_privs_are('learning_private', 'authored_course_id_array', array[]::text[], 'authenticated', array['EXECUTE'], 'authenticated may execute the policy helper authored_course_id_array');
select function_privs_are('learning_private', 'authored_lesson_id_array', array[]::text[], 'authenticated', array['EXECUTE'], 'authenticated may execute the policy helper authored_lesson_id_array');
select function_privs_are('learning_private', 'authored_assessment_id_array', array[]::text[], 'authenticated', array['EXECUTE'], 'authenticated may execute the policy helper authored_assessment_id_array');
select function_privs_are('learning_private', 'course_learners', array['uuid'], 'authenticated', array['EXECUTE'], 'authenticated may execute learning_private.course_learners (it checks the caller authors the course)');
select function_privs_are('learning', 'course_learners', array['uuid'], 'anon', array[]::text[], 'anon may not execute learning.course_learners');
select function_privs_are('learning', 'course_learners', array['uuid'], 'authenticated', array['EXECUTE'], 'authenticated may execute learning.course_learners');
select is_definer('learning_private', 'authored_course_id_array', array[]::text[], 'learning_private.authored_course_id_array is security definer');
select is_definer('learning_private', 'authored_lesson_id_array', array[]::text[], 'learning_private.authored_lesson_id_array is security definer');
select is_definer('learning_private', 'authored_assessment_id_array', array[]::text[], 'learning_private.authored_assessment_id_array is security definer');
select is_definer('learning_private', 'course_learners', array['uuid'], 'learning_private.course_learners is security definer');
select function_privs_are('learning_private', 'lesson_is_visible', array['uuid'], 'authenticated', array['EXECUTE'], 'authenticated may execute the insert-policy check lesson_is_visible');
select isnt_definer('learning_private', 'lesson_is_visible', array['uuid'], 'learning_private.lesson_is_visible is security invoker: the select policies decide what the caller sees');
select function_privs_are('learning_private', 'assessment_is_visible', array['uuid'], 'authenticated', array['EXECUTE'], 'authenticated may execute the insert-policy check assessment_is_visible');
select isnt_definer('learning_private', 'assessment_is_visible', array['uuid'], 'learning_private.assessment_is_visible is security invoker: the select policies decide what the caller sees');
select function_privs_are('learning_private', 'course_is_enrollable', array['uuid'], 'authenticated', array['EXECUTE'], 'authenticated may execute the insert-policy check course_is_enrollable');
select isnt_definer('learning_private', 'course_is_enrollable', array['uuid'], 'learning_private.course_is_enrollable is security invoker: the select policies decide what the caller sees');
select is_definer('learning_private', 'write_audit_log', array[]::text[], 'learning_private.write_audit_log is security definer');
select is_definer('learning_private', 'anonymize_audit_actor', array[]::text[], 'learning_private.anonymize_audit_actor is security definer');
select isnt_definer('learning', 'course_learners', array['uuid'], 'learning.course_learners is security invoker');
select function_privs_are('learning_private', 'advance_streak', array['uuid', 'date'], 'service_role', array['EXECUTE'], 'service_role may execute learning_private.advance_streak');
select schema_privs_are('learning_private', 'authenticated', array['USAGE'], 'authenticated may use schema learning_private (to call the author-access helpers; nothing else there is executable)');
select schema_privs_are('learning_private', 'anon', array[]::text[], 'anon has no privilege on schema learning_private');
select schema_privs_are('learning', 'anon', array['USAGE'], 'anon may use schema learning');
select triggers_are('learning', 'profiles', array['guard_api_write', 'set_updated_at', 'validate_profile']::name[], 'learning.profiles has exactly the expected triggers');
select triggers_are('learning', 'courses', array['audit_log_insert_delete', 'audit_log_update', 'guard_api_write', 'set_updated_at']::name[], 'learning.courses has exactly the expected triggers');
select triggers_are('learning', 'lessons', array['guard_api_write', 'on_lesson_change', 'set_updated_at']::name[], 'learning.lessons has exactly the expected triggers');
select triggers_are('learning', 'course_enrollments', array['audit_log_insert_delete', 'guard_api_write', 'normalize_enrollment', 'on_course_completed_insert', 'on_course_completed_update', 'set_updated_at']::name[], 'learning.course_enrollments has exactly the expected triggers');
select triggers_are('learning', 'assessments', array['guard_api_write', 'set_updated_at']::name[], 'learning.assessments has exactly the expected triggers');
select triggers_are('learning', 'assessment_attempts', array['audit_log_score', 'guard_api_write', 'guard_graded_attempt', 'on_attempt_completed_insert', 'on_attempt_completed_update', 'set_updated_at', 'stamp_attempt_completion']::name[], 'learning.assessment_attempts has exactly the expected triggers');
select triggers_are('learning', 'user_progress', array['guard_api_write', 'on_user_progress_change', 'set_updated_at', 'stamp_progress_completion']::name[], 'learning.user_progress has exactly the expected triggers');
select triggers_are('learning', 'learning_analytics', array['check_session_date', 'check_visible_references', 'guard_api_write', 'on_learning_session']::name[], 'learning.learning_analytics has exactly the expected triggers');
select triggers_are('learning', 'chat_history', array['check_visible_references', 'guard_api_write']::name[], 'learning.chat_history has exactly the expected triggers');
select triggers_are('learning', 'ai_interactions', array[]::name[], 'learning.ai_interactions has exactly the expected triggers');
select triggers_are('learning', 'achievements', array['audit_log']::name[], 'learning.achievements has exactly the expected triggers');
select triggers_are('learning', 'user_streaks', array['restart_streak_on_type_change', 'set_updated_at']::name[], 'learning.user_streaks has exactly the expected triggers');
select triggers_are('learning', 'notifications', array['stamp_notification_read']::name[], 'learning.notifications has exactly the expected triggers');
select triggers_are('learning', 'user_feedback', array['check_visible_references', 'guard_api_write', 'set_updated_at']::name[], 'learning.user_feedback has exactly the expected triggers');
select has_trigger('auth', 'users', 'learning_on_auth_user_created', 'signup trigger learning_on_auth_user_created exists on auth.users');
select trigger_is('auth', 'users', 'learning_on_auth_user_created', 'learning_private', 'handle_new_user', 'learning_on_auth_user_created calls learning_private.handle_new_user');
select has_trigger('auth', 'users', 'learning_on_auth_user_email_updated', 'email sync trigger exists on auth.users');
select trigger_is('auth', 'users', 'learning_on_auth_user_deleted', 'learning_private', 'anonymize_audit_actor', 'learning_on_auth_user_deleted anonymises the deleted user''s audit entries');
select is_empty(
    $$select c.relname::text from pg_class c
      where c.relnamespace = 'learning'::regnamespace and c.relkind in ('r', 'v', 'p')
        and obj_description(c.oid, 'pg_class') is null
      union all
      select c.relname || '.' || a.attname from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = 'learning'::regnamespace and c.relkind in ('r', 'v', 'p')
        and a.attnum > 0 and not a.attisdropped and col_description(c.oid, a.attnum) is null
      union all
      select p.oid::regprocedure::text from pg_proc p
      where p.pronamespace in ('learning'::regnamespace, 'learning_private'::regnamespace)
        and obj_description(p.oid, 'pg_proc') is null
      union all
      select t.typname::text from pg_type t
      where t.typnamespace = 'learning'::regnamespace and t.typtype = 'e'
        and obj_description(t.oid, 'pg_type') is null$$,
    'every learning table, column, function and enum has a comment');
-- audit_log (20261123191700): append-only, written by learning_private.write_audit_log
select has_pk('learning', 'audit_log', 'learning.audit_log has a primary key');
select col_type_is('learning', 'audit_log', 'id', 'bigint', 'learning.audit_log.id is bigint');
select col_not_null('learning', 'audit_log', 'id', 'learning.audit_log.id is not null');
select col_type_is('learning', 'audit_log', 'occurred_at', 'timestamp with time zone', 'learning.audit_log.occurred_at is timestamp with time zone');
select col_not_null('learning', 'audit_log', 'occurred_at', 'learning.audit_log.occurred_at is not null');
select col_type_is('learning', 'audit_log', 'actor_id', 'uuid', 'learning.audit_log.actor_id is uuid');
select col_is_null('learning', 'audit_log', 'actor_id', 'learning.audit_log.actor_id is nullable');
select col_type_is('learning', 'audit_log', 'actor_role', 'text', 'learning.audit_log.actor_role is text');
select col_is_null('learning', 'audit_log', 'actor_role', 'learning.audit_log.actor_role is nullable');
select col_type_is('learning', 'audit_log', 'db_user', 'text', 'learning.audit_log.db_user is text');
select col_not_null('learning', 'audit_log', 'db_user', 'learning.audit_log.db_user is not null');
select col_type_is('learning', 'audit_log', 'table_name', 'text', 'learning.audit_log.table_name is text');
select col_not_null('learning', 'audit_log', 'table_name', 'learning.audit_log.table_name is not null');
select col_type_is('learning', 'audit_log', 'row_id', 'uuid', 'learning.audit_log.row_id is uuid');
select col_not_null('learning', 'audit_log', 'row_id', 'learning.audit_log.row_id is not null');
select col_type_is('learning', 'audit_log', 'operation', 'text', 'learning.audit_log.operation is text');
select col_not_null('learning', 'audit_log', 'operation', 'learning.audit_log.operation is not null');
select col_type_is('learning', 'audit_log', 'old_data', 'jsonb', 'learning.audit_log.old_data is jsonb');
select col_is_null('learning', 'audit_log', 'old_data', 'learning.audit_log.old_data is nullable');
select col_type_is('learning', 'audit_log', 'new_data', 'jsonb', 'learning.audit_log.new_data is jsonb');
select col_is_null('learning', 'audit_log', 'new_data', 'learning.audit_log.new_data is nullable');
select columns_are('learning', 'audit_log', array['id', 'occurred_at', 'actor_id', 'actor_role', 'db_user', 'table_name', 'row_id', 'operation', 'old_data', 'new_data'], 'learning.audit_log has exactly the expected columns');
select indexes_are('learning', 'audit_log', array['audit_log_pkey', 'idx_audit_log_actor_id_occurred_at', 'idx_audit_log_table_name_row_id_occurred_at'], 'learning.audit_log has exactly the expected indexes');
select is(
    (select indexdef from pg_indexes where schemaname = 'learning' and indexname = 'idx_audit_log_table_name_row_id_occurred_at'),
    'CREATE INDEX idx_audit_log_table_name_row_id_occurred_at ON learning.audit_log USING btree (table_name, row_id, occurred_at DESC, id DESC)',
    'idx_audit_log_table_name_row_id_occurred_at serves "the history of a row, newest first"');
select is(
    (select indexdef from pg_indexes where schemaname = 'learning' and indexname = 'idx_audit_log_actor_id_occurred_at'),
    'CREATE INDEX idx_audit_log_actor_id_occurred_at ON learning.audit_log USING btree (actor_id, occurred_at DESC, id DESC)',
    'idx_audit_log_actor_id_occurred_at serves "entries by actor, newest first"');
select policies_are('learning', 'audit_log', array['audit_log: actor can select own entries'], 'learning.audit_log has exactly the expected policies');
select table_privs_are('learning', 'audit_log', 'anon', array[]::text[], 'anon has no privilege on learning.audit_log');
select table_privs_are('learning', 'audit_log', 'authenticated', array['SELECT'], 'authenticated may only select learning.audit_log (rows filtered by RLS)');
select table_privs_are('learning', 'audit_log', 'service_role', array['SELECT'], 'service_role may only select learning.audit_log (append-only: no insert, update, delete or truncate)');
select table_privs_are('learning', 'audit_log', 'public', array[]::text[], 'public has no privilege on learning.audit_log');
select triggers_are('learning', 'audit_log', array[]::name[], 'learning.audit_log has no triggers');
select col_is_unique('learning', 'course_enrollments', array['user_id', 'course_id'], 'one enrollment per user and course');
select col_is_unique('learning', 'user_progress', array['user_id', 'lesson_id'], 'one progress row per user and lesson');
select col_is_unique('learning', 'user_streaks', array['user_id'], 'one streak row per user');
select col_is_unique('learning', 'lessons', array['course_id', 'order_index'], 'lesson order is unique within a course');
select col_is_unique('learning', 'achievements', array['user_id', 'type', 'title'], 'an achievement is earned once');

select * from finish();
rollback;
