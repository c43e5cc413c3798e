-- simulation: conversation_logs monthly partitioning — partition maintenance functions, partitions not readable around the parent's policies, and index use by run, scene and time (EXPLAIN with enable_seqscan off).
begin;
select plan(47);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();
grant execute on function tests.plan_text(text) to authenticated;

-- ===========================================================================
-- Shape
-- ===========================================================================
select is((select relkind::text from pg_class where oid = 'simulation.conversation_logs'::regclass), 'p', 'conversation_logs is a partitioned table');
select is(pg_get_partkeydef('simulation.conversation_logs'::regclass), 'RANGE ("timestamp")', 'conversation_logs is range-partitioned on "timestamp"');
select col_is_pk('simulation', 'conversation_logs', array['id', 'timestamp'], 'conversation_logs: the primary key includes the partition key');
select is((select pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.oid = 'simulation.conversation_logs_default'::regclass), 'DEFAULT', 'conversation_logs has a default partition');
-- What a monthly maintenance run does first (a no-op right after the migration).
select simulation_private.create_conversation_log_partitions(3, now());
select ok(to_regclass('simulation.conversation_logs_p' || to_char(now() at time zone 'UTC', 'YYYYMM')) is not null, 'the current month''s partition exists');
select ok(to_regclass('simulation.conversation_logs_p' || to_char((now() at time zone 'UTC') + interval '3 months', 'YYYYMM')) is not null, 'partitions exist three months ahead');
select is((select count(*)::int from pg_inherits i join pg_class c on c.oid = i.inhrelid
           where i.inhparent = 'simulation.conversation_logs'::regclass and not c.relrowsecurity), 0,
    'every partition has row level security enabled');
select is(
    (
        select count(*)::int
        from pg_inherits as i
        where
            i.inhparent = 'simulation.conversation_logs'::regclass
            and (
                has_table_privilege('authenticated', i.inhrelid, 'select,insert,update,delete')
                or has_table_privilege('anon', i.inhrelid, 'select,insert,update,delete')
            )
    ),
    0,
    'anon and authenticated hold no privilege on any partition'
);

-- ===========================================================================
-- create_conversation_log_partitions
-- ===========================================================================
select is((select count(*)::int from simulation_private.create_conversation_log_partitions(3, now())), 0,
    'create_conversation_log_partitions: nothing to do for months that exist (idempotent)');
select results_eq($$select * from simulation_private.create_conversation_log_partitions(2, '2030-01-15 12:00+00')$$,
    $$values ('conversation_logs_p203001'), ('conversation_logs_p203002'), ('conversation_logs_p203003')$$,
    'create_conversation_log_partitions: creates the month of p_from and the months ahead');
select is((select count(*)::int from simulation_private.create_conversation_log_partitions(2, '2030-01-15 12:00+00')), 0,
    'create_conversation_log_partitions: a second call creates nothing');
select is((select pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.oid = 'simulation.conversation_logs_p203002'::regclass),
    $$FOR VALUES FROM ('2030-02-01 00:00:00+00') TO ('2030-03-01 00:00:00+00')$$, 'create_conversation_log_partitions: bounds are whole UTC months');
select ok((select relrowsecurity from pg_class where oid = 'simulation.conversation_logs_p203001'::regclass), 'create_conversation_log_partitions: new partitions have RLS enabled');
select ok(not has_table_privilege('authenticated', 'simulation.conversation_logs_p203001', 'select'), 'create_conversation_log_partitions: new partitions are not granted to authenticated');

insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order, "timestamp")
values (tests.sim_id('bob_run'), tests.sim_id('pub_s1'), 'user', 'FX from the future', 2, '2031-05-10 08:00+00');
select is((select tableoid::regclass::text from simulation.conversation_logs where message_content = 'FX from the future'), 'simulation.conversation_logs_default',
    'a row outside every monthly partition lands in the default partition');
select results_eq($$select * from simulation_private.create_conversation_log_partitions(0, '2031-05-01')$$, $$values ('conversation_logs_p203105')$$,
    'create_conversation_log_partitions: creates a month that already has rows in the default partition');
