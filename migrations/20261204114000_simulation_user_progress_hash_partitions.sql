-- simulation: user_progress partitioned by user (hash), as the seed asks.
--
-- A released table cannot become partitioned in place: the new table is built
-- beside it, filled and swapped in, and what hung on the old one (policies,
-- also other tables' that read it; triggers, indexes, foreign keys both ways,
-- privileges, RLS switches, comments) is carried over as read from the catalog
-- at deploy time, so nothing an earlier migration added is lost. The primary
-- key becomes (id, user_id): a partitioned table's unique keys contain the
-- partition key; id stays unique (one identity sequence). Deploy cost: one
-- transaction with ACCESS EXCLUSIVE on user_progress, scene_progress and
-- conversation_logs (time: CHANGELOG.md).

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '15min';

lock table simulation.user_progress, simulation.scene_progress, simulation.conversation_logs in access exclusive mode;

create table simulation.user_progress_partitioned (
    like simulation.user_progress
    including defaults
    including constraints
    including identity
    including generated
    including comments
    including statistics
    including storage
) partition by hash (user_id);

create table simulation.user_progress_p0
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 0);
create table simulation.user_progress_p1
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 1);
create table simulation.user_progress_p2
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 2);
create table simulation.user_progress_p3
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 3);
create table simulation.user_progress_p4
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 4);
create table simulation.user_progress_p5
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 5);
create table simulation.user_progress_p6
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 6);
create table simulation.user_progress_p7
    partition of simulation.user_progress_partitioned
    for values with (modulus 8, remainder 7);

insert into simulation.user_progress_partitioned
overriding system value
select *
from simulation.user_progress;

-- What to recreate, read from the catalog while the old table exists.
-- search_path is empty so every name in the captured text is qualified
-- (simulation.user_progress names the new table once it is renamed).
create temporary table user_progress_replay (
    step integer not null,
    ord bigint generated always as identity,
    statement text not null
) on commit drop;

do $$
declare
    v_old oid := 'simulation.user_progress'::regclass;
    v_row record;
