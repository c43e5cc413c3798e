-- playground: no check trusts the JWT `role` claim (issue 15;
-- 20261205100100). A signed-in user whose request.jwt.claims say role
-- service_role is still the role authenticated: each attack is refused.
begin;
select plan(6);

select tests.create_user('pgc-mallory@example.com');
select tests.create_user('pgc-alice@example.com');

select tests.authenticate_as('pgc-mallory@example.com');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select throws_ok(
    $$select * from playground.check_and_award_achievements(tests.get_user_id('pgc-alice@example.com'))$$,
    '42501', 'playground: a user may only act for themself',
    'attack: a forged service_role claim does not let a user act for another (42501)');
select throws_ok(
    $$select count(*) from playground_private.platform_interactions()$$,
    '42501', 'playground: platform-wide interactions are for service_role and admins',
    'attack: nor read every user''s interactions (42501)');
select throws_ok(
    $$select count(*) from playground_private.platform_sessions()$$,
    '42501', 'playground: platform-wide sessions are for service_role and admins',
    'attack: nor every user''s sessions (42501)');
select is(playground_private.is_platform_viewer(), false,
    'attack: the analytics views do not treat the forged claim as a platform viewer');

select tests.authenticate_as_service_role();
select lives_ok(
    $$select * from playground.check_and_award_achievements(tests.get_user_id('pgc-alice@example.com'))$$,
    'the service role (the session''s role) acts for any user');

select tests.clear_authentication();
select is_empty(
    $$select * from tests.jwt_role_claim_readers('playground')$$,
    'no playground function or policy asks the JWT role claim (one rule for every module: the session''s role)');

select * from finish();
rollback;
