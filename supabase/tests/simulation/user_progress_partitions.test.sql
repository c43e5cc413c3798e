-- simulation: user_progress hash-partitioned by user — shape, keys carried over from the plain table (policies, triggers, grants, foreign keys both ways), rows routed by user, partitions unreadable directly, one partition and an index per user query.
begin;
select plan(27);

select tests.create_user('upp-amy@example.com');
select tests.create_user('upp-ben@example.com');

create table tests.upp_fx (
    k text primary key,
    id bigint not null
);
grant select on tests.upp_fx to authenticated;
create function tests.upp_id(p_key text) returns bigint
language sql stable
as $$ select id from tests.upp_fx where k = p_key $$;
grant execute on function tests.upp_id(text) to authenticated;

do $$
declare
    v_amy bigint;
    v_ben bigint;
    v_id bigint;
begin
    insert into simulation.users (auth_user_id, email, username)
    values (tests.get_user_id('upp-amy@example.com'), 'upp-amy@example.com', 'upp_amy') returning id into v_amy;
    insert into simulation.users (auth_user_id, email, username)
    values (tests.get_user_id('upp-ben@example.com'), 'upp-ben@example.com', 'upp_ben') returning id into v_ben;
    insert into tests.upp_fx values ('amy', v_amy), ('ben', v_ben);
    insert into simulation.scenarios (title, is_public, created_by) values ('UPP public', true, v_amy) returning id into v_id;
    insert into tests.upp_fx values ('pub', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order) values (v_id, 'UPP scene', 1) returning id into v_id;
    insert into tests.upp_fx values ('scene', v_id);
    insert into simulation.user_progress (user_id, scenario_id, simulation_status, started_at)
    values (v_ben, tests.upp_id('pub'), 'in_progress', now()) returning id into v_id;
    insert into tests.upp_fx values ('ben_run', v_id);
    insert into simulation.scene_progress (user_progress_id, scene_id) values (v_id, tests.upp_id('scene'));
    insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content, message_order)
    values (v_id, tests.upp_id('scene'), 'user', 'UPP hello', 1);
end
$$;

-- Shape -----------------------------------------------------------------------
select is((select relkind::text from pg_class where oid = 'simulation.user_progress'::regclass), 'p', 'user_progress is a partitioned table');
select is(pg_get_partkeydef('simulation.user_progress'::regclass), 'HASH (user_id)', 'user_progress is hash-partitioned on user_id');
select is((select count(*)::int from pg_inherits where inhparent = 'simulation.user_progress'::regclass), 8, 'user_progress has 8 hash partitions');
select col_is_pk('simulation', 'user_progress', array['id', 'user_id'], 'the primary key is (id, user_id): it contains the partition key');
select is((select count(*)::int from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent = 'simulation.user_progress'::regclass and not c.relrowsecurity), 0,
    'every partition has row level security enabled');
select is((select count(*)::int from pg_inherits i
            where i.inhparent = 'simulation.user_progress'::regclass
            and (has_table_privilege('authenticated', i.inhrelid, 'select,insert,update,delete')
                or has_table_privilege('anon', i.inhrelid, 'select,insert,update,delete'))), 0,
    'anon and authenticated hold no privilege on any partition');
select ok((select relrowsecurity from pg_class where oid = 'simulation.user_progress'::regclass), 'RLS stays enabled on user_progress');
select is((select count(*)::int from pg_policy where polrelid = 'simulation.user_progress'::regclass), 4, 'user_progress keeps its four policies');
select is((select count(*)::int from pg_policy p where p.polrelid in ('simulation.scene_progress'::regclass, 'simulation.conversation_logs'::regclass)
            and exists (select 1 from pg_depend d where d.classid = 'pg_policy'::regclass and d.objid = p.oid and d.refobjid = 'simulation.user_progress'::regclass)),
    4, 'the scene_progress and conversation_logs policies that read user_progress read the partitioned table');
