-- Demo data for the aiml module (AI/ML Playground): two people, their DevLab
-- work and runs, a small shop with stock, orders and payments, an A/B test,
-- models and embedded content for semantic search.
-- Applied by `supabase db reset` after all migrations, as postgres.
-- Reference data (industries, categories, use cases, discovery tools) comes
-- from the migrations. Embeddings here are deterministic synthetic vectors.

insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, email_confirmed_at, created_at, updated_at)
values
    (
        'a1e1a000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'ada@aiml.example',
        '{"provider": "email", "providers": ["email"]}', '{"full_name": "Ada Demo"}', now(), now(), now()
    ),
    (
        'a1e1a000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'linus@aiml.example',
        '{"provider": "email", "providers": ["email"]}', '{"full_name": "Linus Demo"}', now(), now(), now()
    )
on conflict (id) do nothing;

-- users.email is copied from auth.users by trigger.
insert into aiml.users (auth_user_id, username, preferences)
values
    ('a1e1a000-0000-4000-8000-000000000001', 'ada', '{"theme": "dark", "favourite_industries": ["fintech", "ecommerce"]}'),
    ('a1e1a000-0000-4000-8000-000000000002', 'linus', '{"theme": "light"}');

-- use-case and discovery activity ----------------------------------------------------
insert into aiml.use_case_executions (use_case_id, user_id, input_data, output_data, confidence, latency_ms, model_version, created_at)
select
    uc.id as use_case_id,
    u.id as user_id,
    v.input_data::jsonb as input_data,
    v.output_data::jsonb as output_data,
    v.confidence,
    v.latency_ms,
    v.model_version,
    now() - v.age as created_at
from (values
    ('fraud-detection', 'ada', '{"amount": 1250.00, "country": "FR", "new_device": true}', '{"is_fraud": true, "score": 0.91}', 0.91, 84, 'fraud-detector:2.1.0', interval '3 days'),
    ('fraud-detection', 'ada', '{"amount": 35.20, "country": "FR", "new_device": false}', '{"is_fraud": false, "score": 0.04}', 0.96, 61, 'fraud-detector:2.1.0', interval '2 days'),
    ('product-recommendations', 'ada', '{"product_id": "demo-headphones"}', '{"items": ["demo-speaker", "demo-cable"]}', 0.78, 132, 'recommender:1.4.2', interval '1 day'),
    ('demand-forecasting', 'linus', '{"store": "paris-1", "horizon_days": 14}', '{"forecast": [120, 131, 118]}', 0.82, 410, 'forecaster:0.9.0', interval '5 hours')
) as v (use_case, username, input_data, output_data, confidence, latency_ms, model_version, age)
inner join aiml.use_cases as uc on v.use_case = uc.use_case_id
inner join aiml.users as u on v.username = u.username;

insert into aiml.discovery_tool_executions (tool_id, user_id, input_data, output_data, visualization_data, surprise_result)
select
    t.id as tool_id,
    u.id as user_id,
    v.input_data::jsonb as input_data,
    v.output_data::jsonb as output_data,
    v.visualization_data::jsonb as visualization_data,
    v.surprise_result::jsonb as surprise_result
from (values
    (
        'color-predictor', 'ada', '{"answers": {"season": "autumn", "mood": "calm"}}', '{"favourite": "#2E5E4E"}',
        '{"palette": ["#2E5E4E", "#C9A66B", "#F2E8CF", "#6A994E", "#386641"]}',
        '{"fun_fact": "Green is the colour people most associate with calm."}'
    ),
    (
        'bill-negotiator', 'linus', '{"provider": "TelcoCo", "amount": 49.99, "service": "fibre internet"}', '{"final_offer": 39.99}',
        '{"before": 49.99, "after": 39.99}', '{"yearly_savings": 120.00}'
    )
) as v (tool, username, input_data, output_data, visualization_data, surprise_result)
inner join aiml.discovery_tools as t on v.tool = t.tool_id
inner join aiml.users as u on v.username = u.username;

insert into aiml.analytics_events (event_type, user_id, event_data, properties)
select
    v.event_type,
    u.id as user_id,
    v.event_data::jsonb as event_data,
    v.properties::jsonb as properties
