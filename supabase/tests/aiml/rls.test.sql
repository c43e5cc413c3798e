-- RLS matrix for every aiml table: anon, the owner (a@example.com), another
-- user (b@example.com) and service_role x select / insert / update / delete.
-- Allowed actions succeed; denied ones raise 42501 (no grant, or the row fails a
-- policy's WITH CHECK) or touch 0 rows (the row is filtered out by a USING
-- clause), as each test name says.
-- Generated from a table of expectations; edit with care.
begin;
select plan(604);

create temp table fx (
    tbl text not null,
    who text not null,
    id bigint not null
) on commit drop;
grant select on fx to anon, authenticated, service_role;

do $$
begin
    perform tests.create_user('a@example.com');
    perform tests.create_user('b@example.com');
    perform tests.create_user('c@example.com');
    perform tests.create_user('d@example.com');
end
$$;

with r as (insert into aiml.users (auth_user_id, username) values (tests.get_user_id('a@example.com'), 'rls_a') returning id)
insert into fx (tbl, who, id) select 'users' as tbl, 'a' as who, id from r;
with r as (insert into aiml.users (auth_user_id, username) values (tests.get_user_id('b@example.com'), 'rls_b') returning id)
insert into fx (tbl, who, id) select 'users' as tbl, 'b' as who, id from r;
insert into fx (tbl, who, id) select 'base' as tbl, 'industry' as who, id from aiml.industries where industry_id = 'ecommerce';
insert into fx (tbl, who, id) select 'base' as tbl, 'category' as who, id from aiml.use_case_categories where category_id = 'analytics';
insert into fx (tbl, who, id) select 'base' as tbl, 'use_case' as who, id from aiml.use_cases where use_case_id = 'fraud-detection';
insert into fx (tbl, who, id) select 'base' as tbl, 'tool' as who, id from aiml.discovery_tools where tool_id = 'color-predictor';
with r as (insert into aiml.products (product_id, sku, name, price) values ('fx-base', 'FX-BASE', 'FX base', 5) returning id)
insert into fx (tbl, who, id) select 'base' as tbl, 'product' as who, id from r;
insert into aiml.products (product_id, sku, name, price)
select
    'fx-inv-' || t as product_id,
    'FX-INV-' || t as sku,
    'FX inventory ' || t as name,
    1 as price
from unnest(array['a', 'a2', 'b', 'new']) as t;
with r as (
    insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants)
    values ('fx-base', 'FX base', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]') returning id
)
insert into fx (tbl, who, id) select 'base' as tbl, 'ab_test' as who, id from r;
with r as (
    insert into aiml.model_versions (model_name, version, model_type, training_strategy)
    values ('fx-base', '1.0.0', 'recommendation', 'pretrained') returning id
)
insert into fx (tbl, who, id) select 'base' as tbl, 'model_version' as who, id from r;
with r as (insert into aiml.orders (order_id) values ('fx-base') returning id)
insert into fx (tbl, who, id) select 'base' as tbl, 'order' as who, id from r;

with r as (insert into aiml.devlab_projects (name, language, user_id) values ('FX a', 'python', (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'devlab_projects' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.devlab_projects (name, language, user_id) values ('FX a2', 'python', (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'devlab_projects' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.devlab_projects (name, language, user_id) values ('FX b', 'python', (select id from fx where tbl = 'users' and who = 'b')) returning id)
insert into fx (tbl, who, id) select 'devlab_projects' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.industries (industry_id, name) values ('fx-a', 'FX a') returning id)
insert into fx (tbl, who, id) select 'industries' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.industries (industry_id, name) values ('fx-a2', 'FX a2') returning id)
insert into fx (tbl, who, id) select 'industries' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.industries (industry_id, name) values ('fx-b', 'FX b') returning id)
insert into fx (tbl, who, id) select 'industries' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.use_case_categories (category_id, name) values ('fx-a', 'FX a') returning id)
insert into fx (tbl, who, id) select 'use_case_categories' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.use_case_categories (category_id, name) values ('fx-a2', 'FX a2') returning id)
insert into fx (tbl, who, id) select 'use_case_categories' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.use_case_categories (category_id, name) values ('fx-b', 'FX b') returning id)
insert into fx (tbl, who, id) select 'use_case_categories' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.use_cases (use_case_id, display_name, industry_id, category_id) values ('fx-a', 'FX a', (select id from fx where tbl = 'base' and who = 'industry'), (select id from fx where tbl = 'base' and who = 'category')) returning id)
insert into fx (tbl, who, id) select 'use_cases' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.use_cases (use_case_id, display_name, industry_id, category_id) values ('fx-a2', 'FX a2', (select id from fx where tbl = 'base' and who = 'industry'), (select id from fx where tbl = 'base' and who = 'category')) returning id)
insert into fx (tbl, who, id) select 'use_cases' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.use_cases (use_case_id, display_name, industry_id, category_id) values ('fx-b', 'FX b', (select id from fx where tbl = 'base' and who = 'industry'), (select id from fx where tbl = 'base' and who = 'category')) returning id)
insert into fx (tbl, who, id) select 'use_cases' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.discovery_tools (tool_id, name, category) values ('fx-a', 'FX a', 'fx') returning id)
insert into fx (tbl, who, id) select 'discovery_tools' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.discovery_tools (tool_id, name, category) values ('fx-a2', 'FX a2', 'fx') returning id)
insert into fx (tbl, who, id) select 'discovery_tools' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.discovery_tools (tool_id, name, category) values ('fx-b', 'FX b', 'fx') returning id)
insert into fx (tbl, who, id) select 'discovery_tools' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.product_variants (variant_id, product_id) values ('fx-a', (select id from fx where tbl = 'base' and who = 'product')) returning id)
insert into fx (tbl, who, id) select 'product_variants' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.product_variants (variant_id, product_id) values ('fx-a2', (select id from fx where tbl = 'base' and who = 'product')) returning id)
insert into fx (tbl, who, id) select 'product_variants' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.product_variants (variant_id, product_id) values ('fx-b', (select id from fx where tbl = 'base' and who = 'product')) returning id)
insert into fx (tbl, who, id) select 'product_variants' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.inventory (product_id) select id from aiml.products where product_id = 'fx-inv-a' returning id)
insert into fx (tbl, who, id) select 'inventory' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.inventory (product_id) select id from aiml.products where product_id = 'fx-inv-a2' returning id)
insert into fx (tbl, who, id) select 'inventory' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.inventory (product_id) select id from aiml.products where product_id = 'fx-inv-b' returning id)
insert into fx (tbl, who, id) select 'inventory' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.product_categories (category_id, name) values ('fx-a', 'FX a') returning id)
insert into fx (tbl, who, id) select 'product_categories' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.product_categories (category_id, name) values ('fx-a2', 'FX a2') returning id)
insert into fx (tbl, who, id) select 'product_categories' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.product_categories (category_id, name) values ('fx-b', 'FX b') returning id)
insert into fx (tbl, who, id) select 'product_categories' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.products (product_id, sku, name, price) values ('fx-a', 'FX-a', 'FX a', 10) returning id)
insert into fx (tbl, who, id) select 'products' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.products (product_id, sku, name, price) values ('fx-a2', 'FX-a2', 'FX a2', 10) returning id)
insert into fx (tbl, who, id) select 'products' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.products (product_id, sku, name, price) values ('fx-b', 'FX-b', 'FX b', 10) returning id)
insert into fx (tbl, who, id) select 'products' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.content_chunks (content_type, content_text) values ('faq', 'FX a') returning id)
insert into fx (tbl, who, id) select 'content_chunks' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.content_chunks (content_type, content_text) values ('faq', 'FX a2') returning id)
insert into fx (tbl, who, id) select 'content_chunks' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.content_chunks (content_type, content_text) values ('faq', 'FX b') returning id)
insert into fx (tbl, who, id) select 'content_chunks' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions) values ((select id from fx where tbl = 'base' and who = 'ab_test'), 'fx-a', 10, 1) returning id)
insert into fx (tbl, who, id) select 'ab_test_results' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions) values ((select id from fx where tbl = 'base' and who = 'ab_test'), 'fx-a2', 10, 1) returning id)
insert into fx (tbl, who, id) select 'ab_test_results' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions) values ((select id from fx where tbl = 'base' and who = 'ab_test'), 'fx-b', 10, 1) returning id)
insert into fx (tbl, who, id) select 'ab_test_results' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('fx-a', 'FX a', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]') returning id)
insert into fx (tbl, who, id) select 'ab_tests' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('fx-a2', 'FX a2', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]') returning id)
insert into fx (tbl, who, id) select 'ab_tests' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('fx-b', 'FX b', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]') returning id)
insert into fx (tbl, who, id) select 'ab_tests' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'quality', 'f1', 0.5, 'test') returning id)
insert into fx (tbl, who, id) select 'model_metrics' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'quality', 'f1', 0.5, 'test') returning id)
insert into fx (tbl, who, id) select 'model_metrics' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'quality', 'f1', 0.5, 'test') returning id)
insert into fx (tbl, who, id) select 'model_metrics' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.model_versions (model_name, version, model_type, training_strategy) values ('fx-model', 'a', 'recommendation', 'pretrained') returning id)
insert into fx (tbl, who, id) select 'model_versions' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.model_versions (model_name, version, model_type, training_strategy) values ('fx-model', 'a2', 'recommendation', 'pretrained') returning id)
insert into fx (tbl, who, id) select 'model_versions' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.model_versions (model_name, version, model_type, training_strategy) values ('fx-model', 'b', 'recommendation', 'pretrained') returning id)
insert into fx (tbl, who, id) select 'model_versions' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.order_items (order_id, product_id, quantity) values ((select id from fx where tbl = 'base' and who = 'order'), (select id from fx where tbl = 'base' and who = 'product'), 1) returning id)
insert into fx (tbl, who, id) select 'order_items' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.order_items (order_id, product_id, quantity) values ((select id from fx where tbl = 'base' and who = 'order'), (select id from fx where tbl = 'base' and who = 'product'), 1) returning id)
insert into fx (tbl, who, id) select 'order_items' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.order_items (order_id, product_id, quantity) values ((select id from fx where tbl = 'base' and who = 'order'), (select id from fx where tbl = 'base' and who = 'product'), 1) returning id)
insert into fx (tbl, who, id) select 'order_items' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.orders (order_id) values ('fx-a') returning id)
insert into fx (tbl, who, id) select 'orders' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.orders (order_id) values ('fx-a2') returning id)
insert into fx (tbl, who, id) select 'orders' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.orders (order_id) values ('fx-b') returning id)
insert into fx (tbl, who, id) select 'orders' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.transactions (transaction_id, amount) values ('fx-a', 12.5) returning id)
insert into fx (tbl, who, id) select 'transactions' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.transactions (transaction_id, amount) values ('fx-a2', 12.5) returning id)
insert into fx (tbl, who, id) select 'transactions' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.transactions (transaction_id, amount) values ('fx-b', 12.5) returning id)
insert into fx (tbl, who, id) select 'transactions' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.customers (customer_id, email) values ('fx-a', 'fx-a@shop.example') returning id)
insert into fx (tbl, who, id) select 'customers' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.customers (customer_id, email) values ('fx-a2', 'fx-a2@shop.example') returning id)
insert into fx (tbl, who, id) select 'customers' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.customers (customer_id, email) values ('fx-b', 'fx-b@shop.example') returning id)
insert into fx (tbl, who, id) select 'customers' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.customer_segments (segment_id, name) values ('fx-a', 'FX a') returning id)
insert into fx (tbl, who, id) select 'customer_segments' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.customer_segments (segment_id, name) values ('fx-a2', 'FX a2') returning id)
insert into fx (tbl, who, id) select 'customer_segments' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.customer_segments (segment_id, name) values ('fx-b', 'FX b') returning id)
insert into fx (tbl, who, id) select 'customer_segments' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.inventory_movements (product_id, movement_type, quantity) values ((select id from fx where tbl = 'base' and who = 'product'), 'receipt', 5) returning id)
insert into fx (tbl, who, id) select 'inventory_movements' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.inventory_movements (product_id, movement_type, quantity) values ((select id from fx where tbl = 'base' and who = 'product'), 'receipt', 5) returning id)
insert into fx (tbl, who, id) select 'inventory_movements' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.inventory_movements (product_id, movement_type, quantity) values ((select id from fx where tbl = 'base' and who = 'product'), 'receipt', 5) returning id)
insert into fx (tbl, who, id) select 'inventory_movements' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.training_datasets (name, version, dataset_type) values ('fx', 'a', 'general') returning id)
insert into fx (tbl, who, id) select 'training_datasets' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.training_datasets (name, version, dataset_type) values ('fx', 'a2', 'general') returning id)
insert into fx (tbl, who, id) select 'training_datasets' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.training_datasets (name, version, dataset_type) values ('fx', 'b', 'general') returning id)
insert into fx (tbl, who, id) select 'training_datasets' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.conversation_examples (user_query, ai_response) values ('FX a?', 'FX a.') returning id)
insert into fx (tbl, who, id) select 'conversation_examples' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.conversation_examples (user_query, ai_response) values ('FX a2?', 'FX a2.') returning id)
insert into fx (tbl, who, id) select 'conversation_examples' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.conversation_examples (user_query, ai_response) values ('FX b?', 'FX b.') returning id)
insert into fx (tbl, who, id) select 'conversation_examples' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.simulation_examples (solution_id, scenario_id) values ('fx', 'a') returning id)
insert into fx (tbl, who, id) select 'simulation_examples' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.simulation_examples (solution_id, scenario_id) values ('fx', 'a2') returning id)
insert into fx (tbl, who, id) select 'simulation_examples' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.simulation_examples (solution_id, scenario_id) values ('fx', 'b') returning id)
insert into fx (tbl, who, id) select 'simulation_examples' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.code_examples (code, language, code_type) values ('print("a")', 'python', 'snippet') returning id)
insert into fx (tbl, who, id) select 'code_examples' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.code_examples (code, language, code_type) values ('print("a2")', 'python', 'snippet') returning id)
insert into fx (tbl, who, id) select 'code_examples' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.code_examples (code, language, code_type) values ('print("b")', 'python', 'snippet') returning id)
insert into fx (tbl, who, id) select 'code_examples' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.model_deployments (model_version_id, environment) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'staging') returning id)
insert into fx (tbl, who, id) select 'model_deployments' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.model_deployments (model_version_id, environment) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'staging') returning id)
insert into fx (tbl, who, id) select 'model_deployments' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.model_deployments (model_version_id, environment) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'staging') returning id)
insert into fx (tbl, who, id) select 'model_deployments' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'fx-a', 1, '{}', 'manual', repeat('a', 64)) returning id)
insert into fx (tbl, who, id) select 'content_versions' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'fx-a2', 1, '{}', 'manual', repeat('a', 64)) returning id)
insert into fx (tbl, who, id) select 'content_versions' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'fx-b', 1, '{}', 'manual', repeat('a', 64)) returning id)
insert into fx (tbl, who, id) select 'content_versions' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.content_syncs (sync_type) values ('full') returning id)
insert into fx (tbl, who, id) select 'content_syncs' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.content_syncs (sync_type) values ('full') returning id)
insert into fx (tbl, who, id) select 'content_syncs' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.content_syncs (sync_type) values ('full') returning id)
insert into fx (tbl, who, id) select 'content_syncs' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.use_case_executions (use_case_id, user_id) values ((select id from fx where tbl = 'base' and who = 'use_case'), (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'use_case_executions' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.use_case_executions (use_case_id, user_id) values ((select id from fx where tbl = 'base' and who = 'use_case'), (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'use_case_executions' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.use_case_executions (use_case_id, user_id) values ((select id from fx where tbl = 'base' and who = 'use_case'), (select id from fx where tbl = 'users' and who = 'b')) returning id)
insert into fx (tbl, who, id) select 'use_case_executions' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.discovery_tool_executions (tool_id, user_id) values ((select id from fx where tbl = 'base' and who = 'tool'), (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'discovery_tool_executions' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.discovery_tool_executions (tool_id, user_id) values ((select id from fx where tbl = 'base' and who = 'tool'), (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'discovery_tool_executions' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.discovery_tool_executions (tool_id, user_id) values ((select id from fx where tbl = 'base' and who = 'tool'), (select id from fx where tbl = 'users' and who = 'b')) returning id)
insert into fx (tbl, who, id) select 'discovery_tool_executions' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.analytics_events (event_type, user_id) values ('fx.a', (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'analytics_events' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.analytics_events (event_type, user_id) values ('fx.a2', (select id from fx where tbl = 'users' and who = 'a')) returning id)
insert into fx (tbl, who, id) select 'analytics_events' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.analytics_events (event_type, user_id) values ('fx.b', (select id from fx where tbl = 'users' and who = 'b')) returning id)
insert into fx (tbl, who, id) select 'analytics_events' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.devlab_files (project_id, file_path, file_name) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'src/a.py', 'a.py') returning id)
insert into fx (tbl, who, id) select 'devlab_files' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.devlab_files (project_id, file_path, file_name) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'src/a2.py', 'a2.py') returning id)
insert into fx (tbl, who, id) select 'devlab_files' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.devlab_files (project_id, file_path, file_name) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'src/b.py', 'b.py') returning id)
insert into fx (tbl, who, id) select 'devlab_files' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.devlab_tests (project_id, test_name, test_code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'test a', 'assert True') returning id)
insert into fx (tbl, who, id) select 'devlab_tests' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.devlab_tests (project_id, test_name, test_code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'test a2', 'assert True') returning id)
insert into fx (tbl, who, id) select 'devlab_tests' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.devlab_tests (project_id, test_name, test_code) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'test b', 'assert True') returning id)
insert into fx (tbl, who, id) select 'devlab_tests' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.devlab_executions (project_id, language, code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'python', 'print("a")') returning id)
insert into fx (tbl, who, id) select 'devlab_executions' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.devlab_executions (project_id, language, code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'python', 'print("a2")') returning id)
insert into fx (tbl, who, id) select 'devlab_executions' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.devlab_executions (project_id, language, code) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'python', 'print("b")') returning id)
insert into fx (tbl, who, id) select 'devlab_executions' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.devlab_analyses (project_id, analysis_type) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'quality') returning id)
insert into fx (tbl, who, id) select 'devlab_analyses' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.devlab_analyses (project_id, analysis_type) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'quality') returning id)
insert into fx (tbl, who, id) select 'devlab_analyses' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.devlab_analyses (project_id, analysis_type) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'quality') returning id)
insert into fx (tbl, who, id) select 'devlab_analyses' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'sql_injection', 'high', 'FX a') returning id)
insert into fx (tbl, who, id) select 'devlab_vulnerabilities' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'sql_injection', 'high', 'FX a2') returning id)
insert into fx (tbl, who, id) select 'devlab_vulnerabilities' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'sql_injection', 'high', 'FX b') returning id)
insert into fx (tbl, who, id) select 'devlab_vulnerabilities' as tbl, 'b' as who, r.id from r;
with r as (insert into aiml.devlab_insights (project_id, insight_type, title) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'refactor', 'FX a') returning id)
insert into fx (tbl, who, id) select 'devlab_insights' as tbl, 'a' as who, r.id from r;
with r as (insert into aiml.devlab_insights (project_id, insight_type, title) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'refactor', 'FX a2') returning id)
insert into fx (tbl, who, id) select 'devlab_insights' as tbl, 'a2' as who, r.id from r;
with r as (insert into aiml.devlab_insights (project_id, insight_type, title) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'refactor', 'FX b') returning id)
insert into fx (tbl, who, id) select 'devlab_insights' as tbl, 'b' as who, r.id from r;

