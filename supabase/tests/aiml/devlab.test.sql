-- DevLab: ownership, resource limits recorded on executions, file path rules,
-- and the purge of code marked for deletion.
begin;
select plan(34);

-- start from no projects (demo data may hold some; rolled back at the end)
delete from aiml.devlab_projects;

do $$
begin
    perform tests.create_user('dev-a@example.com');
    perform tests.create_user('dev-b@example.com');
end
$$;
insert into aiml.users (auth_user_id, username)
values (tests.get_user_id('dev-a@example.com'), 'dev_a'), (tests.get_user_id('dev-b@example.com'), 'dev_b');
insert into aiml.devlab_projects (project_id, name, language, user_id)
select v.project_id, v.name, 'python' as language, u.id as user_id
from (values ('dl-a1', 'A one', 'dev_a'), ('dl-a2', 'A two', 'dev_a'), ('dl-b1', 'B one', 'dev_b')) as v (project_id, name, username)
inner join aiml.users as u on v.username = u.username;
insert into aiml.devlab_files (project_id, file_path, file_name, content)
select id, 'main.py' as file_path, 'main.py' as file_name, 'print("hi")' as content from aiml.devlab_projects;
insert into aiml.devlab_executions (project_id, language, code)
select id, 'python' as language, 'print("hi")' as code from aiml.devlab_projects;
insert into aiml.devlab_tests (project_id, test_name, test_code)
select id, 'test main' as test_name, 'assert True' as test_code from aiml.devlab_projects;
insert into aiml.devlab_analyses (project_id, analysis_type) select id, 'security' as analysis_type from aiml.devlab_projects;
insert into aiml.devlab_vulnerabilities (project_id, vulnerability_type, severity, description)
select id, 'hardcoded_secret' as vulnerability_type, 'high' as severity, 'API key in source' as description from aiml.devlab_projects;
insert into aiml.devlab_insights (project_id, insight_type, title) select id, 'optimization' as insight_type, 'Cache results' as title from aiml.devlab_projects;

-- owner actions ------------------------------------------------------------------
select tests.authenticate_as('dev-a@example.com');
select is((select count(*)::int from aiml.devlab_projects), 2, 'the owner sees exactly their two projects');
select lives_ok(
    $$insert into aiml.devlab_executions (project_id, language, code, memory_limit_mb, cpu_limit, time_limit_ms)
      select id, 'python', 'print(2)', 512, 0.5, 10000 from aiml.devlab_projects where project_id = 'dl-a1'$$,
    'the owner queues a run with custom resource limits');
select is(
    (select array[memory_limit_mb::numeric, cpu_limit, time_limit_ms::numeric] from aiml.devlab_executions where code = 'print(2)'),
    array[512, 0.50, 10000]::numeric[],
    'the limits are recorded on the run');
select is((select status from aiml.devlab_executions where code = 'print(2)'), 'queued', 'a run starts queued');
select throws_ok(
    $$insert into aiml.devlab_executions (project_id, language, code, status, output)
      select id, 'python', 'print(3)', 'completed', 'fake' from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '42501', null, 'the owner cannot record a result themself (42501, column privilege)');
select throws_ok(
    $$update aiml.devlab_executions set status = 'completed'$$,
    '42501', null, 'the owner cannot change a run (42501)');
select throws_ok(
    $$insert into aiml.devlab_executions (project_id, language, code, memory_limit_mb)
      select id, 'python', 'print(4)', 8192 from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'a memory limit above 4096 MB is rejected (23514)');
select throws_ok(
    $$insert into aiml.devlab_executions (project_id, language, code, cpu_limit)
      select id, 'python', 'print(4)', 16 from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'a CPU limit above 4 cores is rejected (23514)');
select throws_ok(
    $$insert into aiml.devlab_executions (project_id, language, code, time_limit_ms)
      select id, 'python', 'print(4)', 600000 from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'a time limit above 5 minutes is rejected (23514)');
select throws_ok(
    $$insert into aiml.devlab_executions (project_id, language, code) select id, 'cobol', 'DISPLAY 1' from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'an unsupported language is rejected (23514)');
select throws_ok(
    $$insert into aiml.devlab_files (project_id, file_path, file_name) select id, '../etc/passwd', 'passwd' from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'a file path with .. is rejected (23514)');
select throws_ok(
    $$insert into aiml.devlab_files (project_id, file_path, file_name) select id, '/etc/passwd', 'passwd' from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'an absolute file path is rejected (23514)');
select throws_ok(
    $$insert into aiml.devlab_files (project_id, file_path, file_name) select id, 'src/app.py', 'main.py' from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'a file_name that is not the end of file_path is rejected (23514)');
select lives_ok(
    $$insert into aiml.devlab_files (project_id, file_path, file_name, language) select id, 'src/my_app.py', 'my_app.py', 'python' from aiml.devlab_projects where project_id = 'dl-a1'$$,
    'a nested relative path is accepted');
