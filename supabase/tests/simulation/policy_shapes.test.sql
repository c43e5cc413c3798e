-- simulation: the copies behind fast policies — profile_directory (public_profiles) follows users, scenario_reviews.scenario_is_public follows its scenario, scene_progress.user_id follows its run — and the plans they buy: username lookups and top-N by reputation on indexes, scene progress and reviews without subplans over runs or scenarios.
begin;
select plan(29);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();
grant execute on function tests.plan_text(text) to anon, authenticated;

-- ===========================================================================
-- profile_directory follows users; private columns stay private
-- ===========================================================================
select tests.authenticate_as_anon();
select results_eq($$select username, full_name from simulation.public_profiles where username like 'sim\_%' order by username$$,
    $$values ('sim_alice', 'Alice Author'), ('sim_bob', 'Bob Learner')$$, 'public_profiles: anon sees the public, active profiles (carol''s is private)');
select throws_ok($$select * from simulation.users$$, '42501', null, 'users: anon still cannot read the profile table (42501)');
select throws_ok($$insert into simulation_private.profile_directory (id, username, role, published_scenarios, total_simulations, reputation_score, allow_contact, is_verified, created_at) values (999999, 'forged', 'user', 0, 0, 0, false, false, now())$$,
    '42501', null, 'profile_directory: anon cannot write the directory (42501)');

select tests.authenticate_as('sim-bob@example.com');
select results_eq($$select username, email from simulation.users$$, $$values ('sim_bob', 'sim-bob@example.com')$$, 'users: the owner still reads his own full row, email included');
select is((select count(*)::int from simulation.users where id = tests.sim_id('alice')), 0, 'users: a member still cannot read another member''s row (no email leak)');
select throws_ok($$update simulation_private.profile_directory set reputation_score = 5$$, '42501', null, 'profile_directory: a member cannot edit the directory (42501)');
with u as (update simulation.users set bio = 'Now a mentor', full_name = 'Bob M.' where id = tests.sim_id('bob') returning 1)
select is(count(*)::int, 1, 'users: bob edits his profile');
select results_eq($$select full_name, bio from simulation.public_profiles where username = 'sim_bob'$$, $$values ('Bob M.', 'Now a mentor')$$, 'public_profiles: the edit shows at once');
update simulation.users set profile_public = false where id = tests.sim_id('bob');
select is((select count(*)::int from simulation.public_profiles where username = 'sim_bob'), 0, 'public_profiles: a profile made private leaves the directory');
update simulation.users set profile_public = true where id = tests.sim_id('bob');
select is((select count(*)::int from simulation.public_profiles where username = 'sim_bob'), 1, 'public_profiles: made public again, it comes back');

select tests.authenticate_as('sim-carol@example.com');
update simulation.users set is_active = false where id = tests.sim_id('alice');
select tests.authenticate_as_anon();
select is((select count(*)::int from simulation.public_profiles where username = 'sim_alice'), 0, 'public_profiles: a profile deactivated by an admin leaves the directory');
select tests.clear_authentication();
update simulation.users set is_active = true where id = tests.sim_id('alice');
update simulation.users set total_simulations = 7, reputation_score = 4.2 where id = tests.sim_id('alice');
select results_eq($$select total_simulations, reputation_score from simulation.public_profiles where username = 'sim_alice'$$, $$values (7, 4.2::double precision)$$, 'public_profiles: counters and reputation follow');
delete from simulation.users where id = tests.sim_id('bob');
select is((select count(*)::int from simulation_private.profile_directory where id = tests.sim_id('bob')), 0, 'profile_directory: deleting a profile removes its entry (cascade)');
select is((select count(*)::int from simulation.users u where u.profile_public and u.is_active and not exists (select 1 from simulation_private.profile_directory d where d.id = u.id and d.username = u.username)) + (select count(*)::int from simulation_private.profile_directory d where not exists (select 1 from simulation.users u where u.id = d.id and u.profile_public and u.is_active)), 0,
    'profile_directory holds exactly the public, active profiles');

