-- Test helpers shared by every pgTAP file (schema `tests`).
-- This file sorts first: `schema-tool verify`, `supabase test db` and
-- `pg_prove` run it before the module tests. It is idempotent and commits
-- (no rollback) so the helpers stay for the files that follow. It is never
-- part of a migration: production databases have no `tests` schema.

do $$
begin
    if not exists (select 1 from pg_proc where proname = 'no_plan') then
        create extension if not exists pgtap with schema extensions;
    end if;
end
$$;

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

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
-- Column defaults and functions with their own search_path keep the real clock.
create schema if not exists tests_overrides;
grant usage on schema tests_overrides to anon, authenticated, service_role;

-- No `set search_path` on freeze_time: it changes the caller's search_path,
-- which such a clause would restore when the function returns.
-- schema-tool: allow function-search-path it sets the caller's search_path (see above); its body qualifies every name
create or replace function tests.freeze_time(p_at timestamptz) returns void
language plpgsql
as $$
begin
    execute format(
        'create or replace function tests_overrides.now() returns timestamptz '
        'language sql stable as %L',
        format('select %L::timestamptz', p_at));
    perform set_config('search_path',
        'tests_overrides, pg_catalog, ' || current_setting('search_path'), true);
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

grant execute on all functions in schema tests to anon, authenticated, service_role;

select plan(7);
select has_function('tests', 'create_user', array['text', 'jsonb', 'jsonb'], 'tests.create_user exists');
select has_function('tests', 'get_user_id', array['text'], 'tests.get_user_id exists');
select has_function('tests', 'authenticate_as', array['text'], 'tests.authenticate_as exists');
select has_function('tests', 'authenticate_as_anon', 'tests.authenticate_as_anon exists');
select has_function('tests', 'authenticate_as_service_role', 'tests.authenticate_as_service_role exists');
select has_function('tests', 'clear_authentication', 'tests.clear_authentication exists');
select has_function('tests', 'freeze_time', array['timestamptz'], 'tests.freeze_time exists');
select * from finish();