select is((select tableoid::regclass::text from simulation.conversation_logs where message_content = 'FX from the future'), 'simulation.conversation_logs_p203105',
    'create_conversation_log_partitions: those rows are moved into the new partition');
select ok((select relrowsecurity from pg_class where oid = 'simulation.conversation_logs_p203105'::regclass), 'create_conversation_log_partitions: a partition built from default rows has RLS enabled too');
select is((select user_id from simulation.conversation_logs where message_content = 'FX from the future'), tests.sim_id('bob'),
    'create_conversation_log_partitions: moved rows keep their user_id');
select is((select array_agg(t.tgname::text order by t.tgname) from pg_trigger t where t.tgrelid = 'simulation.conversation_logs_p203105'::regclass and t.tgname = 'conversation_logs_fill_user_id' and t.tgenabled = 'A'),
    array['conversation_logs_fill_user_id'], 'create_conversation_log_partitions: a partition built from default rows gets the user_id trigger, enabled ALWAYS');
select ok(exists (select 1 from pg_indexes where schemaname = 'simulation' and tablename = 'conversation_logs_p203105' and indexdef like '%(user_id, "timestamp")')
          and exists (select 1 from pg_indexes where schemaname = 'simulation' and tablename = 'conversation_logs_p203001' and indexdef like '%(user_id, "timestamp")'),
    'create_conversation_log_partitions: new partitions (created or built from default rows) get the (user_id, timestamp) index');
select throws_ok(format($$insert into simulation.conversation_logs (user_progress_id, user_id, scene_id, message_type, message_content, message_order, "timestamp") values (%s, %s, %s, 'user', 'FX forged in May', 3, '2031-05-21')$$, tests.sim_id('bob_run'), tests.sim_id('alice'), tests.sim_id('pub_s1')),
    '23503', null, 'the composite user key holds on a partition built from default rows (23503)');
select lives_ok(format($$insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order, "timestamp") values (%s, %s, 'user', 'FX later in May', 3, '2031-05-20')$$, tests.sim_id('bob_run'), tests.sim_id('pub_s1')),
    'the attached partition takes new rows (identity still generates ids)');
select throws_ok($$select simulation_private.create_conversation_log_partitions(-1)$$, '22023', null, 'create_conversation_log_partitions: a negative month count is rejected (22023)');
select throws_ok($$select simulation_private.create_conversation_log_partitions(1, null)$$, '22004', null, 'create_conversation_log_partitions: a null start is rejected (22004)');

-- ===========================================================================
-- drop_conversation_log_partitions
-- ===========================================================================
create table tests.sim_expired as
select c.relname::text collate "default" as name
from pg_inherits as i
join pg_class as c on c.oid = i.inhrelid
where i.inhparent = 'simulation.conversation_logs'::regclass
    and c.relname::text ~ '^conversation_logs_p[0-9]{6}$'
    and c.relname::text < 'conversation_logs_p203003';
select results_eq($$select * from simulation_private.drop_conversation_log_partitions(interval '1 month', false, '2030-04-15')$$,
    $$select name from tests.sim_expired order by name$$,
    'drop_conversation_log_partitions: detaches every partition that ended before the retention cutoff');
select ok(to_regclass('simulation.conversation_logs_p203001') is not null
          and not exists (select 1 from pg_inherits where inhrelid = 'simulation.conversation_logs_p203001'::regclass),
    'drop_conversation_log_partitions: with p_drop false the table is kept, detached');
select ok((select relrowsecurity from pg_class where oid = 'simulation.conversation_logs_p203001'::regclass)
          and not has_table_privilege('authenticated', 'simulation.conversation_logs_p203001', 'select'),
    'drop_conversation_log_partitions: a detached table stays unreadable through the API');
select ok(exists (select 1 from pg_inherits where inhrelid = 'simulation.conversation_logs_p203003'::regclass),
    'drop_conversation_log_partitions: partitions inside the retention period stay attached');
select results_eq($$select * from simulation_private.drop_conversation_log_partitions(interval '1 day', true, '2031-07-01')$$,
    $$values ('conversation_logs_p203003'), ('conversation_logs_p203105')$$,
    'drop_conversation_log_partitions: with p_drop it detaches and drops');
