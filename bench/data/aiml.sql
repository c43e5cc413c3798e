-- bench data: aiml. Sizes at SCALE=1: 30k profiles, 100k products (1536-d
-- embedding each, visual_embedding on 30%), 100k content chunks with
-- embeddings, 300k use case executions, 100k discovery executions, 500k
-- analytics events, 20k DevLab projects (100k files, 200k executions),
-- 50k customers, 200k orders (400k items), 200k transactions.
-- Embeddings are random, not semantic: each is the sum of three vectors from
-- a pool of 512 uniform random vectors (generating 300k independent
-- 1536-component vectors in SQL alone takes minutes); storage, distance cost
-- and HNSW build/search work are those of real 1536-d embeddings.
select setseed(0.55);
select least(:users, round(30000 * :scale))::integer as aiml_users,
       round(100000 * :scale)::integer as products,
       round(100000 * :scale)::integer as chunks,
       greatest(100, round(20000 * :scale))::integer as projects \gset

create table if not exists bench.vpool as
select i, bench.random_vector(i, 'pool') as v from generate_series(0, 511) as i;
create unique index if not exists vpool_i on bench.vpool (i);

-- the query vectors the search benchmarks use
create table if not exists bench.query_vectors as
select i, bench.random_vector(i, 'query') as v from generate_series(1, 20) as i;

insert into aiml.users (id, auth_user_id, email, username, preferences, created_at, updated_at)
overriding system value
select k, bench.uid(k), 'user' || k || '@bench.example', 'user' || k, '{}', now() - interval '300 days', now()
from generate_series(1, :aiml_users) as k;

insert into aiml.product_categories (id, category_id, name)
overriding system value
select c, 'category-' || c, 'Category ' || c from generate_series(1, 50) as c;

insert into aiml.products (id, product_id, sku, name, description, price, category_id, embedding, visual_embedding,
                           created_at, updated_at)
overriding system value
select p, 'prod-' || p, 'SKU-' || p, 'Product ' || p, 'A product description', round((5 + 500 * bench.h(p, 'pr'))::numeric, 2),
       1 + p % 50,
       a.v + b.v + c.v,
       case when p % 10 < 3 then a.v + c.v end,
       now() - interval '500 days' * bench.h(p, 'pt'), now()
from generate_series(1, :products) as p
join bench.vpool as a on a.i = floor(512 * bench.h(p, 'pa'))::integer
join bench.vpool as b on b.i = floor(512 * bench.h(p, 'pb'))::integer
join bench.vpool as c on c.i = floor(512 * bench.h(p, 'pc'))::integer;

create temp table ucs as select row_number() over (order by id) - 1 as k, id from aiml.use_cases;
select count(*) as nuc from ucs \gset
create temp table dts as select row_number() over (order by id) - 1 as k, id from aiml.discovery_tools;
select count(*) as ndt from dts \gset

insert into aiml.content_chunks (use_case_id, content_type, content_text, embedding, embedding_model, created_at, updated_at)
select u.id,
       (array['description', 'theory', 'tips', 'keywords', 'faq', 'example', 'guide'])[1 + j % 7],
       'Chunk ' || j || ': ' || repeat('some explanatory text about the use case. ', 8),
       a.v + b.v + c.v, 'text-embedding-3-small', now(), now()
from generate_series(1, :chunks) as j
join ucs as u on u.k = j % :nuc
join bench.vpool as a on a.i = floor(512 * bench.h(j, 'ca'))::integer
join bench.vpool as b on b.i = floor(512 * bench.h(j, 'cb'))::integer
join bench.vpool as c on c.i = floor(512 * bench.h(j, 'cc'))::integer;

insert into aiml.use_case_executions (use_case_id, user_id, input_data, output_data, confidence, latency_ms,
                                      model_version, created_at)
select u.id, bench.skew(bench.h(j, 'ue-u'), :aiml_users), '{"q": "x"}', '{"a": "y"}',
       round(bench.h(j, 'ue-c')::numeric, 4), 50 + j % 2000, 'v1', now() - interval '365 days' * bench.h(j, 'ue-t')
from generate_series(1, round(300000 * :scale)::integer) as j
join ucs as u on u.k = floor(:nuc * bench.h(j, 'ue-uc') ^ 2)::integer;

insert into aiml.discovery_tool_executions (tool_id, user_id, input_data, output_data, created_at)
select d.id, bench.skew(bench.h(j, 'de-u'), :aiml_users), '{}', '{}', now() - interval '365 days' * bench.h(j, 'de-t')
from generate_series(1, round(100000 * :scale)::integer) as j
join dts as d on d.k = j % :ndt;

insert into aiml.analytics_events (event_type, user_id, event_data, properties, created_at)
select (array['page.view', 'use_case.run', 'product.view', 'search', 'checkout.start'])[1 + j % 5],
       case when j % 5 <> 0 then bench.skew(bench.h(j, 'ev-u'), :aiml_users) end,
       '{}', '{"source": "web"}', now() - interval '365 days' * bench.h(j, 'ev-t')