select throws_ok(
    $$insert into aiml.devlab_files (project_id, file_path, file_name) select id, 'main.py', 'main.py' from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23505', null, 'a file path appears once per project (23505)');
select throws_ok(
    $$update aiml.devlab_files set project_id = (select p.id from aiml.devlab_projects p where p.project_id = 'dl-b1')
      where file_path = 'src/my_app.py'$$,
    '42501', null, 'the owner cannot move a file into another user''s project (42501, WITH CHECK)');
select throws_ok(
    $$insert into aiml.devlab_tests (project_id, test_name, test_code, coverage_percentage) select id, 't', 'assert 1', 120 from aiml.devlab_projects where project_id = 'dl-a1'$$,
    '23514', null, 'coverage above 100% is rejected (23514)');
select throws_ok(
    $$update aiml.devlab_projects set user_id = (select aiml_private.current_user_id()) + 100000 where project_id = 'dl-a1'$$,
    '42501', null, 'the owner cannot give a project away (42501, WITH CHECK)');

-- runner (service role) records results within the limits ------------------------
select tests.authenticate_as_service_role();
select lives_ok(
    $$update aiml.devlab_executions
      set status = 'completed', output = '2', execution_time_ms = 120, memory_used_mb = 40, cpu_time_ms = 80,
          container_id = 'a1b2c3d4e5f6', security_scan_result = '{"passed": true, "issues": []}'
      where code = 'print(2)'$$,
    'the runner records a completed run within its limits');
select throws_ok($$update aiml.devlab_executions set memory_used_mb = 600 where code = 'print(2)'$$,
    '23514', null, 'memory used above the limit is rejected (23514)');
select throws_ok($$update aiml.devlab_executions set execution_time_ms = 20000 where code = 'print(2)'$$,
    '23514', null, 'a completed run longer than its time limit is rejected (23514)');
select lives_ok($$update aiml.devlab_executions set status = 'timeout', execution_time_ms = 10050 where code = 'print(2)'$$,
    'a timed-out run may exceed its time limit');
select throws_ok($$update aiml.devlab_executions set status = 'failed', execution_time_ms = null where code = 'print(2)'$$,
    '23514', null, 'a finished run needs its execution time (23514)');
select throws_ok($$update aiml.devlab_executions set container_id = 'not-a-container' where code = 'print(2)'$$,
    '23514', null, 'a malformed container id is rejected (23514)');
select throws_ok($$update aiml.devlab_executions set security_scan_result = '{"issues": []}' where code = 'print(2)'$$,
    '23514', null, 'a security scan result without "passed" is rejected (23514)');

-- purge ---------------------------------------------------------------------------
select tests.authenticate_as('dev-a@example.com');
update aiml.devlab_projects set marked_for_deletion_at = now() - interval '2 hours' where project_id = 'dl-a1';
select tests.authenticate_as('dev-b@example.com');
update aiml.devlab_projects set marked_for_deletion_at = now() - interval '2 hours' where project_id = 'dl-b1';

select tests.authenticate_as('dev-a@example.com');
select is(aiml.purge_devlab_code_marked_for_deletion(), 1, 'a user''s purge deletes only their own marked project');
select tests.clear_authentication();
select is(
    (select array_agg(project_id order by project_id) from aiml.devlab_projects),
    array['dl-a2', 'dl-b1'],
    'dl-a1 is gone; the unmarked dl-a2 and the other user''s dl-b1 remain');
select is(
    (select count(*)::int from aiml.devlab_files f where not exists (select 1 from aiml.devlab_projects p where p.id = f.project_id))
    + (select count(*)::int from aiml.devlab_executions e where not exists (select 1 from aiml.devlab_projects p where p.id = e.project_id)),
    0,
    'no file or execution of a purged project is left');
select is(
    (select count(*)::int from aiml.devlab_tests) + (select count(*)::int from aiml.devlab_analyses)
    + (select count(*)::int from aiml.devlab_vulnerabilities) + (select count(*)::int from aiml.devlab_insights),
    8,
    'tests, analyses, vulnerabilities and insights of the purged project are gone (2 projects x 4 left)');

select tests.authenticate_as_service_role();
select is(aiml.purge_devlab_code_marked_for_deletion(interval '1 day'), 0, 'a grace period of 1 day keeps a project marked 2 hours ago');
select is(aiml.purge_devlab_code_marked_for_deletion(), 1, 'the service role purges every marked project');
select throws_ok($$select aiml.purge_devlab_code_marked_for_deletion(interval '-1 day')$$,
    '22023', null, 'a negative grace period is rejected (22023)');
select throws_ok($$select aiml.purge_devlab_code_marked_for_deletion(null)$$,
    '22023', null, 'a null grace period is rejected (22023)');
select tests.authenticate_as_anon();
select throws_ok($$select aiml.purge_devlab_code_marked_for_deletion()$$,
    '42501', null, 'anon cannot call the purge (42501)');
select tests.clear_authentication();

select * from finish();
rollback;
