-- simulation: the seed's access paths (marketplace by category, tag/title/persona search, a user's simulations by status, scene tracking, conversation history) as the application runs them with search_path = simulation, and their indexes.
begin;
select plan(17);

-- Fixture (as postgres): alice authors, bob learns and reviews, carol is an
-- admin, dave has signed up but has no simulation profile yet; tests.sim_id(key)
-- names its rows (supabase/tests/001_simulation_fixtures.sql).
select tests.simulation_fixture();
grant execute on function tests.plan_text(text) to anon, authenticated;

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
select matches(tests.plan_text($$select * from scenarios where is_public and category = 'FX category'$$), '(Index Scan using|Bitmap Index Scan on) idx_scenarios_(public_category|category|public)', 'marketplace by category uses a category or public-flag index');
select matches(tests.plan_text($$select * from scenarios where tags @> '["strategy"]'$$), 'idx_scenarios_tags', 'tag search uses idx_scenarios_tags');
select matches(tests.plan_text($$select * from scenarios where title ilike '%ubli%'$$), 'idx_scenarios_title_trgm', 'title search uses idx_scenarios_title_trgm');
select matches(tests.plan_text($$select * from scenario_personas where name ilike '%persona%'$$), 'idx_personas_name_trgm', 'persona name search uses idx_personas_name_trgm');
select matches(tests.plan_text(format($$select * from user_progress where user_id = %s and simulation_status = 'in_progress'$$, tests.sim_id('bob'))), 'idx_user_progress_user_status|idx_user_progress_one_active|user_progress_p\d_user_id_(simulation_status|scenario_id)_idx', 'user simulations by status use an index on (user_id, simulation_status) (on a hash partition of user_progress, its copy of that index)');
select matches(tests.plan_text(format($$select * from scene_progress where scene_id = %s and status = 'completed'$$, tests.sim_id('pub_s1'))), 'idx_scene_progress_scene_status', 'scene progress by scene and status uses idx_scene_progress_scene_status');
select matches(tests.plan_text(format($$select * from scenario_scenes where scenario_id = %s order by scene_order$$, tests.sim_id('pub'))), 'idx_scenes_order|idx_scenes_scenario_id', 'scenes of a scenario use an index');

select * from finish();
rollback;
