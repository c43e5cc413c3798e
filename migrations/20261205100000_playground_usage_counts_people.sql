-- playground: no public counter and no achievement metric that one account
-- can farm by repeating a write (issue 15).
-- * ai_playground_toolkit_items.usage_count (read by anon) counts a tool's use
--   at most once per user and UTC day, unique_user_count once per user
--   (playground_private.tool_usage_days, one row per user and tool: an
--   index-backed upsert per write, no scan of the user's interactions).
--   1,000 interactions by one user on one day move usage_count by 1.
-- * synthetic_nonprofit_profiles.usage_count counts a profile at most once
--   per user and UTC day (playground_private.profile_usage_days), active
--   profiles only.
-- * Achievement metrics: forks_received counts the distinct other users who
--   forked any of one's creations (one accomplice forking 5 creations counts
--   once); ratings_given counts the tools one has rated.
-- * An API caller (current_user anon or authenticated) records interactions
--   only in an open session of their own: one 42501 whether the session does
--   not exist or is someone else's (no oracle), 55000 for an ended session.
-- All counters are recomputed once here from the stored rows.
-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '5min';

------------------------------------------------------------------ tool usage

create table playground_private.tool_usage_days (
    user_id uuid not null,
    tool_name text not null,
    last_day date not null,
    constraint tool_usage_days_pkey primary key (user_id, tool_name),
    constraint tool_usage_days_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint tool_usage_days_tool_name_fkey foreign key (tool_name)
        references playground.ai_playground_toolkit_items (tool_name) on update cascade on delete cascade
);

comment on table playground_private.tool_usage_days is
'The last UTC day on which each user''s use of each active tool was counted (one row per user and tool), behind ai_playground_toolkit_items.usage_count (a use counts once per user, tool and day) and unique_user_count (once per user). Written only by after_interaction_insert (SECURITY DEFINER); no API access.';
comment on column playground_private.tool_usage_days.user_id is 'The user (auth.users.id); the row goes with the user.';
comment on column playground_private.tool_usage_days.tool_name is 'The tool (ai_playground_toolkit_items.tool_name).';
comment on column playground_private.tool_usage_days.last_day is 'The latest UTC day (of created_at) on which the user''s use of the tool was counted.';

create index idx_tool_usage_days_tool_name
    on playground_private.tool_usage_days (tool_name);

revoke all on playground_private.tool_usage_days from public, anon, authenticated;

insert into playground_private.tool_usage_days (user_id, tool_name, last_day)
select i.user_id, i.tool_name, max((i.created_at at time zone 'UTC')::date)
from playground.ai_playground_interactions as i
group by i.user_id, i.tool_name;

-- usage_count: distinct (user, UTC day) pairs; unique_user_count: distinct users
update playground.ai_playground_toolkit_items as t
set usage_count = coalesce(u.days, 0),
    unique_user_count = coalesce(u.users, 0)
from playground.ai_playground_toolkit_items as t2
left join (
    select d.tool_name, count(*)::bigint as days, count(distinct d.user_id)::integer as users
    from (
        select distinct i.tool_name, i.user_id, (i.created_at at time zone 'UTC')::date as day
        from playground.ai_playground_interactions as i
    ) as d
    group by d.tool_name
) as u on u.tool_name = t2.tool_name
where t2.id = t.id
    and (t.usage_count, t.unique_user_count) is distinct from (coalesce(u.days, 0), coalesce(u.users, 0));

