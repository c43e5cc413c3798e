-- classroom: security events — membership, role, activation and tenant changes and sign-ins (from auth.users.last_sign_in_at) are recorded with their actor; admins read their tenant's events, a member the events about themself; nobody writes or edits them through the API.
begin;
select plan(18);

select tests.classroom_admin_and_student('se');

create function tests.se_uid(p_name text) returns uuid language sql stable as $$ select tests.get_user_id(p_name || '@cls.test') $$;
grant execute on function tests.se_uid(text) to authenticated;

select is((select count(*)::int from classroom.security_events where tenant_id = md5('se:a:tenant')::uuid and event_type = 'membership_added'), 2,
    'adding the two members of tenant a recorded two membership_added events');
select is((select count(*)::int from classroom.security_events where tenant_id = md5('se:a:tenant')::uuid and event_type = 'tenant_created'), 1,
    'creating the tenant recorded tenant_created');

select tests.authenticate_as('admin-se-a@cls.test');
update classroom.users set role = 'TEACHER' where id = tests.se_uid('student-se-a');
select results_eq($$select details, actor_id, actor_role from classroom.security_events where event_type = 'role_changed' and subject_user_id = tests.se_uid('student-se-a')$$,
    $$values ('{"from": "STUDENT", "to": "TEACHER"}'::jsonb, tests.se_uid('admin-se-a'), 'authenticated'::text)$$,
    'an admin''s role change is recorded with from, to and the admin as actor');
update classroom.users set is_active = false where id = tests.se_uid('student-se-a');
select is((select count(*)::int from classroom.security_events where event_type = 'member_deactivated' and subject_user_id = tests.se_uid('student-se-a')), 1,
    'deactivating a member is recorded');
select is((select count(*)::int from classroom.security_events where tenant_id = md5('se:b:tenant')::uuid), 0, 'an admin does not see another tenant''s events');
select throws_ok($$insert into classroom.security_events (tenant_id, event_type, actor_role) values (md5('se:a:tenant')::uuid, 'sign_in', 'authenticated')$$,
    '42501', null, 'an admin cannot write an event');
select throws_ok($$delete from classroom.security_events$$, '42501', null, 'an admin cannot delete events');
select throws_ok($$select classroom_private.log_security_event(md5('se:a:tenant')::uuid, 'sign_in')$$, '42501', null, 'log_security_event is not callable by members');
select tests.clear_authentication();

update classroom.users set is_active = true where id = tests.se_uid('student-se-a');
update classroom.tenants set name = 'Tenant se A renamed', settings = '{"theme": "dark"}' where id = md5('se:a:tenant')::uuid;
select is((select details from classroom.security_events where event_type = 'tenant_updated' and tenant_id = md5('se:a:tenant')::uuid),
    '{"changed": ["name", "settings"]}'::jsonb, 'a tenant change records which fields changed');
update classroom.tenants set is_active = false where id = md5('se:b:tenant')::uuid;
select is((select count(*)::int from classroom.security_events where event_type = 'tenant_suspended' and tenant_id = md5('se:b:tenant')::uuid), 1,
    'suspending a tenant is recorded');

-- sign-ins: Supabase Auth stamps last_sign_in_at
update auth.users set last_sign_in_at = now() where id = tests.se_uid('student-se-a');
update auth.users set raw_user_meta_data = '{"x": 1}' where id = tests.se_uid('student-se-a');
select results_eq($$select count(*)::int, min(actor_role) from classroom.security_events where event_type = 'sign_in' and subject_user_id = tests.se_uid('student-se-a')$$,
    $$values (1, 'database'::text)$$, 'a sign-in (last_sign_in_at stamped) records one sign_in event; another auth.users change records none');
select tests.create_user('outsider-se@cls.test');
update auth.users set last_sign_in_at = now() where email = 'outsider-se@cls.test';
select is((select count(*)::int from classroom.security_events where event_type = 'sign_in' and subject_user_id = tests.get_user_id('outsider-se@cls.test')), 0,
    'a sign-in of someone without a classroom membership records nothing');

select tests.authenticate_as('student-se-a@cls.test');
select ok((select count(*) > 0 and bool_and(subject_user_id = tests.se_uid('student-se-a')) from classroom.security_events),
    'a member reads only the events about themself');
select tests.authenticate_as('admin-se-a@cls.test');
select ok((select count(*) >= 6 and bool_and(tenant_id = md5('se:a:tenant')::uuid) from classroom.security_events),
    'an admin reads the events of their tenant');
select tests.authenticate_as_anon();
select throws_ok($$select * from classroom.security_events$$, '42501', null, 'anon cannot read events');
select tests.authenticate_as_service_role();
select throws_ok($$update classroom.security_events set details = '{}'$$, '42501', null, 'even service_role cannot edit events');
select tests.clear_authentication();

delete from classroom.users where id = tests.se_uid('admin-se-b');
select is((select count(*)::int from classroom.security_events where event_type = 'membership_removed' and subject_user_id = tests.se_uid('admin-se-b')), 1,
    'removing a member is recorded');
delete from classroom.tenants where id = md5('se:b:tenant')::uuid;
select is((select count(*)::int from classroom.security_events where event_type = 'tenant_deleted' and tenant_id = md5('se:b:tenant')::uuid), 1,
    'a deleted tenant''s deletion event stays');

select * from finish();
rollback;
