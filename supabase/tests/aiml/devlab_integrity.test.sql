-- aiml: integrity of what a signed-in user writes in DevLab (issue 15).
-- Audit times and the deletion request time are the server's; jsonb is
-- bounded; a forged JWT role claim does not let a user write someone else's
-- profile.
begin;
select plan(7);

create function tests.adi_err(p_sql text) returns text
language plpgsql
as $$
begin
    execute p_sql;
    return 'ok';
exception when others then
    return sqlstate;
end
$$;
grant execute on function tests.adi_err(text) to authenticated;

do $$
begin
    perform tests.create_user('adi-a@example.com');
    perform tests.create_user('adi-b@example.com');
end
$$;
insert into aiml.users (auth_user_id, username)
values (tests.get_user_id('adi-a@example.com'), 'adi_a');

select tests.authenticate_as('adi-a@example.com');
insert into aiml.devlab_projects (project_id, name, language, user_id, created_at, updated_at)
select 'adi-1', 'Integrity', 'python', u.id, now() - interval '2 years', now() - interval '2 years'
from aiml.users u where u.auth_user_id = auth.uid();
insert into aiml.devlab_files (project_id, file_path, file_name, content, created_at, updated_at)
select p.id, 'main.py', 'main.py', 'print(1)', now() - interval '2 years', now() - interval '2 years'
from aiml.devlab_projects p where p.project_id = 'adi-1';
insert into aiml.devlab_tests (project_id, test_name, test_code, created_at, updated_at)
select p.id, 'test', 'assert True', now() - interval '2 years', now() - interval '2 years'
from aiml.devlab_projects p where p.project_id = 'adi-1';
select is(
    (select bool_and(x.ok) from (
        select created_at = now() and updated_at = now() as ok from aiml.devlab_projects where project_id = 'adi-1'
        union all
        select f.created_at = now() and f.updated_at = now() from aiml.devlab_files f
        union all
        select t.created_at = now() and t.updated_at = now() from aiml.devlab_tests t
    ) x),
    true,
    'attack: client-chosen created_at and updated_at of a project, file and test are replaced by now()');

update aiml.devlab_projects set marked_for_deletion_at = now() - interval '1 year' where project_id = 'adi-1';
select is(
    (select marked_for_deletion_at = now() from aiml.devlab_projects where project_id = 'adi-1'),
    true,
    'attack: a backdated deletion request is stamped with the server''s time');

select is(
    tests.adi_err($$update aiml.devlab_projects set environment = jsonb_build_object('x', repeat('a', 70000))
                    where project_id = 'adi-1'$$),
    '22001',
    'attack: a 70 KB environment jsonb is refused (22001)');
select lives_ok(
    $$update aiml.devlab_files set content = repeat('x', 20000) where file_name = 'main.py'$$,
    'a 20,000-character source file is still accepted (code is bounded by its own 1 MiB check)');

select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select is(
    tests.adi_err($$insert into aiml.users (auth_user_id, username)
                    values (tests.get_user_id('adi-b@example.com'), 'adi_b')$$),
    '42501',
    'attack: with a JWT role claim of service_role a user still cannot create someone else''s profile (42501)');
select tests.clear_authentication();
select is(
    (select count(*)::int from aiml.users where auth_user_id = tests.get_user_id('adi-b@example.com')),
    0,
    'no profile was written for the other user');
select is(
    (select prosrc !~ 'auth\.role\(\)' from pg_proc where oid = 'aiml_private.sync_user_email'::regproc),
    true,
    'sync_user_email decides on the session''s role, not the JWT role claim');

select * from finish();
rollback;
