-- simulation: helpful votes on reviews — RLS matrix of scenario_review_votes and the review counters they move.
begin;
select plan(29);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();

-- ===========================================================================
-- scenario_review_votes: RLS matrix
-- ===========================================================================
select tests.authenticate_as_anon();
select throws_ok($$select * from simulation.scenario_review_votes$$, '42501', null, 'scenario_review_votes: anon cannot select (42501)');
select throws_ok(format($$insert into simulation.scenario_review_votes (review_id, voter_id, is_helpful) values (%s, %s, true)$$, tests.sim_id('bob_review'), tests.sim_id('alice')), '42501', null, 'scenario_review_votes: anon cannot insert (42501)');
select throws_ok($$update simulation.scenario_review_votes set is_helpful = false$$, '42501', null, 'scenario_review_votes: anon cannot update (42501)');
select throws_ok($$delete from simulation.scenario_review_votes$$, '42501', null, 'scenario_review_votes: anon cannot delete (42501)');

select tests.authenticate_as('sim-alice@example.com');
select lives_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, true)$$, tests.sim_id('bob_review')), 'scenario_review_votes: a member votes on a review of someone else');
select results_eq(format($$select voter_id, is_helpful from simulation.scenario_review_votes where review_id = %s$$, tests.sim_id('bob_review')),
    format($$values (%s::bigint, true)$$, tests.sim_id('alice')), 'scenario_review_votes: the voter (owner) selects her vote; voter_id defaulted to her');
with u as (update simulation.scenario_review_votes set is_helpful = false where review_id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 1, 'scenario_review_votes: the voter changes her vote') from u;
select throws_ok(format($$update simulation.scenario_review_votes set review_id = %s where review_id = %s$$, tests.sim_id('bob_review'), tests.sim_id('bob_review')), '42501', null,
    'scenario_review_votes: a vote cannot be moved to another review (42501, column privilege)');
select throws_ok(format($$insert into simulation.scenario_review_votes (review_id, voter_id, is_helpful) values (%s, %s, true)$$, tests.sim_id('bob_review'), tests.sim_id('carol')), '42501', null,
    'scenario_review_votes: a member cannot vote in someone else''s name (42501)');

select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.scenario_review_votes where review_id = tests.sim_id('bob_review')), 0, 'scenario_review_votes: another user (even the reviewer) cannot see others'' votes (0 rows)');
select throws_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, true)$$, tests.sim_id('bob_review')), '42501', null, 'scenario_review_votes: a reviewer cannot vote on his own review (42501)');
with u as (update simulation.scenario_review_votes set is_helpful = true where review_id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 0, 'scenario_review_votes: another user cannot update a vote (0 rows)') from u;
with d as (delete from simulation.scenario_review_votes where review_id = tests.sim_id('bob_review') returning 1)
select is(count(*)::int, 0, 'scenario_review_votes: another user cannot delete a vote (0 rows)') from d;

select tests.authenticate_as_service_role();
select is((select count(*)::int from simulation.scenario_review_votes where review_id = tests.sim_id('bob_review')), 1, 'scenario_review_votes: service_role selects all votes');
select lives_ok(format($$insert into simulation.scenario_review_votes (review_id, voter_id, is_helpful) values (%s, %s, true)$$, tests.sim_id('bob_review'), tests.sim_id('carol')), 'scenario_review_votes: service_role inserts');
with u as (update simulation.scenario_review_votes set is_helpful = false where voter_id = tests.sim_id('carol') returning 1)
select is(count(*)::int, 1, 'scenario_review_votes: service_role updates') from u;
with d as (delete from simulation.scenario_review_votes where voter_id = tests.sim_id('carol') returning 1)
select is(count(*)::int, 1, 'scenario_review_votes: service_role deletes') from d;

-- ===========================================================================
-- Counters follow the votes
-- ===========================================================================
select tests.clear_authentication();
select results_eq(format($$select helpful_votes, total_votes from simulation.scenario_reviews where id = %s$$, tests.sim_id('bob_review')),
    $$values (0, 1)$$, 'votes: after alice''s vote turned unhelpful and carol''s vote came and went: 0 helpful of 1');

select tests.authenticate_as('sim-carol@example.com');
insert into simulation.scenario_review_votes (review_id, is_helpful) values (tests.sim_id('bob_review'), true);
select results_eq(format($$select helpful_votes, total_votes from simulation.scenario_reviews where id = %s$$, tests.sim_id('bob_review')),
    $$values (1, 2)$$, 'votes: a helpful vote adds to both counters');
select throws_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, false)$$, tests.sim_id('bob_review')), '23505', null, 'votes: one vote per member and review (23505)');
select lives_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, false) on conflict (review_id, voter_id) do update set is_helpful = excluded.is_helpful$$, tests.sim_id('bob_review')),
    'votes: a member changes her vote with an upsert');
select results_eq(format($$select helpful_votes, total_votes from simulation.scenario_reviews where id = %s$$, tests.sim_id('bob_review')),
    $$values (0, 2)$$, 'votes: changing a vote to unhelpful keeps the total and lowers helpful');
delete from simulation.scenario_review_votes where review_id = tests.sim_id('bob_review');
select results_eq(format($$select helpful_votes, total_votes from simulation.scenario_reviews where id = %s$$, tests.sim_id('bob_review')),
    $$values (0, 1)$$, 'votes: withdrawing a vote lowers the total');

select tests.authenticate_as('sim-alice@example.com');
select throws_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, null)$$, tests.sim_id('bob_review')), '23502', null, 'votes: is_helpful is required (23502)');

select tests.clear_authentication();
update simulation.scenario_reviews set helpful_votes = 10, total_votes = 12 where id = tests.sim_id('bob_review');
update simulation.scenario_review_votes set is_helpful = true where review_id = tests.sim_id('bob_review');
select results_eq(format($$select helpful_votes, total_votes from simulation.scenario_reviews where id = %s$$, tests.sim_id('bob_review')),
    $$values (11, 12)$$, 'votes: counters set before votes existed (imported reviews) are kept and moved by the difference');
update simulation.scenarios set is_public = false where id = tests.sim_id('pub');
select tests.authenticate_as('sim-carol@example.com');
select lives_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, true)$$, tests.sim_id('bob_review')), 'votes: an admin (who sees every review) may vote on a review of a private scenario');
select tests.authenticate_as('sim-dave@example.com');
select throws_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, true)$$, tests.sim_id('bob_review')), '42501', null, 'votes: a user without a profile cannot vote (42501)');
select tests.clear_authentication();
insert into simulation.users (auth_user_id, email, username) values (tests.get_user_id('sim-dave@example.com'), 'sim-dave@example.com', 'sim_dave');
select tests.authenticate_as('sim-dave@example.com');
select throws_ok(format($$insert into simulation.scenario_review_votes (review_id, is_helpful) values (%s, true)$$, tests.sim_id('bob_review')), '42501', null, 'votes: a review of a private scenario cannot be voted on by members (42501)');
select tests.clear_authentication();
delete from auth.users where email = 'sim-carol@example.com';
select results_eq(format($$select helpful_votes, total_votes from simulation.scenario_reviews where id = %s$$, tests.sim_id('bob_review')),
    $$values (11, 12)$$, 'votes: deleting a voter''s account withdraws her votes');

select * from finish();
rollback;
