-- simulation: features — clone_scenario (remix rules, clone_count), start_simulation / submit_scene_attempt / use_hint (attempts, hints, forced progression after max_attempts, completion), public_profiles.
begin;
select plan(52);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();

-- ===========================================================================
-- clone_scenario
-- ===========================================================================
select tests.authenticate_as('sim-bob@example.com');
select lives_ok(format($$select simulation.clone_scenario(%s, 'FX remix by bob')$$, tests.sim_id('pub')), 'clone_scenario: a member remixes a public scenario that allows remixes');
select results_eq($$select created_by, is_public, is_template, cloned_from_id, rating_count, clone_count from simulation.scenarios where title = 'FX remix by bob'$$,
    format($$values (%s::bigint, false, false, %s::bigint, 0, 0)$$, tests.sim_id('bob'), tests.sim_id('pub')),
    'clone_scenario: the clone is private, owned by the caller, linked to its source, with fresh counters');
select is((select count(*)::int from simulation.scenario_personas p join simulation.scenarios s on s.id = p.scenario_id where s.title = 'FX remix by bob'), 2,
    'clone_scenario: personas are copied');
select results_eq($$select sc.title, sc.scene_order, sc.max_attempts from simulation.scenario_scenes sc join simulation.scenarios s on s.id = sc.scenario_id where s.title = 'FX remix by bob' order by sc.scene_order$$,
    $$values ('FX Scene One', 1, 2), ('FX Scene Two', 2, 3)$$, 'clone_scenario: scenes are copied in order with their settings');
select results_eq($$select sc.title, pe.name, sp.involvement_level from simulation.scene_personas sp join simulation.scenario_scenes sc on sc.id = sp.scene_id join simulation.scenario_personas pe on pe.id = sp.persona_id join simulation.scenarios s on s.id = sp.scenario_id where s.title = 'FX remix by bob'$$,
    $$values ('FX Scene One', 'FX Persona One', 'key')$$, 'clone_scenario: scene-persona links point to the copied scene and persona');
select is((select count(*)::int from simulation.scenario_files f join simulation.scenarios s on s.id = f.scenario_id where s.title = 'FX remix by bob'), 0,
    'clone_scenario: source files are not copied');
select throws_ok(format($$select simulation.clone_scenario(%s)$$, tests.sim_id('locked')), '42501', null, 'clone_scenario: a scenario that does not allow remixes cannot be cloned by others (42501)');
select throws_ok(format($$select simulation.clone_scenario(%s)$$, tests.sim_id('priv')), 'P0002', null, 'clone_scenario: someone else''s private scenario is not found (P0002)');
select throws_ok($$select simulation.clone_scenario(null)$$, '22004', null, 'clone_scenario: a null id is rejected (22004)');
select throws_ok(format($$insert into simulation.scenarios (title, cloned_from_id) values ('FX sneaky clone', %s)$$, tests.sim_id('locked')), '42501', null,
    'scenarios: claiming to be a clone of a scenario that does not allow remixes is rejected (42501)');
select tests.clear_authentication();
select is((select clone_count from simulation.scenarios where id = tests.sim_id('pub')), 1, 'clone_scenario: the source''s clone_count is incremented');
select is((select clone_count from simulation.scenarios where id = tests.sim_id('locked')), 0, 'clone_scenario: refused clones are not counted');

select tests.authenticate_as('sim-alice@example.com');
select lives_ok(format($$select simulation.clone_scenario(%s)$$, tests.sim_id('locked')), 'clone_scenario: the owner clones her own scenario even without allow_remixes');
select lives_ok(format($$select simulation.clone_scenario(%s)$$, tests.sim_id('priv')), 'clone_scenario: the owner clones her private scenario');
select tests.clear_authentication();
select is((select clone_count from simulation.scenarios where id = tests.sim_id('locked')), 1, 'clone_scenario: the owner''s clone is counted too');
update simulation.scenarios set is_template = true where id = tests.sim_id('pub');
select tests.authenticate_as('sim-bob@example.com');
insert into tests.sim_fx values ('tpl_clone', simulation.clone_scenario(tests.sim_id('pub'), 'FX from template'));
select is((select source_type::text from simulation.scenarios where id = tests.sim_id('tpl_clone')), 'template',
    'clone_scenario: a clone of a template gets source_type template');
