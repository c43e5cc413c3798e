-- simulation: scores are tamper-proof — a learner cannot set score, completion, status, attempts or hints of his runs and scene progress (column privileges, no delete of scene rows, submit_scene_attempt for the AI service only), while starting runs, hints, orchestrator state, time and message counts and the AI service's scoring keep working.
begin;
select plan(42);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();

-- ===========================================================================
-- A learner cannot write his scores or completion (bob owns bob_run, in
-- progress at scene 1, and bob_sp, its scene row)
-- ===========================================================================
select tests.authenticate_as('sim-bob@example.com');
select throws_ok(format($$update simulation.user_progress set final_score = 100 where id = %s$$, tests.sim_id('bob_run')), '42501', null, 'user_progress: learner cannot set his final_score (42501)');
select throws_ok(format($$update simulation.user_progress set completion_percentage = 100 where id = %s$$, tests.sim_id('bob_run')), '42501', null, 'user_progress: learner cannot set his completion_percentage (42501)');
select throws_ok(format($$update simulation.user_progress set simulation_status = 'completed', completed_at = now() where id = %s$$, tests.sim_id('bob_run')), '42501', null, 'user_progress: learner cannot mark his run completed (42501)');
select throws_ok(format($$update simulation.user_progress set scenes_completed = '[%s]' where id = %s$$, tests.sim_id('pub_s1'), tests.sim_id('bob_run')), '42501', null, 'user_progress: learner cannot set scenes_completed (42501)');
select throws_ok(format($$update simulation.user_progress set current_scene_id = %s where id = %s$$, tests.sim_id('pub_s2'), tests.sim_id('bob_run')), '42501', null, 'user_progress: learner cannot skip to another scene (42501)');
select throws_ok(format($$update simulation.user_progress set hints_used = 0, total_attempts = 0, forced_progressions = 0 where id = %s$$, tests.sim_id('bob_run')), '42501', null, 'user_progress: learner cannot reset his attempt, hint and forced-progression counters (42501)');
select throws_ok(format($$insert into simulation.user_progress (scenario_id, simulation_status, final_score, completion_percentage) values (%s, 'completed', 100, 100)$$, tests.sim_id('locked')), '42501', null, 'user_progress: learner cannot insert a completed run with a score (42501)');
select throws_ok(format($$insert into simulation.user_progress (scenario_id, final_score) values (%s, 99)$$, tests.sim_id('locked')), '42501', null, 'user_progress: learner cannot insert a run with a final_score (42501)');

select throws_ok(format($$update simulation.scene_progress set goal_achievement_score = 1.0 where id = %s$$, tests.sim_id('bob_sp')), '42501', null, 'scene_progress: learner cannot set his goal_achievement_score (42501)');
select throws_ok(format($$update simulation.scene_progress set status = 'completed', goal_achieved = true, completed_at = now() where id = %s$$, tests.sim_id('bob_sp')), '42501', null, 'scene_progress: learner cannot mark a scene achieved (42501)');
select throws_ok(format($$update simulation.scene_progress set attempts = 0 where id = %s$$, tests.sim_id('bob_sp')), '42501', null, 'scene_progress: learner cannot reset his attempts (42501)');
select throws_ok(format($$update simulation.scene_progress set hints_used = 0 where id = %s$$, tests.sim_id('bob_sp')), '42501', null, 'scene_progress: learner cannot reset his hints (42501)');
select throws_ok(format($$update simulation.scene_progress set interaction_quality = 1, scene_feedback = 'Brilliant.' where id = %s$$, tests.sim_id('bob_sp')), '42501', null, 'scene_progress: learner cannot write interaction quality or AI feedback (42501)');
select throws_ok(format($$insert into simulation.scene_progress (user_progress_id, scene_id, status, goal_achieved, goal_achievement_score) values (%s, %s, 'completed', true, 1.0)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s2')), '42501', null, 'scene_progress: learner cannot insert an achieved, scored scene (42501)');
select throws_ok(format($$delete from simulation.scene_progress where id = %s$$, tests.sim_id('bob_sp')), '42501', null, 'scene_progress: learner cannot delete a scene row to reset it or drop its score (42501)');
select throws_ok(format($$update simulation.scene_progress set user_id = %s where id = %s$$, tests.sim_id('alice'), tests.sim_id('bob_sp')), '42501', null, 'scene_progress: learner cannot move a scene row to someone else (42501)');
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 1.0)$$, tests.sim_id('bob_run')), '42501', null, 'submit_scene_attempt: learner cannot score himself (42501, service_role only)');

-- ===========================================================================
-- What a learner still writes
-- ===========================================================================
select lives_ok(format($$insert into simulation.user_progress (scenario_id) values (%s)$$, tests.sim_id('locked')), 'user_progress: learner creates a run naming only the scenario');
select results_eq(format($$select simulation_status::text, final_score, completion_percentage, scenes_completed from simulation.user_progress where scenario_id = %s$$, tests.sim_id('locked')),
    $$values ('not_started', null::double precision, 0.0::double precision, '[]'::jsonb)$$, 'user_progress: the new run starts unscored, at 0% completion');
