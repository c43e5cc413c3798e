-- simulation: RLS matrix — anon, owner, another user, admin and service_role x select/insert/update/delete on every table. Denied actions raise 42501 (no grant, or a policy's WITH CHECK) or touch 0 rows, as each test name says.
begin;
select plan(182);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();

-- ===========================================================================
-- users
-- ===========================================================================
select tests.authenticate_as_anon();
select throws_ok($$select * from simulation.users$$, '42501', null, 'users: anon cannot select (42501, no grant)');
select throws_ok($$insert into simulation.users (auth_user_id, email, username) values (gen_random_uuid(), 'x@example.com', 'anon_x')$$,
    '42501', null, 'users: anon cannot insert (42501)');
select throws_ok($$update simulation.users set bio = 'x'$$, '42501', null, 'users: anon cannot update (42501)');
select throws_ok($$delete from simulation.users$$, '42501', null, 'users: anon cannot delete (42501)');
select is((select count(*)::int from simulation.public_profiles where username in ('sim_alice', 'sim_bob')), 2,
    'public_profiles: anon sees public profiles');
select is((select count(*)::int from simulation.public_profiles where username = 'sim_carol'), 0,
    'public_profiles: a private profile is not listed');

select tests.authenticate_as('sim-bob@example.com');
select results_eq($$select username from simulation.users where username like 'sim\_%'$$, array['sim_bob'],
    'users: bob (owner) selects only his own profile');
select is((select count(*)::int from simulation.users where id = tests.sim_id('alice')), 0,
    'users: bob cannot select alice''s profile (0 rows)');
select throws_ok($$insert into simulation.users (auth_user_id, email, username) values (tests.get_user_id('sim-dave@example.com'), 'sim-dave@example.com', 'bob_as_dave')$$,
    '42501', null, 'users: bob cannot create a profile for another auth user (42501)');
with u as (update simulation.users set bio = 'Learner bio' where id = tests.sim_id('bob') returning 1)
select is(count(*)::int, 1, 'users: bob updates his own profile') from u;
with u as (update simulation.users set bio = 'hacked' where id = tests.sim_id('alice') returning 1)
select is(count(*)::int, 0, 'users: bob cannot update alice''s profile (0 rows)') from u;
with d as (delete from simulation.users where id = tests.sim_id('alice') returning 1)
select is(count(*)::int, 0, 'users: bob cannot delete alice''s profile (0 rows)') from d;

select tests.authenticate_as('sim-dave@example.com');
select lives_ok($$insert into simulation.users (username, full_name) values ('sim_dave', 'Dave')$$,
    'users: dave creates his own profile (auth_user_id and email default from the JWT)');
select results_eq($$select email, role::text from simulation.users$$, $$values ('sim-dave@example.com', 'user')$$,
    'users: the new profile has dave''s email and role user');
with d as (delete from simulation.users where username = 'sim_dave' returning 1)
select is(count(*)::int, 1, 'users: dave deletes his own profile') from d;

select tests.authenticate_as('sim-carol@example.com');
select is((select count(*)::int from simulation.users where id in (tests.sim_id('alice'), tests.sim_id('bob'))), 2,
    'users: admin selects every profile');
with u as (update simulation.users set reputation_score = 4.5 where id = tests.sim_id('alice') returning 1)
select is(count(*)::int, 1, 'users: admin updates another profile') from u;

select tests.authenticate_as_service_role();
select ok((select count(*) from simulation.users) >= 3, 'users: service_role selects all profiles');
select lives_ok($$insert into simulation.users (auth_user_id, email, username) values (tests.get_user_id('sim-dave@example.com'), 'sim-dave@example.com', 'sim_dave2')$$,
    'users: service_role inserts a profile');
with u as (update simulation.users set is_verified = true where username = 'sim_dave2' returning 1)
select is(count(*)::int, 1, 'users: service_role updates a profile') from u;
with d as (delete from simulation.users where username = 'sim_dave2' returning 1)
select is(count(*)::int, 1, 'users: service_role deletes a profile') from d;

-- ===========================================================================
-- scenarios
-- ===========================================================================
select tests.authenticate_as_anon();
select is((select count(*)::int from simulation.scenarios where id = tests.sim_id('pub')), 1, 'scenarios: anon selects a public scenario');
select is((select count(*)::int from simulation.scenarios where id = tests.sim_id('priv')), 0, 'scenarios: anon cannot select a private scenario (0 rows)');
select throws_ok($$insert into simulation.scenarios (title, created_by) values ('anon', 1)$$, '42501', null, 'scenarios: anon cannot insert (42501)');
select throws_ok($$update simulation.scenarios set title = 'x'$$, '42501', null, 'scenarios: anon cannot update (42501)');
select throws_ok($$delete from simulation.scenarios$$, '42501', null, 'scenarios: anon cannot delete (42501)');

select tests.authenticate_as('sim-alice@example.com');
select is((select count(*)::int from simulation.scenarios where id = tests.sim_id('priv')), 1, 'scenarios: owner selects her private scenario');
select lives_ok($$insert into simulation.scenarios (title) values ('FX alice new')$$, 'scenarios: owner inserts a scenario (created_by defaults to her)');
select is((select created_by from simulation.scenarios where title = 'FX alice new'), tests.sim_id('alice'), 'scenarios: created_by defaulted to the caller''s profile');
with u as (update simulation.scenarios set description = 'updated' where id = tests.sim_id('priv') returning 1)
select is(count(*)::int, 1, 'scenarios: owner updates her scenario') from u;
with d as (delete from simulation.scenarios where title = 'FX alice new' returning 1)
select is(count(*)::int, 1, 'scenarios: owner deletes her scenario') from d;

select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.scenarios where id = tests.sim_id('pub')), 1, 'scenarios: another user selects a public scenario');
select is((select count(*)::int from simulation.scenarios where id = tests.sim_id('priv')), 0, 'scenarios: another user cannot select a private scenario (0 rows)');
select throws_ok(format($$insert into simulation.scenarios (title, created_by) values ('spoof', %s)$$, tests.sim_id('alice')),
    '42501', null, 'scenarios: another user cannot insert in someone else''s name (42501)');
