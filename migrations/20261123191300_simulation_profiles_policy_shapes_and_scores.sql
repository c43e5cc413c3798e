-- simulation: public profiles that use indexes, policy shapes without
-- per-query subplans, and tamper-proof scores.
--
-- 1. public_profiles read a SECURITY DEFINER function that returned every
--    public profile (not inlinable: 20-26 ms per call at 100k users, also for
--    one username). An invoker view over simulation.users itself cannot work:
--    members keep reading their own full row (email included) from users, and
--    column privileges cannot tell a member's own row from someone else's, so
--    a policy opening public rows to authenticated would expose every public
--    profile's email. The public columns of public, active profiles now live
--    in simulation_private.profile_directory, kept in step by a trigger on
--    users; the view (still security_invoker, same columns) reads it and its
--    indexes (username lookups, top-N by reputation).
-- 2. scene_progress carries its run's user_id, like conversation_logs (filled
--    by trigger, kept equal to the run's user by a composite foreign key
--    added in 20261123191400): the policy is a column test instead of an
--    EXISTS over all of the learner's runs. scenario_reviews carries
--    scenario_is_public (filled by trigger, kept equal to the scenario's
--    is_public by a composite foreign key ON UPDATE CASCADE added in
--    20261123191400): the public-read policies stop enumerating every public
--    scenario per query.
-- 3. Scores are computed, not written: the AI service (service_role) submits
--    the assessed score through submit_scene_attempt, which derives status,
--    completion and final_score. Learners keep starting runs and using hints
--    (through SECURITY DEFINER helpers that check the caller) and may write
--    only columns that are no score: run orchestrator state and activity,
--    scene time and message counts.

