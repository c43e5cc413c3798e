-- classroom: integrity under RLS (issue 15). Each attack is performed and
-- shown to fail or to have no effect: membership needs the person's consent
-- (invite, accept, leave; no oracle on someone else's id), caller checks use
-- current_user rather than the JWT role claim, server-owned times and authors
-- ignore client values, and API writes are bounded in size.
-- Runs alone: creates its own two-tenant fixture and rolls everything back.
begin;
select plan(46);

set local search_path = classroom, public, extensions;

-- Fixture: tenants a and b (ids md5('<t>:tenant')), each with admin, teacher,
-- student; a published lesson with one approved question (3 attempts).
-- outsider@cls.test has signed up but belongs to no tenant.
do $fixture$
declare
    t text;
    v_tenant uuid;
    v_teacher uuid;
begin
    perform tests.create_user('outsider@cls.test');
    foreach t in array array['a', 'b'] loop
        v_tenant := md5(t || ':tenant')::uuid;
        insert into classroom.tenants (id, name, slug) values (v_tenant, 'Tenant ' || upper(t), 'tenant-' || t);
        v_teacher := tests.create_user('teacher-' || t || '@cls.test');
        insert into classroom.users (id, tenant_id, email, first_name, role) values
            (tests.create_user('admin-' || t || '@cls.test'), v_tenant, 'admin-' || t || '@cls.test', 'Admin', 'ADMIN'),
            (v_teacher, v_tenant, 'teacher-' || t || '@cls.test', 'Teacher', 'TEACHER'),
            (tests.create_user('student-' || t || '@cls.test'), v_tenant, 'student-' || t || '@cls.test', 'Student', 'STUDENT');
        insert into classroom.lessons (tenant_id, id, title, status, created_by_id) values
            (v_tenant, md5(t || ':lesson')::uuid, 'Lesson ' || t, 'PUBLISHED', v_teacher);
        insert into classroom.video_groups (tenant_id, id, lesson_id, title) values
            (v_tenant, md5(t || ':vg')::uuid, md5(t || ':lesson')::uuid, 'Chapter 1');
        insert into classroom.videos (tenant_id, id, video_group_id, title, gcs_bucket, gcs_object_path, duration, processing_status) values
            (v_tenant, md5(t || ':video')::uuid, md5(t || ':vg')::uuid, 'Intro', 'cls-videos', t || '/intro.mp4', 600, 'READY');
        insert into classroom.milestones (tenant_id, id, video_id, title, "timestamp") values
            (v_tenant, md5(t || ':m1')::uuid, md5(t || ':video')::uuid, 'Checkpoint 1', 30);
        insert into classroom.questions (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer, retry_limit, status, created_by_id) values
            (v_tenant, md5(t || ':q')::uuid, md5(t || ':m1')::uuid, 'TRUE_FALSE', 'Plants need light.', '{}', '{"value": true}', 3, 'APPROVED', v_teacher);
    end loop;
end
$fixture$;

-- The SQLSTATE a statement raises ('ok' when it succeeds), and rows touched.
create function tests.cls_err(p_sql text) returns text
language plpgsql
as $$
begin
    execute p_sql;
    return 'ok';
exception when others then
    return sqlstate;
end
$$;

create function tests.cls_rows(p_sql text) returns text
language plpgsql
as $$
declare
    v_n bigint;
begin
    execute p_sql;
    get diagnostics v_n = row_count;
    return v_n::text;
exception when others then
    return 'error:' || sqlstate;
end
$$;

-- An invitation id, read as postgres (whoever is signed in cannot see it).
create function tests.cls_invitation(p_email text) returns uuid
language sql
security definer
set search_path = ''
as $$ select i.id from classroom.invitations as i where i.email = p_email order by i.created_at limit 1 $$;

-- Sign in as p_email but with a forged `role` claim in request.jwt.claims
-- (the database role stays authenticated).
create function tests.cls_forge_role_claim(p_email text, p_role text) returns void
language plpgsql
as $$
begin
    perform tests.authenticate_as(p_email);
    perform set_config('request.jwt.claims',
        (current_setting('request.jwt.claims')::jsonb || jsonb_build_object('role', p_role))::text, true);
end
$$;

-- ======================================================= membership: consent
-- The attack: an admin adds someone who is not (or not yet) their member.
select tests.authenticate_as('admin-a@cls.test');
select is(
    array[
        tests.cls_err($$ insert into classroom.users (id, tenant_id, email) values (tests.get_user_id('outsider@cls.test'), md5('a:tenant')::uuid, 'outsider@cls.test') $$),
        tests.cls_err($$ insert into classroom.users (id, tenant_id, email) values (tests.get_user_id('student-b@cls.test'), md5('a:tenant')::uuid, 'student-b@cls.test') $$),
        tests.cls_err($$ insert into classroom.users (id, tenant_id, email) values (gen_random_uuid(), md5('a:tenant')::uuid, 'nobody@cls.test') $$)],
    array['42501', '42501', '42501'],
    'users: an admin cannot add anyone directly: a free user, another tenant''s member and an unknown id all get the same 42501 (no oracle)');
select tests.clear_authentication();
select is((select count(*)::int from classroom.users where id = tests.get_user_id('outsider@cls.test')), 0,
    'users: the outsider did not become a member of tenant a');
select is((select tenant_id from classroom.users where id = tests.get_user_id('student-b@cls.test')), md5('b:tenant')::uuid,
    'users: tenant b''s student still belongs to tenant b only');

-- Invitations: an admin invites an address; the answer does not depend on who owns it.
select tests.authenticate_as('admin-a@cls.test');
select is(
    array[
        tests.cls_err($$ insert into classroom.invitations (tenant_id, email) values (md5('a:tenant')::uuid, 'Outsider@CLS.test') $$),
        tests.cls_err($$ insert into classroom.invitations (tenant_id, email, role) values (md5('a:tenant')::uuid, 'student-b@cls.test', 'TEACHER') $$),
        tests.cls_err($$ insert into classroom.invitations (tenant_id, email) values (md5('a:tenant')::uuid, 'nobody-at-all@nowhere.test') $$)],
    array['ok', 'ok', 'ok'],
    'invitations: an admin invites a free user, another tenant''s member and an unknown address alike (no oracle)');
select results_eq(
    $$ select email, invited_by_id, created_at = now(), expires_at = now() + interval '7 days' from classroom.invitations where email like 'outsider%' $$,
    $$ values ('outsider@cls.test', tests.get_user_id('admin-a@cls.test'), true, true) $$,
    'invitations: the email is lower-cased; inviter, issue time and a 7-day expiry are set by the server');
select throws_ok(
    $$ insert into classroom.invitations (tenant_id, email, invited_by_id) values (md5('a:tenant')::uuid, 'x@cls.test', tests.get_user_id('teacher-a@cls.test')) $$,
    '42501', null, 'invitations: the inviter cannot be chosen by the client (42501, no column privilege)');
select throws_ok(
    $$ insert into classroom.invitations (tenant_id, email, expires_at) values (md5('a:tenant')::uuid, 'y@cls.test', now() + interval '90 days') $$,
    '23514', null, 'invitations: an invitation lives at most 30 days (23514)');
select throws_ok(
    $$ insert into classroom.invitations (tenant_id, email) values (md5('b:tenant')::uuid, 'z@cls.test') $$,
    '42501', null, 'invitations: an admin cannot invite into another tenant (42501)');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
select throws_ok($$ insert into classroom.invitations (tenant_id, email) values (md5('a:tenant')::uuid, 'w@cls.test') $$,
    '42501', null, 'invitations: a teacher cannot invite (42501)');
select is_empty($$ select 1 from classroom.invitations $$, 'invitations: a teacher does not see the tenant''s invitations');
select tests.clear_authentication();

select tests.authenticate_as('admin-b@cls.test');
select is_empty($$ select 1 from classroom.invitations $$, 'invitations: tenant b''s admin does not see tenant a''s invitations');
select is(tests.cls_rows($$ delete from classroom.invitations $$), '0', 'invitations: tenant b''s admin deletes none of tenant a''s (0 rows)');
select tests.clear_authentication();

-- The invitee sees what they are asked to join.
select tests.authenticate_as('outsider@cls.test');
select results_eq($$ select tenant_id, tenant_name, role::text from classroom.my_invitations() $$,
    $$ values (md5('a:tenant')::uuid, 'Tenant A', 'STUDENT') $$,
    'my_invitations: the invitee sees the invitation with the tenant''s name');
select is((select count(*)::int from classroom.invitations), 1, 'invitations: the invitee reads their own invitation row only');
select tests.clear_authentication();

-- Someone else's invitation id: one answer whatever it is.
select tests.authenticate_as('student-b@cls.test');
select is(
    array[
        tests.cls_err(format($$ select classroom.accept_invitation(%L) $$, tests.cls_invitation('outsider@cls.test'))),
        tests.cls_err($$ select classroom.accept_invitation(gen_random_uuid()) $$)],
    array['P0002', 'P0002'],
    'accept_invitation: someone else''s invitation and an unknown id give the same P0002');
select throws_ok(format($$ select classroom.accept_invitation(%L) $$, (select id from classroom.invitations where email = 'student-b@cls.test')),
    '23505', null, 'accept_invitation: a member of another tenant must leave it first (23505, about themself only)');
select is((select tenant_id from classroom.users where id = (select auth.uid())), md5('b:tenant')::uuid,
    'accept_invitation: the refused accept changed nothing');
select tests.clear_authentication();

-- Consent: the invitee accepts, and can leave again.
select tests.authenticate_as('outsider@cls.test');
select is(classroom.accept_invitation((select id from classroom.invitations where email = 'outsider@cls.test')), md5('a:tenant')::uuid,
    'accept_invitation: the invitee accepts and gets the tenant id');
select results_eq($$ select tenant_id, role::text, email from classroom.users where id = (select auth.uid()) $$,
    $$ values (md5('a:tenant')::uuid, 'STUDENT', 'outsider@cls.test') $$,
    'accept_invitation: the invitee is now a member with the invited role and their sign-in email');
select is((select count(*)::int from classroom.invitations where email = 'outsider@cls.test'), 0,
    'accept_invitation: the accepted invitation is gone');
select is(classroom_private.current_tenant_id(), md5('a:tenant')::uuid, 'accept_invitation: RLS now sees the new member in tenant a');
select lives_ok($$ select classroom.leave_tenant() $$, 'leave_tenant: the member leaves');
select is((select count(*)::int from classroom.users where id = (select auth.uid())), 0, 'leave_tenant: the membership is gone');
select throws_ok($$ select classroom.leave_tenant() $$, 'P0002', null, 'leave_tenant: leaving twice says not a member (P0002)');
select tests.clear_authentication();

-- An expired invitation cannot be accepted; an invitee may decline.
insert into classroom.invitations (tenant_id, email, created_at, expires_at)
values (md5('b:tenant')::uuid, 'outsider@cls.test', now() - interval '10 days', now() - interval '3 days');
insert into classroom.invitations (tenant_id, email) values (md5('a:tenant')::uuid, 'outsider@cls.test');
select tests.authenticate_as('outsider@cls.test');
select throws_ok(format($$ select classroom.accept_invitation(%L) $$, (select id from classroom.invitations where tenant_id = md5('b:tenant')::uuid)),
    'P0002', null, 'accept_invitation: an expired invitation is not found (P0002)');
select is(tests.cls_rows($$ delete from classroom.invitations where tenant_id = md5('a:tenant')::uuid $$), '1',
    'invitations: the invitee declines by deleting the invitation');
select tests.clear_authentication();

-- The last admin cannot leave the tenant without an admin.
select tests.authenticate_as('admin-a@cls.test');
select throws_ok($$ select classroom.leave_tenant() $$, '55000', null, 'leave_tenant: the last active admin cannot leave (55000)');
select tests.clear_authentication();

-- Bounded: at most 1000 invitations per tenant.
insert into classroom.invitations (tenant_id, email)
select md5('a:tenant')::uuid, 'bulk' || g || '@cls.test' from generate_series(1, 1000 - (select count(*) from classroom.invitations where tenant_id = md5('a:tenant')::uuid)) g;
select tests.authenticate_as('admin-a@cls.test');
select throws_ok($$ insert into classroom.invitations (tenant_id, email) values (md5('a:tenant')::uuid, 'one-more@cls.test') $$,
    '54000', null, 'invitations: the 1001st invitation of a tenant is refused (54000)');
select tests.clear_authentication();

-- =========================================== caller checks use current_user
-- The attack: a signed-in student whose JWT claims say role = service_role.
select tests.cls_forge_role_claim('student-a@cls.test', 'service_role');
select is(current_user::text, 'authenticated', 'forged claim: the database role is still authenticated');
select throws_ok($$ update classroom.users set role = 'ADMIN' where id = (select auth.uid()) $$, '42501', null,
    'guard_user_update: a forged service_role claim does not let a student promote themself (42501)');
select throws_ok($$ select classroom.question_answer_key(md5('a:q')::uuid) $$, '42501', null,
    'question_answer_key: a forged service_role claim does not open the answer key (42501)');
select is_empty($$ select * from classroom.question_details(array[md5('a:q')::uuid, md5('b:q')::uuid]) $$,
    'question_details: a forged service_role claim gives no answer key (nor another tenant''s)');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer) values (md5('b:tenant')::uuid, tests.get_user_id('student-b@cls.test'), md5('b:q')::uuid, '{"value": true}') $$,
    '42501', null, 'question_attempts: a forged claim does not let a student answer for someone in another tenant (42501, before any lookup)');