with u as (update simulation.scenarios set title = 'hijacked' where id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scenarios: another user cannot update a public scenario (0 rows)') from u;
with d as (delete from simulation.scenarios where id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scenarios: another user cannot delete a public scenario (0 rows)') from d;

select tests.authenticate_as('sim-dave@example.com');
select throws_ok($$insert into simulation.scenarios (title) values ('no profile')$$, '42501', null,
    'scenarios: a signed-in user without a profile cannot insert (42501: no profile, created_by null)');

select tests.authenticate_as('sim-carol@example.com');
select is((select count(*)::int from simulation.scenarios where id = tests.sim_id('priv')), 1, 'scenarios: admin selects a private scenario');
with u as (update simulation.scenarios set is_public = false where id = tests.sim_id('locked') returning 1)
select is(count(*)::int, 1, 'scenarios: admin updates (moderates) someone else''s scenario') from u;

select tests.authenticate_as_service_role();
select is((select count(*)::int from simulation.scenarios where id in (tests.sim_id('pub'), tests.sim_id('priv'), tests.sim_id('locked'))), 3, 'scenarios: service_role selects all');
select lives_ok(format($$insert into simulation.scenarios (title, created_by) values ('FX service', %s)$$, tests.sim_id('bob')), 'scenarios: service_role inserts');
with u as (update simulation.scenarios set is_public = true where id = tests.sim_id('locked') returning 1)
select is(count(*)::int, 1, 'scenarios: service_role updates') from u;
with d as (delete from simulation.scenarios where title = 'FX service' returning 1)
select is(count(*)::int, 1, 'scenarios: service_role deletes') from d;

-- ===========================================================================
-- scenario_personas, scenario_scenes (children readable with the scenario)
-- ===========================================================================
select tests.authenticate_as_anon();
select is((select count(*)::int from simulation.scenario_personas where scenario_id = tests.sim_id('pub')), 2, 'scenario_personas: anon selects personas of a public scenario');
select is((select count(*)::int from simulation.scenario_personas where scenario_id = tests.sim_id('priv')), 0, 'scenario_personas: anon cannot select personas of a private scenario (0 rows)');
select throws_ok(format($$insert into simulation.scenario_personas (scenario_id, name) values (%s, 'x')$$, tests.sim_id('pub')), '42501', null, 'scenario_personas: anon cannot insert (42501)');
select throws_ok($$update simulation.scenario_personas set name = 'x'$$, '42501', null, 'scenario_personas: anon cannot update (42501)');
select throws_ok($$delete from simulation.scenario_personas$$, '42501', null, 'scenario_personas: anon cannot delete (42501)');
select is((select count(*)::int from simulation.scenario_scenes where scenario_id = tests.sim_id('pub')), 2, 'scenario_scenes: anon selects scenes of a public scenario');
select is((select count(*)::int from simulation.scenario_scenes where scenario_id = tests.sim_id('priv')), 0, 'scenario_scenes: anon cannot select scenes of a private scenario (0 rows)');
select throws_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (%s, 'x', 9)$$, tests.sim_id('pub')), '42501', null, 'scenario_scenes: anon cannot insert (42501)');
select throws_ok($$update simulation.scenario_scenes set title = 'x'$$, '42501', null, 'scenario_scenes: anon cannot update (42501)');
select throws_ok($$delete from simulation.scenario_scenes$$, '42501', null, 'scenario_scenes: anon cannot delete (42501)');

