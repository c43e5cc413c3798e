-- simulation: the conversation_logs partition functions refused API callers
-- by the JWT `role` claim (auth.role()), a setting any session can change
-- (issue 15). They now ask the role the session acts as (caller_is_api(),
-- the rule of every module: _macros/caller_role.sql.j2).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

create function simulation_private.caller_role()
returns text
language sql
stable
set search_path = ''
as $$
    select coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user::text);
$$;

comment on function simulation_private.caller_role() is
'The database role the session acts as: the role set by SET ROLE (PostgREST sets anon, authenticated or service_role per request), else the login role. Unlike current_user it keeps naming the caller inside SECURITY DEFINER functions; unlike auth.role() (the JWT role claim, a setting any session can change) a session cannot choose it beyond its role memberships.';

create function simulation_private.caller_is_api()
returns boolean
language sql
stable
set search_path = ''
as $$
    select simulation_private.caller_role() in ('anon', 'authenticated');
$$;

comment on function simulation_private.caller_is_api() is
'True when the session acts as an API client role (caller_role() is anon or authenticated). The rule of every module: write guards (invoker triggers) ask current_user; entry checks of SECURITY DEFINER functions ask the session''s role; nothing asks the JWT role claim.';

create function simulation_private.caller_is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
    select pg_catalog.pg_has_role(simulation_private.caller_role(), 'service_role', 'member');
$$;

comment on function simulation_private.caller_is_service() is
'True when the session acts as service_role or as a role that is a member of it (postgres on Supabase, pg_cron jobs, migrations): caller_role(), never the JWT role claim.';

create function simulation_private.caller_api_role()
returns text
language sql
stable
set search_path = ''
as $$
    select r.role
    from (select simulation_private.caller_role() as role) as r
    where r.role in ('anon', 'authenticated', 'service_role');
$$;

comment on function simulation_private.caller_api_role() is
'The API role the session acts as (anon, authenticated or service_role, from caller_role()), or null for a direct database session. For audit records: a forged JWT role claim cannot make an entry look like the service role''s.';

revoke execute on function simulation_private.caller_role() from public, anon, authenticated;
revoke execute on function simulation_private.caller_is_api() from public, anon, authenticated;
revoke execute on function simulation_private.caller_is_service() from public, anon, authenticated;
revoke execute on function simulation_private.caller_api_role() from public, anon, authenticated;

create or replace function simulation_private.archive_conversation_log_partitions(p_retention interval default '1 year'::interval, p_now timestamp with time zone default now()) returns setof text
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_cutoff timestamptz;
    v_part record;
    v_upper timestamptz;
begin
    if (select simulation_private.caller_is_api()) then
        raise exception 'only the service role may manage conversation_logs partitions'
            using errcode = '42501';
    end if;
    if p_retention is null or p_retention <= interval '0' then
        raise exception 'p_retention must be a positive interval, got %', p_retention
            using errcode = '22023';
    end if;
    if p_now is null then
        raise exception 'p_now must not be null' using errcode = '22004';
    end if;

    v_cutoff := p_now - p_retention;

    for v_part in
        select c.relname as name,
               pg_catalog.pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_catalog.pg_inherits as i
        join pg_catalog.pg_class as c on c.oid = i.inhrelid
        where i.inhparent = 'simulation.conversation_logs'::regclass
        order by c.relname
    loop
        continue when v_part.bound = 'DEFAULT';
        v_upper := (regexp_match(v_part.bound, 'TO \(''([^'']+)''\)'))[1]::timestamptz;
        continue when v_upper is null or v_upper > v_cutoff;
        -- a name already taken in the archive (archived, re-created, archived
        -- again) would make the move fail: stop with a clear error instead
        if exists (
            select 1
            from pg_catalog.pg_class as c
            where c.relnamespace = 'simulation_archive'::regnamespace
                and c.relname = v_part.name
        ) then
            raise exception 'simulation_archive.% already exists; export and drop it, then archive again', v_part.name
                using errcode = '42P07';
        end if;

        execute format('alter table simulation.conversation_logs detach partition simulation.%I', v_part.name);
        execute format('alter table simulation.%I set schema simulation_archive', v_part.name);
        execute format('alter table simulation_archive.%I enable row level security', v_part.name);
        execute format('revoke all on table simulation_archive.%I from public, anon, authenticated', v_part.name);
        execute format('comment on table simulation_archive.%I is %L', v_part.name,
            format('Archived monthly partition of simulation.conversation_logs (bounds %s), detached on %s because it was older than %s. Not readable through the API (RLS, no grants).',
                v_part.bound, to_char(p_now at time zone 'UTC', 'YYYY-MM-DD'), p_retention));
        return next v_part.name;
    end loop;
end
$$;

create or replace function simulation_private.create_conversation_log_partitions(p_months_ahead integer default 3, p_from timestamp with time zone default now()) returns setof text
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_first timestamptz;
    v_start timestamptz;
    v_end timestamptz;
    v_name text;
