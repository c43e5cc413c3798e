-- classroom: membership needs the person's consent (issue 15).
--
-- A tenant admin could insert any auth user id into classroom.users: make a
-- stranger a member they could not leave, and probe whether an id is a member
-- elsewhere (23505 vs 23503). Now admins invite an email address
-- (classroom.invitations: bounded, expiring; inviting never looks at
-- auth.users or other tenants), the person signed in with that email accepts
-- or declines, the service role may still add members, and a member leaves
-- with classroom.leave_tenant() (not the last active admin).

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create table classroom.invitations (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    email text not null,
    role classroom.user_role not null default 'STUDENT',
    invited_by_id uuid,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null default now() + interval '7 days',
    constraint invitations_pkey primary key (tenant_id, id),
    constraint invitations_tenant_id_email_key unique (tenant_id, email),
    constraint invitations_tenant_id_fkey foreign key (tenant_id)
        references classroom.tenants (id) on delete cascade,
    constraint invitations_invited_by_id_fkey foreign key (tenant_id, invited_by_id)
        references classroom.users (tenant_id, id) on delete set null (invited_by_id),
    constraint invitations_email_check check (
        email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 320
    ),
    constraint invitations_expires_at_check check (
        expires_at > created_at and expires_at <= created_at + interval '30 days'
    )
);

create index idx_invitations_email on classroom.invitations (email);
create index idx_invitations_tenant_id_invited_by_id on classroom.invitations (tenant_id, invited_by_id);

comment on table classroom.invitations is
'Open invitations into a tenant: the consent step of membership. A tenant ADMIN invites an email address (client writes tenant_id, email, role, expires_at; role and expires_at can be changed, which re-issues the invitation); the person signed in with that email sees it (classroom.my_invitations) and accepts it (classroom.accept_invitation, which creates their classroom.users row and deletes the invitation) or declines it (delete). Server-owned: email is stored lower-cased, invited_by_id is the inviting admin, created_at is now() (also on re-issue), an invitation lives at most 30 days (default 7) and a tenant has at most 1000 open ones. Inviting never reads auth.users or another tenant, so it reveals nothing about the address.';
comment on column classroom.invitations.tenant_id is 'Tenant the person is invited into (part of the key).';
comment on column classroom.invitations.id is 'Invitation id, unique with tenant_id; the invitee passes it to accept_invitation.';
comment on column classroom.invitations.email is 'Invited address, lower-cased by trigger; matched against the email of the signed-in invitee (auth.email()). One open invitation per address and tenant.';
comment on column classroom.invitations.role is 'Role the person gets on accepting: STUDENT (default), TEACHER or ADMIN.';
comment on column classroom.invitations.invited_by_id is 'Admin who invited (set by trigger for API callers); null for the service role or once deleted.';
comment on column classroom.invitations.created_at is 'When the invitation was issued or last re-issued (set by trigger).';
comment on column classroom.invitations.expires_at is 'End of validity: after created_at, at most 30 days later (default 7 days). Expired invitations cannot be accepted.';
comment on index classroom.idx_invitations_email is 'An invitee''s invitations across tenants (select policy, my_invitations, accept_invitation).';

create function classroom_private.prepare_invitation()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.email := lower(btrim(new.email));
    if current_user in ('anon', 'authenticated') then
        if tg_op = 'INSERT' then
            new.invited_by_id := (select auth.uid());
        else
            new.invited_by_id := old.invited_by_id;
        end if;
        if tg_op = 'INSERT' or new.expires_at is distinct from old.expires_at then
            new.created_at := now();
        else
            new.created_at := old.created_at;
        end if;
    end if;
    if tg_op = 'INSERT' and (
        select count(*)
        from classroom.invitations as i
        where i.tenant_id = new.tenant_id
    ) >= 1000 then
        raise exception 'classroom: a tenant has at most 1000 open invitations; delete expired ones first'
            using errcode = '54000';
    end if;
    return new;
