-- playground: private helpers, statistics triggers and the seed's five
-- helper functions (get_user_recent_activity, calculate_user_skill_level,
-- get_recommended_tools, track_tool_usage, check_and_award_achievements).
--
-- Security shape: the five seed functions live in the exposed schema and are
-- SECURITY INVOKER (RLS applies to what they read and write). Statistics the
-- caller may not write directly (session counters, toolkit usage, fork
-- counts, achievements) are written by SECURITY DEFINER trigger functions and
-- helpers in playground_private, which check the caller.

------------------------------------------------------------------------------
-- caller checks
------------------------------------------------------------------------------
create function playground_private.is_admin()
returns boolean
language sql
stable
set search_path = ''
as $$
    select coalesce((select auth.jwt()) -> 'app_metadata' ->> 'role', '') = 'admin';
$$;

comment on function playground_private.is_admin() is
'True when the caller''s JWT carries app_metadata.role = admin (never user_metadata).';

create function playground_private.is_platform_viewer()
returns boolean
language sql
stable
set search_path = ''
as $$
    select coalesce((select auth.role()), '') = 'service_role'
        or pg_catalog.pg_has_role(current_user, 'service_role', 'member')
        or playground_private.is_admin();
$$;

comment on function playground_private.is_platform_viewer() is
'True when the caller may see whole-platform analytics: the service_role key (JWT role or a database role that is a member of service_role, such as postgres on a direct connection) or an admin (app_metadata.role = admin). Used by the analytics views.';

