-- simulation: what members do through the API.
-- * public_profiles: the community view of profiles (no email);
-- * clone_scenario: clone/remix a scenario with its personas and scenes;
-- * start_simulation / submit_scene_attempt / use_hint: linear progress
--   through scenes with attempts, hints and forced progression after
--   max_attempts.
-- All exposed functions are SECURITY INVOKER: they act as the caller, so
-- row level security decides what they can read and write; the only
-- elevated steps (counters on other people's rows) happen in triggers.

-- ---------------------------------------------------------------------------
-- public_profiles
-- ---------------------------------------------------------------------------

-- schema-tool: allow definer-anon-execute the public community view simulation.public_profiles reads through it; it returns only the public columns of profiles marked public
create function simulation_private.public_profiles()
returns table (
    id bigint,
    username text,
    full_name text,
    bio text,
    avatar_url text,
    role simulation.user_role,
    published_scenarios integer,
    total_simulations integer,
    reputation_score double precision,
    allow_contact boolean,
    is_verified boolean,
    created_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
    select u.id,
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
        and u.is_active
$$;

comment on function simulation_private.public_profiles() is
'Public, active profiles without private columns (email, auth_user_id). SECURITY DEFINER because users rows are readable only by their owner and admins; it exposes nothing a public profile does not show.';

create view simulation.public_profiles
with (security_invoker = true)
as
select
    p.id,
    p.username,
    p.full_name,
    p.bio,
    p.avatar_url,
    p.role,
    p.published_scenarios,
    p.total_simulations,
    p.reputation_score,
    p.allow_contact,
    p.is_verified,
    p.created_at
from simulation_private.public_profiles() as p;

comment on view simulation.public_profiles is
'Community view of profiles (creators, reviewers): every active profile with profile_public, without email or auth id; readable by everyone, anon included.';
comment on column simulation.public_profiles.id is 'Profile id (users.id).';
comment on column simulation.public_profiles.username is 'Public handle.';
comment on column simulation.public_profiles.full_name is 'Display name.';
comment on column simulation.public_profiles.bio is 'Biography.';
comment on column simulation.public_profiles.avatar_url is 'Profile picture URL.';
comment on column simulation.public_profiles.role is 'user, admin, teacher or student.';
comment on column simulation.public_profiles.published_scenarios is 'Number of public scenarios.';
comment on column simulation.public_profiles.total_simulations is 'Number of completed simulation runs.';
comment on column simulation.public_profiles.reputation_score is 'Community reputation 0.0-5.0.';
comment on column simulation.public_profiles.allow_contact is 'Whether the user accepts contact (through the application).';
comment on column simulation.public_profiles.is_verified is 'Email verified.';
comment on column simulation.public_profiles.created_at is 'Member since.';

-- ---------------------------------------------------------------------------
-- clone_scenario
-- ---------------------------------------------------------------------------

create function simulation.clone_scenario(
    p_scenario_id bigint,
    p_title text default null
)
returns bigint
language plpgsql
security invoker
set search_path = ''
as $$
declare
    v_me bigint := simulation_private.current_user_id();
    v_src simulation.scenarios;
    v_new_id bigint;
    v_row record;
    v_new_child bigint;
    v_persona_map jsonb := '{}'::jsonb;
    v_scene_map jsonb := '{}'::jsonb;
begin
    if v_me is null then
        raise exception 'sign in and create a simulation profile first' using errcode = '42501';
    end if;
    if p_scenario_id is null then
        raise exception 'p_scenario_id must not be null' using errcode = '22004';
    end if;

    select s.*
    into v_src
    from simulation.scenarios as s
    where s.id = p_scenario_id;
    if not found then
        raise exception 'scenario % not found', p_scenario_id using errcode = 'P0002';
    end if;
    if not (v_src.allow_remixes or v_src.created_by = v_me) then
        raise exception 'scenario % does not allow remixes', p_scenario_id using errcode = '42501';
    end if;

    insert into simulation.scenarios (
        title, description, challenge, industry, learning_objectives, source_type,
        pdf_content, student_role, category, difficulty_level, estimated_duration,
        tags, pdf_title, pdf_source, processing_version, is_public, is_template,
        allow_remixes, cloned_from_id, created_by
    )
    values (
        coalesce(p_title, v_src.title), v_src.description, v_src.challenge, v_src.industry,
        v_src.learning_objectives,
        case when v_src.is_template then 'template'::simulation.source_type else v_src.source_type end,
        v_src.pdf_content, v_src.student_role, v_src.category, v_src.difficulty_level,
        v_src.estimated_duration, v_src.tags, v_src.pdf_title, v_src.pdf_source,
        v_src.processing_version, false, false, v_src.allow_remixes, v_src.id, v_me
    )
    returning id into v_new_id;

    for v_row in
        select pe.*
        from simulation.scenario_personas as pe
        where pe.scenario_id = v_src.id
        order by pe.id
    loop
        insert into simulation.scenario_personas (
            scenario_id, name, role, background, correlation, primary_goals, personality_traits
        )
        values (
            v_new_id, v_row.name, v_row.role, v_row.background, v_row.correlation,
            v_row.primary_goals, v_row.personality_traits
        )
        returning id into v_new_child;
        v_persona_map := v_persona_map || jsonb_build_object(v_row.id::text, v_new_child);
    end loop;

    for v_row in
        select sc.*
        from simulation.scenario_scenes as sc
        where sc.scenario_id = v_src.id
        order by sc.scene_order
    loop
        insert into simulation.scenario_scenes (
            scenario_id, title, description, user_goal, scene_order, estimated_duration,
            max_attempts, success_threshold, goal_criteria, hint_triggers, scene_context,
            persona_instructions, image_url, image_prompt
        )
        values (
            v_new_id, v_row.title, v_row.description, v_row.user_goal, v_row.scene_order,
            v_row.estimated_duration, v_row.max_attempts, v_row.success_threshold,
            v_row.goal_criteria, v_row.hint_triggers, v_row.scene_context,
            v_row.persona_instructions, v_row.image_url, v_row.image_prompt
        )
        returning id into v_new_child;
        v_scene_map := v_scene_map || jsonb_build_object(v_row.id::text, v_new_child);
    end loop;

    insert into simulation.scene_personas (scene_id, persona_id, scenario_id, involvement_level)
    select (v_scene_map ->> sp.scene_id::text)::bigint,
           (v_persona_map ->> sp.persona_id::text)::bigint,
           v_new_id,
           sp.involvement_level
    from simulation.scene_personas as sp
    where sp.scenario_id = v_src.id;

    return v_new_id;
end
$$;

comment on function simulation.clone_scenario(bigint, text) is
'Clones (remixes) a scenario the caller can see into a new private scenario owned by the caller, with its personas, scenes and scene-persona links (not its files, reviews or runs). Allowed when the source allows remixes or the caller owns it; counts the clone in the source''s clone_count. p_title overrides the title. A clone of a template gets source_type template. Returns the new scenario id. Errors: 42501 no profile / remixes not allowed, P0002 scenario not found or not visible.';

-- ---------------------------------------------------------------------------
-- progress through scenes
-- ---------------------------------------------------------------------------

create function simulation.start_simulation(p_scenario_id bigint)
returns bigint
language plpgsql
security invoker
set search_path = ''
as $$
declare
    v_me bigint := simulation_private.current_user_id();
    v_first_scene bigint;
    v_run simulation.user_progress;
begin
    if v_me is null then
        raise exception 'sign in and create a simulation profile first' using errcode = '42501';
    end if;
    if p_scenario_id is null then
        raise exception 'p_scenario_id must not be null' using errcode = '22004';
    end if;
    if not exists (select 1 from simulation.scenarios as s where s.id = p_scenario_id) then
        raise exception 'scenario % not found', p_scenario_id using errcode = 'P0002';
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

    insert into simulation.scene_progress (user_progress_id, scene_id, status, started_at)
    values (v_run.id, v_run.current_scene_id, 'in_progress', now())
    on conflict (user_progress_id, scene_id) do nothing;

    return v_run.id;
end
$$;

comment on function simulation.start_simulation(bigint) is
'Starts (or resumes) the caller''s run of a visible scenario: resumes the active run if there is one (session_count + 1), otherwise creates one at the first scene; the current scene gets an in_progress scene_progress row. Returns the user_progress id. Errors: 42501 no profile, P0002 scenario not found or not visible, 55000 scenario without scenes.';

create function simulation.submit_scene_attempt(
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
    v_me bigint := simulation_private.current_user_id();
    v_run simulation.user_progress;
    v_scene simulation.scenario_scenes;
    v_sp simulation.scene_progress;
    v_next_scene bigint;
    v_scene_count integer;
    v_done jsonb;
    v_forced integer := 0;
begin
    if v_me is null then
        raise exception 'sign in and create a simulation profile first' using errcode = '42501';
    end if;
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
        and p.user_id = v_me
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

    insert into simulation.scene_progress (user_progress_id, scene_id, status, started_at)
    values (v_run.id, v_scene.id, 'in_progress', now())
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
        insert into simulation.scene_progress (user_progress_id, scene_id, status, started_at)
        values (v_run.id, v_next_scene, 'in_progress', now())
        on conflict (user_progress_id, scene_id) do nothing;
    end if;

    return v_sp;
end
$$;

comment on function simulation.submit_scene_attempt(bigint, double precision, integer, double precision, text) is
'Records one attempt at the current scene of the caller''s in-progress run, with the AI-assessed goal achievement score (0-1). Score >= the scene''s success_threshold completes the scene (goal_achieved); otherwise the attempt that reaches max_attempts fails the scene with forced_progression. A finished scene is appended to scenes_completed and the run moves to the next scene by scene_order, or completes (completion 100, final_score = mean scene score x 100) after the last one. Returns the scene_progress row of the attempted scene. Errors: 22023 bad score/time/quality, P0002 run not found or not the caller''s, 55000 run not in progress.';

create function simulation.use_hint(p_user_progress_id bigint)
returns integer
language plpgsql
security invoker
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

    insert into simulation.scene_progress (user_progress_id, scene_id, status, started_at, hints_used)
    values (v_run.id, v_run.current_scene_id, 'in_progress', now(), 1)
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

comment on function simulation.use_hint(bigint) is
'Counts one hint used in the current scene of the caller''s in-progress run (scene_progress.hints_used and user_progress.hints_used); returns the scene''s hint count. Errors: P0002 run not found or not the caller''s, 55000 run not in progress.';
