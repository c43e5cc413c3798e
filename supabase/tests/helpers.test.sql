-- The test helpers (000_setup.sql) open themselves to the API roles once per
-- transaction: what opens them rolls back with the test, also when only a
-- savepoint rolls back, and a helper a test creates later is open too.
begin;
select plan(5);

select ok(not has_function_privilege('anon', 'tests.get_user_id(text)', 'execute'),
    'outside a test the helpers are closed to anon');

savepoint opened;
select tests.authenticate_as_anon();
reset role;
create function tests.made_later() returns integer language sql as 'select 1';
select tests.authenticate_as_anon();
select is(tests.made_later(), 1, 'a helper created after the first opening is open to the API roles too');
reset role;
rollback to savepoint opened;

select ok(not has_function_privilege('anon', 'tests.get_user_id(text)', 'execute'),
    'a rolled-back savepoint closes the helpers again');
select is((select count(*)::int from pg_default_acl where defaclnamespace = 'tests'::regnamespace), 0,
    'and leaves no default privilege in schema tests');
select tests.authenticate_as_anon();
select is(tests.get_user_id('nobody@example.com'), null,
    'opening again after that rollback works: the once-per-transaction flag rolled back with the grants');

select * from finish();
rollback;