begin
    perform pg_catalog.set_config('search_path', '', true);

    -- step 1: drop (before the old table goes) what other tables hold on it
    -- step 2: recreate on the new table: indexes, keys, triggers
    -- step 3: policies, grants, comments
    for v_row in
        select c.conname, c.conrelid::regclass::text as tbl, pg_catalog.pg_get_constraintdef(c.oid) as def,
               pg_catalog.obj_description(c.oid, 'pg_constraint') as note
        from pg_catalog.pg_constraint as c
        where c.confrelid = v_old
            and c.contype = 'f'
            and c.conparentid = 0
    loop
        insert into user_progress_replay (step, statement) values
            (1, format('alter table %s drop constraint %I', v_row.tbl, v_row.conname)),
            (2, format('alter table %s add constraint %I %s', v_row.tbl, v_row.conname, v_row.def));
        if v_row.note is not null then
            insert into user_progress_replay (step, statement) values
                (3, format('comment on constraint %I on %s is %L', v_row.conname, v_row.tbl, v_row.note));
        end if;
    end loop;

    for v_row in
        select c.conname, pg_catalog.pg_get_constraintdef(c.oid) as def,
               pg_catalog.obj_description(c.oid, 'pg_constraint') as note
        from pg_catalog.pg_constraint as c
        where c.conrelid = v_old
            and c.contype = 'f'
    loop
        insert into user_progress_replay (step, statement) values
            (2, format('alter table simulation.user_progress add constraint %I %s', v_row.conname, v_row.def));
        if v_row.note is not null then
            insert into user_progress_replay (step, statement) values
                (3, format('comment on constraint %I on simulation.user_progress is %L', v_row.conname, v_row.note));
        end if;
    end loop;

    -- plain indexes (those behind the primary and unique keys are replaced below)
    for v_row in
        select pg_catalog.pg_get_indexdef(i.indexrelid) as def, i.indexrelid::regclass::text as name,
               pg_catalog.obj_description(i.indexrelid, 'pg_class') as note
        from pg_catalog.pg_index as i
        where i.indrelid = v_old
            and not exists (select 1 from pg_catalog.pg_constraint as c where c.conindid = i.indexrelid and c.conrelid = v_old)
    loop
        insert into user_progress_replay (step, statement) values (2, v_row.def);
        if v_row.note is not null then
            insert into user_progress_replay (step, statement) values
                (3, format('comment on index %s is %L', v_row.name, v_row.note));
        end if;
    end loop;

    for v_row in
        select t.tgname, pg_catalog.pg_get_triggerdef(t.oid) as def,
               pg_catalog.obj_description(t.oid, 'pg_trigger') as note
        from pg_catalog.pg_trigger as t
        where t.tgrelid = v_old
            and not t.tgisinternal
    loop
        insert into user_progress_replay (step, statement) values (2, v_row.def);
        if v_row.note is not null then
            insert into user_progress_replay (step, statement) values
                (3, format('comment on trigger %I on simulation.user_progress is %L', v_row.tgname, v_row.note));
        end if;
    end loop;

    -- policies: the table's own, and those of other tables that read it
    for v_row in
        select p.polname, p.polrelid, p.polrelid::regclass::text as tbl,
               case when p.polpermissive then 'permissive' else 'restrictive' end as kind,
               case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
                   when 'd' then 'delete' else 'all' end as cmd,
               (select string_agg(case when r = 0 then 'public' else pg_catalog.quote_ident(a.rolname) end, ', ')
                from unnest(p.polroles) as r
                left join pg_catalog.pg_roles as a on a.oid = r) as roles,
               pg_catalog.pg_get_expr(p.polqual, p.polrelid) as qual,
               pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as check_expr,
               pg_catalog.obj_description(p.oid, 'pg_policy') as note
        from pg_catalog.pg_policy as p
        where p.polrelid = v_old
            or p.oid in (
                select d.objid
                from pg_catalog.pg_depend as d
                where d.classid = 'pg_catalog.pg_policy'::regclass
                    and d.refclassid = 'pg_catalog.pg_class'::regclass
                    and d.refobjid = v_old
            )
        order by p.polrelid = v_old desc, p.polrelid, p.polname
    loop
        if v_row.polrelid <> v_old then
            insert into user_progress_replay (step, statement) values
                (1, format('drop policy %I on %s', v_row.polname, v_row.tbl));
        end if;
        insert into user_progress_replay (step, statement) values
            (3, format('create policy %I on %s as %s for %s to %s%s%s',
                v_row.polname,
                case when v_row.polrelid = v_old then 'simulation.user_progress' else v_row.tbl end,
                v_row.kind, v_row.cmd, v_row.roles,
                case when v_row.qual is not null then format(' using (%s)', v_row.qual) else '' end,
                case when v_row.check_expr is not null then format(' with check (%s)', v_row.check_expr) else '' end));
        if v_row.note is not null then
            insert into user_progress_replay (step, statement) values
                (3, format('comment on policy %I on %s is %L', v_row.polname,
                    case when v_row.polrelid = v_old then 'simulation.user_progress' else v_row.tbl end, v_row.note));
        end if;
    end loop;

    -- privileges on the table and on its columns (the owner keeps its own)
    for v_row in
        select case when a.grantee = 0 then 'public' else pg_catalog.quote_ident(r.rolname) end as grantee,
               a.privilege_type
        from pg_catalog.pg_class as c
        cross join lateral pg_catalog.aclexplode(c.relacl) as a
        left join pg_catalog.pg_roles as r on r.oid = a.grantee
        where c.oid = v_old
            and a.grantee <> c.relowner
    loop
        insert into user_progress_replay (step, statement) values
            (3, format('grant %s on table simulation.user_progress to %s', v_row.privilege_type, v_row.grantee));
    end loop;

    for v_row in
        select case when a.grantee = 0 then 'public' else pg_catalog.quote_ident(r.rolname) end as grantee,
               a.privilege_type, att.attname
        from pg_catalog.pg_attribute as att
        cross join lateral pg_catalog.aclexplode(att.attacl) as a
        left join pg_catalog.pg_roles as r on r.oid = a.grantee
        where att.attrelid = v_old
            and att.attnum > 0
            and not att.attisdropped
            and a.grantee <> (select c.relowner from pg_catalog.pg_class as c where c.oid = v_old)
    loop
        insert into user_progress_replay (step, statement) values
            (3, format('grant %s (%I) on table simulation.user_progress to %s', v_row.privilege_type, v_row.attname, v_row.grantee));
    end loop;

    -- RLS switches
    insert into user_progress_replay (step, statement)
    select 3, s
    from pg_catalog.pg_class as c
    cross join lateral (values
        (case when c.relrowsecurity then 'alter table simulation.user_progress enable row level security' end),
        (case when c.relforcerowsecurity then 'alter table simulation.user_progress force row level security' end)
    ) as v (s)
    where c.oid = v_old
        and s is not null;

    -- the identity continues where the old one stopped
    insert into user_progress_replay (step, statement)
    select 3, format('select pg_catalog.setval(%L, %s, %L)',
        'simulation.user_progress_id_seq', s.last_value, s.is_called)
    from pg_catalog.pg_sequences as q
    cross join lateral (
        select q.last_value is not null as is_called, coalesce(q.last_value, q.start_value) as last_value
    ) as s
    where format('%I.%I', q.schemaname, q.sequencename) = pg_catalog.pg_get_serial_sequence('simulation.user_progress', 'id');
