-- playground: per-user counters, so that a user's aggregates no longer scan
-- all of the user's interactions.
--
-- At benchmark scale the heaviest user has ~100k interactions; every helper
-- function and the per-user branch of the analytics views aggregated all of
-- them on each call (calculate_user_skill_level 157 ms, get_recommended_tools
-- 163 ms, check_and_award_achievements 233 ms and track_tool_usage, which
-- calls it, 215 ms; user_engagement 204 ms, user_funnel 113 ms, 7-day
-- daily_metrics 158 ms). Two counter tables are kept exact by triggers on
-- ai_playground_interactions and backfilled here from the existing rows:
-- - ai_playground_user_tool_stats: one row per (user, tool) used;
-- - ai_playground_user_daily_stats: one row per (user, UTC day) with
--   interactions.
-- The functions and the per-user branch of the views read them instead of
-- the interactions; results are identical (user_stats.test.sql compares
-- them with live aggregates). The whole-platform branches of the views
-- (service_role / admins) are unchanged: they read the same rows through
-- the same readers as before (pg.platform_scoped(), the platform half of
-- pg.scoped()).
--
-- Exactness: inserts add to the counters with one upsert per statement
-- (insert ... on conflict do update set x = x + excluded.x: concurrent
-- writers serialise on the counter row, nothing is lost); updates of the
-- counted columns apply the row's difference (a rating, a success flag; a
-- move to another user, tool or day leaves the old counter row and is
-- upserted into the new one); deletes (service_role, session or user
-- cascades) subtract the deleted interactions. Both lock the counter rows
-- in key order first and look first/last times up again only when a
-- changed or deleted interaction held one. An account deletion leaves the
-- counters to their own cascade; truncate empties them.
-- Counters are tamper-proof: API roles may only select (users their own
-- rows); only the SECURITY DEFINER trigger functions in playground_private
-- write them.

