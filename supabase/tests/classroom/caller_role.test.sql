-- classroom: no check trusts the JWT `role` claim (issue 15; 20261205102000).
-- A signed-in member whose request.jwt.claims say role service_role is still
-- the role authenticated: each attack is performed and refused.
begin;
select plan(6);

select tests.classroom_fixture();

select tests.authenticate_as('student-a@cls.test');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select is((select auth.role()), 'service_role', 'the forged claim is in place (auth.role() says service_role)');
select throws_ok(
    $$select classroom_private.member_data_export(tests.get_user_id('student2-a@cls.test'))$$,
    '42501', 'classroom: a member exports only their own data',
    'attack: with a forged service_role claim a student cannot export another member''s data (42501)');
select throws_ok(
    $$select classroom_private.assert_can_manage_ai_keys(md5('a:tenant')::uuid)$$,
    '42501', 'classroom: only an admin of the tenant manages its AI provider keys',
    'attack: nor manage the tenant''s AI provider keys (42501)');
select lives_ok(
    $$select classroom_private.member_data_export(auth.uid())$$,
    'the student still exports their own data');

select tests.authenticate_as_service_role();
select lives_ok(
    $$select classroom_private.member_data_export(tests.get_user_id('student2-a@cls.test'))$$,
    'the service role (the session''s role) exports any member''s data');

select tests.clear_authentication();
select is_empty(
    $$select * from tests.jwt_role_claim_readers('classroom')$$,
    'no classroom function or policy asks the JWT role claim (one rule for every module: the session''s role)');

select * from finish();
rollback;
