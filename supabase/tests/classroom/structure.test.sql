-- classroom: structure: tables, columns, keys, indexes, policies, triggers, functions, comments, privileges
-- Runs alone, needs no data; rolls back.
begin;
select plan(183);

select has_schema('classroom', 'schema classroom exists');
select has_schema('classroom_private', 'schema classroom_private exists');
select ok(not has_schema_privilege('anon', 'classroom_private', 'USAGE'), 'anon has no usage on classroom_private');
select ok(not has_schema_privilege('public', 'classroom_private', 'USAGE'), 'public has no usage on classroom_private');
select has_extension('extensions', 'pg_trgm', 'pg_trgm is installed in schema extensions');
select has_extension('extensions', 'btree_gin', 'btree_gin is installed in schema extensions');
select tables_are('classroom', array['tenants', 'users', 'user_preferences', 'lessons', 'video_groups', 'videos',
    'milestones', 'ai_configurations', 'questions', 'ai_usage_logs', 'student_sessions', 'student_progress',
    'question_attempts', 'grades', 'analytics_events', 'audit_logs', 'system_configs', 'invitations', 'security_events', 'erasure_requests'],
    'classroom has exactly the seed''s 17 tables, invitations (membership consent), security_events and erasure_requests');
select is(
    (select count(*)::int from pg_class where relnamespace = 'classroom'::regnamespace and relkind = 'r' and not relrowsecurity),
    0, 'row level security is enabled on every classroom table');
select is(
    (select count(*)::int from pg_class c
     where c.relnamespace = 'classroom'::regnamespace and c.relkind = 'r' and c.relname <> 'tenants'
        and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnotnull)),
    0, 'every table except tenants has a not null tenant_id');
select is(
    (select count(*)::int from pg_constraint c
     where c.connamespace = 'classroom'::regnamespace and c.contype in ('p', 'u') and c.conrelid <> 'classroom.tenants'::regclass
        and c.conname not in ('users_pkey')
        and not exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any(c.conkey) and a.attname = 'tenant_id')),
    0, 'every primary and unique key includes tenant_id (except users_pkey: id is the auth user, see table comment)');
select is(
    (select count(*)::int from pg_constraint c
     where c.connamespace = 'classroom'::regnamespace and c.contype = 'f'
        and c.confrelid not in ('auth.users'::regclass, 'classroom.tenants'::regclass)
        and not exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any(c.conkey) and a.attname = 'tenant_id')),
    0, 'every foreign key between classroom tables includes tenant_id');
select is(
    (select count(*)::int from pg_constraint c
     where c.connamespace = 'classroom'::regnamespace and c.contype = 'f'
        and not exists (
            select 1 from pg_index i
            where i.indrelid = c.conrelid
                and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)),
    0, 'every foreign key has an index on its leading columns');
select is(
    (select count(*)::int from pg_constraint c where c.connamespace = 'classroom'::regnamespace and c.contype = 'f' and c.confdeltype not in ('c', 'n')),
    0, 'every foreign key has a deliberate on delete (cascade or set null)');
select fk_ok('classroom', 'users', 'id', 'auth', 'users', 'id', 'users.id references auth.users(id)');
select is(
    (select count(*)::int from pg_class c where c.relnamespace = 'classroom'::regnamespace and c.relkind = 'r'
        and obj_description(c.oid, 'pg_class') is null),
    0, 'every table has a comment');
select is(
    (select string_agg(c.relname || '.' || a.attname, ', ') from pg_class c join pg_attribute a on a.attrelid = c.oid
     where c.relnamespace = 'classroom'::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        and col_description(c.oid, a.attnum) is null),
    null, 'every column has a comment');
select is(
    (select count(*)::int from pg_proc p where p.pronamespace in ('classroom'::regnamespace, 'classroom_private'::regnamespace)
        and obj_description(p.oid, 'pg_proc') is null),
    0, 'every function has a comment');
select is(
    (select count(*)::int from pg_type t where t.typnamespace = 'classroom'::regnamespace and t.typtype = 'e'
        and obj_description(t.oid, 'pg_type') is null),
    0, 'every enum type has a comment');
select ok(obj_description('classroom'::regnamespace, 'pg_namespace') ~ 'Citus', 'the schema comment records the tenant distribution design');