create function playground_private.assert_can_act_for(p_user_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
    if p_user_id is null then
        raise exception 'playground: user_id must not be null'
            using errcode = '22004';
    end if;
    if p_user_id is distinct from (select auth.uid())
        and coalesce((select auth.role()), '') <> 'service_role' then
        raise exception 'playground: a user may only act for themself'
            using errcode = '42501',
                  hint = 'Call the function with your own user id (auth.uid()), or use the service_role key.';
    end if;
end
$$;

comment on function playground_private.assert_can_act_for(uuid) is
'Raises 22004 for a null user id and 42501 unless the caller is that user (auth.uid()) or service_role. Called first by every playground function taking a user id.';

create function playground_private.owns_creation(p_creation_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
    select exists (
        select 1
        from playground.ai_playground_creations c
        where c.id = p_creation_id
          and c.user_id = (select auth.uid())
    );
$$;

comment on function playground_private.owns_creation(uuid) is
'True when the calling user owns the creation. SECURITY DEFINER so the policies of ai_playground_creation_shares can ask without re-entering the creations policies (which read the shares: that would recurse).';

------------------------------------------------------------------------------
-- platform readers: every session / interaction, for service_role and admins
------------------------------------------------------------------------------
-- The select policies of sessions and interactions are owner-only: an
-- "or admin" in the same policy turns the qual into (user_id = $1 or $2),
-- which no index serves, so a user's plain "my latest interactions" query
-- walked the created_at index of the whole table (4.2 s at 5M rows, 0.22 ms
-- owner-only; BENCHMARKS.md P1). Admins keep whole-platform figures in the
-- analytics views, whose admin branch reads through these readers.
create function playground_private.platform_sessions()
returns setof playground.ai_playground_sessions
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
    if coalesce((select auth.role()), '') <> 'service_role'
        and not playground_private.is_admin() then
        raise exception 'playground: platform-wide sessions are for service_role and admins'
            using errcode = '42501',
                  hint = 'Read playground.ai_playground_sessions for your own rows.';
    end if;
    return query
        select t.*
        from playground.ai_playground_sessions as t;
end
$$;

comment on function playground_private.platform_sessions() is
'Every row of playground.ai_playground_sessions, for whole-platform analytics. Raises 42501 unless the caller is service_role (JWT role) or an admin (app_metadata.role = admin). SECURITY DEFINER because the table''s select policy is owner-only (so that a user''s queries use the user_id index); the analytics views call it only for admins, behind a one-time filter. The caller check does not use is_platform_viewer(): inside a definer function current_user is the owner, a member of every role.';

create function playground_private.platform_interactions()
returns setof playground.ai_playground_interactions
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
    if coalesce((select auth.role()), '') <> 'service_role'
        and not playground_private.is_admin() then
        raise exception 'playground: platform-wide interactions are for service_role and admins'
            using errcode = '42501',
                  hint = 'Read playground.ai_playground_interactions for your own rows.';
    end if;
    return query
        select t.*
        from playground.ai_playground_interactions as t;
end
$$;

comment on function playground_private.platform_interactions() is
'Every row of playground.ai_playground_interactions, for whole-platform analytics. Raises 42501 unless the caller is service_role (JWT role) or an admin (app_metadata.role = admin). SECURITY DEFINER because the table''s select policy is owner-only (so that a user''s queries use the user_id index); the analytics views call it only for admins, behind a one-time filter. The caller check does not use is_platform_viewer(): inside a definer function current_user is the owner, a member of every role.';

------------------------------------------------------------------------------
-- interaction triggers: sequence, ownership, session and tool statistics
------------------------------------------------------------------------------
create function playground_private.before_interaction_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_session_user uuid;
begin
    -- lock the session row: serialises concurrent inserts into one session,
    -- so sequence numbers and counters stay exact
    select s.user_id
      into v_session_user
      from playground.ai_playground_sessions s
     where s.id = new.session_id
       for update;
    if not found then
        raise exception 'playground: session % does not exist', new.session_id
            using errcode = '23503';
    end if;
    if v_session_user is distinct from new.user_id then
        raise exception 'playground: session % belongs to another user', new.session_id
            using errcode = '42501';
    end if;
    select coalesce(max(i.sequence_number), 0) + 1
      into new.sequence_number
      from playground.ai_playground_interactions i
     where i.session_id = new.session_id;
    return new;
end
$$;

comment on function playground_private.before_interaction_insert() is
'Trigger (before insert on ai_playground_interactions): locks the session, checks it belongs to the interaction''s user (42501 otherwise) and assigns the next sequence_number in the session.';

create function playground_private.after_interaction_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update playground.ai_playground_sessions s
       set interaction_count = agg.n,
           error_count = agg.errors,
           avg_response_time_ms = agg.avg_ms
      from (
            select i.session_id,
                   count(*)::integer as n,
                   (count(*) filter (where not i.success))::integer as errors,
                   round(avg(i.response_time_ms))::integer as avg_ms
              from playground.ai_playground_interactions i
             where i.session_id in (select nr.session_id from new_rows nr)
             group by i.session_id
           ) agg
     where s.id = agg.session_id;

    update playground.ai_playground_toolkit_items t
       set usage_count = t.usage_count + agg.n,
           last_used_at = greatest(t.last_used_at, agg.last_at),
           unique_user_count = t.unique_user_count + agg.new_users,
           rating_sum = t.rating_sum + agg.rating_sum,
           rating_count = t.rating_count + agg.rating_count
      from (
            select nr.tool_name,
                   count(*)::integer as n,
                   max(nr.created_at) as last_at,
                   count(distinct nr.user_id) filter (where not exists (
                       select 1
                       from playground.ai_playground_interactions i
                       where i.user_id = nr.user_id
                         and i.tool_name = nr.tool_name
                         and i.id not in (select nr2.id from new_rows nr2)
                   ))::integer as new_users,
                   coalesce(sum(nr.user_rating), 0)::bigint as rating_sum,
                   count(nr.user_rating)::integer as rating_count
              from new_rows nr
             group by nr.tool_name
           ) agg
     where t.tool_name = agg.tool_name;
    return null;
end
$$;

comment on function playground_private.after_interaction_insert() is
'Statement trigger (after insert on ai_playground_interactions, transition table new_rows): recomputes interaction_count, error_count and avg_response_time_ms of the sessions touched and adds the new interactions to their tools'' usage_count, unique_user_count (users with no earlier interaction with the tool), last_used_at and rating totals. SECURITY DEFINER: users cannot write these statistics themselves. Interactions are treated as immutable apart from feedback and rating (deletes by service_role do not roll the counters back). Two concurrent first uses of a tool by the same user in different transactions can count that user twice in unique_user_count; ai_playground_tool_analytics.unique_users is always exact.';

create function playground_private.after_interaction_rating_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update playground.ai_playground_toolkit_items t
       set rating_sum = t.rating_sum - coalesce(old.user_rating, 0) + coalesce(new.user_rating, 0),
           rating_count = t.rating_count
               - case when old.user_rating is null then 0 else 1 end
               + case when new.user_rating is null then 0 else 1 end
     where t.tool_name = new.tool_name;
    return null;
end
$$;

comment on function playground_private.after_interaction_rating_update() is
'Trigger (after update of user_rating on ai_playground_interactions): moves the tool''s rating totals from the old rating to the new one, so average_rating stays exact.';

create trigger before_interaction_insert
before insert on playground.ai_playground_interactions
for each row execute function playground_private.before_interaction_insert();

create trigger after_interaction_insert
after insert on playground.ai_playground_interactions
referencing new table as new_rows
for each statement execute function playground_private.after_interaction_insert();

create trigger after_interaction_rating_update
after update of user_rating on playground.ai_playground_interactions
for each row
when (old.user_rating is distinct from new.user_rating)
execute function playground_private.after_interaction_rating_update();

------------------------------------------------------------------------------
-- session trigger: nonprofit profile usage
------------------------------------------------------------------------------
create function playground_private.after_session_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update playground.synthetic_nonprofit_profiles p
       set usage_count = p.usage_count + 1
     where p.id = new.nonprofit_profile_id;
    return null;
end
$$;

comment on function playground_private.after_session_insert() is
'Trigger (after insert on ai_playground_sessions with a nonprofit_profile_id): increments the profile''s usage_count. SECURITY DEFINER: users cannot update profiles.';

create trigger after_session_insert
after insert on playground.ai_playground_sessions
for each row
when (new.nonprofit_profile_id is not null)
execute function playground_private.after_session_insert();

------------------------------------------------------------------------------
-- creation triggers: versions, forks, publishing, shares
------------------------------------------------------------------------------
create function playground_private.before_creation_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_parent record;
begin
    if new.parent_id is null then
        new.version := 1;
        return new;
    end if;
    select c.user_id, c.sharing_level, c.version
      into v_parent
      from playground.ai_playground_creations c
     where c.id = new.parent_id;
    if not found then
        raise exception 'playground: parent creation % does not exist', new.parent_id
            using errcode = '23503';
    end if;
    if v_parent.user_id = new.user_id then
        new.version := v_parent.version + 1;
    elsif v_parent.sharing_level = 'public'
        or (v_parent.sharing_level = 'shared' and exists (
                select 1
                from playground.ai_playground_creation_shares sh
                where sh.creation_id = new.parent_id
                  and sh.shared_with_user_id = new.user_id)) then
        new.version := 1;
    else
        raise exception 'playground: creation % is not visible to this user and cannot be forked', new.parent_id
            using errcode = '42501';
    end if;
    return new;
end
$$;

comment on function playground_private.before_creation_insert() is
'Trigger (before insert on ai_playground_creations): with a parent_id, a child of one''s own creation becomes its next version (version = parent version + 1); a child of someone else''s creation is a fork (version 1) and is only allowed when the parent is public or shared with the new owner (42501 otherwise). Without a parent, version = 1.';

create function playground_private.after_creation_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update playground.ai_playground_creations c
       set fork_count = c.fork_count + 1
     where c.id = new.parent_id
       and c.user_id <> new.user_id;
    return null;
end
$$;

comment on function playground_private.after_creation_insert() is
'Trigger (after insert on ai_playground_creations with a parent_id): increments the parent''s fork_count when the child belongs to another user (a fork, not a version).';

create function playground_private.stamp_published_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if not new.is_published then
        new.published_at := null;
    elsif tg_op = 'INSERT' or not old.is_published then
        new.published_at := coalesce(new.published_at, now());
    else
        new.published_at := old.published_at;
    end if;
    return new;
end
$$;

comment on function playground_private.stamp_published_at() is
'Trigger (before insert or update of is_published on ai_playground_creations): sets published_at when a creation is published, keeps it while it stays published and clears it when unpublished.';

create trigger before_creation_insert
before insert on playground.ai_playground_creations
for each row execute function playground_private.before_creation_insert();

create trigger after_creation_insert
after insert on playground.ai_playground_creations
for each row
when (new.parent_id is not null)
execute function playground_private.after_creation_insert();

create trigger stamp_published_at
before insert or update of is_published, published_at on playground.ai_playground_creations
for each row execute function playground_private.stamp_published_at();

create function playground_private.before_creation_share_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if exists (
        select 1
        from playground.ai_playground_creations c
        where c.id = new.creation_id
          and c.user_id = new.shared_with_user_id
    ) then
        raise exception 'playground: a creation cannot be shared with its owner'
            using errcode = '23514';
    end if;
    return new;
end
$$;

comment on function playground_private.before_creation_share_insert() is
'Trigger (before insert on ai_playground_creation_shares): refuses to share a creation with its own owner (23514).';

create trigger before_creation_share_insert
before insert on playground.ai_playground_creation_shares
for each row execute function playground_private.before_creation_share_insert();

------------------------------------------------------------------------------
-- achievements
------------------------------------------------------------------------------
create function playground_private.user_metrics(p_user_id uuid)
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
        select count(*)::integer as interactions,
               (count(*) filter (where x.success))::integer as successful_interactions,
               (count(*) filter (where x.interaction_type = 'prompt_submit'))::integer as prompt_submissions,
               (count(*) filter (where x.interaction_type = 'simulation_run'))::integer as simulations_run,
               count(distinct x.tool_name)::integer as distinct_tools,
               count(x.user_rating)::integer as ratings_given
        from playground.ai_playground_interactions x
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
'The achievement metrics of one user as a JSON object {metric: value} (see ai_playground_achievement_definitions.metric). Internal to award_achievements: not executable by API roles.';

create function playground_private.award_achievements(p_user_id uuid)
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
           coalesce((v_metrics ->> d.metric)::integer, 0),
           d.target_value
    from playground.ai_playground_achievement_definitions d
    where d.is_active
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
'Does the work of check_and_award_achievements: checks the caller (the user themself or service_role, 42501 otherwise), upserts the user''s progress on every active definition (unique (user_id, achievement_type), progress never decreases) and sets unlocked_at once on rows that reached their target, returning only the achievements unlocked by this call. SECURITY DEFINER because users cannot write achievements.';

------------------------------------------------------------------------------
-- the seed's helper functions (exposed, SECURITY INVOKER)
------------------------------------------------------------------------------
create function playground.check_and_award_achievements(p_user_id uuid)
returns table (
    achievement_type text,
    achievement_name text,
    badge_level text,
    points integer,
    unlocked_at timestamptz
)
language sql
volatile
set search_path = ''
as $$
    select * from playground_private.award_achievements(p_user_id);
$$;

comment on function playground.check_and_award_achievements(uuid) is
'Evaluates every active achievement definition for the user, records progress and awards the ones reached. Idempotent: an achievement is awarded at most once per user (unique (user_id, achievement_type); unlocked_at set once), so a second call returns no rows. Returns the achievements newly awarded by this call. A signed-in user may only call it for themself (42501 otherwise); service_role for anyone.';

create function playground.track_tool_usage(
    p_session_id uuid,
    p_user_id uuid,
    p_tool_name text,
    p_interaction_type text,
    p_response_time_ms integer,
    p_success boolean,
    p_metadata jsonb default '{}'
)
returns uuid
language plpgsql
volatile
set search_path = ''
as $$
declare
    v_session record;
    v_interaction_id uuid;
    v_metadata jsonb := coalesce(p_metadata, '{}'::jsonb);
begin
    perform playground_private.assert_can_act_for(p_user_id);
    if p_session_id is null or p_tool_name is null or p_interaction_type is null or p_success is null then
        raise exception 'playground: session, tool, interaction type and success must not be null'
            using errcode = '22004';
    end if;
    if jsonb_typeof(v_metadata) <> 'object' then
        raise exception 'playground: metadata must be a JSON object'
            using errcode = '22023';
    end if;
    if not exists (
        select 1
        from playground.ai_playground_toolkit_items t
        where t.tool_name = p_tool_name
          and t.is_active
    ) then
        raise exception 'playground: unknown or inactive tool %', p_tool_name
            using errcode = '22023';
    end if;

    select s.user_id, s.session_end
      into v_session
      from playground.ai_playground_sessions s
     where s.id = p_session_id;
    if not found then
        raise exception 'playground: session % not found', p_session_id
            using errcode = '22023';
    end if;
    if v_session.user_id <> p_user_id then
        raise exception 'playground: session % belongs to another user', p_session_id
            using errcode = '42501';
    end if;
    if v_session.session_end is not null then
        raise exception 'playground: session % has ended', p_session_id
            using errcode = '55000';
    end if;

    insert into playground.ai_playground_interactions (
        session_id,
        user_id,
        interaction_type,
        tool_name,
        response_time_ms,
        tokens_used,
        success,
        error_message,
        metadata
    )
    values (
        p_session_id,
        p_user_id,
        p_interaction_type,
        p_tool_name,
        p_response_time_ms,
        case when jsonb_typeof(v_metadata -> 'tokens_used') = 'number'
             then (v_metadata ->> 'tokens_used')::integer end,
        p_success,
        case when not p_success and jsonb_typeof(v_metadata -> 'error_message') = 'string'
             then v_metadata ->> 'error_message' end,
        v_metadata
    )
    returning id into v_interaction_id;

    perform playground.check_and_award_achievements(p_user_id);

    return v_interaction_id;
end
$$;

comment on function playground.track_tool_usage(uuid, uuid, text, text, integer, boolean, jsonb) is
'Records one tool interaction and updates every related statistic in the same transaction: the interaction (sequence number assigned under a lock on the session), the session counters, the tool''s usage statistics (triggers) and the user''s achievements (check_and_award_achievements). Any error leaves nothing behind. tokens_used and error_message are taken from metadata keys of the same name when present. Errors: 42501 when acting for another user or using another user''s session, 22004 null arguments, 22023 unknown/inactive tool or unknown session, 55000 ended session, 23514 invalid interaction_type or response time. Returns the new interaction id.';

create function playground.get_user_recent_activity(
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
begin
    perform playground_private.assert_can_act_for(p_user_id);
    if p_days is null or p_days < 1 or p_days > 365 then
        raise exception 'playground: days must be between 1 and 365 (got %)', p_days
            using errcode = '22023';
    end if;
    v_since := now() - make_interval(days => p_days);

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
        select (x.created_at at time zone 'UTC')::date as d,
               count(*)::integer as n,
               (count(*) filter (where x.success))::integer as ok,
               array_agg(distinct x.tool_name order by x.tool_name) as tools
        from playground.ai_playground_interactions x
        where x.user_id = p_user_id
          and x.created_at >= v_since
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
'Activity summary of a user over the last p_days days (default 30, 1-365): one row per UTC day with any activity, newest first, with sessions started and their total duration, interactions (successful ones and the tools used), creations made and achievements unlocked with their points. A signed-in user may only ask about themself (42501 otherwise); service_role for anyone. 22023 for days out of range.';

create function playground.calculate_user_skill_level(p_user_id uuid)
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
               count(i.id)::integer as n,
               (count(i.id) filter (where i.success))::integer as ok,
               count(distinct i.tool_name)::integer as used
        from playground.ai_playground_interactions i
        join tools t on t.tool_name = i.tool_name
        where i.user_id = p_user_id
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
'Skill progression of a user per toolkit category (active tools), plus an ''overall'' row last. skill_score 0-100 = volume (0.5 per interaction, max 50) + quality (success rate x 30, scaled down below 20 interactions: x n/20) + breadth (share of the category''s tools used x 10) + creation (2 per creation made with the category''s tools, max 10). skill_level: beginner < 25 <= intermediate < 50 <= advanced < 75 <= expert. success_rate is 0-1, null without interactions. A signed-in user may only ask about themself (42501 otherwise); service_role for anyone.';

create function playground.get_recommended_tools(
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
        select i.tool_name, count(*)::integer as n
        from playground.ai_playground_interactions i
        where i.user_id = p_user_id
        group by i.tool_name
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
'Up to p_limit (default 5, 1-50) active tools recommended to the user, best first. Score = 40 if never used + 0.3 x (100 - the user''s skill score in the tool''s category) + 20 when the tool''s difficulty is at or one above the user''s level in that category (5 below it, -10 further above) + popularity (usage_count / 100, max 10) + 2 x average rating (3 when unrated) - 5 for beta tools below the advanced level. Premium tools are not filtered (the playground has no subscription data). Uses only playground data: the learning module''s profile is not read, so the playground has no dependency on it. A signed-in user may only ask for themself (42501 otherwise); service_role for anyone.';
