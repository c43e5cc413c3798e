-- playground: admins edit catalogues, not counters; API input is bounded;
-- a creation id reveals nothing; the public counters can be rebuilt
-- (issue 15).
-- * Admins (app_metadata.role = admin) wrote every column of
--   ai_playground_toolkit_items, ai_playground_achievement_definitions and
--   synthetic_nonprofit_profiles, including the public counters (usage_count,
--   unique_user_count, rating_sum, rating_count...) and the audit times. Now
--   they insert and update the catalogue columns only; counters and times are
--   server-owned (service_role and the triggers).
-- * ai_playground_creation_shares: a client names the creation and the
--   recipient; created_at is the server's.
-- * The shared API write guard (playground_private.guard_api_write) on every
--   table anon or authenticated writes: text at most 10,000 characters
--   (creation content 100,000) and jsonb at most 64 KiB (22001); client-sent
--   created_at/updated_at are replaced by now() on insert.
-- * Forking: a parent that does not exist gives API callers the same 42501 as
--   a parent they cannot see (it gave 23503: an existence oracle).
-- * rebuild_public_counters() recomputes usage_count, unique_user_count,
--   rating totals, fork_count and profile usage (and the private tables behind
--   them) after a restore or bulk load that ran with triggers off.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

------------------------------------------------------------------ catalogues

revoke insert, update on playground.ai_playground_toolkit_items from authenticated;
grant insert (
    tool_name, display_name, description, category, capabilities, tags, icon,
    difficulty_level, is_active, is_beta, is_premium, learning_resources,
    documentation_url, version, changelog, sort_order
), update (
    tool_name, display_name, description, category, capabilities, tags, icon,
    difficulty_level, is_active, is_beta, is_premium, learning_resources,
    documentation_url, version, changelog, sort_order
) on playground.ai_playground_toolkit_items to authenticated;

revoke insert, update on playground.ai_playground_achievement_definitions from authenticated;
grant insert (
    achievement_type, name, description, category, badge_level, points,
    metric, target_value, is_active, sort_order
), update (
    achievement_type, name, description, category, badge_level, points,
    metric, target_value, is_active, sort_order
) on playground.ai_playground_achievement_definitions to authenticated;

revoke insert, update on playground.synthetic_nonprofit_profiles from authenticated;
grant insert (
    organization_name, organization_type, mission_statement, description,
    organization_size, staff_count, volunteer_count, annual_budget_usd,
    location, founded_year, tech_maturity, current_tools, challenges,
    practice_scenarios, difficulty_level, learning_objectives, is_featured,
    is_active
), update (
    organization_name, organization_type, mission_statement, description,
    organization_size, staff_count, volunteer_count, annual_budget_usd,
    location, founded_year, tech_maturity, current_tools, challenges,
    practice_scenarios, difficulty_level, learning_objectives, is_featured,
    is_active
) on playground.synthetic_nonprofit_profiles to authenticated;

revoke insert on playground.ai_playground_creation_shares from authenticated;
grant insert (creation_id, shared_with_user_id) on playground.ai_playground_creation_shares to authenticated;

------------------------------------------------------------- bounded input

