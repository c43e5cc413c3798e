-- aiml: row level security, policies and grants.
-- Access model:
--   public catalogue (anon + authenticated read): industries, use_case_categories,
--     use_cases, discovery_tools, product_categories, products, product_variants,
--     inventory, content_chunks;
--   signed-in read: ab_tests, ab_test_results, model_versions, model_metrics;
--   own rows (via aiml_private.current_user_id()): users, use_case_executions,
--     analytics_events, discovery_tool_executions, devlab_projects and everything
--     hanging off a project;
--   service role only: customers, customer_segments, orders, order_items,
--     transactions, inventory_movements, training data, model_deployments,
--     content_versions, content_syncs.
-- service_role bypasses RLS and has every privilege.

grant usage on schema aiml to anon, authenticated, service_role;
grant usage on schema aiml_private to authenticated, service_role;
grant usage on type aiml.programming_language to anon, authenticated, service_role;
grant usage on type aiml.severity_level to anon, authenticated, service_role;
grant execute on function aiml_private.traffic_split_is_valid(jsonb) to service_role;
grant execute on function aiml_private.jsonb_has_pii_keys(jsonb) to service_role;

alter table aiml.users enable row level security;
grant all on aiml.users to service_role;
alter table aiml.industries enable row level security;
grant all on aiml.industries to service_role;
alter table aiml.use_case_categories enable row level security;
grant all on aiml.use_case_categories to service_role;
alter table aiml.use_cases enable row level security;
grant all on aiml.use_cases to service_role;
alter table aiml.use_case_executions enable row level security;
grant all on aiml.use_case_executions to service_role;
alter table aiml.discovery_tools enable row level security;
grant all on aiml.discovery_tools to service_role;
alter table aiml.discovery_tool_executions enable row level security;
grant all on aiml.discovery_tool_executions to service_role;
alter table aiml.product_categories enable row level security;
grant all on aiml.product_categories to service_role;
alter table aiml.products enable row level security;
grant all on aiml.products to service_role;
alter table aiml.product_variants enable row level security;
grant all on aiml.product_variants to service_role;
alter table aiml.customer_segments enable row level security;
grant all on aiml.customer_segments to service_role;
alter table aiml.customers enable row level security;
grant all on aiml.customers to service_role;
alter table aiml.orders enable row level security;
grant all on aiml.orders to service_role;
alter table aiml.order_items enable row level security;
grant all on aiml.order_items to service_role;
alter table aiml.transactions enable row level security;
grant all on aiml.transactions to service_role;
alter table aiml.inventory enable row level security;
grant all on aiml.inventory to service_role;
alter table aiml.inventory_movements enable row level security;
grant all on aiml.inventory_movements to service_role;
alter table aiml.analytics_events enable row level security;
grant all on aiml.analytics_events to service_role;
alter table aiml.ab_tests enable row level security;
grant all on aiml.ab_tests to service_role;
alter table aiml.ab_test_results enable row level security;
grant all on aiml.ab_test_results to service_role;
alter table aiml.content_chunks enable row level security;
grant all on aiml.content_chunks to service_role;
alter table aiml.training_datasets enable row level security;
grant all on aiml.training_datasets to service_role;
alter table aiml.conversation_examples enable row level security;
grant all on aiml.conversation_examples to service_role;
alter table aiml.simulation_examples enable row level security;
grant all on aiml.simulation_examples to service_role;
alter table aiml.code_examples enable row level security;
grant all on aiml.code_examples to service_role;
alter table aiml.model_versions enable row level security;
grant all on aiml.model_versions to service_role;
alter table aiml.model_metrics enable row level security;
grant all on aiml.model_metrics to service_role;
alter table aiml.model_deployments enable row level security;
grant all on aiml.model_deployments to service_role;
alter table aiml.devlab_projects enable row level security;
grant all on aiml.devlab_projects to service_role;
alter table aiml.devlab_files enable row level security;
grant all on aiml.devlab_files to service_role;
alter table aiml.devlab_executions enable row level security;
grant all on aiml.devlab_executions to service_role;
alter table aiml.devlab_analyses enable row level security;
grant all on aiml.devlab_analyses to service_role;
alter table aiml.devlab_tests enable row level security;
grant all on aiml.devlab_tests to service_role;
alter table aiml.devlab_vulnerabilities enable row level security;
grant all on aiml.devlab_vulnerabilities to service_role;
alter table aiml.devlab_insights enable row level security;
grant all on aiml.devlab_insights to service_role;
alter table aiml.content_versions enable row level security;
grant all on aiml.content_versions to service_role;
alter table aiml.content_syncs enable row level security;
grant all on aiml.content_syncs to service_role;

