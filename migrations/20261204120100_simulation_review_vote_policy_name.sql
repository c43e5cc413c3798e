-- simulation: the insert policy of scenario_review_votes created in
-- 20261123140500 was named with 68 bytes; Postgres keeps 63 (NAMEDATALEN - 1)
-- and cut it to "... review of o". Released migrations never change, so it
-- gets a full name of 62 bytes here (lint rule identifier-too-long knows the
-- truncated name is renamed away). `alter policy ... rename` takes an ACCESS
-- EXCLUSIVE lock on the table for a moment (no scan).

set local lock_timeout = '5s';
set local statement_timeout = '1min';

alter policy "scenario_review_votes: member can vote on a visible review of o"
on simulation.scenario_review_votes
rename to "scenario_review_votes: member votes on others' visible reviews";
