-- simulation: integrity — composite keys and triggers that keep scenes, personas, progress and logs within one scenario; unique and check constraints; the seed's JSONB shapes; counters kept by triggers; guards on protected columns; ON DELETE behaviour.
begin;
select plan(101);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();

-- ===========================================================================
-- Cross-table integrity
-- ===========================================================================
select throws_ok(format($$insert into simulation.scene_personas (scene_id, persona_id) values (%s, %s)$$, tests.sim_id('pub_s2'), tests.sim_id('priv_p1')),
    '23503', null, 'scene_personas: a persona of another scenario cannot join a scene (23503, composite FK)');
select throws_ok(format($$insert into simulation.scene_personas (scene_id, persona_id, scenario_id) values (%s, %s, %s)$$, tests.sim_id('pub_s2'), tests.sim_id('pub_p2'), tests.sim_id('priv')),
    '23503', null, 'scene_personas: an explicit scenario_id that is not the scene''s is rejected (23503)');
insert into simulation.scene_personas (scene_id, persona_id) values (tests.sim_id('pub_s2'), tests.sim_id('pub_p2'));
select is((select scenario_id from simulation.scene_personas where scene_id = tests.sim_id('pub_s2')), tests.sim_id('pub'),
    'scene_personas: scenario_id is filled from the scene');
select throws_ok(format($$insert into simulation.scene_personas (scene_id, persona_id, involvement_level) values (%s, %s, 'lead')$$, tests.sim_id('pub_s2'), tests.sim_id('pub_p1')),
    '23514', null, 'scene_personas: involvement_level outside key/participant/mentioned is rejected (23514)');

select throws_ok(format($$update simulation.user_progress set current_scene_id = %s where id = %s$$, tests.sim_id('priv_s1'), tests.sim_id('bob_run')),
    '23503', null, 'user_progress: the current scene must belong to the scenario being simulated (23503)');
select throws_ok(format($$update simulation.user_progress set scenes_completed = '[%s]' where id = %s$$, tests.sim_id('priv_s1'), tests.sim_id('bob_run')),
    '23514', null, 'user_progress: scenes_completed cannot hold a scene of another scenario (23514)');
select throws_ok(format($$update simulation.user_progress set scenes_completed = '["%s"]' where id = %s$$, tests.sim_id('pub_s1'), tests.sim_id('bob_run')),
    '23514', null, 'user_progress: scenes_completed must hold numeric ids (23514)');
select lives_ok(format($$update simulation.user_progress set scenes_completed = '[%s]' where id = %s$$, tests.sim_id('pub_s1'), tests.sim_id('bob_run')),
    'user_progress: scenes_completed accepts the scenario''s scene ids');
select throws_ok(format($$insert into simulation.user_progress (user_id, scenario_id) values (%s, %s)$$, tests.sim_id('bob'), tests.sim_id('pub')),
    '23505', null, 'user_progress: at most one active run per user and scenario (23505)');

select throws_ok(format($$insert into simulation.scene_progress (user_progress_id, scene_id) values (%s, %s)$$, tests.sim_id('bob_run'), tests.sim_id('priv_s1')),
    '23514', null, 'scene_progress: the scene must belong to the run''s scenario (23514)');
select throws_ok(format($$insert into simulation.scene_progress (user_progress_id, scene_id) values (%s, %s)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')),
    '23505', null, 'scene_progress: one row per run and scene (23505)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'user', 'x', 2)$$, tests.sim_id('bob_run'), tests.sim_id('priv_s1')),
    '23514', null, 'conversation_logs: the scene must belong to the run''s scenario (23514)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, persona_id, message_content, message_order) values (%s, %s, 'ai_persona', %s, 'x', 2)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1'), tests.sim_id('priv_p1')),
    '23514', null, 'conversation_logs: the persona must belong to the run''s scenario (23514)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, persona_id, message_content, message_order) values (%s, %s, 'user', %s, 'x', 2)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1'), tests.sim_id('pub_p1')),
    '23514', null, 'conversation_logs: only ai_persona messages carry a persona (23514)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order) values (%s, %s, 'hint', 'x', 2)$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')),
    '23514', null, 'conversation_logs: a hint message must have is_hint (23514)');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order, user_reaction) values (%s, %s, 'user', 'x', 2, 'angry')$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')),
    '23514', null, 'conversation_logs: user_reaction outside positive/negative/neutral is rejected (23514)');