create or replace function playground_private.after_interaction_insert()
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

    -- Usage of active tools: a (user, tool) pair counts once per UTC day and
    -- its first row counts a new user. The upsert returns the pairs that
    -- counted: inserted (xmax = 0: a new user and a new day) or moved to a
    -- later day. A concurrent insert of the same pair waits for the row and
    -- re-checks "last_day < excluded.last_day", so it never counts twice.
    with counted as (
        insert into playground_private.tool_usage_days as d (user_id, tool_name, last_day)
        select nr.user_id, nr.tool_name, max((nr.created_at at time zone 'UTC')::date)
          from new_rows nr
          join playground.ai_playground_toolkit_items t
            on t.tool_name = nr.tool_name
           and t.is_active
         group by nr.user_id, nr.tool_name
         order by nr.user_id, nr.tool_name
        on conflict on constraint tool_usage_days_pkey do update
        set last_day = excluded.last_day
        where d.last_day < excluded.last_day
        returning d.tool_name, (d.xmax = 0) as new_user
    ),
    per_tool as (
        select c.tool_name,
               count(*)::integer as days,
               (count(*) filter (where c.new_user))::integer as new_users
          from counted c
         group by c.tool_name
    ),
    used as (
        select nr.tool_name,
               max(nr.created_at) as last_at,
               coalesce(sum(nr.user_rating), 0)::bigint as rating_sum,
               count(nr.user_rating)::integer as rating_count
          from new_rows nr
         group by nr.tool_name
    )
    update playground.ai_playground_toolkit_items t
       set usage_count = t.usage_count + coalesce(p.days, 0),
           unique_user_count = t.unique_user_count + coalesce(p.new_users, 0),
           last_used_at = greatest(t.last_used_at, u.last_at),
           rating_sum = t.rating_sum + u.rating_sum,
           rating_count = t.rating_count + u.rating_count
      from used u
      left join per_tool p on p.tool_name = u.tool_name
     where t.tool_name = u.tool_name;
    return null;
end
$$;

comment on function playground_private.after_interaction_insert() is
'Statement trigger (after insert on ai_playground_interactions, transition table new_rows): recomputes interaction_count, error_count and avg_response_time_ms of the sessions touched; for active tools counts a use once per user, tool and UTC day in usage_count and a new user once in unique_user_count (playground_private.tool_usage_days, an index-backed upsert: repeating interactions cannot inflate them, and concurrent first uses count once); moves last_used_at and the rating totals (one rated interaction per user and tool for API callers, check_interaction_tool_and_rating). SECURITY DEFINER: users cannot write these statistics themselves.';

------------------------------------------------------- nonprofit profile usage

create table playground_private.profile_usage_days (
    user_id uuid not null,
    profile_id uuid not null,
    last_day date not null,
    constraint profile_usage_days_pkey primary key (user_id, profile_id),
    constraint profile_usage_days_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint profile_usage_days_profile_id_fkey foreign key (profile_id)
        references playground.synthetic_nonprofit_profiles (id) on delete cascade
);

comment on table playground_private.profile_usage_days is
'The last UTC day on which each user''s session on each nonprofit profile was counted (one row per user and profile), behind synthetic_nonprofit_profiles.usage_count (once per user, profile and day). Written only by after_session_insert (SECURITY DEFINER); no API access.';
comment on column playground_private.profile_usage_days.user_id is 'The user (auth.users.id); the row goes with the user.';
comment on column playground_private.profile_usage_days.profile_id is 'The profile (synthetic_nonprofit_profiles.id).';
comment on column playground_private.profile_usage_days.last_day is 'The latest UTC day (of session_start) on which the user''s use of the profile was counted.';

create index idx_profile_usage_days_profile_id
    on playground_private.profile_usage_days (profile_id);

revoke all on playground_private.profile_usage_days from public, anon, authenticated;

insert into playground_private.profile_usage_days (user_id, profile_id, last_day)
select s.user_id, s.nonprofit_profile_id, max((s.session_start at time zone 'UTC')::date)
from playground.ai_playground_sessions as s
where s.nonprofit_profile_id is not null
group by s.user_id, s.nonprofit_profile_id;