end
$$;
comment on function classroom_private.prepare_invitation() is
'Trigger function (before insert or update on invitations): lower-cases the email; for API callers sets invited_by_id to the caller and created_at to now() (on insert and when expires_at changes: a re-issue), whatever the client sent; refuses a 1001st invitation of a tenant (54000). Runs as the caller: the count only sees the caller''s tenant, which RLS already requires.';
revoke execute on function classroom_private.prepare_invitation() from public, anon;

create trigger prepare_invitation
before insert or update on classroom.invitations
for each row execute function classroom_private.prepare_invitation();

alter table classroom.invitations enable row level security;

create policy "invitations: admins and the invitee can select"
on classroom.invitations
for select
to authenticated
using (
    (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role() = 'ADMIN'))
    or email = lower((select auth.email()))
);

create policy "invitations: admins can insert"
on classroom.invitations
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role() = 'ADMIN'));

create policy "invitations: admins can update"
on classroom.invitations
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role() = 'ADMIN'))
with check (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role() = 'ADMIN'));

create policy "invitations: admins and the invitee can delete"
on classroom.invitations
for delete
to authenticated
using (
    (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role() = 'ADMIN'))
    or email = lower((select auth.email()))
);

grant select, delete on classroom.invitations to authenticated;
grant insert (tenant_id, email, role, expires_at) on classroom.invitations to authenticated;
grant update (role, expires_at) on classroom.invitations to authenticated;
grant all on classroom.invitations to service_role;

-- ------------------------------------------------ admins no longer add people

drop policy "users: admins can insert members" on classroom.users;
revoke insert on classroom.users from authenticated;

-- ----------------------------------------------------------- accept, leave