from generate_series(1, round(500000 * :scale)::integer) as j;

insert into aiml.devlab_projects (id, project_id, name, language, user_id, created_at, updated_at)
overriding system value
select p, md5('dp-' || p), 'Project ' || p, (array['python', 'javascript', 'typescript', 'go'])[1 + p % 4],
       bench.skew(bench.h(p, 'dp-u'), :aiml_users), now() - interval '300 days' * bench.h(p, 'dp-t'), now()
from generate_series(1, :projects) as p;

insert into aiml.devlab_files (project_id, file_path, file_name, content, language, file_type)
select p, 'src/file' || f || '.py', 'file' || f || '.py', repeat('print("hello")' || chr(10), 20), 'python', 'source'
from generate_series(1, :projects) as p cross join generate_series(1, 5) as f;

insert into aiml.devlab_executions (project_id, language, code, status, output, execution_time_ms, created_at, updated_at)
select x.p, 'python', 'print(1)',
       case when j % 100 = 0 then 'queued' when j % 100 = 1 then 'running' when j % 10 = 5 then 'failed' else 'completed' end,
       '1', case when j % 100 > 1 then 10 + j % 5000 end, now() - interval '300 days' * bench.h(j, 'dx-t'), now()
from generate_series(1, round(200000 * :scale)::integer) as j
cross join lateral (select bench.skew(bench.h(j, 'dx-p'), :projects) as p) as x;

insert into aiml.devlab_analyses (project_id, analysis_type, severity) select p, 'security', 'low' from generate_series(1, :projects) as p;
insert into aiml.devlab_tests (project_id, test_name, test_code) select p, 'test_main', 'assert True' from generate_series(1, :projects) as p;
insert into aiml.devlab_insights (project_id, insight_type, title) select p, 'refactor', 'Extract a function' from generate_series(1, :projects) as p;

insert into aiml.customer_segments (id, segment_id, name) overriding system value
select s, 'segment-' || s, 'Segment ' || s from generate_series(1, 8) as s;

insert into aiml.customers (id, customer_id, email, total_orders, total_spent, churn_probability, segment_id)
overriding system value
select c, 'cust-' || c, 'cust' || c || '@bench.example', 0, 0, round(bench.h(c, 'churn')::numeric, 4), 1 + c % 8
from generate_series(1, round(50000 * :scale)::integer) as c;

insert into aiml.orders (id, order_id, customer_id, status, total, created_at, updated_at)
overriding system value
select o, 'order-' || o, bench.skew(bench.h(o, 'or-c'), round(50000 * :scale)::integer),
       (array['pending', 'paid', 'shipped', 'delivered', 'delivered', 'delivered', 'cancelled', 'refunded'])[1 + o % 8],
       0, now() - interval '365 days' * bench.h(o, 'or-t'), now()
from generate_series(1, round(200000 * :scale)::integer) as o;

insert into aiml.order_items (order_id, product_id, quantity, unit_price, created_at, updated_at)
select o, 1 + floor(:products * bench.h(o * 2 + i, 'oi-p') ^ 2)::integer, 1 + (o + i) % 3, 19.99, now(), now()
from generate_series(1, round(200000 * :scale)::integer) as o cross join generate_series(1, 2) as i;

update aiml.orders as o set total = t.total
from (select order_id, sum(line_total) as total from aiml.order_items group by 1) as t
where t.order_id = o.id;

insert into aiml.transactions (transaction_id, customer_id, amount, is_fraud, fraud_score, device_fingerprint, created_at, updated_at)
select 'tx-' || t, bench.skew(bench.h(t, 'tx-c'), round(50000 * :scale)::integer), 10 + t % 900, t % 100 = 0,
       round(bench.h(t, 'tx-f')::numeric, 4), md5('dev' || (t % 5000)), now() - interval '365 days' * bench.h(t, 'tx-t'), now()
from generate_series(1, round(200000 * :scale)::integer) as t;

insert into aiml.inventory (product_id, current_stock, reorder_point, reorder_quantity)
select p, 10 + p % 200, 20, 100 from generate_series(1, :products) as p;

select setval(pg_get_serial_sequence('aiml.' || t, 'id'), greatest(1, (select max(id) from aiml.users)))
from (values ('users')) as v (t);
select setval(pg_get_serial_sequence('aiml.products', 'id'), :products);
select setval(pg_get_serial_sequence('aiml.devlab_projects', 'id'), :projects);
select setval(pg_get_serial_sequence('aiml.customers', 'id'), greatest(1, round(50000 * :scale)::integer));
select setval(pg_get_serial_sequence('aiml.orders', 'id'), greatest(1, round(200000 * :scale)::integer));
select setval(pg_get_serial_sequence('aiml.product_categories', 'id'), 50);
select setval(pg_get_serial_sequence('aiml.customer_segments', 'id'), 8);