-- types
select enum_has_labels('classroom', 'user_role', array['STUDENT', 'TEACHER', 'ADMIN'], 'user_role labels');
select enum_has_labels('classroom', 'question_type', array['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER', 'FILL_IN_THE_BLANK', 'MATCHING', 'ORDERING'], 'question_type: the six types');
select enum_has_labels('classroom', 'question_status', array['PENDING', 'APPROVED', 'REJECTED'], 'question_status labels');
select enum_has_labels('classroom', 'lesson_status', array['DRAFT', 'PUBLISHED', 'ARCHIVED'], 'lesson_status labels');
select enum_has_labels('classroom', 'analytics_event_type', array['VIDEO_PLAYBACK', 'QUESTION_INTERACTION', 'NAVIGATION', 'PERFORMANCE', 'ERROR'], 'analytics_event_type: the seed''s event families');
select enum_has_labels('classroom', 'ai_provider', array['OPENAI', 'ANTHROPIC', 'GOOGLE', 'AZURE_OPENAI'], 'ai_provider labels');
select enum_has_labels('classroom', 'ai_request_type', array['QUESTION_GENERATION', 'ANSWER_GRADING', 'CONTENT_ANALYSIS', 'TRANSCRIPTION', 'EMBEDDING'], 'ai_request_type labels');
select enum_has_labels('classroom', 'audit_action', array['INSERT', 'UPDATE', 'DELETE'], 'audit_action labels');
select enum_has_labels('classroom', 'video_processing_status', array['PENDING', 'PROCESSING', 'READY', 'FAILED'], 'video_processing_status labels');

-- column types the seed's queries rely on
select col_type_is('classroom', 'milestones', 'timestamp', 'numeric(10,3)', 'milestones.timestamp is seconds numeric(10,3)');
select col_type_is('classroom', 'student_progress', 'completion_percent', 'numeric(5,2)', 'student_progress.completion_percent numeric(5,2)');
select col_type_is('classroom', 'student_progress', 'average_score', 'numeric(5,2)', 'student_progress.average_score numeric(5,2)');
select col_type_is('classroom', 'student_progress', 'total_time_spent', 'integer', 'student_progress.total_time_spent integer seconds');
select col_type_is('classroom', 'ai_usage_logs', 'cost', 'numeric(12,6)', 'ai_usage_logs.cost numeric(12,6)');
select col_type_is('classroom', 'ai_usage_logs', 'response_time', 'integer', 'ai_usage_logs.response_time integer ms');
select col_type_is('classroom', 'questions', 'question_data', 'jsonb', 'questions.question_data jsonb');
select col_type_is('classroom', 'users', 'role', 'classroom.user_role', 'users.role is user_role');
select col_has_check('classroom', 'questions', array['type', 'question_data', 'correct_answer'], 'questions: type-specific data check');
select col_has_check('classroom', 'questions', 'retry_limit', 'questions.retry_limit has a range check');
select col_has_check('classroom', 'student_progress', 'completion_percent', 'student_progress.completion_percent has a range check');
select col_has_check('classroom', 'grades', array['attempts_used', 'max_attempts'], 'grades: attempts_used <= max_attempts');
select index_is_unique('classroom', 'ai_configurations', 'idx_ai_configurations_tenant_id_provider_active', 'one active AI configuration per provider and tenant: unique index');
select ok(pg_get_indexdef('classroom.idx_ai_configurations_tenant_id_provider_active'::regclass) ~ 'WHERE is_active', '... and it is partial (where is_active)');
select index_is_type('classroom', 'lessons', 'idx_lessons_tenant_id_title', 'gin', 'lesson title search: gin (tenant_id, title gin_trgm_ops) via btree_gin');
select index_is_type('classroom', 'analytics_events', 'idx_analytics_events_tenant_id_event_data', 'gin', 'event data: gin (tenant_id, event_data jsonb_path_ops)');
select ok(not has_column_privilege('authenticated', 'classroom.questions', 'correct_answer', 'SELECT'), 'authenticated cannot select questions.correct_answer');
select ok(not has_column_privilege('authenticated', 'classroom.student_progress', 'average_score', 'UPDATE'), 'authenticated cannot update student_progress.average_score');

-- functions
select functions_are('classroom', array['question_answer_key', 'question_details', 'accept_invitation', 'my_invitations', 'leave_tenant',
    'export_my_data', 'request_erasure', 'set_ai_provider_key', 'delete_ai_provider_key', 'ai_provider_key_status'],
    'classroom exposes question_answer_key, question_details, the membership functions, the GDPR functions and the AI key functions');
select functions_are('classroom_private', array['caller_api_role', 'caller_is_api', 'caller_is_service', 'caller_role',
    'current_tenant_id', 'current_user_role', 'published_lesson_ids', 'managed_lesson_ids', 'managed_lesson_id_array',
    'question_data_is_valid', 'score_answer', 'question_answer_key', 'question_details', 'set_updated_at', 'set_lesson_id_from_parent', 'bump_version',
    'check_milestone_timestamp', 'stamp_question_review', 'guard_user_update', 'create_tenant_defaults', 'write_audit_log',
    'prepare_question_attempt', 'record_grade', 'set_grade_status', 'refresh_progress_score', 'stamp_config_author',
    'prepare_invitation', 'accept_invitation', 'my_invitations', 'leave_tenant', 'check_attempt_caller', 'guard_api_write',
    'log_security_event', 'audit_membership_change', 'audit_tenant_change', 'audit_sign_in', 'member_data_export', 'log_data_export',
    'file_erasure_request', 'process_erasure_request', 'vault_is_installed', 'assert_can_manage_ai_keys', 'store_ai_provider_key',
    'remove_ai_provider_key', 'ai_provider_key', 'tenant_ai_key_status', 'delete_tenant_ai_keys'],
    'classroom_private functions');