-- public catalogue -----------------------------------------------------------------

grant select on aiml.industries to anon, authenticated;
create policy "industries: anyone can read"
on aiml.industries
for select
to anon, authenticated
using (true);

grant select on aiml.use_case_categories to anon, authenticated;
create policy "use_case_categories: anyone can read"
on aiml.use_case_categories
for select
to anon, authenticated
using (true);

grant select on aiml.use_cases to anon, authenticated;
create policy "use_cases: anyone can read"
on aiml.use_cases
for select
to anon, authenticated
using (true);

grant select on aiml.discovery_tools to anon, authenticated;
create policy "discovery_tools: anyone can read"
on aiml.discovery_tools
for select
to anon, authenticated
using (true);

grant select on aiml.product_categories to anon, authenticated;
create policy "product_categories: anyone can read"
on aiml.product_categories
for select
to anon, authenticated
using (true);

grant select on aiml.products to anon, authenticated;
create policy "products: anyone can read"
on aiml.products
for select
to anon, authenticated
using (true);

grant select on aiml.product_variants to anon, authenticated;
create policy "product_variants: anyone can read"
on aiml.product_variants
for select
to anon, authenticated
using (true);

grant select on aiml.inventory to anon, authenticated;
create policy "inventory: anyone can read"
on aiml.inventory
for select
to anon, authenticated
using (true);

grant select on aiml.content_chunks to anon, authenticated;
create policy "content_chunks: anyone can read"
on aiml.content_chunks
for select
to anon, authenticated
using (true);

-- signed-in read -------------------------------------------------------------------

grant select on aiml.ab_tests to authenticated;
create policy "ab_tests: signed-in users can read"
on aiml.ab_tests
for select
to authenticated
using (true);

grant select on aiml.ab_test_results to authenticated;
create policy "ab_test_results: signed-in users can read"
on aiml.ab_test_results
for select
to authenticated
using (true);

grant select on aiml.model_versions to authenticated;
create policy "model_versions: signed-in users can read"
on aiml.model_versions
for select
to authenticated
using (true);

grant select on aiml.model_metrics to authenticated;
create policy "model_metrics: signed-in users can read"
on aiml.model_metrics
for select
to authenticated
using (true);

-- users (profile) ------------------------------------------------------------------

grant select on aiml.users to authenticated;
grant insert (auth_user_id, username, preferences) on aiml.users to authenticated;
grant update (username, preferences) on aiml.users to authenticated;

create policy "users: owner can select"
on aiml.users
for select
to authenticated
using (auth_user_id = (select auth.uid()));

create policy "users: owner can insert"
on aiml.users
for insert
to authenticated
with check (auth_user_id = (select auth.uid()));

create policy "users: owner can update"
on aiml.users
for update
to authenticated
using (auth_user_id = (select auth.uid()))
with check (auth_user_id = (select auth.uid()));

-- per-user logs ------------------------------------------------------------------

grant select, insert on aiml.use_case_executions to authenticated;

create policy "use_case_executions: owner can select"
on aiml.use_case_executions
for select
to authenticated
using (user_id = (select aiml_private.current_user_id()));

