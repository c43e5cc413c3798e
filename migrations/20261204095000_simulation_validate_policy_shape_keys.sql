-- simulation: validate the composite keys that 20261123191400 added `not
-- valid`, then drop the plain keys and the old run index they replace.
-- Locks, held until the file commits: `validate constraint` scans each table
-- under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on; the
-- referenced rows are locked FOR KEY SHARE as they are checked); the drops
-- take ACCESS EXCLUSIVE locks on scene_progress and scenario_reviews (and
-- the referenced tables), so they come last, after both scans: reads and
-- writes wait only from the drops to the commit.

set local lock_timeout = '5s';
set local statement_timeout = '5min';

alter table simulation.scene_progress validate constraint scene_progress_user_progress_id_user_id_fkey;

alter table simulation.scenario_reviews validate constraint scenario_reviews_scenario_id_scenario_is_public_fkey;

alter table simulation.scene_progress drop constraint scene_progress_user_progress_id_fkey;

alter table simulation.scenario_reviews drop constraint scenario_reviews_scenario_id_fkey;

-- schema-tool: allow drop-index-not-concurrent after both validations: the ACCESS EXCLUSIVE lock lasts from here to the commit, milliseconds
drop index simulation.idx_scene_progress_user_progress_id;

alter index simulation.idx_scene_progress_user_progress_id_user_id rename to idx_scene_progress_user_progress_id;

comment on index simulation.idx_scene_progress_user_progress_id is
'Index on user progress (the seed''s), with user_id after user_progress_id: it covers the composite foreign key (user_progress_id, user_id), and a member''s query of one run (the select policy adds user_id = me) is one index range.';