-- conversation_logs.user_id: the run's user, filled by trigger, held by the
-- composite foreign key (user_progress_id, user_id) -> user_progress (id, user_id)
insert into simulation.user_progress (user_id, scenario_id, current_scene_id, simulation_status)
values (tests.sim_id('alice'), tests.sim_id('locked'), tests.sim_id('locked_s1'), 'in_progress');
insert into tests.sim_fx select 'alice_run', id from simulation.user_progress where user_id = tests.sim_id('alice') and scenario_id = tests.sim_id('locked');
select is((select user_id from simulation.conversation_logs where id = tests.sim_id('bob_log')), tests.sim_id('bob'),
    'conversation_logs: user_id is filled from the run when omitted');
select lives_ok(format($$insert into simulation.conversation_logs (user_progress_id, user_id, scene_id, message_type, message_content, message_order) values (%s, %s, %s, 'user', 'FX explicit user', 2)$$, tests.sim_id('bob_run'), tests.sim_id('bob'), tests.sim_id('pub_s1')),
    'conversation_logs: an explicit user_id equal to the run''s user is accepted');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, user_id, scene_id, message_type, message_content, message_order) values (%s, %s, %s, 'user', 'FX forged user', 2)$$, tests.sim_id('bob_run'), tests.sim_id('alice'), tests.sim_id('pub_s1')),
    '23503', null, 'conversation_logs: a user_id that is not the run''s user is rejected (23503, composite FK)');
select throws_ok(format($$update simulation.conversation_logs set user_id = %s where id = %s$$, tests.sim_id('alice'), tests.sim_id('bob_log')),
    '23503', null, 'conversation_logs: user_id cannot be changed away from the run''s user (23503)');
select throws_ok(format($$update simulation.conversation_logs set user_progress_id = %s, scene_id = %s where id = %s$$, tests.sim_id('alice_run'), tests.sim_id('locked_s1'), tests.sim_id('bob_log')),
    '23503', null, 'conversation_logs: moving a message to another user''s run keeps its user_id, so the mismatch is rejected (23503)');
update simulation.conversation_logs set user_progress_id = tests.sim_id('alice_run'), scene_id = tests.sim_id('locked_s1'), user_id = null where message_content = 'FX explicit user';
select is((select user_id from simulation.conversation_logs where message_content = 'FX explicit user'), tests.sim_id('alice'),
    'conversation_logs: moving a message with user_id set to null re-derives user_id from the new run');
delete from simulation.conversation_logs where message_content = 'FX explicit user';
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, user_id, scene_id, message_type, message_content, message_order, "timestamp") values (%s, %s, %s, 'user', 'FX far future', 2, '2099-01-01')$$, tests.sim_id('bob_run'), tests.sim_id('alice'), tests.sim_id('pub_s1')),
    '23503', null, 'conversation_logs: the composite key also holds in the default partition (23503)');
set local session_replication_role = replica;
insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order)
values (tests.sim_id('bob_run'), tests.sim_id('pub_s1'), 'user', 'FX bulk loaded', 3);
set local session_replication_role = origin;
select is((select user_id from simulation.conversation_logs where message_content = 'FX bulk loaded'), tests.sim_id('bob'),
    'conversation_logs: user_id is filled under session_replication_role = replica too (bulk loads; trigger enabled ALWAYS)');
update simulation.user_progress set simulation_status = 'abandoned' where id = tests.sim_id('alice_run');
update simulation.user_progress set user_id = tests.sim_id('alice') where id = tests.sim_id('bob_run');
select is((select array_agg(distinct user_id) from simulation.conversation_logs where user_progress_id = tests.sim_id('bob_run')), array[tests.sim_id('alice')],
    'conversation_logs: when a run changes hands its messages follow (ON UPDATE CASCADE)');
