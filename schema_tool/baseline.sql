-- schema-tool's Supabase baseline for a plain Postgres.
--
-- Installed by a superuser (supabase_admin on schema-tool's throwaway
-- clusters), never as a migration, into a database that has no `auth` schema;
-- a real Supabase project already has all of this and is never touched.
--
-- It reproduces the role model of the supabase/postgres image
-- (migrations/db/init-scripts and migrations/db/migrations, including
-- 10000000000000_demote-postgres.sql) and the shape of auth.users after
-- Supabase Auth's own migrations. Our own SQL, written from reading theirs.
-- Roles are cluster-wide: they are created when missing and an existing
-- role's attributes are never changed (on a plain Postgres where `postgres`
-- is the superuser you connect as, it stays one).

-- ------------------------------------------------------------------ roles
do $$
begin
    -- The role migrations and `supabase test db` run as: not a superuser.
    if not exists (select 1 from pg_roles where rolname = 'postgres') then
        create role postgres login nosuperuser createdb createrole replication bypassrls;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'anon') then
        create role anon nologin inherit;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'authenticated') then
        create role authenticated nologin inherit;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'service_role') then
        create role service_role nologin inherit bypassrls;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'authenticator') then
        create role authenticator login noinherit;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
        create role supabase_auth_admin login noinherit createrole noreplication;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'supabase_storage_admin') then
        create role supabase_storage_admin login noinherit createrole noreplication;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'dashboard_user') then
        create role dashboard_user nosuperuser createdb createrole replication;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'supabase_replication_admin') then
        create role supabase_replication_admin login replication;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'supabase_read_only_user') then
        create role supabase_read_only_user login bypassrls;
    end if;
end
$$;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;
grant supabase_auth_admin, supabase_storage_admin to postgres;
grant pg_monitor, pg_read_all_data, pg_signal_backend to postgres;
grant pg_read_all_data to supabase_read_only_user;

-- supautils also lets postgres set a few superuser-only parameters
-- (supautils.privileged_role_allowed_configs); Postgres 15+ can grant that itself.
do $$
declare
    p text;
begin
    foreach p in array array['session_replication_role', 'log_lock_waits', 'log_min_messages',
                             'track_io_timing'] loop
        execute format('grant set on parameter %I to postgres', p);
    end loop;
end
$$;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role supabase_auth_admin set search_path = auth;

-- Supabase resolves unqualified names in public, then extensions (where
-- pgTAP and pgvector live). Set per role, so it holds in every database.
do $$
begin
    execute 'alter role postgres set search_path = "$user", public, extensions';
    if exists (select 1 from pg_roles where rolname = 'supabase_admin') then
        execute 'alter role supabase_admin set search_path = "$user", public, auth, extensions';
    end if;
    -- Whoever installs the baseline on a plain Postgres (a URL) gets the same.
    if current_user not in ('postgres', 'supabase_admin') then
        execute format('alter role %I set search_path = "$user", public, extensions', current_user);
    end if;
end
$$;

-- ---------------------------------------------------------- this database
do $$
begin
    execute format('grant all on database %I to postgres, dashboard_user', current_database());
end
$$;

grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
    grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
    grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
    grant all on sequences to postgres, anon, authenticated, service_role;

-- ------------------------------------------------------------- extensions
-- Supabase creates `extensions` as postgres and preinstalls uuid-ossp and
-- pgcrypto there (when this server has them).
--
-- supautils lets `postgres` create the extensions on its allow-list
-- (supautils.privileged_extensions), running the CREATE as supabase_admin.
-- Without supautils, a trusted extension (pg_trgm, btree_gin, citext, ...)
-- needs nothing: `postgres` has CREATE on the database. An untrusted one
-- needs a superuser, so the baseline preinstalls those the migrations use
-- (pgvector), as the superuser, into `extensions`; `create extension if not
-- exists ... with schema extensions` by postgres then succeeds, as on Supabase.
create schema if not exists extensions authorization postgres;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
grant all on schema extensions to postgres, dashboard_user;
do $$
declare
    x text;
begin
    foreach x in array array['uuid-ossp', 'pgcrypto', 'vector'] loop
        if exists (select 1 from pg_available_extensions where name = x) then
            execute format('create extension if not exists %I with schema extensions', x);
        end if;
    end loop;