create function playground_private.guard_api_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_arg text;
    v_col text;
    v_text_limit integer := 10000;
    v_json_limit integer := 65536;
    v_limits jsonb := '{}'::jsonb;
    v_stamps jsonb := '{}'::jsonb;
    v_row jsonb;
    v_old jsonb := '{}'::jsonb;
    v_key text;
    v_value jsonb;
    v_size integer;
    v_limit integer;
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    v_row := to_jsonb(new);
    if tg_op = 'UPDATE' then
        v_old := to_jsonb(old);
    end if;
    -- tg_argv is null, not empty, for a trigger without arguments.
    foreach v_arg in array coalesce(tg_argv, '{}'::text[]) loop
        if v_arg like 'created:%' then
            v_col := substr(v_arg, 9);
            v_stamps := v_stamps || jsonb_build_object(
                v_col, case when tg_op = 'INSERT' then to_jsonb(now()) else v_old -> v_col end);
        elsif v_arg like 'touched:%' then
            v_col := substr(v_arg, 9);
            if v_row ->> v_col is not null
                and (tg_op = 'INSERT' or (v_row -> v_col) is distinct from (v_old -> v_col)) then
                v_stamps := v_stamps || jsonb_build_object(v_col, now());
            end if;
        elsif v_arg like 'caller:%' then
            v_col := substr(v_arg, 8);
            v_stamps := v_stamps || jsonb_build_object(
                v_col, case when tg_op = 'INSERT' then to_jsonb((select auth.uid())) else v_old -> v_col end);
        elsif v_arg like 'text=%' then
            v_text_limit := substr(v_arg, 6)::integer;
        elsif v_arg like 'json=%' then
            v_json_limit := substr(v_arg, 6)::integer;
        else
            v_limits := v_limits || jsonb_build_object(split_part(v_arg, '=', 1), split_part(v_arg, '=', 2)::integer);
        end if;
    end loop;
    for v_key, v_value in select e.key, e.value from jsonb_each(v_row) as e loop
        -- Only what this write changes: a value stored before the limit stays editable around it.
        continue when tg_op = 'UPDATE' and v_value is not distinct from (v_old -> v_key);
        if jsonb_typeof(v_value) = 'string' then
            v_size := length(v_value #>> '{}');
            v_limit := coalesce((v_limits ->> v_key)::integer, v_text_limit);
        elsif jsonb_typeof(v_value) in ('object', 'array') then
            v_size := octet_length(v_value::text);
            v_limit := coalesce((v_limits ->> v_key)::integer, v_json_limit);
        else
            continue;
        end if;
        if v_size > v_limit then
            raise exception '%.%: % is too large (% > % allowed for API writes)', tg_table_name, v_key,
                case when jsonb_typeof(v_value) = 'string' then 'text' else 'json' end, v_size, v_limit
                using errcode = '22001';
        end if;
    end loop;
    if v_stamps <> '{}'::jsonb then
        new := jsonb_populate_record(new, v_stamps);
    end if;
    return new;
end
$$;

comment on function playground_private.guard_api_write() is
'Trigger function (before insert or update) for every table an API role can write: when current_user is anon or authenticated it bounds the input (text values at most 10,000 characters and jsonb values at most 64 KiB unless the trigger arguments say otherwise: text=N, json=N, column=N; only values the write changes are measured; 22001 when too large) and sets server-owned times (created:col = now() on insert and unchanged on update; touched:col = now() whenever the client sets it) and authors (caller:col = auth.uid() on insert, unchanged on update), so client-sent times and authors are ignored. The service role, migrations and SECURITY DEFINER helpers (running as their owner) are not limited.';

revoke execute on function playground_private.guard_api_write() from public, anon;

create trigger guard_api_write
before insert or update on playground.ai_playground_interactions
for each row execute function playground_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on playground.ai_playground_sessions
for each row execute function playground_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on playground.ai_playground_creations
for each row execute function playground_private.guard_api_write('created:created_at', 'content=100000');

create trigger guard_api_write
before insert or update on playground.ai_playground_toolkit_items
for each row execute function playground_private.guard_api_write('created:created_at', 'created:updated_at');

create trigger guard_api_write
before insert or update on playground.ai_playground_achievement_definitions
for each row execute function playground_private.guard_api_write('created:created_at', 'created:updated_at');

create trigger guard_api_write
before insert or update on playground.synthetic_nonprofit_profiles
for each row execute function playground_private.guard_api_write('created:created_at', 'created:updated_at');

------------------------------------------------------------------ forking

create or replace function playground_private.before_creation_insert() returns trigger
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
        -- an API caller gets the error of an invisible creation: a creation
        -- id reveals nothing (no existence oracle)
        if (select playground_private.caller_is_api()) then
            raise exception 'playground: creation % is not visible to this user and cannot be forked', new.parent_id
                using errcode = '42501';
        end if;
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
'Trigger (before insert on ai_playground_creations): with a parent_id, a child of one''s own creation becomes its next version (version = parent version + 1); a child of someone else''s creation is a fork (version 1) and is only allowed when the parent is public or shared with the new owner (42501 otherwise). A parent that does not exist gives an API caller (caller_is_api()) the same 42501, so a creation id reveals nothing; others get 23503. Without a parent, version = 1.';

---------------------------------------------------------------- rebuild

create function playground_private.rebuild_public_counters()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
    if not (select playground_private.caller_is_service()) then
        raise exception 'playground: rebuilding the public counters is for service_role'
            using errcode = '42501';
    end if;
    -- writers wait: the counters are rebuilt from a stable set of rows
    lock table
        playground.ai_playground_interactions,
        playground.ai_playground_sessions,
        playground.ai_playground_creations
        in share mode;
    lock table
        playground.ai_playground_toolkit_items,
        playground.synthetic_nonprofit_profiles
        in share row exclusive mode;

    delete from playground_private.tool_usage_days;
    insert into playground_private.tool_usage_days (user_id, tool_name, last_day)
    select i.user_id, i.tool_name, max((i.created_at at time zone 'UTC')::date)
    from playground.ai_playground_interactions as i
    group by i.user_id, i.tool_name;

    update playground.ai_playground_toolkit_items as t
    set usage_count = coalesce(u.days, 0),
        unique_user_count = coalesce(u.users, 0),
        rating_sum = coalesce(r.s, 0),
        rating_count = coalesce(r.n, 0)
    from playground.ai_playground_toolkit_items as t2
    left join (
        select d.tool_name, count(*)::bigint as days, count(distinct d.user_id)::integer as users
        from (
            select distinct i.tool_name, i.user_id, (i.created_at at time zone 'UTC')::date as day
            from playground.ai_playground_interactions as i
        ) as d
        group by d.tool_name
    ) as u on u.tool_name = t2.tool_name
    left join (
        select i.tool_name, sum(i.user_rating)::bigint as s, count(i.user_rating)::integer as n
        from playground.ai_playground_interactions as i
        where i.user_rating is not null
        group by i.tool_name
    ) as r on r.tool_name = t2.tool_name
    where t2.id = t.id
        and (t.usage_count, t.unique_user_count, t.rating_sum, t.rating_count)
            is distinct from (coalesce(u.days, 0), coalesce(u.users, 0), coalesce(r.s, 0), coalesce(r.n, 0));

    update playground.ai_playground_creations as c
    set fork_count = coalesce(f.n, 0)
    from playground.ai_playground_creations as c2
    left join (
        select k.parent_id, count(distinct k.user_id)::integer as n
        from playground.ai_playground_creations as k
        join playground.ai_playground_creations as p on p.id = k.parent_id
        where p.user_id <> k.user_id
        group by k.parent_id
    ) as f on f.parent_id = c2.id
    where c2.id = c.id
        and c.fork_count <> coalesce(f.n, 0);

    delete from playground_private.profile_usage_days;
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
            select distinct s.nonprofit_profile_id as profile_id, s.user_id,
                (s.session_start at time zone 'UTC')::date as day
            from playground.ai_playground_sessions as s
            where s.nonprofit_profile_id is not null
        ) as d
        group by d.profile_id
    ) as u on u.profile_id = p2.id
    where p2.id = p.id
        and p.usage_count <> coalesce(u.days, 0);
end
$$;

comment on function playground_private.rebuild_public_counters() is
'Recomputes the public counters from the rows they count, with the rules the triggers follow: ai_playground_toolkit_items.usage_count (once per user, tool and UTC day), unique_user_count (once per user), rating_sum and rating_count (the rated interactions: one per user and tool for API callers), ai_playground_creations.fork_count (distinct other users who forked) and synthetic_nonprofit_profiles.usage_count (once per user, profile and UTC day), and the private tables behind them (tool_usage_days, profile_usage_days). For a restore or bulk load that ran with triggers off; writers wait while it runs (share locks). 42501 unless the session acts as service_role or a member of it (caller_is_service()); EXECUTE for service_role only.';

revoke execute on function playground_private.rebuild_public_counters() from public, anon, authenticated;
grant execute on function playground_private.rebuild_public_counters() to service_role;