select tests.clear_authentication();
select is((select role::text from classroom.users where id = tests.get_user_id('student-a@cls.test')), 'STUDENT',
    'guard_user_update: the student is still a STUDENT');

select tests.cls_forge_role_claim('teacher-a@cls.test', 'authenticated');
select is(classroom.question_answer_key(md5('a:q')::uuid), '{"value": true}'::jsonb,
    'question_answer_key: a teacher still reads the key of their tenant');
select tests.clear_authentication();
select tests.authenticate_as_service_role();
select is(classroom.question_answer_key(md5('b:q')::uuid), '{"value": true}'::jsonb,
    'question_answer_key: the service role (current_user service_role) reads any tenant''s key');
select tests.clear_authentication();

-- ================================================= server-owned facts
select tests.authenticate_as('student-a@cls.test');
insert into classroom.student_sessions (tenant_id, id, student_id, device_id, started_at, last_heartbeat_at, created_at)
values (md5('a:tenant')::uuid, md5('a:session')::uuid, tests.get_user_id('student-a@cls.test'), 'laptop', '2000-01-01', '2000-01-02', '2000-01-01');
select results_eq($$ select started_at = now(), last_heartbeat_at = now(), created_at = now() from classroom.student_sessions where id = md5('a:session')::uuid $$,
    $$ values (true, true, true) $$, 'student_sessions: client-sent start, heartbeat and creation times are replaced by now()');