with u as (update simulation.user_progress set last_activity = now() where id = tests.sim_id('bob_run') returning 1)
select is(count(*)::int, 1, 'user_progress: learner updates the activity of his run (orchestrator state is the AI service''s since issue 15)') from u;
with u as (update simulation.scene_progress set time_spent = 90 where id = tests.sim_id('bob_sp') returning 1)
select is(count(*)::int, 1, 'scene_progress: learner records time (message counts are counted by the server since issue 15)') from u;
select is(simulation.start_simulation(tests.sim_id('pub')), tests.sim_id('bob_run'), 'start_simulation: learner resumes his run (definer helper writes status and session)');
select results_eq(format($$select simulation_status::text, session_count from simulation.user_progress where id = %s$$, tests.sim_id('bob_run')),
    $$values ('in_progress', 1)$$, 'start_simulation: the resumed run counts the session');
select is(simulation.use_hint(tests.sim_id('bob_run')), 1, 'use_hint: learner uses a hint (definer helper counts it)');
select tests.authenticate_as('sim-alice@example.com');
select throws_ok(format($$select simulation_private.use_hint(%s)$$, tests.sim_id('bob_run')), 'P0002', null, 'use_hint helper: acts only on the caller''s runs (alice calling it on bob''s run: not found, P0002)');

-- ===========================================================================
-- The AI service scores; the learner reads the result
-- ===========================================================================
select tests.authenticate_as_service_role();
select is((simulation.submit_scene_attempt(tests.sim_id('bob_run'), 0.9, 60)).status::text, 'completed', 'submit_scene_attempt: the AI service records an achieved scene for the learner''s run');
select is((simulation.submit_scene_attempt(tests.sim_id('bob_run'), 0.8, 30, 0.7, 'Good synthesis.')).status::text, 'completed', 'submit_scene_attempt: the AI service records the last scene');
select tests.authenticate_as('sim-bob@example.com');
select results_eq(format($$select simulation_status::text, completion_percentage, final_score, hints_used from simulation.user_progress where id = %s$$, tests.sim_id('bob_run')),
    $$values ('completed', 100.0::double precision, 85.0::double precision, 1)$$, 'the learner reads the computed result: completed, 100%, final_score = mean scene score x 100');
select results_eq(format($$select scene_id, goal_achievement_score, user_id from simulation.scene_progress where user_progress_id = %s order by scene_id$$, tests.sim_id('bob_run')),
    format($$values (%s::bigint, 0.9::double precision, %s::bigint), (%s::bigint, 0.8::double precision, %s::bigint)$$, tests.sim_id('pub_s1'), tests.sim_id('bob'), tests.sim_id('pub_s2'), tests.sim_id('bob')),
    'the learner reads the AI-assessed scene scores of his run');
select throws_ok(format($$update simulation.user_progress set simulation_status = 'in_progress' where id = %s$$, tests.sim_id('bob_run')), '42501', null, 'user_progress: learner cannot reopen a completed run (42501)');
select tests.clear_authentication();
select is((select total_simulations from simulation.users where id = tests.sim_id('bob')), 1, 'users: the scored completion counts in total_simulations');

select tests.authenticate_as('sim-carol@example.com');
select throws_ok(format($$update simulation.user_progress set final_score = 10 where id = %s$$, tests.sim_id('bob_run')), '42501', null, 'user_progress: an admin cannot rewrite a learner''s score either (42501)');
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 0.1)$$, tests.sim_id('bob_run')), '42501', null, 'submit_scene_attempt: an admin cannot execute it (42501)');

select tests.authenticate_as_service_role();
with u as (update simulation.user_progress set final_score = 86 where id = tests.sim_id('bob_run') returning 1)
select is(count(*)::int, 1, 'user_progress: service_role (the backend) may still correct a score') from u;
select tests.authenticate_as_anon();
select throws_ok(format($$select simulation.submit_scene_attempt(%s, 1.0)$$, tests.sim_id('bob_run')), '42501', null, 'submit_scene_attempt: anon cannot execute it (42501)');
select tests.clear_authentication();

-- ===========================================================================
-- Giving up a run: the one status change a learner makes
-- ===========================================================================
select tests.authenticate_as('sim-bob@example.com');
select throws_ok(format($$select simulation.abandon_simulation(%s)$$, tests.sim_id('bob_run')), '55000', null, 'abandon_simulation: a completed run cannot be abandoned (55000)');
select lives_ok(format($$select simulation.abandon_simulation(id) from simulation.user_progress where scenario_id = %s$$, tests.sim_id('locked')), 'abandon_simulation: learner abandons his unstarted run');
select results_eq(format($$select simulation_status::text, final_score from simulation.user_progress where scenario_id = %s$$, tests.sim_id('locked')),
    $$values ('abandoned', null::double precision)$$, 'abandon_simulation: the run is abandoned, its score untouched');
select throws_ok(format($$select simulation.abandon_simulation(id) from simulation.user_progress where scenario_id = %s$$, tests.sim_id('locked')), '55000', null, 'abandon_simulation: an abandoned run cannot be abandoned again (55000)');
select tests.authenticate_as('sim-alice@example.com');
select throws_ok(format($$select simulation.abandon_simulation(%s)$$, tests.sim_id('bob_run')), 'P0002', null, 'abandon_simulation: another user''s run is not found (P0002)');
select tests.authenticate_as('sim-dave@example.com');
select throws_ok(format($$select simulation.abandon_simulation(%s)$$, tests.sim_id('bob_run')), '42501', null, 'abandon_simulation: a user without a profile gets 42501');
select tests.authenticate_as_anon();
select throws_ok(format($$select simulation.abandon_simulation(%s)$$, tests.sim_id('bob_run')), '42501', null, 'abandon_simulation: anon cannot execute it (42501)');
select tests.clear_authentication();

select * from finish();
rollback;