select tests.authenticate_as('sim-alice@example.com');
select is((select count(*)::int from simulation.scenario_personas where scenario_id = tests.sim_id('priv')), 1, 'scenario_personas: owner selects personas of her private scenario');
select lives_ok(format($$insert into simulation.scenario_personas (scenario_id, name) values (%s, 'FX new persona')$$, tests.sim_id('priv')), 'scenario_personas: owner inserts');
with u as (update simulation.scenario_personas set background = 'bg' where name = 'FX new persona' returning 1)
select is(count(*)::int, 1, 'scenario_personas: owner updates') from u;
with d as (delete from simulation.scenario_personas where name = 'FX new persona' returning 1)
select is(count(*)::int, 1, 'scenario_personas: owner deletes') from d;
select is((select count(*)::int from simulation.scenario_scenes where scenario_id = tests.sim_id('priv')), 1, 'scenario_scenes: owner selects scenes of her private scenario');
select lives_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (%s, 'FX new scene', 2)$$, tests.sim_id('priv')), 'scenario_scenes: owner inserts');
with u as (update simulation.scenario_scenes set user_goal = 'goal' where title = 'FX new scene' returning 1)
select is(count(*)::int, 1, 'scenario_scenes: owner updates') from u;
with d as (delete from simulation.scenario_scenes where title = 'FX new scene' returning 1)
select is(count(*)::int, 1, 'scenario_scenes: owner deletes') from d;

select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.scenario_personas where scenario_id = tests.sim_id('pub')), 2, 'scenario_personas: another user selects personas of a public scenario');
select is((select count(*)::int from simulation.scenario_personas where scenario_id = tests.sim_id('priv')), 0, 'scenario_personas: another user cannot select personas of a private scenario (0 rows)');
select throws_ok(format($$insert into simulation.scenario_personas (scenario_id, name) values (%s, 'intruder')$$, tests.sim_id('pub')), '42501', null, 'scenario_personas: another user cannot insert into a scenario he does not own (42501)');
with u as (update simulation.scenario_personas set name = 'hijacked' where scenario_id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scenario_personas: another user cannot update (0 rows)') from u;
with d as (delete from simulation.scenario_personas where scenario_id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scenario_personas: another user cannot delete (0 rows)') from d;
select is((select count(*)::int from simulation.scenario_scenes where scenario_id = tests.sim_id('priv')), 0, 'scenario_scenes: another user cannot select scenes of a private scenario (0 rows)');
select throws_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (%s, 'intruder', 9)$$, tests.sim_id('pub')), '42501', null, 'scenario_scenes: another user cannot insert (42501)');
with u as (update simulation.scenario_scenes set title = 'hijacked' where scenario_id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scenario_scenes: another user cannot update (0 rows)') from u;
with d as (delete from simulation.scenario_scenes where scenario_id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scenario_scenes: another user cannot delete (0 rows)') from d;

select tests.authenticate_as('sim-carol@example.com');
select is((select count(*)::int from simulation.scenario_personas where scenario_id = tests.sim_id('priv')), 1, 'scenario_personas: admin selects personas of a private scenario');
with u as (update simulation.scenario_scenes set image_url = 'https://example.com/x.png' where id = tests.sim_id('priv_s1') returning 1)
select is(count(*)::int, 1, 'scenario_scenes: admin updates a scene of someone else') from u;

select tests.authenticate_as_service_role();
select is((select count(*)::int from simulation.scenario_personas where scenario_id in (tests.sim_id('pub'), tests.sim_id('priv'))), 3, 'scenario_personas: service_role selects all');
select lives_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (%s, 'FX service scene', 5)$$, tests.sim_id('pub')), 'scenario_scenes: service_role inserts');
with u as (update simulation.scenario_scenes set max_attempts = 4 where title = 'FX service scene' returning 1)
select is(count(*)::int, 1, 'scenario_scenes: service_role updates') from u;
with d as (delete from simulation.scenario_scenes where title = 'FX service scene' returning 1)
select is(count(*)::int, 1, 'scenario_scenes: service_role deletes') from d;