-- Fail fast instead of queueing the application behind a lock wait, and
-- bound every statement (lint rule timeout-missing; `set local` ends with
-- this file's transaction, under schema-tool migrate and the Supabase CLI).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- ---------------------------------------------------------------------------
-- 1. profile_directory behind public_profiles
-- ---------------------------------------------------------------------------

create table simulation_private.profile_directory (
    id bigint not null,
    username text not null,
    full_name text,
    bio text,
    avatar_url text,
    role simulation.user_role not null,
    published_scenarios integer not null,
    total_simulations integer not null,
    reputation_score double precision not null,
    allow_contact boolean not null,
    is_verified boolean not null,
    created_at timestamptz not null,
    constraint profile_directory_pkey primary key (id),
    constraint profile_directory_id_fkey foreign key (id)
        references simulation.users (id) on delete cascade
);

create index idx_profile_directory_username on simulation_private.profile_directory (username);
create index idx_profile_directory_reputation_score on simulation_private.profile_directory (reputation_score desc, id);

comment on table simulation_private.profile_directory is
'Public columns (no email, no auth id) of every public, active profile: one row per simulation.users row with profile_public and is_active, written only by the trigger users_sync_profile_directory (a copy, never edited directly). Read through the view simulation.public_profiles; a separate table because members read their own full users row (email included) and column privileges cannot hide other people''s emails on the same table.';
comment on column simulation_private.profile_directory.id is 'Profile id (simulation.users.id); the row goes when the profile is deleted.';
comment on column simulation_private.profile_directory.username is 'Copy of users.username.';
comment on column simulation_private.profile_directory.full_name is 'Copy of users.full_name.';
comment on column simulation_private.profile_directory.bio is 'Copy of users.bio.';
comment on column simulation_private.profile_directory.avatar_url is 'Copy of users.avatar_url.';
comment on column simulation_private.profile_directory.role is 'Copy of users.role.';
comment on column simulation_private.profile_directory.published_scenarios is 'Copy of users.published_scenarios.';
comment on column simulation_private.profile_directory.total_simulations is 'Copy of users.total_simulations.';
comment on column simulation_private.profile_directory.reputation_score is 'Copy of users.reputation_score.';
comment on column simulation_private.profile_directory.allow_contact is 'Copy of users.allow_contact.';
comment on column simulation_private.profile_directory.is_verified is 'Copy of users.is_verified.';
comment on column simulation_private.profile_directory.created_at is 'Copy of users.created_at (member since).';
comment on index simulation_private.idx_profile_directory_username is 'public_profiles where username = ... (exact match, as the seed''s username lookups).';
comment on index simulation_private.idx_profile_directory_reputation_score is 'public_profiles ordered by reputation (top-N).';

alter table simulation_private.profile_directory enable row level security;

create policy "profile_directory: anyone can select"
on simulation_private.profile_directory
for select
to anon, authenticated
using (true);

grant select on simulation_private.profile_directory to anon, authenticated;
grant all on simulation_private.profile_directory to service_role;

create function simulation_private.users_sync_profile_directory()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if new.profile_public and new.is_active then
        insert into simulation_private.profile_directory (
            id, username, full_name, bio, avatar_url, role, published_scenarios,
            total_simulations, reputation_score, allow_contact, is_verified, created_at
        )
        values (
            new.id, new.username, new.full_name, new.bio, new.avatar_url, new.role, new.published_scenarios,
            new.total_simulations, new.reputation_score, new.allow_contact, new.is_verified, new.created_at
        )
        on conflict (id) do update
        set username = excluded.username,
            full_name = excluded.full_name,
            bio = excluded.bio,
            avatar_url = excluded.avatar_url,
            role = excluded.role,
            published_scenarios = excluded.published_scenarios,
            total_simulations = excluded.total_simulations,
            reputation_score = excluded.reputation_score,
            allow_contact = excluded.allow_contact,
            is_verified = excluded.is_verified,
            created_at = excluded.created_at;
    elsif tg_op = 'UPDATE' then
        delete from simulation_private.profile_directory as d
        where d.id = new.id;
    end if;
    return null;
end
$$;

comment on function simulation_private.users_sync_profile_directory() is
'Trigger function (after insert/update on users): copies the public columns of a public, active profile into profile_directory, and removes the copy when the profile turns private or inactive (deleting the profile removes it by cascade). SECURITY DEFINER because members cannot write the directory.';

revoke execute on function simulation_private.users_sync_profile_directory() from public, anon, authenticated;

create trigger users_sync_profile_directory
after insert or update on simulation.users
for each row execute function simulation_private.users_sync_profile_directory();

-- ALWAYS, like conversation_logs_fill_user_id: loads and restores under
-- session_replication_role = replica fill the directory too (the upsert makes
-- a replayed row harmless).
alter table simulation.users enable always trigger users_sync_profile_directory;

insert into simulation_private.profile_directory (
    id, username, full_name, bio, avatar_url, role, published_scenarios,
    total_simulations, reputation_score, allow_contact, is_verified, created_at
)
select
    u.id,
    u.username,
    u.full_name,
    u.bio,
    u.avatar_url,
    u.role,
    u.published_scenarios,
    u.total_simulations,
    u.reputation_score,
    u.allow_contact,
    u.is_verified,
    u.created_at
from simulation.users as u
where u.profile_public
    and u.is_active;

create or replace view simulation.public_profiles
with (security_invoker = true)
as
select
    d.id,
    d.username,
    d.full_name,
    d.bio,
    d.avatar_url,
    d.role,
    d.published_scenarios,
    d.total_simulations,
    d.reputation_score,
    d.allow_contact,
    d.is_verified,
    d.created_at
from simulation_private.profile_directory as d;

comment on view simulation.public_profiles is
'Community view of profiles (creators, reviewers): every active profile with profile_public, without email or auth id; readable by everyone, anon included. Reads simulation_private.profile_directory (the trigger-maintained public copy of users), so username lookups and top-N by reputation use its indexes.';

drop function simulation_private.public_profiles();

-- ---------------------------------------------------------------------------
-- 2a. scene_progress.user_id
-- ---------------------------------------------------------------------------

-- The backfill rewrites every row under the ACCESS EXCLUSIVE lock that add
-- column takes until commit; updated_at keeps its meaning (last progress
-- change), so its trigger is off for the backfill.
alter table simulation.scene_progress add column user_id bigint;

comment on column simulation.scene_progress.user_id is
'The run''s learner (simulation.users id), copied from the run so the policies read the row itself: filled by trigger when omitted, kept equal to the run''s user by the composite foreign key (user_progress_id, user_id) (a mismatch is rejected, 23503; a change of the run''s user cascades).';

alter table simulation.scene_progress disable trigger set_updated_at;

update simulation.scene_progress as sp
set user_id = p.user_id
from simulation.user_progress as p
where p.id = sp.user_progress_id;

alter table simulation.scene_progress enable trigger set_updated_at;

-- schema-tool: allow set-not-null the table is already ACCESS EXCLUSIVE-locked by add column in this transaction and every row was just rewritten by the backfill; the check scan adds a fraction of that
alter table simulation.scene_progress alter column user_id set not null;

create function simulation_private.scene_progress_fill_user_id()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if new.user_id is null then
        select p.user_id
        into new.user_id
        from simulation.user_progress as p
        where p.id = new.user_progress_id;
    end if;
    return new;
end
$$;

comment on function simulation_private.scene_progress_fill_user_id() is
'Trigger function (before insert/update of user_progress_id, user_id on scene_progress): sets a null user_id to the run''s user (omitted on insert, or set to null to re-derive it when a row moves to another user''s run; otherwise a move keeps user_id and the composite foreign key rejects the mismatch). SECURITY DEFINER so it reads the run whoever writes; the RLS WITH CHECK and the foreign key then decide.';

revoke execute on function simulation_private.scene_progress_fill_user_id() from public, anon, authenticated;

create trigger scene_progress_fill_user_id
before insert or update of user_progress_id, user_id on simulation.scene_progress
for each row execute function simulation_private.scene_progress_fill_user_id();

alter table simulation.scene_progress enable always trigger scene_progress_fill_user_id;

-- Rows are found by user_id; writes still check the run itself, so someone
-- else's run is refused with 42501 whatever user_id says.
alter policy "scene_progress: owner of the run can select"
on simulation.scene_progress
using (user_id = (select simulation_private.current_user_id()));

alter policy "scene_progress: owner of the run can update"
on simulation.scene_progress
using (user_id = (select simulation_private.current_user_id()));

-- ---------------------------------------------------------------------------
-- 2b. scenario_reviews.scenario_is_public
-- ---------------------------------------------------------------------------

alter table simulation.scenario_reviews add column scenario_is_public boolean not null default false;

comment on column simulation.scenario_reviews.scenario_is_public is
'Copy of the reviewed scenario''s is_public, so "reviews of public scenarios are readable by everyone" is a column test: set from the scenario by trigger on insert and on a change of scenario_id, kept equal to it by the composite foreign key (scenario_id, scenario_is_public) ON UPDATE CASCADE (publishing or unpublishing a scenario updates its reviews).';

update simulation.scenario_reviews as r
set scenario_is_public = true
from simulation.scenarios as s
where s.id = r.scenario_id
    and s.is_public;

create function simulation_private.scenario_reviews_fill_scenario_is_public()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    select s.is_public
    into new.scenario_is_public
    from simulation.scenarios as s
    where s.id = new.scenario_id;
    new.scenario_is_public := coalesce(new.scenario_is_public, false);
    return new;
end
$$;

comment on function simulation_private.scenario_reviews_fill_scenario_is_public() is
'Trigger function (before insert/update of scenario_id, scenario_is_public on scenario_reviews): sets scenario_is_public from the scenario, whatever the writer sent. SECURITY DEFINER so it reads the scenario whoever writes.';

revoke execute on function simulation_private.scenario_reviews_fill_scenario_is_public() from public, anon, authenticated;

create trigger scenario_reviews_fill_scenario_is_public
before insert or update of scenario_id, scenario_is_public on simulation.scenario_reviews
for each row execute function simulation_private.scenario_reviews_fill_scenario_is_public();

alter table simulation.scenario_reviews enable always trigger scenario_reviews_fill_scenario_is_public;

alter policy "scenario_reviews: anyone can select those of public scenarios"
on simulation.scenario_reviews
using (scenario_is_public);

alter policy "scenario_reviews: public, own or admin can select"
on simulation.scenario_reviews
using (
    scenario_is_public
    or reviewer_id = (select simulation_private.current_user_id())
    or (select simulation_private.is_admin())
);

-- ---------------------------------------------------------------------------
-- 3. scores: what learners may write
-- ---------------------------------------------------------------------------

-- user_progress: a learner creates a run (scenario only: status, scores and
-- counters take their defaults), keeps the orchestrator state and activity
-- time, and may delete a run. Status, scenes, attempts, hints, completion and
-- final_score are written by start_simulation / use_hint (definer helpers
-- below) and by submit_scene_attempt (the AI service).
revoke insert, update on simulation.user_progress from authenticated;
grant insert (user_id, scenario_id) on simulation.user_progress to authenticated;
grant update (orchestrator_data, last_activity) on simulation.user_progress to authenticated;

-- scene_progress: a learner may open a scene row and record time and message
-- counts; status, attempts, hints, goal flags, scores and feedback are
-- computed. No delete: it would reset attempts (dodging forced progression)
-- or drop a low score before final_score averages the scenes.
revoke insert, update, delete on simulation.scene_progress from authenticated;
grant insert (user_progress_id, scene_id) on simulation.scene_progress to authenticated;
grant update (time_spent, messages_sent, ai_responses) on simulation.scene_progress to authenticated;

drop policy "scene_progress: owner of the run can delete" on simulation.scene_progress;

create function simulation_private.start_simulation(p_scenario_id bigint)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_me bigint := simulation_private.current_user_id();
    v_scenario simulation.scenarios;
    v_first_scene bigint;
    v_run simulation.user_progress;
begin
    if v_me is null then
        raise exception 'sign in and create a simulation profile first' using errcode = '42501';
    end if;
    if p_scenario_id is null then
        raise exception 'p_scenario_id must not be null' using errcode = '22004';
    end if;

    -- What the caller's RLS allowed before: see public, own (admins: all)
    -- scenarios; run public or own ones.
    select s.*
    into v_scenario
    from simulation.scenarios as s
    where s.id = p_scenario_id;
    if not found or not (v_scenario.is_public or v_scenario.created_by = v_me or simulation_private.is_admin()) then
        raise exception 'scenario % not found', p_scenario_id using errcode = 'P0002';
    end if;
    if not (v_scenario.is_public or v_scenario.created_by = v_me) then
        raise exception 'scenario % is private: only its creator can run it', p_scenario_id using errcode = '42501';
    end if;

    select sc.id
    into v_first_scene
    from simulation.scenario_scenes as sc
    where sc.scenario_id = p_scenario_id
    order by sc.scene_order
    limit 1;
    if v_first_scene is null then
        raise exception 'scenario % has no scenes', p_scenario_id using errcode = '55000';
    end if;

    select p.*
    into v_run
    from simulation.user_progress as p
    where p.user_id = v_me
        and p.scenario_id = p_scenario_id
        and p.simulation_status in ('not_started', 'in_progress')
    for update;

    if found then
        update simulation.user_progress as p
        set session_count = p.session_count + 1,
            simulation_status = 'in_progress',
            current_scene_id = coalesce(p.current_scene_id, v_first_scene),
            started_at = coalesce(p.started_at, now()),
            last_activity = now()
        where p.id = v_run.id
        returning p.* into v_run;
    else
        insert into simulation.user_progress (
            user_id, scenario_id, current_scene_id, simulation_status,
            session_count, started_at, last_activity
        )
        values (v_me, p_scenario_id, v_first_scene, 'in_progress', 1, now(), now())
        returning * into v_run;
    end if;

    insert into simulation.scene_progress (user_progress_id, user_id, scene_id, status, started_at)
    values (v_run.id, v_me, v_run.current_scene_id, 'in_progress', now())
    on conflict (user_progress_id, scene_id) do nothing;

    return v_run.id;
end
$$;

comment on function simulation_private.start_simulation(bigint) is
'Body of simulation.start_simulation for the signed-in learner: SECURITY DEFINER because learners cannot write run status, scene or session columns themselves. Acts only for the caller''s profile and only on scenarios the caller may run (public or own); admins see private scenarios but cannot run them (42501).';

revoke execute on function simulation_private.start_simulation(bigint) from public, anon;
grant execute on function simulation_private.start_simulation(bigint) to authenticated;

create or replace function simulation.start_simulation(p_scenario_id bigint)
returns bigint
language sql
security invoker
set search_path = ''
as $$
    select simulation_private.start_simulation(p_scenario_id)
$$;

comment on function simulation.start_simulation(bigint) is
'Starts (or resumes) the caller''s run of a visible scenario: resumes the active run if there is one (session_count + 1), otherwise creates one at the first scene; the current scene gets an in_progress scene_progress row. Returns the user_progress id. Errors: 42501 no profile (or an admin on someone else''s private scenario), P0002 scenario not found or not visible, 55000 scenario without scenes. Runs simulation_private.start_simulation (learners cannot write run status themselves).';

create function simulation_private.use_hint(p_user_progress_id bigint)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_me bigint := simulation_private.current_user_id();
    v_run simulation.user_progress;
    v_hints integer;
begin
    if v_me is null then
        raise exception 'sign in and create a simulation profile first' using errcode = '42501';
    end if;

    select p.*
    into v_run
    from simulation.user_progress as p
    where p.id = p_user_progress_id
        and p.user_id = v_me
    for update;
    if not found then
        raise exception 'run % not found', p_user_progress_id using errcode = 'P0002';
    end if;
    if v_run.simulation_status <> 'in_progress' or v_run.current_scene_id is null then
        raise exception 'run % is not in progress', p_user_progress_id using errcode = '55000';
    end if;

    insert into simulation.scene_progress (user_progress_id, user_id, scene_id, status, started_at, hints_used)
    values (v_run.id, v_me, v_run.current_scene_id, 'in_progress', now(), 1)
    on conflict (user_progress_id, scene_id)
    do update set hints_used = simulation.scene_progress.hints_used + 1
    returning hints_used into v_hints;

    update simulation.user_progress as p
    set hints_used = p.hints_used + 1,
        last_activity = now()
    where p.id = v_run.id;

    return v_hints;
end
$$;

comment on function simulation_private.use_hint(bigint) is
'Body of simulation.use_hint for the signed-in learner: SECURITY DEFINER because learners cannot write hint counters themselves. Acts only on the caller''s own in-progress run.';

revoke execute on function simulation_private.use_hint(bigint) from public, anon;
grant execute on function simulation_private.use_hint(bigint) to authenticated;

create or replace function simulation.use_hint(p_user_progress_id bigint)
returns integer
language sql
security invoker
set search_path = ''
as $$
    select simulation_private.use_hint(p_user_progress_id)
$$;

comment on function simulation.use_hint(bigint) is
'Counts one hint used in the current scene of the caller''s in-progress run (scene_progress.hints_used and user_progress.hints_used); returns the scene''s hint count. Errors: 42501 no profile, P0002 run not found or not the caller''s, 55000 run not in progress. Runs simulation_private.use_hint.';

-- Learners may give up a run (simulation_status is not theirs to write since
-- this migration): abandon_simulation is the one status change they make.
create function simulation_private.abandon_simulation(p_user_progress_id bigint)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_me bigint := simulation_private.current_user_id();
    v_status simulation.simulation_status;
begin
    if v_me is null then
        raise exception 'sign in and create a simulation profile first' using errcode = '42501';
    end if;

    select p.simulation_status
    into v_status
    from simulation.user_progress as p
    where p.id = p_user_progress_id
        and p.user_id = v_me
    for update;
    if not found then
        raise exception 'run % not found', p_user_progress_id using errcode = 'P0002';
    end if;
    if v_status not in ('not_started', 'in_progress') then
        raise exception 'run % is %, only a run not started or in progress can be abandoned',
            p_user_progress_id, v_status using errcode = '55000';
    end if;

    update simulation.user_progress as p
    set simulation_status = 'abandoned',
        last_activity = now()
    where p.id = p_user_progress_id;
end
$$;

comment on function simulation_private.abandon_simulation(bigint) is
'Body of simulation.abandon_simulation for the signed-in learner: SECURITY DEFINER because learners cannot write run status themselves. Acts only on the caller''s own run, and only when it is not_started or in_progress; scores and scene rows are left as they are.';

revoke execute on function simulation_private.abandon_simulation(bigint) from public, anon;
grant execute on function simulation_private.abandon_simulation(bigint) to authenticated;

create function simulation.abandon_simulation(p_user_progress_id bigint)
returns void
language sql
security invoker
set search_path = ''
as $$
    select simulation_private.abandon_simulation(p_user_progress_id)
$$;

comment on function simulation.abandon_simulation(bigint) is
'Marks the caller''s run abandoned (simulation_status = abandoned, last_activity = now()); its scores stay. Errors: 42501 no profile, P0002 run not found or not the caller''s, 55000 run already completed or abandoned. Runs simulation_private.abandon_simulation.';

revoke execute on function simulation.abandon_simulation(bigint) from public, anon;
grant execute on function simulation.abandon_simulation(bigint) to authenticated;

-- The score is the AI's assessment: only the AI service (service_role, which
-- bypasses RLS) records attempts, for the run it names. The body no longer
-- needs a caller profile.
create or replace function simulation.submit_scene_attempt(
    p_user_progress_id bigint,
    p_goal_achievement_score double precision,
    p_time_spent integer default 0,
    p_interaction_quality double precision default null,
    p_scene_feedback text default null
)
returns simulation.scene_progress
language plpgsql
security invoker
set search_path = ''
as $$
declare
    v_run simulation.user_progress;
    v_scene simulation.scenario_scenes;
    v_sp simulation.scene_progress;
    v_next_scene bigint;
    v_scene_count integer;
    v_done jsonb;
    v_forced integer := 0;
