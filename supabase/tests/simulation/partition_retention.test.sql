-- simulation: conversation_logs retention — archive_conversation_log_partitions detaches monthly partitions older than the retention into simulation_archive (rows kept, unreadable through the API), leaves recent ones, is idempotent, refuses members and bad input; maintain_conversation_log_partitions creates ahead and archives.
begin;
select plan(17);

select tests.create_user('ret-ann@example.com');

create table tests.ret_fx (
    k text primary key,
    id bigint not null
);

do $$
declare
    v_ann bigint;
    v_id bigint;
begin
    insert into simulation.users (auth_user_id, email, username)
    values (tests.get_user_id('ret-ann@example.com'), 'ret-ann@example.com', 'ret_ann') returning id into v_ann;
    insert into tests.ret_fx values ('ann', v_ann);
    insert into simulation.scenarios (title, is_public, created_by) values ('RET public', true, v_ann) returning id into v_id;
    insert into tests.ret_fx values ('pub', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (v_id, 'RET scene', 1) returning id into v_id;
    insert into tests.ret_fx values ('scene', v_id);
    insert into simulation.user_progress (user_id, scenario_id, simulation_status, started_at)
    values (v_ann, (select id from tests.ret_fx where k = 'pub'), 'in_progress', now() - interval '16 months') returning id into v_id;
    insert into tests.ret_fx values ('run', v_id);
end
$$;

-- four old months (16 to 13 months ago), one message 15 months ago, one now
create table tests.ret_created as
select n as name
from simulation_private.create_conversation_log_partitions(3, now() - interval '16 months') as n;
insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order, "timestamp")
select (select id from tests.ret_fx where k = 'run'), (select id from tests.ret_fx where k = 'scene'), 'user', 'RET old', 1, now() - interval '15 months';
insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order)
select (select id from tests.ret_fx where k = 'run'), (select id from tests.ret_fx where k = 'scene'), 'user', 'RET new', 2;
select is((select count(*)::int from tests.ret_created), 4, 'fixture: four monthly partitions 16 to 13 months old were created');

select tests.authenticate_as('ret-ann@example.com');
select throws_ok($$select simulation_private.archive_conversation_log_partitions()$$, '42501', null, 'a member cannot run the archive step');
select throws_ok($$select simulation_private.maintain_conversation_log_partitions()$$, '42501', null, 'a member cannot run the maintenance');
select tests.clear_authentication();

select throws_ok($$select simulation_private.archive_conversation_log_partitions(interval '0')$$, '22023', null, 'a non-positive retention is refused (22023)');

create function tests.ret_count(p_table text) returns integer
language plpgsql
as $$
declare
    v_n integer;
begin
    execute format('select count(*) from simulation_archive.%I where message_content = %L', p_table, 'RET old') into v_n;
    return v_n;
end
$$;

create table tests.ret_archived as
select n as name
from simulation_private.archive_conversation_log_partitions(interval '12 months', now()) as n;

select set_eq($$select name from tests.ret_archived$$, $$select name from tests.ret_created$$,
    'exactly the partitions older than 12 months are archived');
select is((select count(*)::int from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent = 'simulation.conversation_logs'::regclass and c.relname in (select name from tests.ret_created)), 0,
    'the archived partitions are no longer attached to conversation_logs');
select ok(to_regclass('simulation.conversation_logs_p' || to_char(now() at time zone 'UTC', 'YYYYMM')) is not null
        and (select relispartition from pg_class where oid = to_regclass('simulation.conversation_logs_p' || to_char(now() at time zone 'UTC', 'YYYYMM'))),
    'the current month''s partition stays attached');
select is((select array_agg(message_content order by message_order) from simulation.conversation_logs where user_progress_id = (select id from tests.ret_fx where k = 'run')),
    array['RET new'], 'the old message left conversation_logs, the new one stays');
select is((select count(*)::int from pg_class where relnamespace = 'simulation_archive'::regnamespace and relname in (select name from tests.ret_created)), 4,
    'the archived partitions live in simulation_archive');
select is((select count(*)::int from pg_class where relnamespace = 'simulation_archive'::regnamespace and relname in (select name from tests.ret_created) and not relrowsecurity), 0,
    'archived tables keep row level security on');
select is((select count(*)::int from pg_class c where c.relnamespace = 'simulation_archive'::regnamespace and c.relname in (select name from tests.ret_created)
            and (has_table_privilege('authenticated', c.oid, 'select') or has_table_privilege('anon', c.oid, 'select'))), 0,
    'anon and authenticated cannot read archived tables');
select is((
    select sum(tests.ret_count(name))::int
    from tests.ret_archived), 1, 'the old message is kept in its archived partition');
select is_empty($$select simulation_private.archive_conversation_log_partitions(interval '12 months', now())$$, 'a second archive run finds nothing to do');

-- a partition of a month already archived, re-created and due again
select simulation_private.create_conversation_log_partitions(0, now() - interval '16 months');
select throws_ok($$select simulation_private.archive_conversation_log_partitions(interval '12 months', now())$$, '42P07', null,
    'archiving a month whose archive table exists fails clearly (42P07)');
select simulation_private.drop_conversation_log_partitions(interval '12 months', true, now());

select tests.authenticate_as_service_role();
select is((select simulation_private.maintain_conversation_log_partitions() ->> 'archived'), '[]', 'the maintenance run as service_role has nothing left to archive');
select ok(to_regclass('simulation.conversation_logs_p' || to_char((now() at time zone 'UTC') + interval '3 months', 'YYYYMM')) is not null,
    'after maintenance, partitions exist three months ahead');
select tests.clear_authentication();
select ok(exists (select 1 from pg_proc where proname = 'maintain_conversation_log_partitions' and pronamespace = 'simulation_private'::regnamespace and prosecdef
                and not has_function_privilege('authenticated', oid, 'execute') and has_function_privilege('service_role', oid, 'execute')),
    'maintain_conversation_log_partitions: definer, executable by service_role only');

select * from finish();
rollback;
