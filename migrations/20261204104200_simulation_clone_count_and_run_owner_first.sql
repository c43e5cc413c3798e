-- simulation: two more facts a member could farm or probe (issue 15).
-- * scenarios.clone_count rose by one for every clone, so one account raised
--   another author's public counter by cloning fifty times (clone_scenario
--   or an insert naming cloned_from_id). It now counts members: a clone adds
--   one only if its creator had no other clone of that source, and deleting a
--   creator's last clone of it takes that one back.
-- * Writing into someone else's run: the SECURITY DEFINER checks on
--   conversation_logs and scene_progress (scene and persona within the run's
--   scenario) ran before row level security, so their 23514 versus RLS's
--   42501 told a member whether a run id existed and which scenario it was
--   on. A security invoker trigger, check_run_owner, now fires first: for an
--   API caller (current_user anon/authenticated) a run they cannot see is
--   42501 before anything is looked up.

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create or replace function simulation_private.scenarios_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform simulation_private.refresh_published_scenarios(old.created_by);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        if tg_op = 'INSERT' or new.created_by is distinct from old.created_by then
            perform simulation_private.refresh_published_scenarios(new.created_by);
        end if;
        -- clone_count counts members: only a creator's first clone of the source adds one.
        if tg_op = 'INSERT' and new.cloned_from_id is not null and not exists (
            select 1
            from simulation.scenarios as s
            where s.cloned_from_id = new.cloned_from_id
                and s.created_by = new.created_by
                and s.id <> new.id
        ) then
            update simulation.scenarios as s
            set clone_count = s.clone_count + 1
            where s.id = new.cloned_from_id;
        end if;
    end if;
    -- A creator's last clone of the source takes its count back.
    if tg_op = 'DELETE' and old.cloned_from_id is not null and not exists (
        select 1
        from simulation.scenarios as s
        where s.cloned_from_id = old.cloned_from_id
            and s.created_by = old.created_by
    ) then
        update simulation.scenarios as s
        set clone_count = greatest(s.clone_count - 1, 0)
        where s.id = old.cloned_from_id;
    end if;
    return null;
end
$$;

comment on function simulation_private.scenarios_after_change() is
'Trigger function (after insert/update/delete on scenarios): keeps users.published_scenarios in step, and the source''s clone_count equal to the number of members with a clone of it (a creator''s first clone adds one, deleting their last clone takes it back; cloning again and again does not inflate it).';

comment on column simulation.scenarios.clone_count is
'Number of members who cloned this scenario (one per member, however many clones; since 20261204104200, before that every clone counted); maintained by trigger.';

create function simulation_private.check_run_owner()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    -- Runs as the caller: RLS shows a member only their own runs.
    if current_user in ('anon', 'authenticated') and not exists (
        select 1
        from simulation.user_progress as p
        where p.id = new.user_progress_id
    ) then
        raise exception 'run % not found among your runs', new.user_progress_id using errcode = '42501';
    end if;
    return new;
end
$$;

comment on function simulation_private.check_run_owner() is
'Trigger function (before insert/update of the run, scene or persona on conversation_logs and scene_progress; named check_run_owner so it fires before the definer checks): an API caller (current_user anon/authenticated) may only write into a run their row level security shows them, i.e. their own; anything else is 42501 before the scene or persona is looked up, so someone else''s run id reveals nothing.';

revoke execute on function simulation_private.check_run_owner() from public, anon;

create trigger check_run_owner
before insert or update of user_progress_id, scene_id, persona_id on simulation.conversation_logs
for each row execute function simulation_private.check_run_owner();

create trigger check_run_owner
before insert or update of user_progress_id, scene_id on simulation.scene_progress
for each row execute function simulation_private.check_run_owner();
