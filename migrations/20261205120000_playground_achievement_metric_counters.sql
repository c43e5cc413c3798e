-- playground: the achievement metrics without scanning a user's history
-- (issue 20: every per-user write at or under 5 ms).
-- check_and_award_achievements (and track_tool_usage, which calls it on
-- every interaction) computed user_metrics() live: at SCALE=1 the heaviest
-- user's 11,570 sessions (count, count distinct UTC day: 17.7 ms, a bitmap
-- heap scan of 7,101 pages and a sort), 4,327 creations (3.3 ms) and the
-- forks of those creations (one probe per creation: 35-90 ms) took 21-110 ms
-- of a 24-130 ms call. Now:
-- * sessions, scenario_sessions, active_days come from
--   playground_private.session_days, one row per user and UTC day of
--   session_start with sessions on that day (kept exact by row triggers on
--   ai_playground_sessions: insert, update of the counted columns, delete,
--   truncate; a day row disappears with its last session, so active_days is
--   its row count);
-- * forks_received (distinct other users who forked any of the user's
--   creations, issue 15's definition) comes from playground_private.fork_pairs,
--   one row per (owner of the parent, forker) with the number of such forks,
--   kept by triggers on ai_playground_creations;
-- * the creation counts stay live, read by an index-only scan of a covering
--   index (0.6 ms for the heaviest user).
-- Results are identical to the live aggregates (achievement_counters.test.sql
-- compares them after inserts, moves, deletes and cascades);
-- playground_private.rebuild_achievement_counters() recomputes both tables
-- after writes that skipped triggers (a load under session_replication_role
-- = replica). Nobody but the SECURITY DEFINER trigger functions writes them;
-- API roles have no access.
-- it creates tables and triggers on existing tables: fail fast rather than
-- queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '5min';

------------------------------------------------------------------ session days

create table playground_private.session_days (
    user_id uuid not null,
    activity_date date not null,
    sessions bigint not null,
    scenario_sessions bigint not null,
    constraint session_days_pkey primary key (user_id, activity_date),
    constraint session_days_sessions_check check (sessions >= 1),
    constraint session_days_scenario_sessions_check check (scenario_sessions between 0 and sessions)
);

comment on table playground_private.session_days is
'Per-user counters behind the session achievement metrics: one row per user and UTC day of session_start with at least one session (ai_playground_sessions). sessions = sum(sessions), scenario_sessions = sum(scenario_sessions), active_days = count(*). Maintained exactly by triggers on ai_playground_sessions; written only by SECURITY DEFINER trigger functions; no API access.';
comment on column playground_private.session_days.user_id is 'The user (auth.users.id). No foreign key: an account deletion cascades to the user''s sessions, whose delete trigger removes the rows (a foreign key would re-check rows the cascade is updating against the deleted user).';
comment on column playground_private.session_days.activity_date is 'The UTC day of session_start.';
comment on column playground_private.session_days.sessions is 'The user''s sessions that started on that day (at least 1).';
comment on column playground_private.session_days.scenario_sessions is 'Of which on a nonprofit profile or with activity_type nonprofit_scenario.';

revoke all on playground_private.session_days from public, anon, authenticated, service_role;

create function playground_private.add_session_day(
    p_user_id uuid,
    p_day date,
    p_sessions bigint,
    p_scenario bigint
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
    if p_sessions > 0 then
        insert into playground_private.session_days as d (user_id, activity_date, sessions, scenario_sessions)
        values (p_user_id, p_day, p_sessions, p_scenario)
        on conflict on constraint session_days_pkey do update
        set sessions = d.sessions + excluded.sessions,
            scenario_sessions = d.scenario_sessions + excluded.scenario_sessions;
    else
        -- a removal: the row's last session takes the row with it
        with changed as (
            update playground_private.session_days as d
               set sessions = d.sessions + p_sessions,
                   scenario_sessions = d.scenario_sessions + p_scenario
             where d.user_id = p_user_id
               and d.activity_date = p_day
               and d.sessions + p_sessions > 0
            returning 1
        )
        delete from playground_private.session_days as d
         where d.user_id = p_user_id
           and d.activity_date = p_day
           and d.sessions + p_sessions <= 0
           and not exists (select 1 from changed);
    end if;
end
$$;

comment on function playground_private.add_session_day(uuid, date, bigint, bigint) is
'Adds p_sessions (negative: removes) and p_scenario to the user''s session_days row for p_day; a row that reaches 0 sessions is deleted. Internal to the session triggers.';
revoke execute on function playground_private.add_session_day(uuid, date, bigint, bigint) from public, anon, authenticated, service_role;

create function playground_private.after_session_change_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_old_day date;
    v_new_day date;
    v_old_scenario bigint;
    v_new_scenario bigint;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        v_old_day := (old.session_start at time zone 'UTC')::date;
        v_old_scenario := (old.nonprofit_profile_id is not null or old.activity_type = 'nonprofit_scenario')::integer;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        v_new_day := (new.session_start at time zone 'UTC')::date;
        v_new_scenario := (new.nonprofit_profile_id is not null or new.activity_type = 'nonprofit_scenario')::integer;
    end if;
    if tg_op = 'UPDATE'
       and (old.user_id, v_old_day, v_old_scenario) is not distinct from (new.user_id, v_new_day, v_new_scenario) then
        return null;
    end if;
    if tg_op = 'UPDATE' and old.user_id = new.user_id and v_old_day = v_new_day then
        -- only the scenario flag changed: one row, no removal
        update playground_private.session_days as d
           set scenario_sessions = d.scenario_sessions - v_old_scenario + v_new_scenario
         where d.user_id = new.user_id
           and d.activity_date = v_new_day;
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform playground_private.add_session_day(old.user_id, v_old_day, -1, -v_old_scenario);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform playground_private.add_session_day(new.user_id, v_new_day, 1, v_new_scenario);
    end if;
    return null;
end
$$;

comment on function playground_private.after_session_change_days() is
'Trigger (after insert, delete, update of user_id, session_start, nonprofit_profile_id, activity_type on ai_playground_sessions): moves the session between the session_days counters of its (user, UTC day) and its scenario flag. SECURITY DEFINER: nobody else writes the counters.';
revoke execute on function playground_private.after_session_change_days() from public, anon, authenticated, service_role;

create function playground_private.after_session_truncate_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    delete from playground_private.session_days;
    return null;
end
$$;

comment on function playground_private.after_session_truncate_days() is
'Trigger (after truncate of ai_playground_sessions): empties session_days.';
revoke execute on function playground_private.after_session_truncate_days() from public, anon, authenticated, service_role;

create trigger after_session_change_days
after insert or delete or update of user_id, session_start, nonprofit_profile_id, activity_type
on playground.ai_playground_sessions
for each row execute function playground_private.after_session_change_days();

create trigger after_session_truncate_days
after truncate on playground.ai_playground_sessions
for each statement execute function playground_private.after_session_truncate_days();

------------------------------------------------------------------ fork pairs

create table playground_private.fork_pairs (
    owner_id uuid not null,
    forker_id uuid not null,
    forks bigint not null,
    constraint fork_pairs_pkey primary key (owner_id, forker_id),
    constraint fork_pairs_forks_check check (forks >= 1)
);

comment on table playground_private.fork_pairs is
'Counters behind the forks_received achievement metric: one row per (owner of a parent creation, owner of a creation whose parent_id is that creation) with the number of such forks (at least 1; self-forks, i.e. new versions, included). forks_received of a user = count(*) where owner_id = the user and forker_id <> the user. Maintained by triggers on ai_playground_creations; written only by SECURITY DEFINER trigger functions; no API access.';
comment on column playground_private.fork_pairs.owner_id is 'The owner of the parent creations (auth.users.id). No foreign keys here: an account deletion cascades to the creations, whose delete trigger removes the pairs.';
comment on column playground_private.fork_pairs.forker_id is 'The owner of the child creations (auth.users.id).';
comment on column playground_private.fork_pairs.forks is 'Child creations of forker_id whose parent belongs to owner_id (at least 1).';

revoke all on playground_private.fork_pairs from public, anon, authenticated, service_role;

create function playground_private.add_fork_pair(
    p_owner_id uuid,
    p_forker_id uuid,
    p_forks bigint
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
    if p_owner_id is null or p_forker_id is null or p_forks = 0 then
        return;
    end if;
    if p_forks > 0 then
        insert into playground_private.fork_pairs as f (owner_id, forker_id, forks)
        values (p_owner_id, p_forker_id, p_forks)
        on conflict on constraint fork_pairs_pkey do update
        set forks = f.forks + excluded.forks;
    else
        with changed as (
            update playground_private.fork_pairs as f
               set forks = f.forks + p_forks
             where f.owner_id = p_owner_id
               and f.forker_id = p_forker_id
               and f.forks + p_forks > 0
            returning 1
        )
        delete from playground_private.fork_pairs as f
         where f.owner_id = p_owner_id
           and f.forker_id = p_forker_id
           and f.forks + p_forks <= 0
           and not exists (select 1 from changed);
    end if;
end
$$;

comment on function playground_private.add_fork_pair(uuid, uuid, bigint) is
'Adds p_forks (negative: removes) to the fork_pairs row (p_owner_id, p_forker_id); a row that reaches 0 is deleted. Internal to the creation triggers.';
revoke execute on function playground_private.add_fork_pair(uuid, uuid, bigint) from public, anon, authenticated, service_role;

-- The owner of a parent is looked up when a fork is counted or uncounted.
-- Deletes are handled BEFORE the row goes, while both ends are visible: a
-- parent uncounts its remaining children, a child uncounts itself if its
-- parent is still there. Whichever of the two goes first in one statement
-- (an account deletion cascades to all of a user's creations) uncounts the
-- pair, and the other no longer sees it; the children's parent_id then set
-- to null by the foreign key finds no parent and changes nothing.
create function playground_private.before_creation_delete_forks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_owner uuid;
    v_child record;
begin
    if old.parent_id is not null then
        select c.user_id into v_owner
          from playground.ai_playground_creations c
         where c.id = old.parent_id;
        if found then
            perform playground_private.add_fork_pair(v_owner, old.user_id, -1);
        end if;
    end if;
    for v_child in
        select c.user_id, count(*) as n
          from playground.ai_playground_creations c
         where c.parent_id = old.id
         group by c.user_id
    loop
        perform playground_private.add_fork_pair(old.user_id, v_child.user_id, -v_child.n);
    end loop;
    return old;
end
$$;

comment on function playground_private.before_creation_delete_forks() is
'Trigger (before delete on ai_playground_creations): uncounts the creation as a fork of its parent (when the parent is still there) and its remaining children as forks of it, in fork_pairs.';
revoke execute on function playground_private.before_creation_delete_forks() from public, anon, authenticated, service_role;

create function playground_private.after_creation_change_forks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_owner uuid;
    v_child record;
begin
    if tg_op = 'UPDATE' then
        -- the creation as a child: leaves its old parent's owner
        if old.parent_id is not null then
            select c.user_id into v_owner
              from playground.ai_playground_creations c
             where c.id = old.parent_id;
            if found then
                perform playground_private.add_fork_pair(v_owner, old.user_id, -1);
            end if;
        end if;
        -- the creation as a parent: its children follow it to its new owner
        if old.user_id <> new.user_id then
            for v_child in
                select c.user_id, count(*) as n
                  from playground.ai_playground_creations c
                 where c.parent_id = new.id
                 group by c.user_id
            loop
                perform playground_private.add_fork_pair(old.user_id, v_child.user_id, -v_child.n);
                perform playground_private.add_fork_pair(new.user_id, v_child.user_id, v_child.n);
            end loop;
        end if;
    end if;
    -- the creation as a child: joins its (new) parent's owner
    if new.parent_id is not null then
        select c.user_id into v_owner
          from playground.ai_playground_creations c
         where c.id = new.parent_id;
        if found then
            perform playground_private.add_fork_pair(v_owner, new.user_id, 1);
        end if;
    end if;
    return null;
end
$$;

comment on function playground_private.after_creation_change_forks() is
'Trigger (after insert with a parent_id, after update of user_id or parent_id on ai_playground_creations): moves the creation''s fork_pairs count from its old (parent owner, owner) pair to the new one, and its children''s counts to its new owner. A single statement that moves both a parent to another owner and one of its children to another parent can leave that pair off by one: playground_private.rebuild_achievement_counters() repairs it (service_role only; API users cannot change a creation''s owner).';
revoke execute on function playground_private.after_creation_change_forks() from public, anon, authenticated, service_role;

create function playground_private.after_creation_truncate_forks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    delete from playground_private.fork_pairs;
    return null;
end
$$;

comment on function playground_private.after_creation_truncate_forks() is
'Trigger (after truncate of ai_playground_creations): empties fork_pairs.';
revoke execute on function playground_private.after_creation_truncate_forks() from public, anon, authenticated, service_role;

create trigger before_creation_delete_forks
before delete on playground.ai_playground_creations
for each row execute function playground_private.before_creation_delete_forks();

create trigger after_creation_insert_forks
after insert on playground.ai_playground_creations
for each row
when (new.parent_id is not null)
execute function playground_private.after_creation_change_forks();

create trigger after_creation_update_forks
after update of user_id, parent_id on playground.ai_playground_creations
for each row
when (old.user_id is distinct from new.user_id or old.parent_id is distinct from new.parent_id)
execute function playground_private.after_creation_change_forks();

create trigger after_creation_truncate_forks
after truncate on playground.ai_playground_creations
for each statement execute function playground_private.after_creation_truncate_forks();

------------------------------------------------------------------ rebuild

create function playground_private.rebuild_achievement_counters()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
    lock table playground.ai_playground_sessions, playground.ai_playground_creations in share mode;
    delete from playground_private.session_days;
    delete from playground_private.fork_pairs;

    insert into playground_private.session_days (user_id, activity_date, sessions, scenario_sessions)
    select s.user_id,
        (s.session_start at time zone 'UTC')::date,
        count(*),
        count(*) filter (where s.nonprofit_profile_id is not null or s.activity_type = 'nonprofit_scenario')
    from playground.ai_playground_sessions as s
    group by 1, 2;

    insert into playground_private.fork_pairs (owner_id, forker_id, forks)
    select p.user_id, c.user_id, count(*)
    from playground.ai_playground_creations as c
    join playground.ai_playground_creations as p on p.id = c.parent_id
    group by 1, 2;
end
$$;

comment on function playground_private.rebuild_achievement_counters() is
'Recomputes session_days and fork_pairs from all sessions and creations (share-locks both tables until the caller commits). For service_role: run it after writing sessions or creations with the triggers off, e.g. a restore or a load under session_replication_role = replica.';
revoke execute on function playground_private.rebuild_achievement_counters() from public, anon, authenticated;
grant execute on function playground_private.rebuild_achievement_counters() to service_role;

select playground_private.rebuild_achievement_counters();

------------------------------------------------------------------ creations

-- count(*) and the three filters of a user's creations, index-only. Built
-- plainly: 200,000 creations take about a second; on a bigger database build
-- it first by hand with `create index concurrently if not exists` (same
-- definition).
-- schema-tool: allow index-not-concurrent creation writes wait about a second at 200k rows; pre-build concurrently on a big database
create index if not exists idx_ai_playground_creations_user_id_metrics
    on playground.ai_playground_creations (user_id)
    include (sharing_level, is_template, quality_score);

------------------------------------------------------------------ metrics

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
        'forks_received', f.forks_received
    )
    from (
        select coalesce(sum(x.sessions), 0)::integer as sessions,
               coalesce(sum(x.scenario_sessions), 0)::integer as scenario_sessions,
               count(*)::integer as active_days
        from playground_private.session_days x
        where x.user_id = p_user_id
    ) s,
    (
        select coalesce(sum(x.uses), 0)::integer as interactions,
               coalesce(sum(x.successes), 0)::integer as successful_interactions,
               coalesce(sum(x.prompt_submissions), 0)::integer as prompt_submissions,
               coalesce(sum(x.simulations_run), 0)::integer as simulations_run,
               count(*)::integer as distinct_tools,
               -- the tools rated, not the rated interactions
               (count(*) filter (where x.rating_count > 0))::integer as ratings_given
        from playground.ai_playground_user_tool_stats x
        where x.user_id = p_user_id
    ) i,
    (
        select count(*)::integer as creations,
               (count(*) filter (where x.sharing_level = 'public'))::integer as public_creations,
               (count(*) filter (where x.is_template))::integer as templates_created,
               (count(*) filter (where x.quality_score >= 80))::integer as high_quality_creations
        from playground.ai_playground_creations x
        where x.user_id = p_user_id
    ) c,
    (
        -- distinct other users who forked any of the user's creations
        select count(*)::integer as forks_received
        from playground_private.fork_pairs x
        where x.owner_id = p_user_id
          and x.forker_id <> p_user_id
    ) f;
$$;

comment on function playground_private.user_metrics(uuid) is
'The achievement metrics of one user as a JSON object {metric: value} (see ai_playground_achievement_definitions.metric), none of them a scan of the user''s history: interaction metrics from ai_playground_user_tool_stats, session metrics from playground_private.session_days, forks_received from playground_private.fork_pairs (all kept exact by triggers), creation counts from an index-only scan (idx_ai_playground_creations_user_id_metrics). Server-owned facts only: ratings_given = tools rated, forks_received = distinct other users who forked any of the user''s creations, so repeating a write or one accomplice cannot farm them. Internal to award_achievements: not executable by API roles.';

------------------------------------------------------------------ awards

-- Same as before, except that the progress upsert skips the definitions
-- whose stored progress is already at least the metric: INSERT ... ON
-- CONFLICT DO UPDATE ... WHERE locks every conflicting row even when its
-- WHERE is false (25 row locks, each a heap write, per call and so per
-- interaction). Progress never decreases, so a row seen at or above the
-- metric needs nothing; a row seen below it (or missing) goes through the
-- upsert, which locks it and re-checks as before.
create or replace function playground_private.award_achievements(p_user_id uuid)
returns table (
    achievement_type text,
    achievement_name text,
    badge_level text,
    points integer,
    unlocked_at timestamptz
)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
    v_metrics jsonb;
begin
    perform playground_private.assert_can_act_for(p_user_id);
    if not exists (select 1 from auth.users u where u.id = p_user_id) then
        raise exception 'playground: user % does not exist', p_user_id
            using errcode = '23503';
    end if;

    v_metrics := playground_private.user_metrics(p_user_id);

    -- progress: one row per user and active definition; never decreases
    insert into playground.ai_playground_achievements as a (
        user_id,
        achievement_type,
        category,
        badge_level,
        points,
        progress_current,
        progress_target
    )
    select p_user_id,
           d.achievement_type,
           d.category,
           d.badge_level,
           d.points,
           m.value,
           d.target_value
    from playground.ai_playground_achievement_definitions d
    cross join lateral (select coalesce((v_metrics ->> d.metric)::integer, 0) as value) m
    where d.is_active
      and not exists (
          select 1
          from playground.ai_playground_achievements x
          where x.user_id = p_user_id
            and x.achievement_type = d.achievement_type
            and x.progress_current >= m.value
      )
    on conflict on constraint ai_playground_achievements_user_id_achievement_type_key
    do update set progress_current = excluded.progress_current
    where excluded.progress_current > a.progress_current;

    -- award: unlocked_at is set once; a concurrent call waits for the row
    -- lock, re-checks "unlocked_at is null" and awards nothing
    return query
    update playground.ai_playground_achievements a
       set unlocked_at = now()
      from playground.ai_playground_achievement_definitions d
     where a.user_id = p_user_id
       and a.unlocked_at is null
       and a.progress_current >= a.progress_target
       and d.achievement_type = a.achievement_type
       and d.is_active
    returning a.achievement_type, d.name, a.badge_level, a.points, a.unlocked_at;
end
$$;

comment on function playground_private.award_achievements(uuid) is
'Does the work of check_and_award_achievements: checks the caller (the user themself or service_role, 42501 otherwise), upserts the user''s progress on every active definition whose stored progress is below the metric or missing (unique (user_id, achievement_type), progress never decreases; rows already at or above it are neither written nor locked) and sets unlocked_at once on rows that reached their target, returning only the achievements unlocked by this call. SECURITY DEFINER because users cannot write achievements.';
