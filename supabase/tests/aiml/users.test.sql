-- Profiles: one per auth user, the auth.uid() -> users.id helper, what a user
-- may change on their profile, and what happens when the auth user is deleted.
begin;
select plan(25);

do $$
begin
    perform tests.create_user('u-a@example.com');
    perform tests.create_user('u-b@example.com');
end
$$;

select hasnt_column('aiml', 'users', 'hashed_password', 'no password is stored in aiml.users');

select tests.authenticate_as('u-a@example.com');
select is(aiml_private.current_user_id(), null::bigint, 'current_user_id() is null before the profile exists');
select lives_ok(
    $$insert into aiml.users (auth_user_id, username, preferences)
      values ((select auth.uid()), 'user_a', '{"theme": "dark"}')$$,
    'a signed-in user creates their own profile');
select is(aiml_private.current_user_id(), (select id from aiml.users where username = 'user_a'),
    'current_user_id() returns the caller''s profile id');
select is((select is_active from aiml.users where username = 'user_a'), true, 'a new profile is active');
select is((select email from aiml.users where username = 'user_a'), 'u-a@example.com', 'the profile email is copied from auth.users');
select throws_ok($$update aiml.users set is_active = false$$, '42501', null,
    'a user cannot change is_active (42501, column privilege)');
select throws_ok($$update aiml.users set auth_user_id = tests.get_user_id('u-b@example.com')$$, '42501', null,
    'a user cannot re-link their profile to another auth user (42501, column privilege)');
select throws_ok($$insert into aiml.users (auth_user_id, username) values ((select auth.uid()), 'user_a_again')$$, '23505', null,
    'a second profile for the same auth user is rejected (23505)');
select lives_ok($$update aiml.users set preferences = '{"theme": "light"}', username = 'alice_a'$$,
    'a user updates their preferences and username');
select throws_ok($$update aiml.users set username = 'a b'$$, '23514', null, 'a username with a space is rejected (23514)');
select throws_ok($$update aiml.users set username = 'ab'$$, '23514', null, 'a 2-character username is rejected (23514)');
select throws_ok($$update aiml.users set email = 'someone@else.example'$$, '42501', null, 'a user cannot write the email (42501, column privilege)');
select throws_ok($$update aiml.users set preferences = '[]'$$, '23514', null, 'preferences must be a JSON object (23514)');

select tests.authenticate_as('u-b@example.com');
select is(aiml_private.current_user_id(), null::bigint, 'another user without profile gets null');
select throws_ok(
    $$insert into aiml.users (auth_user_id, username) values (tests.get_user_id('u-a@example.com'), 'user_b')$$,
    '42501', null, 'a user cannot create a profile for another auth user (42501)');
insert into aiml.users (auth_user_id, username) values ((select auth.uid()), 'user_b');
select is(aiml_private.current_user_id(), (select id from aiml.users where username = 'user_b'), 'each user maps to their own profile id');
select tests.authenticate_as_anon();
select throws_ok($$select aiml_private.current_user_id()$$, '42501', null, 'anon cannot call current_user_id() (42501)');

-- deleting the auth user --------------------------------------------------------------
select tests.clear_authentication();
insert into aiml.use_case_executions (use_case_id, user_id)
select uc.id as use_case_id, u.id as user_id from aiml.use_cases as uc, aiml.users as u where uc.use_case_id = 'fraud-detection' and u.username = 'alice_a';
insert into aiml.discovery_tool_executions (tool_id, user_id)
select t.id as tool_id, u.id as user_id from aiml.discovery_tools as t, aiml.users as u where t.tool_id = 'color-predictor' and u.username = 'alice_a';
insert into aiml.analytics_events (event_type, user_id) select 'use_case.viewed' as event_type, id from aiml.users where username = 'alice_a';
insert into aiml.devlab_projects (project_id, name, language, user_id) select 'u-a-proj' as project_id, 'A' as name, 'go' as language, id from aiml.users where username = 'alice_a';
insert into aiml.devlab_files (project_id, file_path, file_name) select id, 'main.go' as file_path, 'main.go' as file_name from aiml.devlab_projects where project_id = 'u-a-proj';

create temp table gone on commit drop as
select u.id as user_id, (select max(e.id) from aiml.analytics_events e where e.user_id = u.id) as event_id
from aiml.users u where u.username = 'alice_a';

update auth.users set email = 'u-a-new@example.com' where email = 'u-a@example.com';
update aiml.users set preferences = preferences where username = 'alice_a';
select is((select email from aiml.users where username = 'alice_a'), 'u-a-new@example.com', 'a profile update refreshes the email from auth.users');

delete from auth.users where email = 'u-a-new@example.com';
select is((select count(*)::int from aiml.users where username = 'alice_a'), 0, 'deleting the auth user deletes the profile');
select is((select count(*)::int from aiml.use_case_executions where user_id = (select user_id from gone)), 0,
    'and their use-case executions');
select is((select count(*)::int from aiml.discovery_tool_executions where user_id = (select user_id from gone)), 0, 'and their discovery tool executions');
select is((select count(*)::int from aiml.devlab_projects where project_id = 'u-a-proj') + (select count(*)::int from aiml.devlab_files where file_path = 'main.go'), 0,
    'and their DevLab projects with files');
select is((select count(*)::int from aiml.analytics_events where id = (select event_id from gone) and user_id is null), 1,
    'their analytics events stay, anonymised (user_id null)');
select is((select count(*)::int from aiml.users where username = 'user_b'), 1, 'the other user''s profile is untouched');

select * from finish();
rollback;