update simulation.user_progress set user_id = tests.sim_id('bob') where id = tests.sim_id('bob_run');
delete from simulation.conversation_logs where message_content = 'FX bulk loaded';
delete from simulation.user_progress where id = tests.sim_id('alice_run');

select throws_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (%s, 'dup', 1)$$, tests.sim_id('pub')),
    '23505', null, 'scenario_scenes: scene_order is unique per scenario (23505)');
select lives_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (%s, 'FX Locked Scene Two', 2)$$, tests.sim_id('locked')),
    'scenario_scenes: the same scene_order is fine in another scenario');
select throws_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order, success_threshold) values (%s, 'bad', 7, 1.5)$$, tests.sim_id('pub')),
    '23514', null, 'scenario_scenes: success_threshold outside 0-1 is rejected (23514)');
select throws_ok(format($$insert into simulation.scenario_scenes (scenario_id, title, scene_order, max_attempts) values (%s, 'bad', 7, 0)$$, tests.sim_id('pub')),
    '23514', null, 'scenario_scenes: max_attempts below 1 is rejected (23514)');

select throws_ok(format($$insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating) values (%s, %s, 3)$$, tests.sim_id('pub'), tests.sim_id('bob')),
    '23505', null, 'scenario_reviews: one review per scenario and reviewer (23505)');
select throws_ok(format($$insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating) values (%s, %s, 6)$$, tests.sim_id('locked'), tests.sim_id('bob')),
    '23514', null, 'scenario_reviews: rating above 5 is rejected (23514)');
select throws_ok(format($$insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating) values (%s, %s, 0)$$, tests.sim_id('locked'), tests.sim_id('bob')),
    '23514', null, 'scenario_reviews: rating below 1 is rejected (23514)');
select throws_ok(format($$update simulation.scenario_reviews set helpful_votes = 5, total_votes = 4 where id = %s$$, tests.sim_id('bob_review')),
    '23514', null, 'scenario_reviews: helpful_votes can never exceed total_votes (23514)');
select throws_ok(format($$update simulation.scenario_reviews set pros = '["ok", 3]' where id = %s$$, tests.sim_id('bob_review')),
    '23514', null, 'scenario_reviews: pros must be an array of strings (23514)');

-- ===========================================================================
-- Check constraints and JSONB shapes
-- ===========================================================================
select throws_ok($$update simulation.users set reputation_score = 5.1 where username = 'sim_alice'$$, '23514', null, 'users: reputation_score above 5.0 is rejected (23514)');
select throws_ok($$update simulation.users set username = 'a b' where username = 'sim_alice'$$, '23514', null, 'users: a username with spaces is rejected (23514)');
select throws_ok($$insert into simulation.users (auth_user_id, email, username) values (tests.get_user_id('sim-dave@example.com'), 'SIM-ALICE@example.com', 'sim_dave')$$,
    '23505', null, 'users: email is unique case-insensitively (23505)');
select throws_ok($$insert into simulation.users (auth_user_id, email, username) values (tests.get_user_id('sim-dave@example.com'), 'sim-dave@example.com', 'SIM_ALICE')$$,
    '23505', null, 'users: username is unique case-insensitively (23505)');
select throws_ok($$insert into simulation.users (auth_user_id, email, username) values (tests.get_user_id('sim-alice@example.com'), 'other@example.com', 'sim_alice_two')$$,
    '23505', null, 'users: one profile per auth user (23505)');
