-- Test helpers shared by every pgTAP file (schema `tests`).
-- This file sorts first: `schema-tool verify`, `supabase test db` and
-- `pg_prove` run it before the module tests. It is idempotent and commits
-- (no rollback) so the helpers stay for the files that follow. It is never
-- part of a migration: production databases have no `tests` schema.
--
-- The helpers are not for the API. Once this file is committed (as
-- `supabase test db --linked` does on a real project), anon, authenticated
-- and service_role have no usage on schemas tests and tests_overrides and no
-- execute on their functions; the SECURITY DEFINER helpers also refuse any
-- session that is not the test runner's (postgres or a superuser; PostgREST
-- connects as authenticator). A test opens the helpers to the API roles
-- inside its own transaction only: every tests.authenticate_as*() call,
-- made first as postgres, grants usage, and the grant is undone when the
-- file rolls back, as every test file does. Every helper sets its
-- search_path (splinter's function_search_path_mutable).

do $$
begin
    if not exists (select 1 from pg_proc where proname = 'no_plan') then
        create extension if not exists pgtap with schema extensions;
    end if;
end
$$;

create schema if not exists tests;
create schema if not exists tests_overrides;
revoke all on schema tests, tests_overrides from public, anon, authenticated, service_role;

-- Raise 42501 unless the session is the test runner's (postgres or a
-- superuser), not an API connection.
create or replace function tests.assert_test_runner() returns void
language plpgsql
stable
set search_path = ''
as $$
begin
    if session_user <> 'postgres' and not exists (
        select 1 from pg_catalog.pg_roles as r
        where r.rolname = session_user and r.rolsuper
    ) then
        raise exception 'tests helpers are for the test runner (postgres), not for %', session_user
            using errcode = '42501';
    end if;
end
$$;

-- Open the helpers to the API roles for the rest of this transaction: the
-- grant rolls back with the test. Callers reset the role first (postgres).
create or replace function tests.open_for_this_transaction() returns void
language plpgsql
set search_path = ''
as $$
begin
    perform tests.assert_test_runner();
    -- Once per transaction: a grant rewrites catalog rows and makes the next
    -- statements rebuild their caches (about 2.5 ms a call). Functions a test
    -- creates later get execute from the default privilege, which rolls back
    -- with the grants; so does the flag, also on a rolled-back savepoint.
    if pg_catalog.current_setting('tests.open', true) is distinct from 'on' then
        grant usage on schema tests, tests_overrides to anon, authenticated, service_role;
        grant execute on all functions in schema tests to anon, authenticated, service_role;
        alter default privileges in schema tests
            grant execute on functions to anon, authenticated, service_role;
        perform pg_catalog.set_config('tests.open', 'on', true);
    end if;
end
$$;

-- Create an auth user the way Supabase Auth does; returns its id.
-- schema-tool: allow definer-anon-execute test-only helper (the tests schema never reaches production); tests call it after switching to any role
create or replace function tests.create_user(
    p_email text,
    p_app_metadata jsonb default '{}',
    p_user_metadata jsonb default '{}'
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_id uuid;
begin
    perform tests.assert_test_runner();
    insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                            email_confirmed_at, created_at, updated_at)
    values (gen_random_uuid(), 'authenticated', 'authenticated', p_email,
            '{"provider": "email", "providers": ["email"]}'::jsonb || p_app_metadata,
            p_user_metadata, now(), now(), now())
    returning id into v_id;
    return v_id;
end
$$;

-- The id of a user created with tests.create_user.
-- schema-tool: allow definer-anon-execute test-only helper (the tests schema never reaches production); tests call it after switching to any role
create or replace function tests.get_user_id(p_email text) returns uuid
language sql stable security definer set search_path = ''
as $$ select id from auth.users where email = p_email $$;

-- Act as a signed-in user for the rest of the transaction: role
-- authenticated and the JWT claims PostgREST would set.
create or replace function tests.authenticate_as(p_email text) returns void
language plpgsql
set search_path = ''
as $$
declare
    v_user auth.users;
begin
    perform set_config('role', 'none', true);
    perform tests.open_for_this_transaction();
    select * into v_user from auth.users where email = p_email;
    if v_user.id is null then
        raise exception 'tests.authenticate_as: no auth user with email %', p_email;
    end if;
    perform set_config('request.jwt.claims', json_build_object(
        'sub', v_user.id,
        'role', 'authenticated',
        'aud', 'authenticated',
        'email', v_user.email,
        'app_metadata', coalesce(v_user.raw_app_meta_data, '{}'::jsonb),
        'user_metadata', coalesce(v_user.raw_user_meta_data, '{}'::jsonb),
        'is_anonymous', v_user.is_anonymous
    )::text, true);
    perform set_config('role', 'authenticated', true);
end
$$;

-- Act as the anonymous (not signed-in) client.
create or replace function tests.authenticate_as_anon() returns void
language plpgsql
set search_path = ''
as $$
begin
    perform set_config('role', 'none', true);
    perform tests.open_for_this_transaction();
    perform set_config('request.jwt.claims', '{"role": "anon"}', true);
    perform set_config('role', 'anon', true);