-- industries (public) ------------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'a')), 1, 'industries: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.industries (industry_id, name) values ('fx-anon-x', 'FX anon-x')$sql$, '42501', null, 'industries: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.industries set name = name where id = (select id from fx where tbl = 'industries' and who = 'a')$sql$, '42501', null, 'industries: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'a')$sql$, '42501', null, 'industries: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'a')), 1, 'industries: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.industries (industry_id, name) values ('fx-a-x', 'FX a-x')$sql$, '42501', null, 'industries: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.industries set name = name where id = (select id from fx where tbl = 'industries' and who = 'a')$sql$, '42501', null, 'industries: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'a')$sql$, '42501', null, 'industries: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'a')), 1, 'industries: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.industries (industry_id, name) values ('fx-b-x', 'FX b-x')$sql$, '42501', null, 'industries: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.industries set name = name where id = (select id from fx where tbl = 'industries' and who = 'a')$sql$, '42501', null, 'industries: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'a')$sql$, '42501', null, 'industries: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'a')), 1, 'industries: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.industries (industry_id, name) values ('fx-new', 'FX new')$sql$, 'industries: service_role insert a row: allowed');
with d as (update aiml.industries set name = name where id = (select id from fx where tbl = 'industries' and who = 'a') returning 1) select is(count(*)::int, 1, 'industries: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.industries where id = (select id from fx where tbl = 'industries' and who = 'b') returning 1) select is(count(*)::int, 1, 'industries: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- use_case_categories (public) ---------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')), 1, 'use_case_categories: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.use_case_categories (category_id, name) values ('fx-anon-x', 'FX anon-x')$sql$, '42501', null, 'use_case_categories: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.use_case_categories set name = name where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')$sql$, '42501', null, 'use_case_categories: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')$sql$, '42501', null, 'use_case_categories: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')), 1, 'use_case_categories: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.use_case_categories (category_id, name) values ('fx-a-x', 'FX a-x')$sql$, '42501', null, 'use_case_categories: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.use_case_categories set name = name where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')$sql$, '42501', null, 'use_case_categories: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')$sql$, '42501', null, 'use_case_categories: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')), 1, 'use_case_categories: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.use_case_categories (category_id, name) values ('fx-b-x', 'FX b-x')$sql$, '42501', null, 'use_case_categories: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.use_case_categories set name = name where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')$sql$, '42501', null, 'use_case_categories: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')$sql$, '42501', null, 'use_case_categories: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'a')), 1, 'use_case_categories: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.use_case_categories (category_id, name) values ('fx-new', 'FX new')$sql$, 'use_case_categories: service_role insert a row: allowed');
with d as (update aiml.use_case_categories set name = name where id = (select id from fx where tbl = 'use_case_categories' and who = 'a') returning 1) select is(count(*)::int, 1, 'use_case_categories: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.use_case_categories where id = (select id from fx where tbl = 'use_case_categories' and who = 'b') returning 1) select is(count(*)::int, 1, 'use_case_categories: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- use_cases (public) -------------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'a')), 1, 'use_cases: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.use_cases (use_case_id, display_name, industry_id, category_id) values ('fx-anon-x', 'FX anon-x', (select id from fx where tbl = 'base' and who = 'industry'), (select id from fx where tbl = 'base' and who = 'category'))$sql$, '42501', null, 'use_cases: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.use_cases set display_name = display_name where id = (select id from fx where tbl = 'use_cases' and who = 'a')$sql$, '42501', null, 'use_cases: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'a')$sql$, '42501', null, 'use_cases: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'a')), 1, 'use_cases: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.use_cases (use_case_id, display_name, industry_id, category_id) values ('fx-a-x', 'FX a-x', (select id from fx where tbl = 'base' and who = 'industry'), (select id from fx where tbl = 'base' and who = 'category'))$sql$, '42501', null, 'use_cases: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.use_cases set display_name = display_name where id = (select id from fx where tbl = 'use_cases' and who = 'a')$sql$, '42501', null, 'use_cases: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'a')$sql$, '42501', null, 'use_cases: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'a')), 1, 'use_cases: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.use_cases (use_case_id, display_name, industry_id, category_id) values ('fx-b-x', 'FX b-x', (select id from fx where tbl = 'base' and who = 'industry'), (select id from fx where tbl = 'base' and who = 'category'))$sql$, '42501', null, 'use_cases: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.use_cases set display_name = display_name where id = (select id from fx where tbl = 'use_cases' and who = 'a')$sql$, '42501', null, 'use_cases: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'a')$sql$, '42501', null, 'use_cases: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'a')), 1, 'use_cases: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.use_cases (use_case_id, display_name, industry_id, category_id) values ('fx-new', 'FX new', (select id from fx where tbl = 'base' and who = 'industry'), (select id from fx where tbl = 'base' and who = 'category'))$sql$, 'use_cases: service_role insert a row: allowed');
with d as (update aiml.use_cases set display_name = display_name where id = (select id from fx where tbl = 'use_cases' and who = 'a') returning 1) select is(count(*)::int, 1, 'use_cases: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.use_cases where id = (select id from fx where tbl = 'use_cases' and who = 'b') returning 1) select is(count(*)::int, 1, 'use_cases: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- discovery_tools (public) -------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')), 1, 'discovery_tools: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.discovery_tools (tool_id, name, category) values ('fx-anon-x', 'FX anon-x', 'fx')$sql$, '42501', null, 'discovery_tools: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.discovery_tools set name = name where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')$sql$, '42501', null, 'discovery_tools: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')$sql$, '42501', null, 'discovery_tools: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')), 1, 'discovery_tools: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.discovery_tools (tool_id, name, category) values ('fx-a-x', 'FX a-x', 'fx')$sql$, '42501', null, 'discovery_tools: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.discovery_tools set name = name where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')$sql$, '42501', null, 'discovery_tools: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')$sql$, '42501', null, 'discovery_tools: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')), 1, 'discovery_tools: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.discovery_tools (tool_id, name, category) values ('fx-b-x', 'FX b-x', 'fx')$sql$, '42501', null, 'discovery_tools: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.discovery_tools set name = name where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')$sql$, '42501', null, 'discovery_tools: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')$sql$, '42501', null, 'discovery_tools: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'a')), 1, 'discovery_tools: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.discovery_tools (tool_id, name, category) values ('fx-new', 'FX new', 'fx')$sql$, 'discovery_tools: service_role insert a row: allowed');
with d as (update aiml.discovery_tools set name = name where id = (select id from fx where tbl = 'discovery_tools' and who = 'a') returning 1) select is(count(*)::int, 1, 'discovery_tools: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.discovery_tools where id = (select id from fx where tbl = 'discovery_tools' and who = 'b') returning 1) select is(count(*)::int, 1, 'discovery_tools: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- product_variants (public) ------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'a')), 1, 'product_variants: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.product_variants (variant_id, product_id) values ('fx-anon-x', (select id from fx where tbl = 'base' and who = 'product'))$sql$, '42501', null, 'product_variants: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.product_variants set attributes = attributes where id = (select id from fx where tbl = 'product_variants' and who = 'a')$sql$, '42501', null, 'product_variants: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'a')$sql$, '42501', null, 'product_variants: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'a')), 1, 'product_variants: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.product_variants (variant_id, product_id) values ('fx-a-x', (select id from fx where tbl = 'base' and who = 'product'))$sql$, '42501', null, 'product_variants: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.product_variants set attributes = attributes where id = (select id from fx where tbl = 'product_variants' and who = 'a')$sql$, '42501', null, 'product_variants: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'a')$sql$, '42501', null, 'product_variants: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'a')), 1, 'product_variants: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.product_variants (variant_id, product_id) values ('fx-b-x', (select id from fx where tbl = 'base' and who = 'product'))$sql$, '42501', null, 'product_variants: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.product_variants set attributes = attributes where id = (select id from fx where tbl = 'product_variants' and who = 'a')$sql$, '42501', null, 'product_variants: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'a')$sql$, '42501', null, 'product_variants: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'a')), 1, 'product_variants: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.product_variants (variant_id, product_id) values ('fx-new', (select id from fx where tbl = 'base' and who = 'product'))$sql$, 'product_variants: service_role insert a row: allowed');
with d as (update aiml.product_variants set attributes = attributes where id = (select id from fx where tbl = 'product_variants' and who = 'a') returning 1) select is(count(*)::int, 1, 'product_variants: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.product_variants where id = (select id from fx where tbl = 'product_variants' and who = 'b') returning 1) select is(count(*)::int, 1, 'product_variants: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- inventory (public) -------------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'a')), 1, 'inventory: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.inventory (product_id) select id from aiml.products where product_id = 'fx-inv-anon-x'$sql$, '42501', null, 'inventory: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.inventory set reorder_point = reorder_point where id = (select id from fx where tbl = 'inventory' and who = 'a')$sql$, '42501', null, 'inventory: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'a')$sql$, '42501', null, 'inventory: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'a')), 1, 'inventory: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.inventory (product_id) select id from aiml.products where product_id = 'fx-inv-a-x'$sql$, '42501', null, 'inventory: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.inventory set reorder_point = reorder_point where id = (select id from fx where tbl = 'inventory' and who = 'a')$sql$, '42501', null, 'inventory: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'a')$sql$, '42501', null, 'inventory: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'a')), 1, 'inventory: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.inventory (product_id) select id from aiml.products where product_id = 'fx-inv-b-x'$sql$, '42501', null, 'inventory: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.inventory set reorder_point = reorder_point where id = (select id from fx where tbl = 'inventory' and who = 'a')$sql$, '42501', null, 'inventory: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'a')$sql$, '42501', null, 'inventory: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'a')), 1, 'inventory: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.inventory (product_id) select id from aiml.products where product_id = 'fx-inv-new'$sql$, 'inventory: service_role insert a row: allowed');
with d as (update aiml.inventory set reorder_point = reorder_point where id = (select id from fx where tbl = 'inventory' and who = 'a') returning 1) select is(count(*)::int, 1, 'inventory: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.inventory where id = (select id from fx where tbl = 'inventory' and who = 'b') returning 1) select is(count(*)::int, 1, 'inventory: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- product_categories (public) ----------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'a')), 1, 'product_categories: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.product_categories (category_id, name) values ('fx-anon-x', 'FX anon-x')$sql$, '42501', null, 'product_categories: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.product_categories set name = name where id = (select id from fx where tbl = 'product_categories' and who = 'a')$sql$, '42501', null, 'product_categories: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'a')$sql$, '42501', null, 'product_categories: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'a')), 1, 'product_categories: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.product_categories (category_id, name) values ('fx-a-x', 'FX a-x')$sql$, '42501', null, 'product_categories: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.product_categories set name = name where id = (select id from fx where tbl = 'product_categories' and who = 'a')$sql$, '42501', null, 'product_categories: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'a')$sql$, '42501', null, 'product_categories: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'a')), 1, 'product_categories: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.product_categories (category_id, name) values ('fx-b-x', 'FX b-x')$sql$, '42501', null, 'product_categories: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.product_categories set name = name where id = (select id from fx where tbl = 'product_categories' and who = 'a')$sql$, '42501', null, 'product_categories: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'a')$sql$, '42501', null, 'product_categories: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'a')), 1, 'product_categories: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.product_categories (category_id, name) values ('fx-new', 'FX new')$sql$, 'product_categories: service_role insert a row: allowed');
with d as (update aiml.product_categories set name = name where id = (select id from fx where tbl = 'product_categories' and who = 'a') returning 1) select is(count(*)::int, 1, 'product_categories: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.product_categories where id = (select id from fx where tbl = 'product_categories' and who = 'b') returning 1) select is(count(*)::int, 1, 'product_categories: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- products (public) --------------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.products where id = (select id from fx where tbl = 'products' and who = 'a')), 1, 'products: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.products (product_id, sku, name, price) values ('fx-anon-x', 'FX-anon-x', 'FX anon-x', 10)$sql$, '42501', null, 'products: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.products set name = name where id = (select id from fx where tbl = 'products' and who = 'a')$sql$, '42501', null, 'products: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.products where id = (select id from fx where tbl = 'products' and who = 'a')$sql$, '42501', null, 'products: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.products where id = (select id from fx where tbl = 'products' and who = 'a')), 1, 'products: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.products (product_id, sku, name, price) values ('fx-a-x', 'FX-a-x', 'FX a-x', 10)$sql$, '42501', null, 'products: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.products set name = name where id = (select id from fx where tbl = 'products' and who = 'a')$sql$, '42501', null, 'products: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.products where id = (select id from fx where tbl = 'products' and who = 'a')$sql$, '42501', null, 'products: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.products where id = (select id from fx where tbl = 'products' and who = 'a')), 1, 'products: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.products (product_id, sku, name, price) values ('fx-b-x', 'FX-b-x', 'FX b-x', 10)$sql$, '42501', null, 'products: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.products set name = name where id = (select id from fx where tbl = 'products' and who = 'a')$sql$, '42501', null, 'products: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.products where id = (select id from fx where tbl = 'products' and who = 'a')$sql$, '42501', null, 'products: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.products where id = (select id from fx where tbl = 'products' and who = 'a')), 1, 'products: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.products (product_id, sku, name, price) values ('fx-new', 'FX-new', 'FX new', 10)$sql$, 'products: service_role insert a row: allowed');
with d as (update aiml.products set name = name where id = (select id from fx where tbl = 'products' and who = 'a') returning 1) select is(count(*)::int, 1, 'products: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.products where id = (select id from fx where tbl = 'products' and who = 'b') returning 1) select is(count(*)::int, 1, 'products: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- content_chunks (public) --------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'a')), 1, 'content_chunks: anon select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.content_chunks (content_type, content_text) values ('faq', 'FX anon-x')$sql$, '42501', null, 'content_chunks: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_chunks set content_text = content_text where id = (select id from fx where tbl = 'content_chunks' and who = 'a')$sql$, '42501', null, 'content_chunks: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'a')$sql$, '42501', null, 'content_chunks: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'a')), 1, 'content_chunks: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.content_chunks (content_type, content_text) values ('faq', 'FX a-x')$sql$, '42501', null, 'content_chunks: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_chunks set content_text = content_text where id = (select id from fx where tbl = 'content_chunks' and who = 'a')$sql$, '42501', null, 'content_chunks: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'a')$sql$, '42501', null, 'content_chunks: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'a')), 1, 'content_chunks: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.content_chunks (content_type, content_text) values ('faq', 'FX b-x')$sql$, '42501', null, 'content_chunks: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_chunks set content_text = content_text where id = (select id from fx where tbl = 'content_chunks' and who = 'a')$sql$, '42501', null, 'content_chunks: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'a')$sql$, '42501', null, 'content_chunks: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'a')), 1, 'content_chunks: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.content_chunks (content_type, content_text) values ('faq', 'FX new')$sql$, 'content_chunks: service_role insert a row: allowed');
with d as (update aiml.content_chunks set content_text = content_text where id = (select id from fx where tbl = 'content_chunks' and who = 'a') returning 1) select is(count(*)::int, 1, 'content_chunks: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.content_chunks where id = (select id from fx where tbl = 'content_chunks' and who = 'b') returning 1) select is(count(*)::int, 1, 'content_chunks: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- ab_test_results (signed_in) ----------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.ab_test_results$sql$, '42501', null, 'ab_test_results: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions) values ((select id from fx where tbl = 'base' and who = 'ab_test'), 'fx-anon-x', 10, 1)$sql$, '42501', null, 'ab_test_results: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.ab_test_results set visitors = visitors where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')$sql$, '42501', null, 'ab_test_results: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.ab_test_results where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')$sql$, '42501', null, 'ab_test_results: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.ab_test_results where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')), 1, 'ab_test_results: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions) values ((select id from fx where tbl = 'base' and who = 'ab_test'), 'fx-a-x', 10, 1)$sql$, '42501', null, 'ab_test_results: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.ab_test_results set visitors = visitors where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')$sql$, '42501', null, 'ab_test_results: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.ab_test_results where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')$sql$, '42501', null, 'ab_test_results: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.ab_test_results where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')), 1, 'ab_test_results: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions) values ((select id from fx where tbl = 'base' and who = 'ab_test'), 'fx-b-x', 10, 1)$sql$, '42501', null, 'ab_test_results: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.ab_test_results set visitors = visitors where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')$sql$, '42501', null, 'ab_test_results: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.ab_test_results where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')$sql$, '42501', null, 'ab_test_results: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.ab_test_results where id = (select id from fx where tbl = 'ab_test_results' and who = 'a')), 1, 'ab_test_results: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.ab_test_results (test_id, variant_name, visitors, conversions) values ((select id from fx where tbl = 'base' and who = 'ab_test'), 'fx-new', 10, 1)$sql$, 'ab_test_results: service_role insert a row: allowed');
with d as (update aiml.ab_test_results set visitors = visitors where id = (select id from fx where tbl = 'ab_test_results' and who = 'a') returning 1) select is(count(*)::int, 1, 'ab_test_results: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.ab_test_results where id = (select id from fx where tbl = 'ab_test_results' and who = 'b') returning 1) select is(count(*)::int, 1, 'ab_test_results: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- ab_tests (signed_in) -----------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.ab_tests$sql$, '42501', null, 'ab_tests: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('fx-anon-x', 'FX anon-x', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]')$sql$, '42501', null, 'ab_tests: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.ab_tests set name = name where id = (select id from fx where tbl = 'ab_tests' and who = 'a')$sql$, '42501', null, 'ab_tests: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.ab_tests where id = (select id from fx where tbl = 'ab_tests' and who = 'a')$sql$, '42501', null, 'ab_tests: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.ab_tests where id = (select id from fx where tbl = 'ab_tests' and who = 'a')), 1, 'ab_tests: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('fx-a-x', 'FX a-x', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]')$sql$, '42501', null, 'ab_tests: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.ab_tests set name = name where id = (select id from fx where tbl = 'ab_tests' and who = 'a')$sql$, '42501', null, 'ab_tests: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.ab_tests where id = (select id from fx where tbl = 'ab_tests' and who = 'a')$sql$, '42501', null, 'ab_tests: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.ab_tests where id = (select id from fx where tbl = 'ab_tests' and who = 'a')), 1, 'ab_tests: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('fx-b-x', 'FX b-x', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]')$sql$, '42501', null, 'ab_tests: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.ab_tests set name = name where id = (select id from fx where tbl = 'ab_tests' and who = 'a')$sql$, '42501', null, 'ab_tests: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.ab_tests where id = (select id from fx where tbl = 'ab_tests' and who = 'a')$sql$, '42501', null, 'ab_tests: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.ab_tests where id = (select id from fx where tbl = 'ab_tests' and who = 'a')), 1, 'ab_tests: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('fx-new', 'FX new', 'conversion_rate', '{"a": 50, "b": 50}', '["a", "b"]')$sql$, 'ab_tests: service_role insert a row: allowed');
with d as (update aiml.ab_tests set name = name where id = (select id from fx where tbl = 'ab_tests' and who = 'a') returning 1) select is(count(*)::int, 1, 'ab_tests: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.ab_tests where id = (select id from fx where tbl = 'ab_tests' and who = 'b') returning 1) select is(count(*)::int, 1, 'ab_tests: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- model_metrics (signed_in) ------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.model_metrics$sql$, '42501', null, 'model_metrics: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'quality', 'f1', 0.5, 'test')$sql$, '42501', null, 'model_metrics: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_metrics set metric_value = metric_value where id = (select id from fx where tbl = 'model_metrics' and who = 'a')$sql$, '42501', null, 'model_metrics: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_metrics where id = (select id from fx where tbl = 'model_metrics' and who = 'a')$sql$, '42501', null, 'model_metrics: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.model_metrics where id = (select id from fx where tbl = 'model_metrics' and who = 'a')), 1, 'model_metrics: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'quality', 'f1', 0.5, 'test')$sql$, '42501', null, 'model_metrics: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_metrics set metric_value = metric_value where id = (select id from fx where tbl = 'model_metrics' and who = 'a')$sql$, '42501', null, 'model_metrics: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_metrics where id = (select id from fx where tbl = 'model_metrics' and who = 'a')$sql$, '42501', null, 'model_metrics: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.model_metrics where id = (select id from fx where tbl = 'model_metrics' and who = 'a')), 1, 'model_metrics: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'quality', 'f1', 0.5, 'test')$sql$, '42501', null, 'model_metrics: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_metrics set metric_value = metric_value where id = (select id from fx where tbl = 'model_metrics' and who = 'a')$sql$, '42501', null, 'model_metrics: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_metrics where id = (select id from fx where tbl = 'model_metrics' and who = 'a')$sql$, '42501', null, 'model_metrics: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.model_metrics where id = (select id from fx where tbl = 'model_metrics' and who = 'a')), 1, 'model_metrics: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.model_metrics (model_version_id, metric_type, metric_name, metric_value, dataset_type) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'quality', 'f1', 0.5, 'test')$sql$, 'model_metrics: service_role insert a row: allowed');
with d as (update aiml.model_metrics set metric_value = metric_value where id = (select id from fx where tbl = 'model_metrics' and who = 'a') returning 1) select is(count(*)::int, 1, 'model_metrics: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.model_metrics where id = (select id from fx where tbl = 'model_metrics' and who = 'b') returning 1) select is(count(*)::int, 1, 'model_metrics: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- model_versions (signed_in) -----------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.model_versions$sql$, '42501', null, 'model_versions: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.model_versions (model_name, version, model_type, training_strategy) values ('fx-model', 'anon-x', 'recommendation', 'pretrained')$sql$, '42501', null, 'model_versions: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_versions set model_type = model_type where id = (select id from fx where tbl = 'model_versions' and who = 'a')$sql$, '42501', null, 'model_versions: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_versions where id = (select id from fx where tbl = 'model_versions' and who = 'a')$sql$, '42501', null, 'model_versions: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.model_versions where id = (select id from fx where tbl = 'model_versions' and who = 'a')), 1, 'model_versions: owner select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.model_versions (model_name, version, model_type, training_strategy) values ('fx-model', 'a-x', 'recommendation', 'pretrained')$sql$, '42501', null, 'model_versions: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_versions set model_type = model_type where id = (select id from fx where tbl = 'model_versions' and who = 'a')$sql$, '42501', null, 'model_versions: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_versions where id = (select id from fx where tbl = 'model_versions' and who = 'a')$sql$, '42501', null, 'model_versions: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.model_versions where id = (select id from fx where tbl = 'model_versions' and who = 'a')), 1, 'model_versions: other user select a row: sees 1 row(s)');
select throws_ok($sql$insert into aiml.model_versions (model_name, version, model_type, training_strategy) values ('fx-model', 'b-x', 'recommendation', 'pretrained')$sql$, '42501', null, 'model_versions: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_versions set model_type = model_type where id = (select id from fx where tbl = 'model_versions' and who = 'a')$sql$, '42501', null, 'model_versions: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_versions where id = (select id from fx where tbl = 'model_versions' and who = 'a')$sql$, '42501', null, 'model_versions: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.model_versions where id = (select id from fx where tbl = 'model_versions' and who = 'a')), 1, 'model_versions: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.model_versions (model_name, version, model_type, training_strategy) values ('fx-model', 'new', 'recommendation', 'pretrained')$sql$, 'model_versions: service_role insert a row: allowed');
with d as (update aiml.model_versions set model_type = model_type where id = (select id from fx where tbl = 'model_versions' and who = 'a') returning 1) select is(count(*)::int, 1, 'model_versions: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.model_versions where id = (select id from fx where tbl = 'model_versions' and who = 'b') returning 1) select is(count(*)::int, 1, 'model_versions: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- order_items (service) ----------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.order_items$sql$, '42501', null, 'order_items: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.order_items (order_id, product_id, quantity) values ((select id from fx where tbl = 'base' and who = 'order'), (select id from fx where tbl = 'base' and who = 'product'), 1)$sql$, '42501', null, 'order_items: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.order_items set quantity = quantity where id = (select id from fx where tbl = 'order_items' and who = 'a')$sql$, '42501', null, 'order_items: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.order_items where id = (select id from fx where tbl = 'order_items' and who = 'a')$sql$, '42501', null, 'order_items: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.order_items$sql$, '42501', null, 'order_items: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.order_items (order_id, product_id, quantity) values ((select id from fx where tbl = 'base' and who = 'order'), (select id from fx where tbl = 'base' and who = 'product'), 1)$sql$, '42501', null, 'order_items: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.order_items set quantity = quantity where id = (select id from fx where tbl = 'order_items' and who = 'a')$sql$, '42501', null, 'order_items: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.order_items where id = (select id from fx where tbl = 'order_items' and who = 'a')$sql$, '42501', null, 'order_items: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.order_items$sql$, '42501', null, 'order_items: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.order_items (order_id, product_id, quantity) values ((select id from fx where tbl = 'base' and who = 'order'), (select id from fx where tbl = 'base' and who = 'product'), 1)$sql$, '42501', null, 'order_items: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.order_items set quantity = quantity where id = (select id from fx where tbl = 'order_items' and who = 'a')$sql$, '42501', null, 'order_items: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.order_items where id = (select id from fx where tbl = 'order_items' and who = 'a')$sql$, '42501', null, 'order_items: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.order_items where id = (select id from fx where tbl = 'order_items' and who = 'a')), 1, 'order_items: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.order_items (order_id, product_id, quantity) values ((select id from fx where tbl = 'base' and who = 'order'), (select id from fx where tbl = 'base' and who = 'product'), 1)$sql$, 'order_items: service_role insert a row: allowed');
with d as (update aiml.order_items set quantity = quantity where id = (select id from fx where tbl = 'order_items' and who = 'a') returning 1) select is(count(*)::int, 1, 'order_items: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.order_items where id = (select id from fx where tbl = 'order_items' and who = 'b') returning 1) select is(count(*)::int, 1, 'order_items: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- orders (service) ---------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.orders$sql$, '42501', null, 'orders: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.orders (order_id) values ('fx-anon-x')$sql$, '42501', null, 'orders: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.orders set status = status where id = (select id from fx where tbl = 'orders' and who = 'a')$sql$, '42501', null, 'orders: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.orders where id = (select id from fx where tbl = 'orders' and who = 'a')$sql$, '42501', null, 'orders: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.orders$sql$, '42501', null, 'orders: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.orders (order_id) values ('fx-a-x')$sql$, '42501', null, 'orders: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.orders set status = status where id = (select id from fx where tbl = 'orders' and who = 'a')$sql$, '42501', null, 'orders: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.orders where id = (select id from fx where tbl = 'orders' and who = 'a')$sql$, '42501', null, 'orders: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.orders$sql$, '42501', null, 'orders: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.orders (order_id) values ('fx-b-x')$sql$, '42501', null, 'orders: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.orders set status = status where id = (select id from fx where tbl = 'orders' and who = 'a')$sql$, '42501', null, 'orders: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.orders where id = (select id from fx where tbl = 'orders' and who = 'a')$sql$, '42501', null, 'orders: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.orders where id = (select id from fx where tbl = 'orders' and who = 'a')), 1, 'orders: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.orders (order_id) values ('fx-new')$sql$, 'orders: service_role insert a row: allowed');
with d as (update aiml.orders set status = status where id = (select id from fx where tbl = 'orders' and who = 'a') returning 1) select is(count(*)::int, 1, 'orders: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.orders where id = (select id from fx where tbl = 'orders' and who = 'b') returning 1) select is(count(*)::int, 1, 'orders: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- transactions (service) ---------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.transactions$sql$, '42501', null, 'transactions: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.transactions (transaction_id, amount) values ('fx-anon-x', 12.5)$sql$, '42501', null, 'transactions: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.transactions set amount = amount where id = (select id from fx where tbl = 'transactions' and who = 'a')$sql$, '42501', null, 'transactions: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.transactions where id = (select id from fx where tbl = 'transactions' and who = 'a')$sql$, '42501', null, 'transactions: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.transactions$sql$, '42501', null, 'transactions: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.transactions (transaction_id, amount) values ('fx-a-x', 12.5)$sql$, '42501', null, 'transactions: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.transactions set amount = amount where id = (select id from fx where tbl = 'transactions' and who = 'a')$sql$, '42501', null, 'transactions: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.transactions where id = (select id from fx where tbl = 'transactions' and who = 'a')$sql$, '42501', null, 'transactions: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.transactions$sql$, '42501', null, 'transactions: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.transactions (transaction_id, amount) values ('fx-b-x', 12.5)$sql$, '42501', null, 'transactions: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.transactions set amount = amount where id = (select id from fx where tbl = 'transactions' and who = 'a')$sql$, '42501', null, 'transactions: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.transactions where id = (select id from fx where tbl = 'transactions' and who = 'a')$sql$, '42501', null, 'transactions: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.transactions where id = (select id from fx where tbl = 'transactions' and who = 'a')), 1, 'transactions: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.transactions (transaction_id, amount) values ('fx-new', 12.5)$sql$, 'transactions: service_role insert a row: allowed');
with d as (update aiml.transactions set amount = amount where id = (select id from fx where tbl = 'transactions' and who = 'a') returning 1) select is(count(*)::int, 1, 'transactions: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.transactions where id = (select id from fx where tbl = 'transactions' and who = 'b') returning 1) select is(count(*)::int, 1, 'transactions: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- customers (service) ------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.customers$sql$, '42501', null, 'customers: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.customers (customer_id, email) values ('fx-anon-x', 'fx-anon-x@shop.example')$sql$, '42501', null, 'customers: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.customers set email = email where id = (select id from fx where tbl = 'customers' and who = 'a')$sql$, '42501', null, 'customers: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.customers where id = (select id from fx where tbl = 'customers' and who = 'a')$sql$, '42501', null, 'customers: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.customers$sql$, '42501', null, 'customers: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.customers (customer_id, email) values ('fx-a-x', 'fx-a-x@shop.example')$sql$, '42501', null, 'customers: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.customers set email = email where id = (select id from fx where tbl = 'customers' and who = 'a')$sql$, '42501', null, 'customers: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.customers where id = (select id from fx where tbl = 'customers' and who = 'a')$sql$, '42501', null, 'customers: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.customers$sql$, '42501', null, 'customers: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.customers (customer_id, email) values ('fx-b-x', 'fx-b-x@shop.example')$sql$, '42501', null, 'customers: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.customers set email = email where id = (select id from fx where tbl = 'customers' and who = 'a')$sql$, '42501', null, 'customers: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.customers where id = (select id from fx where tbl = 'customers' and who = 'a')$sql$, '42501', null, 'customers: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.customers where id = (select id from fx where tbl = 'customers' and who = 'a')), 1, 'customers: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.customers (customer_id, email) values ('fx-new', 'fx-new@shop.example')$sql$, 'customers: service_role insert a row: allowed');
with d as (update aiml.customers set email = email where id = (select id from fx where tbl = 'customers' and who = 'a') returning 1) select is(count(*)::int, 1, 'customers: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.customers where id = (select id from fx where tbl = 'customers' and who = 'b') returning 1) select is(count(*)::int, 1, 'customers: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- customer_segments (service) ----------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.customer_segments$sql$, '42501', null, 'customer_segments: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.customer_segments (segment_id, name) values ('fx-anon-x', 'FX anon-x')$sql$, '42501', null, 'customer_segments: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.customer_segments set name = name where id = (select id from fx where tbl = 'customer_segments' and who = 'a')$sql$, '42501', null, 'customer_segments: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.customer_segments where id = (select id from fx where tbl = 'customer_segments' and who = 'a')$sql$, '42501', null, 'customer_segments: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.customer_segments$sql$, '42501', null, 'customer_segments: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.customer_segments (segment_id, name) values ('fx-a-x', 'FX a-x')$sql$, '42501', null, 'customer_segments: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.customer_segments set name = name where id = (select id from fx where tbl = 'customer_segments' and who = 'a')$sql$, '42501', null, 'customer_segments: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.customer_segments where id = (select id from fx where tbl = 'customer_segments' and who = 'a')$sql$, '42501', null, 'customer_segments: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.customer_segments$sql$, '42501', null, 'customer_segments: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.customer_segments (segment_id, name) values ('fx-b-x', 'FX b-x')$sql$, '42501', null, 'customer_segments: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.customer_segments set name = name where id = (select id from fx where tbl = 'customer_segments' and who = 'a')$sql$, '42501', null, 'customer_segments: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.customer_segments where id = (select id from fx where tbl = 'customer_segments' and who = 'a')$sql$, '42501', null, 'customer_segments: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.customer_segments where id = (select id from fx where tbl = 'customer_segments' and who = 'a')), 1, 'customer_segments: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.customer_segments (segment_id, name) values ('fx-new', 'FX new')$sql$, 'customer_segments: service_role insert a row: allowed');
with d as (update aiml.customer_segments set name = name where id = (select id from fx where tbl = 'customer_segments' and who = 'a') returning 1) select is(count(*)::int, 1, 'customer_segments: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.customer_segments where id = (select id from fx where tbl = 'customer_segments' and who = 'b') returning 1) select is(count(*)::int, 1, 'customer_segments: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- inventory_movements (service) --------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.inventory_movements$sql$, '42501', null, 'inventory_movements: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.inventory_movements (product_id, movement_type, quantity) values ((select id from fx where tbl = 'base' and who = 'product'), 'receipt', 5)$sql$, '42501', null, 'inventory_movements: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.inventory_movements set reference_id = reference_id where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')$sql$, '42501', null, 'inventory_movements: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.inventory_movements where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')$sql$, '42501', null, 'inventory_movements: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.inventory_movements$sql$, '42501', null, 'inventory_movements: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.inventory_movements (product_id, movement_type, quantity) values ((select id from fx where tbl = 'base' and who = 'product'), 'receipt', 5)$sql$, '42501', null, 'inventory_movements: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.inventory_movements set reference_id = reference_id where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')$sql$, '42501', null, 'inventory_movements: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.inventory_movements where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')$sql$, '42501', null, 'inventory_movements: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.inventory_movements$sql$, '42501', null, 'inventory_movements: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.inventory_movements (product_id, movement_type, quantity) values ((select id from fx where tbl = 'base' and who = 'product'), 'receipt', 5)$sql$, '42501', null, 'inventory_movements: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.inventory_movements set reference_id = reference_id where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')$sql$, '42501', null, 'inventory_movements: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.inventory_movements where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')$sql$, '42501', null, 'inventory_movements: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.inventory_movements where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')), 1, 'inventory_movements: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.inventory_movements (product_id, movement_type, quantity) values ((select id from fx where tbl = 'base' and who = 'product'), 'receipt', 5)$sql$, 'inventory_movements: service_role insert a row: allowed');
select throws_ok($sql$update aiml.inventory_movements set reference_id = reference_id where id = (select id from fx where tbl = 'inventory_movements' and who = 'a')$sql$, '55000', null, 'inventory_movements: service_role update a row: 55000 (append-only ledger)');
select throws_ok($sql$delete from aiml.inventory_movements where id = (select id from fx where tbl = 'inventory_movements' and who = 'b')$sql$, '55000', null, 'inventory_movements: service_role delete another row: 55000 (append-only ledger)');
select tests.clear_authentication();