select tests.authenticate_as('sim-dave@example.com');
select throws_ok(format($$select simulation.clone_scenario(%s)$$, tests.sim_id('pub')), '42501', null, 'clone_scenario: a user without a profile cannot clone (42501)');
select tests.authenticate_as_anon();
select throws_ok(format($$select simulation.clone_scenario(%s)$$, tests.sim_id('pub')), '42501', null, 'clone_scenario: anon cannot execute (42501)');

-- ===========================================================================
-- start_simulation, submit_scene_attempt, use_hint
-- ===========================================================================
select tests.authenticate_as('sim-carol@example.com');
select lives_ok(format($$insert into tests.sim_fx values ('carol_run', simulation.start_simulation(%s))$$, tests.sim_id('pub')), 'start_simulation: a member starts a run');
select results_eq(format($$select simulation_status::text, current_scene_id, session_count, started_at is not null from simulation.user_progress where id = %s$$, tests.sim_id('carol_run')),
    format($$values ('in_progress', %s::bigint, 1, true)$$, tests.sim_id('pub_s1')), 'start_simulation: the run is in progress at the first scene');
select results_eq(format($$select scene_id, status::text from simulation.scene_progress where user_progress_id = %s$$, tests.sim_id('carol_run')),
    format($$values (%s::bigint, 'in_progress')$$, tests.sim_id('pub_s1')), 'start_simulation: the first scene''s progress is in progress');
select is(simulation.start_simulation(tests.sim_id('pub')), tests.sim_id('carol_run'), 'start_simulation: starting again resumes the active run');
select is((select session_count from simulation.user_progress where id = tests.sim_id('carol_run')), 2, 'start_simulation: resuming counts a session');
select throws_ok(format($$select simulation.start_simulation(%s)$$, tests.sim_id('priv')), '42501', null, 'start_simulation: an admin can see but not simulate someone else''s private scenario (42501)');
select tests.clear_authentication();
insert into simulation.scenarios (title, is_public, created_by) values ('FX empty', true, tests.sim_id('alice'));
select tests.authenticate_as('sim-carol@example.com');
select throws_ok($$select simulation.start_simulation((select id from simulation.scenarios where title = 'FX empty'))$$, '55000', null, 'start_simulation: a scenario without scenes cannot be started (55000)');

select is(simulation.use_hint(tests.sim_id('carol_run')), 1, 'use_hint: returns the scene''s hint count');
select is(simulation.use_hint(tests.sim_id('carol_run')), 2, 'use_hint: counts every hint');
select is((select hints_used from simulation.user_progress where id = tests.sim_id('carol_run')), 2, 'use_hint: the run''s hints_used follows');
select throws_ok(format($$select simulation.use_hint(%s)$$, tests.sim_id('bob_run')), 'P0002', null, 'use_hint: someone else''s run is not found (P0002)');

-- Attempts are scored by the AI service (service_role) for the learner's run.
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 1.0)$$, tests.sim_id('carol_run')), '42501', null, 'submit_scene_attempt: the learner cannot score her own attempt (42501, service_role only)');
select tests.authenticate_as_service_role();
-- Scene 1: threshold 0.7, max_attempts 2. A low score keeps the scene open.
select is((simulation.submit_scene_attempt(tests.sim_id('carol_run'), 0.5, 60)).status::text, 'in_progress', 'submit_scene_attempt: a score below the threshold keeps the scene in progress');
select results_eq(format($$select current_scene_id, total_attempts, total_time_spent from simulation.user_progress where id = %s$$, tests.sim_id('carol_run')),
    format($$values (%s::bigint, 1, 60)$$, tests.sim_id('pub_s1')), 'submit_scene_attempt: the run stays on the scene and counts the attempt and time');
-- Second failed attempt reaches max_attempts: forced progression.
select results_eq(format($$select status::text, attempts, forced_progression, goal_achieved from simulation.submit_scene_attempt(%s, 0.6, 30)$$, tests.sim_id('carol_run')),
    $$values ('failed', 2, true, false)$$, 'submit_scene_attempt: reaching max_attempts without the goal forces progression (scene failed)');
