-- aiml (issue 15):
-- * sync_user_email() asked the JWT `role` claim (auth.role()) whether a
--   profile write comes from a signed-in user; it now asks the role the
--   session acts as (caller_is_api(), the rule of every module:
--   _macros/caller_role.sql.j2).
-- * devlab_files, devlab_tests and devlab_projects (every column writable by
--   the project's owner): updated_at is the server's on insert too (it
--   already was on update), and devlab_projects.marked_for_deletion_at ("when
--   the owner asked for the code to be deleted") is the server's time
--   whenever the owner sets it.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

create function aiml_private.caller_role()
returns text
language sql
stable
set search_path = ''
as $$
    select coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user::text);
$$;

comment on function aiml_private.caller_role() is
'The database role the session acts as: the role set by SET ROLE (PostgREST sets anon, authenticated or service_role per request), else the login role. Unlike current_user it keeps naming the caller inside SECURITY DEFINER functions; unlike auth.role() (the JWT role claim, a setting any session can change) a session cannot choose it beyond its role memberships.';

create function aiml_private.caller_is_api()
returns boolean
language sql
stable
set search_path = ''
as $$
    select aiml_private.caller_role() in ('anon', 'authenticated');
$$;

comment on function aiml_private.caller_is_api() is
'True when the session acts as an API client role (caller_role() is anon or authenticated). The rule of every module: write guards (invoker triggers) ask current_user; entry checks of SECURITY DEFINER functions ask the session''s role; nothing asks the JWT role claim.';

create function aiml_private.caller_is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
    select pg_catalog.pg_has_role(aiml_private.caller_role(), 'service_role', 'member');
$$;

comment on function aiml_private.caller_is_service() is
'True when the session acts as service_role or as a role that is a member of it (postgres on Supabase, pg_cron jobs, migrations): caller_role(), never the JWT role claim.';

create function aiml_private.caller_api_role()
returns text
language sql
stable
set search_path = ''
as $$
    select r.role
    from (select aiml_private.caller_role() as role) as r
    where r.role in ('anon', 'authenticated', 'service_role');
$$;

comment on function aiml_private.caller_api_role() is
'The API role the session acts as (anon, authenticated or service_role, from caller_role()), or null for a direct database session. For audit records: a forged JWT role claim cannot make an entry look like the service role''s.';

revoke execute on function aiml_private.caller_role() from public, anon, authenticated;
revoke execute on function aiml_private.caller_is_api() from public, anon, authenticated;
revoke execute on function aiml_private.caller_is_service() from public, anon, authenticated;
revoke execute on function aiml_private.caller_api_role() from public, anon, authenticated;

create or replace function aiml_private.sync_user_email() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    -- A signed-in user may only create or change their own profile (RLS
    -- checks it too, but only after this trigger has read auth.users).
    if (select aiml_private.caller_is_api())
       and new.auth_user_id is distinct from (select auth.uid()) then
        raise exception 'aiml: a user can only create or change their own profile'
            using errcode = '42501';
    end if;
    select u.email into new.email
    from auth.users as u
    where u.id = new.auth_user_id;
    return new;
end
$$;

comment on function aiml_private.sync_user_email() is
'Trigger function: copies auth.users.email into aiml.users.email whenever a profile is created or changed. SECURITY DEFINER to read auth.users; rejects an API client (caller_is_api(), the session''s role, not the JWT role claim) acting on someone else''s profile (42501) before it reads anything.';

drop trigger guard_api_write on aiml.devlab_files;
create trigger guard_api_write
before insert or update on aiml.devlab_files
for each row execute function aiml_private.guard_api_write('created:created_at', 'created:updated_at', 'content=1000000');

drop trigger guard_api_write on aiml.devlab_tests;
create trigger guard_api_write
before insert or update on aiml.devlab_tests
for each row execute function aiml_private.guard_api_write('created:created_at', 'created:updated_at', 'test_code=200000');

drop trigger guard_api_write on aiml.devlab_projects;
create trigger guard_api_write
before insert or update on aiml.devlab_projects
for each row execute function aiml_private.guard_api_write('created:created_at', 'created:updated_at', 'touched:marked_for_deletion_at');
