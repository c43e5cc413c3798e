-- learning: the audit trail and the caller checks ask the session's role,
-- not the JWT `role` claim (issue 15; 20261205101000).
begin;
select plan(3);

select tests.create_user('lcr-mallory@example.com');
insert into learning.courses (id, title, is_published)
values ('00000000-0000-4000-e100-00000000c001', 'Open course', true);

select tests.authenticate_as('lcr-mallory@example.com');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
insert into learning.course_enrollments (user_id, course_id)
values (auth.uid(), '00000000-0000-4000-e100-00000000c001');
select tests.clear_authentication();
select is(
    (select actor_role from learning.audit_log
        where table_name = 'course_enrollments' and actor_id = tests.get_user_id('lcr-mallory@example.com')),
    'authenticated',
    'attack: a forged service_role claim does not make an audit entry look like the service role''s (actor_role is the session''s role)');

select tests.authenticate_as('lcr-mallory@example.com');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select throws_ok(
    $$select * from learning.course_learners('00000000-0000-4000-e100-00000000c001')$$,
    '42501', 'course_learners: only the author of a course can list its learners',
    'attack: nor list the learners of a course one did not write (42501)');

select tests.clear_authentication();
select is_empty(
    $$select * from tests.jwt_role_claim_readers('learning')$$,
    'no learning function or policy asks the JWT role claim (one rule for every module: the session''s role)');

select * from finish();
rollback;