-- ===========================================================================
-- scene_personas
-- ===========================================================================
select tests.authenticate_as_anon();
select is((select count(*)::int from simulation.scene_personas where scenario_id = tests.sim_id('pub')), 1, 'scene_personas: anon selects links of a public scenario');
select is((select count(*)::int from simulation.scene_personas where scenario_id = tests.sim_id('priv')), 0, 'scene_personas: anon cannot select links of a private scenario (0 rows)');
select throws_ok(format($$insert into simulation.scene_personas (scene_id, persona_id) values (%s, %s)$$, tests.sim_id('pub_s2'), tests.sim_id('pub_p2')), '42501', null, 'scene_personas: anon cannot insert (42501)');
select throws_ok($$update simulation.scene_personas set involvement_level = 'key'$$, '42501', null, 'scene_personas: anon cannot update (42501)');
select throws_ok($$delete from simulation.scene_personas$$, '42501', null, 'scene_personas: anon cannot delete (42501)');

select tests.authenticate_as('sim-alice@example.com');
select lives_ok(format($$insert into simulation.scene_personas (scene_id, persona_id) values (%s, %s)$$, tests.sim_id('pub_s2'), tests.sim_id('pub_p2')), 'scene_personas: owner links a persona to a scene');
with u as (update simulation.scene_personas set involvement_level = 'mentioned' where scene_id = tests.sim_id('pub_s2') returning 1)
select is(count(*)::int, 1, 'scene_personas: owner updates') from u;
select is((select count(*)::int from simulation.scene_personas where scenario_id = tests.sim_id('priv')), 1, 'scene_personas: owner selects links of her private scenario');

select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.scene_personas where scenario_id = tests.sim_id('priv')), 0, 'scene_personas: another user cannot select links of a private scenario (0 rows)');
select throws_ok(format($$insert into simulation.scene_personas (scene_id, persona_id) values (%s, %s)$$, tests.sim_id('pub_s2'), tests.sim_id('pub_p1')), '42501', null, 'scene_personas: another user cannot insert (42501)');
with u as (update simulation.scene_personas set involvement_level = 'key' where scenario_id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scene_personas: another user cannot update (0 rows)') from u;
with d as (delete from simulation.scene_personas where scenario_id = tests.sim_id('pub') returning 1)
select is(count(*)::int, 0, 'scene_personas: another user cannot delete (0 rows)') from d;

select tests.authenticate_as('sim-alice@example.com');
with d as (delete from simulation.scene_personas where scene_id = tests.sim_id('pub_s2') returning 1)
select is(count(*)::int, 1, 'scene_personas: owner deletes') from d;

select tests.authenticate_as_service_role();
select is((select count(*)::int from simulation.scene_personas where scenario_id in (tests.sim_id('pub'), tests.sim_id('priv'))), 2, 'scene_personas: service_role selects all');
with d as (delete from simulation.scene_personas where scene_id = tests.sim_id('priv_s1') returning 1)
select is(count(*)::int, 1, 'scene_personas: service_role deletes') from d;

-- ===========================================================================
-- scenario_files (owner only, even for public scenarios)
-- ===========================================================================
select tests.authenticate_as_anon();
select throws_ok($$select * from simulation.scenario_files$$, '42501', null, 'scenario_files: anon cannot select (42501, no grant)');
select throws_ok(format($$insert into simulation.scenario_files (scenario_id, file_path) values (%s, 'x.pdf')$$, tests.sim_id('pub')), '42501', null, 'scenario_files: anon cannot insert (42501)');
select throws_ok($$update simulation.scenario_files set file_path = 'x'$$, '42501', null, 'scenario_files: anon cannot update (42501)');
select throws_ok($$delete from simulation.scenario_files$$, '42501', null, 'scenario_files: anon cannot delete (42501)');

select tests.authenticate_as('sim-alice@example.com');
select is((select count(*)::int from simulation.scenario_files where id = tests.sim_id('pub_f')), 1, 'scenario_files: owner selects her file');
select lives_ok(format($$insert into simulation.scenario_files (scenario_id, file_path) values (%s, 'fx/second.pdf')$$, tests.sim_id('priv')), 'scenario_files: owner inserts');
with u as (update simulation.scenario_files set processing_status = 'completed', processed_at = now() where file_path = 'fx/second.pdf' returning 1)
select is(count(*)::int, 1, 'scenario_files: owner updates') from u;
with d as (delete from simulation.scenario_files where file_path = 'fx/second.pdf' returning 1)
select is(count(*)::int, 1, 'scenario_files: owner deletes') from d;

select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.scenario_files where id = tests.sim_id('pub_f')), 0, 'scenario_files: another user cannot select files of a public scenario (0 rows)');
select throws_ok(format($$insert into simulation.scenario_files (scenario_id, file_path) values (%s, 'evil.pdf')$$, tests.sim_id('pub')), '42501', null, 'scenario_files: another user cannot insert (42501)');
with u as (update simulation.scenario_files set file_path = 'evil' where id = tests.sim_id('pub_f') returning 1)
select is(count(*)::int, 0, 'scenario_files: another user cannot update (0 rows)') from u;
with d as (delete from simulation.scenario_files where id = tests.sim_id('pub_f') returning 1)
select is(count(*)::int, 0, 'scenario_files: another user cannot delete (0 rows)') from d;

