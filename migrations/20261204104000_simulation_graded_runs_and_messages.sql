-- simulation: graded work stays, learners write only their own words
-- (issue 15).
-- * user_progress: a graded run can be abandoned, never deleted (its scores
--   went with it by cascade); orchestrator_data is the AI service's.
-- * scenarios.usage_count counts learners, not runs, so one account cannot
--   raise it by starting runs over.
-- * conversation_logs: learners insert only their own 'user' messages, may set
--   user_reaction, delete nothing; the rest comes from the service role.
-- * scene_progress.messages_sent / ai_responses are counted by trigger.

-- ---------------------------------------------------------------- runs

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

revoke update (orchestrator_data) on simulation.user_progress from authenticated;

alter policy "user_progress: owner can delete"
on simulation.user_progress
using (
    user_id = (select simulation_private.current_user_id())
    and total_attempts = 0
    and final_score is null
    and simulation_status <> 'completed'
);

create or replace function simulation_private.user_progress_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op = 'INSERT' then
        -- usage_count counts learners: only a user's first run of the scenario adds one.
        if not exists (
            select 1
            from simulation.user_progress as p
            where p.user_id = new.user_id
                and p.scenario_id = new.scenario_id
                and p.id <> new.id
        ) then
            update simulation.scenarios as s
            set usage_count = s.usage_count + 1
            where s.id = new.scenario_id;
        end if;
        if new.simulation_status = 'completed' then
            perform simulation_private.refresh_total_simulations(new.user_id);
        end if;
    elsif tg_op = 'UPDATE' then
        perform simulation_private.refresh_total_simulations(old.user_id);
        if new.user_id is distinct from old.user_id then
            perform simulation_private.refresh_total_simulations(new.user_id);
        end if;
    else
        -- The user's last run of the scenario takes its count back.
        if not exists (
            select 1
            from simulation.user_progress as p
            where p.user_id = old.user_id
                and p.scenario_id = old.scenario_id
        ) then
            update simulation.scenarios as s
            set usage_count = greatest(s.usage_count - 1, 0)
            where s.id = old.scenario_id;
        end if;
        if old.simulation_status = 'completed' then
            perform simulation_private.refresh_total_simulations(old.user_id);
        end if;
    end if;
    return null;
end
$$;

comment on function simulation_private.user_progress_after_change() is
'Trigger function (after insert/update/delete on user_progress): keeps scenarios.usage_count equal to the number of learners with a run of the scenario (a user''s first run adds one, deleting their last run takes it back, so restarting cannot inflate it) and users.total_simulations equal to the user''s completed runs.';

comment on column simulation.scenarios.usage_count is
'Number of learners who have run this scenario (one per user, however many runs; since 20261204104000, before that every run counted); maintained by trigger, read by everyone for public scenarios.';

-- ------------------------------------------------------ conversation_logs

revoke insert, update, delete on simulation.conversation_logs from authenticated;
grant insert (user_progress_id, user_id, scene_id, message_type, sender_name, message_content, message_order, attempt_number)
    on simulation.conversation_logs to authenticated;
grant update (user_reaction) on simulation.conversation_logs to authenticated;

alter policy "conversation_logs: owner of the run can insert"
on simulation.conversation_logs
with check (
    message_type = 'user'
    and exists (
        select 1
        from simulation.user_progress as p
        where p.id = user_progress_id
            and p.user_id = (select simulation_private.current_user_id())
    )
);

drop policy "conversation_logs: owner of the run can delete" on simulation.conversation_logs;

-- ---------------------------------------------- scene message counters

revoke update (messages_sent, ai_responses) on simulation.scene_progress from authenticated;

create function simulation_private.conversation_logs_count_messages()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update simulation.scene_progress as sp
    set messages_sent = sp.messages_sent + case when new.message_type = 'user' then 1 else 0 end,
        ai_responses = sp.ai_responses + case when new.message_type = 'ai_persona' then 1 else 0 end
    where sp.user_progress_id = new.user_progress_id
        and sp.scene_id = new.scene_id;
    return null;
end
$$;

comment on function simulation_private.conversation_logs_count_messages() is
'Trigger function (after insert of a user or ai_persona message on conversation_logs): counts it in the scene_progress row of its run and scene (messages_sent for user messages, ai_responses for AI persona replies), if that row exists. SECURITY DEFINER because learners cannot write these counters.';

revoke execute on function simulation_private.conversation_logs_count_messages() from public, anon, authenticated;

create trigger conversation_logs_count_messages
after insert on simulation.conversation_logs
for each row
when (new.message_type in ('user', 'ai_persona'))
execute function simulation_private.conversation_logs_count_messages();