select results_eq(format($$select current_scene_id, forced_progressions, scenes_completed, completion_percentage from simulation.user_progress where id = %s$$, tests.sim_id('carol_run')),
    format($$values (%s::bigint, 1, '[%s]'::jsonb, 50.0::double precision)$$, tests.sim_id('pub_s2'), tests.sim_id('pub_s1')),
    'submit_scene_attempt: forced progression moves to the next scene and counts it');
select is((select status::text from simulation.scene_progress where user_progress_id = tests.sim_id('carol_run') and scene_id = tests.sim_id('pub_s2')), 'in_progress',
    'submit_scene_attempt: the next scene''s progress starts');
-- Scene 2 (last): threshold 0.8. Achieving it completes the run.
select results_eq(format($$select status::text, goal_achieved, forced_progression, completed_at is not null from simulation.submit_scene_attempt(%s, 0.9, 120, 0.8, 'Well argued.')$$, tests.sim_id('carol_run')),
    $$values ('completed', true, false, true)$$, 'submit_scene_attempt: a score at or above the threshold completes the scene');
select results_eq(format($$select simulation_status::text, completion_percentage, final_score, completed_at is not null, total_attempts from simulation.user_progress where id = %s$$, tests.sim_id('carol_run')),
    $$values ('completed', 100.0::double precision, 75.0::double precision, true, 3)$$,
    'submit_scene_attempt: the last scene completes the run with final_score = mean scene score x 100');
select is((select total_simulations from simulation.users where username = 'sim_carol'), 1, 'submit_scene_attempt: completing the run increments total_simulations');
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 0.9)$$, tests.sim_id('carol_run')), '55000', null, 'submit_scene_attempt: a completed run takes no more attempts (55000)');
select tests.authenticate_as('sim-carol@example.com');
select throws_ok(format($$select simulation.use_hint(%s)$$, tests.sim_id('carol_run')), '55000', null, 'use_hint: a completed run takes no more hints (55000)');
select isnt(simulation.start_simulation(tests.sim_id('pub')), tests.sim_id('carol_run'), 'start_simulation: after completion a new run (replay) starts');

select tests.authenticate_as('sim-bob@example.com');
select throws_ok(format($$select simulation.start_simulation(%s)$$, tests.sim_id('priv')), 'P0002', null, 'start_simulation: a private scenario of someone else is not found (P0002)');
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 0.5)$$, tests.sim_id('bob_run')), '42501', null, 'submit_scene_attempt: a learner cannot execute it, not even for his own run (42501)');
select tests.authenticate_as_service_role();
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 1.5)$$, tests.sim_id('bob_run')), '22023', null, 'submit_scene_attempt: a score above 1 is rejected (22023)');
select throws_ok(format($$select simulation.submit_scene_attempt(%s, null)$$, tests.sim_id('bob_run')), '22023', null, 'submit_scene_attempt: a null score is rejected (22023)');
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 0.5, -1)$$, tests.sim_id('bob_run')), '22023', null, 'submit_scene_attempt: negative time is rejected (22023)');
select throws_ok($$select simulation.submit_scene_attempt(-1, 0.5)$$, 'P0002', null, 'submit_scene_attempt: an unknown run is not found (P0002)');
select is((select attempts from simulation.scene_progress where id = tests.sim_id('bob_sp')), 0, 'submit_scene_attempt: rejected calls wrote nothing');
select tests.authenticate_as_anon();
select throws_ok(format($$select simulation.start_simulation(%s)$$, tests.sim_id('pub')), '42501', null, 'start_simulation: anon cannot execute (42501)');

-- ===========================================================================
-- public_profiles view
-- ===========================================================================
set local search_path = simulation, public, extensions;
select tests.authenticate_as('sim-bob@example.com');
select results_eq($$select username, full_name from public_profiles where username like 'sim\_%' order by username$$,
    $$values ('sim_alice', 'Alice Author'), ('sim_bob', 'Bob Learner')$$, 'public_profiles: lists public profiles only (search_path simulation)');
select hasnt_column('simulation', 'public_profiles', 'email', 'public_profiles: has no email column');
select tests.clear_authentication();
update simulation.users set is_active = false where username = 'sim_alice';
select is((select count(*)::int from simulation.public_profiles where username = 'sim_alice'), 0, 'public_profiles: inactive profiles are not listed');

select * from finish();
rollback;