select tests.authenticate_as('sim-carol@example.com');
select is((select count(*)::int from simulation.scenario_files where id = tests.sim_id('pub_f')), 1, 'scenario_files: admin selects any file');

select tests.authenticate_as_service_role();
with u as (update simulation.scenario_files set processing_status = 'processing' where id = tests.sim_id('pub_f') returning 1)
select is(count(*)::int, 1, 'scenario_files: service_role updates') from u;
select lives_ok(format($$insert into simulation.scenario_files (scenario_id, file_path) values (%s, 'fx/svc.pdf')$$, tests.sim_id('pub')), 'scenario_files: service_role inserts');
with d as (delete from simulation.scenario_files where file_path = 'fx/svc.pdf' returning 1)
select is(count(*)::int, 1, 'scenario_files: service_role deletes') from d;

-- ===========================================================================
-- user_progress (the learner only)
-- ===========================================================================
select tests.authenticate_as_anon();
select throws_ok($$select * from simulation.user_progress$$, '42501', null, 'user_progress: anon cannot select (42501)');
select throws_ok(format($$insert into simulation.user_progress (user_id, scenario_id) values (%s, %s)$$, tests.sim_id('bob'), tests.sim_id('pub')), '42501', null, 'user_progress: anon cannot insert (42501)');
select throws_ok($$update simulation.user_progress set hints_used = 1$$, '42501', null, 'user_progress: anon cannot update (42501)');
select throws_ok($$delete from simulation.user_progress$$, '42501', null, 'user_progress: anon cannot delete (42501)');

select tests.authenticate_as('sim-bob@example.com');
select results_eq($$select id from simulation.user_progress$$, $$select tests.sim_id('bob_run')$$, 'user_progress: owner selects exactly his runs');
select lives_ok(format($$insert into simulation.user_progress (scenario_id) values (%s)$$, tests.sim_id('locked')), 'user_progress: owner inserts a run on a public scenario (user_id defaults to him)');
select throws_ok(format($$insert into simulation.user_progress (scenario_id) values (%s)$$, tests.sim_id('priv')), '42501', null, 'user_progress: owner cannot start a run on someone else''s private scenario (42501)');
select throws_ok(format($$insert into simulation.user_progress (user_id, scenario_id) values (%s, %s)$$, tests.sim_id('alice'), tests.sim_id('pub')), '42501', null, 'user_progress: cannot insert a run for another user (42501)');
with u as (update simulation.user_progress set last_activity = now() where id = tests.sim_id('bob_run') returning 1)
select is(count(*)::int, 1, 'user_progress: owner updates his run (last_activity only since issue 15; orchestrator_data is the AI service''s)') from u;
with d as (delete from simulation.user_progress where scenario_id = tests.sim_id('locked') returning 1)
select is(count(*)::int, 1, 'user_progress: owner deletes his run') from d;