from (values
    ('use_case.viewed', 'ada', '{"use_case_id": "fraud-detection"}', '{"page": "/use-cases/fraud-detection", "device": "desktop"}'),
    ('use_case.run', 'ada', '{"use_case_id": "fraud-detection"}', '{"page": "/use-cases/fraud-detection", "device": "desktop"}'),
    ('discovery.completed', 'linus', '{"tool_id": "bill-negotiator"}', '{"page": "/discovery/bill-negotiator", "device": "mobile"}'),
    ('page.viewed', null, '{}', '{"page": "/", "device": "mobile", "campaign": "launch"}')
) as v (event_type, username, event_data, properties)
left join aiml.users as u on v.username = u.username;

-- DevLab -------------------------------------------------------------------------------
insert into aiml.devlab_projects (project_id, name, language, user_id, environment, metadata)
select
    v.project_id,
    v.name,
    v.language,
    u.id as user_id,
    v.environment::jsonb as environment,
    v.metadata::jsonb as metadata
from (values
    ('demo-fraud-features', 'Fraud feature engineering', 'python', 'ada', '{"image": "python:3.12-slim", "packages": ["pandas", "scikit-learn"]}', '{"template": "ml-notebook"}'),
    ('demo-api-client', 'Recommendations API client', 'typescript', 'linus', '{"image": "node:22-slim"}', '{}')
) as v (project_id, name, language, username, environment, metadata)
inner join aiml.users as u on v.username = u.username;

insert into aiml.devlab_files (project_id, file_path, file_name, content, language, file_type)
select
    p.id as project_id,
    v.file_path,
    v.file_name,
    v.content,
    v.language,
    v.file_type
from (values
    ('demo-fraud-features', 'features.py', 'features.py', E'import pandas as pd\n\n\ndef velocity(df: pd.DataFrame) -> pd.Series:\n    return df.groupby("card")["amount"].transform("count")\n', 'python', 'source'),
    ('demo-fraud-features', 'tests/test_features.py', 'test_features.py', E'from features import velocity\n', 'python', 'test'),
    ('demo-fraud-features', 'requirements.txt', 'requirements.txt', E'pandas\nscikit-learn\n', null, 'config'),
    ('demo-api-client', 'src/client.ts', 'client.ts', E'export async function recommend(id: string) {\n  const r = await fetch(`/api/v1/use-cases/product-recommendations/run?product=${id}`);\n  return r.json();\n}\n', 'typescript', 'source')
) as v (project_id, file_path, file_name, content, language, file_type)
inner join aiml.devlab_projects as p on v.project_id = p.project_id;

insert into aiml.devlab_executions (project_id, language, code, status, output, error, execution_time_ms, container_id,
                                    security_scan_result, memory_limit_mb, cpu_limit, time_limit_ms, memory_used_mb, cpu_time_ms)
select
    p.id as project_id,
    'python' as language,
    v.code,
    v.status,
    v.output,
    v.error,
    v.execution_time_ms,
    v.container_id,
    v.security_scan_result::jsonb as security_scan_result,
    512 as memory_limit_mb,
    1.0 as cpu_limit,
    30000 as time_limit_ms,
    v.memory_used_mb,
    v.cpu_time_ms
from (values
    ('print(sum(range(10)))', 'completed', '45', null, 182, '3f2a9c1b7d4e', '{"passed": true, "issues": []}', 38, 120),
    ('while True: pass', 'timeout', null, 'Time limit of 30000 ms exceeded', 30004, '9b8c7d6e5f4a', '{"passed": true, "issues": []}', 12, 29990),
    ('import os; os.system("rm -rf /")', 'blocked', null, 'Blocked by security scan: shell command execution', null, null, '{"passed": false, "issues": ["os.system"]}', null, null)
) as v (code, status, output, error, execution_time_ms, container_id, security_scan_result, memory_used_mb, cpu_time_ms)
inner join aiml.devlab_projects as p on p.project_id = 'demo-fraud-features';

insert into aiml.devlab_analyses (project_id, analysis_type, findings, severity, suggestions, model_version)
select
    p.id as project_id,
    'quality' as analysis_type,
    '[{"file": "features.py", "message": "velocity() has no docstring"}]'::jsonb as findings,
    'low' as severity,
    '["Add a docstring describing the window"]'::jsonb as suggestions,
    'code-analyzer:1.0.0' as model_version
from aiml.devlab_projects p where p.project_id = 'demo-fraud-features';

