-- Shared fixture of the simulation tests (schema `tests`): run after
-- 000_setup.sql by `schema-tool verify`, `supabase test db` and `pg_prove`
-- (top-level files sort before the module folders). Idempotent, committed like
-- 000_setup.sql; the fixture rows themselves are created by each test file
-- inside its own transaction, so its rollback removes them:
--
--     select tests.simulation_fixture();
--
-- alice authors, bob learns and reviews, carol is an admin, dave has signed up
-- but has no simulation profile yet. tests.sim_id(key) returns the id of a
-- fixture row: alice, bob, carol (simulation.users), pub / priv / locked
-- (scenarios), pub_p1, pub_p2, priv_p1 (personas), pub_s1, pub_s2, priv_s1,
-- locked_s1 (scenes), pub_f (file), bob_run, bob_sp, bob_log, bob_review.

-- schema-tool: allow plpgsql-error,plpgsql-warning,function-search-path a test fixture: it creates the tables it fills (tests.*_fx) at run time, which a static check cannot see, and it runs only as postgres inside a test's own transaction
create or replace function tests.simulation_fixture() returns void
language plpgsql
as $fixture$
declare
    v_alice bigint;
    v_bob bigint;
    v_carol bigint;
    v_id bigint;
begin
    perform tests.create_user('sim-alice@example.com');
    perform tests.create_user('sim-bob@example.com');
    perform tests.create_user('sim-carol@example.com');
    perform tests.create_user('sim-dave@example.com');

    create table tests.sim_fx (
        k text primary key,
        id bigint not null
    );
    grant select, insert on tests.sim_fx to anon, authenticated, service_role;
    create function tests.sim_id(p_key text) returns bigint
    language sql stable
    as $sim_id$ select id from tests.sim_fx where k = p_key $sim_id$;
    grant execute on function tests.sim_id(text) to anon, authenticated, service_role;

    insert into simulation.users (auth_user_id, email, username, full_name, role)
    values (tests.get_user_id('sim-alice@example.com'), 'sim-alice@example.com', 'sim_alice', 'Alice Author', 'teacher')
    returning id into v_alice;
    insert into simulation.users (auth_user_id, email, username, full_name, role)
    values (tests.get_user_id('sim-bob@example.com'), 'sim-bob@example.com', 'sim_bob', 'Bob Learner', 'student')
    returning id into v_bob;
    insert into simulation.users (auth_user_id, email, username, full_name, role, profile_public)
    values (tests.get_user_id('sim-carol@example.com'), 'sim-carol@example.com', 'sim_carol', 'Carol Admin', 'admin', false)
    returning id into v_carol;
    insert into tests.sim_fx values ('alice', v_alice), ('bob', v_bob), ('carol', v_carol);

    insert into simulation.scenarios (title, is_public, allow_remixes, created_by, tags, category)
    values ('FX public', true, true, v_alice, '["fx", "strategy"]', 'FX category') returning id into v_id;
    insert into tests.sim_fx values ('pub', v_id);
    insert into simulation.scenarios (title, is_public, created_by)
    values ('FX private', false, v_alice) returning id into v_id;
    insert into tests.sim_fx values ('priv', v_id);
    insert into simulation.scenarios (title, is_public, allow_remixes, created_by)
    values ('FX locked', true, false, v_alice) returning id into v_id;
    insert into tests.sim_fx values ('locked', v_id);

    insert into simulation.scenario_personas (scenario_id, name, role, personality_traits)
    values (tests.sim_id('pub'), 'FX Persona One', 'CEO', '{"analytical": 8}') returning id into v_id;
    insert into tests.sim_fx values ('pub_p1', v_id);
    insert into simulation.scenario_personas (scenario_id, name, role)
    values (tests.sim_id('pub'), 'FX Persona Two', 'CFO') returning id into v_id;
    insert into tests.sim_fx values ('pub_p2', v_id);
    insert into simulation.scenario_personas (scenario_id, name)
    values (tests.sim_id('priv'), 'FX Private Persona') returning id into v_id;
    insert into tests.sim_fx values ('priv_p1', v_id);

    insert into simulation.scenario_scenes (scenario_id, title, scene_order, max_attempts, success_threshold)
    values (tests.sim_id('pub'), 'FX Scene One', 1, 2, 0.7) returning id into v_id;
    insert into tests.sim_fx values ('pub_s1', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order, max_attempts, success_threshold)
    values (tests.sim_id('pub'), 'FX Scene Two', 2, 3, 0.8) returning id into v_id;
    insert into tests.sim_fx values ('pub_s2', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order)
    values (tests.sim_id('priv'), 'FX Private Scene', 1) returning id into v_id;
    insert into tests.sim_fx values ('priv_s1', v_id);
    insert into simulation.scenario_scenes (scenario_id, title, scene_order)
    values (tests.sim_id('locked'), 'FX Locked Scene', 1) returning id into v_id;
    insert into tests.sim_fx values ('locked_s1', v_id);

    insert into simulation.scene_personas (scene_id, persona_id, involvement_level)
    values (tests.sim_id('pub_s1'), tests.sim_id('pub_p1'), 'key');
    insert into simulation.scene_personas (scene_id, persona_id)
    values (tests.sim_id('priv_s1'), tests.sim_id('priv_p1'));

    insert into simulation.scenario_files (scenario_id, file_path)
    values (tests.sim_id('pub'), 'fx/public.pdf') returning id into v_id;
    insert into tests.sim_fx values ('pub_f', v_id);

    insert into simulation.user_progress (user_id, scenario_id, current_scene_id, simulation_status, started_at)
    values (v_bob, tests.sim_id('pub'), tests.sim_id('pub_s1'), 'in_progress', now()) returning id into v_id;
    insert into tests.sim_fx values ('bob_run', v_id);
    insert into simulation.scene_progress (user_progress_id, scene_id, status, started_at)
    values (tests.sim_id('bob_run'), tests.sim_id('pub_s1'), 'in_progress', now()) returning id into v_id;
    insert into tests.sim_fx values ('bob_sp', v_id);
    insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, sender_name, message_content, message_order)
    values (tests.sim_id('bob_run'), tests.sim_id('pub_s1'), 'user', 'Bob', 'FX hello', 1) returning id into v_id;
    insert into tests.sim_fx values ('bob_log', v_id);

    insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating, review_text)
    values (tests.sim_id('pub'), v_bob, 4, 'FX review') returning id into v_id;
    insert into tests.sim_fx values ('bob_review', v_id);
end
$fixture$;

-- Test setup, not an API: only the role running the tests (postgres) calls it.
revoke execute on function tests.simulation_fixture() from public, anon, authenticated, service_role;

select plan(3);
select has_function('tests', 'simulation_fixture', 'tests.simulation_fixture exists');
select ok(not has_function_privilege('anon', 'tests.simulation_fixture()', 'execute'),
    'tests.simulation_fixture: anon cannot execute it');
select ok(not has_function_privilege('authenticated', 'tests.simulation_fixture()', 'execute'),
    'tests.simulation_fixture: authenticated cannot execute it');
select * from finish();