select tests.authenticate_as('sim-alice@example.com');
select is((select count(*)::int from simulation.user_progress where id = tests.sim_id('bob_run')), 0, 'user_progress: another user (even the scenario author) cannot select (0 rows)');
with u as (update simulation.user_progress set last_activity = now() where id = tests.sim_id('bob_run') returning 1)
select is(count(*)::int, 0, 'user_progress: another user cannot update (0 rows)') from u;
with d as (delete from simulation.user_progress where id = tests.sim_id('bob_run') returning 1)
select is(count(*)::int, 0, 'user_progress: another user cannot delete (0 rows)') from d;

select tests.authenticate_as('sim-carol@example.com');
select is((select count(*)::int from simulation.user_progress where id = tests.sim_id('bob_run')), 0, 'user_progress: admin cannot select learners'' runs (0 rows)');

select tests.authenticate_as_service_role();
select is((select count(*)::int from simulation.user_progress where id = tests.sim_id('bob_run')), 1, 'user_progress: service_role selects');
select lives_ok(format($$insert into simulation.user_progress (user_id, scenario_id) values (%s, %s)$$, tests.sim_id('alice'), tests.sim_id('locked')), 'user_progress: service_role inserts');
with u as (update simulation.user_progress set session_count = 3 where user_id = tests.sim_id('alice') returning 1)
select is(count(*)::int, 1, 'user_progress: service_role updates') from u;
with d as (delete from simulation.user_progress where user_id = tests.sim_id('alice') returning 1)
select is(count(*)::int, 1, 'user_progress: service_role deletes') from d;