insert into aiml.devlab_tests (project_id, test_name, test_type, framework, test_code, status, coverage_percentage, generated_by_ai)
select
    p.id as project_id,
    'test_velocity_counts_per_card' as test_name,
    'unit' as test_type,
    'pytest' as framework,
    E'def test_velocity_counts_per_card():\n    ...\n' as test_code,
    'passed' as status,
    87.50 as coverage_percentage,
    true as generated_by_ai
from aiml.devlab_projects p where p.project_id = 'demo-fraud-features';

insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description, code_location, cve_id, fix_suggestion)
select
    p.id as project_id,
    'vulnerable_dependency' as vulnerability_type,
    'medium' as severity,
    'An old scikit-learn release has a known denial-of-service issue.' as description,
    '{"file": "requirements.txt", "line": 2}'::jsonb as code_location,
    'CVE-2024-5206' as cve_id,
    'Pin scikit-learn>=1.5.0.' as fix_suggestion
from aiml.devlab_projects p where p.project_id = 'demo-fraud-features';

insert into aiml.devlab_insights (project_id, insight_type, title, description, confidence, action, priority)
select
    p.id as project_id,
    'optimization' as insight_type,
    'Vectorise the velocity feature' as title,
    'groupby().transform is recomputed per call; cache it per batch.' as description,
    0.72 as confidence,
    'Cache the grouped counts' as action,
    'medium' as priority
from aiml.devlab_projects p where p.project_id = 'demo-fraud-features';

-- shop -------------------------------------------------------------------------------
insert into aiml.product_categories (category_id, name) values ('electronics', 'Electronics');
insert into aiml.product_categories (category_id, name, parent_category_id)
select 'audio' as category_id, 'Audio' as name, id from aiml.product_categories where category_id = 'electronics';

insert into aiml.products (product_id, sku, name, description, price, category_id, embedding, visual_embedding)
select
    v.product_id,
    v.sku,
    v.name,
    v.description,
    v.price,
    c.id as category_id,
    (select array_agg(sin(g * v.seed)::real order by g) from generate_series(1, 1536) as g)::extensions.vector as embedding,
    (select array_agg(cos(g * v.seed)::real order by g) from generate_series(1, 1536) as g)::extensions.vector as visual_embedding
from (values
    ('demo-headphones', 'DEMO-HP-01', 'Wireless headphones', 'Over-ear, noise cancelling, 30 h battery.', 149.00, 0.011),
    ('demo-speaker', 'DEMO-SP-01', 'Bluetooth speaker', 'Waterproof pocket speaker.', 59.00, 0.012),
    ('demo-cable', 'DEMO-CB-01', 'USB-C cable', 'Braided, 2 m.', 12.50, 0.5)
) as v (product_id, sku, name, description, price, seed)
inner join aiml.product_categories as c on c.category_id = 'audio';

insert into aiml.product_variants (variant_id, product_id, attributes, price)
select
    v.variant_id,
    p.id as product_id,
    v.attributes::jsonb as attributes,
    v.price
from (values
    ('demo-headphones-black', 'demo-headphones', '{"color": "black"}', null),
    ('demo-headphones-white', 'demo-headphones', '{"color": "white"}', 155.00)
) as v (variant_id, product_id, attributes, price)
inner join aiml.products as p on v.product_id = p.product_id;

insert into aiml.inventory_movements (product_id, movement_type, quantity, reference_id)
select
    p.id as product_id,
    v.movement_type,
    v.quantity,
    v.reference_id
from (values
    ('demo-headphones', 'receipt', 40, 'PO-2025-001'),
    ('demo-speaker', 'receipt', 25, 'PO-2025-001'),
    ('demo-cable', 'receipt', 200, 'PO-2025-002')
) as v (product_id, movement_type, quantity, reference_id)
inner join aiml.products as p on v.product_id = p.product_id;
insert into aiml.inventory_movements (product_id, movement_type, quantity, reference_id)
select
    p.id as product_id,
    v.movement_type,
    v.quantity,
    v.reference_id
from (values
    ('demo-headphones', 'sale', -2, 'DEMO-ORD-1'),
    ('demo-cable', 'sale', -3, 'DEMO-ORD-1'),
    ('demo-speaker', 'adjustment', -1, 'STOCKTAKE-2025-01')
) as v (product_id, movement_type, quantity, reference_id)
inner join aiml.products as p on v.product_id = p.product_id;
update aiml.inventory set reorder_point = 10, reorder_quantity = 50;