end
$$;

-- Act as the service_role key (bypasses RLS).
create or replace function tests.authenticate_as_service_role() returns void
language plpgsql
set search_path = ''
as $$
begin
    perform set_config('role', 'none', true);
    perform tests.open_for_this_transaction();
    perform set_config('request.jwt.claims', '{"role": "service_role"}', true);
    perform set_config('role', 'service_role', true);
end
$$;

-- Back to the session user (postgres) with no JWT claims.
create or replace function tests.clear_authentication() returns void
language plpgsql
set search_path = ''
as $$
begin
    perform set_config('role', 'none', true);
    perform set_config('request.jwt.claims', '', true);
end
$$;

-- Freeze now() for unqualified calls in the rest of the transaction:
-- tests_overrides.now() shadows pg_catalog.now() through search_path.
-- Column defaults and functions with their own search_path keep the real
-- clock. The search_path is changed with a plain (session) SET, the one kind
-- that outlives a function with its own search_path; the test's rollback
-- undoes it.
create or replace function tests.freeze_time(p_at timestamptz) returns void
language plpgsql
set search_path = ''
as $$
begin
    perform tests.assert_test_runner();
    execute format(
        'create or replace function tests_overrides.now() returns timestamptz'
        ' language sql stable set search_path = '''' as %L',
        format('select %L::timestamptz', p_at));
    perform set_config('search_path',
        'tests_overrides, pg_catalog, ' || current_setting('search_path'), false);
end
$$;

create or replace function tests.unfreeze_time() returns void
language plpgsql
set search_path = ''
as $$
begin
    drop function if exists tests_overrides.now();
end
$$;

-- The plan of a query as text (explain, costs off), for plan-shape tests.
-- schema-tool: allow function-search-path a test helper: the query it explains is the caller's, resolved with the caller's search_path
create or replace function tests.plan_text(p_query text) returns text
language plpgsql
as $$
declare
    v_line text;
    v_plan text := '';
begin
    for v_line in execute 'explain (costs off) ' || p_query loop
        v_plan := v_plan || v_line || E'\n';
    end loop;
    return v_plan;
end
$$;

-- Functions and policies of a module's schemas (`<module>%`) that ask the JWT
-- role claim: none may (issue 15: callers are the session's role).
create or replace function tests.jwt_role_claim_readers(p_module text) returns setof text
language sql
stable
set search_path = ''
as $$
    select p.oid::regprocedure::text
    from pg_catalog.pg_proc as p
    inner join pg_catalog.pg_namespace as n on n.oid = p.pronamespace
    where n.nspname like p_module || '%'
        and p.prosrc ~ 'auth\.role\(\)|request\.jwt\.claim\.role'
    union all
    select pol.polname::text
    from pg_catalog.pg_policy as pol
    inner join pg_catalog.pg_class as c on c.oid = pol.polrelid
    inner join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
    where n.nspname like p_module || '%'
        and coalesce(pg_catalog.pg_get_expr(pol.polqual, pol.polrelid), '')
        || coalesce(pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid), '')
        ~ 'auth\.role\(\)|request\.jwt\.claim'
$$;

-- Tables of a schema whose comment does not say what a client may write
-- ("Client-writable ..." or "Client writes ..."; issue 15).
create or replace function tests.tables_without_client_write_comment(p_schema text) returns setof text
language sql
stable
set search_path = ''
as $$
    select c.relname::text
    from pg_catalog.pg_class as c
    inner join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
    where n.nspname = p_schema
        and c.relkind in ('r', 'p')
        and not c.relispartition
        and coalesce(pg_catalog.obj_description(c.oid, 'pg_class'), '') !~* '(client[- ]writ|clients write)'
    order by 1
$$;

revoke execute on all functions in schema tests from public, anon, authenticated, service_role;

select plan(10);
select has_function('tests', 'create_user', array['text', 'jsonb', 'jsonb'], 'tests.create_user exists');
select has_function('tests', 'get_user_id', array['text'], 'tests.get_user_id exists');
select has_function('tests', 'authenticate_as', array['text'], 'tests.authenticate_as exists');
select has_function('tests', 'authenticate_as_anon', 'tests.authenticate_as_anon exists');
select has_function('tests', 'authenticate_as_service_role', 'tests.authenticate_as_service_role exists');
select has_function('tests', 'clear_authentication', 'tests.clear_authentication exists');
select has_function('tests', 'freeze_time', array['timestamptz'], 'tests.freeze_time exists');
select has_function('tests', 'plan_text', array['text'], 'tests.plan_text exists');
select has_function('tests', 'jwt_role_claim_readers', array['text'], 'tests.jwt_role_claim_readers exists');
select has_function('tests', 'tables_without_client_write_comment', array['text'], 'tests.tables_without_client_write_comment exists');
select * from finish();