update classroom.student_sessions set ended_at = '2099-01-01', started_at = '2000-01-01' where id = md5('a:session')::uuid;
select results_eq($$ select ended_at = now(), started_at = now() from classroom.student_sessions where id = md5('a:session')::uuid $$,
    $$ values (true, true) $$, 'student_sessions: ending a session records now(), and the start cannot be moved');
insert into classroom.student_progress (tenant_id, student_id, lesson_id, completion_percent, started_at, completed_at)
values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:lesson')::uuid, 100, '2000-01-01', '2000-01-01');
select results_eq($$ select started_at = now(), completed_at = now() from classroom.student_progress where student_id = (select auth.uid()) $$,
    $$ values (true, true) $$, 'student_progress: backdated start and completion are stored as now()');
update classroom.users set last_login_at = '2099-01-01' where id = (select auth.uid());
select is((select last_login_at from classroom.users where id = (select auth.uid())), now(),
    'users: a client-set last_login_at is stored as now()');
select throws_ok(
    $$ insert into classroom.question_attempts (tenant_id, student_id, question_id, answer) values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), md5('a:q')::uuid, jsonb_build_object('value', true, 'pad', repeat('x', 20000))) $$,
    '22001', null, 'question_attempts: an answer over 16 KiB is refused (22001)');