insert into aiml.customer_segments (segment_id, name, criteria, characteristics)
values
    ('high-value', 'High value', '{"total_spent": {"gte": 1000}}', '{"avg_order_value": 180.0, "share": 0.08}'),
    ('at-risk', 'At risk', '{"churn_probability": {"gte": 0.6}}', '{"avg_days_since_order": 94, "share": 0.15}');

insert into aiml.customers (customer_id, email, total_orders, total_spent, churn_probability, segment_id)
select
    v.customer_id,
    v.email,
    v.total_orders,
    v.total_spent,
    v.churn_probability,
    s.id as segment_id
from (values
    ('demo-cust-1', 'marie@shop.example', 14, 2310.40, 0.08, 'high-value'),
    ('demo-cust-2', 'tom@shop.example', 2, 71.50, 0.72, 'at-risk')
) as v (customer_id, email, total_orders, total_spent, churn_probability, segment)
inner join aiml.customer_segments as s on v.segment = s.segment_id;

insert into aiml.orders (order_id, customer_id, status, shipping_address)
select
    'DEMO-ORD-1' as order_id,
    id as customer_id,
    'shipped' as status,
    '{"line1": "12 rue des Lilas", "city": "Lyon", "postal_code": "69003", "country": "FR"}'::jsonb as shipping_address
from aiml.customers where customer_id = 'demo-cust-1';
insert into aiml.order_items (order_id, product_id, quantity)
select
    o.id as order_id,
    p.id as product_id,
    v.quantity
from (values ('demo-headphones', 2), ('demo-cable', 3)) as v (product_id, quantity)
inner join aiml.products as p on v.product_id = p.product_id
inner join aiml.orders as o on o.order_id = 'DEMO-ORD-1';

insert into aiml.transactions (transaction_id, customer_id, amount, is_fraud, fraud_score, device_fingerprint)
select
    v.transaction_id,
    c.id as customer_id,
    v.amount,
    v.is_fraud,
    v.fraud_score,
    v.device_fingerprint
from (values
    ('demo-tx-1', 'demo-cust-1', 335.50, false, 0.03, 'fp_7f3a21'),
    ('demo-tx-2', 'demo-cust-2', 1250.00, true, 0.91, 'fp_e09b44')
) as v (transaction_id, customer, amount, is_fraud, fraud_score, device_fingerprint)
inner join aiml.customers as c on v.customer = c.customer_id;

-- analytics -------------------------------------------------------------------------
insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants, status)
values ('demo-checkout-cta', 'Checkout button copy', 'conversion_rate', '{"control": 50, "buy_now": 50}',
        '[{"name": "control", "label": "Checkout"}, {"name": "buy_now", "label": "Buy now"}]', 'completed');
insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions, is_winner)
select
    t.id as test_id,
    v.variant_name,
    v.visitors,
    v.conversions,
    v.is_winner
from (values ('control', 5120, 461, false), ('buy_now', 5087, 534, true)) as v (variant_name, visitors, conversions, is_winner)
inner join aiml.ab_tests as t on t.test_id = 'demo-checkout-cta';

-- models ------------------------------------------------------------------------------
insert into aiml.model_versions (model_name, version, model_type, training_strategy, file_path, base_model, external_service, is_active)
values
    ('fraud-detector', '2.1.0', 'fraud_detection', 'custom', 'models/fraud-detector/2.1.0/model.onnx', null, 'self_hosted', true),
    ('recommender', '1.4.2', 'recommendation', 'custom', 'models/recommender/1.4.2/', null, 'self_hosted', true),
    ('conversation-guide', '0.3.0', 'conversation', 'fine_tuned', null, 'gpt-4o-mini', 'openai', true),
    ('code-analyzer', '1.0.0', 'code_analysis', 'pretrained', null, null, 'anthropic', true);
insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type)
select
    m.id as model_version_id,
    v.metric_type,
    v.metric_name,
    v.metric_value,
    v.dataset_type
from (values
    ('fraud-detector', 'quality', 'f1', 0.87, 'test'),
    ('fraud-detector', 'quality', 'auc', 0.964, 'test'),
    ('fraud-detector', 'performance', 'latency_p95_ms', 42.0, 'production'),
    ('recommender', 'quality', 'precision_at_10', 0.31, 'validation')
) as v (model_name, metric_type, metric_name, metric_value, dataset_type)
inner join aiml.model_versions as m on v.model_name = m.model_name;
insert into aiml.model_deployments (model_version_id, environment, endpoint_url, deployment_status)
select
    id as model_version_id,
    'production' as environment,
    'https://models.internal.example/' || model_name as endpoint_url,
    'active' as deployment_status