select ok(to_regclass('simulation.conversation_logs_p203105') is null, 'drop_conversation_log_partitions: the dropped partition is gone');
select is((select count(*)::int from simulation.conversation_logs where message_content like 'FX%'), 0,
    'drop_conversation_log_partitions: rows older than the cutoff are gone, default partition included');
select throws_ok($$select simulation_private.drop_conversation_log_partitions(interval '0 days')$$, '22023', null, 'drop_conversation_log_partitions: a non-positive retention is rejected (22023)');

select tests.authenticate_as('sim-bob@example.com');
select throws_ok($$select simulation_private.create_conversation_log_partitions(1)$$, '42501', null, 'create_conversation_log_partitions: authenticated cannot execute (42501)');
select throws_ok($$select simulation_private.drop_conversation_log_partitions()$$, '42501', null, 'drop_conversation_log_partitions: authenticated cannot execute (42501)');
select tests.authenticate_as_service_role();
select lives_ok($$select simulation_private.create_conversation_log_partitions(0, '2032-01-01')$$, 'create_conversation_log_partitions: the service role may run it');
select tests.clear_authentication();

-- ===========================================================================
-- Partitions are not a way around the parent's policies
-- ===========================================================================
insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order)
values (tests.sim_id('bob_run'), tests.sim_id('pub_s1'), 'user', 'FX today', 2);
select tests.authenticate_as('sim-alice@example.com');
select throws_ok($$select * from simulation.conversation_logs_default$$, '42501', null, 'a user cannot read the default partition directly (42501)');
select throws_ok(format('select * from simulation.conversation_logs_p%s', to_char(now() at time zone 'UTC', 'YYYYMM')), '42501', null,
    'a user cannot read the current partition directly (42501)');
select is((select count(*)::int from simulation.conversation_logs where message_content = 'FX today'), 0, 'through the parent, another user sees none of bob''s messages');
select tests.authenticate_as('sim-bob@example.com');
select is((select count(*)::int from simulation.conversation_logs where message_content = 'FX today'), 1, 'through the parent, bob sees his message');

-- ===========================================================================
-- Queries by run and by scene use indexes
-- ===========================================================================
set local enable_seqscan = off;
select doesnt_match(tests.plan_text(format('select * from simulation.conversation_logs where user_progress_id = %s order by "timestamp"', tests.sim_id('bob_run'))), 'Seq Scan',
    'conversation_logs by user_progress (as the user, with RLS) uses no sequential scan');
select matches(tests.plan_text(format('select * from simulation.conversation_logs where user_progress_id = %s order by "timestamp"', tests.sim_id('bob_run'))), 'user_progress_id_user_id_timestam\w*_idx',
    'conversation_logs by user_progress uses the (user_progress_id, user_id, timestamp) index on the partitions');
select matches(tests.plan_text($$select message_content from simulation.conversation_logs order by "timestamp" desc limit 50$$), '(Index|Index Only|Bitmap Index) Scan( Backward)? (using|on) conversation_logs_\w+_user_id_timestamp_idx',
    'latest messages across runs (as the user, RLS only) use the (user_id, timestamp) index on the partitions');
select doesnt_match(tests.plan_text($$select message_content from simulation.conversation_logs order by "timestamp" desc limit 50$$), 'SubPlan|user_progress',
    'the select policy reads no user_progress (a column test on user_id)');
select doesnt_match(tests.plan_text(format('select * from simulation.conversation_logs where scene_id = %s', tests.sim_id('pub_s1'))), 'Seq Scan',
    'conversation_logs by scene uses no sequential scan');
select matches(tests.plan_text(format('select * from simulation.conversation_logs where scene_id = %s', tests.sim_id('pub_s1'))), 'scene_id_idx',
    'conversation_logs by scene uses the scene_id index on the partitions');
select matches(tests.plan_text($$select * from simulation.conversation_logs where "timestamp" >= now() - interval '1 day'$$), 'timestamp_idx',
    'conversation_logs by time uses the timestamp index');
select tests.clear_authentication();

select * from finish();
rollback;
