-- aiml: validates the length limits added NOT VALID by the previous
-- migration. VALIDATE CONSTRAINT scans the table under a SHARE UPDATE
-- EXCLUSIVE lock: reads and writes go on meanwhile. A row over a limit makes
-- this migration fail, naming the constraint; find such rows with
-- `select ... where char_length(<column>) > <limit>`, shorten them, and
-- deploy again.
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.ab_test_results validate constraint ab_test_results_variant_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.ab_tests validate constraint ab_tests_test_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.ab_tests validate constraint ab_tests_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.ab_tests validate constraint ab_tests_primary_kpi_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.analytics_events validate constraint analytics_events_event_type_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.code_examples validate constraint code_examples_code_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.code_examples validate constraint code_examples_explanation_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.code_examples validate constraint code_examples_test_code_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.code_examples validate constraint code_examples_refactored_code_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.content_chunks validate constraint content_chunks_content_text_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.content_chunks validate constraint content_chunks_embedding_model_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.content_versions validate constraint content_versions_content_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.content_versions validate constraint content_versions_source_file_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.conversation_examples validate constraint conversation_examples_user_query_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.conversation_examples validate constraint conversation_examples_ai_response_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.customer_segments validate constraint customer_segments_segment_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.customer_segments validate constraint customer_segments_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.customers validate constraint customers_customer_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.customers validate constraint customers_email_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_analyses validate constraint devlab_analyses_model_version_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_executions validate constraint devlab_executions_output_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_executions validate constraint devlab_executions_error_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_files validate constraint devlab_files_file_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_insights validate constraint devlab_insights_title_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_insights validate constraint devlab_insights_description_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_insights validate constraint devlab_insights_action_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_projects validate constraint devlab_projects_project_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_tests validate constraint devlab_tests_test_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_tests validate constraint devlab_tests_framework_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_tests validate constraint devlab_tests_test_code_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_vulnerabilities validate constraint devlab_vulnerabilities_vulnerability_type_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_vulnerabilities validate constraint devlab_vulnerabilities_description_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_vulnerabilities validate constraint devlab_vulnerabilities_cve_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.devlab_vulnerabilities validate constraint devlab_vulnerabilities_fix_suggestion_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_tool_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_icon_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_description_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_category_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_model_prompt_template_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_visualization_type_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.discovery_tools validate constraint discovery_tools_surprise_type_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.industries validate constraint industries_industry_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.industries validate constraint industries_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.industries validate constraint industries_icon_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.industries validate constraint industries_description_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.inventory_movements validate constraint inventory_movements_reference_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.model_deployments validate constraint model_deployments_endpoint_url_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.model_metrics validate constraint model_metrics_metric_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.model_versions validate constraint model_versions_model_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.model_versions validate constraint model_versions_version_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.model_versions validate constraint model_versions_model_type_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.model_versions validate constraint model_versions_file_path_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.model_versions validate constraint model_versions_base_model_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.orders validate constraint orders_order_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.product_categories validate constraint product_categories_category_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.product_categories validate constraint product_categories_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.product_variants validate constraint product_variants_variant_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.products validate constraint products_product_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.products validate constraint products_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.products validate constraint products_description_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.simulation_examples validate constraint simulation_examples_solution_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.simulation_examples validate constraint simulation_examples_scenario_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.training_datasets validate constraint training_datasets_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.training_datasets validate constraint training_datasets_version_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.training_datasets validate constraint training_datasets_data_source_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.transactions validate constraint transactions_transaction_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.transactions validate constraint transactions_device_fingerprint_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_case_categories validate constraint use_case_categories_category_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_case_categories validate constraint use_case_categories_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_case_categories validate constraint use_case_categories_icon_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_case_categories validate constraint use_case_categories_description_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_case_executions validate constraint use_case_executions_model_version_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_cases validate constraint use_cases_use_case_id_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_cases validate constraint use_cases_display_name_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_cases validate constraint use_cases_theory_content_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.use_cases validate constraint use_cases_api_endpoint_length_check;
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

alter table aiml.users validate constraint users_email_length_check;