-- ===========================================================================
-- scene_progress and conversation_logs (through the learner's run)
-- ===========================================================================
select tests.authenticate_as_anon();
select throws_ok($$select * from simulation.scene_progress$$, '42501', null, 'scene_progress: anon cannot select (42501)');
select throws_ok(format($$insert into simulation.scene_progress (user_progress_id, scene_id) values (%s, %s)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s2')), '42501', null, 'scene_progress: anon cannot insert (42501)');
select throws_ok($$update simulation.scene_progress set attempts = 1$$, '42501', null, 'scene_progress: anon cannot update (42501)');
select throws_ok($$delete from simulation.scene_progress$$, '42501', null, 'scene_progress: anon cannot delete (42501)');
select throws_ok($$select * from simulation.conversation_logs$$, '42501', null, 'conversation_logs: anon cannot select (42501)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', 'x', 2)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')), '42501', null, 'conversation_logs: anon cannot insert (42501)');
select throws_ok($$update simulation.conversation_logs set user_reaction = 'positive'$$, '42501', null, 'conversation_logs: anon cannot update (42501)');
select throws_ok($$delete from simulation.conversation_logs$$, '42501', null, 'conversation_logs: anon cannot delete (42501)');

select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.scene_progress where id = tests.sim_id('bob_sp')), 1, 'scene_progress: owner selects his scene progress');
select lives_ok(format($$insert into simulation.scene_progress (user_progress_id, scene_id) values (%s, %s)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s2')), 'scene_progress: owner inserts');
with u as (update simulation.scene_progress set time_spent = 30 where id = tests.sim_id('bob_sp') returning 1)
select is(count(*)::int, 1, 'scene_progress: owner updates (time_spent; message counts are counted by the server since issue 15)') from u;
select throws_ok(format($$delete from simulation.scene_progress where user_progress_id = %s and scene_id = %s$$, tests.sim_id('bob_run'), tests.sim_id('pub_s2')), '42501', null, 'scene_progress: owner cannot delete (42501, no privilege: deleting would reset attempts or drop a low score)');
select is((select user_id from simulation.scene_progress where user_progress_id = tests.sim_id('bob_run') and scene_id = tests.sim_id('pub_s2')), tests.sim_id('bob'), 'scene_progress: the owner''s insert gets his user_id from the run');
select is((select count(*)::int from simulation.conversation_logs where id = tests.sim_id('bob_log')), 1, 'conversation_logs: owner selects his messages');
select lives_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, sender_name, message_content, message_order) values (%s, %s, 'user', 'Bob', 'FX reply', 2)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')), 'conversation_logs: owner inserts his own user message (AI messages are the service''s since issue 15)');
with u as (update simulation.conversation_logs set user_reaction = 'positive' where message_content = 'FX reply' returning 1)
select is(count(*)::int, 1, 'conversation_logs: owner updates') from u;
select is((select user_id from simulation.conversation_logs where message_content = 'FX reply'), tests.sim_id('bob'), 'conversation_logs: the owner''s insert gets his user_id from the run');
select throws_ok(format($$update simulation.conversation_logs set user_id = %s where message_content = 'FX reply'$$, tests.sim_id('alice')), '42501', null, 'conversation_logs: the owner cannot hand a message to another user (42501: the new row fails his select policy; the composite FK would refuse it too)');
select throws_ok($$delete from simulation.conversation_logs where message_content = 'FX reply'$$, '42501', null, 'conversation_logs: owner cannot delete (42501, no privilege since issue 15: the log is what the AI service graded)');

select tests.authenticate_as('sim-alice@example.com');
select is((select count(*)::int from simulation.scene_progress where id = tests.sim_id('bob_sp')), 0, 'scene_progress: another user cannot select (0 rows)');
select throws_ok(format($$insert into simulation.scene_progress (user_progress_id, scene_id) values (%s, %s)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s2')), '42501', null, 'scene_progress: another user cannot insert into someone else''s run (42501)');
with u as (update simulation.scene_progress set time_spent = 9 where id = tests.sim_id('bob_sp') returning 1)
select is(count(*)::int, 0, 'scene_progress: another user cannot update (0 rows)') from u;
select throws_ok(format($$delete from simulation.scene_progress where id = %s$$, tests.sim_id('bob_sp')), '42501', null, 'scene_progress: another user cannot delete (42501, no privilege)');
select is((select count(*)::int from simulation.conversation_logs where id = tests.sim_id('bob_log')), 0, 'conversation_logs: another user cannot select (0 rows)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', 'x', 3)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')), '42501', null, 'conversation_logs: another user cannot insert into someone else''s run (42501)');
with u as (update simulation.conversation_logs set user_reaction = 'negative' where id = tests.sim_id('bob_log') returning 1)
select is(count(*)::int, 0, 'conversation_logs: another user cannot update (0 rows)') from u;
select throws_ok(format($$delete from simulation.conversation_logs where id = %s$$, tests.sim_id('bob_log')), '42501', null, 'conversation_logs: another user cannot delete (42501, no privilege since issue 15)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, user_id, scene_id, message_type, message_content, message_order) values (%s, %s, %s, 'user', 'x', 3)$$, tests.sim_id('bob_run'), tests.sim_id('alice'), tests.sim_id('pub_s1')), '42501', null, 'conversation_logs: another user cannot insert into someone else''s run naming her own user_id (42501)');
select tests.clear_authentication();
insert into simulation.user_progress (user_id, scenario_id, current_scene_id, simulation_status)
values (tests.sim_id('alice'), tests.sim_id('locked'), tests.sim_id('locked_s1'), 'in_progress');
insert into tests.sim_fx select 'alice_run', id from simulation.user_progress where user_id = tests.sim_id('alice') and scenario_id = tests.sim_id('locked');
select tests.authenticate_as('sim-alice@example.com');
select lives_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', 'FX alice line', 1)$$, tests.sim_id('alice_run'), tests.sim_id('locked_s1')), 'conversation_logs: a second learner writes in her own run');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, user_id, scene_id, message_type, message_content, message_order) values (%s, %s, %s, 'user', 'FX forged', 2)$$, tests.sim_id('alice_run'), tests.sim_id('bob'), tests.sim_id('locked_s1')), '23503', null, 'conversation_logs: a message in her own run cannot be filed under another user (23503, composite FK)');
select results_eq($$select message_content from simulation.conversation_logs$$, array['FX alice line'], 'conversation_logs: a learner sees only her own messages across runs');
select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.conversation_logs where user_progress_id = tests.sim_id('alice_run')), 0, 'conversation_logs: bob does not see alice''s messages (0 rows)');
select tests.authenticate_as('sim-alice@example.com');

select tests.authenticate_as('sim-carol@example.com');
select is((select count(*)::int from simulation.conversation_logs where id = tests.sim_id('bob_log')), 0, 'conversation_logs: admin cannot read learners'' conversations (0 rows)');

select tests.authenticate_as_service_role();
select is((select count(*)::int from simulation.scene_progress where id = tests.sim_id('bob_sp')), 1, 'scene_progress: service_role selects');
with u as (update simulation.scene_progress set ai_responses = 1 where id = tests.sim_id('bob_sp') returning 1)
select is(count(*)::int, 1, 'scene_progress: service_role updates') from u;
select is((select count(*)::int from simulation.conversation_logs where id = tests.sim_id('bob_log')), 1, 'conversation_logs: service_role selects');
select lives_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'system', 'FX system', 5)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')), 'conversation_logs: service_role inserts');
with d as (delete from simulation.conversation_logs where message_content = 'FX system' returning 1)
select is(count(*)::int, 1, 'conversation_logs: service_role deletes') from d;

-- ===========================================================================
-- scenario_reviews
-- ===========================================================================
select tests.authenticate_as_anon();
select is((select count(*)::int from simulation.scenario_reviews where id = tests.sim_id('bob_review')), 1, 'scenario_reviews: anon selects reviews of a public scenario');
select throws_ok(format($$insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating) values (%s, %s, 5)$$, tests.sim_id('locked'), tests.sim_id('bob')), '42501', null, 'scenario_reviews: anon cannot insert (42501)');
select throws_ok($$update simulation.scenario_reviews set rating = 1$$, '42501', null, 'scenario_reviews: anon cannot update (42501)');
select throws_ok($$delete from simulation.scenario_reviews$$, '42501', null, 'scenario_reviews: anon cannot delete (42501)');

select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.scenario_reviews where id = tests.sim_id('bob_review')), 1, 'scenario_reviews: reviewer selects his review');
select lives_ok(format($$insert into simulation.scenario_reviews (scenario_id, rating, review_text) values (%s, 3, 'FX locked review')$$, tests.sim_id('locked')), 'scenario_reviews: member reviews a public scenario of someone else');
select throws_ok(format($$insert into simulation.scenario_reviews (scenario_id, rating) values (%s, 3)$$, tests.sim_id('priv')), '42501', null, 'scenario_reviews: cannot review a private scenario (42501)');
with u as (update simulation.scenario_reviews set rating = 5, review_text = 'even better' where id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 1, 'scenario_reviews: reviewer updates his review') from u;
with d as (delete from simulation.scenario_reviews where review_text = 'FX locked review' returning 1)
select is(count(*)::int, 1, 'scenario_reviews: reviewer deletes his review') from d;

