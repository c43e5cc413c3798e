-- simulation: integrity and bookkeeping triggers.
-- * updated_at stamps;
-- * guards: members cannot write counters, ratings, roles or ownership;
-- * cross-table integrity the foreign keys cannot express (scene progress and
--   conversation logs stay within the run's scenario; scenes_completed holds
--   scenes of the scenario; scene_personas.scenario_id filled from the scene);
-- * counters kept in step: scenarios.rating_avg/rating_count, usage_count,
--   clone_count; users.published_scenarios/total_simulations.
-- Trigger functions that only read or that write rows the caller cannot
-- (counters on other people's rows) are SECURITY DEFINER; guards run as the
-- caller. A guard applies to the API roles (anon, authenticated) only: the
-- service role, postgres and the definer triggers (running as the owner)
-- maintain the protected columns.

create function simulation_private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

comment on function simulation_private.set_updated_at() is
'Trigger function: sets updated_at to now() on every update.';

create trigger set_updated_at
before update on simulation.users
for each row execute function simulation_private.set_updated_at();

create trigger set_updated_at
before update on simulation.scenarios
for each row execute function simulation_private.set_updated_at();

create trigger set_updated_at
before update on simulation.scenario_personas
for each row execute function simulation_private.set_updated_at();

create trigger set_updated_at
before update on simulation.scenario_scenes
for each row execute function simulation_private.set_updated_at();

create trigger set_updated_at
before update on simulation.user_progress
for each row execute function simulation_private.set_updated_at();

create trigger set_updated_at
before update on simulation.scene_progress
for each row execute function simulation_private.set_updated_at();

-- ---------------------------------------------------------------------------
-- users guard
-- ---------------------------------------------------------------------------

create function simulation_private.users_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if current_user not in ('anon', 'authenticated') or (select simulation_private.is_admin()) then
        return new;
    end if;
    if tg_op = 'INSERT' then
        if new.role = 'admin' then
            raise exception 'only an admin can create an admin profile' using errcode = '42501';
        end if;
        if new.email is distinct from (select auth.email()) then
            raise exception 'profile email must be your sign-in email' using errcode = '42501';
        end if;
        new.published_scenarios := 0;
        new.total_simulations := 0;
        new.reputation_score := 0.0;
        new.is_active := true;
        new.is_verified := false;
    else
        if new.auth_user_id is distinct from old.auth_user_id
            or new.role is distinct from old.role
            or new.published_scenarios is distinct from old.published_scenarios
            or new.total_simulations is distinct from old.total_simulations
            or new.reputation_score is distinct from old.reputation_score
            or new.is_active is distinct from old.is_active
            or new.is_verified is distinct from old.is_verified
            or new.created_at is distinct from old.created_at then
            raise exception 'role, counters, reputation, status and ownership of a profile are maintained by admins and the system'
                using errcode = '42501';
        end if;
        if new.email is distinct from old.email and new.email is distinct from (select auth.email()) then
            raise exception 'profile email must be your sign-in email' using errcode = '42501';
        end if;
    end if;
    return new;
end
$$;

comment on function simulation_private.users_guard() is
'Trigger function (before insert/update on users): members (non-admin API callers) cannot make themselves admin, set counters, reputation, verification or activity, move a profile to another auth user, or use an email other than their sign-in email.';

create trigger users_guard
before insert or update on simulation.users
for each row execute function simulation_private.users_guard();

-- ---------------------------------------------------------------------------
-- scenarios guard and bookkeeping
-- ---------------------------------------------------------------------------

create function simulation_private.scenarios_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    if tg_op = 'INSERT' then
        new.rating_avg := 0.0;
        new.rating_count := 0;
        new.usage_count := 0;
        new.clone_count := 0;
        -- A clone must come from a scenario the caller can see and may remix.
        if new.cloned_from_id is not null and not exists (
            select 1
            from simulation.scenarios as s
            where s.id = new.cloned_from_id
                and (s.allow_remixes or s.created_by = new.created_by)
        ) then
            raise exception 'scenario % does not exist or may not be remixed', new.cloned_from_id
                using errcode = '42501';
        end if;
    elsif not (select simulation_private.is_admin()) then
        if new.rating_avg is distinct from old.rating_avg
            or new.rating_count is distinct from old.rating_count
            or new.usage_count is distinct from old.usage_count
            or new.clone_count is distinct from old.clone_count
            or new.created_by is distinct from old.created_by
            or new.cloned_from_id is distinct from old.cloned_from_id
            or new.created_at is distinct from old.created_at then
            raise exception 'ratings, usage and clone counters, owner and origin of a scenario are maintained by the system'
                using errcode = '42501';
        end if;
    end if;
    return new;
end
$$;

comment on function simulation_private.scenarios_guard() is
'Trigger function (before insert/update on scenarios): for API callers, a new scenario starts with zeroed ratings and counters and may only be cloned from a visible scenario that allows remixes (or the caller''s own); members cannot change ratings, counters, owner or origin (admins can).';

create trigger scenarios_guard
before insert or update on simulation.scenarios
for each row execute function simulation_private.scenarios_guard();

create function simulation_private.refresh_published_scenarios(p_user_id bigint)
returns void
language sql
security definer
set search_path = ''
as $$
    update simulation.users as u
    set published_scenarios = (
        select count(*)
        from simulation.scenarios as s
        where s.created_by = u.id
            and s.is_public
    )
    where u.id = p_user_id
$$;

comment on function simulation_private.refresh_published_scenarios(bigint) is
'Recomputes users.published_scenarios (number of public scenarios) of one user. Called by triggers only.';

revoke execute on function simulation_private.refresh_published_scenarios(bigint) from public, anon, authenticated;

create function simulation_private.scenarios_after_change()
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
        if tg_op = 'INSERT' and new.cloned_from_id is not null then
            update simulation.scenarios as s
            set clone_count = s.clone_count + 1
            where s.id = new.cloned_from_id;
        end if;
    end if;
    return null;
end
$$;

comment on function simulation_private.scenarios_after_change() is
'Trigger function (after insert/update/delete on scenarios): keeps users.published_scenarios in step and counts a clone in the source scenario''s clone_count.';

create trigger scenarios_after_insert_or_delete
after insert or delete on simulation.scenarios
for each row execute function simulation_private.scenarios_after_change();

create trigger scenarios_after_update
after update of is_public, created_by on simulation.scenarios
for each row execute function simulation_private.scenarios_after_change();

-- ---------------------------------------------------------------------------
-- scene_personas: scenario_id from the scene
-- ---------------------------------------------------------------------------

create function simulation_private.scene_personas_fill_scenario()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if new.scenario_id is null then
        select sc.scenario_id
        into new.scenario_id
        from simulation.scenario_scenes as sc
        where sc.id = new.scene_id;
    end if;
    return new;
end
$$;

comment on function simulation_private.scene_personas_fill_scenario() is
'Trigger function (before insert/update on scene_personas): fills scenario_id from the scene when omitted; the composite foreign keys then require the persona to belong to the same scenario. Reads only the scene''s scenario_id.';

create trigger scene_personas_fill_scenario
before insert or update on simulation.scene_personas
for each row execute function simulation_private.scene_personas_fill_scenario();

-- ---------------------------------------------------------------------------
-- user_progress: scenes_completed within the scenario; counters
-- ---------------------------------------------------------------------------

create function simulation_private.user_progress_check()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_bad bigint;
begin
    if tg_op = 'INSERT' or new.scenes_completed is distinct from old.scenes_completed
        or new.scenario_id is distinct from old.scenario_id then
        select e.value::bigint
        into v_bad
        from jsonb_array_elements_text(new.scenes_completed) as e(value)
        where not exists (
            select 1
            from simulation.scenario_scenes as sc
            where sc.id = e.value::bigint
                and sc.scenario_id = new.scenario_id
        )
        limit 1;
        if v_bad is not null then
            raise exception 'scenes_completed: scene % is not a scene of scenario %', v_bad, new.scenario_id
                using errcode = '23514';
        end if;
    end if;
    return new;
end
$$;

comment on function simulation_private.user_progress_check() is
'Trigger function (before insert/update on user_progress): every id in scenes_completed must be a scene of the run''s scenario (current_scene_id is covered by a composite foreign key).';

create trigger user_progress_check
before insert or update on simulation.user_progress
for each row execute function simulation_private.user_progress_check();

create function simulation_private.refresh_total_simulations(p_user_id bigint)
returns void
language sql
security definer
set search_path = ''
as $$
    update simulation.users as u
    set total_simulations = (
        select count(*)
        from simulation.user_progress as p
        where p.user_id = u.id
            and p.simulation_status = 'completed'
    )
    where u.id = p_user_id
$$;

comment on function simulation_private.refresh_total_simulations(bigint) is
'Recomputes users.total_simulations (number of completed runs) of one user. Called by triggers only.';

revoke execute on function simulation_private.refresh_total_simulations(bigint) from public, anon, authenticated;

create function simulation_private.user_progress_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op = 'INSERT' then
        update simulation.scenarios as s
        set usage_count = s.usage_count + 1
        where s.id = new.scenario_id;
        if new.simulation_status = 'completed' then
            perform simulation_private.refresh_total_simulations(new.user_id);
        end if;
    elsif tg_op = 'UPDATE' then
        perform simulation_private.refresh_total_simulations(old.user_id);
        if new.user_id is distinct from old.user_id then
            perform simulation_private.refresh_total_simulations(new.user_id);
        end if;
    else
        if old.simulation_status = 'completed' then
            perform simulation_private.refresh_total_simulations(old.user_id);
        end if;
    end if;
    return null;
end
$$;

comment on function simulation_private.user_progress_after_change() is
'Trigger function (after insert/update/delete on user_progress): counts a started run in scenarios.usage_count and keeps users.total_simulations equal to the user''s completed runs.';

create trigger user_progress_after_insert_or_delete
after insert or delete on simulation.user_progress
for each row execute function simulation_private.user_progress_after_change();

create trigger user_progress_after_update
after update of simulation_status, user_id on simulation.user_progress
for each row execute function simulation_private.user_progress_after_change();

-- ---------------------------------------------------------------------------
-- scene_progress and conversation_logs stay within the run's scenario
-- ---------------------------------------------------------------------------

create function simulation_private.scene_progress_check()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if not exists (
        select 1
        from simulation.user_progress as p
        join simulation.scenario_scenes as sc on sc.scenario_id = p.scenario_id
        where p.id = new.user_progress_id
            and sc.id = new.scene_id
    ) then
        raise exception 'scene % is not a scene of the scenario of run %', new.scene_id, new.user_progress_id
            using errcode = '23514';
    end if;
    return new;
end
$$;

comment on function simulation_private.scene_progress_check() is
'Trigger function (before insert/update of user_progress_id, scene_id on scene_progress): the scene must belong to the run''s scenario.';

create trigger scene_progress_check
before insert or update of user_progress_id, scene_id on simulation.scene_progress
for each row execute function simulation_private.scene_progress_check();

create function simulation_private.conversation_logs_check()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_scenario_id bigint;
begin
    select p.scenario_id
    into v_scenario_id
    from simulation.user_progress as p
    where p.id = new.user_progress_id;

    if not exists (
        select 1
        from simulation.scenario_scenes as sc
        where sc.id = new.scene_id
            and sc.scenario_id = v_scenario_id
    ) then
        raise exception 'scene % is not a scene of the scenario of run %', new.scene_id, new.user_progress_id
            using errcode = '23514';
    end if;
    if new.persona_id is not null and not exists (
        select 1
        from simulation.scenario_personas as pe
        where pe.id = new.persona_id
            and pe.scenario_id = v_scenario_id
    ) then
        raise exception 'persona % is not a persona of the scenario of run %', new.persona_id, new.user_progress_id
            using errcode = '23514';
    end if;
    return new;
end
$$;

comment on function simulation_private.conversation_logs_check() is
'Trigger function (before insert/update of user_progress_id, scene_id, persona_id on conversation_logs): scene and persona must belong to the run''s scenario.';

create trigger conversation_logs_check
before insert or update of user_progress_id, scene_id, persona_id on simulation.conversation_logs
for each row execute function simulation_private.conversation_logs_check();

-- conversation_logs.user_id: the run's learner, filled when omitted. Enabled
-- ALWAYS so bulk loads under session_replication_role = replica (restores,
-- the benchmark's loader) still get it; rows arriving with user_id set
-- (logical replication) are left alone, and the composite foreign key checks
-- the value either way.
create function simulation_private.conversation_logs_fill_user_id()
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

comment on function simulation_private.conversation_logs_fill_user_id() is
'Trigger function (before insert/update of user_progress_id, user_id on conversation_logs): sets a null user_id to the run''s user (omitted on insert, or set to null to re-derive it when a message moves to another user''s run; otherwise a move keeps user_id and the foreign key rejects the mismatch). SECURITY DEFINER so it reads the run whoever writes; the RLS WITH CHECK and the composite foreign key (user_progress_id, user_id) then decide.';

revoke execute on function simulation_private.conversation_logs_fill_user_id() from public, anon, authenticated;

create trigger conversation_logs_fill_user_id
before insert or update of user_progress_id, user_id on simulation.conversation_logs
for each row execute function simulation_private.conversation_logs_fill_user_id();

alter table simulation.conversation_logs enable always trigger conversation_logs_fill_user_id;

-- ---------------------------------------------------------------------------
-- scenario_reviews guard and ratings
-- ---------------------------------------------------------------------------

create function simulation_private.scenario_reviews_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if current_user not in ('anon', 'authenticated') or (select simulation_private.is_admin()) then
        return new;
    end if;
    if tg_op = 'INSERT' then
        new.helpful_votes := 0;
        new.total_votes := 0;
    elsif new.scenario_id is distinct from old.scenario_id
        or new.reviewer_id is distinct from old.reviewer_id
        or new.helpful_votes is distinct from old.helpful_votes
        or new.total_votes is distinct from old.total_votes
        or new.created_at is distinct from old.created_at then
        raise exception 'scenario, reviewer, votes and date of a review cannot be changed by its reviewer'
            using errcode = '42501';
    end if;
    return new;
end
$$;

comment on function simulation_private.scenario_reviews_guard() is
'Trigger function (before insert/update on scenario_reviews): for members, a new review starts with no votes, and a reviewer may edit rating and text but not scenario, reviewer, votes or date (admins and the service role may).';

create trigger scenario_reviews_guard
before insert or update on simulation.scenario_reviews
for each row execute function simulation_private.scenario_reviews_guard();

create function simulation_private.refresh_scenario_rating(p_scenario_id bigint)
returns void
language sql
security definer
set search_path = ''
as $$
    update simulation.scenarios as s
    set rating_count = r.n,
        rating_avg = r.avg_rating
    from (
        select count(*)::integer as n,
               coalesce(round(avg(v.rating), 2), 0.0)::double precision as avg_rating
        from simulation.scenario_reviews as v
        where v.scenario_id = p_scenario_id
    ) as r
    where s.id = p_scenario_id
        and (s.rating_count, s.rating_avg) is distinct from (r.n, r.avg_rating)
$$;

comment on function simulation_private.refresh_scenario_rating(bigint) is
'Recomputes scenarios.rating_count and rating_avg (mean rating rounded to 2 decimals, 0 when unrated) of one scenario. Called by triggers only.';

revoke execute on function simulation_private.refresh_scenario_rating(bigint) from public, anon, authenticated;

create function simulation_private.scenario_reviews_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform simulation_private.refresh_scenario_rating(old.scenario_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.scenario_id is distinct from old.scenario_id) then
        perform simulation_private.refresh_scenario_rating(new.scenario_id);
    end if;
    return null;
end
$$;

comment on function simulation_private.scenario_reviews_after_change() is
'Trigger function (after insert/update/delete on scenario_reviews): keeps scenarios.rating_avg and rating_count in step with the reviews.';

create trigger scenario_reviews_after_insert_or_delete
after insert or delete on simulation.scenario_reviews
for each row execute function simulation_private.scenario_reviews_after_change();

create trigger scenario_reviews_after_update
after update of rating, scenario_id on simulation.scenario_reviews
for each row execute function simulation_private.scenario_reviews_after_change();

revoke execute on all functions in schema simulation_private from public;
