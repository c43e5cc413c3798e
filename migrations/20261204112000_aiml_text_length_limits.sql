-- aiml: an upper length limit on every text column that had none, the
-- seed's "all text fields use appropriate length limits": identifiers
-- (test_id, order_id, transaction_id, product_id, customer_id, segment_id,
-- variant_id, project_id...) at 100 characters, codes at 100, names at 200,
-- paths and URLs at 2048, free text at 10,000 to 100,000, code and program
-- output at 1 MiB (as devlab_executions.code already was). Columns that
-- already had a bound (a closed list, a bounded pattern or a length check)
-- keep it.
-- Safe on a populated table: the checks are added NOT VALID here (a brief
-- lock, no scan; new and updated rows are checked from now on) and
-- validated by the next migration, which scans without blocking writes.

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.ab_test_results
add constraint ab_test_results_variant_name_length_check check (char_length(variant_name) <= 200) not valid;
comment on constraint ab_test_results_variant_name_length_check on aiml.ab_test_results is
'variant_name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.ab_tests
add constraint ab_tests_test_id_length_check check (char_length(test_id) <= 100) not valid;
comment on constraint ab_tests_test_id_length_check on aiml.ab_tests is
'test_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.ab_tests
add constraint ab_tests_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint ab_tests_name_length_check on aiml.ab_tests is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.ab_tests
add constraint ab_tests_primary_kpi_length_check check (char_length(primary_kpi) <= 100) not valid;
comment on constraint ab_tests_primary_kpi_length_check on aiml.ab_tests is
'primary_kpi holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.analytics_events
add constraint analytics_events_event_type_length_check check (char_length(event_type) <= 100) not valid;
comment on constraint analytics_events_event_type_length_check on aiml.analytics_events is
'event_type holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.code_examples
add constraint code_examples_code_length_check check (char_length(code) <= 1048576) not valid;
comment on constraint code_examples_code_length_check on aiml.code_examples is
'code holds at most 1,048,576 characters (code or program output (1 MiB, as devlab_executions.code)): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.code_examples
add constraint code_examples_explanation_length_check check (char_length(explanation) <= 10000) not valid;
comment on constraint code_examples_explanation_length_check on aiml.code_examples is
'explanation holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.code_examples
add constraint code_examples_test_code_length_check check (char_length(test_code) <= 1048576) not valid;
comment on constraint code_examples_test_code_length_check on aiml.code_examples is
'test_code holds at most 1,048,576 characters (code or program output (1 MiB, as devlab_executions.code)): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.code_examples
add constraint code_examples_refactored_code_length_check check (char_length(refactored_code) <= 1048576) not valid;
comment on constraint code_examples_refactored_code_length_check on aiml.code_examples is
'refactored_code holds at most 1,048,576 characters (code or program output (1 MiB, as devlab_executions.code)): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.content_chunks
add constraint content_chunks_content_text_length_check check (char_length(content_text) <= 100000) not valid;
comment on constraint content_chunks_content_text_length_check on aiml.content_chunks is
'content_text holds at most 100,000 characters (long free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.content_chunks
add constraint content_chunks_embedding_model_length_check check (char_length(embedding_model) <= 100) not valid;
comment on constraint content_chunks_embedding_model_length_check on aiml.content_chunks is
'embedding_model holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.content_versions
add constraint content_versions_content_id_length_check check (char_length(content_id) <= 100) not valid;
comment on constraint content_versions_content_id_length_check on aiml.content_versions is
'content_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.content_versions
add constraint content_versions_source_file_length_check check (char_length(source_file) <= 2048) not valid;
comment on constraint content_versions_source_file_length_check on aiml.content_versions is
'source_file holds at most 2,048 characters (path or URL): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.conversation_examples
add constraint conversation_examples_user_query_length_check check (char_length(user_query) <= 10000) not valid;
comment on constraint conversation_examples_user_query_length_check on aiml.conversation_examples is
'user_query holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.conversation_examples
add constraint conversation_examples_ai_response_length_check check (char_length(ai_response) <= 100000) not valid;
comment on constraint conversation_examples_ai_response_length_check on aiml.conversation_examples is
'ai_response holds at most 100,000 characters (long free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.customer_segments
add constraint customer_segments_segment_id_length_check check (char_length(segment_id) <= 100) not valid;
comment on constraint customer_segments_segment_id_length_check on aiml.customer_segments is
'segment_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.customer_segments
add constraint customer_segments_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint customer_segments_name_length_check on aiml.customer_segments is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.customers
add constraint customers_customer_id_length_check check (char_length(customer_id) <= 100) not valid;
comment on constraint customers_customer_id_length_check on aiml.customers is
'customer_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.customers
add constraint customers_email_length_check check (char_length(email) <= 320) not valid;
comment on constraint customers_email_length_check on aiml.customers is
'email holds at most 320 characters (email address): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_analyses
add constraint devlab_analyses_model_version_length_check check (char_length(model_version) <= 100) not valid;
comment on constraint devlab_analyses_model_version_length_check on aiml.devlab_analyses is
'model_version holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_executions
add constraint devlab_executions_output_length_check check (char_length(output) <= 1048576) not valid;
comment on constraint devlab_executions_output_length_check on aiml.devlab_executions is
'output holds at most 1,048,576 characters (code or program output (1 MiB, as devlab_executions.code)): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_executions
add constraint devlab_executions_error_length_check check (char_length(error) <= 1048576) not valid;
comment on constraint devlab_executions_error_length_check on aiml.devlab_executions is
'error holds at most 1,048,576 characters (code or program output (1 MiB, as devlab_executions.code)): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_files
add constraint devlab_files_file_name_length_check check (char_length(file_name) <= 255) not valid;
comment on constraint devlab_files_file_name_length_check on aiml.devlab_files is
'file_name holds at most 255 characters (file name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_insights
add constraint devlab_insights_title_length_check check (char_length(title) <= 200) not valid;
comment on constraint devlab_insights_title_length_check on aiml.devlab_insights is
'title holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_insights
add constraint devlab_insights_description_length_check check (char_length(description) <= 10000) not valid;
comment on constraint devlab_insights_description_length_check on aiml.devlab_insights is
'description holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_insights
add constraint devlab_insights_action_length_check check (char_length(action) <= 10000) not valid;
comment on constraint devlab_insights_action_length_check on aiml.devlab_insights is
'action holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_projects
add constraint devlab_projects_project_id_length_check check (char_length(project_id) <= 100) not valid;
comment on constraint devlab_projects_project_id_length_check on aiml.devlab_projects is
'project_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_tests
add constraint devlab_tests_test_name_length_check check (char_length(test_name) <= 200) not valid;
comment on constraint devlab_tests_test_name_length_check on aiml.devlab_tests is
'test_name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_tests
add constraint devlab_tests_framework_length_check check (char_length(framework) <= 100) not valid;
comment on constraint devlab_tests_framework_length_check on aiml.devlab_tests is
'framework holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_tests
add constraint devlab_tests_test_code_length_check check (char_length(test_code) <= 1048576) not valid;
comment on constraint devlab_tests_test_code_length_check on aiml.devlab_tests is
'test_code holds at most 1,048,576 characters (code or program output (1 MiB, as devlab_executions.code)): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_vulnerabilities
add constraint devlab_vulnerabilities_vulnerability_type_length_check check (char_length(vulnerability_type) <= 100) not valid;
comment on constraint devlab_vulnerabilities_vulnerability_type_length_check on aiml.devlab_vulnerabilities is
'vulnerability_type holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_vulnerabilities
add constraint devlab_vulnerabilities_description_length_check check (char_length(description) <= 10000) not valid;
comment on constraint devlab_vulnerabilities_description_length_check on aiml.devlab_vulnerabilities is
'description holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_vulnerabilities
add constraint devlab_vulnerabilities_cve_id_length_check check (char_length(cve_id) <= 50) not valid;
comment on constraint devlab_vulnerabilities_cve_id_length_check on aiml.devlab_vulnerabilities is
'cve_id holds at most 50 characters (CVE id): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.devlab_vulnerabilities
add constraint devlab_vulnerabilities_fix_suggestion_length_check check (char_length(fix_suggestion) <= 10000) not valid;
comment on constraint devlab_vulnerabilities_fix_suggestion_length_check on aiml.devlab_vulnerabilities is
'fix_suggestion holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_tool_id_length_check check (char_length(tool_id) <= 100) not valid;
comment on constraint discovery_tools_tool_id_length_check on aiml.discovery_tools is
'tool_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint discovery_tools_name_length_check on aiml.discovery_tools is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_icon_length_check check (char_length(icon) <= 100) not valid;
comment on constraint discovery_tools_icon_length_check on aiml.discovery_tools is
'icon holds at most 100 characters (icon name or emoji): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_description_length_check check (char_length(description) <= 10000) not valid;
comment on constraint discovery_tools_description_length_check on aiml.discovery_tools is
'description holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_category_length_check check (char_length(category) <= 100) not valid;
comment on constraint discovery_tools_category_length_check on aiml.discovery_tools is
'category holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_model_prompt_template_length_check check (char_length(model_prompt_template) <= 20000) not valid;
comment on constraint discovery_tools_model_prompt_template_length_check on aiml.discovery_tools is
'model_prompt_template holds at most 20,000 characters (prompt template): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_visualization_type_length_check check (char_length(visualization_type) <= 100) not valid;
comment on constraint discovery_tools_visualization_type_length_check on aiml.discovery_tools is
'visualization_type holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.discovery_tools
add constraint discovery_tools_surprise_type_length_check check (char_length(surprise_type) <= 100) not valid;
comment on constraint discovery_tools_surprise_type_length_check on aiml.discovery_tools is
'surprise_type holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.industries
add constraint industries_industry_id_length_check check (char_length(industry_id) <= 100) not valid;
comment on constraint industries_industry_id_length_check on aiml.industries is
'industry_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.industries
add constraint industries_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint industries_name_length_check on aiml.industries is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.industries
add constraint industries_icon_length_check check (char_length(icon) <= 100) not valid;
comment on constraint industries_icon_length_check on aiml.industries is
'icon holds at most 100 characters (icon name or emoji): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.industries
add constraint industries_description_length_check check (char_length(description) <= 10000) not valid;
comment on constraint industries_description_length_check on aiml.industries is
'description holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.inventory_movements
add constraint inventory_movements_reference_id_length_check check (char_length(reference_id) <= 100) not valid;
comment on constraint inventory_movements_reference_id_length_check on aiml.inventory_movements is
'reference_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.model_deployments
add constraint model_deployments_endpoint_url_length_check check (char_length(endpoint_url) <= 2048) not valid;
comment on constraint model_deployments_endpoint_url_length_check on aiml.model_deployments is
'endpoint_url holds at most 2,048 characters (path or URL): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.model_metrics
add constraint model_metrics_metric_name_length_check check (char_length(metric_name) <= 100) not valid;
comment on constraint model_metrics_metric_name_length_check on aiml.model_metrics is
'metric_name holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.model_versions
add constraint model_versions_model_name_length_check check (char_length(model_name) <= 100) not valid;
comment on constraint model_versions_model_name_length_check on aiml.model_versions is
'model_name holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.model_versions
add constraint model_versions_version_length_check check (char_length(version) <= 100) not valid;
comment on constraint model_versions_version_length_check on aiml.model_versions is
'version holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.model_versions
add constraint model_versions_model_type_length_check check (char_length(model_type) <= 100) not valid;
comment on constraint model_versions_model_type_length_check on aiml.model_versions is
'model_type holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.model_versions
add constraint model_versions_file_path_length_check check (char_length(file_path) <= 2048) not valid;
comment on constraint model_versions_file_path_length_check on aiml.model_versions is
'file_path holds at most 2,048 characters (path or URL): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.model_versions
add constraint model_versions_base_model_length_check check (char_length(base_model) <= 100) not valid;
comment on constraint model_versions_base_model_length_check on aiml.model_versions is
'base_model holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.orders
add constraint orders_order_id_length_check check (char_length(order_id) <= 100) not valid;
comment on constraint orders_order_id_length_check on aiml.orders is
'order_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.product_categories
add constraint product_categories_category_id_length_check check (char_length(category_id) <= 100) not valid;
comment on constraint product_categories_category_id_length_check on aiml.product_categories is
'category_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.product_categories
add constraint product_categories_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint product_categories_name_length_check on aiml.product_categories is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.product_variants
add constraint product_variants_variant_id_length_check check (char_length(variant_id) <= 100) not valid;
comment on constraint product_variants_variant_id_length_check on aiml.product_variants is
'variant_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.products
add constraint products_product_id_length_check check (char_length(product_id) <= 100) not valid;
comment on constraint products_product_id_length_check on aiml.products is
'product_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.products
add constraint products_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint products_name_length_check on aiml.products is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.products
add constraint products_description_length_check check (char_length(description) <= 10000) not valid;
comment on constraint products_description_length_check on aiml.products is
'description holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.simulation_examples
add constraint simulation_examples_solution_id_length_check check (char_length(solution_id) <= 100) not valid;
comment on constraint simulation_examples_solution_id_length_check on aiml.simulation_examples is
'solution_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.simulation_examples
add constraint simulation_examples_scenario_id_length_check check (char_length(scenario_id) <= 100) not valid;
comment on constraint simulation_examples_scenario_id_length_check on aiml.simulation_examples is
'scenario_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.training_datasets
add constraint training_datasets_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint training_datasets_name_length_check on aiml.training_datasets is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.training_datasets
add constraint training_datasets_version_length_check check (char_length(version) <= 100) not valid;
comment on constraint training_datasets_version_length_check on aiml.training_datasets is
'version holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.training_datasets
add constraint training_datasets_data_source_length_check check (char_length(data_source) <= 2048) not valid;
comment on constraint training_datasets_data_source_length_check on aiml.training_datasets is
'data_source holds at most 2,048 characters (path or URL): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.transactions
add constraint transactions_transaction_id_length_check check (char_length(transaction_id) <= 100) not valid;
comment on constraint transactions_transaction_id_length_check on aiml.transactions is
'transaction_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.transactions
add constraint transactions_device_fingerprint_length_check check (char_length(device_fingerprint) <= 512) not valid;
comment on constraint transactions_device_fingerprint_length_check on aiml.transactions is
'device_fingerprint holds at most 512 characters (fingerprint): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_case_categories
add constraint use_case_categories_category_id_length_check check (char_length(category_id) <= 100) not valid;
comment on constraint use_case_categories_category_id_length_check on aiml.use_case_categories is
'category_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_case_categories
add constraint use_case_categories_name_length_check check (char_length(name) <= 200) not valid;
comment on constraint use_case_categories_name_length_check on aiml.use_case_categories is
'name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_case_categories
add constraint use_case_categories_icon_length_check check (char_length(icon) <= 100) not valid;
comment on constraint use_case_categories_icon_length_check on aiml.use_case_categories is
'icon holds at most 100 characters (icon name or emoji): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_case_categories
add constraint use_case_categories_description_length_check check (char_length(description) <= 10000) not valid;
comment on constraint use_case_categories_description_length_check on aiml.use_case_categories is
'description holds at most 10,000 characters (free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_case_executions
add constraint use_case_executions_model_version_length_check check (char_length(model_version) <= 100) not valid;
comment on constraint use_case_executions_model_version_length_check on aiml.use_case_executions is
'model_version holds at most 100 characters (code): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_cases
add constraint use_cases_use_case_id_length_check check (char_length(use_case_id) <= 100) not valid;
comment on constraint use_cases_use_case_id_length_check on aiml.use_cases is
'use_case_id holds at most 100 characters (identifier): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_cases
add constraint use_cases_display_name_length_check check (char_length(display_name) <= 200) not valid;
comment on constraint use_cases_display_name_length_check on aiml.use_cases is
'display_name holds at most 200 characters (name): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_cases
add constraint use_cases_theory_content_length_check check (char_length(theory_content) <= 100000) not valid;
comment on constraint use_cases_theory_content_length_check on aiml.use_cases is
'theory_content holds at most 100,000 characters (long free text): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.use_cases
add constraint use_cases_api_endpoint_length_check check (char_length(api_endpoint) <= 2048) not valid;
comment on constraint use_cases_api_endpoint_length_check on aiml.use_cases is
'api_endpoint holds at most 2,048 characters (path or URL): the seed''s "all text fields use appropriate length limits".';

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter table aiml.users
add constraint users_email_length_check check (char_length(email) <= 320) not valid;
comment on constraint users_email_length_check on aiml.users is
'email holds at most 320 characters (email address): the seed''s "all text fields use appropriate length limits".';