select throws_ok(format($$update simulation.scenarios set difficulty_level = 'expert' where id = %s$$, tests.sim_id('pub')), '23514', null, 'scenarios: difficulty_level outside beginner/intermediate/advanced is rejected (23514)');
select throws_ok(format($$update simulation.scenarios set tags = '["ok", 1]' where id = %s$$, tests.sim_id('pub')), '23514', null, 'scenarios: tags must be an array of strings (23514)');
select throws_ok(format($$update simulation.scenarios set learning_objectives = '{"a": "b"}' where id = %s$$, tests.sim_id('pub')), '23514', null, 'scenarios: learning_objectives must be an array (23514)');
select throws_ok(format($$update simulation.scenarios set rating_avg = 5.5 where id = %s$$, tests.sim_id('pub')), '23514', null, 'scenarios: rating_avg above 5.0 is rejected (23514)');
select throws_ok(format($$update simulation.scenarios set estimated_duration = 0 where id = %s$$, tests.sim_id('pub')), '23514', null, 'scenarios: estimated_duration must be positive (23514)');
select lives_ok(format($$update simulation.scenario_personas set personality_traits = '{"analytical": 8, "creative": 6, "assertive": 7, "collaborative": 9, "detail_oriented": 8, "risk_taking": 4, "empathetic": 7, "decisive": 6}' where id = %s$$, tests.sim_id('pub_p1')),
    'scenario_personas: the seed''s personality traits example is accepted');
select throws_ok(format($$update simulation.scenario_personas set personality_traits = '{"analytical": 11}' where id = %s$$, tests.sim_id('pub_p1')), '23514', null, 'scenario_personas: a trait above 10 is rejected (23514)');
select throws_ok(format($$update simulation.scenario_personas set personality_traits = '{"analytical": "high"}' where id = %s$$, tests.sim_id('pub_p1')), '23514', null, 'scenario_personas: a non-numeric trait is rejected (23514)');
select throws_ok(format($$update simulation.scenario_personas set personality_traits = '[8, 6]' where id = %s$$, tests.sim_id('pub_p1')), '23514', null, 'scenario_personas: personality_traits must be an object (23514)');
select lives_ok(format($$update simulation.scenario_scenes set goal_criteria = '{"key_topics_covered": ["market analysis", "competitive positioning"], "interaction_requirements": ["engage with marketing director", "review financial data"], "success_indicators": ["demonstrates understanding", "asks relevant questions"]}' where id = %s$$, tests.sim_id('pub_s1')),
    'scenario_scenes: the seed''s goal criteria structure is accepted');
select lives_ok(format($$update simulation.scenario_scenes set goal_criteria = '{"key_topics": ["market analysis", "financial planning"], "required_interactions": ["@ceo", "@cfo"], "success_threshold": 0.75, "completion_indicators": ["demonstrates understanding", "asks strategic questions"]}' where id = %s$$, tests.sim_id('pub_s1')),
    'scenario_scenes: the seed''s goal criteria format (with success_threshold) is accepted');
select throws_ok(format($$update simulation.scenario_scenes set goal_criteria = '{"key_topics": ["a", 2]}' where id = %s$$, tests.sim_id('pub_s1')), '23514', null, 'scenario_scenes: goal criteria lists must hold strings (23514)');
select throws_ok(format($$update simulation.scenario_scenes set goal_criteria = '{"success_threshold": 1.5}' where id = %s$$, tests.sim_id('pub_s1')), '23514', null, 'scenario_scenes: goal criteria success_threshold must be 0-1 (23514)');
select throws_ok(format($$update simulation.scenario_scenes set goal_criteria = '{"key_topics": "market"}' where id = %s$$, tests.sim_id('pub_s1')), '23514', null, 'scenario_scenes: goal criteria values must be lists or numbers (23514)');
select lives_ok(format($$update simulation.scenario_files set processing_log = '{"llamaparse_status": "success", "openai_analysis": "completed", "personas_extracted": 3, "scenes_generated": 5, "processing_time": 45.2, "errors": [], "warnings": ["Low confidence on persona background for John Smith"]}' where id = %s$$, tests.sim_id('pub_f')),
    'scenario_files: the seed''s processing log example is accepted');
