-- aiml: what anon and signed-in users write is bounded and stamped by the server (issue 15).
-- Each attack is performed; it fails (22001) or has no effect. Rolls back.
begin;
select plan(9);

select tests.authenticate_as_anon();
select throws_ok(
    $$insert into aiml.analytics_events (event_type, event_data)
      values ('page.view', jsonb_build_object('blob', repeat('x', 100000)))$$,
    '22001', null, 'anon cannot store a 100 KB event (8 KiB of JSON at most)');
select throws_ok(
    $$insert into aiml.analytics_events (event_type) values (repeat('a', 300))$$,
    '22001', null, 'anon cannot store a 300-character event type');
select lives_ok(
    $$insert into aiml.analytics_events (event_type, event_data, created_at)
      values ('forged.time', '{"page": "/"}', '2000-01-01')$$,
    'anon records a small event, even when it sends a created_at');

select tests.authenticate_as_service_role();
select ok((select created_at > now() - interval '1 minute' from aiml.analytics_events where event_type = 'forged.time'),
    'the event''s created_at is the server''s time, not the one anon sent');
select lives_ok(
    $$insert into aiml.analytics_events (event_type, event_data)
      values ('backend.import', jsonb_build_object('blob', repeat('x', 100000)))$$,
    'the service role (the backend) is not limited');

select tests.clear_authentication();
select tests.create_user('aiml-integrity@example.com');
select tests.authenticate_as('aiml-integrity@example.com');
select throws_ok(
    $$insert into aiml.analytics_events (event_type, properties)
      values ('page.view', jsonb_build_object('blob', repeat('y', 20000)))$$,
    '22001', null, 'a signed-in user cannot store a 20 KB properties object either');

select tests.clear_authentication();
select is(
    (select count(*)::int from pg_trigger
     where tgname = 'guard_api_write' and not tgisinternal
        and tgrelid in (
            'aiml.analytics_events'::regclass, 'aiml.users'::regclass, 'aiml.discovery_tool_executions'::regclass,
            'aiml.use_case_executions'::regclass, 'aiml.devlab_projects'::regclass, 'aiml.devlab_files'::regclass,
            'aiml.devlab_tests'::regclass, 'aiml.devlab_executions'::regclass
        )),
    8, 'every aiml table an API role can write has the write guard');
select is(
    (select count(*)::int
     from information_schema.role_table_grants as g
     where g.table_schema = 'aiml' and g.grantee in ('anon', 'authenticated') and g.privilege_type in ('INSERT', 'UPDATE')
        and not exists (
            select 1 from pg_trigger as t
            where t.tgrelid = format('aiml.%I', g.table_name)::regclass and t.tgname = 'guard_api_write'
        )),
    0, 'no table-level write grant to an API role without the guard');
select ok(not has_function_privilege('anon', 'aiml_private.guard_api_write()', 'execute'),
    'anon cannot call the guard function itself');

select * from finish();
rollback;
