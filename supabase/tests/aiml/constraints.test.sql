-- Closed lists, ranges and shapes of the training, model, commerce, analytics
-- and content-management tables; no PII in training data; updated_at stamps.
begin;
select plan(40);
set local search_path = aiml, public, extensions;

-- training data: no PII --------------------------------------------------------------
select lives_ok($$insert into conversation_examples (user_query, ai_response, context, suggestions, quality_score)
                  values ('How does fraud detection work?', 'It scores each transaction...', '{"page": "fraud-detection"}', '["Try a demo"]', 0.9)$$,
    'a conversation example without personal data is accepted');
select throws_ok($$insert into conversation_examples (user_query, ai_response, context) values ('q', 'a', '{"email": "x@example.com"}')$$,
    '23514', null, 'a conversation context with an email is rejected (23514)');
select throws_ok($$insert into conversation_examples (user_query, ai_response, context) values ('q', 'a', '{"user_id": 7}')$$,
    '23514', null, 'a conversation context with a user_id is rejected (23514)');
select throws_ok($$insert into conversation_examples (user_query, ai_response, quality_score) values ('q', 'a', 1.5)$$,
    '23514', null, 'a quality score above 1 is rejected (23514)');
select throws_ok($$insert into conversation_examples (user_query, ai_response) values ('  ', 'a')$$,
    '23514', null, 'a blank query is rejected (23514)');
select throws_ok($$insert into simulation_examples (solution_id, scenario_id, input_data) values ('s', 'c', '{"phone": "+331234"}')$$,
    '23514', null, 'a simulation input with a phone number is rejected (23514)');
select is(
    (
        select count(*)::int from information_schema.columns
        where
            table_schema = 'aiml'
            and table_name in ('content_chunks', 'training_datasets', 'conversation_examples', 'simulation_examples', 'code_examples')
            and ((column_name like '%user%' and column_name <> 'user_query') or column_name like '%email%')
    ),
    0,
    'training tables have no user or email column');
select throws_ok($$insert into training_datasets (name, version, dataset_type) values ('d', '1', 'images')$$,
    '23514', null, 'an unknown dataset type is rejected (23514)');
insert into training_datasets (name, version, dataset_type, use_case_ids, record_count) values ('conv', '1.0', 'conversation', '{1,2}', 10);
select throws_ok($$insert into training_datasets (name, version, dataset_type) values ('conv', '1.0', 'general')$$,
    '23505', null, 'a dataset name and version appear once (23505)');
select throws_ok($$insert into training_datasets (name, version, dataset_type, record_count) values ('d', '2', 'code', -1)$$,
    '23514', null, 'a negative record count is rejected (23514)');
select throws_ok($$insert into code_examples (code, language, code_type) values ('x', 'cobol', 'snippet')$$,
    '23514', null, 'an unsupported language is rejected (23514)');
select throws_ok($$insert into code_examples (code, language, code_type) values ('x', 'python', 'poem')$$,
    '23514', null, 'an unknown code type is rejected (23514)');

-- models -------------------------------------------------------------------------
select lives_ok($$insert into model_versions (model_name, version, model_type, training_strategy, base_model, external_service, is_active)
                  values ('support-bot', '1.0.0', 'conversation', 'fine_tuned', 'gpt-4o-mini', 'openai', true)$$,
    'a fine-tuned model version with its base model is accepted');
select throws_ok($$insert into model_versions (model_name, version, model_type, training_strategy) values ('m', '1', 'x', 'distilled')$$,
    '23514', null, 'an unknown training strategy is rejected (23514)');
select throws_ok($$insert into model_versions (model_name, version, model_type, training_strategy, external_service) values ('m', '1', 'x', 'custom', 'azure')$$,
    '23514', null, 'an unknown external service is rejected (23514)');
select throws_ok($$insert into model_versions (model_name, version, model_type, training_strategy) values ('m', '1', 'x', 'fine_tuned')$$,
    '23514', null, 'a fine-tuned version without base model is rejected (23514)');
select throws_ok($$insert into model_versions (model_name, version, model_type, training_strategy, is_active) values ('support-bot', '1.1.0', 'conversation', 'pretrained', true)$$,
    '23505', null, 'a second active version of the same model is rejected (23505)');
select lives_ok($$update model_versions set is_active = false where model_name = 'support-bot';
                  insert into model_versions (model_name, version, model_type, training_strategy, is_active) values ('support-bot', '1.1.0', 'conversation', 'pretrained', true)$$,
    'switching the active version is accepted');
select throws_ok($$insert into model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) select id, 'vibes', 'f1', 0.8, 'test' from model_versions where version = '1.1.0'$$,
    '23514', null, 'an unknown metric type is rejected (23514)');
select throws_ok($$insert into model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) select id, 'quality', 'f1', 0.8, 'holdout' from model_versions where version = '1.1.0'$$,
    '23514', null, 'an unknown metric dataset type is rejected (23514)');