update playground.synthetic_nonprofit_profiles as p
set usage_count = coalesce(u.days, 0)
from playground.synthetic_nonprofit_profiles as p2
left join (
    select d.profile_id, count(*)::integer as days
    from (
        select distinct s.nonprofit_profile_id as profile_id, s.user_id, (s.session_start at time zone 'UTC')::date as day
        from playground.ai_playground_sessions as s
        where s.nonprofit_profile_id is not null
    ) as d
    group by d.profile_id
) as u on u.profile_id = p2.id
where p2.id = p.id
    and p.usage_count <> coalesce(u.days, 0);

create or replace function playground_private.after_session_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    -- once per user, profile and UTC day: a repeated session does not count
    insert into playground_private.profile_usage_days as d (user_id, profile_id, last_day)
    select new.user_id, p.id, (new.session_start at time zone 'UTC')::date
      from playground.synthetic_nonprofit_profiles p
     where p.id = new.nonprofit_profile_id
       and p.is_active
    on conflict on constraint profile_usage_days_pkey do update
    set last_day = excluded.last_day
    where d.last_day < excluded.last_day;
    if found then
        update playground.synthetic_nonprofit_profiles p
           set usage_count = p.usage_count + 1
         where p.id = new.nonprofit_profile_id;
    end if;
    return null;
end
$$;

comment on function playground_private.after_session_insert() is
'Trigger (after insert on ai_playground_sessions with a nonprofit_profile_id): counts the session in the profile''s usage_count once per user, profile and UTC day of session_start (playground_private.profile_usage_days), for active profiles only, so repeated sessions cannot inflate it. SECURITY DEFINER: users cannot update profiles.';

---------------------------------------------------------- achievement metrics

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
        select count(distinct fk.user_id)::integer as forks_received
        from playground.ai_playground_creations x
        join playground.ai_playground_creations fk
          on fk.parent_id = x.id
         and fk.user_id <> p_user_id
        where x.user_id = p_user_id
    ) f;
$$;

comment on function playground_private.user_metrics(uuid) is
'The achievement metrics of one user as a JSON object {metric: value} (see ai_playground_achievement_definitions.metric). Interaction metrics come from the per-user counters (ai_playground_user_tool_stats), not from a scan of the user''s interactions; sessions and creations are counted live. Server-owned facts only: ratings_given = tools rated, forks_received = distinct other users who forked any of the user''s creations (idx_ai_playground_creations_parent_id), so repeating a write or one accomplice cannot farm them. Internal to award_achievements: not executable by API roles.';

------------------------------------------------------------- interactions

create function playground_private.authorize_interaction_insert()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_session_end timestamptz;
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    -- with the caller's rights: only the caller's own sessions are visible
    select s.session_end
      into v_session_end
      from playground.ai_playground_sessions s
     where s.id = new.session_id
       and s.user_id = new.user_id;
    if not found then
        raise exception 'playground: no session % of this user', new.session_id
            using errcode = '42501';
    end if;
    if v_session_end is not null then
        raise exception 'playground: session % has ended', new.session_id
            using errcode = '55000';
    end if;
    return new;
end
$$;

comment on function playground_private.authorize_interaction_insert() is
'Trigger (before insert on ai_playground_interactions; by name the first): for API callers (current_user anon or authenticated) the interaction must belong to an open session of the caller''s own: one 42501 whether the session does not exist or is someone else''s (no oracle), 55000 when it has ended. Runs with the caller''s rights (a primary-key lookup); service_role and migrations may load history.';

revoke execute on function playground_private.authorize_interaction_insert() from public, anon, authenticated;

create trigger authorize_interaction_insert
before insert on playground.ai_playground_interactions
for each row execute function playground_private.authorize_interaction_insert();

comment on column playground.ai_playground_toolkit_items.usage_count is
'Uses of the tool, each user counted at most once per UTC day (server-owned, by trigger; one user repeating interactions adds at most 1 a day).';
comment on column playground.ai_playground_toolkit_items.unique_user_count is
'Distinct users who used the tool (server-owned, by trigger).';
comment on column playground.synthetic_nonprofit_profiles.usage_count is
'Sessions on this profile, each user counted at most once per UTC day (server-owned, by trigger).';