select tests.authenticate_as('sim-alice@example.com');
select is((select count(*)::int from simulation.scenario_reviews where id = tests.sim_id('bob_review')), 1, 'scenario_reviews: another user selects a review of a public scenario');
select throws_ok(format($$insert into simulation.scenario_reviews (scenario_id, rating) values (%s, 5)$$, tests.sim_id('pub')), '42501', null, 'scenario_reviews: an author cannot review her own scenario (42501)');
select throws_ok(format($$insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating) values (%s, %s, 1)$$, tests.sim_id('locked'), tests.sim_id('bob')), '42501', null, 'scenario_reviews: cannot write a review in someone else''s name (42501)');
with u as (update simulation.scenario_reviews set rating = 1 where id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 0, 'scenario_reviews: another user cannot update (0 rows)') from u;
with d as (delete from simulation.scenario_reviews where id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 0, 'scenario_reviews: another user cannot delete (0 rows)') from d;

select tests.authenticate_as('sim-carol@example.com');
with u as (update simulation.scenario_reviews set review_text = '[removed by moderator]' where id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 1, 'scenario_reviews: admin moderates (updates) a review') from u;

select tests.authenticate_as_service_role();
with u as (update simulation.scenario_reviews set helpful_votes = 2, total_votes = 3 where id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 1, 'scenario_reviews: service_role updates votes') from u;
select lives_ok(format($$insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating) values (%s, %s, 2)$$, tests.sim_id('locked'), tests.sim_id('carol')), 'scenario_reviews: service_role inserts');

select tests.authenticate_as('sim-carol@example.com');
with d as (delete from simulation.scenario_reviews where id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 1, 'scenario_reviews: admin deletes (moderates) a review') from d;

select tests.authenticate_as_service_role();
with d as (delete from simulation.scenario_reviews where scenario_id = tests.sim_id('locked') returning 1)
select is(count(*)::int, 1, 'scenario_reviews: service_role deletes') from d;

select tests.clear_authentication();

select * from finish();
rollback;