select throws_ok($$insert into model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) select id, 'quality', 'f1', 'NaN', 'test' from model_versions where version = '1.1.0'$$,
    '23514', null, 'a NaN metric value is rejected (23514)');
select throws_ok($$insert into model_deployments (model_version_id, environment, deployment_status) select id, 'production', 'active' from model_versions where version = '1.1.0'$$,
    '23514', null, 'an active deployment without endpoint is rejected (23514)');
select throws_ok($$insert into model_deployments (model_version_id, environment, deployment_status) select id, 'moon', 'pending' from model_versions where version = '1.1.0'$$,
    '23514', null, 'an unknown environment is rejected (23514)');
insert into model_deployments (model_version_id, environment, endpoint_url, deployment_status)
select
    id as model_version_id,
    'production' as environment,
    'https://models.internal/support-bot' as endpoint_url,
    'active' as deployment_status
from model_versions where version = '1.1.0';
select throws_like($$delete from model_versions where version = '1.1.0' and model_name = 'support-bot'$$,
    '%foreign key constraint "model_deployments_model_version_id_fkey"%',
    'a deployed model version cannot be deleted (on delete restrict)');

-- content chunks ------------------------------------------------------------------
select throws_ok($$insert into content_chunks (use_case_id, discovery_tool_id, content_type, content_text)
                   select u.id, t.id, 'faq', 'x' from use_cases u, discovery_tools t where u.use_case_id = 'fraud-detection' and t.tool_id = 'color-predictor'$$,
    '23514', null, 'a chunk cannot belong to a use case and a tool at once (23514)');
select throws_ok($$insert into content_chunks (content_type, content_text, embedding) values ('faq', 'x', array_fill(0.1::real, array[1536])::extensions.vector)$$,
    '23514', null, 'an embedding without embedding_model is rejected (23514)');
select throws_ok($$insert into content_chunks (content_type, content_text) values ('poem', 'x')$$,
    '23514', null, 'an unknown content type is rejected (23514)');

-- commerce and analytics ---------------------------------------------------------------
select throws_ok($$insert into transactions (transaction_id, amount, fraud_score) values ('t-x', 10, 1.2)$$,
    '23514', null, 'a fraud score above 1 is rejected (23514)');
select throws_ok($$insert into transactions (transaction_id, amount) values ('t-x', -10)$$,
    '23514', null, 'a negative amount is rejected (23514)');
select throws_ok($$insert into customers (customer_id, churn_probability) values ('c-x', 2)$$,
    '23514', null, 'a churn probability above 1 is rejected (23514)');
select throws_ok($$insert into customer_segments (segment_id, name, criteria) values ('s-x', 'S', '[]')$$,
    '23514', null, 'segment criteria must be a JSON object (23514)');
select throws_ok($$insert into analytics_events (event_type) values ('Page Viewed')$$,
    '23514', null, 'an event type that is not lower-case dotted words is rejected (23514)');

-- content management ------------------------------------------------------------------
insert into content_versions (content_type, content_id, version, content_data, source, source_file, checksum)
values ('use_case', 'test-content', 1, '{"display_name": "Test content"}', 'frontend', 'src/data/useCases.ts', repeat('ab', 32));
select throws_ok($$insert into content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'test-content', 1, '{}', 'frontend', repeat('ab', 32))$$,
    '23505', null, 'a content version number appears once per content (23505)');
select throws_ok($$insert into content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'test-content', 2, '{}', 'frontend', 'md5:abc')$$,
    '23514', null, 'a checksum that is not SHA-256 hex is rejected (23514)');
select throws_ok($$insert into content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'test-content', 0, '{}', 'frontend', repeat('ab', 32))$$,
    '23514', null, 'version 0 is rejected (23514)');
select throws_ok($$insert into content_syncs (sync_type, status) values ('full', 'failed')$$,
    '23514', null, 'a failed sync without error log is rejected (23514)');
select lives_ok($$insert into content_syncs (sync_type, status, error_log) values ('full', 'failed', '[{"message": "bad file"}]')$$,
    'a failed sync with its errors is accepted');
select throws_ok($$insert into content_syncs (sync_type) values ('nightly')$$,
    '23514', null, 'an unknown sync type is rejected (23514)');

-- updated_at ---------------------------------------------------------------------------
insert into industries (industry_id, name, created_at, updated_at) values ('ts-test', 'Timestamp test', '2020-01-01', '2020-01-01');
update industries set description = 'changed' where industry_id = 'ts-test';
select is((select updated_at from industries where industry_id = 'ts-test'), now(), 'an update stamps updated_at with now()');
select is((select created_at from industries where industry_id = 'ts-test'), '2020-01-01'::timestamptz, 'an update leaves created_at alone');

select * from finish();
rollback;