select throws_ok(format($$update simulation.scenario_files set processing_log = '{"errors": "boom"}' where id = %s$$, tests.sim_id('pub_f')), '23514', null, 'scenario_files: processing_log errors must be an array (23514)');
select throws_ok(format($$update simulation.scenario_files set processing_status = 'done' where id = %s$$, tests.sim_id('pub_f')), '23514', null, 'scenario_files: processing_status outside the list is rejected (23514)');
select lives_ok(format($$update simulation.user_progress set orchestrator_data = '{"current_turn": 15, "max_turns": 20, "system_prompt_version": "2.1", "persona_states": {"wanjohi": {"engagement_level": "high", "topics_discussed": ["seasonal contracts", "market expansion"]}}, "scene_context": {"key_points_covered": ["crisis assessment", "financial impact"], "user_understanding_level": 0.75}}' where id = %s$$, tests.sim_id('bob_run')),
    'user_progress: the seed''s orchestrator data example is accepted');
select throws_ok(format($$update simulation.user_progress set completion_percentage = 100.5 where id = %s$$, tests.sim_id('bob_run')), '23514', null, 'user_progress: completion_percentage above 100 is rejected (23514)');
select throws_ok(format($$update simulation.user_progress set final_score = -1 where id = %s$$, tests.sim_id('bob_run')), '23514', null, 'user_progress: final_score below 0 is rejected (23514)');
select throws_ok(format($$update simulation.scene_progress set goal_achievement_score = 1.2 where id = %s$$, tests.sim_id('bob_sp')), '23514', null, 'scene_progress: goal_achievement_score above 1.0 is rejected (23514)');
select throws_ok(format($$update simulation.scene_progress set goal_achieved = true, forced_progression = true where id = %s$$, tests.sim_id('bob_sp')), '23514', null, 'scene_progress: a scene is not both achieved and forced (23514)');
select lives_ok(format($$update simulation.conversation_logs set ai_context_used = '{"system_prompt_version": "2.1", "persona_context": {"name": "Wanjohi", "current_mood": "concerned", "topics_aware_of": ["seasonal contracts", "financial pressure"]}, "scene_context": {"turn_number": 8, "user_understanding": 0.6, "key_points_needed": ["market diversification", "risk mitigation"]}}' where id = %s$$, tests.sim_id('bob_log')),
    'conversation_logs: the seed''s AI context example is accepted');

-- ===========================================================================
-- Counters kept in step by triggers
-- ===========================================================================
select results_eq(format($$select rating_avg, rating_count from simulation.scenarios where id = %s$$, tests.sim_id('pub')),
    $$values (4.0::double precision, 1)$$, 'scenarios: rating_avg/rating_count follow the first review');
insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating) values (tests.sim_id('pub'), tests.sim_id('carol'), 5);
select results_eq(format($$select rating_avg, rating_count from simulation.scenarios where id = %s$$, tests.sim_id('pub')),
    $$values (4.5::double precision, 2)$$, 'scenarios: a second review updates the average and count');
update simulation.scenario_reviews set rating = 2 where id = tests.sim_id('bob_review');
select results_eq(format($$select rating_avg, rating_count from simulation.scenarios where id = %s$$, tests.sim_id('pub')),
    $$values (3.5::double precision, 2)$$, 'scenarios: editing a rating updates the average');
delete from simulation.scenario_reviews where reviewer_id = tests.sim_id('carol');
select results_eq(format($$select rating_avg, rating_count from simulation.scenarios where id = %s$$, tests.sim_id('pub')),
    $$values (2.0::double precision, 1)$$, 'scenarios: deleting a review updates the average and count');

select is((select published_scenarios from simulation.users where id = tests.sim_id('alice')), 2, 'users: published_scenarios counts the author''s public scenarios');
update simulation.scenarios set is_public = true where id = tests.sim_id('priv');
select is((select published_scenarios from simulation.users where id = tests.sim_id('alice')), 3, 'users: publishing a scenario increments published_scenarios');
update simulation.scenarios set is_public = false where id = tests.sim_id('priv');
delete from simulation.scenarios where id = tests.sim_id('locked');
select is((select published_scenarios from simulation.users where id = tests.sim_id('alice')), 1, 'users: unpublishing and deleting scenarios decrement published_scenarios');

