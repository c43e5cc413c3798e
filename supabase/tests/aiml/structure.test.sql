-- Structure of the aiml schema: tables, columns, keys, indexes, policies,
-- functions and triggers the seed and the design call for.
begin;
select plan(433);

select has_schema('aiml', 'schema aiml exists');
select has_schema('aiml_private', 'schema aiml_private exists');
select tables_are('aiml', array['ab_test_results', 'ab_tests', 'analytics_events', 'code_examples', 'content_chunks', 'content_syncs', 'content_versions', 'conversation_examples', 'customer_segments', 'customers', 'devlab_analyses', 'devlab_executions', 'devlab_files', 'devlab_insights', 'devlab_projects', 'devlab_tests', 'devlab_vulnerabilities', 'discovery_tool_executions', 'discovery_tools', 'industries', 'inventory', 'inventory_movements', 'model_deployments', 'model_metrics', 'model_versions', 'order_items', 'orders', 'product_categories', 'product_variants', 'products', 'simulation_examples', 'training_datasets', 'transactions', 'use_case_categories', 'use_case_executions', 'use_cases', 'users']::name[], 'aiml has exactly the 37 seed tables');
select has_extension('extensions', 'vector', 'pgvector is installed in schema extensions');
-- ab_test_results
select has_pk('aiml', 'ab_test_results', 'ab_test_results has a primary key');
select columns_are('aiml', 'ab_test_results', array['id', 'test_id', 'variant_name', 'visitors', 'conversions', 'conversion_rate', 'is_winner', 'created_at', 'updated_at']::name[], 'ab_test_results has the seed''s columns');
select col_type_is('aiml', 'ab_test_results', 'id', 'bigint', 'ab_test_results.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.ab_test_results'::regclass and attname = 'id'), 'a', 'ab_test_results.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.ab_test_results'::regclass), 'ab_test_results has row level security enabled');
select policies_are('aiml', 'ab_test_results', array['ab_test_results: signed-in users can read']::name[], 'ab_test_results has exactly its policies');
select col_not_null('aiml', 'ab_test_results', 'created_at', 'ab_test_results.created_at is not null');
-- ab_tests
select has_pk('aiml', 'ab_tests', 'ab_tests has a primary key');
select columns_are('aiml', 'ab_tests', array['id', 'test_id', 'name', 'primary_kpi', 'traffic_split', 'variants', 'status', 'created_at', 'updated_at']::name[], 'ab_tests has the seed''s columns');
select col_type_is('aiml', 'ab_tests', 'id', 'bigint', 'ab_tests.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.ab_tests'::regclass and attname = 'id'), 'a', 'ab_tests.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.ab_tests'::regclass), 'ab_tests has row level security enabled');
select policies_are('aiml', 'ab_tests', array['ab_tests: signed-in users can read']::name[], 'ab_tests has exactly its policies');
select col_not_null('aiml', 'ab_tests', 'created_at', 'ab_tests.created_at is not null');
-- analytics_events
select has_pk('aiml', 'analytics_events', 'analytics_events has a primary key');
select columns_are('aiml', 'analytics_events', array['id', 'event_type', 'user_id', 'event_data', 'properties', 'created_at']::name[], 'analytics_events has the seed''s columns');
select col_type_is('aiml', 'analytics_events', 'id', 'bigint', 'analytics_events.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.analytics_events'::regclass and attname = 'id'), 'a', 'analytics_events.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.analytics_events'::regclass), 'analytics_events has row level security enabled');
select policies_are('aiml', 'analytics_events', array['analytics_events: owner can select', 'analytics_events: owner can insert', 'analytics_events: anonymous visitors can insert without a user']::name[], 'analytics_events has exactly its policies');
select col_not_null('aiml', 'analytics_events', 'created_at', 'analytics_events.created_at is not null');
-- code_examples
select has_pk('aiml', 'code_examples', 'code_examples has a primary key');
select columns_are('aiml', 'code_examples', array['id', 'code', 'language', 'code_type', 'explanation', 'test_code', 'refactored_code', 'security_issues', 'embedding', 'created_at', 'updated_at']::name[], 'code_examples has the seed''s columns');
select col_type_is('aiml', 'code_examples', 'id', 'bigint', 'code_examples.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.code_examples'::regclass and attname = 'id'), 'a', 'code_examples.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.code_examples'::regclass), 'code_examples has row level security enabled');
select policies_are('aiml', 'code_examples', array[]::name[], 'code_examples has exactly its policies');
select col_not_null('aiml', 'code_examples', 'created_at', 'code_examples.created_at is not null');
-- content_chunks
select has_pk('aiml', 'content_chunks', 'content_chunks has a primary key');
select columns_are('aiml', 'content_chunks', array['id', 'use_case_id', 'discovery_tool_id', 'content_type', 'content_text', 'embedding', 'embedding_model', 'created_at', 'updated_at']::name[], 'content_chunks has the seed''s columns');
select col_type_is('aiml', 'content_chunks', 'id', 'bigint', 'content_chunks.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.content_chunks'::regclass and attname = 'id'), 'a', 'content_chunks.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.content_chunks'::regclass), 'content_chunks has row level security enabled');
select policies_are('aiml', 'content_chunks', array['content_chunks: anyone can read']::name[], 'content_chunks has exactly its policies');
select col_not_null('aiml', 'content_chunks', 'created_at', 'content_chunks.created_at is not null');
-- content_syncs
select has_pk('aiml', 'content_syncs', 'content_syncs has a primary key');
select columns_are('aiml', 'content_syncs', array['id', 'sync_type', 'content_type', 'records_processed', 'status', 'error_log', 'created_at', 'updated_at']::name[], 'content_syncs has the seed''s columns');
select col_type_is('aiml', 'content_syncs', 'id', 'bigint', 'content_syncs.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.content_syncs'::regclass and attname = 'id'), 'a', 'content_syncs.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.content_syncs'::regclass), 'content_syncs has row level security enabled');
select policies_are('aiml', 'content_syncs', array[]::name[], 'content_syncs has exactly its policies');
select col_not_null('aiml', 'content_syncs', 'created_at', 'content_syncs.created_at is not null');
-- content_versions
select has_pk('aiml', 'content_versions', 'content_versions has a primary key');
select columns_are('aiml', 'content_versions', array['id', 'content_type', 'content_id', 'version', 'content_data', 'source', 'source_file', 'checksum', 'created_at']::name[], 'content_versions has the seed''s columns');
select col_type_is('aiml', 'content_versions', 'id', 'bigint', 'content_versions.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.content_versions'::regclass and attname = 'id'), 'a', 'content_versions.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.content_versions'::regclass), 'content_versions has row level security enabled');
select policies_are('aiml', 'content_versions', array[]::name[], 'content_versions has exactly its policies');
select col_not_null('aiml', 'content_versions', 'created_at', 'content_versions.created_at is not null');
-- conversation_examples
select has_pk('aiml', 'conversation_examples', 'conversation_examples has a primary key');
select columns_are('aiml', 'conversation_examples', array['id', 'user_query', 'ai_response', 'context', 'use_case_id', 'suggestions', 'quality_score', 'created_at', 'updated_at']::name[], 'conversation_examples has the seed''s columns');
select col_type_is('aiml', 'conversation_examples', 'id', 'bigint', 'conversation_examples.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.conversation_examples'::regclass and attname = 'id'), 'a', 'conversation_examples.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.conversation_examples'::regclass), 'conversation_examples has row level security enabled');
select policies_are('aiml', 'conversation_examples', array[]::name[], 'conversation_examples has exactly its policies');
select col_not_null('aiml', 'conversation_examples', 'created_at', 'conversation_examples.created_at is not null');
-- customer_segments
select has_pk('aiml', 'customer_segments', 'customer_segments has a primary key');
select columns_are('aiml', 'customer_segments', array['id', 'segment_id', 'name', 'criteria', 'characteristics', 'created_at', 'updated_at']::name[], 'customer_segments has the seed''s columns');
select col_type_is('aiml', 'customer_segments', 'id', 'bigint', 'customer_segments.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.customer_segments'::regclass and attname = 'id'), 'a', 'customer_segments.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.customer_segments'::regclass), 'customer_segments has row level security enabled');
select policies_are('aiml', 'customer_segments', array[]::name[], 'customer_segments has exactly its policies');
select col_not_null('aiml', 'customer_segments', 'created_at', 'customer_segments.created_at is not null');
-- customers
select has_pk('aiml', 'customers', 'customers has a primary key');
select columns_are('aiml', 'customers', array['id', 'customer_id', 'email', 'total_orders', 'total_spent', 'churn_probability', 'segment_id', 'created_at', 'updated_at']::name[], 'customers has the seed''s columns');
select col_type_is('aiml', 'customers', 'id', 'bigint', 'customers.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.customers'::regclass and attname = 'id'), 'a', 'customers.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.customers'::regclass), 'customers has row level security enabled');
select policies_are('aiml', 'customers', array[]::name[], 'customers has exactly its policies');
select col_not_null('aiml', 'customers', 'created_at', 'customers.created_at is not null');
-- devlab_analyses
select has_pk('aiml', 'devlab_analyses', 'devlab_analyses has a primary key');
select columns_are('aiml', 'devlab_analyses', array['id', 'project_id', 'analysis_type', 'findings', 'severity', 'suggestions', 'model_version', 'created_at', 'updated_at']::name[], 'devlab_analyses has the seed''s columns');
select col_type_is('aiml', 'devlab_analyses', 'id', 'bigint', 'devlab_analyses.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.devlab_analyses'::regclass and attname = 'id'), 'a', 'devlab_analyses.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.devlab_analyses'::regclass), 'devlab_analyses has row level security enabled');
select policies_are('aiml', 'devlab_analyses', array['devlab_analyses: project owner can select']::name[], 'devlab_analyses has exactly its policies');
select col_not_null('aiml', 'devlab_analyses', 'created_at', 'devlab_analyses.created_at is not null');
-- devlab_executions
select has_pk('aiml', 'devlab_executions', 'devlab_executions has a primary key');
select columns_are('aiml', 'devlab_executions', array['id', 'project_id', 'language', 'code', 'status', 'output', 'error', 'execution_time_ms', 'container_id', 'security_scan_result', 'memory_limit_mb', 'cpu_limit', 'time_limit_ms', 'memory_used_mb', 'cpu_time_ms', 'created_at', 'updated_at']::name[], 'devlab_executions has the seed''s columns');
select col_type_is('aiml', 'devlab_executions', 'id', 'bigint', 'devlab_executions.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.devlab_executions'::regclass and attname = 'id'), 'a', 'devlab_executions.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.devlab_executions'::regclass), 'devlab_executions has row level security enabled');
select policies_are('aiml', 'devlab_executions', array['devlab_executions: project owner can select', 'devlab_executions: project owner can insert']::name[], 'devlab_executions has exactly its policies');
select col_not_null('aiml', 'devlab_executions', 'created_at', 'devlab_executions.created_at is not null');
-- devlab_files
select has_pk('aiml', 'devlab_files', 'devlab_files has a primary key');
select columns_are('aiml', 'devlab_files', array['id', 'project_id', 'file_path', 'file_name', 'content', 'language', 'file_type', 'created_at', 'updated_at']::name[], 'devlab_files has the seed''s columns');
select col_type_is('aiml', 'devlab_files', 'id', 'bigint', 'devlab_files.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.devlab_files'::regclass and attname = 'id'), 'a', 'devlab_files.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.devlab_files'::regclass), 'devlab_files has row level security enabled');
select policies_are('aiml', 'devlab_files', array['devlab_files: project owner can select', 'devlab_files: project owner can insert', 'devlab_files: project owner can update', 'devlab_files: project owner can delete']::name[], 'devlab_files has exactly its policies');
select col_not_null('aiml', 'devlab_files', 'created_at', 'devlab_files.created_at is not null');
-- devlab_insights
select has_pk('aiml', 'devlab_insights', 'devlab_insights has a primary key');
select columns_are('aiml', 'devlab_insights', array['id', 'project_id', 'insight_type', 'title', 'description', 'confidence', 'action', 'priority', 'created_at', 'updated_at']::name[], 'devlab_insights has the seed''s columns');
select col_type_is('aiml', 'devlab_insights', 'id', 'bigint', 'devlab_insights.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.devlab_insights'::regclass and attname = 'id'), 'a', 'devlab_insights.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.devlab_insights'::regclass), 'devlab_insights has row level security enabled');
select policies_are('aiml', 'devlab_insights', array['devlab_insights: project owner can select']::name[], 'devlab_insights has exactly its policies');
select col_not_null('aiml', 'devlab_insights', 'created_at', 'devlab_insights.created_at is not null');
-- devlab_projects
select has_pk('aiml', 'devlab_projects', 'devlab_projects has a primary key');
select columns_are('aiml', 'devlab_projects', array['id', 'project_id', 'name', 'language', 'user_id', 'environment', 'metadata', 'marked_for_deletion_at', 'created_at', 'updated_at']::name[], 'devlab_projects has the seed''s columns');
select col_type_is('aiml', 'devlab_projects', 'id', 'bigint', 'devlab_projects.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.devlab_projects'::regclass and attname = 'id'), 'a', 'devlab_projects.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.devlab_projects'::regclass), 'devlab_projects has row level security enabled');
select policies_are('aiml', 'devlab_projects', array['devlab_projects: owner can select', 'devlab_projects: owner can insert', 'devlab_projects: owner can update', 'devlab_projects: owner can delete']::name[], 'devlab_projects has exactly its policies');
select col_not_null('aiml', 'devlab_projects', 'created_at', 'devlab_projects.created_at is not null');
-- devlab_tests
select has_pk('aiml', 'devlab_tests', 'devlab_tests has a primary key');
select columns_are('aiml', 'devlab_tests', array['id', 'project_id', 'test_name', 'test_type', 'framework', 'test_code', 'status', 'coverage_percentage', 'generated_by_ai', 'created_at', 'updated_at']::name[], 'devlab_tests has the seed''s columns');
select col_type_is('aiml', 'devlab_tests', 'id', 'bigint', 'devlab_tests.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.devlab_tests'::regclass and attname = 'id'), 'a', 'devlab_tests.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.devlab_tests'::regclass), 'devlab_tests has row level security enabled');
select policies_are('aiml', 'devlab_tests', array['devlab_tests: project owner can select', 'devlab_tests: project owner can insert', 'devlab_tests: project owner can update', 'devlab_tests: project owner can delete']::name[], 'devlab_tests has exactly its policies');
select col_not_null('aiml', 'devlab_tests', 'created_at', 'devlab_tests.created_at is not null');
-- devlab_vulnerabilities
select has_pk('aiml', 'devlab_vulnerabilities', 'devlab_vulnerabilities has a primary key');
select columns_are('aiml', 'devlab_vulnerabilities', array['id', 'project_id', 'vulnerability_type', 'severity', 'description', 'code_location', 'cve_id', 'fix_suggestion', 'created_at', 'updated_at']::name[], 'devlab_vulnerabilities has the seed''s columns');
select col_type_is('aiml', 'devlab_vulnerabilities', 'id', 'bigint', 'devlab_vulnerabilities.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.devlab_vulnerabilities'::regclass and attname = 'id'), 'a', 'devlab_vulnerabilities.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.devlab_vulnerabilities'::regclass), 'devlab_vulnerabilities has row level security enabled');
select policies_are('aiml', 'devlab_vulnerabilities', array['devlab_vulnerabilities: project owner can select']::name[], 'devlab_vulnerabilities has exactly its policies');
select col_not_null('aiml', 'devlab_vulnerabilities', 'created_at', 'devlab_vulnerabilities.created_at is not null');
-- discovery_tool_executions
select has_pk('aiml', 'discovery_tool_executions', 'discovery_tool_executions has a primary key');
select columns_are('aiml', 'discovery_tool_executions', array['id', 'tool_id', 'user_id', 'input_data', 'output_data', 'visualization_data', 'surprise_result', 'created_at']::name[], 'discovery_tool_executions has the seed''s columns');
select col_type_is('aiml', 'discovery_tool_executions', 'id', 'bigint', 'discovery_tool_executions.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.discovery_tool_executions'::regclass and attname = 'id'), 'a', 'discovery_tool_executions.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.discovery_tool_executions'::regclass), 'discovery_tool_executions has row level security enabled');
select policies_are('aiml', 'discovery_tool_executions', array['discovery_tool_executions: owner can select', 'discovery_tool_executions: owner can insert']::name[], 'discovery_tool_executions has exactly its policies');
select col_not_null('aiml', 'discovery_tool_executions', 'created_at', 'discovery_tool_executions.created_at is not null');
-- discovery_tools
select has_pk('aiml', 'discovery_tools', 'discovery_tools has a primary key');
select columns_are('aiml', 'discovery_tools', array['id', 'tool_id', 'name', 'icon', 'description', 'category', 'interaction_type', 'model_prompt_template', 'visualization_type', 'surprise_type', 'created_at', 'updated_at']::name[], 'discovery_tools has the seed''s columns');
select col_type_is('aiml', 'discovery_tools', 'id', 'bigint', 'discovery_tools.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.discovery_tools'::regclass and attname = 'id'), 'a', 'discovery_tools.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.discovery_tools'::regclass), 'discovery_tools has row level security enabled');
select policies_are('aiml', 'discovery_tools', array['discovery_tools: anyone can read']::name[], 'discovery_tools has exactly its policies');
select col_not_null('aiml', 'discovery_tools', 'created_at', 'discovery_tools.created_at is not null');
-- industries
select has_pk('aiml', 'industries', 'industries has a primary key');
select columns_are('aiml', 'industries', array['id', 'industry_id', 'name', 'icon', 'description', 'created_at', 'updated_at']::name[], 'industries has the seed''s columns');
select col_type_is('aiml', 'industries', 'id', 'bigint', 'industries.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.industries'::regclass and attname = 'id'), 'a', 'industries.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.industries'::regclass), 'industries has row level security enabled');
select policies_are('aiml', 'industries', array['industries: anyone can read']::name[], 'industries has exactly its policies');
select col_not_null('aiml', 'industries', 'created_at', 'industries.created_at is not null');
-- inventory
select has_pk('aiml', 'inventory', 'inventory has a primary key');
select columns_are('aiml', 'inventory', array['id', 'product_id', 'current_stock', 'reorder_point', 'reorder_quantity', 'created_at', 'updated_at']::name[], 'inventory has the seed''s columns');
select col_type_is('aiml', 'inventory', 'id', 'bigint', 'inventory.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.inventory'::regclass and attname = 'id'), 'a', 'inventory.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.inventory'::regclass), 'inventory has row level security enabled');
select policies_are('aiml', 'inventory', array['inventory: anyone can read']::name[], 'inventory has exactly its policies');
select col_not_null('aiml', 'inventory', 'created_at', 'inventory.created_at is not null');
-- inventory_movements
select has_pk('aiml', 'inventory_movements', 'inventory_movements has a primary key');
select columns_are('aiml', 'inventory_movements', array['id', 'product_id', 'movement_type', 'quantity', 'reference_id', 'stock_after', 'created_at']::name[], 'inventory_movements has the seed''s columns');
select col_type_is('aiml', 'inventory_movements', 'id', 'bigint', 'inventory_movements.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.inventory_movements'::regclass and attname = 'id'), 'a', 'inventory_movements.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.inventory_movements'::regclass), 'inventory_movements has row level security enabled');
select policies_are('aiml', 'inventory_movements', array[]::name[], 'inventory_movements has exactly its policies');
select col_not_null('aiml', 'inventory_movements', 'created_at', 'inventory_movements.created_at is not null');
-- model_deployments
select has_pk('aiml', 'model_deployments', 'model_deployments has a primary key');
select columns_are('aiml', 'model_deployments', array['id', 'model_version_id', 'environment', 'endpoint_url', 'deployment_status', 'created_at', 'updated_at']::name[], 'model_deployments has the seed''s columns');
select col_type_is('aiml', 'model_deployments', 'id', 'bigint', 'model_deployments.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.model_deployments'::regclass and attname = 'id'), 'a', 'model_deployments.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.model_deployments'::regclass), 'model_deployments has row level security enabled');
select policies_are('aiml', 'model_deployments', array[]::name[], 'model_deployments has exactly its policies');
select col_not_null('aiml', 'model_deployments', 'created_at', 'model_deployments.created_at is not null');
-- model_metrics
select has_pk('aiml', 'model_metrics', 'model_metrics has a primary key');
select columns_are('aiml', 'model_metrics', array['id', 'model_version_id', 'metric_type', 'metric_name', 'metric_value', 'dataset_type', 'created_at']::name[], 'model_metrics has the seed''s columns');
select col_type_is('aiml', 'model_metrics', 'id', 'bigint', 'model_metrics.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.model_metrics'::regclass and attname = 'id'), 'a', 'model_metrics.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.model_metrics'::regclass), 'model_metrics has row level security enabled');
select policies_are('aiml', 'model_metrics', array['model_metrics: signed-in users can read']::name[], 'model_metrics has exactly its policies');
select col_not_null('aiml', 'model_metrics', 'created_at', 'model_metrics.created_at is not null');
-- model_versions
select has_pk('aiml', 'model_versions', 'model_versions has a primary key');
select columns_are('aiml', 'model_versions', array['id', 'model_name', 'version', 'model_type', 'training_strategy', 'file_path', 'base_model', 'external_service', 'is_active', 'created_at', 'updated_at']::name[], 'model_versions has the seed''s columns');
select col_type_is('aiml', 'model_versions', 'id', 'bigint', 'model_versions.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.model_versions'::regclass and attname = 'id'), 'a', 'model_versions.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.model_versions'::regclass), 'model_versions has row level security enabled');
select policies_are('aiml', 'model_versions', array['model_versions: signed-in users can read']::name[], 'model_versions has exactly its policies');
select col_not_null('aiml', 'model_versions', 'created_at', 'model_versions.created_at is not null');
-- order_items
select has_pk('aiml', 'order_items', 'order_items has a primary key');
select columns_are('aiml', 'order_items', array['id', 'order_id', 'product_id', 'quantity', 'unit_price', 'line_total', 'created_at', 'updated_at']::name[], 'order_items has the seed''s columns');
select col_type_is('aiml', 'order_items', 'id', 'bigint', 'order_items.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.order_items'::regclass and attname = 'id'), 'a', 'order_items.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.order_items'::regclass), 'order_items has row level security enabled');
select policies_are('aiml', 'order_items', array[]::name[], 'order_items has exactly its policies');
select col_not_null('aiml', 'order_items', 'created_at', 'order_items.created_at is not null');
-- orders
select has_pk('aiml', 'orders', 'orders has a primary key');
select columns_are('aiml', 'orders', array['id', 'order_id', 'customer_id', 'status', 'total', 'shipping_address', 'created_at', 'updated_at']::name[], 'orders has the seed''s columns');
select col_type_is('aiml', 'orders', 'id', 'bigint', 'orders.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.orders'::regclass and attname = 'id'), 'a', 'orders.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.orders'::regclass), 'orders has row level security enabled');
select policies_are('aiml', 'orders', array[]::name[], 'orders has exactly its policies');
select col_not_null('aiml', 'orders', 'created_at', 'orders.created_at is not null');
-- product_categories
select has_pk('aiml', 'product_categories', 'product_categories has a primary key');
select columns_are('aiml', 'product_categories', array['id', 'category_id', 'name', 'parent_category_id', 'created_at', 'updated_at']::name[], 'product_categories has the seed''s columns');
select col_type_is('aiml', 'product_categories', 'id', 'bigint', 'product_categories.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.product_categories'::regclass and attname = 'id'), 'a', 'product_categories.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.product_categories'::regclass), 'product_categories has row level security enabled');
select policies_are('aiml', 'product_categories', array['product_categories: anyone can read']::name[], 'product_categories has exactly its policies');
select col_not_null('aiml', 'product_categories', 'created_at', 'product_categories.created_at is not null');
-- product_variants
select has_pk('aiml', 'product_variants', 'product_variants has a primary key');
select columns_are('aiml', 'product_variants', array['id', 'variant_id', 'product_id', 'attributes', 'price', 'created_at', 'updated_at']::name[], 'product_variants has the seed''s columns');
select col_type_is('aiml', 'product_variants', 'id', 'bigint', 'product_variants.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.product_variants'::regclass and attname = 'id'), 'a', 'product_variants.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.product_variants'::regclass), 'product_variants has row level security enabled');
select policies_are('aiml', 'product_variants', array['product_variants: anyone can read']::name[], 'product_variants has exactly its policies');
select col_not_null('aiml', 'product_variants', 'created_at', 'product_variants.created_at is not null');
-- products
select has_pk('aiml', 'products', 'products has a primary key');
select columns_are('aiml', 'products', array['id', 'product_id', 'sku', 'name', 'description', 'price', 'category_id', 'embedding', 'visual_embedding', 'created_at', 'updated_at']::name[], 'products has the seed''s columns');
select col_type_is('aiml', 'products', 'id', 'bigint', 'products.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.products'::regclass and attname = 'id'), 'a', 'products.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.products'::regclass), 'products has row level security enabled');
select policies_are('aiml', 'products', array['products: anyone can read']::name[], 'products has exactly its policies');
select col_not_null('aiml', 'products', 'created_at', 'products.created_at is not null');
-- simulation_examples
select has_pk('aiml', 'simulation_examples', 'simulation_examples has a primary key');
select columns_are('aiml', 'simulation_examples', array['id', 'solution_id', 'scenario_id', 'input_data', 'expected_output', 'pipeline_steps', 'business_impact', 'created_at', 'updated_at']::name[], 'simulation_examples has the seed''s columns');
select col_type_is('aiml', 'simulation_examples', 'id', 'bigint', 'simulation_examples.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.simulation_examples'::regclass and attname = 'id'), 'a', 'simulation_examples.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.simulation_examples'::regclass), 'simulation_examples has row level security enabled');
select policies_are('aiml', 'simulation_examples', array[]::name[], 'simulation_examples has exactly its policies');
select col_not_null('aiml', 'simulation_examples', 'created_at', 'simulation_examples.created_at is not null');
-- training_datasets
select has_pk('aiml', 'training_datasets', 'training_datasets has a primary key');
select columns_are('aiml', 'training_datasets', array['id', 'name', 'version', 'dataset_type', 'use_case_ids', 'data_snapshot', 'data_source', 'record_count', 'created_at', 'updated_at']::name[], 'training_datasets has the seed''s columns');
select col_type_is('aiml', 'training_datasets', 'id', 'bigint', 'training_datasets.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.training_datasets'::regclass and attname = 'id'), 'a', 'training_datasets.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.training_datasets'::regclass), 'training_datasets has row level security enabled');
select policies_are('aiml', 'training_datasets', array[]::name[], 'training_datasets has exactly its policies');
select col_not_null('aiml', 'training_datasets', 'created_at', 'training_datasets.created_at is not null');
-- transactions
select has_pk('aiml', 'transactions', 'transactions has a primary key');
select columns_are('aiml', 'transactions', array['id', 'transaction_id', 'customer_id', 'amount', 'is_fraud', 'fraud_score', 'device_fingerprint', 'created_at', 'updated_at']::name[], 'transactions has the seed''s columns');
select col_type_is('aiml', 'transactions', 'id', 'bigint', 'transactions.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.transactions'::regclass and attname = 'id'), 'a', 'transactions.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.transactions'::regclass), 'transactions has row level security enabled');
select policies_are('aiml', 'transactions', array[]::name[], 'transactions has exactly its policies');
select col_not_null('aiml', 'transactions', 'created_at', 'transactions.created_at is not null');
-- use_case_categories
select has_pk('aiml', 'use_case_categories', 'use_case_categories has a primary key');
select columns_are('aiml', 'use_case_categories', array['id', 'category_id', 'name', 'icon', 'description', 'display_order', 'created_at', 'updated_at']::name[], 'use_case_categories has the seed''s columns');
select col_type_is('aiml', 'use_case_categories', 'id', 'bigint', 'use_case_categories.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.use_case_categories'::regclass and attname = 'id'), 'a', 'use_case_categories.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.use_case_categories'::regclass), 'use_case_categories has row level security enabled');
select policies_are('aiml', 'use_case_categories', array['use_case_categories: anyone can read']::name[], 'use_case_categories has exactly its policies');
select col_not_null('aiml', 'use_case_categories', 'created_at', 'use_case_categories.created_at is not null');
-- use_case_executions
select has_pk('aiml', 'use_case_executions', 'use_case_executions has a primary key');
select columns_are('aiml', 'use_case_executions', array['id', 'use_case_id', 'user_id', 'input_data', 'output_data', 'confidence', 'latency_ms', 'model_version', 'created_at']::name[], 'use_case_executions has the seed''s columns');
select col_type_is('aiml', 'use_case_executions', 'id', 'bigint', 'use_case_executions.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.use_case_executions'::regclass and attname = 'id'), 'a', 'use_case_executions.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.use_case_executions'::regclass), 'use_case_executions has row level security enabled');
select policies_are('aiml', 'use_case_executions', array['use_case_executions: owner can select', 'use_case_executions: owner can insert']::name[], 'use_case_executions has exactly its policies');
select col_not_null('aiml', 'use_case_executions', 'created_at', 'use_case_executions.created_at is not null');
-- use_cases
select has_pk('aiml', 'use_cases', 'use_cases has a primary key');
select columns_are('aiml', 'use_cases', array['id', 'use_case_id', 'display_name', 'industry_id', 'category_id', 'descriptions', 'keywords', 'tips', 'theory_content', 'is_dynamic', 'api_endpoint', 'created_at', 'updated_at']::name[], 'use_cases has the seed''s columns');
select col_type_is('aiml', 'use_cases', 'id', 'bigint', 'use_cases.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.use_cases'::regclass and attname = 'id'), 'a', 'use_cases.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.use_cases'::regclass), 'use_cases has row level security enabled');
select policies_are('aiml', 'use_cases', array['use_cases: anyone can read']::name[], 'use_cases has exactly its policies');
select col_not_null('aiml', 'use_cases', 'created_at', 'use_cases.created_at is not null');
-- users
select has_pk('aiml', 'users', 'users has a primary key');
select columns_are('aiml', 'users', array['id', 'auth_user_id', 'email', 'username', 'is_active', 'preferences', 'created_at', 'updated_at']::name[], 'users has the seed''s columns');
select col_type_is('aiml', 'users', 'id', 'bigint', 'users.id is bigint');
select is((select attidentity::text from pg_attribute where attrelid = 'aiml.users'::regclass and attname = 'id'), 'a', 'users.id is generated always as identity');
select ok((select relrowsecurity from pg_class where oid = 'aiml.users'::regclass), 'users has row level security enabled');
select policies_are('aiml', 'users', array['users: owner can select', 'users: owner can insert', 'users: owner can update']::name[], 'users has exactly its policies');
select col_not_null('aiml', 'users', 'created_at', 'users.created_at is not null');
-- foreign keys and their on delete
select fk_ok('aiml', 'users', 'auth_user_id', 'auth', 'users', 'id', 'users.auth_user_id references auth.users.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.users'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.users'::regclass and attname = 'auth_user_id')]), 'c', 'users.auth_user_id is on delete cascade');
select fk_ok('aiml', 'use_cases', 'industry_id', 'aiml', 'industries', 'id', 'use_cases.industry_id references aiml.industries.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.use_cases'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.use_cases'::regclass and attname = 'industry_id')]), 'r', 'use_cases.industry_id is on delete restrict');
select fk_ok('aiml', 'use_cases', 'category_id', 'aiml', 'use_case_categories', 'id', 'use_cases.category_id references aiml.use_case_categories.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.use_cases'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.use_cases'::regclass and attname = 'category_id')]), 'r', 'use_cases.category_id is on delete restrict');
select fk_ok('aiml', 'use_case_executions', 'use_case_id', 'aiml', 'use_cases', 'id', 'use_case_executions.use_case_id references aiml.use_cases.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.use_case_executions'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.use_case_executions'::regclass and attname = 'use_case_id')]), 'c', 'use_case_executions.use_case_id is on delete cascade');
select fk_ok('aiml', 'use_case_executions', 'user_id', 'aiml', 'users', 'id', 'use_case_executions.user_id references aiml.users.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.use_case_executions'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.use_case_executions'::regclass and attname = 'user_id')]), 'c', 'use_case_executions.user_id is on delete cascade');
select fk_ok('aiml', 'discovery_tool_executions', 'tool_id', 'aiml', 'discovery_tools', 'id', 'discovery_tool_executions.tool_id references aiml.discovery_tools.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.discovery_tool_executions'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.discovery_tool_executions'::regclass and attname = 'tool_id')]), 'c', 'discovery_tool_executions.tool_id is on delete cascade');
select fk_ok('aiml', 'discovery_tool_executions', 'user_id', 'aiml', 'users', 'id', 'discovery_tool_executions.user_id references aiml.users.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.discovery_tool_executions'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.discovery_tool_executions'::regclass and attname = 'user_id')]), 'c', 'discovery_tool_executions.user_id is on delete cascade');
select fk_ok('aiml', 'product_categories', 'parent_category_id', 'aiml', 'product_categories', 'id', 'product_categories.parent_category_id references aiml.product_categories.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.product_categories'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.product_categories'::regclass and attname = 'parent_category_id')]), 'n', 'product_categories.parent_category_id is on delete set null');
select fk_ok('aiml', 'products', 'category_id', 'aiml', 'product_categories', 'id', 'products.category_id references aiml.product_categories.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.products'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.products'::regclass and attname = 'category_id')]), 'n', 'products.category_id is on delete set null');
select fk_ok('aiml', 'product_variants', 'product_id', 'aiml', 'products', 'id', 'product_variants.product_id references aiml.products.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.product_variants'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.product_variants'::regclass and attname = 'product_id')]), 'c', 'product_variants.product_id is on delete cascade');
select fk_ok('aiml', 'customers', 'segment_id', 'aiml', 'customer_segments', 'id', 'customers.segment_id references aiml.customer_segments.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.customers'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.customers'::regclass and attname = 'segment_id')]), 'n', 'customers.segment_id is on delete set null');
select fk_ok('aiml', 'orders', 'customer_id', 'aiml', 'customers', 'id', 'orders.customer_id references aiml.customers.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.orders'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.orders'::regclass and attname = 'customer_id')]), 'n', 'orders.customer_id is on delete set null');
select fk_ok('aiml', 'order_items', 'order_id', 'aiml', 'orders', 'id', 'order_items.order_id references aiml.orders.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.order_items'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.order_items'::regclass and attname = 'order_id')]), 'c', 'order_items.order_id is on delete cascade');
select fk_ok('aiml', 'order_items', 'product_id', 'aiml', 'products', 'id', 'order_items.product_id references aiml.products.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.order_items'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.order_items'::regclass and attname = 'product_id')]), 'r', 'order_items.product_id is on delete restrict');
select fk_ok('aiml', 'transactions', 'customer_id', 'aiml', 'customers', 'id', 'transactions.customer_id references aiml.customers.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.transactions'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.transactions'::regclass and attname = 'customer_id')]), 'n', 'transactions.customer_id is on delete set null');
select fk_ok('aiml', 'inventory', 'product_id', 'aiml', 'products', 'id', 'inventory.product_id references aiml.products.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.inventory'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.inventory'::regclass and attname = 'product_id')]), 'c', 'inventory.product_id is on delete cascade');
select fk_ok('aiml', 'inventory_movements', 'product_id', 'aiml', 'products', 'id', 'inventory_movements.product_id references aiml.products.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.inventory_movements'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.inventory_movements'::regclass and attname = 'product_id')]), 'c', 'inventory_movements.product_id is on delete cascade');
select fk_ok('aiml', 'analytics_events', 'user_id', 'aiml', 'users', 'id', 'analytics_events.user_id references aiml.users.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.analytics_events'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.analytics_events'::regclass and attname = 'user_id')]), 'n', 'analytics_events.user_id is on delete set null');
select fk_ok('aiml', 'ab_test_results', 'test_id', 'aiml', 'ab_tests', 'id', 'ab_test_results.test_id references aiml.ab_tests.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.ab_test_results'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.ab_test_results'::regclass and attname = 'test_id')]), 'c', 'ab_test_results.test_id is on delete cascade');
select fk_ok('aiml', 'content_chunks', 'use_case_id', 'aiml', 'use_cases', 'id', 'content_chunks.use_case_id references aiml.use_cases.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.content_chunks'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.content_chunks'::regclass and attname = 'use_case_id')]), 'c', 'content_chunks.use_case_id is on delete cascade');
select fk_ok('aiml', 'content_chunks', 'discovery_tool_id', 'aiml', 'discovery_tools', 'id', 'content_chunks.discovery_tool_id references aiml.discovery_tools.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.content_chunks'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.content_chunks'::regclass and attname = 'discovery_tool_id')]), 'c', 'content_chunks.discovery_tool_id is on delete cascade');
select fk_ok('aiml', 'conversation_examples', 'use_case_id', 'aiml', 'use_cases', 'id', 'conversation_examples.use_case_id references aiml.use_cases.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.conversation_examples'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.conversation_examples'::regclass and attname = 'use_case_id')]), 'n', 'conversation_examples.use_case_id is on delete set null');
select fk_ok('aiml', 'model_metrics', 'model_version_id', 'aiml', 'model_versions', 'id', 'model_metrics.model_version_id references aiml.model_versions.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.model_metrics'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.model_metrics'::regclass and attname = 'model_version_id')]), 'c', 'model_metrics.model_version_id is on delete cascade');
select fk_ok('aiml', 'model_deployments', 'model_version_id', 'aiml', 'model_versions', 'id', 'model_deployments.model_version_id references aiml.model_versions.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.model_deployments'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.model_deployments'::regclass and attname = 'model_version_id')]), 'r', 'model_deployments.model_version_id is on delete restrict');
select fk_ok('aiml', 'devlab_projects', 'user_id', 'aiml', 'users', 'id', 'devlab_projects.user_id references aiml.users.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.devlab_projects'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.devlab_projects'::regclass and attname = 'user_id')]), 'c', 'devlab_projects.user_id is on delete cascade');
select fk_ok('aiml', 'devlab_files', 'project_id', 'aiml', 'devlab_projects', 'id', 'devlab_files.project_id references aiml.devlab_projects.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.devlab_files'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.devlab_files'::regclass and attname = 'project_id')]), 'c', 'devlab_files.project_id is on delete cascade');
select fk_ok('aiml', 'devlab_executions', 'project_id', 'aiml', 'devlab_projects', 'id', 'devlab_executions.project_id references aiml.devlab_projects.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.devlab_executions'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.devlab_executions'::regclass and attname = 'project_id')]), 'c', 'devlab_executions.project_id is on delete cascade');
select fk_ok('aiml', 'devlab_analyses', 'project_id', 'aiml', 'devlab_projects', 'id', 'devlab_analyses.project_id references aiml.devlab_projects.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.devlab_analyses'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.devlab_analyses'::regclass and attname = 'project_id')]), 'c', 'devlab_analyses.project_id is on delete cascade');
select fk_ok('aiml', 'devlab_tests', 'project_id', 'aiml', 'devlab_projects', 'id', 'devlab_tests.project_id references aiml.devlab_projects.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.devlab_tests'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.devlab_tests'::regclass and attname = 'project_id')]), 'c', 'devlab_tests.project_id is on delete cascade');
select fk_ok('aiml', 'devlab_vulnerabilities', 'project_id', 'aiml', 'devlab_projects', 'id', 'devlab_vulnerabilities.project_id references aiml.devlab_projects.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.devlab_vulnerabilities'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.devlab_vulnerabilities'::regclass and attname = 'project_id')]), 'c', 'devlab_vulnerabilities.project_id is on delete cascade');
select fk_ok('aiml', 'devlab_insights', 'project_id', 'aiml', 'devlab_projects', 'id', 'devlab_insights.project_id references aiml.devlab_projects.id');
select is((select confdeltype::text from pg_constraint where conrelid = 'aiml.devlab_insights'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'aiml.devlab_insights'::regclass and attname = 'project_id')]), 'c', 'devlab_insights.project_id is on delete cascade');
select is(
    (
        select count(*)::int
        from pg_constraint as c
        where
            c.contype = 'f'
            and c.connamespace = 'aiml'::regnamespace
            and not exists (
                select 1 from pg_index as i
                where
                    i.indrelid = c.conrelid
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey
            )
    ),
    0,
    'every aiml foreign key has an index leading with its columns');
select is((select count(*)::int from pg_constraint where contype = 'f' and connamespace = 'aiml'::regnamespace), 31, 'aiml has exactly the 31 foreign keys checked above');
-- vector columns and indexes
select col_type_is('aiml', 'products', 'embedding', 'extensions', 'vector(1536)', 'products.embedding is extensions.vector(1536)');
select is((select am.amname::text as amname from pg_index as i inner join pg_class as ic on i.indexrelid = ic.oid inner join pg_am as am on ic.relam = am.oid inner join pg_attribute as a on i.indrelid = a.attrelid and i.indkey[0] = a.attnum where i.indrelid = 'aiml.products'::regclass and a.attname = 'embedding'), 'hnsw', 'products.embedding has an HNSW index');
select col_type_is('aiml', 'products', 'visual_embedding', 'extensions', 'vector(1536)', 'products.visual_embedding is extensions.vector(1536)');
select is((select am.amname::text as amname from pg_index as i inner join pg_class as ic on i.indexrelid = ic.oid inner join pg_am as am on ic.relam = am.oid inner join pg_attribute as a on i.indrelid = a.attrelid and i.indkey[0] = a.attnum where i.indrelid = 'aiml.products'::regclass and a.attname = 'visual_embedding'), 'hnsw', 'products.visual_embedding has an HNSW index');
select col_type_is('aiml', 'content_chunks', 'embedding', 'extensions', 'vector(1536)', 'content_chunks.embedding is extensions.vector(1536)');
select is((select am.amname::text as amname from pg_index as i inner join pg_class as ic on i.indexrelid = ic.oid inner join pg_am as am on ic.relam = am.oid inner join pg_attribute as a on i.indrelid = a.attrelid and i.indkey[0] = a.attnum where i.indrelid = 'aiml.content_chunks'::regclass and a.attname = 'embedding'), 'hnsw', 'content_chunks.embedding has an HNSW index');
select col_type_is('aiml', 'code_examples', 'embedding', 'extensions', 'vector(1536)', 'code_examples.embedding is extensions.vector(1536)');
select is((select am.amname::text as amname from pg_index as i inner join pg_class as ic on i.indexrelid = ic.oid inner join pg_am as am on ic.relam = am.oid inner join pg_attribute as a on i.indrelid = a.attrelid and i.indkey[0] = a.attnum where i.indrelid = 'aiml.code_examples'::regclass and a.attname = 'embedding'), 'hnsw', 'code_examples.embedding has an HNSW index');
-- the seed's critical indexes
select has_index('aiml', 'use_cases', 'use_cases_use_case_id_key', array['use_case_id']::name[], 'use_cases has index use_cases_use_case_id_key on (use_case_id)');
select has_index('aiml', 'use_case_executions', 'idx_use_case_executions_use_case_id_created_at', array['use_case_id', 'created_at']::name[], 'use_case_executions has index idx_use_case_executions_use_case_id_created_at on (use_case_id, created_at)');
select has_index('aiml', 'content_chunks', 'idx_content_chunks_content_type_use_case_id', array['content_type', 'use_case_id']::name[], 'content_chunks has index idx_content_chunks_content_type_use_case_id on (content_type, use_case_id)');
select has_index('aiml', 'devlab_executions', 'idx_devlab_executions_status_created_at', array['status', 'created_at']::name[], 'devlab_executions has index idx_devlab_executions_status_created_at on (status, created_at)');
select has_index('aiml', 'model_versions', 'idx_model_versions_model_type_is_active', array['model_type', 'is_active']::name[], 'model_versions has index idx_model_versions_model_type_is_active on (model_type, is_active)');
select has_index('aiml', 'discovery_tools', 'idx_discovery_tools_category', array['category']::name[], 'discovery_tools has index idx_discovery_tools_category on (category)');
select index_is_unique('aiml', 'use_cases', 'use_cases_use_case_id_key', 'use_cases.use_case_id is unique');
select is(
    (select count(*)::int from (
        select
            indrelid,
            indkey::text as key_columns,
            coalesce(pg_get_expr(indexprs, indrelid), '') as expressions,
            coalesce(pg_get_expr(indpred, indrelid), '') as predicate
        from pg_index where indrelid in (select oid from pg_class where relnamespace = 'aiml'::regnamespace)
        group by 1, 2, 3, 4 having count(*) > 1) as d),
    0,
    'aiml has no duplicate indexes');
-- statistics settings (n_distinct overrides for the per-user lists left to RLS, BENCHMARKS.md P2)
select is(
    (select attoptions from pg_attribute where attrelid = 'aiml.use_case_executions'::regclass and attname = 'user_id'),
    array['n_distinct=100'],
    'aiml.use_case_executions.user_id has the n_distinct = 100 statistics setting');
select is(
    (select attoptions from pg_attribute where attrelid = 'aiml.analytics_events'::regclass and attname = 'user_id'),
    array['n_distinct=100'],
    'aiml.analytics_events.user_id has the n_distinct = 100 statistics setting');
select is(
    (select array_agg(s.setting order by s.setting)
     from (select format('%s.%s %s', a.attrelid::regclass, a.attname::text, array_to_string(a.attoptions, ',')) collate "C" as setting
           from pg_attribute as a join pg_class as c on c.oid = a.attrelid
           where c.relnamespace = 'aiml'::regnamespace and a.attoptions is not null) as s),
    array['aiml.analytics_events.user_id n_distinct=100', 'aiml.use_case_executions.user_id n_distinct=100'],
    'aiml has exactly the expected column statistics settings');
-- functions
select has_function('aiml', 'search_content_chunks', array['extensions.vector', 'integer', 'text', 'text']::name[], 'aiml.search_content_chunks exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml'::regnamespace and proname = 'search_content_chunks'), false, 'aiml.search_content_chunks is security invoker');
select ok(
    (select 'hnsw.iterative_scan=relaxed_order' = any(proconfig) from pg_proc where oid = 'aiml.search_content_chunks(extensions.vector, integer, text, text)'::regprocedure),
    'aiml.search_content_chunks runs with hnsw.iterative_scan = relaxed_order (a filtered search still returns up to p_match_count rows)');
select ok(
    (select string_to_array(split_part(extversion, '-', 1), '.')::integer[] >= array[0, 8] from pg_extension where extname = 'vector'),
    'pgvector is 0.8.0 or later (defines hnsw.iterative_scan)');
select has_function('aiml', 'purge_devlab_code_marked_for_deletion', array['interval']::name[], 'aiml.purge_devlab_code_marked_for_deletion exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml'::regnamespace and proname = 'purge_devlab_code_marked_for_deletion'), false, 'aiml.purge_devlab_code_marked_for_deletion is security invoker');
select has_function('aiml_private', 'current_user_id', array[]::name[], 'aiml_private.current_user_id exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'current_user_id'), true, 'aiml_private.current_user_id is security definer');
select has_function('aiml_private', 'sync_user_email', array[]::name[], 'aiml_private.sync_user_email exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'sync_user_email'), true, 'aiml_private.sync_user_email is security definer');
select has_function('aiml_private', 'set_updated_at', array[]::name[], 'aiml_private.set_updated_at exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'set_updated_at'), false, 'aiml_private.set_updated_at is security invoker');
select has_function('aiml_private', 'check_product_category_cycle', array[]::name[], 'aiml_private.check_product_category_cycle exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'check_product_category_cycle'), false, 'aiml_private.check_product_category_cycle is security invoker');
select has_function('aiml_private', 'guard_inventory_stock', array[]::name[], 'aiml_private.guard_inventory_stock exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'guard_inventory_stock'), false, 'aiml_private.guard_inventory_stock is security invoker');
select has_function('aiml_private', 'apply_inventory_movement', array[]::name[], 'aiml_private.apply_inventory_movement exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'apply_inventory_movement'), false, 'aiml_private.apply_inventory_movement is security invoker');
select has_function('aiml_private', 'forbid_inventory_movement_change', array[]::name[], 'aiml_private.forbid_inventory_movement_change exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'forbid_inventory_movement_change'), false, 'aiml_private.forbid_inventory_movement_change is security invoker');
select has_function('aiml_private', 'compute_order_total', array[]::name[], 'aiml_private.compute_order_total exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'compute_order_total'), false, 'aiml_private.compute_order_total is security invoker');
select has_function('aiml_private', 'default_order_item_price', array[]::name[], 'aiml_private.default_order_item_price exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'default_order_item_price'), false, 'aiml_private.default_order_item_price is security invoker');
select has_function('aiml_private', 'refresh_order_total', array[]::name[], 'aiml_private.refresh_order_total exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'refresh_order_total'), false, 'aiml_private.refresh_order_total is security invoker');
select has_function('aiml_private', 'traffic_split_is_valid', array['jsonb']::name[], 'aiml_private.traffic_split_is_valid exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'traffic_split_is_valid'), false, 'aiml_private.traffic_split_is_valid is security invoker');
select has_function('aiml_private', 'jsonb_has_pii_keys', array['jsonb']::name[], 'aiml_private.jsonb_has_pii_keys exists');
select is((select bool_or(prosecdef) from pg_proc where pronamespace = 'aiml_private'::regnamespace and proname = 'jsonb_has_pii_keys'), false, 'aiml_private.jsonb_has_pii_keys is security invoker');
select functions_are('aiml', array['search_content_chunks', 'purge_devlab_code_marked_for_deletion'], 'aiml exposes exactly its two functions');
select is(
    (
        select count(*)::int from pg_proc
        where
            pronamespace in ('aiml'::regnamespace, 'aiml_private'::regnamespace)
            and not coalesce(proconfig @> array['search_path=""'], false)
    ),
    0,
    'every aiml function pins search_path to empty');
select is((select count(*)::int from pg_proc where pronamespace = 'aiml'::regnamespace and prosecdef), 0, 'no SECURITY DEFINER function in the exposed schema');
select ok(not has_function_privilege('anon', 'aiml_private.current_user_id()', 'execute'), 'anon cannot execute aiml_private.current_user_id()');
select ok(has_function_privilege('authenticated', 'aiml_private.current_user_id()', 'execute'), 'authenticated can execute aiml_private.current_user_id()');
select ok(has_function_privilege('anon', 'aiml.search_content_chunks(extensions.vector, integer, text, text)', 'execute'), 'anon can execute aiml.search_content_chunks');
select ok(not has_function_privilege('anon', 'aiml.purge_devlab_code_marked_for_deletion(interval)', 'execute'), 'anon cannot execute aiml.purge_devlab_code_marked_for_deletion');
select ok(not has_function_privilege('anon', 'aiml_private.sync_user_email()', 'execute'), 'anon cannot execute aiml_private.sync_user_email()');
select ok(not has_schema_privilege('anon', 'aiml_private', 'usage'), 'anon has no usage on aiml_private');
select ok(not has_schema_privilege('public', 'aiml_private', 'usage'), 'public has no usage on aiml_private');
-- triggers
select has_trigger('aiml', 'ab_test_results', 'set_updated_at', 'ab_test_results has the set_updated_at trigger');
select has_trigger('aiml', 'ab_tests', 'set_updated_at', 'ab_tests has the set_updated_at trigger');
select has_trigger('aiml', 'code_examples', 'set_updated_at', 'code_examples has the set_updated_at trigger');
select has_trigger('aiml', 'content_chunks', 'set_updated_at', 'content_chunks has the set_updated_at trigger');
select has_trigger('aiml', 'content_syncs', 'set_updated_at', 'content_syncs has the set_updated_at trigger');
select has_trigger('aiml', 'conversation_examples', 'set_updated_at', 'conversation_examples has the set_updated_at trigger');
select has_trigger('aiml', 'customer_segments', 'set_updated_at', 'customer_segments has the set_updated_at trigger');
select has_trigger('aiml', 'customers', 'set_updated_at', 'customers has the set_updated_at trigger');
select has_trigger('aiml', 'devlab_analyses', 'set_updated_at', 'devlab_analyses has the set_updated_at trigger');
select has_trigger('aiml', 'devlab_executions', 'set_updated_at', 'devlab_executions has the set_updated_at trigger');
select has_trigger('aiml', 'devlab_files', 'set_updated_at', 'devlab_files has the set_updated_at trigger');
select has_trigger('aiml', 'devlab_insights', 'set_updated_at', 'devlab_insights has the set_updated_at trigger');
select has_trigger('aiml', 'devlab_projects', 'set_updated_at', 'devlab_projects has the set_updated_at trigger');
select has_trigger('aiml', 'devlab_tests', 'set_updated_at', 'devlab_tests has the set_updated_at trigger');
select has_trigger('aiml', 'devlab_vulnerabilities', 'set_updated_at', 'devlab_vulnerabilities has the set_updated_at trigger');
select has_trigger('aiml', 'discovery_tools', 'set_updated_at', 'discovery_tools has the set_updated_at trigger');
select has_trigger('aiml', 'industries', 'set_updated_at', 'industries has the set_updated_at trigger');
select has_trigger('aiml', 'inventory', 'set_updated_at', 'inventory has the set_updated_at trigger');
select has_trigger('aiml', 'model_deployments', 'set_updated_at', 'model_deployments has the set_updated_at trigger');
select has_trigger('aiml', 'model_versions', 'set_updated_at', 'model_versions has the set_updated_at trigger');
select has_trigger('aiml', 'order_items', 'set_updated_at', 'order_items has the set_updated_at trigger');
select has_trigger('aiml', 'orders', 'set_updated_at', 'orders has the set_updated_at trigger');
select has_trigger('aiml', 'product_categories', 'set_updated_at', 'product_categories has the set_updated_at trigger');
select has_trigger('aiml', 'product_variants', 'set_updated_at', 'product_variants has the set_updated_at trigger');
select has_trigger('aiml', 'products', 'set_updated_at', 'products has the set_updated_at trigger');
select has_trigger('aiml', 'simulation_examples', 'set_updated_at', 'simulation_examples has the set_updated_at trigger');
select has_trigger('aiml', 'training_datasets', 'set_updated_at', 'training_datasets has the set_updated_at trigger');
select has_trigger('aiml', 'transactions', 'set_updated_at', 'transactions has the set_updated_at trigger');
select has_trigger('aiml', 'use_case_categories', 'set_updated_at', 'use_case_categories has the set_updated_at trigger');
select has_trigger('aiml', 'use_cases', 'set_updated_at', 'use_cases has the set_updated_at trigger');
select has_trigger('aiml', 'users', 'set_updated_at', 'users has the set_updated_at trigger');
select has_trigger('aiml', 'users', 'sync_user_email', 'users has the sync_user_email trigger');
select has_trigger('aiml', 'product_categories', 'check_product_category_cycle', 'product_categories has the check_product_category_cycle trigger');
select has_trigger('aiml', 'inventory', 'guard_inventory_stock', 'inventory has the guard_inventory_stock trigger');
select has_trigger('aiml', 'inventory_movements', 'apply_inventory_movement', 'inventory_movements has the apply_inventory_movement trigger');
select has_trigger('aiml', 'inventory_movements', 'forbid_inventory_movement_change', 'inventory_movements has the forbid_inventory_movement_change trigger');
select has_trigger('aiml', 'orders', 'compute_order_total', 'orders has the compute_order_total trigger');
select has_trigger('aiml', 'order_items', 'default_order_item_price', 'order_items has the default_order_item_price trigger');
select has_trigger('aiml', 'order_items', 'refresh_order_total', 'order_items has the refresh_order_total trigger');
-- generated columns and domains
select is((select attgenerated::text from pg_attribute where attrelid = 'aiml.ab_test_results'::regclass and attname = 'conversion_rate'), 's', 'ab_test_results.conversion_rate is a stored generated column');
select is((select attgenerated::text from pg_attribute where attrelid = 'aiml.order_items'::regclass and attname = 'line_total'), 's', 'order_items.line_total is a stored generated column');
select has_domain('aiml', 'programming_language', 'domain aiml.programming_language exists');
select has_domain('aiml', 'severity_level', 'domain aiml.severity_level exists');
-- documentation
select is(
    (
        select array_agg(c.relname::text order by c.relname) from pg_class as c
        where c.relnamespace = 'aiml'::regnamespace and c.relkind in ('r', 'v', 'p') and obj_description(c.oid, 'pg_class') is null
    ),
    null,
    'every aiml table has a comment');
select is(
    (
        select array_agg(c.relname || '.' || a.attname order by c.relname, a.attname)
        from pg_class as c
        inner join pg_attribute as a on c.oid = a.attrelid and a.attnum > 0 and not a.attisdropped
        where c.relnamespace = 'aiml'::regnamespace and c.relkind in ('r', 'v', 'p') and col_description(c.oid, a.attnum) is null
    ),
    null,
    'every aiml column has a comment');
select is(
    (
        select array_agg(p.proname::text order by p.proname) from pg_proc as p
        where p.pronamespace in ('aiml'::regnamespace, 'aiml_private'::regnamespace) and obj_description(p.oid, 'pg_proc') is null
    ),
    null,
    'every aiml and aiml_private function has a comment');
select is(
    (
        select array_agg(t.typname::text order by t.typname) from pg_type as t
        where t.typnamespace = 'aiml'::regnamespace and t.typtype in ('d', 'e') and obj_description(t.oid, 'pg_type') is null
    ),
    null,
    'every aiml domain has a comment');
select * from finish();
rollback;