end
$$;

do $$
declare
    v_statement text;
begin
    for v_statement in select r.statement from user_progress_replay as r where r.step = 1 order by r.ord loop
        execute v_statement;
    end loop;
end
$$;

-- schema-tool: allow drop-table its rows were copied into user_progress_partitioned above, which takes its name
drop table simulation.user_progress;

alter table simulation.user_progress_partitioned rename to user_progress;
alter sequence simulation.user_progress_partitioned_id_seq rename to user_progress_id_seq;

-- schema-tool: allow constraint-builds-index the table was created and filled by this migration (user_progress_partitioned, renamed above) and no client sees it before the commit; the lock is the swap's own
alter table simulation.user_progress
add constraint user_progress_pkey primary key (id, user_id);

do $$
declare
    v_statement text;
begin
    perform pg_catalog.set_config('search_path', '', true);
    for v_statement in select r.statement from user_progress_replay as r where r.step in (2, 3) order by r.step, r.ord loop
        execute v_statement;
    end loop;
end
$$;

-- fresh statistics, so the first plans after the deploy use the indexes
analyze simulation.user_progress;

comment on table simulation.user_progress is
'A user''s run through a scenario (ChatOrchestrator state included). A user may replay a scenario, but has at most one active (not_started/in_progress) run per scenario. Visible only to its user. Hash-partitioned by user_id into 8 partitions (user_progress_p0 .. p7), the seed''s "user-based partitioning": a user''s runs live in one partition, so the policies (user_id = me) and per-user lists read one partition; a lookup by id alone probes each partition''s primary-key index. The primary key is (id, user_id) because a partitioned table''s keys must contain the partition key; id is unique on its own in practice (an identity). Partitions are not readable directly.';

comment on constraint user_progress_pkey on simulation.user_progress is
'Primary key (id, user_id): includes the partition key, as a partitioned table''s keys must. id alone is unique in practice (generated always as identity). Target of the composite foreign keys (user_progress_id, user_id) of scene_progress and conversation_logs, which keep their user_id equal to the run''s.';

alter table simulation.user_progress_p0 enable row level security;
revoke all on table simulation.user_progress_p0 from public, anon, authenticated;
comment on table simulation.user_progress_p0 is
'Hash partition 0 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';
alter table simulation.user_progress_p1 enable row level security;
revoke all on table simulation.user_progress_p1 from public, anon, authenticated;
comment on table simulation.user_progress_p1 is
'Hash partition 1 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';
alter table simulation.user_progress_p2 enable row level security;
revoke all on table simulation.user_progress_p2 from public, anon, authenticated;
comment on table simulation.user_progress_p2 is
'Hash partition 2 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';
alter table simulation.user_progress_p3 enable row level security;
revoke all on table simulation.user_progress_p3 from public, anon, authenticated;
comment on table simulation.user_progress_p3 is
'Hash partition 3 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';
alter table simulation.user_progress_p4 enable row level security;
revoke all on table simulation.user_progress_p4 from public, anon, authenticated;
comment on table simulation.user_progress_p4 is
'Hash partition 4 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';
alter table simulation.user_progress_p5 enable row level security;
revoke all on table simulation.user_progress_p5 from public, anon, authenticated;
comment on table simulation.user_progress_p5 is
'Hash partition 5 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';
alter table simulation.user_progress_p6 enable row level security;
revoke all on table simulation.user_progress_p6 from public, anon, authenticated;
comment on table simulation.user_progress_p6 is
'Hash partition 6 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';
alter table simulation.user_progress_p7 enable row level security;
revoke all on table simulation.user_progress_p7 from public, anon, authenticated;
comment on table simulation.user_progress_p7 is
'Hash partition 7 of 8 of user_progress (by user_id). Not readable directly (RLS, no grants): read through user_progress.';

-- Moving a run to another user moves its row to another partition, and
-- Postgres runs that as a delete plus an insert: the row triggers that fire
-- are BEFORE UPDATE, then the DELETE and INSERT triggers, not AFTER UPDATE.
-- The counters stay right that way: users.total_simulations is refreshed for
-- both users, and scenarios.usage_count counts learners (20261204104000), so
-- the delete takes the old user's count back when it was their last run of
-- the scenario and the insert adds the new user's when it is their first.