create policy "use_case_executions: owner can insert"
on aiml.use_case_executions
for insert
to authenticated
with check (user_id = (select aiml_private.current_user_id()));

grant select, insert on aiml.discovery_tool_executions to authenticated;

create policy "discovery_tool_executions: owner can select"
on aiml.discovery_tool_executions
for select
to authenticated
using (user_id = (select aiml_private.current_user_id()));

create policy "discovery_tool_executions: owner can insert"
on aiml.discovery_tool_executions
for insert
to authenticated
with check (user_id = (select aiml_private.current_user_id()));

grant select, insert on aiml.analytics_events to authenticated;

create policy "analytics_events: owner can select"
on aiml.analytics_events
for select
to authenticated
using (user_id = (select aiml_private.current_user_id()));

create policy "analytics_events: owner can insert"
on aiml.analytics_events
for insert
to authenticated
with check (user_id = (select aiml_private.current_user_id()));

grant insert on aiml.analytics_events to anon;

create policy "analytics_events: anonymous visitors can insert without a user"
on aiml.analytics_events
for insert
to anon
with check (user_id is null);

-- DevLab ---------------------------------------------------------------------------

grant select, insert, update, delete on aiml.devlab_projects to authenticated;

create policy "devlab_projects: owner can select"
on aiml.devlab_projects
for select
to authenticated
using (user_id = (select aiml_private.current_user_id()));

create policy "devlab_projects: owner can insert"
on aiml.devlab_projects
for insert
to authenticated
with check (user_id = (select aiml_private.current_user_id()));

create policy "devlab_projects: owner can update"
on aiml.devlab_projects
for update
to authenticated
using (user_id = (select aiml_private.current_user_id()))
with check (user_id = (select aiml_private.current_user_id()));

create policy "devlab_projects: owner can delete"
on aiml.devlab_projects
for delete
to authenticated
using (user_id = (select aiml_private.current_user_id()));

grant select, insert, update, delete on aiml.devlab_files to authenticated;

create policy "devlab_files: project owner can select"
on aiml.devlab_files
for select
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

create policy "devlab_files: project owner can insert"
on aiml.devlab_files
for insert
to authenticated
with check (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

create policy "devlab_files: project owner can update"
on aiml.devlab_files
for update
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())))
with check (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

create policy "devlab_files: project owner can delete"
on aiml.devlab_files
for delete
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

grant select, insert, update, delete on aiml.devlab_tests to authenticated;

create policy "devlab_tests: project owner can select"
on aiml.devlab_tests
for select
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

create policy "devlab_tests: project owner can insert"
on aiml.devlab_tests
for insert
to authenticated
with check (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

create policy "devlab_tests: project owner can update"
on aiml.devlab_tests
for update
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())))
with check (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

create policy "devlab_tests: project owner can delete"
on aiml.devlab_tests
for delete
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

-- Owners queue runs; only the runner (service role) records status and results.
grant select on aiml.devlab_executions to authenticated;
grant insert (project_id, language, code, memory_limit_mb, cpu_limit, time_limit_ms)
    on aiml.devlab_executions to authenticated;

create policy "devlab_executions: project owner can select"
on aiml.devlab_executions
for select
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

create policy "devlab_executions: project owner can insert"
on aiml.devlab_executions
for insert
to authenticated
with check (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

grant select on aiml.devlab_analyses to authenticated;

create policy "devlab_analyses: project owner can select"
on aiml.devlab_analyses
for select
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

grant select on aiml.devlab_vulnerabilities to authenticated;

create policy "devlab_vulnerabilities: project owner can select"
on aiml.devlab_vulnerabilities
for select
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

grant select on aiml.devlab_insights to authenticated;

create policy "devlab_insights: project owner can select"
on aiml.devlab_insights
for select
to authenticated
using (project_id in (select p.id from aiml.devlab_projects as p where p.user_id = (select aiml_private.current_user_id())));

