-- simulation: the partition functions do not trust the JWT `role` claim
-- (issue 15; 20261205103000). Execute is granted to authenticated for this
-- test only, to reach the check inside: a signed-in user whose
-- request.jwt.claims say role service_role is still refused.
begin;
select plan(5);

select tests.create_user('sim-caller@example.com');
grant execute on function simulation_private.create_conversation_log_partitions(integer, timestamptz) to authenticated;
grant execute on function simulation_private.archive_conversation_log_partitions(interval, timestamptz) to authenticated;
grant execute on function simulation_private.drop_conversation_log_partitions(interval, boolean, timestamptz) to authenticated;
grant execute on function simulation_private.maintain_conversation_log_partitions(integer, interval) to authenticated;

select tests.authenticate_as('sim-caller@example.com');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select throws_ok(
    $$select simulation_private.create_conversation_log_partitions(1, now())$$,
    '42501', 'only the service role may manage conversation_logs partitions',
    'attack: a forged service_role claim does not let a user create partitions (42501)');
select throws_ok(
    $$select simulation_private.archive_conversation_log_partitions(interval '1 day', now())$$,
    '42501', 'only the service role may manage conversation_logs partitions',
    'attack: nor archive them (42501)');
select throws_ok(
    $$select simulation_private.drop_conversation_log_partitions(interval '1 day', true, now())$$,
    '42501', 'only the service role may manage conversation_logs partitions',
    'attack: nor drop them (42501)');
select throws_ok(
    $$select simulation_private.maintain_conversation_log_partitions(1, interval '1 day')$$,
    '42501', 'only the service role may manage conversation_logs partitions',
    'attack: nor run the maintenance (42501)');

select tests.clear_authentication();
select is_empty(
    $$select * from tests.jwt_role_claim_readers('simulation')$$,
    'no simulation function or policy asks the JWT role claim (one rule for every module: the session''s role)');

select * from finish();
rollback;