select throws_ok(
    $$ insert into classroom.analytics_events (tenant_id, user_id, event_type, event_name, event_data) values (md5('a:tenant')::uuid, tests.get_user_id('student-a@cls.test'), 'NAVIGATION', 'page.view', jsonb_build_object('pad', repeat('x', 20000))) $$,
    '22001', null, 'analytics_events: event_data over 16 KiB is refused (22001)');
select throws_ok(
    $$ update classroom.users set first_name = repeat('x', 10001) where id = (select auth.uid()) $$,
    '22001', null, 'users: a first name over 10,000 characters is refused (22001)');
select tests.clear_authentication();

select tests.authenticate_as('teacher-a@cls.test');
insert into classroom.questions (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer, status, created_by_id)
values (md5('a:tenant')::uuid, md5('a:q2')::uuid, md5('a:m1')::uuid, 'TRUE_FALSE', 'Forged author?', '{}', '{"value": false}', 'PENDING', tests.get_user_id('admin-a@cls.test'));
select is((select created_by_id from classroom.questions where id = md5('a:q2')::uuid), tests.get_user_id('teacher-a@cls.test'),
    'questions: the author is the inserting teacher, not the id the client sent');
update classroom.lessons set created_at = '2000-01-01', title = 'Lesson a (edited)' where id = md5('a:lesson')::uuid;
select isnt((select created_at from classroom.lessons where id = md5('a:lesson')::uuid), '2000-01-01'::timestamptz,
    'lessons: created_at cannot be rewritten by a client');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select lives_ok(
    $$ insert into classroom.analytics_events (tenant_id, event_type, event_name, event_data) values (md5('a:tenant')::uuid, 'PERFORMANCE', 'api.latency', jsonb_build_object('pad', repeat('x', 20000))) $$,
    'analytics_events: the service role is not limited by the API bounds');
select tests.clear_authentication();

select * from finish();
rollback;
