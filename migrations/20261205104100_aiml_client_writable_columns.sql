-- aiml: every table says which columns a client (anon, authenticated) may
-- write and which facts the server owns (issue 15); docs/ shows the table
-- comments, and the grants line of each table lists the columns of a
-- column-level grant. analytics_events already says it (20261204102000);
-- the others get one passage appended to their comment.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

do $$
declare
    r record;
    v_service_only constant text := 'Client-writable: nothing; written by service_role (and migrations for reference rows).';
begin
    for r in
        select v.tbl, coalesce(v.writes, v_service_only) as writes
        from (values
            ('aiml.ab_test_results', null),
            ('aiml.ab_tests', null),
            ('aiml.code_examples', null),
            ('aiml.content_chunks', null),
            ('aiml.content_syncs', null),
            ('aiml.content_versions', null),
            ('aiml.conversation_examples', null),
            ('aiml.customer_segments', null),
            ('aiml.customers', null),
            ('aiml.devlab_analyses', null),
            ('aiml.devlab_insights', null),
            ('aiml.devlab_vulnerabilities', null),
            ('aiml.discovery_tools', null),
            ('aiml.industries', null),
            ('aiml.model_deployments', null),
            ('aiml.model_metrics', null),
            ('aiml.model_versions', null),
            ('aiml.product_categories', null),
            ('aiml.product_variants', null),
            ('aiml.products', null),
            ('aiml.simulation_examples', null),
            ('aiml.training_datasets', null),
            ('aiml.transactions', null),
            ('aiml.use_case_categories', null),
            ('aiml.use_cases', null),
            ('aiml.inventory',
             'Client-writable: nothing. Server-owned: current_stock, derived from inventory_movements (service_role).'),
            ('aiml.inventory_movements',
             'Client-writable: nothing; service_role appends movements.'),
            ('aiml.orders',
             'Client-writable: nothing; service_role writes orders, and total is derived from the items by trigger.'),
            ('aiml.order_items',
             'Client-writable: nothing; service_role writes items (unit price defaulted, order total recomputed by trigger).'),
            ('aiml.devlab_executions',
             'Client-writable (insert only, the project''s owner): project_id, language, code (at most 200,000 characters for API writes), memory_limit_mb, cpu_limit, time_limit_ms. Server-owned: status, output, error, execution_time_ms, container_id, security_scan_result, memory_used_mb, cpu_time_ms (the runner, service_role), created_at, updated_at.'),
            ('aiml.devlab_files',
             'Client-writable (the project''s owner; insert, update, delete): project_id, file_path, file_name, content (at most 1,000,000 characters for API writes), language, file_type. Private to the owner. Server-owned: created_at and updated_at (now() for API writes).'),
            ('aiml.devlab_projects',
             'Client-writable (the owner; insert, update, delete): project_id, name, language, user_id (one''s own profile), environment and metadata (jsonb at most 64 KiB each), marked_for_deletion_at (a request: the server stamps now()). Server-owned: created_at and updated_at (now() for API writes).'),
            ('aiml.devlab_tests',
             'Client-writable (the project''s owner; insert, update, delete): project_id, test_name, test_type, framework, test_code (at most 200,000 characters for API writes), status, coverage_percentage, generated_by_ai: the owner''s own test bookkeeping, read by nobody else and feeding nothing. Server-owned: created_at and updated_at (now() for API writes).'),
            ('aiml.discovery_tool_executions',
             'Client-writable (insert only, own rows): tool_id, user_id (one''s own profile), input_data, output_data, visualization_data, surprise_result (jsonb at most 64 KiB each): the user''s own log, read by nobody else and feeding no public figure. Server-owned: id, created_at (now()).'),
            ('aiml.use_case_executions',
             'Client-writable (insert only, own rows): use_case_id, user_id (one''s own profile), input_data, output_data (jsonb at most 64 KiB each), confidence, latency_ms, model_version: the user''s own log, read by nobody else and feeding no public figure. Server-owned: id, created_at (now()).'),
            ('aiml.users',
             'Client-writable: insert auth_user_id (one''s own auth user), username, preferences; update username, preferences (text at most 200 characters, jsonb at most 16 KiB for API writes). Server-owned: id, email (copied from auth.users), is_active, created_at, updated_at.')
        ) as v (tbl, writes)
    loop
        execute format('comment on table %s is %L', r.tbl,
            pg_catalog.obj_description(r.tbl::regclass, 'pg_class') || ' ' || r.writes);
    end loop;
end
$$;
