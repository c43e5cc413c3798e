-- classroom: GDPR support (the seed's "GDPR compliance support"); before,
-- only anonymisation when an auth user is deleted.
-- * Access / portability: classroom.export_my_data() returns every classroom
--   row about the caller as one jsonb document, only the columns a member may
--   read (so nothing hidden from members, such as answer keys, leaks).
-- * Erasure: a member files classroom.request_erasure(); the service role
--   processes it (classroom_private.process_erasure_request): deleting the
--   membership cascades to the person's rows and clears their id elsewhere.
--   The auth account is deleted by the backend through the Auth admin API
--   (service_role cannot delete auth.users from SQL).

-- export ---------------------------------------------------------------------

create function classroom_private.member_data_export(p_user_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
    v_role text := coalesce((select auth.role()), '');
    v_result jsonb := '{}'::jsonb;
    v_part jsonb;
    v_source record;
    v_columns text;
begin
    if p_user_id is null
        or not (p_user_id = (select auth.uid())
                or v_role = 'service_role'
                or (v_role = '' and pg_catalog.pg_has_role(session_user, 'service_role', 'member'))) then
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
$$;

comment on function classroom_private.member_data_export(uuid) is
'The GDPR export of one person: a jsonb document {user_id, exported_at, classroom: {table: [rows]}} with every row of users, user_preferences, student_sessions, student_progress, question_attempts, grades, analytics_events, ai_usage_logs, security_events and erasure_requests whose person column is p_user_id, restricted to the columns authenticated may select. SECURITY DEFINER (rows the member''s policies hide, e.g. of an inactive membership, are still theirs); raises 42501 unless p_user_id is the caller, or the caller is the service role (a data subject request handled by the backend).';

revoke execute on function classroom_private.member_data_export(uuid) from public, anon;
grant execute on function classroom_private.member_data_export(uuid) to authenticated, service_role;

create function classroom.export_my_data()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
    v_me uuid := (select auth.uid());
    v_export jsonb;
begin
    if v_me is null then
        raise exception 'classroom: sign in to export your data' using errcode = '42501';
    end if;
    v_export := classroom_private.member_data_export(v_me);
    perform classroom_private.log_data_export(v_me);
    return v_export;
end
$$;

-- the event needs the definer (security_events is written by definers only)
create function classroom_private.log_data_export(p_user_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
    if p_user_id is distinct from (select auth.uid()) then
        raise exception 'classroom: a member logs only their own export' using errcode = '42501';
    end if;
    perform classroom_private.log_security_event(u.tenant_id, 'data_exported', u.id, '{}'::jsonb)
    from classroom.users as u
    where u.id = p_user_id;
end
$$;

comment on function classroom_private.log_data_export(uuid) is
'Records a data_exported security event for the caller''s membership (p_user_id must be the caller, 42501 otherwise). Called by classroom.export_my_data().';
revoke execute on function classroom_private.log_data_export(uuid) from public, anon;
grant execute on function classroom_private.log_data_export(uuid) to authenticated;

comment on function classroom.export_my_data() is
'GDPR right of access and portability: returns the caller''s classroom data as one jsonb document (see classroom_private.member_data_export: only the caller''s rows, only columns members may read) and records a data_exported security event. SECURITY INVOKER; 42501 when not signed in.';

revoke execute on function classroom.export_my_data() from public, anon;
grant execute on function classroom.export_my_data() to authenticated;

-- erasure requests -----------------------------------------------------------

create table classroom.erasure_requests (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    user_id uuid not null default auth.uid(),
    status text not null default 'pending',
    requested_at timestamptz not null default now(),
    processed_at timestamptz,
    constraint erasure_requests_pkey primary key (tenant_id, id),
    constraint erasure_requests_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint erasure_requests_status_check check (status in ('pending', 'processed')),
    constraint erasure_requests_processed_at_check check ((status = 'processed') = (processed_at is not null))
);

comment on table classroom.erasure_requests is
'GDPR erasure requests: a member asks for their classroom data to be erased (classroom.request_erasure()); the service role processes the request (classroom_private.process_erasure_request). No foreign key to the member on purpose: the request outlives the membership it erases, as the record that the erasure was done. The member and the tenant''s admins read requests; only the functions write them.';
comment on column classroom.erasure_requests.tenant_id is 'Tenant of the membership to erase (part of the key).';
comment on column classroom.erasure_requests.id is 'Request id, unique with tenant_id.';
comment on column classroom.erasure_requests.user_id is 'The person asking (auth.users id; always the caller).';
comment on column classroom.erasure_requests.status is 'pending until processed, then processed.';
comment on column classroom.erasure_requests.requested_at is 'When it was requested (server time).';
comment on column classroom.erasure_requests.processed_at is 'When the erasure was done.';

create unique index idx_erasure_requests_tenant_id_user_id_pending on classroom.erasure_requests (tenant_id, user_id) where status = 'pending';
create index idx_erasure_requests_user_id on classroom.erasure_requests (user_id);
comment on index classroom.idx_erasure_requests_tenant_id_user_id_pending is 'At most one pending request per person (tenant_id leads, so the index stays distributable by tenant).';
comment on index classroom.idx_erasure_requests_user_id is 'A member''s own requests (select policy).';

alter table classroom.erasure_requests enable row level security;

create policy "erasure_requests: the requester or tenant admins can select"
on classroom.erasure_requests
for select
to authenticated
using (
    user_id = (select auth.uid())
    or (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN')
);

grant select on classroom.erasure_requests to authenticated, service_role;

create function classroom_private.file_erasure_request()
returns classroom.erasure_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_me uuid := (select auth.uid());
    v_tenant uuid;
    v_request classroom.erasure_requests;
begin
    select u.tenant_id into v_tenant
    from classroom.users as u
    where u.id = v_me;
    if v_tenant is null then
        raise exception 'classroom: only a member can request erasure of their classroom data' using errcode = '42501';
    end if;
    select r.* into v_request
    from classroom.erasure_requests as r
    where r.user_id = v_me and r.status = 'pending';
    if found then
        return v_request;
    end if;
    insert into classroom.erasure_requests (tenant_id, user_id)
    values (v_tenant, v_me)
    returning * into v_request;
    perform classroom_private.log_security_event(v_tenant, 'erasure_requested', v_me, jsonb_build_object('request_id', v_request.id));
    return v_request;
end
$$;

comment on function classroom_private.file_erasure_request() is
'Files the caller''s erasure request for their membership (even an inactive one) and records an erasure_requested event; returns the pending request if one exists already (idempotent). 42501 for a caller without a membership. Called by classroom.request_erasure().';
revoke execute on function classroom_private.file_erasure_request() from public, anon;
grant execute on function classroom_private.file_erasure_request() to authenticated;

create function classroom.request_erasure()
returns classroom.erasure_requests
language sql
volatile
set search_path = ''
as $$
    select * from classroom_private.file_erasure_request();
$$;

comment on function classroom.request_erasure() is
'GDPR right to erasure: files the caller''s request to erase their classroom data and returns it (the pending one if already filed). The service role processes it with classroom_private.process_erasure_request. SECURITY INVOKER.';
revoke execute on function classroom.request_erasure() from public, anon;
grant execute on function classroom.request_erasure() to authenticated;

create function classroom_private.process_erasure_request(p_tenant_id uuid, p_request_id uuid)
returns classroom.erasure_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_role text := coalesce((select auth.role()), '');
    v_request classroom.erasure_requests;
begin
    if not (v_role = 'service_role'
            or (v_role = '' and pg_catalog.pg_has_role(session_user, 'service_role', 'member'))) then
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

comment on function classroom_private.process_erasure_request(uuid, uuid) is
'Carries out a GDPR erasure request (service role only, 42501 otherwise; P0002 for an unknown request; a processed request is returned unchanged): deletes the membership row, so the person''s preferences, sessions, progress, answers and grades go by cascade and their id is cleared (set null) from analytics events, AI usage, authored lessons and questions and the audit trail; clears their id from security_events; marks the request processed and records erasure_processed. The auth account is not touched: delete it with the Supabase Auth admin API (auth.admin.deleteUser), which also erases the person from the other modules.';
revoke execute on function classroom_private.process_erasure_request(uuid, uuid) from public, anon, authenticated;
grant execute on function classroom_private.process_erasure_request(uuid, uuid) to service_role;