create function classroom_private.accept_invitation(p_invitation_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_uid uuid := (select auth.uid());
    v_email text := lower((select auth.email()));
    v_invitation classroom.invitations;
begin
    if v_uid is null or v_email is null then
        raise exception 'classroom: sign in to accept an invitation' using errcode = '42501';
    end if;
    if p_invitation_id is null then
        raise exception 'classroom: invitation id is required' using errcode = '22004';
    end if;
    -- Unknown, addressed to someone else, expired, or of a suspended tenant:
    -- one answer, so an id reveals nothing.
    select i.*
    into v_invitation
    from classroom.invitations as i
    join classroom.tenants as t on t.id = i.tenant_id
    where i.email = v_email
        and i.id = p_invitation_id
        and i.expires_at > now()
        and t.is_active
    for update of i;
    if not found then
        raise exception 'classroom: invitation % not found or expired', p_invitation_id using errcode = 'P0002';
    end if;
    if exists (select 1 from classroom.users as u where u.id = v_uid) then
        raise exception 'classroom: you are already a member of a tenant; leave it (classroom.leave_tenant) before joining another'
            using errcode = '23505';
    end if;
    insert into classroom.users (id, tenant_id, email, role)
    values (v_uid, v_invitation.tenant_id, v_email, v_invitation.role);
    delete from classroom.invitations as i
    where i.tenant_id = v_invitation.tenant_id
        and i.id = v_invitation.id;
    return v_invitation.tenant_id;
end
$$;
comment on function classroom_private.accept_invitation(uuid) is
'Body of classroom.accept_invitation: SECURITY DEFINER because members cannot insert into classroom.users. Acts only for the signed-in caller and only on an open invitation addressed to their sign-in email (auth.email()).';
revoke execute on function classroom_private.accept_invitation(uuid) from public, anon;
grant execute on function classroom_private.accept_invitation(uuid) to authenticated;

create function classroom.accept_invitation(p_invitation_id uuid)
returns uuid
language sql
security invoker
set search_path = ''
as $$
    select classroom_private.accept_invitation(p_invitation_id)
$$;
comment on function classroom.accept_invitation(uuid) is
'The signed-in person accepts an invitation addressed to their sign-in email: they become a member of its tenant with the invited role (email from their sign-in, email_verified false until an admin or the service role confirms it) and the invitation is deleted. Returns the tenant id. Errors: 42501 not signed in, 22004 null id, P0002 no such open invitation for this caller (unknown, someone else''s, expired or a suspended tenant: one answer), 23505 the caller is already a member of a tenant (leave it first).';
revoke execute on function classroom.accept_invitation(uuid) from public, anon;
grant execute on function classroom.accept_invitation(uuid) to authenticated;

create function classroom_private.my_invitations()
returns table (
    invitation_id uuid,
    tenant_id uuid,
    tenant_name text,
    role classroom.user_role,
    invited_at timestamptz,
    expires_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
    select i.id, i.tenant_id, t.name, i.role, i.created_at, i.expires_at
    from classroom.invitations as i
    join classroom.tenants as t on t.id = i.tenant_id
    where i.email = (select lower(auth.email()))
        and i.expires_at > now()
        and t.is_active
    order by i.created_at desc
$$;
comment on function classroom_private.my_invitations() is
'Body of classroom.my_invitations: SECURITY DEFINER to show the inviting tenant''s name to someone who is not (yet) its member. Answers only for the signed-in caller''s email.';
revoke execute on function classroom_private.my_invitations() from public, anon;
grant execute on function classroom_private.my_invitations() to authenticated;

create function classroom.my_invitations()
returns table (
    invitation_id uuid,
    tenant_id uuid,
    tenant_name text,
    role classroom.user_role,
    invited_at timestamptz,
    expires_at timestamptz
)
language sql
stable
security invoker
set search_path = ''
as $$
    select m.invitation_id, m.tenant_id, m.tenant_name, m.role, m.invited_at, m.expires_at
    from classroom_private.my_invitations() as m
$$;
comment on function classroom.my_invitations() is
'Open (unexpired) invitations addressed to the signed-in caller''s email, newest first, with the name of the inviting tenant: what the person is asked to join before accepting.';
revoke execute on function classroom.my_invitations() from public, anon;
grant execute on function classroom.my_invitations() to authenticated;

create function classroom_private.leave_tenant()
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_uid uuid := (select auth.uid());
    v_member classroom.users;
begin
    if v_uid is null then
        raise exception 'classroom: sign in to leave a tenant' using errcode = '42501';
    end if;
    select u.*
    into v_member
    from classroom.users as u
    where u.id = v_uid
    for update;
    if not found then
        raise exception 'classroom: you are not a member of a tenant' using errcode = 'P0002';
    end if;
    if v_member.role = 'ADMIN' and v_member.is_active and not exists (
        select 1
        from classroom.users as u
        where u.tenant_id = v_member.tenant_id
            and u.role = 'ADMIN'
            and u.is_active
            and u.id <> v_uid
    ) then
        raise exception 'classroom: you are the last active admin of your tenant; make another member admin first'
            using errcode = '55000';
    end if;
    delete from classroom.users as u
    where u.id = v_uid;
end
$$;
comment on function classroom_private.leave_tenant() is
'Body of classroom.leave_tenant: SECURITY DEFINER because a member''s delete policy covers other members only (admins). Acts only on the caller''s own membership.';
revoke execute on function classroom_private.leave_tenant() from public, anon;
grant execute on function classroom_private.leave_tenant() to authenticated;

create function classroom.leave_tenant()
returns void
language sql
security invoker
set search_path = ''
as $$
    select classroom_private.leave_tenant()
$$;
comment on function classroom.leave_tenant() is
'The signed-in member leaves their tenant: their classroom.users row is deleted, with what belongs to it (preferences, sessions, progress, attempts, grades: the grades'' last values stay in audit_logs). Also works for a blocked (inactive) member. Errors: 42501 not signed in, P0002 not a member, 55000 the caller is the last active admin of the tenant.';
revoke execute on function classroom.leave_tenant() from public, anon;
grant execute on function classroom.leave_tenant() to authenticated;