begin
    if p_goal_achievement_score is null or p_goal_achievement_score not between 0.0 and 1.0 then
        raise exception 'p_goal_achievement_score must be between 0.0 and 1.0, got %', p_goal_achievement_score
            using errcode = '22023';
    end if;
    if p_time_spent is null or p_time_spent < 0 then
        raise exception 'p_time_spent must be >= 0 seconds, got %', p_time_spent using errcode = '22023';
    end if;
    if p_interaction_quality is not null and p_interaction_quality not between 0.0 and 1.0 then
        raise exception 'p_interaction_quality must be between 0.0 and 1.0, got %', p_interaction_quality
            using errcode = '22023';
    end if;

    select p.*
    into v_run
    from simulation.user_progress as p
    where p.id = p_user_progress_id
    for update;
    if not found then
        raise exception 'run % not found', p_user_progress_id using errcode = 'P0002';
    end if;
    if v_run.simulation_status <> 'in_progress' or v_run.current_scene_id is null then
        raise exception 'run % is not in progress', p_user_progress_id using errcode = '55000';
    end if;

    select sc.*
    into v_scene
    from simulation.scenario_scenes as sc
    where sc.id = v_run.current_scene_id;
    if not found then
        raise exception 'the current scene of run % is no longer available', p_user_progress_id
            using errcode = '55000';
    end if;

    insert into simulation.scene_progress (user_progress_id, user_id, scene_id, status, started_at)
    values (v_run.id, v_run.user_id, v_scene.id, 'in_progress', now())
    on conflict (user_progress_id, scene_id) do nothing;

    update simulation.scene_progress as sp
    set attempts = sp.attempts + 1,
        time_spent = sp.time_spent + p_time_spent,
        goal_achievement_score = p_goal_achievement_score,
        interaction_quality = coalesce(p_interaction_quality, sp.interaction_quality),
        scene_feedback = coalesce(p_scene_feedback, sp.scene_feedback),
        started_at = coalesce(sp.started_at, now()),
        status = case
            when p_goal_achievement_score >= v_scene.success_threshold then 'completed'::simulation.scene_status
            when sp.attempts + 1 >= v_scene.max_attempts then 'failed'::simulation.scene_status
            else 'in_progress'::simulation.scene_status
        end,
        goal_achieved = p_goal_achievement_score >= v_scene.success_threshold,
        forced_progression = p_goal_achievement_score < v_scene.success_threshold
            and sp.attempts + 1 >= v_scene.max_attempts,
        completed_at = case
            when p_goal_achievement_score >= v_scene.success_threshold
                or sp.attempts + 1 >= v_scene.max_attempts then now()
        end
    where sp.user_progress_id = v_run.id
        and sp.scene_id = v_scene.id
    returning sp.* into v_sp;

    if v_sp.status = 'in_progress' then
        update simulation.user_progress as p
        set total_attempts = p.total_attempts + 1,
            total_time_spent = p.total_time_spent + p_time_spent,
            last_activity = now()
        where p.id = v_run.id;
        return v_sp;
    end if;

    -- The scene is finished (goal achieved, or forced on after max_attempts).
    if v_sp.forced_progression then
        v_forced := 1;
    end if;

    select sc.id
    into v_next_scene
    from simulation.scenario_scenes as sc
    where sc.scenario_id = v_run.scenario_id
        and sc.scene_order > v_scene.scene_order
    order by sc.scene_order
    limit 1;

    select count(*)
    into v_scene_count
    from simulation.scenario_scenes as sc
    where sc.scenario_id = v_run.scenario_id;

    v_done := case
        when v_run.scenes_completed @> to_jsonb(v_scene.id) then v_run.scenes_completed
        else v_run.scenes_completed || to_jsonb(v_scene.id)
    end;

    update simulation.user_progress as p
    set total_attempts = p.total_attempts + 1,
        total_time_spent = p.total_time_spent + p_time_spent,
        forced_progressions = p.forced_progressions + v_forced,
        scenes_completed = v_done,
        completion_percentage = case
            when v_next_scene is null then 100.0
            else least(100.0, round(jsonb_array_length(v_done) * 100.0 / greatest(v_scene_count, 1), 2))::double precision
        end,
        current_scene_id = coalesce(v_next_scene, p.current_scene_id),
        simulation_status = case when v_next_scene is null then 'completed'::simulation.simulation_status else p.simulation_status end,
        completed_at = case when v_next_scene is null then now() else p.completed_at end,
        final_score = case
            when v_next_scene is null then (
                select round(avg(coalesce(sp.goal_achievement_score, 0.0))::numeric * 100, 2)::double precision
                from simulation.scene_progress as sp
                where sp.user_progress_id = v_run.id
            )
            else p.final_score
        end,
        last_activity = now()
    where p.id = v_run.id;

    if v_next_scene is not null then
        insert into simulation.scene_progress (user_progress_id, user_id, scene_id, status, started_at)
        values (v_run.id, v_run.user_id, v_next_scene, 'in_progress', now())
        on conflict (user_progress_id, scene_id) do nothing;
    end if;

    return v_sp;
end
$$;

comment on function simulation.submit_scene_attempt(bigint, double precision, integer, double precision, text) is
'Records one attempt at the current scene of an in-progress run, with the AI-assessed goal achievement score (0-1). Called by the AI service (service_role) for the run it names: learners cannot execute it, so they cannot grade themselves. Score >= the scene''s success_threshold completes the scene (goal_achieved); otherwise the attempt that reaches max_attempts fails the scene with forced_progression. A finished scene is appended to scenes_completed and the run moves to the next scene by scene_order, or completes (completion 100, final_score = mean scene score x 100) after the last one. Returns the scene_progress row of the attempted scene. Errors: 22023 bad score/time/quality, P0002 run not found, 55000 run not in progress.';

revoke execute on function simulation.submit_scene_attempt(bigint, double precision, integer, double precision, text) from authenticated;
