-- simulation: the keys behind the copied columns of 20261123191300:
-- scene_progress (user_progress_id, user_id) -> user_progress (id, user_id),
-- and scenario_reviews (scenario_id, scenario_is_public) -> scenarios (id,
-- is_public) ON UPDATE CASCADE, so publishing updates the reviews' copy.
-- They are added `not valid` and validated in 20261204095000, so this
-- transaction holds no lock through a scan. Each index build takes SHARE on
-- its table (writes wait, reads go on; time: BENCHMARKS.md); on a big
-- database run the three `create ... index concurrently if not exists`
-- statements below by hand first: this migration then finds them built.

set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- schema-tool: allow index-not-concurrent writes to scene_progress wait seconds at 774k rows; pre-build concurrently on a big database (see above)
create index if not exists idx_scene_progress_user_progress_id_user_id
on simulation.scene_progress (user_progress_id, user_id);

alter table simulation.scene_progress
add constraint scene_progress_user_progress_id_user_id_fkey foreign key (user_progress_id, user_id)
references simulation.user_progress (id, user_id) on delete cascade on update cascade not valid;

comment on constraint scene_progress_user_progress_id_user_id_fkey on simulation.scene_progress is
'The run, and its learner: keeps scene_progress.user_id equal to the run''s user (replaces the plain foreign key on user_progress_id).';

-- schema-tool: allow index-not-concurrent scenarios is a small catalogue table (thousands of rows)
create unique index if not exists idx_scenarios_id_is_public
on simulation.scenarios (id, is_public);

alter table simulation.scenarios
add constraint scenarios_id_is_public_key unique using index idx_scenarios_id_is_public;

comment on constraint scenarios_id_is_public_key on simulation.scenarios is
'Target of scenario_reviews'' composite foreign key (scenario_id, scenario_is_public): it keeps a review''s copy of is_public equal to its scenario''s.';

-- schema-tool: allow index-not-concurrent reviews are far fewer than runs; pre-build concurrently on a big database (see above)
create index if not exists idx_scenario_reviews_scenario_id_scenario_is_public
on simulation.scenario_reviews (scenario_id, scenario_is_public);

comment on index simulation.idx_scenario_reviews_scenario_id_scenario_is_public is
'Covers the composite foreign key (scenario_id, scenario_is_public): cascades from scenarios find a scenario''s reviews.';

alter table simulation.scenario_reviews
add constraint scenario_reviews_scenario_id_scenario_is_public_fkey foreign key (scenario_id, scenario_is_public)
references simulation.scenarios (id, is_public) on delete cascade on update cascade not valid;

comment on constraint scenario_reviews_scenario_id_scenario_is_public_fkey on simulation.scenario_reviews is
'The reviewed scenario, and whether it is public: deleting the scenario deletes its reviews; publishing or unpublishing it updates scenario_is_public (replaces the plain foreign key on scenario_id).';
