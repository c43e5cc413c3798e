-- simulation: the seed's access paths (marketplace by category, tag/title/persona search, a user's simulations by status, scene tracking, conversation history) as the application runs them with search_path = simulation, and their indexes.
begin;
select plan(17);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet.
select tests.create_user('sim-alice@example.com');
select tests.create_user('sim-bob@example.com');
select tests.create_user('sim-carol@example.com');
select tests.create_user('sim-dave@example.com');

create table tests.sim_fx (
    k text primary key,
    id bigint not null
);
grant select, insert on tests.sim_fx to anon, authenticated, service_role;
create function tests.sim_id(p_key text) returns bigint
language sql stable
as $$ select id from tests.sim_fx where k = p_key $$;
grant execute on function tests.sim_id(text) to anon, authenticated, service_role;

do $$
declare
    v_alice bigint;
    v_bob bigint;
    v_carol bigint;
    v_id bigint;
begin
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
$$;

create function tests.sim_plan(p_query text) returns text
language plpgsql
as $$
declare
    v_line text;
    v_plan text := '';
begin
    for v_line in execute 'explain (costs off) ' || p_query loop
        v_plan := v_plan || v_line || E'\n';
    end loop;
    return v_plan;
end
$$;
grant execute on function tests.sim_plan(text) to anon, authenticated;

-- The seed's access paths (marketplace, search, user history, scene tracking),
-- written as the application would with search_path = simulation.
set local search_path = simulation, public, extensions;

select tests.authenticate_as_anon();
select results_eq($$select title from scenarios where is_public and category = 'FX category' and title like 'FX%'$$, $$values ('FX public')$$,
    'marketplace: public scenarios by category (anon)');
select results_eq($$select title from scenarios where tags @> '["strategy"]' and title like 'FX%' order by title$$, $$values ('FX public')$$,
    'search: scenarios by tag (anon sees only public ones)');
select results_eq($$select title from scenarios where title ilike '%ubli%' and title like 'FX%'$$, $$values ('FX public')$$,
    'search: scenario title search (anon)');
select results_eq($$select p.name from scenario_personas p join scenarios s on s.id = p.scenario_id where p.name ilike '%persona%' and s.title like 'FX%' order by p.name$$,
    $$values ('FX Persona One'), ('FX Persona Two')$$, 'search: persona name search returns only personas of public scenarios');
select results_eq($$select s.title, s.rating_avg, s.rating_count from scenarios s where s.is_public and s.title like 'FX%' order by s.rating_avg desc, s.title limit 2$$,
    $$values ('FX public', 4.0::double precision, 1), ('FX locked', 0.0::double precision, 0)$$, 'marketplace: public scenarios by rating');
select results_eq($$select sc.title from scenario_scenes sc where sc.scenario_id = tests.sim_id('pub') order by sc.scene_order$$,
    $$values ('FX Scene One'), ('FX Scene Two')$$, 'scenes of a scenario in sequence order');
select results_eq($$select r.rating, p.username from scenario_reviews r join public_profiles p on p.id = r.reviewer_id where r.scenario_id = tests.sim_id('pub')$$,
    $$values (4, 'sim_bob')$$, 'reviews of a public scenario with the reviewer''s public profile (anon)');

select tests.authenticate_as('sim-bob@example.com');
select results_eq($$select scenario_id, simulation_status::text from user_progress where user_id = tests.sim_id('bob') and simulation_status = 'in_progress'$$,
    $$values (tests.sim_id('pub'), 'in_progress')$$, 'history: a user''s simulations by status');
select results_eq($$select status::text, count(*)::int from scene_progress where scene_id = tests.sim_id('pub_s1') group by status$$,
    $$values ('in_progress', 1)$$, 'tracking: scene progress by scene and status (own rows)');
select results_eq($$select message_content from conversation_logs where user_progress_id = tests.sim_id('bob_run') order by "timestamp", message_order$$,
    $$values ('FX hello')$$, 'chronological conversation of a run');

select tests.clear_authentication();
set local search_path = simulation, public, extensions;
set local enable_seqscan = off;
select matches(tests.sim_plan($$select * from scenarios where is_public and category = 'FX category'$$), '(Index Scan using|Bitmap Index Scan on) idx_scenarios_(public_category|category|public)', 'marketplace by category uses a category or public-flag index');
select matches(tests.sim_plan($$select * from scenarios where tags @> '["strategy"]'$$), 'idx_scenarios_tags', 'tag search uses idx_scenarios_tags');
select matches(tests.sim_plan($$select * from scenarios where title ilike '%ubli%'$$), 'idx_scenarios_title_trgm', 'title search uses idx_scenarios_title_trgm');
select matches(tests.sim_plan($$select * from scenario_personas where name ilike '%persona%'$$), 'idx_personas_name_trgm', 'persona name search uses idx_personas_name_trgm');
select matches(tests.sim_plan(format($$select * from user_progress where user_id = %s and simulation_status = 'in_progress'$$, tests.sim_id('bob'))), 'idx_user_progress_user_status|idx_user_progress_one_active|user_progress_p\d_user_id_(simulation_status|scenario_id)_idx', 'user simulations by status use an index on (user_id, simulation_status) (on a hash partition of user_progress, its copy of that index)');
select matches(tests.sim_plan(format($$select * from scene_progress where scene_id = %s and status = 'completed'$$, tests.sim_id('pub_s1'))), 'idx_scene_progress_scene_status', 'scene progress by scene and status uses idx_scene_progress_scene_status');
select matches(tests.sim_plan(format($$select * from scenario_scenes where scenario_id = %s order by scene_order$$, tests.sim_id('pub'))), 'idx_scenes_order|idx_scenes_scenario_id', 'scenes of a scenario use an index');

select * from finish();
rollback;