end
$$;

grant all privileges on all tables in schema extensions to postgres with grant option;
grant all privileges on all routines in schema extensions to postgres with grant option;
grant all privileges on all sequences in schema extensions to postgres with grant option;
alter default privileges in schema extensions grant all on tables to postgres with grant option;
alter default privileges in schema extensions grant all on routines to postgres with grant option;
alter default privileges in schema extensions grant all on sequences to postgres with grant option;

-- ------------------------------------------------------------------- auth
-- The schema belongs to the superuser, its tables and functions to
-- supabase_auth_admin (Supabase Auth's own role). postgres and dashboard_user
-- may do everything on them; anon, authenticated and service_role only use
-- the schema (its functions): service_role has no rights on auth.users.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'supabase_admin') then
        create schema auth authorization supabase_admin;
    else
        create schema auth;
    end if;
end
$$;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to supabase_auth_admin, postgres, dashboard_user;
alter default privileges for role supabase_auth_admin in schema auth
    grant all on tables to postgres, dashboard_user;
alter default privileges for role supabase_auth_admin in schema auth
    grant all on sequences to postgres, dashboard_user;
alter default privileges for role supabase_auth_admin in schema auth
    grant all on routines to postgres, dashboard_user;

set local role supabase_auth_admin;

-- auth.users as Supabase Auth's migrations leave it (migrations/ of supabase/auth).
create table auth.users (
    instance_id uuid,
    id uuid not null primary key,
    aud varchar(255),
    role varchar(255),
    email varchar(255),
    encrypted_password varchar(255),
    email_confirmed_at timestamptz,
    invited_at timestamptz,
    confirmation_token varchar(255),
    confirmation_sent_at timestamptz,
    recovery_token varchar(255),
    recovery_sent_at timestamptz,
    email_change_token_new varchar(255),
    email_change varchar(255),
    email_change_sent_at timestamptz,
    last_sign_in_at timestamptz,
    raw_app_meta_data jsonb,
    raw_user_meta_data jsonb,
    is_super_admin boolean,
    created_at timestamptz,
    updated_at timestamptz,
    phone text unique default null,
    phone_confirmed_at timestamptz,
    phone_change text default '',
    phone_change_token varchar(255) default '',
    phone_change_sent_at timestamptz,
    confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
    email_change_token_current varchar(255) default '',
    email_change_confirm_status smallint default 0
        check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
    banned_until timestamptz,
    reauthentication_token varchar(255) default '',
    reauthentication_sent_at timestamptz,
    is_sso_user boolean not null default false,
    deleted_at timestamptz,
    is_anonymous boolean not null default false
);
create index users_instance_id_idx on auth.users (instance_id);
create index users_instance_id_email_idx on auth.users (instance_id, lower(email));
create index users_is_anonymous_idx on auth.users (is_anonymous);
create unique index users_email_partial_key on auth.users (email) where (is_sso_user = false);
create unique index confirmation_token_idx on auth.users (confirmation_token)
    where confirmation_token !~ '^[0-9 ]*$';
create unique index recovery_token_idx on auth.users (recovery_token)
    where recovery_token !~ '^[0-9 ]*$';
create unique index email_change_token_current_idx on auth.users (email_change_token_current)
    where email_change_token_current !~ '^[0-9 ]*$';
create unique index email_change_token_new_idx on auth.users (email_change_token_new)
    where email_change_token_new !~ '^[0-9 ]*$';
create unique index reauthentication_token_idx on auth.users (reauthentication_token)
    where reauthentication_token !~ '^[0-9 ]*$';
comment on table auth.users is 'Auth: Stores user login data within a secure schema.';
alter table auth.users enable row level security;
grant select on auth.users to postgres with grant option;

create function auth.uid() returns uuid
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
comment on function auth.uid() is 'Deprecated. Use auth.jwt() -> ''sub'' instead.';

create function auth.role() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
comment on function auth.role() is 'Deprecated. Use auth.jwt() -> ''role'' instead.';

create function auth.email() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
comment on function auth.email() is 'Deprecated. Use auth.jwt() -> ''email'' instead.';

create function auth.jwt() returns jsonb
language sql stable
as $$
  select
    coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
    to anon, authenticated, service_role;

reset role;
