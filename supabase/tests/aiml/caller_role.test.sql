-- aiml: sync_user_email does not trust the JWT `role` claim (issue 15;
-- 20261205104000), and DevLab times are the server's.
begin;
select plan(5);

select tests.create_user('aiml-caller-a@example.com');
select tests.create_user('aiml-caller-b@example.com');

select tests.authenticate_as('aiml-caller-a@example.com');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select throws_ok(
    $$insert into aiml.users (auth_user_id, username) values (tests.get_user_id('aiml-caller-b@example.com'), 'mallory')$$,
    '42501', 'aiml: a user can only create or change their own profile',
    'attack: with a forged service_role claim a user cannot create another user''s profile (refused before auth.users is read)');
select lives_ok(
    $$insert into aiml.users (auth_user_id, username) values (auth.uid(), 'alice')$$,
    'the user creates their own profile');
select is(
    (select email from aiml.users where auth_user_id = auth.uid()),
    'aiml-caller-a@example.com',
    'and the server copies their email');

insert into aiml.devlab_projects (project_id, name, language, user_id, created_at, updated_at)
values ('caller-proj', 'P', 'python', (select id from aiml.users where auth_user_id = auth.uid()),
        now() - interval '3 years', now() - interval '3 years');
select is(
    (select (created_at = now() and updated_at = now()) from aiml.devlab_projects where project_id = 'caller-proj'),
    true,
    'attack: client-chosen created_at and updated_at of a new DevLab project are replaced by now()');

select tests.clear_authentication();
select is_empty(
    $$select * from tests.jwt_role_claim_readers('aiml')$$,
    'no aiml function or policy asks the JWT role claim (one rule for every module: the session''s role)');

select * from finish();
rollback;