from aiml.model_versions where external_service = 'self_hosted';

-- training data and content ------------------------------------------------------------
insert into aiml.content_chunks (use_case_id, content_type, content_text, embedding, embedding_model)
select
    uc.id as use_case_id,
    v.content_type,
    v.content_text,
    (select array_agg(sin(g * v.seed)::real order by g) from generate_series(1, 1536) as g)::extensions.vector as embedding,
    'demo-synthetic' as embedding_model
from (values
    ('fraud-detection', 'theory', 'Fraud models score each transaction from features such as amount, velocity and device novelty.', 0.011),
    ('fraud-detection', 'tips', 'Watch the precision/recall trade-off: every false positive is a blocked customer.', 0.013),
    ('product-recommendations', 'theory', 'Collaborative filtering recommends what similar shoppers bought; embeddings capture similarity.', 0.5),
    ('demand-forecasting', 'description', 'Forecast sales per store and product from history, seasonality and promotions.', 0.9)
) as v (use_case, content_type, content_text, seed)
inner join aiml.use_cases as uc on v.use_case = uc.use_case_id;
insert into aiml.content_chunks (discovery_tool_id, content_type, content_text)
select
    id as discovery_tool_id,
    'description' as content_type,
    'Answer a few questions and the AI predicts your colour palette.' as content_text
from aiml.discovery_tools where tool_id = 'color-predictor';

insert into aiml.training_datasets (name, version, dataset_type, use_case_ids, data_source, record_count)
select
    'conversation-seed' as name,
    '2025.01' as version,
    'conversation' as dataset_type,
    array_agg(id order by id) as use_case_ids,
    'aiml.conversation_examples' as data_source,
    2 as record_count
from aiml.use_cases where use_case_id in ('fraud-detection', 'product-recommendations');

insert into aiml.conversation_examples (user_query, ai_response, context, use_case_id, suggestions, quality_score)
select
    v.user_query,
    v.ai_response,
    v.context::jsonb as context,
    uc.id as use_case_id,
    v.suggestions::jsonb as suggestions,
    v.quality_score
from (values
    ('How does the fraud model decide?', 'It combines the amount, how many payments the card made recently and whether the device is new into a score between 0 and 1.', '{"page": "fraud-detection"}', 'fraud-detection', '["Try a risky transaction", "See the features"]', 0.92),
    ('Why do I see these products?', 'Shoppers who viewed these headphones often bought the speaker and the cable.', '{"page": "product-recommendations"}', 'product-recommendations', '["Show similar items"]', 0.85)
) as v (user_query, ai_response, context, use_case, suggestions, quality_score)
inner join aiml.use_cases as uc on v.use_case = uc.use_case_id;

insert into aiml.simulation_examples (solution_id, scenario_id, input_data, expected_output, pipeline_steps, business_impact)
values ('fraud-shield', 'card-testing-burst', '{"transactions_per_minute": 40, "avg_amount": 1.5}', '{"action": "block", "score": 0.97}',
        '["ingest", "feature_velocity", "score", "decide"]', '{"prevented_loss_eur": 12000, "false_positive_rate": 0.002}');

insert into aiml.code_examples (code, language, code_type, explanation, test_code, refactored_code, security_issues)
values (E'def add(a, b):\n    return a + b\n', 'python', 'function', 'Adds two numbers.',
        E'def test_add():\n    assert add(2, 3) == 5\n', E'def add(a: float, b: float) -> float:\n    return a + b\n', '[]');

insert into aiml.content_versions (content_type, content_id, version, content_data, source, source_file, checksum)
select
    'use_case' as content_type,
    uc.use_case_id as content_id,
    1 as version,
    jsonb_build_object('display_name', uc.display_name) as content_data,
    'frontend' as source,
    'src/data/useCases.ts' as source_file,
    encode(sha256(convert_to(jsonb_build_object('display_name', uc.display_name)::text, 'UTF8')), 'hex') as checksum
from aiml.use_cases uc where uc.use_case_id in ('fraud-detection', 'product-recommendations');
insert into aiml.content_syncs (sync_type, content_type, records_processed, status)
values ('full', 'use_case', 38, 'completed');
