-- simulation: monthly partitions of conversation_logs and their maintenance.
-- The seed's partitioning strategy: "large tables partitioned by date
-- (conversation_logs) ... automated partition management and cleanup".
-- Partitions are named conversation_logs_pYYYYMM (UTC months); rows outside
-- every monthly partition land in conversation_logs_default.
-- Partitions are never read directly: RLS is enabled on each (no policies)
-- and anon/authenticated hold no privileges on them, so only the parent's
-- policies decide who sees a row.

create table simulation.conversation_logs_default
    partition of simulation.conversation_logs default;

comment on table simulation.conversation_logs_default is
'Default partition of conversation_logs: rows outside every monthly partition. create_conversation_log_partitions moves its rows into a monthly partition when it creates one. Not readable directly (RLS, no grants).';

alter table simulation.conversation_logs_default enable row level security;
revoke all on table simulation.conversation_logs_default from public, anon, authenticated;

create function simulation_private.create_conversation_log_partitions(
    p_months_ahead integer default 3,
    p_from timestamptz default now()
)
returns setof text
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_first timestamptz;
    v_start timestamptz;
    v_end timestamptz;
    v_name text;
    v_month integer;
begin
    if coalesce((select auth.role()), '') in ('anon', 'authenticated') then
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

comment on function simulation_private.create_conversation_log_partitions(integer, timestamptz) is
'Creates the monthly conversation_logs partitions for the month of p_from and the p_months_ahead months after it (UTC), skipping those that exist (idempotent); rows of those months already in the default partition are moved in. Returns the names created. Run monthly (e.g. pg_cron) as postgres or the service role.';

create function simulation_private.drop_conversation_log_partitions(
    p_retention interval default interval '12 months',
    p_drop boolean default true,
    p_now timestamptz default now()
)
returns setof text
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_cutoff timestamptz;
    v_part record;
    v_upper timestamptz;
begin
    if coalesce((select auth.role()), '') in ('anon', 'authenticated') then
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

comment on function simulation_private.drop_conversation_log_partitions(interval, boolean, timestamptz) is
'Retention: detaches every monthly conversation_logs partition whose upper bound is at or before p_now - p_retention (default 12 months) and, when p_drop (default), drops it and deletes default-partition rows older than the cutoff. Returns the partition names detached. Detached tables keep RLS on and no grants, so they stay unreadable through the API.';

revoke execute on function simulation_private.create_conversation_log_partitions(integer, timestamptz) from public, anon, authenticated;
revoke execute on function simulation_private.drop_conversation_log_partitions(interval, boolean, timestamptz) from public, anon, authenticated;
grant execute on function simulation_private.create_conversation_log_partitions(integer, timestamptz) to service_role;
grant execute on function simulation_private.drop_conversation_log_partitions(interval, boolean, timestamptz) to service_role;

-- The current month and the next three.
select simulation_private.create_conversation_log_partitions(3);