select is((select usage_count from simulation.scenarios where id = tests.sim_id('pub')), 1, 'scenarios: usage_count counts runs started');
select is((select total_simulations from simulation.users where id = tests.sim_id('bob')), 0, 'users: total_simulations starts at 0');
update simulation.user_progress set simulation_status = 'completed', completed_at = now() where id = tests.sim_id('bob_run');
select is((select total_simulations from simulation.users where id = tests.sim_id('bob')), 1, 'users: completing a run increments total_simulations');
update simulation.user_progress set simulation_status = 'abandoned' where id = tests.sim_id('bob_run');
select is((select total_simulations from simulation.users where id = tests.sim_id('bob')), 0, 'users: a run leaving completed decrements total_simulations');
update simulation.user_progress set simulation_status = 'completed' where id = tests.sim_id('bob_run');
delete from simulation.user_progress where id = tests.sim_id('bob_run');
select is((select total_simulations from simulation.users where id = tests.sim_id('bob')), 0, 'users: deleting a completed run decrements total_simulations');

-- ===========================================================================
-- Guards: members cannot write what triggers and admins maintain
-- ===========================================================================
update simulation.scenarios set is_public = true where id = tests.sim_id('priv');
select tests.authenticate_as('sim-bob@example.com');
select throws_ok($$update simulation.users set role = 'admin' where username = 'sim_bob'$$, '42501', null, 'users: a member cannot make himself admin (42501)');
select throws_ok($$update simulation.users set total_simulations = 99 where username = 'sim_bob'$$, '42501', null, 'users: a member cannot set his counters (42501)');
select throws_ok($$update simulation.users set reputation_score = 5 where username = 'sim_bob'$$, '42501', null, 'users: a member cannot set his reputation (42501)');
select throws_ok($$update simulation.users set email = 'someone@example.com' where username = 'sim_bob'$$, '42501', null, 'users: a member cannot use an email that is not his sign-in email (42501)');
select throws_ok(format($$update simulation.scenario_reviews set helpful_votes = 1, total_votes = 1 where reviewer_id = %s$$, tests.sim_id('bob')), '42501', null, 'scenario_reviews: a reviewer cannot vote on his own review counters (42501)');
select lives_ok(format($$insert into simulation.scenario_reviews (scenario_id, rating, helpful_votes, total_votes) values (%s, 5, 50, 50)$$, tests.sim_id('priv')), 'scenario_reviews: a member inserts a review with self-set votes...');
select results_eq(format($$select helpful_votes, total_votes from simulation.scenario_reviews where scenario_id = %s and reviewer_id = %s$$, tests.sim_id('priv'), tests.sim_id('bob')),
    $$values (0, 0)$$, '...and the votes are reset to 0');
select throws_ok(format($$update simulation.scenario_reviews set scenario_id = %s where reviewer_id = %s and scenario_id = %s$$, tests.sim_id('pub'), tests.sim_id('bob'), tests.sim_id('priv')), '42501', null, 'scenario_reviews: a reviewer cannot move his review to another scenario (42501)');

select tests.authenticate_as('sim-dave@example.com');
select throws_ok($$insert into simulation.users (username, role) values ('sim_dave', 'admin')$$, '42501', null, 'users: a member cannot create an admin profile (42501)');
select throws_ok($$insert into simulation.users (username, email) values ('sim_dave', 'sim-alice2@example.com')$$, '42501', null, 'users: a member cannot claim someone else''s email (42501)');
select lives_ok($$insert into simulation.users (username, total_simulations, reputation_score, is_verified) values ('sim_dave', 50, 5.0, true)$$, 'users: a member creates a profile with self-set counters...');
select results_eq($$select total_simulations, reputation_score, is_verified from simulation.users where username = 'sim_dave'$$,
    $$values (0, 0.0::double precision, false)$$, '...and counters, reputation and verification are reset');

