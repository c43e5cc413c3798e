-- simulation: create_conversation_log_partitions without its dead
-- declaration. `for v_month in 0 .. n loop` declares its own integer loop
-- variable, so the `v_month integer` in the declare block was never used
-- (plpgsql_check: unused variable "v_month", lint rule plpgsql-warning).
-- Same body otherwise; create or replace keeps the function's grants and
-- comment (20261123140100).

create or replace function simulation_private.create_conversation_log_partitions(
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
