-- simulation: conversation_logs partition management on a schedule, the
-- seed's "archive old data to separate partitions" and "automated partition
-- management and cleanup".
-- * simulation_archive: a schema outside the API where old monthly
--   partitions go once detached (their rows leave conversation_logs but are
--   kept, RLS on and no grants, for export or a later drop);
-- * simulation_private.archive_conversation_log_partitions: detaches every
--   monthly partition older than the retention and moves it there;
-- * simulation_private.maintain_conversation_log_partitions: what the
--   schedule runs: partitions three months ahead, then the archive step;
-- * a pg_cron job, daily, where pg_cron is installed; otherwise a NOTICE
--   with the cron.schedule call to run (the playground rollups' pattern).
-- drop_conversation_log_partitions (the earlier retention function) stays:
-- it drops instead of keeping.

create schema simulation_archive;
comment on schema simulation_archive is
'Archived (detached) monthly partitions of simulation.conversation_logs, named as they were (conversation_logs_pYYYYMM). Not exposed through the API: RLS on, no grants; the service role or postgres exports or drops them.';
revoke all on schema simulation_archive from public;

create function simulation_private.archive_conversation_log_partitions(
    p_retention interval default interval '12 months',
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

comment on function simulation_private.archive_conversation_log_partitions(interval, timestamptz) is
'Archive step of the conversation_logs retention: detaches every monthly partition whose upper bound is at or before p_now - p_retention (default 12 months) and moves it to schema simulation_archive, RLS on and no grants, so its messages leave the API but are kept. Returns the names archived; idempotent (a second run finds nothing to do). Raises 42501 for anon/authenticated callers, 22023 for a non-positive retention, 42P07 when the archive already holds a table of that name. Detaching takes an ACCESS EXCLUSIVE lock on conversation_logs for a moment (no data is copied).';

create function simulation_private.maintain_conversation_log_partitions(
    p_months_ahead integer default 3,
    p_retention interval default interval '12 months'
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_created text[];
    v_archived text[];
begin
    if coalesce((select auth.role()), '') in ('anon', 'authenticated') then
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

comment on function simulation_private.maintain_conversation_log_partitions(integer, interval) is
'The scheduled partition management of conversation_logs: creates the partitions of this month and the p_months_ahead (default 3) after it, then archives those older than p_retention (default 12 months) with archive_conversation_log_partitions. Returns {"created": [...], "archived": [...]}. Runs daily with pg_cron (job simulation_maintain_conversation_logs) where the extension is installed. Raises 42501 for anon/authenticated callers.';

revoke execute on function simulation_private.archive_conversation_log_partitions(interval, timestamptz) from public, anon, authenticated;
revoke execute on function simulation_private.maintain_conversation_log_partitions(integer, interval) from public, anon, authenticated;
grant execute on function simulation_private.archive_conversation_log_partitions(interval, timestamptz) to service_role;
grant execute on function simulation_private.maintain_conversation_log_partitions(integer, interval) to service_role;

-- schedule: daily at 03:17 UTC, when pg_cron is installed
do $$
begin
    if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
        -- cron.schedule(job_name, ...) replaces a job of the same name: idempotent
        perform cron.schedule(
            'simulation_maintain_conversation_logs',
            '17 3 * * *',
            'select simulation_private.maintain_conversation_log_partitions()'
        );
    else
        raise notice 'simulation: pg_cron is not installed, so conversation_logs partitions are not created ahead nor archived on a schedule. Enable pg_cron (Supabase: Database > Extensions) and run: select cron.schedule(''simulation_maintain_conversation_logs'', ''17 3 * * *'', ''select simulation_private.maintain_conversation_log_partitions()'');';
    end if;
end
$$;
