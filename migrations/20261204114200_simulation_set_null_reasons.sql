-- simulation: the seed says "all foreign key relationships use CASCADE
-- DELETE for dependent records". Three keys set null instead, because the
-- row holding them is not a dependent of the row they point to; the reason
-- goes in each constraint's comment, so docs/ shows it.

comment on constraint scenarios_cloned_from_id_fkey on simulation.scenarios is
'ON DELETE SET NULL, not the seed''s cascade, on purpose: a clone is its own scenario, owned by whoever cloned it (with its runs, reviews and scenes), not a dependent of its source. Deleting the source must not delete other people''s work; the clone only loses the link.';

comment on constraint conversation_logs_persona_id_fkey on simulation.conversation_logs is
'ON DELETE SET NULL, not the seed''s cascade, on purpose: a message belongs to its run (which cascades), not to the persona that spoke it. Deleting a persona from a scenario keeps the learner''s conversation history; the message only loses the link to the persona (sender_name still names it).';

comment on constraint user_progress_current_scene_id_scenario_id_fkey on simulation.user_progress is
'ON DELETE SET NULL (current_scene_id), not the seed''s cascade, on purpose: a run belongs to its learner and scenario, not to the scene it is at. Deleting a scene from a scenario keeps the run and clears only its position (scenario_id stays; SET NULL names the one column).';