select is_definer('classroom_private', 'current_tenant_id', array[]::name[], 'current_tenant_id is security definer');
select is_definer('classroom_private', 'current_user_role', array[]::name[], 'current_user_role is security definer');
select is_definer('classroom_private', 'write_audit_log', array[]::name[], 'write_audit_log is security definer');
select is_definer('classroom_private', 'managed_lesson_id_array', array[]::name[], 'managed_lesson_id_array is security definer');
select volatility_is('classroom_private', 'managed_lesson_id_array', array[]::name[], 'stable', 'managed_lesson_id_array is stable (one evaluation per statement as an initplan)');
select isnt_definer('classroom', 'question_answer_key', array['uuid'], 'classroom.question_answer_key is security invoker');
select is(
    (select count(*)::int from pg_proc where pronamespace = 'classroom'::regnamespace and prosecdef),
    0, 'no security definer function in the exposed schema');
select is(
    (select count(*)::int from pg_proc p where p.pronamespace in ('classroom'::regnamespace, 'classroom_private'::regnamespace)
        and not coalesce(p.proconfig @> array['search_path=""'], false)),
    0, 'every classroom function sets search_path = ''''');
select is(
    (select count(*)::int from pg_proc p where p.pronamespace in ('classroom'::regnamespace, 'classroom_private'::regnamespace)
        and has_function_privilege('anon', p.oid, 'EXECUTE')),
    0, 'anon can execute no classroom function');
select ok(has_function_privilege('authenticated', 'classroom_private.current_tenant_id()', 'EXECUTE'), 'authenticated can execute current_tenant_id (used by policies)');
select ok(not has_function_privilege('authenticated', 'classroom_private.write_audit_log()', 'EXECUTE'), 'authenticated cannot call the audit trigger function');
select ok(has_function_privilege('authenticated', 'classroom_private.managed_lesson_id_array()', 'EXECUTE'), 'authenticated can execute managed_lesson_id_array (used by policies)');
select ok(not has_function_privilege('service_role', 'classroom_private.managed_lesson_id_array()', 'EXECUTE'), 'service_role cannot execute managed_lesson_id_array (granted to authenticated only; service_role bypasses RLS)');
select is(
    (select count(*)::int from pg_policies
     where schemaname = 'classroom' and tablename in ('student_progress', 'question_attempts', 'grades') and cmd = 'SELECT'
        and qual ~ 'tenant_id = \( SELECT (classroom_private\.)?current_tenant_id\(\)'
        and qual ~ 'student_id = \( SELECT auth\.uid\(\)'
        and qual ~ 'lesson_id = ANY \(\( SELECT (classroom_private\.)?managed_lesson_id_array\(\)'
        and qual !~ 'managed_lesson_ids'),
    3, 'progress, attempts, grades: select is tenant and (own rows or lesson_id = any(managed_lesson_id_array)), two indexable arms');
select is(
    (select count(*)::int from pg_class c where c.relnamespace = 'classroom'::regnamespace and c.relkind in ('v', 'm')),
    0, 'classroom has no views (nothing to make security_invoker)');

-- per table: exact columns, primary key, indexes, policies, triggers; every foreign key
select columns_are('classroom', 'ai_configurations', array['tenant_id', 'id', 'name', 'provider', 'model', 'parameters', 'is_active', 'created_by_id', 'created_at', 'updated_at'], 'ai_configurations: exact column set');
select col_is_pk('classroom', 'ai_configurations', array['tenant_id', 'id'], 'ai_configurations: primary key is (tenant_id, id)');
select indexes_are('classroom', 'ai_configurations', array['ai_configurations_pkey', 'idx_ai_configurations_tenant_id_created_by_id', 'idx_ai_configurations_tenant_id_provider_active'], 'ai_configurations: exact index set');
select policies_are('classroom', 'ai_configurations', array['ai_configurations: admins can delete', 'ai_configurations: admins can insert', 'ai_configurations: admins can update', 'ai_configurations: staff can select'], 'ai_configurations: exact policy set');
select triggers_are('classroom', 'ai_configurations', array['guard_api_write', 'set_updated_at', 'write_audit_log'], 'ai_configurations: exact trigger set');
select fk_ok('classroom', 'ai_configurations', array['tenant_id', 'created_by_id'], 'classroom', 'users', array['tenant_id', 'id'], 'ai_configurations: ai_configurations_created_by_id_fkey');
select fk_ok('classroom', 'ai_configurations', array['tenant_id'], 'classroom', 'tenants', array['id'], 'ai_configurations: ai_configurations_tenant_id_fkey');
select columns_are('classroom', 'ai_usage_logs', array['tenant_id', 'id', 'ai_configuration_id', 'user_id', 'question_id', 'request_type', 'provider', 'model', 'tokens_used', 'cost', 'response_time', 'success', 'error_message', 'metadata', 'created_at'], 'ai_usage_logs: exact column set');
select col_is_pk('classroom', 'ai_usage_logs', array['tenant_id', 'id'], 'ai_usage_logs: primary key is (tenant_id, id)');
select indexes_are('classroom', 'ai_usage_logs', array['ai_usage_logs_pkey', 'idx_ai_usage_logs_created_at', 'idx_ai_usage_logs_tenant_id_ai_configuration_id', 'idx_ai_usage_logs_tenant_id_created_at', 'idx_ai_usage_logs_tenant_id_question_id', 'idx_ai_usage_logs_tenant_id_user_id'], 'ai_usage_logs: exact index set');
select policies_are('classroom', 'ai_usage_logs', array['ai_usage_logs: admins or requester can select'], 'ai_usage_logs: exact policy set');
select fk_ok('classroom', 'ai_usage_logs', array['tenant_id', 'ai_configuration_id'], 'classroom', 'ai_configurations', array['tenant_id', 'id'], 'ai_usage_logs: ai_usage_logs_ai_configuration_id_fkey');
select fk_ok('classroom', 'ai_usage_logs', array['tenant_id', 'question_id'], 'classroom', 'questions', array['tenant_id', 'id'], 'ai_usage_logs: ai_usage_logs_question_id_fkey');
select fk_ok('classroom', 'ai_usage_logs', array['tenant_id', 'user_id'], 'classroom', 'users', array['tenant_id', 'id'], 'ai_usage_logs: ai_usage_logs_user_id_fkey');
select fk_ok('classroom', 'ai_usage_logs', array['tenant_id'], 'classroom', 'tenants', array['id'], 'ai_usage_logs: ai_usage_logs_tenant_id_fkey');
select columns_are('classroom', 'analytics_events', array['tenant_id', 'id', 'user_id', 'session_id', 'lesson_id', 'video_id', 'event_type', 'event_name', 'event_data', 'created_at'], 'analytics_events: exact column set');
select col_is_pk('classroom', 'analytics_events', array['tenant_id', 'id'], 'analytics_events: primary key is (tenant_id, id)');
select indexes_are('classroom', 'analytics_events', array['analytics_events_pkey', 'idx_analytics_events_tenant_id_created_at', 'idx_analytics_events_tenant_id_event_data', 'idx_analytics_events_tenant_id_event_type_created_at', 'idx_analytics_events_tenant_id_lesson_id', 'idx_analytics_events_tenant_id_session_id', 'idx_analytics_events_tenant_id_user_id_created_at', 'idx_analytics_events_tenant_id_video_id'], 'analytics_events: exact index set');
select policies_are('classroom', 'analytics_events', array['analytics_events: members can insert their own', 'analytics_events: owner, admins, lesson managers can select'], 'analytics_events: exact policy set');
select fk_ok('classroom', 'analytics_events', array['tenant_id', 'lesson_id'], 'classroom', 'lessons', array['tenant_id', 'id'], 'analytics_events: analytics_events_lesson_id_fkey');
select fk_ok('classroom', 'analytics_events', array['tenant_id', 'session_id'], 'classroom', 'student_sessions', array['tenant_id', 'id'], 'analytics_events: analytics_events_session_id_fkey');
select fk_ok('classroom', 'analytics_events', array['tenant_id', 'user_id'], 'classroom', 'users', array['tenant_id', 'id'], 'analytics_events: analytics_events_user_id_fkey');
select fk_ok('classroom', 'analytics_events', array['tenant_id', 'video_id'], 'classroom', 'videos', array['tenant_id', 'id'], 'analytics_events: analytics_events_video_id_fkey');
select fk_ok('classroom', 'analytics_events', array['tenant_id'], 'classroom', 'tenants', array['id'], 'analytics_events: analytics_events_tenant_id_fkey');
select columns_are('classroom', 'audit_logs', array['tenant_id', 'id', 'table_name', 'record_id', 'action', 'old_data', 'new_data', 'changed_by_id', 'created_at'], 'audit_logs: exact column set');
select col_is_pk('classroom', 'audit_logs', array['tenant_id', 'id'], 'audit_logs: primary key is (tenant_id, id)');
select indexes_are('classroom', 'audit_logs', array['audit_logs_pkey', 'idx_audit_logs_tenant_id_changed_by_id', 'idx_audit_logs_tenant_id_created_at', 'idx_audit_logs_tenant_id_table_name_record_id'], 'audit_logs: exact index set');
select policies_are('classroom', 'audit_logs', array['audit_logs: admins can select'], 'audit_logs: exact policy set');
select fk_ok('classroom', 'audit_logs', array['tenant_id', 'changed_by_id'], 'classroom', 'users', array['tenant_id', 'id'], 'audit_logs: audit_logs_changed_by_id_fkey');
select fk_ok('classroom', 'audit_logs', array['tenant_id'], 'classroom', 'tenants', array['id'], 'audit_logs: audit_logs_tenant_id_fkey');
select columns_are('classroom', 'grades', array['tenant_id', 'id', 'student_id', 'question_id', 'lesson_id', 'score', 'attempts_used', 'max_attempts', 'is_passed', 'feedback', 'graded_by_id', 'graded_at', 'created_at', 'updated_at'], 'grades: exact column set');
select col_is_pk('classroom', 'grades', array['tenant_id', 'id'], 'grades: primary key is (tenant_id, id)');
select indexes_are('classroom', 'grades', array['grades_pkey', 'grades_tenant_id_student_id_question_id_key', 'idx_grades_tenant_id_graded_by_id', 'idx_grades_tenant_id_lesson_id_student_id', 'idx_grades_tenant_id_question_id_lesson_id'], 'grades: exact index set');
select policies_are('classroom', 'grades', array['grades: lesson managers can update', 'grades: owner or lesson manager can select'], 'grades: exact policy set');
select triggers_are('classroom', 'grades', array['guard_api_write', 'refresh_progress', 'set_status', 'set_updated_at', 'write_audit_log'], 'grades: exact trigger set');
select fk_ok('classroom', 'grades', array['tenant_id', 'graded_by_id'], 'classroom', 'users', array['tenant_id', 'id'], 'grades: grades_graded_by_id_fkey');
select fk_ok('classroom', 'grades', array['tenant_id', 'question_id', 'lesson_id'], 'classroom', 'questions', array['tenant_id', 'id', 'lesson_id'], 'grades: grades_question_id_fkey');
select fk_ok('classroom', 'grades', array['tenant_id', 'student_id'], 'classroom', 'users', array['tenant_id', 'id'], 'grades: grades_student_id_fkey');
select columns_are('classroom', 'lessons', array['tenant_id', 'id', 'title', 'description', 'thumbnail', 'status', 'created_by_id', 'metadata', 'version', 'created_at', 'updated_at'], 'lessons: exact column set');
select col_is_pk('classroom', 'lessons', array['tenant_id', 'id'], 'lessons: primary key is (tenant_id, id)');
select indexes_are('classroom', 'lessons', array['idx_lessons_tenant_id_created_by_id', 'idx_lessons_tenant_id_metadata', 'idx_lessons_tenant_id_status', 'idx_lessons_tenant_id_title', 'lessons_pkey'], 'lessons: exact index set');
select policies_are('classroom', 'lessons', array['lessons: staff or published can select', 'lessons: teachers can delete their own, admins any', 'lessons: teachers can insert their own, admins any', 'lessons: teachers can update their own, admins any'], 'lessons: exact policy set');
select triggers_are('classroom', 'lessons', array['bump_version', 'guard_api_write', 'set_updated_at', 'write_audit_log'], 'lessons: exact trigger set');
select fk_ok('classroom', 'lessons', array['tenant_id', 'created_by_id'], 'classroom', 'users', array['tenant_id', 'id'], 'lessons: lessons_created_by_id_fkey');
select fk_ok('classroom', 'lessons', array['tenant_id'], 'classroom', 'tenants', array['id'], 'lessons: lessons_tenant_id_fkey');
select columns_are('classroom', 'milestones', array['tenant_id', 'id', 'lesson_id', 'video_id', 'title', 'description', 'timestamp', 'is_required', 'created_at', 'updated_at'], 'milestones: exact column set');
select col_is_pk('classroom', 'milestones', array['tenant_id', 'id'], 'milestones: primary key is (tenant_id, id)');
select indexes_are('classroom', 'milestones', array['idx_milestones_tenant_id_video_id_lesson_id', 'idx_milestones_tenant_id_video_id_timestamp', 'milestones_pkey', 'milestones_tenant_id_id_lesson_id_key'], 'milestones: exact index set');
select policies_are('classroom', 'milestones', array['milestones: lesson managers can delete', 'milestones: lesson managers can insert', 'milestones: lesson managers can update', 'milestones: staff or published lesson can select'], 'milestones: exact policy set');
select triggers_are('classroom', 'milestones', array['check_timestamp', 'guard_api_write', 'set_lesson_id', 'set_updated_at'], 'milestones: exact trigger set');
select fk_ok('classroom', 'milestones', array['tenant_id', 'video_id', 'lesson_id'], 'classroom', 'videos', array['tenant_id', 'id', 'lesson_id'], 'milestones: milestones_video_id_fkey');
select columns_are('classroom', 'question_attempts', array['tenant_id', 'id', 'student_id', 'question_id', 'lesson_id', 'session_id', 'attempt_number', 'answer', 'is_correct', 'score', 'time_spent', 'created_at'], 'question_attempts: exact column set');
select col_is_pk('classroom', 'question_attempts', array['tenant_id', 'id'], 'question_attempts: primary key is (tenant_id, id)');
select indexes_are('classroom', 'question_attempts', array['idx_question_attempts_tenant_id_lesson_id', 'idx_question_attempts_tenant_id_question_id_lesson_id', 'idx_question_attempts_tenant_id_session_id', 'question_attempts_pkey', 'question_attempts_student_id_question_id_attempt_number_key'], 'question_attempts: exact index set');
select policies_are('classroom', 'question_attempts', array['question_attempts: owner or lesson manager can select', 'question_attempts: students can insert their own'], 'question_attempts: exact policy set');
select triggers_are('classroom', 'question_attempts', array['check_caller', 'guard_api_write', 'prepare_attempt', 'record_grade'], 'question_attempts: exact trigger set');
select fk_ok('classroom', 'question_attempts', array['tenant_id', 'question_id', 'lesson_id'], 'classroom', 'questions', array['tenant_id', 'id', 'lesson_id'], 'question_attempts: question_attempts_question_id_fkey');
select fk_ok('classroom', 'question_attempts', array['tenant_id', 'session_id'], 'classroom', 'student_sessions', array['tenant_id', 'id'], 'question_attempts: question_attempts_session_id_fkey');
select fk_ok('classroom', 'question_attempts', array['tenant_id', 'student_id'], 'classroom', 'users', array['tenant_id', 'id'], 'question_attempts: question_attempts_student_id_fkey');
select columns_are('classroom', 'questions', array['tenant_id', 'id', 'lesson_id', 'milestone_id', 'type', 'question_text', 'question_data', 'correct_answer', 'explanation', 'points', 'retry_limit', 'grading_criteria', 'status', 'is_ai_generated', 'ai_metadata', 'ai_configuration_id', 'created_by_id', 'reviewed_by_id', 'reviewed_at', 'review_notes', 'position', 'version', 'created_at', 'updated_at'], 'questions: exact column set');
select col_is_pk('classroom', 'questions', array['tenant_id', 'id'], 'questions: primary key is (tenant_id, id)');
select indexes_are('classroom', 'questions', array['idx_questions_tenant_id_ai_configuration_id', 'idx_questions_tenant_id_created_at_pending', 'idx_questions_tenant_id_created_by_id', 'idx_questions_tenant_id_lesson_id_status', 'idx_questions_tenant_id_milestone_id_lesson_id', 'idx_questions_tenant_id_question_data', 'idx_questions_tenant_id_reviewed_by_id', 'questions_pkey', 'questions_tenant_id_id_lesson_id_key'], 'questions: exact index set');
select policies_are('classroom', 'questions', array['questions: lesson managers can delete', 'questions: lesson managers can insert', 'questions: lesson managers can update and review', 'questions: staff or approved and published can select'], 'questions: exact policy set');
select triggers_are('classroom', 'questions', array['bump_version', 'guard_api_write', 'set_lesson_id', 'set_updated_at', 'stamp_review', 'write_audit_log'], 'questions: exact trigger set');
select fk_ok('classroom', 'questions', array['tenant_id', 'ai_configuration_id'], 'classroom', 'ai_configurations', array['tenant_id', 'id'], 'questions: questions_ai_configuration_id_fkey');
select fk_ok('classroom', 'questions', array['tenant_id', 'created_by_id'], 'classroom', 'users', array['tenant_id', 'id'], 'questions: questions_created_by_id_fkey');
select fk_ok('classroom', 'questions', array['tenant_id', 'milestone_id', 'lesson_id'], 'classroom', 'milestones', array['tenant_id', 'id', 'lesson_id'], 'questions: questions_milestone_id_fkey');
select fk_ok('classroom', 'questions', array['tenant_id', 'reviewed_by_id'], 'classroom', 'users', array['tenant_id', 'id'], 'questions: questions_reviewed_by_id_fkey');
select columns_are('classroom', 'student_progress', array['tenant_id', 'id', 'student_id', 'lesson_id', 'completion_percent', 'average_score', 'total_time_spent', 'current_video_id', 'last_position', 'progress_data', 'started_at', 'completed_at', 'created_at', 'updated_at'], 'student_progress: exact column set');
select col_is_pk('classroom', 'student_progress', array['tenant_id', 'id'], 'student_progress: primary key is (tenant_id, id)');
select indexes_are('classroom', 'student_progress', array['idx_student_progress_tenant_id_current_video_id', 'idx_student_progress_tenant_id_lesson_id', 'idx_student_progress_tenant_id_student_id_updated_at', 'student_progress_pkey', 'student_progress_tenant_id_student_id_lesson_id_key'], 'student_progress: exact index set');
select policies_are('classroom', 'student_progress', array['student_progress: owner can insert for published lessons', 'student_progress: owner can update', 'student_progress: owner or lesson manager can select'], 'student_progress: exact policy set');
select triggers_are('classroom', 'student_progress', array['guard_api_write', 'set_updated_at'], 'student_progress: exact trigger set');
select fk_ok('classroom', 'student_progress', array['tenant_id', 'current_video_id'], 'classroom', 'videos', array['tenant_id', 'id'], 'student_progress: student_progress_current_video_id_fkey');
select fk_ok('classroom', 'student_progress', array['tenant_id', 'lesson_id'], 'classroom', 'lessons', array['tenant_id', 'id'], 'student_progress: student_progress_lesson_id_fkey');
select fk_ok('classroom', 'student_progress', array['tenant_id', 'student_id'], 'classroom', 'users', array['tenant_id', 'id'], 'student_progress: student_progress_student_id_fkey');
select columns_are('classroom', 'student_sessions', array['tenant_id', 'id', 'student_id', 'device_id', 'device_type', 'user_agent', 'lesson_id', 'last_video_id', 'last_position', 'state', 'started_at', 'last_heartbeat_at', 'ended_at', 'created_at', 'updated_at'], 'student_sessions: exact column set');
select col_is_pk('classroom', 'student_sessions', array['tenant_id', 'id'], 'student_sessions: primary key is (tenant_id, id)');
select indexes_are('classroom', 'student_sessions', array['idx_student_sessions_tenant_id_last_video_id', 'idx_student_sessions_tenant_id_lesson_id', 'idx_student_sessions_tenant_id_student_id_device_id_open', 'idx_student_sessions_tenant_id_student_id_last_heartbeat_at', 'student_sessions_pkey'], 'student_sessions: exact index set');
select policies_are('classroom', 'student_sessions', array['student_sessions: members can delete their own', 'student_sessions: members can insert their own', 'student_sessions: members can select their own, admins all', 'student_sessions: members can update their own'], 'student_sessions: exact policy set');
select triggers_are('classroom', 'student_sessions', array['guard_api_write', 'set_updated_at'], 'student_sessions: exact trigger set');
select fk_ok('classroom', 'student_sessions', array['tenant_id', 'last_video_id'], 'classroom', 'videos', array['tenant_id', 'id'], 'student_sessions: student_sessions_last_video_id_fkey');
select fk_ok('classroom', 'student_sessions', array['tenant_id', 'lesson_id'], 'classroom', 'lessons', array['tenant_id', 'id'], 'student_sessions: student_sessions_lesson_id_fkey');
select fk_ok('classroom', 'student_sessions', array['tenant_id', 'student_id'], 'classroom', 'users', array['tenant_id', 'id'], 'student_sessions: student_sessions_student_id_fkey');
select columns_are('classroom', 'system_configs', array['tenant_id', 'key', 'value', 'description', 'updated_by_id', 'created_at', 'updated_at'], 'system_configs: exact column set');
select col_is_pk('classroom', 'system_configs', array['tenant_id', 'key'], 'system_configs: primary key is (tenant_id, key)');
select indexes_are('classroom', 'system_configs', array['idx_system_configs_tenant_id_updated_by_id', 'system_configs_pkey'], 'system_configs: exact index set');
select policies_are('classroom', 'system_configs', array['system_configs: admins can delete', 'system_configs: admins can insert', 'system_configs: admins can update', 'system_configs: members can select'], 'system_configs: exact policy set');
select triggers_are('classroom', 'system_configs', array['guard_api_write', 'set_updated_at', 'stamp_author', 'write_audit_log'], 'system_configs: exact trigger set');
select fk_ok('classroom', 'system_configs', array['tenant_id', 'updated_by_id'], 'classroom', 'users', array['tenant_id', 'id'], 'system_configs: system_configs_updated_by_id_fkey');
select fk_ok('classroom', 'system_configs', array['tenant_id'], 'classroom', 'tenants', array['id'], 'system_configs: system_configs_tenant_id_fkey');
select columns_are('classroom', 'tenants', array['id', 'name', 'slug', 'is_active', 'settings', 'created_at', 'updated_at'], 'tenants: exact column set');
select col_is_pk('classroom', 'tenants', array['id'], 'tenants: primary key is (id)');
select indexes_are('classroom', 'tenants', array['tenants_pkey', 'tenants_slug_key'], 'tenants: exact index set');
select policies_are('classroom', 'tenants', array['tenants: admins can update their tenant', 'tenants: members can select their tenant'], 'tenants: exact policy set');
select triggers_are('classroom', 'tenants', array['audit_tenant_change', 'create_defaults', 'delete_tenant_ai_keys', 'guard_api_write', 'set_updated_at'], 'tenants: exact trigger set');
select columns_are('classroom', 'user_preferences', array['tenant_id', 'user_id', 'language', 'timezone', 'playback_speed', 'autoplay', 'captions_enabled', 'theme', 'notification_settings', 'learning_preferences', 'created_at', 'updated_at'], 'user_preferences: exact column set');
select col_is_pk('classroom', 'user_preferences', array['tenant_id', 'user_id'], 'user_preferences: primary key is (tenant_id, user_id)');
select indexes_are('classroom', 'user_preferences', array['user_preferences_pkey'], 'user_preferences: exact index set');
select policies_are('classroom', 'user_preferences', array['user_preferences: members can delete their own', 'user_preferences: members can insert their own', 'user_preferences: members can select their own', 'user_preferences: members can update their own'], 'user_preferences: exact policy set');
select triggers_are('classroom', 'user_preferences', array['guard_api_write', 'set_updated_at'], 'user_preferences: exact trigger set');
select fk_ok('classroom', 'user_preferences', array['tenant_id', 'user_id'], 'classroom', 'users', array['tenant_id', 'id'], 'user_preferences: user_preferences_user_id_fkey');
select columns_are('classroom', 'users', array['id', 'tenant_id', 'email', 'first_name', 'last_name', 'role', 'email_verified', 'email_verified_at', 'avatar_url', 'is_active', 'last_login_at', 'created_at', 'updated_at'], 'users: exact column set');
select col_is_pk('classroom', 'users', array['id'], 'users: primary key is (id)');
select indexes_are('classroom', 'users', array['idx_users_tenant_id_role', 'users_pkey', 'users_tenant_id_email_key', 'users_tenant_id_id_key'], 'users: exact index set');
select policies_are('classroom', 'users', array['users: admins can delete other members', 'users: members can update self, admins any member', 'users: members see self and staff, staff see all'], 'users: exact policy set');
select triggers_are('classroom', 'users', array['audit_membership_change', 'guard_api_write', 'guard_update', 'set_updated_at', 'write_audit_log'], 'users: exact trigger set');
select fk_ok('classroom', 'users', array['tenant_id'], 'classroom', 'tenants', array['id'], 'users: users_tenant_id_fkey');
select columns_are('classroom', 'video_groups', array['tenant_id', 'id', 'lesson_id', 'title', 'description', 'position', 'created_at', 'updated_at'], 'video_groups: exact column set');
select col_is_pk('classroom', 'video_groups', array['tenant_id', 'id'], 'video_groups: primary key is (tenant_id, id)');
select indexes_are('classroom', 'video_groups', array['idx_video_groups_tenant_id_lesson_id_position', 'video_groups_pkey', 'video_groups_tenant_id_id_lesson_id_key'], 'video_groups: exact index set');
select policies_are('classroom', 'video_groups', array['video_groups: lesson managers can delete', 'video_groups: lesson managers can insert', 'video_groups: lesson managers can update', 'video_groups: staff or published lesson can select'], 'video_groups: exact policy set');
select triggers_are('classroom', 'video_groups', array['guard_api_write', 'set_updated_at'], 'video_groups: exact trigger set');
select fk_ok('classroom', 'video_groups', array['tenant_id', 'lesson_id'], 'classroom', 'lessons', array['tenant_id', 'id'], 'video_groups: video_groups_lesson_id_fkey');
select columns_are('classroom', 'videos', array['tenant_id', 'id', 'lesson_id', 'video_group_id', 'title', 'description', 'gcs_bucket', 'gcs_object_path', 'duration', 'processing_status', 'metadata', 'thumbnail_url', 'mime_type', 'file_size', 'position', 'created_at', 'updated_at'], 'videos: exact column set');
select col_is_pk('classroom', 'videos', array['tenant_id', 'id'], 'videos: primary key is (tenant_id, id)');
select indexes_are('classroom', 'videos', array['idx_videos_tenant_id_metadata', 'idx_videos_tenant_id_video_group_id_lesson_id', 'videos_pkey', 'videos_tenant_id_gcs_bucket_gcs_object_path_key', 'videos_tenant_id_id_lesson_id_key'], 'videos: exact index set');
select policies_are('classroom', 'videos', array['videos: lesson managers can delete', 'videos: lesson managers can insert', 'videos: lesson managers can update', 'videos: staff or published lesson can select'], 'videos: exact policy set');
select triggers_are('classroom', 'videos', array['guard_api_write', 'set_lesson_id', 'set_updated_at'], 'videos: exact trigger set');
select fk_ok('classroom', 'videos', array['tenant_id', 'video_group_id', 'lesson_id'], 'classroom', 'video_groups', array['tenant_id', 'id', 'lesson_id'], 'videos: videos_video_group_id_fkey');

select * from finish();
rollback;