-- Fail fast instead of queueing the application behind a lock wait, and
-- bound every statement (lint rule timeout-missing; `set local` ends with
-- this file's transaction, under schema-tool migrate and the Supabase CLI).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

------------------------------------------------------------------------------
-- tables
------------------------------------------------------------------------------
create table playground.ai_playground_user_tool_stats (
    user_id uuid not null,
    tool_name text not null,
    uses bigint not null,
    successes bigint not null,
    prompt_submissions bigint not null,
    simulations_run bigint not null,
    timed_uses bigint not null,
    response_time_sum_ms bigint not null,
    tokens_reported bigint not null,
    tokens_sum bigint not null,
    rating_count bigint not null,
    rating_sum bigint not null,
    first_used_at timestamptz not null,
    last_used_at timestamptz not null,
    first_prompt_at timestamptz,
    updated_at timestamptz not null default now(),
    constraint ai_playground_user_tool_stats_pkey primary key (user_id, tool_name),
    constraint ai_playground_user_tool_stats_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint ai_playground_user_tool_stats_tool_name_fkey foreign key (tool_name)
        references playground.ai_playground_toolkit_items (tool_name) on update cascade on delete restrict,
    constraint ai_playground_user_tool_stats_uses_check check (uses >= 1),
    constraint ai_playground_user_tool_stats_successes_check check (successes between 0 and uses),
    constraint ai_playground_user_tool_stats_prompt_submissions_check check (prompt_submissions between 0 and uses),
    constraint ai_playground_user_tool_stats_simulations_run_check check (simulations_run between 0 and uses),
    constraint ai_playground_user_tool_stats_timed_uses_check check (timed_uses between 0 and uses),
    constraint ai_playground_user_tool_stats_response_time_sum_ms_check check (response_time_sum_ms >= 0),
    constraint ai_playground_user_tool_stats_tokens_reported_check check (tokens_reported between 0 and uses),
    constraint ai_playground_user_tool_stats_tokens_sum_check check (tokens_sum >= 0),
    constraint ai_playground_user_tool_stats_rating_count_check check (rating_count between 0 and uses),
    constraint ai_playground_user_tool_stats_rating_sum_check check (rating_sum between rating_count and 5::bigint * rating_count)
);

comment on table playground.ai_playground_user_tool_stats is
'Per-user counters: one row per user and tool the user has interactions with, summing those interactions (ai_playground_interactions). The counts are checked against each other; the times are not (last_used_at >= first_used_at, first_prompt_at set iff prompt_submissions > 0 hold at the end of every statement, but not between the row triggers of a multi-row update, which apply counts per row and look times up from the final rows). Maintained exactly by triggers on ai_playground_interactions (insert, update of the counted columns, delete, truncate); a row disappears when its last interaction does. Read by calculate_user_skill_level, get_recommended_tools, check_and_award_achievements and the per-user branch of ai_playground_user_engagement / ai_playground_user_funnel, so that they do not scan all of a heavy user''s interactions. Users may read their own rows; nobody but the triggers writes them.';
comment on column playground.ai_playground_user_tool_stats.user_id is 'The user (auth.users.id; deleted with the user).';
comment on column playground.ai_playground_user_tool_stats.tool_name is 'The tool (ai_playground_toolkit_items.tool_name; follows a rename).';
comment on column playground.ai_playground_user_tool_stats.uses is 'Interactions of the user with the tool (at least 1).';
comment on column playground.ai_playground_user_tool_stats.successes is 'Of which successful (success = true).';
comment on column playground.ai_playground_user_tool_stats.prompt_submissions is 'Of which interaction_type = prompt_submit.';
comment on column playground.ai_playground_user_tool_stats.simulations_run is 'Of which interaction_type = simulation_run.';
comment on column playground.ai_playground_user_tool_stats.timed_uses is 'Of which with a response_time_ms.';
comment on column playground.ai_playground_user_tool_stats.response_time_sum_ms is 'Sum of response_time_ms over the timed interactions (average = response_time_sum_ms / timed_uses).';
comment on column playground.ai_playground_user_tool_stats.tokens_reported is 'Of which with tokens_used.';
comment on column playground.ai_playground_user_tool_stats.tokens_sum is 'Sum of tokens_used.';
comment on column playground.ai_playground_user_tool_stats.rating_count is 'Of which rated (user_rating not null).';
comment on column playground.ai_playground_user_tool_stats.rating_sum is 'Sum of the 1-5 user ratings.';
comment on column playground.ai_playground_user_tool_stats.first_used_at is 'created_at of the first interaction.';
comment on column playground.ai_playground_user_tool_stats.last_used_at is 'created_at of the latest interaction.';
comment on column playground.ai_playground_user_tool_stats.first_prompt_at is 'created_at of the first prompt_submit interaction; null when none.';
comment on column playground.ai_playground_user_tool_stats.updated_at is 'When the trigger last changed the row.';

create index idx_ai_playground_user_tool_stats_tool_name
    on playground.ai_playground_user_tool_stats (tool_name);

create table playground.ai_playground_user_daily_stats (
    user_id uuid not null,
    activity_date date not null,
    interactions bigint not null,
    successes bigint not null,
    timed_interactions bigint not null,
    response_time_sum_ms bigint not null,
    tokens_sum bigint not null,
    tools_used text[] not null,
    updated_at timestamptz not null default now(),
    constraint ai_playground_user_daily_stats_pkey primary key (user_id, activity_date),
    constraint ai_playground_user_daily_stats_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint ai_playground_user_daily_stats_interactions_check check (interactions >= 1),
    constraint ai_playground_user_daily_stats_successes_check check (successes between 0 and interactions),
    constraint ai_playground_user_daily_stats_timed_interactions_check check (timed_interactions between 0 and interactions),
    constraint ai_playground_user_daily_stats_response_time_sum_ms_check check (response_time_sum_ms >= 0),
    constraint ai_playground_user_daily_stats_tokens_sum_check check (tokens_sum >= 0),
    constraint ai_playground_user_daily_stats_tools_used_check check (array_position(tools_used, null) is null)
);

comment on table playground.ai_playground_user_daily_stats is
'Per-user daily counters: one row per user and UTC day (of created_at) with interactions. The counts are checked against each other; tools_used only for nulls (its size can differ from the counts between the row triggers of a multi-row update). Maintained exactly by the same triggers as ai_playground_user_tool_stats. Read by get_user_recent_activity and the per-user branch of ai_playground_daily_metrics. Users may read their own rows; nobody but the triggers writes them.';
comment on column playground.ai_playground_user_daily_stats.user_id is 'The user (auth.users.id; deleted with the user).';
comment on column playground.ai_playground_user_daily_stats.activity_date is 'UTC day of the interactions'' created_at.';
comment on column playground.ai_playground_user_daily_stats.interactions is 'Interactions that day (at least 1).';
comment on column playground.ai_playground_user_daily_stats.successes is 'Of which successful; errors = interactions - successes.';
comment on column playground.ai_playground_user_daily_stats.timed_interactions is 'Of which with a response_time_ms.';
comment on column playground.ai_playground_user_daily_stats.response_time_sum_ms is 'Sum of response_time_ms that day.';
comment on column playground.ai_playground_user_daily_stats.tokens_sum is 'Sum of tokens_used that day.';
comment on column playground.ai_playground_user_daily_stats.tools_used is 'Distinct tools used that day, sorted by name (never empty at the end of a statement; not checked, see the table comment).';
comment on column playground.ai_playground_user_daily_stats.updated_at is 'When the trigger last changed the row.';

------------------------------------------------------------------------------
-- rebuild from the interactions: the backfill below, and the repair after
-- anything that wrote interactions without the triggers (a restore or bulk
-- load under session_replication_role = replica); the share lock keeps
-- writers out until the caller commits, so no interaction is missed or
-- counted twice
------------------------------------------------------------------------------
create function playground_private.rebuild_user_stats()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
    lock table playground.ai_playground_interactions in share mode;
    delete from playground.ai_playground_user_tool_stats;
    delete from playground.ai_playground_user_daily_stats;

    insert into playground.ai_playground_user_tool_stats (
        user_id,
        tool_name,
        uses,
        successes,
        prompt_submissions,
        simulations_run,
        timed_uses,
        response_time_sum_ms,
        tokens_reported,
        tokens_sum,
        rating_count,
        rating_sum,
        first_used_at,
        last_used_at,
        first_prompt_at
    )
    select i.user_id,
        i.tool_name,
        count(*),
        count(*) filter (where i.success),
        count(*) filter (where i.interaction_type = 'prompt_submit'),
        count(*) filter (where i.interaction_type = 'simulation_run'),
        count(i.response_time_ms),
        coalesce(sum(i.response_time_ms), 0),
        count(i.tokens_used),
        coalesce(sum(i.tokens_used), 0),
        count(i.user_rating),
        coalesce(sum(i.user_rating), 0),
        min(i.created_at),
        max(i.created_at),
        min(i.created_at) filter (where i.interaction_type = 'prompt_submit')
    from playground.ai_playground_interactions as i
    group by i.user_id, i.tool_name;

    insert into playground.ai_playground_user_daily_stats (
        user_id,
        activity_date,
        interactions,
        successes,
        timed_interactions,
        response_time_sum_ms,
        tokens_sum,
        tools_used
    )
    select i.user_id,
        (i.created_at at time zone 'UTC')::date,
        count(*),
        count(*) filter (where i.success),
        count(i.response_time_ms),
        coalesce(sum(i.response_time_ms), 0),
        coalesce(sum(i.tokens_used), 0),
        array_agg(distinct i.tool_name order by i.tool_name)
    from playground.ai_playground_interactions as i
    group by i.user_id, (i.created_at at time zone 'UTC')::date;
end;
$$;

comment on function playground_private.rebuild_user_stats() is
'Recomputes ai_playground_user_tool_stats and ai_playground_user_daily_stats from all interactions (share-locks the interactions until the caller commits). For service_role: run it after writing interactions with the triggers off, e.g. a restore or load under session_replication_role = replica.';

select playground_private.rebuild_user_stats();

------------------------------------------------------------------------------
-- triggers on ai_playground_interactions
------------------------------------------------------------------------------
create function playground_private.after_interaction_insert_user_stats()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    -- keys in a fixed order: concurrent multi-row inserts lock counter rows
    -- in the same order (no deadlock)
    insert into playground.ai_playground_user_tool_stats as s (
        user_id,
        tool_name,
        uses,
        successes,
        prompt_submissions,
        simulations_run,
        timed_uses,
        response_time_sum_ms,
        tokens_reported,
        tokens_sum,
        rating_count,
        rating_sum,
        first_used_at,
        last_used_at,
        first_prompt_at
    )
    select i.user_id,
        i.tool_name,
        count(*),
        count(*) filter (where i.success),
        count(*) filter (where i.interaction_type = 'prompt_submit'),
        count(*) filter (where i.interaction_type = 'simulation_run'),
        count(i.response_time_ms),
        coalesce(sum(i.response_time_ms), 0),
        count(i.tokens_used),
        coalesce(sum(i.tokens_used), 0),
        count(i.user_rating),
        coalesce(sum(i.user_rating), 0),
        min(i.created_at),
        max(i.created_at),
        min(i.created_at) filter (where i.interaction_type = 'prompt_submit')
    from new_rows as i
    group by i.user_id, i.tool_name
    order by i.user_id, i.tool_name
    on conflict on constraint ai_playground_user_tool_stats_pkey do update
    set uses = s.uses + excluded.uses,
        successes = s.successes + excluded.successes,
        prompt_submissions = s.prompt_submissions + excluded.prompt_submissions,
        simulations_run = s.simulations_run + excluded.simulations_run,
        timed_uses = s.timed_uses + excluded.timed_uses,
        response_time_sum_ms = s.response_time_sum_ms + excluded.response_time_sum_ms,
        tokens_reported = s.tokens_reported + excluded.tokens_reported,
        tokens_sum = s.tokens_sum + excluded.tokens_sum,
        rating_count = s.rating_count + excluded.rating_count,
        rating_sum = s.rating_sum + excluded.rating_sum,
        first_used_at = least(s.first_used_at, excluded.first_used_at),
        last_used_at = greatest(s.last_used_at, excluded.last_used_at),
        first_prompt_at = least(s.first_prompt_at, excluded.first_prompt_at),
        updated_at = now();

    insert into playground.ai_playground_user_daily_stats as s (
        user_id,
        activity_date,
        interactions,
        successes,
        timed_interactions,
        response_time_sum_ms,
        tokens_sum,
        tools_used
    )
    select i.user_id,
        (i.created_at at time zone 'UTC')::date,
        count(*),
        count(*) filter (where i.success),
        count(i.response_time_ms),
        coalesce(sum(i.response_time_ms), 0),
        coalesce(sum(i.tokens_used), 0),
        array_agg(distinct i.tool_name order by i.tool_name)
    from new_rows as i
    group by i.user_id, (i.created_at at time zone 'UTC')::date
    order by 1, 2
    on conflict on constraint ai_playground_user_daily_stats_pkey do update
    set interactions = s.interactions + excluded.interactions,
        successes = s.successes + excluded.successes,
        timed_interactions = s.timed_interactions + excluded.timed_interactions,
        response_time_sum_ms = s.response_time_sum_ms + excluded.response_time_sum_ms,
        tokens_sum = s.tokens_sum + excluded.tokens_sum,
        tools_used = array(
            select distinct t.tool_name
            from unnest(s.tools_used || excluded.tools_used) as t (tool_name)
            order by t.tool_name
        ),
        updated_at = now();
    return null;
end
$$;

comment on function playground_private.after_interaction_insert_user_stats() is
'Statement trigger (after insert on ai_playground_interactions, transition table new_rows): adds the new interactions to ai_playground_user_tool_stats and ai_playground_user_daily_stats with one upsert each (on conflict do update set x = x + excluded.x; concurrent writers serialise on the counter row). SECURITY DEFINER: users cannot write the counters.';

create function playground_private.after_interaction_update_user_stats()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_old_day date := (old.created_at at time zone 'UTC')::date;
    v_new_day date := (new.created_at at time zone 'UTC')::date;
    v_old_prompt boolean := old.interaction_type = 'prompt_submit';
    v_new_prompt boolean := new.interaction_type = 'prompt_submit';
begin
    -- Row trigger: in a multi-row update every row has changed before the
    -- first trigger call, so each call applies only its own row's difference
    -- (counts) and looks times and tool lists up again from the table (the
    -- final state), which keeps the result exact whatever the order.
    -- Counter rows are locked first, in key order, so that the statements
    -- below run with a snapshot that sees every committed interaction.
    perform 1
       from playground.ai_playground_user_tool_stats s
      where (s.user_id, s.tool_name) in ((old.user_id, old.tool_name), (new.user_id, new.tool_name))
      order by s.user_id, s.tool_name
        for update;
    perform 1
       from playground.ai_playground_user_daily_stats s
      where (s.user_id, s.activity_date) in ((old.user_id, v_old_day), (new.user_id, v_new_day))
      order by s.user_id, s.activity_date
        for update;

    ---------------------------------------------------------------- tools
    if new.user_id = old.user_id and new.tool_name = old.tool_name then
        update playground.ai_playground_user_tool_stats s
           set successes = s.successes + new.success::integer - old.success::integer,
               prompt_submissions = s.prompt_submissions + v_new_prompt::integer - v_old_prompt::integer,
               simulations_run = s.simulations_run
                   + (new.interaction_type = 'simulation_run')::integer
                   - (old.interaction_type = 'simulation_run')::integer,
               timed_uses = s.timed_uses
                   + (new.response_time_ms is not null)::integer - (old.response_time_ms is not null)::integer,
               response_time_sum_ms = s.response_time_sum_ms
                   + coalesce(new.response_time_ms, 0) - coalesce(old.response_time_ms, 0),
               tokens_reported = s.tokens_reported
                   + (new.tokens_used is not null)::integer - (old.tokens_used is not null)::integer,
               tokens_sum = s.tokens_sum + coalesce(new.tokens_used, 0) - coalesce(old.tokens_used, 0),
               rating_count = s.rating_count
                   + (new.user_rating is not null)::integer - (old.user_rating is not null)::integer,
               rating_sum = s.rating_sum + coalesce(new.user_rating, 0) - coalesce(old.user_rating, 0),
               first_used_at = case
                   when new.created_at = old.created_at then s.first_used_at
                   when old.created_at <= s.first_used_at then (
                       select min(i.created_at)
                         from playground.ai_playground_interactions i
                        where i.user_id = s.user_id
                          and i.tool_name = s.tool_name)
                   else least(s.first_used_at, new.created_at)
               end,
               last_used_at = case
                   when new.created_at = old.created_at then s.last_used_at
                   when old.created_at >= s.last_used_at then (
                       select max(i.created_at)
                         from playground.ai_playground_interactions i
                        where i.user_id = s.user_id
                          and i.tool_name = s.tool_name)
                   else greatest(s.last_used_at, new.created_at)
               end,
               first_prompt_at = case
                   when new.created_at = old.created_at and v_new_prompt = v_old_prompt then s.first_prompt_at
                   when v_old_prompt and old.created_at <= s.first_prompt_at then (
                       select min(i.created_at)
                         from playground.ai_playground_interactions i
                        where i.user_id = s.user_id
                          and i.tool_name = s.tool_name
                          and i.interaction_type = 'prompt_submit')
                   when v_new_prompt then least(s.first_prompt_at, new.created_at)
                   else s.first_prompt_at
               end,
               updated_at = now()
         where s.user_id = new.user_id
           and s.tool_name = new.tool_name;
    elsif new.user_id = old.user_id
        and not exists (
            select 1
            from playground.ai_playground_toolkit_items t
            where t.tool_name = old.tool_name
        ) then
        -- the tool was renamed (this update is the foreign key's cascade):
        -- the counter row follows by its own on update cascade
        null;
    else
        -- moved to another user or tool: out of the old row (deleted with
        -- its last interaction), into the new one (an upsert, like an insert)
        delete from playground.ai_playground_user_tool_stats s
         where s.user_id = old.user_id
           and s.tool_name = old.tool_name
           and s.uses <= 1;
        update playground.ai_playground_user_tool_stats s
           set uses = s.uses - 1,
               successes = s.successes - old.success::integer,
               prompt_submissions = s.prompt_submissions - v_old_prompt::integer,
               simulations_run = s.simulations_run - (old.interaction_type = 'simulation_run')::integer,
               timed_uses = s.timed_uses - (old.response_time_ms is not null)::integer,
               response_time_sum_ms = s.response_time_sum_ms - coalesce(old.response_time_ms, 0),
               tokens_reported = s.tokens_reported - (old.tokens_used is not null)::integer,
               tokens_sum = s.tokens_sum - coalesce(old.tokens_used, 0),
               rating_count = s.rating_count - (old.user_rating is not null)::integer,
               rating_sum = s.rating_sum - coalesce(old.user_rating, 0),
               first_used_at = case
                   when old.created_at <= s.first_used_at then (
                       select min(i.created_at)
                         from playground.ai_playground_interactions i
                        where i.user_id = s.user_id
                          and i.tool_name = s.tool_name)
                   else s.first_used_at
               end,
               last_used_at = case
                   when old.created_at >= s.last_used_at then (
                       select max(i.created_at)
                         from playground.ai_playground_interactions i
                        where i.user_id = s.user_id
                          and i.tool_name = s.tool_name)
                   else s.last_used_at
               end,
               first_prompt_at = case
                   when v_old_prompt and old.created_at <= s.first_prompt_at then (
                       select min(i.created_at)
                         from playground.ai_playground_interactions i
                        where i.user_id = s.user_id
                          and i.tool_name = s.tool_name
                          and i.interaction_type = 'prompt_submit')
                   else s.first_prompt_at
               end,
               updated_at = now()
         where s.user_id = old.user_id
           and s.tool_name = old.tool_name;
        insert into playground.ai_playground_user_tool_stats as s (
            user_id,
            tool_name,
            uses,
            successes,
            prompt_submissions,
            simulations_run,
            timed_uses,
            response_time_sum_ms,
            tokens_reported,
            tokens_sum,
            rating_count,
            rating_sum,
            first_used_at,
            last_used_at,
            first_prompt_at
        )
        values (
            new.user_id,
            new.tool_name,
            1,
            new.success::integer,
            v_new_prompt::integer,
            (new.interaction_type = 'simulation_run')::integer,
            (new.response_time_ms is not null)::integer,
            coalesce(new.response_time_ms, 0),
            (new.tokens_used is not null)::integer,
            coalesce(new.tokens_used, 0),
            (new.user_rating is not null)::integer,
            coalesce(new.user_rating, 0),
            new.created_at,
            new.created_at,
            case when v_new_prompt then new.created_at end
        )
        on conflict on constraint ai_playground_user_tool_stats_pkey do update
        set uses = s.uses + excluded.uses,
            successes = s.successes + excluded.successes,
            prompt_submissions = s.prompt_submissions + excluded.prompt_submissions,
            simulations_run = s.simulations_run + excluded.simulations_run,
            timed_uses = s.timed_uses + excluded.timed_uses,
            response_time_sum_ms = s.response_time_sum_ms + excluded.response_time_sum_ms,
            tokens_reported = s.tokens_reported + excluded.tokens_reported,
            tokens_sum = s.tokens_sum + excluded.tokens_sum,
            rating_count = s.rating_count + excluded.rating_count,
            rating_sum = s.rating_sum + excluded.rating_sum,
            first_used_at = least(s.first_used_at, excluded.first_used_at),
            last_used_at = greatest(s.last_used_at, excluded.last_used_at),
            first_prompt_at = least(s.first_prompt_at, excluded.first_prompt_at),
            updated_at = now();
    end if;

    ----------------------------------------------------------------- days
    if new.user_id = old.user_id and v_new_day = v_old_day then
        update playground.ai_playground_user_daily_stats s
           set successes = s.successes + new.success::integer - old.success::integer,
               timed_interactions = s.timed_interactions
                   + (new.response_time_ms is not null)::integer - (old.response_time_ms is not null)::integer,
               response_time_sum_ms = s.response_time_sum_ms
                   + coalesce(new.response_time_ms, 0) - coalesce(old.response_time_ms, 0),
               tokens_sum = s.tokens_sum + coalesce(new.tokens_used, 0) - coalesce(old.tokens_used, 0),
               tools_used = case
                   when new.tool_name = old.tool_name then s.tools_used
                   else array(
                       select distinct i.tool_name
                         from playground.ai_playground_interactions i
                        where i.user_id = s.user_id
                          and i.created_at >= s.activity_date::timestamp at time zone 'UTC'
                          and i.created_at < (s.activity_date + 1)::timestamp at time zone 'UTC'
                        order by i.tool_name)
               end,
               updated_at = now()
         where s.user_id = new.user_id
           and s.activity_date = v_new_day
           and (new.success is distinct from old.success
                or new.response_time_ms is distinct from old.response_time_ms
                or new.tokens_used is distinct from old.tokens_used
                or new.tool_name is distinct from old.tool_name);
    else
        delete from playground.ai_playground_user_daily_stats s
         where s.user_id = old.user_id
           and s.activity_date = v_old_day
           and s.interactions <= 1;
        update playground.ai_playground_user_daily_stats s
           set interactions = s.interactions - 1,
               successes = s.successes - old.success::integer,
               timed_interactions = s.timed_interactions - (old.response_time_ms is not null)::integer,
               response_time_sum_ms = s.response_time_sum_ms - coalesce(old.response_time_ms, 0),
               tokens_sum = s.tokens_sum - coalesce(old.tokens_used, 0),
               tools_used = array(
                   select distinct i.tool_name
                     from playground.ai_playground_interactions i
                    where i.user_id = s.user_id
                      and i.created_at >= s.activity_date::timestamp at time zone 'UTC'
                      and i.created_at < (s.activity_date + 1)::timestamp at time zone 'UTC'
                    order by i.tool_name),
               updated_at = now()
         where s.user_id = old.user_id
           and s.activity_date = v_old_day;
        insert into playground.ai_playground_user_daily_stats as s (
            user_id,
            activity_date,
            interactions,
            successes,
            timed_interactions,
            response_time_sum_ms,
            tokens_sum,
            tools_used
        )
        values (
            new.user_id,
            v_new_day,
            1,
            new.success::integer,
            (new.response_time_ms is not null)::integer,
            coalesce(new.response_time_ms, 0),
            coalesce(new.tokens_used, 0),
            array[new.tool_name]
        )
        on conflict on constraint ai_playground_user_daily_stats_pkey do update
        set interactions = s.interactions + excluded.interactions,
            successes = s.successes + excluded.successes,
            timed_interactions = s.timed_interactions + excluded.timed_interactions,
            response_time_sum_ms = s.response_time_sum_ms + excluded.response_time_sum_ms,
            tokens_sum = s.tokens_sum + excluded.tokens_sum,
            tools_used = array(
                select distinct t.tool_name
                from unnest(s.tools_used || excluded.tools_used) as t (tool_name)
                order by t.tool_name
            ),
            updated_at = now();
    end if;
    return null;
end
$$;

comment on function playground_private.after_interaction_update_user_stats() is
'Trigger (after update of a counted column on ai_playground_interactions, per row): locks the counter rows involved (key order) and applies the row''s difference: a rating, success flag, response time, token count or type changes the counts in place (the usual case: a user rating an interaction); a new time is folded into first/last used (looked up again from the interactions only when the row held one); a tool rename (the foreign key''s cascade) leaves the tool counters to their own cascade; a move to another user, tool or UTC day takes the interaction out of the old counter rows (deleted with their last interaction) and upserts it into the new ones, as an insert does; a day''s tool list is read again from that user-day when it may have changed. Exact for multi-row updates. SECURITY DEFINER: users cannot write the counters.';

create function playground_private.after_interaction_delete_user_stats()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    -- an account deletion: the users are gone and their counter rows go by
    -- their own foreign key cascade; nothing to subtract
    if not exists (
        select 1
          from (select distinct o.user_id from old_rows o) d
          join auth.users u on u.id = d.user_id
    ) then
        return null;
    end if;

    -- lock the counter rows the deleted interactions were counted in, in key
    -- order (no deadlock between concurrent deleters); the statements below
    -- then see every committed interaction (fresh snapshot, read committed),
    -- and a concurrent insert that has not reached its upsert yet adds
    -- itself after we commit
    perform 1
       from playground.ai_playground_user_tool_stats s
      where (s.user_id, s.tool_name) in (select o.user_id, o.tool_name from old_rows o)
      order by s.user_id, s.tool_name
        for update;
    perform 1
       from playground.ai_playground_user_daily_stats s
      where (s.user_id, s.activity_date) in (
                select o.user_id, (o.created_at at time zone 'UTC')::date from old_rows o)
      order by s.user_id, s.activity_date
        for update;

    -- tool counters: rows with nothing left go; the others lose the deleted
    -- interactions, and their first/last times are looked up again (index on
    -- (user_id, created_at)) only when a deleted interaction held one
    delete from playground.ai_playground_user_tool_stats s
     using (
            select o.user_id, o.tool_name, count(*) as uses
              from old_rows o
             group by o.user_id, o.tool_name
           ) g
     where s.user_id = g.user_id
       and s.tool_name = g.tool_name
       and s.uses <= g.uses;

    update playground.ai_playground_user_tool_stats s
       set uses = s.uses - g.uses,
           successes = s.successes - g.successes,
           prompt_submissions = s.prompt_submissions - g.prompt_submissions,
           simulations_run = s.simulations_run - g.simulations_run,
           timed_uses = s.timed_uses - g.timed_uses,
           response_time_sum_ms = s.response_time_sum_ms - g.response_time_sum_ms,
           tokens_reported = s.tokens_reported - g.tokens_reported,
           tokens_sum = s.tokens_sum - g.tokens_sum,
           rating_count = s.rating_count - g.rating_count,
           rating_sum = s.rating_sum - g.rating_sum,
           first_used_at = case
               when g.first_at <= s.first_used_at then (
                   select min(i.created_at)
                     from playground.ai_playground_interactions i
                    where i.user_id = s.user_id
                      and i.tool_name = s.tool_name)
               else s.first_used_at
           end,
           last_used_at = case
               when g.last_at >= s.last_used_at then (
                   select max(i.created_at)
                     from playground.ai_playground_interactions i
                    where i.user_id = s.user_id
                      and i.tool_name = s.tool_name)
               else s.last_used_at
           end,
           first_prompt_at = case
               when g.first_prompt_at <= s.first_prompt_at then (
                   select min(i.created_at)
                     from playground.ai_playground_interactions i
                    where i.user_id = s.user_id
                      and i.tool_name = s.tool_name
                      and i.interaction_type = 'prompt_submit')
               else s.first_prompt_at
           end,
           updated_at = now()
      from (
            select o.user_id,
                   o.tool_name,
                   count(*) as uses,
                   count(*) filter (where o.success) as successes,
                   count(*) filter (where o.interaction_type = 'prompt_submit') as prompt_submissions,
                   count(*) filter (where o.interaction_type = 'simulation_run') as simulations_run,
                   count(o.response_time_ms) as timed_uses,
                   coalesce(sum(o.response_time_ms), 0) as response_time_sum_ms,
                   count(o.tokens_used) as tokens_reported,
                   coalesce(sum(o.tokens_used), 0) as tokens_sum,
                   count(o.user_rating) as rating_count,
                   coalesce(sum(o.user_rating), 0) as rating_sum,
                   min(o.created_at) as first_at,
                   max(o.created_at) as last_at,
                   min(o.created_at) filter (where o.interaction_type = 'prompt_submit') as first_prompt_at
              from old_rows o
             group by o.user_id, o.tool_name
           ) g
     where s.user_id = g.user_id
       and s.tool_name = g.tool_name;

    -- daily counters: the same, and the day's tool list is read again (one
    -- user-day of interactions)
    delete from playground.ai_playground_user_daily_stats s
     using (
            select o.user_id, (o.created_at at time zone 'UTC')::date as activity_date, count(*) as interactions
              from old_rows o
             group by 1, 2
           ) g
     where s.user_id = g.user_id
       and s.activity_date = g.activity_date
       and s.interactions <= g.interactions;

    update playground.ai_playground_user_daily_stats s
       set interactions = s.interactions - g.interactions,
           successes = s.successes - g.successes,
           timed_interactions = s.timed_interactions - g.timed_interactions,
           response_time_sum_ms = s.response_time_sum_ms - g.response_time_sum_ms,
           tokens_sum = s.tokens_sum - g.tokens_sum,
           tools_used = array(
               select distinct i.tool_name
                 from playground.ai_playground_interactions i
                where i.user_id = s.user_id
                  and i.created_at >= s.activity_date::timestamp at time zone 'UTC'
                  and i.created_at < (s.activity_date + 1)::timestamp at time zone 'UTC'
                order by i.tool_name
           ),
           updated_at = now()
      from (
            select o.user_id,
                   (o.created_at at time zone 'UTC')::date as activity_date,
                   count(*) as interactions,
                   count(*) filter (where o.success) as successes,
                   count(o.response_time_ms) as timed_interactions,
                   coalesce(sum(o.response_time_ms), 0) as response_time_sum_ms,
                   coalesce(sum(o.tokens_used), 0) as tokens_sum
              from old_rows o
             group by 1, 2
           ) g
     where s.user_id = g.user_id
       and s.activity_date = g.activity_date;
    return null;
end
$$;

comment on function playground_private.after_interaction_delete_user_stats() is
'Statement trigger (after delete on ai_playground_interactions, transition table old_rows; also fired by the cascades from a deleted session or auth user): when every deleted interaction belonged to a deleted auth user it does nothing (their counter rows go by their own cascade); otherwise it locks the tool and daily counter rows the deleted interactions were counted in (key order), deletes those with nothing left and subtracts the deleted interactions from the others; first/last times are looked up again only when a deleted interaction held one, and the day''s tool list is read again from that user-day. SECURITY DEFINER: users cannot write the counters.';

create function playground_private.after_interaction_truncate_user_stats()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    delete from playground.ai_playground_user_tool_stats;
    delete from playground.ai_playground_user_daily_stats;
    return null;
end
$$;

comment on function playground_private.after_interaction_truncate_user_stats() is
'Trigger (after truncate of ai_playground_interactions): empties the per-user counters, which counted only interactions.';

create trigger after_interaction_insert_user_stats
after insert on playground.ai_playground_interactions
referencing new table as new_rows
for each statement execute function playground_private.after_interaction_insert_user_stats();

create trigger after_interaction_update_user_stats
after update of user_id, tool_name, interaction_type, response_time_ms, tokens_used, success, user_rating, created_at
on playground.ai_playground_interactions
for each row
when (
    old.user_id is distinct from new.user_id
    or old.tool_name is distinct from new.tool_name
    or old.interaction_type is distinct from new.interaction_type
    or old.response_time_ms is distinct from new.response_time_ms
    or old.tokens_used is distinct from new.tokens_used
    or old.success is distinct from new.success
    or old.user_rating is distinct from new.user_rating
    or old.created_at is distinct from new.created_at
)
execute function playground_private.after_interaction_update_user_stats();

create trigger after_interaction_delete_user_stats
after delete on playground.ai_playground_interactions
referencing old table as old_rows
for each statement execute function playground_private.after_interaction_delete_user_stats();

create trigger after_interaction_truncate_user_stats
after truncate on playground.ai_playground_interactions
for each statement execute function playground_private.after_interaction_truncate_user_stats();

------------------------------------------------------------------------------
-- row level security and grants: read own rows; no writes from API roles
------------------------------------------------------------------------------
alter table playground.ai_playground_user_tool_stats enable row level security;
alter table playground.ai_playground_user_daily_stats enable row level security;

create policy "owner can select"
on playground.ai_playground_user_tool_stats
for select
to authenticated
using (user_id = (select auth.uid()));

create policy "owner can select"
on playground.ai_playground_user_daily_stats
for select
to authenticated
using (user_id = (select auth.uid()));

revoke all on
    playground.ai_playground_user_tool_stats,
    playground.ai_playground_user_daily_stats
    from public, anon, authenticated, service_role;
grant select on
    playground.ai_playground_user_tool_stats,
    playground.ai_playground_user_daily_stats
    to authenticated, service_role;

revoke execute on function
    playground_private.after_interaction_insert_user_stats(),
    playground_private.after_interaction_update_user_stats(),
    playground_private.after_interaction_delete_user_stats(),
    playground_private.after_interaction_truncate_user_stats()
    from public, anon, authenticated, service_role;
revoke execute on function playground_private.rebuild_user_stats() from public, anon, authenticated;
grant execute on function playground_private.rebuild_user_stats() to service_role;

------------------------------------------------------------------------------
-- functions: same signatures and results, read the counters
------------------------------------------------------------------------------
create or replace function playground_private.user_metrics(p_user_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
    select jsonb_build_object(
        'sessions', s.sessions,
        'scenario_sessions', s.scenario_sessions,
        'active_days', s.active_days,
        'interactions', i.interactions,
        'successful_interactions', i.successful_interactions,
        'prompt_submissions', i.prompt_submissions,
        'simulations_run', i.simulations_run,
        'distinct_tools', i.distinct_tools,
        'ratings_given', i.ratings_given,
        'creations', c.creations,
        'public_creations', c.public_creations,
        'templates_created', c.templates_created,
        'high_quality_creations', c.high_quality_creations,
        'forks_received', c.forks_received
    )
    from (
        select count(*)::integer as sessions,
               (count(*) filter (where x.nonprofit_profile_id is not null
                                    or x.activity_type = 'nonprofit_scenario'))::integer as scenario_sessions,
               count(distinct (x.session_start at time zone 'UTC')::date)::integer as active_days
        from playground.ai_playground_sessions x
        where x.user_id = p_user_id
    ) s,
    (
        select coalesce(sum(x.uses), 0)::integer as interactions,
               coalesce(sum(x.successes), 0)::integer as successful_interactions,
               coalesce(sum(x.prompt_submissions), 0)::integer as prompt_submissions,
               coalesce(sum(x.simulations_run), 0)::integer as simulations_run,
               count(*)::integer as distinct_tools,
               coalesce(sum(x.rating_count), 0)::integer as ratings_given
        from playground.ai_playground_user_tool_stats x
        where x.user_id = p_user_id
    ) i,
    (
        select count(*)::integer as creations,
               (count(*) filter (where x.sharing_level = 'public'))::integer as public_creations,
               (count(*) filter (where x.is_template))::integer as templates_created,
               (count(*) filter (where x.quality_score >= 80))::integer as high_quality_creations,
               coalesce(sum(x.fork_count), 0)::integer as forks_received
        from playground.ai_playground_creations x
        where x.user_id = p_user_id
    ) c;
$$;

comment on function playground_private.user_metrics(uuid) is
'The achievement metrics of one user as a JSON object {metric: value} (see ai_playground_achievement_definitions.metric). Interaction metrics come from the per-user counters (ai_playground_user_tool_stats), not from a scan of the user''s interactions; sessions and creations are counted live. Internal to award_achievements: not executable by API roles.';

create or replace function playground.get_user_recent_activity(
    p_user_id uuid,
    p_days integer default 30
)
returns table (
    activity_date date,
    sessions_count integer,
    total_duration_seconds integer,
    interactions_count integer,
    successful_interactions integer,
    tools_used text[],
    creations_count integer,
    achievements_unlocked integer,
    points_earned integer
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
    v_since timestamptz;
    v_first_day date;
    v_second_day_start timestamptz;
begin
    perform playground_private.assert_can_act_for(p_user_id);
    if p_days is null or p_days < 1 or p_days > 365 then
        raise exception 'playground: days must be between 1 and 365 (got %)', p_days
            using errcode = '22023';
    end if;
    v_since := now() - make_interval(days => p_days);
    -- interactions: whole UTC days from the daily counters; the first,
    -- partial day (from v_since to its end) from the interactions themselves
    v_first_day := (v_since at time zone 'UTC')::date;
    v_second_day_start := (v_first_day + 1)::timestamp at time zone 'UTC';

    return query
    with s as (
        select (x.session_start at time zone 'UTC')::date as d,
               count(*)::integer as n,
               coalesce(sum(x.duration_seconds), 0)::integer as secs
        from playground.ai_playground_sessions x
        where x.user_id = p_user_id
          and x.session_start >= v_since
        group by 1
    ),
    i as (
        select x.activity_date as d,
               x.interactions::integer as n,
               x.successes::integer as ok,
               x.tools_used as tools
        from playground.ai_playground_user_daily_stats x
        where x.user_id = p_user_id
          and x.activity_date > v_first_day
        union all
        select (x.created_at at time zone 'UTC')::date,
               count(*)::integer,
               (count(*) filter (where x.success))::integer,
               array_agg(distinct x.tool_name order by x.tool_name)
        from playground.ai_playground_interactions x
        where x.user_id = p_user_id
          and x.created_at >= v_since
          and x.created_at < v_second_day_start
        group by 1
    ),
    c as (
        select (x.created_at at time zone 'UTC')::date as d,
               count(*)::integer as n
        from playground.ai_playground_creations x
        where x.user_id = p_user_id
          and x.created_at >= v_since
        group by 1
    ),
    a as (
        select (x.unlocked_at at time zone 'UTC')::date as d,
               count(*)::integer as n,
               sum(x.points)::integer as pts
        from playground.ai_playground_achievements x
        where x.user_id = p_user_id
          and x.unlocked_at >= v_since
        group by 1
    ),
    days as (
        select s.d from s
        union
        select i.d from i
        union
        select c.d from c
        union
        select a.d from a
    )
    select days.d,
           coalesce(s.n, 0),
           coalesce(s.secs, 0),
           coalesce(i.n, 0),
           coalesce(i.ok, 0),
           coalesce(i.tools, '{}'::text[]),
           coalesce(c.n, 0),
           coalesce(a.n, 0),
           coalesce(a.pts, 0)
    from days
    left join s on s.d = days.d
    left join i on i.d = days.d
    left join c on c.d = days.d
    left join a on a.d = days.d
    order by days.d desc;
end
$$;

comment on function playground.get_user_recent_activity(uuid, integer) is
'Activity summary of a user over the last p_days days (default 30, 1-365): one row per UTC day with any activity, newest first, with sessions started and their total duration, interactions (successful ones and the tools used), creations made and achievements unlocked with their points. Interactions of whole days come from the per-user daily counters (ai_playground_user_daily_stats), those of the first, partial day from the interactions. A signed-in user may only ask about themself (42501 otherwise); service_role for anyone. 22023 for days out of range.';

create or replace function playground.calculate_user_skill_level(p_user_id uuid)
returns table (
    skill_category text,
    skill_level text,
    skill_score integer,
    interactions_count integer,
    success_rate numeric,
    tools_used integer,
    tools_available integer,
    creations_count integer
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
begin
    perform playground_private.assert_can_act_for(p_user_id);

    return query
    with tools as (
        select t.tool_name, t.category
        from playground.ai_playground_toolkit_items t
        where t.is_active
    ),
    usage as (
        select t.category,
               sum(u.uses)::integer as n,
               sum(u.successes)::integer as ok,
               count(*)::integer as used
        from playground.ai_playground_user_tool_stats u
        join tools t on t.tool_name = u.tool_name
        where u.user_id = p_user_id
        group by t.category
    ),
    made as (
        select t.category,
               count(*)::integer as n
        from playground.ai_playground_creations c
        join tools t on t.tool_name = c.tool_name
        where c.user_id = p_user_id
        group by t.category
    ),
    per_category as (
        select t.category,
               coalesce(u.n, 0) as n,
               coalesce(u.ok, 0) as ok,
               coalesce(u.used, 0) as used,
               count(*)::integer as available,
               coalesce(m.n, 0) as made
        from tools t
        left join usage u on u.category = t.category
        left join made m on m.category = t.category
        group by t.category, u.n, u.ok, u.used, m.n
    ),
    with_overall as (
        select pc.category, pc.n, pc.ok, pc.used, pc.available, pc.made, 1 as ord
        from per_category pc
        union all
        select 'overall', sum(pc.n)::integer, sum(pc.ok)::integer, sum(pc.used)::integer,
               sum(pc.available)::integer, sum(pc.made)::integer, 2
        from per_category pc
    ),
    scored as (
        select w.*,
               least(100, round(
                   least(w.n, 100) * 0.5
                   + case when w.n > 0 then w.ok::numeric / w.n * 30 * least(w.n, 20) / 20 else 0 end
                   + case when w.available > 0 then w.used::numeric / w.available * 10 else 0 end
                   + least(w.made, 5) * 2
               ))::integer as score
        from with_overall w
    )
    select sc.category,
           case
               when sc.score >= 75 then 'expert'
               when sc.score >= 50 then 'advanced'
               when sc.score >= 25 then 'intermediate'
               else 'beginner'
           end,
           sc.score,
           sc.n,
           case when sc.n > 0 then round(sc.ok::numeric / sc.n, 4) else null end,
           sc.used,
           sc.available,
           sc.made
    from scored sc
    order by sc.ord, sc.category;
end
$$;

comment on function playground.calculate_user_skill_level(uuid) is
'Skill progression of a user per toolkit category (active tools), plus an ''overall'' row last. skill_score 0-100 = volume (0.5 per interaction, max 50) + quality (success rate x 30, scaled down below 20 interactions: x n/20) + breadth (share of the category''s tools used x 10) + creation (2 per creation made with the category''s tools, max 10). skill_level: beginner < 25 <= intermediate < 50 <= advanced < 75 <= expert. success_rate is 0-1, null without interactions. Interaction figures come from the per-user counters (ai_playground_user_tool_stats). A signed-in user may only ask about themself (42501 otherwise); service_role for anyone.';

create or replace function playground.get_recommended_tools(
    p_user_id uuid,
    p_limit integer default 5
)
returns table (
    tool_name text,
    display_name text,
    category text,
    difficulty_level text,
    recommendation_score numeric,
    reason text
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
begin
    perform playground_private.assert_can_act_for(p_user_id);
    if p_limit is null or p_limit < 1 or p_limit > 50 then
        raise exception 'playground: limit must be between 1 and 50 (got %)', p_limit
            using errcode = '22023';
    end if;

    return query
    with skills as (
        select k.skill_category,
               k.skill_score,
               case k.skill_level
                   when 'beginner' then 1
                   when 'intermediate' then 2
                   when 'advanced' then 3
                   else 4
               end as level_rank
        from playground.calculate_user_skill_level(p_user_id) k
    ),
    used as (
        select u.tool_name, u.uses::integer as n
        from playground.ai_playground_user_tool_stats u
        where u.user_id = p_user_id
    ),
    scored as (
        select t.tool_name,
               t.display_name,
               t.category,
               t.difficulty_level,
               t.sort_order,
               u.n is null as untried,
               (case when u.n is null then 40 else 0 end
                + (100 - coalesce(k.skill_score, 0)) * 0.3
                + case
                      when (case t.difficulty_level
                                when 'beginner' then 1
                                when 'intermediate' then 2
                                when 'advanced' then 3
                                else 4
                            end) - coalesce(k.level_rank, 1) in (0, 1) then 20
                      when (case t.difficulty_level
                                when 'beginner' then 1
                                when 'intermediate' then 2
                                when 'advanced' then 3
                                else 4
                            end) - coalesce(k.level_rank, 1) < 0 then 5
                      else -10
                  end
                + least(t.usage_count, 1000) / 100.0
                + coalesce(t.average_rating, 3) * 2
                - case when t.is_beta and coalesce(k.level_rank, 1) < 3 then 5 else 0 end
               )::numeric(7, 2) as score
        from playground.ai_playground_toolkit_items t
        left join skills k on k.skill_category = t.category
        left join used u on u.tool_name = t.tool_name
        where t.is_active
    )
    select sc.tool_name,
           sc.display_name,
           sc.category,
           sc.difficulty_level,
           sc.score,
           case
               when sc.untried then format('New to you: grows your %s skills', replace(sc.category, '_', ' '))
               else format('You already use it: keep building your %s skills', replace(sc.category, '_', ' '))
           end
    from scored sc
    order by sc.score desc, sc.sort_order, sc.tool_name
    limit p_limit;
end
$$;

comment on function playground.get_recommended_tools(uuid, integer) is
'Up to p_limit (default 5, 1-50) active tools recommended to the user, best first. Score = 40 if never used + 0.3 x (100 - the user''s skill score in the tool''s category) + 20 when the tool''s difficulty is at or one above the user''s level in that category (5 below it, -10 further above) + popularity (usage_count / 100, max 10) + 2 x average rating (3 when unrated) - 5 for beta tools below the advanced level. Premium tools are not filtered (the playground has no subscription data). Uses only playground data: the learning module''s profile is not read, so the playground has no dependency on it. The tools the user has used come from the per-user counters (ai_playground_user_tool_stats). A signed-in user may only ask for themself (42501 otherwise); service_role for anyone.';

------------------------------------------------------------------------------
-- views: the per-user branch of the interaction figures reads the counters;
-- the platform branch (service_role / admins) reads the same rows as before
------------------------------------------------------------------------------
create or replace view playground.ai_playground_user_engagement
with (security_invoker = true)
as
select
    u.user_id,
    coalesce(s.total_sessions, 0) as total_sessions,
    coalesce(s.total_session_seconds, 0) as total_session_seconds,
    s.avg_session_seconds,
    s.first_session_at,
    s.last_session_at,
    coalesce(s.active_days, 0) as active_days,
    coalesce(i.total_interactions, 0) as total_interactions,
    coalesce(i.successful_interactions, 0) as successful_interactions,
    case when i.total_interactions > 0
            then round(i.successful_interactions::numeric / i.total_interactions, 4)
    end as success_rate,
    coalesce(i.distinct_tools_used, 0) as distinct_tools_used,
    i.most_used_tool,
    i.avg_response_time_ms,
    i.last_interaction_at,
    coalesce(c.total_creations, 0) as total_creations,
    coalesce(c.public_creations, 0) as public_creations,
    coalesce(c.templates_created, 0) as templates_created,
    coalesce(a.achievements_unlocked, 0) as achievements_unlocked,
    coalesce(a.achievement_points, 0) as achievement_points,
    coalesce(a.achievements_in_progress, 0) as achievements_in_progress
from (
    select x.user_id from (
        select *
        from playground.ai_playground_sessions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    union
    select x.user_id from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
) u
left join (
    select x.user_id,
           count(*)::integer as total_sessions,
           coalesce(sum(x.duration_seconds), 0)::bigint as total_session_seconds,
           round(avg(x.duration_seconds))::integer as avg_session_seconds,
           min(x.session_start) as first_session_at,
            max(x.session_start) as last_session_at,
            count(distinct cast(x.session_start at time zone 'UTC' as date))::integer as active_days
    from (
        select *
        from playground.ai_playground_sessions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    group by x.user_id
) s on s.user_id = u.user_id
left join (
    select x.user_id,
            count(*)::integer as total_interactions,
           (count(*) filter (where x.success))::integer as successful_interactions,
           count(distinct x.tool_name)::integer as distinct_tools_used,
           mode() within group (order by x.tool_name) as most_used_tool,
           round(avg(x.response_time_ms))::integer as avg_response_time_ms,
            max(x.created_at) as last_interaction_at
    from (
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) x
    group by x.user_id
    union all
    select x.user_id,
            sum(x.uses)::integer,
            sum(x.successes)::integer,
            count(*)::integer,
           -- mode(): the most used tool, ties to the first by name
           (array_agg(x.tool_name order by x.uses desc, x.tool_name))[1],
           round(sum(x.response_time_sum_ms)::numeric / nullif(sum(x.timed_uses), 0))::integer,
           max(x.last_used_at)
    from playground.ai_playground_user_tool_stats x
    where x.user_id = (select auth.uid())
      and not (select playground_private.is_platform_viewer())
    group by x.user_id
) i on i.user_id = u.user_id
left join (
    select x.user_id,
            count(*)::integer as total_creations,
            (count(*) filter (where x.sharing_level = 'public'))::integer as public_creations,
           (count(*) filter (where x.is_template))::integer as templates_created
    from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
    group by x.user_id
) c on c.user_id = u.user_id
left join (
    select x.user_id,
            (count(*) filter (where x.unlocked_at is not null))::integer as achievements_unlocked,
            coalesce(sum(x.points) filter (where x.unlocked_at is not null), 0)::integer as achievement_points,
            (count(*) filter (where x.unlocked_at is null and x.progress_current > 0))::integer as achievements_in_progress
    from (
        select *
        from playground.ai_playground_achievements
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_achievements
        where (select playground_private.is_platform_viewer())
    ) x
    group by x.user_id
) a on a.user_id = u.user_id;

comment on view playground.ai_playground_user_engagement is
'One row per user with playground activity (a session or a creation): sessions and time spent, active days, interactions and success rate, tools used (count and most used), creations, achievements and points. security_invoker: a signed-in user gets their own row; service_role / admins (app_metadata.role = admin) get every user. A user''s interaction figures come from the per-user counters (ai_playground_user_tool_stats; heaviest benchmark user, ~100k interactions: 204 ms before, see 20261123191100); the platform figures aggregate the interactions. Not materialized (a materialized view cannot carry RLS and would show everyone''s figures to every user). Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): a user''s row 1.4 ms (index on user_id; it was 19 ms with a plain OR scope, a full scan), all users for an admin 322 ms / service_role 251 ms. Whole-platform dashboards read the rollup table ai_playground_platform_user_engagement (20261123191000), refreshed every 15 minutes.';

create or replace view playground.ai_playground_daily_metrics
with (security_invoker = true)
as
select
    e.activity_date,
    count(distinct e.user_id) filter (where e.source in ('session', 'interaction')) as active_users,
    count(*) filter (where e.source = 'session') as sessions,
    round(avg(e.measure) filter (where e.source = 'session'))::integer as avg_session_seconds,
    count(*) filter (where e.source = 'interaction') as interactions,
    count(*) filter (where e.source = 'interaction' and not e.ok) as errors,
    round(avg(e.measure) filter (where e.source = 'interaction'))::integer as avg_response_time_ms,
    coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0) as tokens_used,
    count(*) filter (where e.source = 'creation') as new_creations,
    count(*) filter (where e.source = 'achievement') as achievements_unlocked
from (
    select 'session'::text as source,
            (x.session_start at time zone 'UTC')::date as activity_date,
            x.user_id,
            x.duration_seconds as measure,
            null::boolean as ok,
            null::integer as tokens
    from (
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    union all
    select 'interaction',
            (x.created_at at time zone 'UTC')::date,
            x.user_id,
            x.response_time_ms,
            x.success,
            x.tokens_used
    from (
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) x
    union all
    select 'creation',
            (x.created_at at time zone 'UTC')::date,
            x.user_id,
            null,
            null,
            null
    from (
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
    union all
    select 'achievement',
            (x.unlocked_at at time zone 'UTC')::date,
            x.user_id,
            null,
            null,
            null
    from (
        select *
        from playground.ai_playground_achievements
        where (select playground_private.is_platform_viewer())
    ) x
    where x.unlocked_at is not null
) e
group by e.activity_date
union all
-- a signed-in user's own days: interactions from the daily counters
select
    e.activity_date,
    count(distinct e.user_id) filter (where e.source in ('session', 'interaction')),
    count(*) filter (where e.source = 'session'),
    round(avg(e.measure) filter (where e.source = 'session'))::integer,
    coalesce(sum(e.n) filter (where e.source = 'interaction'), 0)::bigint,
    coalesce(sum(e.n - e.ok_n) filter (where e.source = 'interaction'), 0)::bigint,
    round(sum(e.measure_sum) filter (where e.source = 'interaction')::numeric
          / nullif(sum(e.measure_n) filter (where e.source = 'interaction'), 0))::integer,
    coalesce(sum(e.tokens) filter (where e.source = 'interaction'), 0)::bigint,
    count(*) filter (where e.source = 'creation'),
    count(*) filter (where e.source = 'achievement')
from (
    select 'session'::text as source,
            (x.session_start at time zone 'UTC')::date as activity_date,
            x.user_id,
            x.duration_seconds as measure,
            null::bigint as n,
            null::bigint as ok_n,
            null::bigint as measure_sum,
            null::bigint as measure_n,
            null::bigint as tokens
    from playground.ai_playground_sessions x
    where x.user_id = (select auth.uid())
      and not (select playground_private.is_platform_viewer())
    union all
    select 'interaction',
            x.activity_date,
            x.user_id,
            null,
            x.interactions,
            x.successes,
            x.response_time_sum_ms,
            x.timed_interactions,
            x.tokens_sum
    from playground.ai_playground_user_daily_stats x
    where x.user_id = (select auth.uid())
      and not (select playground_private.is_platform_viewer())
    union all
    select 'creation',
            (x.created_at at time zone 'UTC')::date,
            x.user_id,
            null,
            null,
            null,
            null,
            null,
            null
    from playground.ai_playground_creations x
    where x.user_id = (select auth.uid())
      and not (select playground_private.is_platform_viewer())
    union all
    select 'achievement',
            (x.unlocked_at at time zone 'UTC')::date,
            x.user_id,
            null,
            null,
            null,
            null,
            null,
            null
    from playground.ai_playground_achievements x
    where x.user_id = (select auth.uid())
      and not (select playground_private.is_platform_viewer())
      and x.unlocked_at is not null
) e
group by e.activity_date;

comment on view playground.ai_playground_daily_metrics is
'One row per UTC day with activity: active users (with a session or an interaction that day), sessions started and their average duration, interactions, errors, average response time, tokens, new creations and achievements unlocked. security_invoker: a signed-in user sees their own daily figures (interactions from the per-user daily counters ai_playground_user_daily_stats, since 20261123191100: the heaviest benchmark user''s 7-day query took 158 ms scanning ~100k interactions, because the UTC-day filter is not leakproof and cannot use an index under RLS); service_role / admins the whole platform (a separate branch over every row). Not materialized: a materialized copy could not be row-secured, and a filter on activity_date (the seed''s 7-day query) is pushed into every branch. Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): seed 7-day query: a user 0.7 ms (user_id indexes); service_role 34 ms (expression indexes on the UTC day of session_start / created_at / unlocked_at); an admin 80 ms (under RLS those indexes cannot be used because timezone() is not leakproof, so it scans); all days 264-344 ms. Whole-platform dashboards read the rollup table ai_playground_platform_daily_metrics (20261123191000), refreshed every 15 minutes.';

create or replace view playground.ai_playground_user_funnel
with (security_invoker = true)
as
select
    s.user_id,
    s.first_session_at,
    i.first_interaction_at,
    i.first_prompt_at,
    c.first_creation_at,
    c.first_public_creation_at,
    a.first_achievement_at,
    s.total_sessions,
    s.active_days,
    s.last_session_at,
    s.returned_within_7_days,
    s.active_after_30_days,
    case
        when s.active_after_30_days then 'retained'
        when c.first_public_creation_at is not null then 'shared_creation'
        when c.first_creation_at is not null then 'created'
        when i.first_prompt_at is not null then 'prompted'
        when i.first_interaction_at is not null then 'interacted'
        else 'visited'
    end as funnel_stage
from (
    select x.user_id,
            min(x.session_start) as first_session_at,
            max(x.session_start) as last_session_at,
            count(*)::integer as total_sessions,
            count(distinct cast(x.session_start at time zone 'UTC' as date))::integer as active_days,
            bool_or(x.session_start >= f.first_at + interval '1 day'
                    and x.session_start < f.first_at + interval '8 days') as returned_within_7_days,
            bool_or(x.session_start >= f.first_at + interval '30 days') as active_after_30_days
    from (
        select *
        from playground.ai_playground_sessions
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_sessions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_sessions()
        where (select playground_private.is_admin())
    ) x
    join (
        select y.user_id, min(y.session_start) as first_at
        from (
            select *
            from playground.ai_playground_sessions
            where user_id = (select auth.uid())
              and not (select playground_private.is_platform_viewer())
            union all
            select *
            from playground.ai_playground_sessions
            where (select playground_private.is_platform_viewer())
              and not (select playground_private.is_admin())
            union all
            select *
            from playground_private.platform_sessions()
            where (select playground_private.is_admin())
        ) y
        group by y.user_id
    ) f on f.user_id = x.user_id
    group by x.user_id
) s
left join (
    select x.user_id,
           min(x.created_at) as first_interaction_at,
           min(x.created_at) filter (where x.interaction_type = 'prompt_submit') as first_prompt_at
    from (
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) x
    group by x.user_id
    union all
    select x.user_id,
           min(x.first_used_at),
           min(x.first_prompt_at)
    from playground.ai_playground_user_tool_stats x
    where x.user_id = (select auth.uid())
      and not (select playground_private.is_platform_viewer())
    group by x.user_id
) i on i.user_id = s.user_id
left join (
    select x.user_id,
           min(x.created_at) as first_creation_at,
           min(x.created_at) filter (where x.sharing_level = 'public') as first_public_creation_at
    from (
        select *
        from playground.ai_playground_creations
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_creations
        where (select playground_private.is_platform_viewer())
    ) x
    group by x.user_id
) c on c.user_id = s.user_id
left join (
    select x.user_id,
           min(x.unlocked_at) as first_achievement_at
    from (
        select *
        from playground.ai_playground_achievements
        where user_id = (select auth.uid())
          and not (select playground_private.is_platform_viewer())
        union all
        select *
        from playground.ai_playground_achievements
        where (select playground_private.is_platform_viewer())
    ) x
    where x.unlocked_at is not null
    group by x.user_id
) a on a.user_id = s.user_id;

comment on view playground.ai_playground_user_funnel is
'User journey, one row per user who started a session: first session, first interaction, first prompt submission (interaction_type prompt_submit), first creation, first public creation, first achievement, retention (came back on days 1-7 after the first session; active 30+ days after it) and the furthest funnel_stage reached (visited < interacted < prompted < created < shared_creation < retained). The funnel starts at the first session: sign-up time lives in auth.users, which API roles cannot read. Count users per stage with group by funnel_stage. security_invoker: a user sees their own journey (first interaction and first prompt from the per-user counters ai_playground_user_tool_stats, since 20261123191100); service_role / admins every user. Not materialized. Measured on PostgreSQL 18 with 200 users, 2,000 sessions, 50,000 interactions, 1,000 creations, 5,000 achievement rows (best of 7, execution time): a user 1.0 ms (user_id indexes), every user for an admin 122 ms / service_role 104 ms.';

create or replace view playground.ai_playground_tool_analytics
with (security_invoker = true)
as
select
    t.tool_name,
    t.display_name,
    t.category,
    t.is_active,
    t.is_beta,
    t.is_premium,
    coalesce(agg.total_uses, 0) as total_uses,
    coalesce(agg.unique_users, 0) as unique_users,
    coalesce(agg.successful_uses, 0) as successful_uses,
    coalesce(agg.error_count, 0) as error_count,
    case when agg.total_uses > 0
            then round(agg.successful_uses::numeric / agg.total_uses, 4)
    end as success_rate,
    agg.avg_response_time_ms,
    agg.avg_tokens_used,
    agg.avg_user_rating,
    coalesce(agg.rating_count, 0) as rating_count,
    agg.first_used_at,
    agg.last_used_at
from playground.ai_playground_toolkit_items t
left join lateral (
    -- platform viewers: every interaction with the tool (no row when none,
    -- so that the caller's branch below is the only row for a user)
    select count(*)::integer as total_uses,
            count(distinct i.user_id)::integer as unique_users,
            (count(*) filter (where i.success))::integer as successful_uses,
            (count(*) filter (where not i.success))::integer as error_count,
            round(avg(i.response_time_ms))::integer as avg_response_time_ms,
            round(avg(i.tokens_used))::integer as avg_tokens_used,
            round(avg(i.user_rating), 2) as avg_user_rating,
            count(i.user_rating)::integer as rating_count,
            min(i.created_at) as first_used_at,
            max(i.created_at) as last_used_at
    from (
        select *
        from playground.ai_playground_interactions
        where (select playground_private.is_platform_viewer())
          and not (select playground_private.is_admin())
        union all
        select *
        from playground_private.platform_interactions()
        where (select playground_private.is_admin())
    ) i
    where i.tool_name = t.tool_name
    having count(*) > 0
    union all
    -- a signed-in user: their counters for the tool (success is not null,
    -- so errors = uses - successes)
    select s.uses::integer,
            1,
            s.successes::integer,
            (s.uses - s.successes)::integer,
            round(s.response_time_sum_ms::numeric / nullif(s.timed_uses, 0))::integer,
            round(s.tokens_sum::numeric / nullif(s.tokens_reported, 0))::integer,
            round(s.rating_sum::numeric / nullif(s.rating_count, 0), 2),
            s.rating_count::integer,
            s.first_used_at,
            s.last_used_at
    from playground.ai_playground_user_tool_stats s
    where s.tool_name = t.tool_name
        and s.user_id = (select auth.uid())
      and not (select playground_private.is_platform_viewer())
) agg on true;

comment on view playground.ai_playground_tool_analytics is
'One row per toolkit item visible to the caller with its usage: uses, unique users, successes and errors, success rate, average response time and tokens, user ratings, first/last use. security_invoker: a signed-in user sees the figures of their own interactions per tool, read from the per-user counters (ai_playground_user_tool_stats; heaviest benchmark user, ~100k interactions: 128 ms before, see 20261123191100); service_role / admins see the whole platform (and inactive tools), aggregated live from the interactions. Not materialized (a materialized view cannot carry RLS): for whole-platform dashboards read the rollup table ai_playground_platform_tool_analytics (20261123191000), refreshed every 15 minutes.';

-- The owner-only select policy compares user_id with an initplan, unknown
-- when planning, so the planner took a user's rows for a few hundred and
-- intersected (BitmapAnd) one session's rows with every row of the user: a
-- session's interactions took 6 ms for the heaviest user (~100k
-- interactions) against 0.25 ms through the session key alone. 20261123110000
-- left interactions.user_id without the n_distinct override of sessions
-- because it slowed the generic plans of the invoker functions; those read
-- the counters above now, and at benchmark scale the override changes no
-- other per-user plan but this one (BENCHMARKS.md). The analyze of the one
-- column (a sample of 30k rows) makes it take effect now.
alter table playground.ai_playground_interactions
    alter column user_id set (n_distinct = 100);
analyze playground.ai_playground_interactions (user_id);