-- training_datasets (service) ----------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.training_datasets$sql$, '42501', null, 'training_datasets: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.training_datasets (name, version, dataset_type) values ('fx', 'anon-x', 'general')$sql$, '42501', null, 'training_datasets: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.training_datasets set record_count = record_count where id = (select id from fx where tbl = 'training_datasets' and who = 'a')$sql$, '42501', null, 'training_datasets: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.training_datasets where id = (select id from fx where tbl = 'training_datasets' and who = 'a')$sql$, '42501', null, 'training_datasets: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.training_datasets$sql$, '42501', null, 'training_datasets: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.training_datasets (name, version, dataset_type) values ('fx', 'a-x', 'general')$sql$, '42501', null, 'training_datasets: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.training_datasets set record_count = record_count where id = (select id from fx where tbl = 'training_datasets' and who = 'a')$sql$, '42501', null, 'training_datasets: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.training_datasets where id = (select id from fx where tbl = 'training_datasets' and who = 'a')$sql$, '42501', null, 'training_datasets: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.training_datasets$sql$, '42501', null, 'training_datasets: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.training_datasets (name, version, dataset_type) values ('fx', 'b-x', 'general')$sql$, '42501', null, 'training_datasets: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.training_datasets set record_count = record_count where id = (select id from fx where tbl = 'training_datasets' and who = 'a')$sql$, '42501', null, 'training_datasets: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.training_datasets where id = (select id from fx where tbl = 'training_datasets' and who = 'a')$sql$, '42501', null, 'training_datasets: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.training_datasets where id = (select id from fx where tbl = 'training_datasets' and who = 'a')), 1, 'training_datasets: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.training_datasets (name, version, dataset_type) values ('fx', 'new', 'general')$sql$, 'training_datasets: service_role insert a row: allowed');
with d as (update aiml.training_datasets set record_count = record_count where id = (select id from fx where tbl = 'training_datasets' and who = 'a') returning 1) select is(count(*)::int, 1, 'training_datasets: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.training_datasets where id = (select id from fx where tbl = 'training_datasets' and who = 'b') returning 1) select is(count(*)::int, 1, 'training_datasets: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- conversation_examples (service) ------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.conversation_examples$sql$, '42501', null, 'conversation_examples: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.conversation_examples (user_query, ai_response) values ('FX anon-x?', 'FX anon-x.')$sql$, '42501', null, 'conversation_examples: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.conversation_examples set quality_score = quality_score where id = (select id from fx where tbl = 'conversation_examples' and who = 'a')$sql$, '42501', null, 'conversation_examples: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.conversation_examples where id = (select id from fx where tbl = 'conversation_examples' and who = 'a')$sql$, '42501', null, 'conversation_examples: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.conversation_examples$sql$, '42501', null, 'conversation_examples: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.conversation_examples (user_query, ai_response) values ('FX a-x?', 'FX a-x.')$sql$, '42501', null, 'conversation_examples: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.conversation_examples set quality_score = quality_score where id = (select id from fx where tbl = 'conversation_examples' and who = 'a')$sql$, '42501', null, 'conversation_examples: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.conversation_examples where id = (select id from fx where tbl = 'conversation_examples' and who = 'a')$sql$, '42501', null, 'conversation_examples: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.conversation_examples$sql$, '42501', null, 'conversation_examples: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.conversation_examples (user_query, ai_response) values ('FX b-x?', 'FX b-x.')$sql$, '42501', null, 'conversation_examples: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.conversation_examples set quality_score = quality_score where id = (select id from fx where tbl = 'conversation_examples' and who = 'a')$sql$, '42501', null, 'conversation_examples: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.conversation_examples where id = (select id from fx where tbl = 'conversation_examples' and who = 'a')$sql$, '42501', null, 'conversation_examples: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.conversation_examples where id = (select id from fx where tbl = 'conversation_examples' and who = 'a')), 1, 'conversation_examples: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.conversation_examples (user_query, ai_response) values ('FX new?', 'FX new.')$sql$, 'conversation_examples: service_role insert a row: allowed');
with d as (update aiml.conversation_examples set quality_score = quality_score where id = (select id from fx where tbl = 'conversation_examples' and who = 'a') returning 1) select is(count(*)::int, 1, 'conversation_examples: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.conversation_examples where id = (select id from fx where tbl = 'conversation_examples' and who = 'b') returning 1) select is(count(*)::int, 1, 'conversation_examples: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- simulation_examples (service) --------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.simulation_examples$sql$, '42501', null, 'simulation_examples: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.simulation_examples (solution_id, scenario_id) values ('fx', 'anon-x')$sql$, '42501', null, 'simulation_examples: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.simulation_examples set expected_output = expected_output where id = (select id from fx where tbl = 'simulation_examples' and who = 'a')$sql$, '42501', null, 'simulation_examples: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.simulation_examples where id = (select id from fx where tbl = 'simulation_examples' and who = 'a')$sql$, '42501', null, 'simulation_examples: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.simulation_examples$sql$, '42501', null, 'simulation_examples: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.simulation_examples (solution_id, scenario_id) values ('fx', 'a-x')$sql$, '42501', null, 'simulation_examples: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.simulation_examples set expected_output = expected_output where id = (select id from fx where tbl = 'simulation_examples' and who = 'a')$sql$, '42501', null, 'simulation_examples: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.simulation_examples where id = (select id from fx where tbl = 'simulation_examples' and who = 'a')$sql$, '42501', null, 'simulation_examples: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.simulation_examples$sql$, '42501', null, 'simulation_examples: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.simulation_examples (solution_id, scenario_id) values ('fx', 'b-x')$sql$, '42501', null, 'simulation_examples: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.simulation_examples set expected_output = expected_output where id = (select id from fx where tbl = 'simulation_examples' and who = 'a')$sql$, '42501', null, 'simulation_examples: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.simulation_examples where id = (select id from fx where tbl = 'simulation_examples' and who = 'a')$sql$, '42501', null, 'simulation_examples: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.simulation_examples where id = (select id from fx where tbl = 'simulation_examples' and who = 'a')), 1, 'simulation_examples: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.simulation_examples (solution_id, scenario_id) values ('fx', 'new')$sql$, 'simulation_examples: service_role insert a row: allowed');
with d as (update aiml.simulation_examples set expected_output = expected_output where id = (select id from fx where tbl = 'simulation_examples' and who = 'a') returning 1) select is(count(*)::int, 1, 'simulation_examples: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.simulation_examples where id = (select id from fx where tbl = 'simulation_examples' and who = 'b') returning 1) select is(count(*)::int, 1, 'simulation_examples: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- code_examples (service) --------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.code_examples$sql$, '42501', null, 'code_examples: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.code_examples (code, language, code_type) values ('print("anon-x")', 'python', 'snippet')$sql$, '42501', null, 'code_examples: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.code_examples set explanation = explanation where id = (select id from fx where tbl = 'code_examples' and who = 'a')$sql$, '42501', null, 'code_examples: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.code_examples where id = (select id from fx where tbl = 'code_examples' and who = 'a')$sql$, '42501', null, 'code_examples: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.code_examples$sql$, '42501', null, 'code_examples: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.code_examples (code, language, code_type) values ('print("a-x")', 'python', 'snippet')$sql$, '42501', null, 'code_examples: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.code_examples set explanation = explanation where id = (select id from fx where tbl = 'code_examples' and who = 'a')$sql$, '42501', null, 'code_examples: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.code_examples where id = (select id from fx where tbl = 'code_examples' and who = 'a')$sql$, '42501', null, 'code_examples: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.code_examples$sql$, '42501', null, 'code_examples: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.code_examples (code, language, code_type) values ('print("b-x")', 'python', 'snippet')$sql$, '42501', null, 'code_examples: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.code_examples set explanation = explanation where id = (select id from fx where tbl = 'code_examples' and who = 'a')$sql$, '42501', null, 'code_examples: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.code_examples where id = (select id from fx where tbl = 'code_examples' and who = 'a')$sql$, '42501', null, 'code_examples: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.code_examples where id = (select id from fx where tbl = 'code_examples' and who = 'a')), 1, 'code_examples: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.code_examples (code, language, code_type) values ('print("new")', 'python', 'snippet')$sql$, 'code_examples: service_role insert a row: allowed');
with d as (update aiml.code_examples set explanation = explanation where id = (select id from fx where tbl = 'code_examples' and who = 'a') returning 1) select is(count(*)::int, 1, 'code_examples: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.code_examples where id = (select id from fx where tbl = 'code_examples' and who = 'b') returning 1) select is(count(*)::int, 1, 'code_examples: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- model_deployments (service) ----------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.model_deployments$sql$, '42501', null, 'model_deployments: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.model_deployments (model_version_id, environment) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'staging')$sql$, '42501', null, 'model_deployments: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_deployments set deployment_status = deployment_status where id = (select id from fx where tbl = 'model_deployments' and who = 'a')$sql$, '42501', null, 'model_deployments: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_deployments where id = (select id from fx where tbl = 'model_deployments' and who = 'a')$sql$, '42501', null, 'model_deployments: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.model_deployments$sql$, '42501', null, 'model_deployments: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.model_deployments (model_version_id, environment) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'staging')$sql$, '42501', null, 'model_deployments: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_deployments set deployment_status = deployment_status where id = (select id from fx where tbl = 'model_deployments' and who = 'a')$sql$, '42501', null, 'model_deployments: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_deployments where id = (select id from fx where tbl = 'model_deployments' and who = 'a')$sql$, '42501', null, 'model_deployments: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.model_deployments$sql$, '42501', null, 'model_deployments: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.model_deployments (model_version_id, environment) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'staging')$sql$, '42501', null, 'model_deployments: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.model_deployments set deployment_status = deployment_status where id = (select id from fx where tbl = 'model_deployments' and who = 'a')$sql$, '42501', null, 'model_deployments: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.model_deployments where id = (select id from fx where tbl = 'model_deployments' and who = 'a')$sql$, '42501', null, 'model_deployments: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.model_deployments where id = (select id from fx where tbl = 'model_deployments' and who = 'a')), 1, 'model_deployments: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.model_deployments (model_version_id, environment) values ((select id from fx where tbl = 'base' and who = 'model_version'), 'staging')$sql$, 'model_deployments: service_role insert a row: allowed');
with d as (update aiml.model_deployments set deployment_status = deployment_status where id = (select id from fx where tbl = 'model_deployments' and who = 'a') returning 1) select is(count(*)::int, 1, 'model_deployments: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.model_deployments where id = (select id from fx where tbl = 'model_deployments' and who = 'b') returning 1) select is(count(*)::int, 1, 'model_deployments: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- content_versions (service) -----------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.content_versions$sql$, '42501', null, 'content_versions: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'fx-anon-x', 1, '{}', 'manual', repeat('a', 64))$sql$, '42501', null, 'content_versions: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_versions set source_file = source_file where id = (select id from fx where tbl = 'content_versions' and who = 'a')$sql$, '42501', null, 'content_versions: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_versions where id = (select id from fx where tbl = 'content_versions' and who = 'a')$sql$, '42501', null, 'content_versions: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.content_versions$sql$, '42501', null, 'content_versions: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'fx-a-x', 1, '{}', 'manual', repeat('a', 64))$sql$, '42501', null, 'content_versions: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_versions set source_file = source_file where id = (select id from fx where tbl = 'content_versions' and who = 'a')$sql$, '42501', null, 'content_versions: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_versions where id = (select id from fx where tbl = 'content_versions' and who = 'a')$sql$, '42501', null, 'content_versions: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.content_versions$sql$, '42501', null, 'content_versions: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'fx-b-x', 1, '{}', 'manual', repeat('a', 64))$sql$, '42501', null, 'content_versions: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_versions set source_file = source_file where id = (select id from fx where tbl = 'content_versions' and who = 'a')$sql$, '42501', null, 'content_versions: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_versions where id = (select id from fx where tbl = 'content_versions' and who = 'a')$sql$, '42501', null, 'content_versions: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.content_versions where id = (select id from fx where tbl = 'content_versions' and who = 'a')), 1, 'content_versions: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.content_versions (content_type, content_id, version, content_data, source, checksum) values ('use_case', 'fx-new', 1, '{}', 'manual', repeat('a', 64))$sql$, 'content_versions: service_role insert a row: allowed');
with d as (update aiml.content_versions set source_file = source_file where id = (select id from fx where tbl = 'content_versions' and who = 'a') returning 1) select is(count(*)::int, 1, 'content_versions: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.content_versions where id = (select id from fx where tbl = 'content_versions' and who = 'b') returning 1) select is(count(*)::int, 1, 'content_versions: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- content_syncs (service) --------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.content_syncs$sql$, '42501', null, 'content_syncs: anon select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.content_syncs (sync_type) values ('full')$sql$, '42501', null, 'content_syncs: anon insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_syncs set records_processed = records_processed where id = (select id from fx where tbl = 'content_syncs' and who = 'a')$sql$, '42501', null, 'content_syncs: anon update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_syncs where id = (select id from fx where tbl = 'content_syncs' and who = 'a')$sql$, '42501', null, 'content_syncs: anon delete a row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select throws_ok($sql$select * from aiml.content_syncs$sql$, '42501', null, 'content_syncs: owner select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.content_syncs (sync_type) values ('full')$sql$, '42501', null, 'content_syncs: owner insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_syncs set records_processed = records_processed where id = (select id from fx where tbl = 'content_syncs' and who = 'a')$sql$, '42501', null, 'content_syncs: owner update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_syncs where id = (select id from fx where tbl = 'content_syncs' and who = 'a')$sql$, '42501', null, 'content_syncs: owner delete a row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select throws_ok($sql$select * from aiml.content_syncs$sql$, '42501', null, 'content_syncs: other user select a row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.content_syncs (sync_type) values ('full')$sql$, '42501', null, 'content_syncs: other user insert a row: 42501 (no grant)');
select throws_ok($sql$update aiml.content_syncs set records_processed = records_processed where id = (select id from fx where tbl = 'content_syncs' and who = 'a')$sql$, '42501', null, 'content_syncs: other user update a row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.content_syncs where id = (select id from fx where tbl = 'content_syncs' and who = 'a')$sql$, '42501', null, 'content_syncs: other user delete a row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.content_syncs where id = (select id from fx where tbl = 'content_syncs' and who = 'a')), 1, 'content_syncs: service_role select a row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.content_syncs (sync_type) values ('full')$sql$, 'content_syncs: service_role insert a row: allowed');
with d as (update aiml.content_syncs set records_processed = records_processed where id = (select id from fx where tbl = 'content_syncs' and who = 'a') returning 1) select is(count(*)::int, 1, 'content_syncs: service_role update a row: 1 row(s)') from d;
with d as (delete from aiml.content_syncs where id = (select id from fx where tbl = 'content_syncs' and who = 'b') returning 1) select is(count(*)::int, 1, 'content_syncs: service_role delete another row: 1 row(s)') from d;
select tests.clear_authentication();

-- use_case_executions (owner) ----------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.use_case_executions$sql$, '42501', null, 'use_case_executions: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.use_case_executions (use_case_id, user_id) values ((select id from fx where tbl = 'base' and who = 'use_case'), (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'use_case_executions: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.use_case_executions set model_version = model_version where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')$sql$, '42501', null, 'use_case_executions: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')$sql$, '42501', null, 'use_case_executions: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')), 0, 'use_case_executions: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.use_case_executions (use_case_id, user_id) values ((select id from fx where tbl = 'base' and who = 'use_case'), (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'use_case_executions: other user insert a row for the owner: 42501 (row fails the WITH CHECK)');
select throws_ok($sql$update aiml.use_case_executions set model_version = model_version where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')$sql$, '42501', null, 'use_case_executions: other user update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')$sql$, '42501', null, 'use_case_executions: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')), 1, 'use_case_executions: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'b')), 0, 'use_case_executions: owner select another user''s row: sees 0 row(s)');
select lives_ok($sql$insert into aiml.use_case_executions (use_case_id, user_id) values ((select id from fx where tbl = 'base' and who = 'use_case'), (select id from fx where tbl = 'users' and who = 'a'))$sql$, 'use_case_executions: owner insert an own row: allowed');
select throws_ok($sql$update aiml.use_case_executions set model_version = model_version where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')$sql$, '42501', null, 'use_case_executions: owner update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'a2')$sql$, '42501', null, 'use_case_executions: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'a')), 1, 'use_case_executions: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.use_case_executions (use_case_id, user_id) values ((select id from fx where tbl = 'base' and who = 'use_case'), (select id from fx where tbl = 'users' and who = 'b'))$sql$, 'use_case_executions: service_role insert a row for a user: allowed');
with d as (update aiml.use_case_executions set model_version = model_version where id = (select id from fx where tbl = 'use_case_executions' and who = 'a') returning 1) select is(count(*)::int, 1, 'use_case_executions: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.use_case_executions where id = (select id from fx where tbl = 'use_case_executions' and who = 'b') returning 1) select is(count(*)::int, 1, 'use_case_executions: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- discovery_tool_executions (owner) ----------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.discovery_tool_executions$sql$, '42501', null, 'discovery_tool_executions: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.discovery_tool_executions (tool_id, user_id) values ((select id from fx where tbl = 'base' and who = 'tool'), (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'discovery_tool_executions: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.discovery_tool_executions set output_data = output_data where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')$sql$, '42501', null, 'discovery_tool_executions: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')$sql$, '42501', null, 'discovery_tool_executions: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')), 0, 'discovery_tool_executions: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.discovery_tool_executions (tool_id, user_id) values ((select id from fx where tbl = 'base' and who = 'tool'), (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'discovery_tool_executions: other user insert a row for the owner: 42501 (row fails the WITH CHECK)');
select throws_ok($sql$update aiml.discovery_tool_executions set output_data = output_data where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')$sql$, '42501', null, 'discovery_tool_executions: other user update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')$sql$, '42501', null, 'discovery_tool_executions: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')), 1, 'discovery_tool_executions: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'b')), 0, 'discovery_tool_executions: owner select another user''s row: sees 0 row(s)');
select lives_ok($sql$insert into aiml.discovery_tool_executions (tool_id, user_id) values ((select id from fx where tbl = 'base' and who = 'tool'), (select id from fx where tbl = 'users' and who = 'a'))$sql$, 'discovery_tool_executions: owner insert an own row: allowed');
select throws_ok($sql$update aiml.discovery_tool_executions set output_data = output_data where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')$sql$, '42501', null, 'discovery_tool_executions: owner update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a2')$sql$, '42501', null, 'discovery_tool_executions: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a')), 1, 'discovery_tool_executions: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.discovery_tool_executions (tool_id, user_id) values ((select id from fx where tbl = 'base' and who = 'tool'), (select id from fx where tbl = 'users' and who = 'b'))$sql$, 'discovery_tool_executions: service_role insert a row for a user: allowed');
with d as (update aiml.discovery_tool_executions set output_data = output_data where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'a') returning 1) select is(count(*)::int, 1, 'discovery_tool_executions: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.discovery_tool_executions where id = (select id from fx where tbl = 'discovery_tool_executions' and who = 'b') returning 1) select is(count(*)::int, 1, 'discovery_tool_executions: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- analytics_events (owner) -------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.analytics_events$sql$, '42501', null, 'analytics_events: anon select the owner''s row: 42501 (no grant)');
select lives_ok($sql$insert into aiml.analytics_events (event_type) values ('fx.anon')$sql$, 'analytics_events: anon insert a row without a user: allowed');
select throws_ok($sql$insert into aiml.analytics_events (event_type, user_id) values ('fx.anon_x', (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'analytics_events: anon insert a row for the owner: 42501 (row fails the WITH CHECK)');
select throws_ok($sql$update aiml.analytics_events set properties = properties where id = (select id from fx where tbl = 'analytics_events' and who = 'a')$sql$, '42501', null, 'analytics_events: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'a')$sql$, '42501', null, 'analytics_events: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'a')), 0, 'analytics_events: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.analytics_events (event_type, user_id) values ('fx.b_x', (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'analytics_events: other user insert a row for the owner: 42501 (row fails the WITH CHECK)');
select throws_ok($sql$update aiml.analytics_events set properties = properties where id = (select id from fx where tbl = 'analytics_events' and who = 'a')$sql$, '42501', null, 'analytics_events: other user update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'a')$sql$, '42501', null, 'analytics_events: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'a')), 1, 'analytics_events: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'b')), 0, 'analytics_events: owner select another user''s row: sees 0 row(s)');
select lives_ok($sql$insert into aiml.analytics_events (event_type, user_id) values ('fx.a_x', (select id from fx where tbl = 'users' and who = 'a'))$sql$, 'analytics_events: owner insert an own row: allowed');
select throws_ok($sql$update aiml.analytics_events set properties = properties where id = (select id from fx where tbl = 'analytics_events' and who = 'a')$sql$, '42501', null, 'analytics_events: owner update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'a2')$sql$, '42501', null, 'analytics_events: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'a')), 1, 'analytics_events: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.analytics_events (event_type, user_id) values ('fx.svc_x', (select id from fx where tbl = 'users' and who = 'b'))$sql$, 'analytics_events: service_role insert a row for a user: allowed');
with d as (update aiml.analytics_events set properties = properties where id = (select id from fx where tbl = 'analytics_events' and who = 'a') returning 1) select is(count(*)::int, 1, 'analytics_events: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.analytics_events where id = (select id from fx where tbl = 'analytics_events' and who = 'b') returning 1) select is(count(*)::int, 1, 'analytics_events: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- devlab_files (owner) -----------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.devlab_files$sql$, '42501', null, 'devlab_files: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.devlab_files (project_id, file_path, file_name) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'src/anon-x.py', 'anon-x.py')$sql$, '42501', null, 'devlab_files: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_files set content = content where id = (select id from fx where tbl = 'devlab_files' and who = 'a')$sql$, '42501', null, 'devlab_files: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'a')$sql$, '42501', null, 'devlab_files: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'a')), 0, 'devlab_files: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_files (project_id, file_path, file_name) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'src/b-x.py', 'b-x.py')$sql$, '42501', null, 'devlab_files: other user insert a row for the owner: 42501 (row fails the WITH CHECK)');
with d as (update aiml.devlab_files set content = content where id = (select id from fx where tbl = 'devlab_files' and who = 'a') returning 1) select is(count(*)::int, 0, 'devlab_files: other user update the owner''s row: 0 row(s)') from d;
with d as (delete from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'a') returning 1) select is(count(*)::int, 0, 'devlab_files: other user delete the owner''s row: 0 row(s)') from d;
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'a')), 1, 'devlab_files: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'b')), 0, 'devlab_files: owner select another user''s row: sees 0 row(s)');
select lives_ok($sql$insert into aiml.devlab_files (project_id, file_path, file_name) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'src/a-x.py', 'a-x.py')$sql$, 'devlab_files: owner insert an own row: allowed');
with d as (update aiml.devlab_files set content = content where id = (select id from fx where tbl = 'devlab_files' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_files: owner update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'a2') returning 1) select is(count(*)::int, 1, 'devlab_files: owner delete the owner''s row: 1 row(s)') from d;
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'a')), 1, 'devlab_files: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.devlab_files (project_id, file_path, file_name) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'src/svc-x.py', 'svc-x.py')$sql$, 'devlab_files: service_role insert a row for a user: allowed');
with d as (update aiml.devlab_files set content = content where id = (select id from fx where tbl = 'devlab_files' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_files: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_files where id = (select id from fx where tbl = 'devlab_files' and who = 'b') returning 1) select is(count(*)::int, 1, 'devlab_files: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- devlab_tests (owner) -----------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.devlab_tests$sql$, '42501', null, 'devlab_tests: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.devlab_tests (project_id, test_name, test_code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'test anon-x', 'assert True')$sql$, '42501', null, 'devlab_tests: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_tests set test_code = test_code where id = (select id from fx where tbl = 'devlab_tests' and who = 'a')$sql$, '42501', null, 'devlab_tests: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'a')$sql$, '42501', null, 'devlab_tests: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'a')), 0, 'devlab_tests: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_tests (project_id, test_name, test_code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'test b-x', 'assert True')$sql$, '42501', null, 'devlab_tests: other user insert a row for the owner: 42501 (row fails the WITH CHECK)');
with d as (update aiml.devlab_tests set test_code = test_code where id = (select id from fx where tbl = 'devlab_tests' and who = 'a') returning 1) select is(count(*)::int, 0, 'devlab_tests: other user update the owner''s row: 0 row(s)') from d;
with d as (delete from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'a') returning 1) select is(count(*)::int, 0, 'devlab_tests: other user delete the owner''s row: 0 row(s)') from d;
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'a')), 1, 'devlab_tests: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'b')), 0, 'devlab_tests: owner select another user''s row: sees 0 row(s)');
select lives_ok($sql$insert into aiml.devlab_tests (project_id, test_name, test_code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'test a-x', 'assert True')$sql$, 'devlab_tests: owner insert an own row: allowed');
with d as (update aiml.devlab_tests set test_code = test_code where id = (select id from fx where tbl = 'devlab_tests' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_tests: owner update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'a2') returning 1) select is(count(*)::int, 1, 'devlab_tests: owner delete the owner''s row: 1 row(s)') from d;
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'a')), 1, 'devlab_tests: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.devlab_tests (project_id, test_name, test_code) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'test svc-x', 'assert True')$sql$, 'devlab_tests: service_role insert a row for a user: allowed');
with d as (update aiml.devlab_tests set test_code = test_code where id = (select id from fx where tbl = 'devlab_tests' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_tests: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_tests where id = (select id from fx where tbl = 'devlab_tests' and who = 'b') returning 1) select is(count(*)::int, 1, 'devlab_tests: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- devlab_executions (owner) ------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.devlab_executions$sql$, '42501', null, 'devlab_executions: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.devlab_executions (project_id, language, code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'python', 'print("anon-x")')$sql$, '42501', null, 'devlab_executions: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_executions set code = code where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')$sql$, '42501', null, 'devlab_executions: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')$sql$, '42501', null, 'devlab_executions: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')), 0, 'devlab_executions: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_executions (project_id, language, code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'python', 'print("b-x")')$sql$, '42501', null, 'devlab_executions: other user insert a row for the owner: 42501 (row fails the WITH CHECK)');
select throws_ok($sql$update aiml.devlab_executions set code = code where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')$sql$, '42501', null, 'devlab_executions: other user update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')$sql$, '42501', null, 'devlab_executions: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')), 1, 'devlab_executions: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'b')), 0, 'devlab_executions: owner select another user''s row: sees 0 row(s)');
select lives_ok($sql$insert into aiml.devlab_executions (project_id, language, code) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'python', 'print("a-x")')$sql$, 'devlab_executions: owner insert an own row: allowed');
select throws_ok($sql$update aiml.devlab_executions set code = code where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')$sql$, '42501', null, 'devlab_executions: owner update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'a2')$sql$, '42501', null, 'devlab_executions: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'a')), 1, 'devlab_executions: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.devlab_executions (project_id, language, code) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'python', 'print("svc-x")')$sql$, 'devlab_executions: service_role insert a row for a user: allowed');
with d as (update aiml.devlab_executions set code = code where id = (select id from fx where tbl = 'devlab_executions' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_executions: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_executions where id = (select id from fx where tbl = 'devlab_executions' and who = 'b') returning 1) select is(count(*)::int, 1, 'devlab_executions: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- devlab_analyses (owner) --------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.devlab_analyses$sql$, '42501', null, 'devlab_analyses: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.devlab_analyses (project_id, analysis_type) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'quality')$sql$, '42501', null, 'devlab_analyses: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_analyses set findings = findings where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')$sql$, '42501', null, 'devlab_analyses: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')$sql$, '42501', null, 'devlab_analyses: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')), 0, 'devlab_analyses: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_analyses (project_id, analysis_type) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'quality')$sql$, '42501', null, 'devlab_analyses: other user insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_analyses set findings = findings where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')$sql$, '42501', null, 'devlab_analyses: other user update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')$sql$, '42501', null, 'devlab_analyses: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')), 1, 'devlab_analyses: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'b')), 0, 'devlab_analyses: owner select another user''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_analyses (project_id, analysis_type) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'quality')$sql$, '42501', null, 'devlab_analyses: owner insert an own row: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_analyses set findings = findings where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')$sql$, '42501', null, 'devlab_analyses: owner update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a2')$sql$, '42501', null, 'devlab_analyses: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a')), 1, 'devlab_analyses: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.devlab_analyses (project_id, analysis_type) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'quality')$sql$, 'devlab_analyses: service_role insert a row for a user: allowed');
with d as (update aiml.devlab_analyses set findings = findings where id = (select id from fx where tbl = 'devlab_analyses' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_analyses: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_analyses where id = (select id from fx where tbl = 'devlab_analyses' and who = 'b') returning 1) select is(count(*)::int, 1, 'devlab_analyses: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- devlab_vulnerabilities (owner) -------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.devlab_vulnerabilities$sql$, '42501', null, 'devlab_vulnerabilities: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'sql_injection', 'high', 'FX anon-x')$sql$, '42501', null, 'devlab_vulnerabilities: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_vulnerabilities set fix_suggestion = fix_suggestion where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')$sql$, '42501', null, 'devlab_vulnerabilities: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')$sql$, '42501', null, 'devlab_vulnerabilities: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')), 0, 'devlab_vulnerabilities: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'sql_injection', 'high', 'FX b-x')$sql$, '42501', null, 'devlab_vulnerabilities: other user insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_vulnerabilities set fix_suggestion = fix_suggestion where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')$sql$, '42501', null, 'devlab_vulnerabilities: other user update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')$sql$, '42501', null, 'devlab_vulnerabilities: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')), 1, 'devlab_vulnerabilities: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'b')), 0, 'devlab_vulnerabilities: owner select another user''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'sql_injection', 'high', 'FX a-x')$sql$, '42501', null, 'devlab_vulnerabilities: owner insert an own row: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_vulnerabilities set fix_suggestion = fix_suggestion where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')$sql$, '42501', null, 'devlab_vulnerabilities: owner update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a2')$sql$, '42501', null, 'devlab_vulnerabilities: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a')), 1, 'devlab_vulnerabilities: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'sql_injection', 'high', 'FX svc-x')$sql$, 'devlab_vulnerabilities: service_role insert a row for a user: allowed');
with d as (update aiml.devlab_vulnerabilities set fix_suggestion = fix_suggestion where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_vulnerabilities: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_vulnerabilities where id = (select id from fx where tbl = 'devlab_vulnerabilities' and who = 'b') returning 1) select is(count(*)::int, 1, 'devlab_vulnerabilities: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- devlab_insights (owner) --------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.devlab_insights$sql$, '42501', null, 'devlab_insights: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.devlab_insights (project_id, insight_type, title) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'refactor', 'FX anon-x')$sql$, '42501', null, 'devlab_insights: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_insights set action = action where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')$sql$, '42501', null, 'devlab_insights: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')$sql$, '42501', null, 'devlab_insights: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')), 0, 'devlab_insights: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_insights (project_id, insight_type, title) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'refactor', 'FX b-x')$sql$, '42501', null, 'devlab_insights: other user insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_insights set action = action where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')$sql$, '42501', null, 'devlab_insights: other user update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')$sql$, '42501', null, 'devlab_insights: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')), 1, 'devlab_insights: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'b')), 0, 'devlab_insights: owner select another user''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_insights (project_id, insight_type, title) values ((select id from fx where tbl = 'devlab_projects' and who = 'a'), 'refactor', 'FX a-x')$sql$, '42501', null, 'devlab_insights: owner insert an own row: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_insights set action = action where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')$sql$, '42501', null, 'devlab_insights: owner update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'a2')$sql$, '42501', null, 'devlab_insights: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'a')), 1, 'devlab_insights: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.devlab_insights (project_id, insight_type, title) values ((select id from fx where tbl = 'devlab_projects' and who = 'b'), 'refactor', 'FX svc-x')$sql$, 'devlab_insights: service_role insert a row for a user: allowed');
with d as (update aiml.devlab_insights set action = action where id = (select id from fx where tbl = 'devlab_insights' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_insights: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_insights where id = (select id from fx where tbl = 'devlab_insights' and who = 'b') returning 1) select is(count(*)::int, 1, 'devlab_insights: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- devlab_projects (owner) --------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.devlab_projects$sql$, '42501', null, 'devlab_projects: anon select the owner''s row: 42501 (no grant)');
select throws_ok($sql$insert into aiml.devlab_projects (name, language, user_id) values ('FX anon-x', 'python', (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'devlab_projects: anon insert a row for the owner: 42501 (no grant)');
select throws_ok($sql$update aiml.devlab_projects set metadata = metadata where id = (select id from fx where tbl = 'devlab_projects' and who = 'a')$sql$, '42501', null, 'devlab_projects: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'a')$sql$, '42501', null, 'devlab_projects: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'a')), 0, 'devlab_projects: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.devlab_projects (name, language, user_id) values ('FX b-x', 'python', (select id from fx where tbl = 'users' and who = 'a'))$sql$, '42501', null, 'devlab_projects: other user insert a row for the owner: 42501 (row fails the WITH CHECK)');
with d as (update aiml.devlab_projects set metadata = metadata where id = (select id from fx where tbl = 'devlab_projects' and who = 'a') returning 1) select is(count(*)::int, 0, 'devlab_projects: other user update the owner''s row: 0 row(s)') from d;
with d as (delete from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'a') returning 1) select is(count(*)::int, 0, 'devlab_projects: other user delete the owner''s row: 0 row(s)') from d;
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'a')), 1, 'devlab_projects: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'b')), 0, 'devlab_projects: owner select another user''s row: sees 0 row(s)');
select lives_ok($sql$insert into aiml.devlab_projects (name, language, user_id) values ('FX a-x', 'python', (select id from fx where tbl = 'users' and who = 'a'))$sql$, 'devlab_projects: owner insert an own row: allowed');
with d as (update aiml.devlab_projects set metadata = metadata where id = (select id from fx where tbl = 'devlab_projects' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_projects: owner update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'a2') returning 1) select is(count(*)::int, 1, 'devlab_projects: owner delete the owner''s row: 1 row(s)') from d;
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'a')), 1, 'devlab_projects: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.devlab_projects (name, language, user_id) values ('FX svc-x', 'python', (select id from fx where tbl = 'users' and who = 'b'))$sql$, 'devlab_projects: service_role insert a row for a user: allowed');
with d as (update aiml.devlab_projects set metadata = metadata where id = (select id from fx where tbl = 'devlab_projects' and who = 'a') returning 1) select is(count(*)::int, 1, 'devlab_projects: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.devlab_projects where id = (select id from fx where tbl = 'devlab_projects' and who = 'b') returning 1) select is(count(*)::int, 1, 'devlab_projects: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

-- users (profile) ------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($sql$select * from aiml.users$sql$, '42501', null, 'users: anon select: 42501 (no grant)');
select throws_ok($sql$insert into aiml.users (auth_user_id) values (tests.get_user_id('c@example.com'))$sql$, '42501', null, 'users: anon insert a profile: 42501 (no grant)');
select throws_ok($sql$update aiml.users set preferences = preferences where id = (select id from fx where tbl = 'users' and who = 'a')$sql$, '42501', null, 'users: anon update the owner''s row: 42501 (no grant)');
select throws_ok($sql$delete from aiml.users where id = (select id from fx where tbl = 'users' and who = 'a')$sql$, '42501', null, 'users: anon delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('b@example.com');
select is((select count(*)::int from aiml.users where id = (select id from fx where tbl = 'users' and who = 'a')), 0, 'users: other user select the owner''s row: sees 0 row(s)');
select throws_ok($sql$insert into aiml.users (auth_user_id) values (tests.get_user_id('a@example.com'))$sql$, '42501', null, 'users: other user insert a profile for someone else: 42501 (caller check in sync_user_email, then WITH CHECK)');
with d as (update aiml.users set preferences = preferences where id = (select id from fx where tbl = 'users' and who = 'a') returning 1) select is(count(*)::int, 0, 'users: other user update the owner''s row: 0 row(s)') from d;
select throws_ok($sql$delete from aiml.users where id = (select id from fx where tbl = 'users' and who = 'a')$sql$, '42501', null, 'users: other user delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as('a@example.com');
select is((select count(*)::int from aiml.users where id = (select id from fx where tbl = 'users' and who = 'a')), 1, 'users: owner select the owner''s row: sees 1 row(s)');
select is((select count(*)::int from aiml.users where id = (select id from fx where tbl = 'users' and who = 'b')), 0, 'users: owner select another user''s row: sees 0 row(s)');
select tests.authenticate_as('c@example.com');
select lives_ok($sql$insert into aiml.users (auth_user_id, username) values (tests.get_user_id('c@example.com'), 'rls_c')$sql$, 'users: a signed-in user without a profile inserts their own: allowed');
select tests.authenticate_as('a@example.com');
with d as (update aiml.users set preferences = preferences where id = (select id from fx where tbl = 'users' and who = 'a') returning 1) select is(count(*)::int, 1, 'users: owner update the owner''s row: 1 row(s)') from d;
select throws_ok($sql$delete from aiml.users where id = (select id from fx where tbl = 'users' and who = 'a')$sql$, '42501', null, 'users: owner delete the owner''s row: 42501 (no grant)');
select tests.authenticate_as_service_role();
select is((select count(*)::int from aiml.users where id = (select id from fx where tbl = 'users' and who = 'a')), 1, 'users: service_role select the owner''s row: sees 1 row(s)');
select lives_ok($sql$insert into aiml.users (auth_user_id, username) values (tests.get_user_id('d@example.com'), 'rls_d')$sql$, 'users: service_role insert a profile: allowed');
with d as (update aiml.users set preferences = preferences where id = (select id from fx where tbl = 'users' and who = 'a') returning 1) select is(count(*)::int, 1, 'users: service_role update the owner''s row: 1 row(s)') from d;
with d as (delete from aiml.users where id = (select id from fx where tbl = 'users' and who = 'b') returning 1) select is(count(*)::int, 1, 'users: service_role delete another user''s row: 1 row(s)') from d;
select tests.clear_authentication();

select * from finish();
rollback;