select tests.authenticate_as('sim-alice@example.com');
select throws_ok(format($$update simulation.scenarios set rating_avg = 5, rating_count = 100 where id = %s$$, tests.sim_id('pub')), '42501', null, 'scenarios: an owner cannot set her rating (42501)');
select throws_ok(format($$update simulation.scenarios set clone_count = 100 where id = %s$$, tests.sim_id('pub')), '42501', null, 'scenarios: an owner cannot set clone_count (42501)');
select throws_ok(format($$update simulation.scenarios set created_by = %s where id = %s$$, tests.sim_id('bob'), tests.sim_id('pub')), '42501', null, 'scenarios: an owner cannot give her scenario away (42501)');
select lives_ok($$insert into simulation.scenarios (title, usage_count, clone_count, rating_avg, rating_count) values ('FX inflated', 10, 10, 5, 10)$$, 'scenarios: a member inserts a scenario with self-set counters...');
select results_eq($$select usage_count, clone_count, rating_avg, rating_count from simulation.scenarios where title = 'FX inflated'$$,
    $$values (0, 0, 0.0::double precision, 0)$$, '...and the counters and ratings are reset');

select tests.authenticate_as('sim-carol@example.com');
select lives_ok($$update simulation.users set role = 'teacher', is_verified = true where username = 'sim_bob'$$, 'users: an admin changes a member''s role and verification');
select is((select role::text from simulation.users where username = 'sim_bob'), 'teacher', 'users: the admin''s role change is stored');
select tests.clear_authentication();

-- ===========================================================================
-- updated_at, ON DELETE behaviour
-- ===========================================================================
insert into simulation.scenario_personas (scenario_id, name, created_at, updated_at) values (tests.sim_id('pub'), 'FX Old Persona', '2020-01-01', '2020-01-01');
update simulation.scenario_personas set background = 'new' where name = 'FX Old Persona';
select is((select updated_at from simulation.scenario_personas where name = 'FX Old Persona'), now(), 'updated_at is stamped on update');

insert into simulation.user_progress (user_id, scenario_id, current_scene_id, simulation_status) values (tests.sim_id('bob'), tests.sim_id('pub'), tests.sim_id('pub_s2'), 'in_progress');
insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, persona_id, message_content, message_order)
select id, tests.sim_id('pub_s2'), 'ai_persona', tests.sim_id('pub_p2'), 'FX persona line', 1 from simulation.user_progress where user_id = tests.sim_id('bob') and simulation_status = 'in_progress';
delete from simulation.scenario_personas where id = tests.sim_id('pub_p2');
select is((select persona_id from simulation.conversation_logs where message_content = 'FX persona line'), null::bigint, 'conversation_logs: deleting a persona keeps the message and clears persona_id');
delete from simulation.scenario_scenes where id = tests.sim_id('pub_s2');
select is((select count(*)::int from simulation.user_progress where user_id = tests.sim_id('bob') and scenario_id = tests.sim_id('pub') and current_scene_id is null), 1,
    'user_progress: deleting the current scene clears current_scene_id but keeps the run');
select is((select count(*)::int from simulation.conversation_logs where message_content = 'FX persona line'), 0, 'conversation_logs: deleting a scene deletes its messages');

delete from auth.users where email = 'sim-alice@example.com';
select is((select count(*)::int from simulation.users where username = 'sim_alice'), 0, 'deleting an auth user deletes the profile');
select is((select count(*)::int from simulation.scenarios where title like 'FX%'), 0, 'deleting an auth user deletes the person''s scenarios (cascade)');
select is((select count(*)::int from simulation.user_progress where user_id = tests.sim_id('bob')), 0, 'runs on a deleted scenario are deleted (cascade)');
select is((select count(*)::int from simulation.scenario_reviews where reviewer_id = tests.sim_id('bob')), 0, 'reviews of a deleted scenario are deleted (cascade)');

select * from finish();
rollback;
