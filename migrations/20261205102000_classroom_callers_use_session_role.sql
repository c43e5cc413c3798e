-- classroom: the checks added after 20261204103100 (AI provider keys, GDPR
-- export and erasure, security events) asked auth.role(), the JWT `role`
-- claim, a setting any session can change (issue 15). They now ask the role
-- the session acts as (caller_role(), the rule of every module:
-- _macros/caller_role.sql.j2): service_role or a member of it passes; the
-- actor role of a security event is the session's API role, or 'database'.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

create function classroom_private.caller_role()
returns text
language sql
stable
set search_path = ''
as $$
    select coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user::text);
$$;

comment on function classroom_private.caller_role() is
'The database role the session acts as: the role set by SET ROLE (PostgREST sets anon, authenticated or service_role per request), else the login role. Unlike current_user it keeps naming the caller inside SECURITY DEFINER functions; unlike auth.role() (the JWT role claim, a setting any session can change) a session cannot choose it beyond its role memberships.';

create function classroom_private.caller_is_api()
returns boolean
language sql
stable
set search_path = ''
as $$
    select classroom_private.caller_role() in ('anon', 'authenticated');
$$;

comment on function classroom_private.caller_is_api() is
'True when the session acts as an API client role (caller_role() is anon or authenticated). The rule of every module: write guards (invoker triggers) ask current_user; entry checks of SECURITY DEFINER functions ask the session''s role; nothing asks the JWT role claim.';

create function classroom_private.caller_is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
    select pg_catalog.pg_has_role(classroom_private.caller_role(), 'service_role', 'member');
$$;

comment on function classroom_private.caller_is_service() is
'True when the session acts as service_role or as a role that is a member of it (postgres on Supabase, pg_cron jobs, migrations): caller_role(), never the JWT role claim.';

create function classroom_private.caller_api_role()
returns text
language sql
stable
set search_path = ''
as $$
    select r.role
    from (select classroom_private.caller_role() as role) as r
    where r.role in ('anon', 'authenticated', 'service_role');
$$;

comment on function classroom_private.caller_api_role() is
'The API role the session acts as (anon, authenticated or service_role, from caller_role()), or null for a direct database session. For audit records: a forged JWT role claim cannot make an entry look like the service role''s.';

revoke execute on function classroom_private.caller_role() from public, anon, authenticated;
revoke execute on function classroom_private.caller_is_api() from public, anon, authenticated;
revoke execute on function classroom_private.caller_is_service() from public, anon, authenticated;
revoke execute on function classroom_private.caller_api_role() from public, anon, authenticated;

-- schema-tool: allow plpgsql-error vault exists only on Supabase (Supabase Vault); the throwaway databases have none, and without it the function raises 0A000 before reaching these statements
create or replace function classroom_private.ai_provider_key(p_tenant_id uuid, p_provider classroom.ai_provider) returns text
language plpgsql
stable security definer
set search_path = ''
as $_$
declare
    v_key text;
begin
    if not (select classroom_private.caller_is_service()) then
        raise exception 'classroom: AI provider keys are readable by the service role only' using errcode = '42501';
    end if;
    if not classroom_private.vault_is_installed() then
        raise exception 'classroom: Supabase Vault is not installed, so no AI provider key is stored in the database'
            using errcode = '0A000',
                  hint = 'Read the key from the server environment.';
    end if;
    execute 'select d.decrypted_secret from vault.decrypted_secrets as d
             join classroom_private.ai_provider_keys as k on k.secret_id = d.id
             where k.tenant_id = $1 and k.provider = $2'
    into v_key
    using p_tenant_id, p_provider;
    return v_key;
end
$_$;

create or replace function classroom_private.assert_can_manage_ai_keys(p_tenant_id uuid) returns void
language plpgsql
stable security definer
set search_path = ''
as $$
declare
begin
    if (select classroom_private.caller_is_service()) then
        return;
    end if;
    if p_tenant_id is null
        or p_tenant_id is distinct from (select classroom_private.current_tenant_id())
        or (select classroom_private.current_user_role()) is distinct from 'ADMIN' then
        raise exception 'classroom: only an admin of the tenant manages its AI provider keys' using errcode = '42501';
    end if;
end
$$;