select ok(has_column_privilege('authenticated', 'simulation.user_progress', 'scenario_id', 'insert')
        and not has_column_privilege('authenticated', 'simulation.user_progress', 'orchestrator_data', 'update')
        and not has_column_privilege('authenticated', 'simulation.user_progress', 'final_score', 'update'),
    'column privileges are carried over: a learner writes scenario_id, never orchestrator_data or final_score');
select is((select count(*)::int from pg_constraint where confrelid = 'simulation.user_progress'::regclass and conparentid = 0), 2,
    'scene_progress and conversation_logs still reference user_progress');
select ok((select pg_get_serial_sequence('simulation.user_progress', 'id')) = 'simulation.user_progress_id_seq', 'the id identity sequence is user_progress_id_seq');

-- Rows --------------------------------------------------------------------------
select ok((select satisfies_hash_partition('simulation.user_progress'::regclass, 8, substring(tableoid::regclass::text from '_p(\d)$')::int, user_id)
            from simulation.user_progress where id = tests.upp_id('ben_run')),
    'a run lands in the hash partition of its user');

select tests.authenticate_as('upp-amy@example.com');
select lives_ok($$insert into simulation.user_progress (scenario_id) values (tests.upp_id('pub'))$$, 'a learner starts a run through the parent (policy, defaults, triggers as before)');
select ok((select id from simulation.user_progress where user_id = tests.upp_id('amy')) > tests.upp_id('ben_run'), 'the identity continues after the copied rows');
select is((select count(*)::int from simulation.user_progress), 1, 'amy sees only her own run');
select throws_ok($$select * from simulation.user_progress_p0$$, '42501', null, 'a partition cannot be read directly');
select is_empty($$update simulation.user_progress set last_activity = now() where id = tests.upp_id('ben_run') returning id$$, 'amy cannot update ben''s run');
select throws_ok($$update simulation.user_progress set final_score = 99 where user_id = tests.upp_id('amy')$$, '42501', null, 'a learner still cannot write final_score');

select tests.authenticate_as('upp-ben@example.com');
select is((select count(*)::int from simulation.scene_progress where user_progress_id = tests.upp_id('ben_run')), 1, 'ben reads his run''s scene progress through the carried-over policy');
set local enable_seqscan = off;
select is((select count(distinct m[1])::int from regexp_matches(tests.plan_text(format($$select id from simulation.user_progress where user_id = %s order by last_activity desc limit 20$$, tests.upp_id('ben'))), 'on (user_progress_p\d) ', 'g') as m),
    1, 'a per-user query is planned on one partition');
select matches(tests.plan_text(format($$select id from simulation.user_progress where user_id = %s order by last_activity desc limit 20$$, tests.upp_id('ben'))),
    'Index Scan (using|on) user_progress_p\d_user_id', 'a per-user query reads that partition through a user_id index');
reset enable_seqscan;

select tests.clear_authentication();
update simulation.user_progress set total_time_spent = 5, updated_at = '2000-01-01' where id = tests.upp_id('ben_run');
select ok((select updated_at > '2000-01-01' from simulation.user_progress where id = tests.upp_id('ben_run')), 'the updated_at trigger still fires');
update simulation.user_progress set user_id = tests.upp_id('amy'), simulation_status = 'abandoned' where id = tests.upp_id('ben_run');
select is((select usage_count from simulation.scenarios where id = tests.upp_id('pub')), 1,
    'moving ben''s run to amy (another partition), who already ran the scenario, leaves one learner: usage_count counts learners, not rows moved');
select is((select count(*)::int from simulation.conversation_logs where user_progress_id = tests.upp_id('ben_run') and user_id = tests.upp_id('amy')), 1, 'the move cascades the new user_id to the run''s messages');
delete from simulation.user_progress where id = tests.upp_id('ben_run');
select is((select count(*)::int from simulation.scene_progress where user_progress_id = tests.upp_id('ben_run')), 0, 'deleting a run cascades to its scene progress');
select is((select count(*)::int from simulation.conversation_logs where user_progress_id = tests.upp_id('ben_run')), 0, 'deleting a run cascades to its conversation');

select * from finish();
rollback;
