-- classroom: GDPR — a member exports only their own rows (jsonb), files an erasure request (once), and the service role erases the membership and its data; members cannot process, forge or edit requests, nor export someone else.
begin;
select plan(20);

select tests.classroom_admin_and_student('gd');

create function tests.gd_uid(p_name text) returns uuid language sql stable as $$ select tests.get_user_id(p_name || '@cls.test') $$;
grant execute on function tests.gd_uid(text) to authenticated, service_role;

-- progress for both tenant-a people, preferences for the student
insert into classroom.lessons (tenant_id, id, title, thumbnail, status, created_by_id)
values (md5('gd:a:tenant')::uuid, md5('gd:lesson')::uuid, 'GDPR lesson', 'g.png', 'PUBLISHED', tests.gd_uid('admin-gd-a'));
insert into classroom.student_progress (tenant_id, student_id, lesson_id, completion_percent) values
    (md5('gd:a:tenant')::uuid, tests.gd_uid('student-gd-a'), md5('gd:lesson')::uuid, 40),
    (md5('gd:a:tenant')::uuid, tests.gd_uid('admin-gd-a'), md5('gd:lesson')::uuid, 90);
insert into classroom.user_preferences (tenant_id, user_id, playback_speed) values (md5('gd:a:tenant')::uuid, tests.gd_uid('student-gd-a'), 1.5);

-- export ---------------------------------------------------------------------
select tests.authenticate_as('student-gd-a@cls.test');
create temporary table gd_export on commit drop as select classroom.export_my_data() as doc;
select is((select doc ->> 'user_id' from gd_export)::uuid, tests.gd_uid('student-gd-a'), 'the export names the caller');
select is((select jsonb_array_length(doc -> 'classroom' -> 'users') from gd_export), 1, 'it holds the caller''s membership row');
select is((select doc -> 'classroom' -> 'users' -> 0 ->> 'email' from gd_export), 'student-gd-a@cls.test', 'with their email');
select is((select jsonb_array_length(doc -> 'classroom' -> 'student_progress') from gd_export), 1, 'only the caller''s progress (not the admin''s)');
select is((select (doc -> 'classroom' -> 'student_progress' -> 0 ->> 'completion_percent')::numeric from gd_export), 40::numeric, 'the caller''s progress row');
select is((select jsonb_array_length(doc -> 'classroom' -> 'user_preferences') from gd_export), 1, 'and their preferences');
select ok((select doc -> 'classroom' ?& array['users', 'user_preferences', 'student_sessions', 'student_progress', 'question_attempts', 'grades',
    'analytics_events', 'ai_usage_logs', 'security_events', 'erasure_requests'] from gd_export), 'every table about a person is in the export');
select throws_ok(format($$select classroom_private.member_data_export(%L)$$, tests.gd_uid('admin-gd-a')), '42501', null,
    'a member cannot export someone else');
select is((select count(*)::int from classroom.security_events where event_type = 'data_exported'), 1, 'the export is recorded as a security event');

-- erasure request ------------------------------------------------------------
create temporary table gd_request on commit drop as select (classroom.request_erasure()).*;
grant select on gd_request to service_role;
select results_eq($$select status, user_id, tenant_id from gd_request$$,
    $$values ('pending'::text, tests.gd_uid('student-gd-a'), md5('gd:a:tenant')::uuid)$$, 'a member files an erasure request for their membership');
select is((select (classroom.request_erasure()).id), (select id from gd_request), 'asking again returns the same pending request');
select throws_ok($$insert into classroom.erasure_requests (tenant_id, user_id) values (md5('gd:a:tenant')::uuid, tests.gd_uid('admin-gd-a'))$$,
    '42501', null, 'a member cannot write requests directly');
select throws_ok($$update classroom.erasure_requests set status = 'processed', processed_at = now()$$, '42501', null, 'nor mark one processed');
select throws_ok(format($$select classroom_private.process_erasure_request(%L, %L)$$, md5('gd:a:tenant')::uuid, (select id from gd_request)),
    '42501', null, 'a member cannot process a request');

select tests.authenticate_as('admin-gd-b@cls.test');
select is((select count(*)::int from classroom.erasure_requests), 0, 'another tenant''s admin does not see the request');
select tests.authenticate_as('admin-gd-a@cls.test');
select is((select count(*)::int from classroom.erasure_requests), 1, 'the tenant''s admin sees it');

-- processing -----------------------------------------------------------------
select tests.authenticate_as_service_role();
select is((select status from classroom_private.process_erasure_request(md5('gd:a:tenant')::uuid, (select id from gd_request))), 'processed',
    'the service role processes the request');
select tests.clear_authentication();
select is((select count(*)::int from classroom.users where id = tests.gd_uid('student-gd-a'))
        + (select count(*)::int from classroom.student_progress where student_id = tests.gd_uid('student-gd-a'))
        + (select count(*)::int from classroom.user_preferences where user_id = tests.gd_uid('student-gd-a')), 0,
    'the membership, progress and preferences are gone');
select is((select count(*)::int from classroom.security_events where subject_user_id = tests.gd_uid('student-gd-a') or actor_id = tests.gd_uid('student-gd-a')), 0,
    'the person''s id is cleared from security events');
select is((select count(*)::int from classroom.student_progress where student_id = tests.gd_uid('admin-gd-a')), 1, 'other people''s data stays');

select * from finish();
rollback;