create or replace function classroom_private.log_security_event(p_tenant_id uuid, p_event_type text, p_subject_user_id uuid default null::uuid, p_details jsonb default '{}'::jsonb) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
    insert into classroom.security_events (tenant_id, event_type, subject_user_id, actor_id, actor_role, details)
    values (
        p_tenant_id,
        p_event_type,
        p_subject_user_id,
        (select auth.uid()),
        coalesce((select classroom_private.caller_api_role()), 'database'),
        coalesce(p_details, '{}'::jsonb)
    );
end
$$;

create or replace function classroom_private.member_data_export(p_user_id uuid) returns jsonb
language plpgsql
stable security definer
set search_path = ''
as $_$
declare
    v_result jsonb := '{}'::jsonb;
    v_part jsonb;
    v_source record;
    v_columns text;
begin
    if p_user_id is null
        or not (p_user_id = (select auth.uid())
                or (select classroom_private.caller_is_service())) then
        raise exception 'classroom: a member exports only their own data'
            using errcode = '42501';
    end if;
    for v_source in
        select s.table_name, s.person_column
        from (values
            ('users', 'id'),
            ('user_preferences', 'user_id'),
            ('student_sessions', 'student_id'),
            ('student_progress', 'student_id'),
            ('question_attempts', 'student_id'),
            ('grades', 'student_id'),
            ('analytics_events', 'user_id'),
            ('ai_usage_logs', 'user_id'),
            ('security_events', 'subject_user_id'),
            ('erasure_requests', 'user_id')
        ) as s (table_name, person_column)
    loop
        select string_agg(format('%I', a.attname), ', ' order by a.attnum)
        into v_columns
        from pg_catalog.pg_attribute as a
        where a.attrelid = format('classroom.%I', v_source.table_name)::regclass
            and a.attnum > 0
            and not a.attisdropped
            and pg_catalog.has_column_privilege('authenticated', a.attrelid, a.attnum, 'select');
        continue when v_columns is null;
        execute format(
            'select coalesce(jsonb_agg(to_jsonb(t)), ''[]''::jsonb) from (select %s from classroom.%I where %I = $1) as t',
            v_columns, v_source.table_name, v_source.person_column)
        into v_part
        using p_user_id;
        v_result := v_result || jsonb_build_object(v_source.table_name, v_part);
    end loop;
    return jsonb_build_object(
        'user_id', p_user_id,
        'exported_at', now(),
        'classroom', v_result
    );
end
$_$;

create or replace function classroom_private.process_erasure_request(p_tenant_id uuid, p_request_id uuid) returns classroom.erasure_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_request classroom.erasure_requests;
begin
    if not (select classroom_private.caller_is_service()) then
        raise exception 'classroom: erasure requests are processed by the service role' using errcode = '42501';
    end if;
    select r.* into v_request
    from classroom.erasure_requests as r
    where r.tenant_id = p_tenant_id and r.id = p_request_id
    for update;
    if not found then
        raise exception 'classroom: no erasure request % in tenant %', p_request_id, p_tenant_id using errcode = 'P0002';
    end if;
    if v_request.status = 'processed' then
        return v_request;
    end if;
    -- the membership goes; its rows follow by cascade or lose the id (set null)
    delete from classroom.users as u
    where u.tenant_id = v_request.tenant_id and u.id = v_request.user_id;
    update classroom.security_events as e
    set subject_user_id = null
    where e.subject_user_id = v_request.user_id;
    update classroom.security_events as e
    set actor_id = null
    where e.actor_id = v_request.user_id;
    update classroom.erasure_requests as r
    set status = 'processed', processed_at = now()
    where r.tenant_id = v_request.tenant_id and r.id = v_request.id
    returning * into v_request;
    perform classroom_private.log_security_event(v_request.tenant_id, 'erasure_processed', null, jsonb_build_object('request_id', v_request.id));
    return v_request;
end
$$;

comment on function classroom_private.log_security_event(uuid, text, uuid, jsonb) is
'Appends one event to classroom.security_events with the caller as actor (auth.uid(), and the API role the session acts as, caller_api_role(), or database; never the JWT role claim). Called by the classroom triggers and checked functions only: EXECUTE is revoked from every API role.';
