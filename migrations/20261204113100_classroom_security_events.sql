-- classroom: security event monitoring (the seed's "security event
-- monitoring"), in classroom.security_events: membership and tenant changes
-- (triggers on classroom.users and classroom.tenants) and sign-ins (a trigger
-- on auth.users.last_sign_in_at, which Supabase Auth stamps on every sign-in:
-- the client cannot fake it; IP and device stay in auth.audit_log_entries).
-- Only SECURITY DEFINER functions in classroom_private write events; a
-- tenant's admins read its events, a member the events about themself.

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create table classroom.security_events (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    event_type text not null,
    subject_user_id uuid,
    actor_id uuid,
    actor_role text not null,
    details jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    constraint security_events_pkey primary key (tenant_id, id),
    constraint security_events_event_type_check check (event_type in (
        'membership_added', 'membership_removed', 'membership_moved', 'role_changed',
        'member_deactivated', 'member_reactivated',
        'tenant_created', 'tenant_updated', 'tenant_suspended', 'tenant_reactivated', 'tenant_deleted',
        'sign_in',
        'data_exported', 'erasure_requested', 'erasure_processed',
        'ai_key_set', 'ai_key_deleted'
    )),
    constraint security_events_actor_role_check check (actor_role in ('authenticated', 'anon', 'service_role', 'database')),
    constraint security_events_details_check check (jsonb_typeof(details) = 'object' and pg_column_size(details) <= 2048)
);

comment on table classroom.security_events is
'Security event trail (the seed''s "security event monitoring"): membership and role changes, tenant changes, sign-ins (from auth.users.last_sign_in_at, stamped by Supabase Auth), data exports, erasure requests and their processing, AI provider key changes. Append-only: written only by classroom_private.log_security_event (triggers and checked functions), never edited. Readable by the tenant''s admins (their tenant) and by the member an event is about; service_role reads all. No foreign keys on purpose: an event outlives the tenant or member it names (a deleted tenant''s events stay for service_role; erasure clears subject_user_id).';
comment on column classroom.security_events.tenant_id is 'Tenant the event belongs to (part of the key; not a foreign key, so the event outlives the tenant).';
comment on column classroom.security_events.id is 'Event id, unique with tenant_id.';
comment on column classroom.security_events.event_type is 'What happened: membership_added, membership_removed, membership_moved, role_changed, member_deactivated, member_reactivated, tenant_created, tenant_updated, tenant_suspended, tenant_reactivated, tenant_deleted, sign_in, data_exported, erasure_requested, erasure_processed, ai_key_set, ai_key_deleted.';
comment on column classroom.security_events.subject_user_id is 'The person the event is about (auth.users id), when there is one; cleared when their erasure is processed.';
comment on column classroom.security_events.actor_id is 'Who did it (auth.uid()); null for the service role, Supabase Auth or a database session.';
comment on column classroom.security_events.actor_role is 'The caller''s role: authenticated, anon, service_role, or database (no JWT: a migration, pg_cron, Supabase Auth itself).';
comment on column classroom.security_events.details is 'Small JSON object (at most 2 kB) with the facts of the event, e.g. {"from": "STUDENT", "to": "TEACHER"}; never personal data such as names or emails.';
comment on column classroom.security_events.created_at is 'When it happened.';

create index idx_security_events_tenant_id_created_at on classroom.security_events (tenant_id, created_at);
create index idx_security_events_subject_user_id_created_at on classroom.security_events (subject_user_id, created_at);
comment on index classroom.idx_security_events_tenant_id_created_at is 'An admin''s latest events of the tenant.';
comment on index classroom.idx_security_events_subject_user_id_created_at is 'A member''s own events (select policy), and clearing them on erasure.';

create function classroom_private.log_security_event(
    p_tenant_id uuid,
    p_event_type text,
    p_subject_user_id uuid default null,
    p_details jsonb default '{}'::jsonb
)
returns void
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
        coalesce(nullif((select auth.role()), ''), 'database'),
        coalesce(p_details, '{}'::jsonb)
    );
end
$$;

comment on function classroom_private.log_security_event(uuid, text, uuid, jsonb) is
'Appends one event to classroom.security_events with the caller as actor (auth.uid(), auth.role() or database). Called by the classroom triggers and checked functions only: EXECUTE is revoked from every API role.';

revoke execute on function classroom_private.log_security_event(uuid, text, uuid, jsonb) from public, anon, authenticated, service_role;

-- membership -----------------------------------------------------------------

