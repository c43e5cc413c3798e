-- simulation: user_progress was the one table whose comment did not say
-- which columns a client may write and which facts the server owns (issue 15).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

do $$
begin
    execute format('comment on table simulation.user_progress is %L',
        pg_catalog.obj_description('simulation.user_progress'::regclass, 'pg_class')
        || ' Client writes: insert user_id (the caller) and scenario_id (a scenario the caller can see) to start a run; update last_activity; delete a run not yet played (no attempts, no score, not completed; a graded run cannot be deleted). Server-owned: current_scene_id, simulation_status, scenes_completed, total_attempts, hints_used, forced_progressions, orchestrator_data, completion_percentage, total_time_spent, session_count, final_score, started_at, completed_at (the orchestrator, service_role), created_at, updated_at.');
end
$$;