begin
    if (select simulation_private.caller_is_api()) then
        raise exception 'only the service role may manage conversation_logs partitions'
            using errcode = '42501';
    end if;
    if p_months_ahead is null or p_months_ahead < 0 or p_months_ahead > 120 then
        raise exception 'p_months_ahead must be between 0 and 120, got %', p_months_ahead
            using errcode = '22023';
    end if;
    if p_from is null then
        raise exception 'p_from must not be null' using errcode = '22004';
    end if;

    v_first := date_trunc('month', p_from at time zone 'UTC') at time zone 'UTC';
    for v_month in 0 .. p_months_ahead loop
        v_start := ((v_first at time zone 'UTC') + make_interval(months => v_month)) at time zone 'UTC';
        v_end := ((v_start at time zone 'UTC') + interval '1 month') at time zone 'UTC';
        v_name := 'conversation_logs_p' || to_char(v_start at time zone 'UTC', 'YYYYMM');

        continue when exists (
            select 1
            from pg_catalog.pg_class as c
            join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
            where n.nspname = 'simulation'
                and c.relname = v_name
        );

        if exists (
            select 1
            from simulation.conversation_logs_default as d
            where d."timestamp" >= v_start
                and d."timestamp" < v_end
        ) then
            -- Rows for this month already sit in the default partition:
            -- move them into a new table, then attach it.
            execute format('create table simulation.%I (like simulation.conversation_logs including defaults including constraints)', v_name);
            execute format(
                'with moved as (delete from simulation.conversation_logs_default where "timestamp" >= %L and "timestamp" < %L returning *) '
                'insert into simulation.%I select * from moved',
                v_start, v_end, v_name);
            execute format('alter table simulation.conversation_logs attach partition simulation.%I for values from (%L) to (%L)',
                v_name, v_start, v_end);
        else
            execute format('create table simulation.%I partition of simulation.conversation_logs for values from (%L) to (%L)',
                v_name, v_start, v_end);
        end if;

        execute format('alter table simulation.%I enable row level security', v_name);
        execute format('revoke all on table simulation.%I from public, anon, authenticated', v_name);
        execute format('comment on table simulation.%I is %L', v_name,
            format('Monthly partition of conversation_logs for %s (UTC). Not readable directly (RLS, no grants): read through conversation_logs.',
                to_char(v_start at time zone 'UTC', 'YYYY-MM')));
        return next v_name;
    end loop;
end
$$;

create or replace function simulation_private.drop_conversation_log_partitions(p_retention interval default '1 year'::interval, p_drop boolean default true, p_now timestamp with time zone default now()) returns setof text
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_cutoff timestamptz;
    v_part record;
    v_upper timestamptz;
begin
    if (select simulation_private.caller_is_api()) then
        raise exception 'only the service role may manage conversation_logs partitions'
            using errcode = '42501';
    end if;
    if p_retention is null or p_retention <= interval '0' then
        raise exception 'p_retention must be a positive interval, got %', p_retention
            using errcode = '22023';
    end if;
    if p_drop is null or p_now is null then
        raise exception 'p_drop and p_now must not be null' using errcode = '22004';
    end if;

    v_cutoff := p_now - p_retention;

    for v_part in
        select c.relname as name,
               pg_catalog.pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_catalog.pg_inherits as i
        join pg_catalog.pg_class as c on c.oid = i.inhrelid
        where i.inhparent = 'simulation.conversation_logs'::regclass
        order by c.relname
    loop
        continue when v_part.bound = 'DEFAULT';
        v_upper := (regexp_match(v_part.bound, 'TO \(''([^'']+)''\)'))[1]::timestamptz;
        continue when v_upper is null or v_upper > v_cutoff;

        execute format('alter table simulation.conversation_logs detach partition simulation.%I', v_part.name);
        if p_drop then
            execute format('drop table simulation.%I', v_part.name);
        end if;
        return next v_part.name;
    end loop;

    if p_drop then
        delete from simulation.conversation_logs_default as d
        where d."timestamp" < v_cutoff;
    end if;
end
$$;

create or replace function simulation_private.maintain_conversation_log_partitions(p_months_ahead integer default 3, p_retention interval default '1 year'::interval) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_created text[];
    v_archived text[];
begin
    if (select simulation_private.caller_is_api()) then
        raise exception 'only the service role may manage conversation_logs partitions'
            using errcode = '42501';
    end if;
    select coalesce(array_agg(n), '{}')
    into v_created
    from simulation_private.create_conversation_log_partitions(p_months_ahead, now()) as n;
    select coalesce(array_agg(n), '{}')
    into v_archived
    from simulation_private.archive_conversation_log_partitions(p_retention, now()) as n;
    return jsonb_build_object('created', to_jsonb(v_created), 'archived', to_jsonb(v_archived));
end
$$;