create function classroom_private.audit_membership_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op = 'INSERT' then
        perform classroom_private.log_security_event(new.tenant_id, 'membership_added', new.id,
            jsonb_build_object('role', new.role, 'is_active', new.is_active));
    elsif tg_op = 'DELETE' then
        perform classroom_private.log_security_event(old.tenant_id, 'membership_removed', old.id,
            jsonb_build_object('role', old.role));
    else
        if new.tenant_id is distinct from old.tenant_id then
            perform classroom_private.log_security_event(new.tenant_id, 'membership_moved', new.id,
                jsonb_build_object('from_tenant_id', old.tenant_id));
        end if;
        if new.role is distinct from old.role then
            perform classroom_private.log_security_event(new.tenant_id, 'role_changed', new.id,
                jsonb_build_object('from', old.role, 'to', new.role));
        end if;
        if new.is_active is distinct from old.is_active then
            perform classroom_private.log_security_event(new.tenant_id,
                case when new.is_active then 'member_reactivated' else 'member_deactivated' end, new.id, '{}'::jsonb);
        end if;
    end if;
    return null;
end
$$;

comment on function classroom_private.audit_membership_change() is
'Trigger (after insert, delete, or update of tenant_id, role, is_active on classroom.users): records membership_added / membership_removed / membership_moved / role_changed / member_deactivated / member_reactivated in security_events.';
revoke execute on function classroom_private.audit_membership_change() from public, anon, authenticated;

create trigger audit_membership_change
after insert or delete or update of tenant_id, role, is_active on classroom.users
for each row execute function classroom_private.audit_membership_change();

-- tenants --------------------------------------------------------------------

create function classroom_private.audit_tenant_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_changed text[];
begin
    if tg_op = 'INSERT' then
        perform classroom_private.log_security_event(new.id, 'tenant_created', null,
            jsonb_build_object('slug', new.slug));
    elsif tg_op = 'DELETE' then
        perform classroom_private.log_security_event(old.id, 'tenant_deleted', null,
            jsonb_build_object('slug', old.slug));
    else
        if new.is_active is distinct from old.is_active then
            perform classroom_private.log_security_event(new.id,
                case when new.is_active then 'tenant_reactivated' else 'tenant_suspended' end, null, '{}'::jsonb);
        end if;
        v_changed := array_remove(array[
            case when new.name is distinct from old.name then 'name' end,
            case when new.slug is distinct from old.slug then 'slug' end,
            case when new.settings is distinct from old.settings then 'settings' end
        ], null);
        if cardinality(v_changed) > 0 then
            perform classroom_private.log_security_event(new.id, 'tenant_updated', null,
                jsonb_build_object('changed', to_jsonb(v_changed)));
        end if;
    end if;
    return null;
end
$$;

comment on function classroom_private.audit_tenant_change() is
'Trigger (after insert, update or delete on classroom.tenants): records tenant_created, tenant_updated (which of name, slug, settings changed), tenant_suspended, tenant_reactivated and tenant_deleted in security_events.';
revoke execute on function classroom_private.audit_tenant_change() from public, anon, authenticated;

create trigger audit_tenant_change
after insert or update or delete on classroom.tenants
for each row execute function classroom_private.audit_tenant_change();

-- sign-ins -------------------------------------------------------------------

create function classroom_private.audit_sign_in()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    insert into classroom.security_events (tenant_id, event_type, subject_user_id, actor_id, actor_role, details)
    select u.tenant_id, 'sign_in', u.id, u.id, 'database', '{}'::jsonb
    from classroom.users as u
    where u.id = new.id;
    return null;
end
$$;

comment on function classroom_private.audit_sign_in() is
'Trigger on auth.users (classroom_on_auth_user_signed_in, after update of last_sign_in_at when it changes): records a sign_in event for the person''s classroom membership, if any. Supabase Auth stamps last_sign_in_at on every sign-in (not on token refresh); IP address and device stay in Auth''s own auth.audit_log_entries.';
revoke execute on function classroom_private.audit_sign_in() from public, anon, authenticated;

create trigger classroom_on_auth_user_signed_in
after update of last_sign_in_at on auth.users
for each row
when (new.last_sign_in_at is distinct from old.last_sign_in_at)
execute function classroom_private.audit_sign_in();

-- access ---------------------------------------------------------------------

alter table classroom.security_events enable row level security;

create policy "security_events: admins or the subject can select"
on classroom.security_events
for select
to authenticated
using (
    (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN')
    or subject_user_id = (select auth.uid())
);

grant select on classroom.security_events to authenticated, service_role;