-- ===========================================================================
-- scenario_reviews.scenario_is_public follows the scenario
-- ===========================================================================
-- Bob's profile (and review) went with him above: a fresh reviewer.
select tests.create_user('sim-erin@example.com');
insert into simulation.users (auth_user_id, email, username) values (tests.get_user_id('sim-erin@example.com'), 'sim-erin@example.com', 'sim_erin');
select tests.authenticate_as('sim-erin@example.com');
select lives_ok(format($$insert into simulation.scenario_reviews (scenario_id, rating, scenario_is_public) values (%s, 4, false)$$, tests.sim_id('pub')), 'scenario_reviews: erin reviews a public scenario (sending scenario_is_public = false)');
select is((select scenario_is_public from simulation.scenario_reviews where scenario_id = tests.sim_id('pub')), true, 'scenario_reviews: scenario_is_public is taken from the scenario, not the writer');
select tests.authenticate_as('sim-alice@example.com');
update simulation.scenarios set is_public = false where id = tests.sim_id('pub');
select tests.authenticate_as_anon();
select is((select count(*)::int from simulation.scenario_reviews where scenario_id = tests.sim_id('pub')), 0, 'scenario_reviews: unpublishing the scenario hides its reviews from anon (the copy cascaded)');
select tests.authenticate_as('sim-erin@example.com');
select is((select count(*)::int from simulation.scenario_reviews where scenario_id = tests.sim_id('pub')), 1, 'scenario_reviews: the reviewer still sees her own review');
select tests.authenticate_as('sim-alice@example.com');
update simulation.scenarios set is_public = true where id = tests.sim_id('pub');
select tests.authenticate_as_anon();
select is((select count(*)::int from simulation.scenario_reviews where scenario_id = tests.sim_id('pub')), 1, 'scenario_reviews: republishing shows them again');
select tests.clear_authentication();
update simulation.scenario_reviews set scenario_is_public = false where scenario_id = tests.sim_id('pub');
select is((select scenario_is_public from simulation.scenario_reviews where scenario_id = tests.sim_id('pub')), true, 'scenario_reviews: even the owner role cannot make the copy disagree with the scenario');

-- ===========================================================================
-- scene_progress.user_id follows the run
-- ===========================================================================
insert into simulation.user_progress (user_id, scenario_id, current_scene_id, simulation_status)
values (tests.sim_id('alice'), tests.sim_id('pub'), tests.sim_id('pub_s1'), 'in_progress');
insert into tests.sim_fx select 'alice_run', id from simulation.user_progress where user_id = tests.sim_id('alice');
insert into simulation.scene_progress (user_progress_id, scene_id) values (tests.sim_id('alice_run'), tests.sim_id('pub_s1'));
select is((select user_id from simulation.scene_progress where user_progress_id = tests.sim_id('alice_run')), tests.sim_id('alice'), 'scene_progress: user_id is filled from the run');
select throws_ok(format($$insert into simulation.scene_progress (user_progress_id, user_id, scene_id) values (%s, %s, %s)$$, tests.sim_id('alice_run'), tests.sim_id('carol'), tests.sim_id('pub_s2')),
    '23503', null, 'scene_progress: a user_id other than the run''s is rejected (23503, composite FK)');
update simulation.user_progress set user_id = tests.sim_id('carol') where id = tests.sim_id('alice_run');
select is((select user_id from simulation.scene_progress where user_progress_id = tests.sim_id('alice_run')), tests.sim_id('carol'), 'scene_progress: a change of the run''s user cascades to its scene rows');

-- ===========================================================================
-- Plans (enable_seqscan off: the small fixture would otherwise scan)
-- ===========================================================================
set local enable_seqscan = off;
select tests.authenticate_as_anon();
select matches(tests.plan_text($$select * from simulation.public_profiles where username = 'sim_alice'$$), '(Index Scan using|Bitmap Index Scan on) idx_profile_directory_username', 'public_profiles by username uses idx_profile_directory_username');
select ok(tests.plan_text($$select id, username from simulation.public_profiles order by reputation_score desc limit 20$$) ~ 'idx_profile_directory_reputation_score' and tests.plan_text($$select id, username from simulation.public_profiles order by reputation_score desc limit 20$$) !~ 'Sort', 'public_profiles top 20 by reputation reads idx_profile_directory_reputation_score in order (no sort)');
select ok(tests.plan_text(format($$select rating from simulation.scenario_reviews where scenario_id = %s$$, tests.sim_id('pub'))) !~ 'scenarios', 'scenario_reviews of a scenario (anon): no subplan over scenarios');
select tests.authenticate_as('sim-carol@example.com');
select ok(tests.plan_text(format($$select rating from simulation.scenario_reviews where scenario_id = %s$$, tests.sim_id('pub'))) !~ 'scenarios', 'scenario_reviews of a scenario (member): no subplan over scenarios');
select ok(tests.plan_text(format($$select status from simulation.scene_progress where user_progress_id = %s$$, tests.sim_id('alice_run'))) ~ 'Index Cond: \(\(user_progress_id = \d+\) AND \(user_id = ', 'scene_progress of a run (member): one index range on (user_progress_id, user_id)');
select ok(tests.plan_text(format($$select status from simulation.scene_progress where user_progress_id = %s$$, tests.sim_id('alice_run'))) !~ 'user_progress p|SubPlan', 'scene_progress of a run (member): no subplan over the learner''s runs');
select tests.clear_authentication();

select * from finish();
rollback;
