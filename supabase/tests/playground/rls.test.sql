-- playground: the RLS / grants matrix for every table: anon, the owner,
-- another user (and an unrelated third user where sharing matters), an
-- admin (app_metadata.role = admin) and service_role x select / insert /
-- update / delete. Denied actions either raise 42501 (no grant, column
-- privilege, RLS with check, trigger) or touch 0 rows, as each test says.
begin;
select plan(169);

-- fixture (as postgres)
select tests.create_user('pg.owner@test.local');
select tests.create_user('pg.other@test.local');
select tests.create_user('pg.third@test.local');
select tests.create_user('pg.admin@test.local', '{"role": "admin"}'::jsonb);
insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category, is_active)
values ('zz_inactive_tool', 'Retired tool', 'A retired tool.', 'learning', false);
insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description,
    organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level, is_active)
values ('Retired Example Org', 'education', 'Mission.', 'Retired profile.', 'micro', 1, 1000, 'Nowhere', 2000, 'nascent', '{"A challenge"}', 'beginner', false);
insert into playground.ai_playground_achievement_definitions (achievement_type, name, description, category, badge_level, points, metric, target_value, is_active)
values ('zz_retired', 'Retired badge', 'No longer awarded.', 'social', 'bronze', 5, 'sessions', 1, false);
insert into playground.ai_playground_sessions (id, user_id) values
    ('11111111-1111-4111-8111-000000000001', tests.get_user_id('pg.owner@test.local')), ('11111111-1111-4111-8111-000000000002', tests.get_user_id('pg.other@test.local'));
insert into playground.ai_playground_interactions (id, session_id, user_id, interaction_type, tool_name) values
    ('22222222-2222-4222-8222-000000000001', '11111111-1111-4111-8111-000000000001', tests.get_user_id('pg.owner@test.local'), 'prompt_submit', 'prompt_builder'),
    ('22222222-2222-4222-8222-000000000002', '11111111-1111-4111-8111-000000000002', tests.get_user_id('pg.other@test.local'), 'prompt_submit', 'prompt_builder');
insert into playground.ai_playground_creations (id, user_id, title, creation_type, sharing_level) values
    ('33333333-3333-4333-8333-000000000001', tests.get_user_id('pg.owner@test.local'), 'Private draft', 'prompt', 'private'),
    ('33333333-3333-4333-8333-000000000002', tests.get_user_id('pg.owner@test.local'), 'Public prompt', 'prompt', 'public'),
    ('33333333-3333-4333-8333-000000000003', tests.get_user_id('pg.owner@test.local'), 'Shared workflow', 'workflow', 'shared'),
    ('33333333-3333-4333-8333-000000000004', tests.get_user_id('pg.other@test.local'), 'Other draft', 'prompt', 'private');
insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id) values ('33333333-3333-4333-8333-000000000003', tests.get_user_id('pg.other@test.local'));
insert into playground.ai_playground_achievements (id, user_id, achievement_type, category, badge_level, points, progress_current, progress_target, unlocked_at, is_shared) values
    ('44444444-4444-4444-8444-000000000001', tests.get_user_id('pg.owner@test.local'), 'first_session', 'getting_started', 'bronze', 10, 1, 1, now(), false),
    ('44444444-4444-4444-8444-000000000002', tests.get_user_id('pg.owner@test.local'), 'first_prompt', 'getting_started', 'bronze', 10, 1, 1, now(), true),
    ('44444444-4444-4444-8444-000000000003', tests.get_user_id('pg.other@test.local'), 'first_session', 'getting_started', 'bronze', 10, 1, 1, now(), false),
    ('44444444-4444-4444-8444-000000000004', tests.get_user_id('pg.owner@test.local'), 'first_creation', 'getting_started', 'bronze', 10, 1, 1, now(), false);

-- ai_playground_toolkit_items: public read of active rows; admins manage
select tests.authenticate_as_anon();
select ok((select count(*) from playground.ai_playground_toolkit_items) > 0, 'ai_playground_toolkit_items: anon can select active rows');
select is((select count(*) from playground.ai_playground_toolkit_items where tool_name = 'zz_inactive_tool')::int, 0, 'ai_playground_toolkit_items: anon cannot see inactive rows (0 rows)');
select throws_ok($q$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category) values ('zz_new_tool', 'New tool', 'A new tool.', 'learning')$q$, '42501', null, 'ai_playground_toolkit_items: anon cannot insert (42501)');
select throws_ok($q$update playground.ai_playground_toolkit_items set display_name = 'Renamed'$q$, '42501', null, 'ai_playground_toolkit_items: anon cannot update (42501)');
select throws_ok($q$delete from playground.ai_playground_toolkit_items$q$, '42501', null, 'ai_playground_toolkit_items: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select ok((select count(*) from playground.ai_playground_toolkit_items) > 0, 'ai_playground_toolkit_items: a signed-in user can select active rows');
select is((select count(*) from playground.ai_playground_toolkit_items where tool_name = 'zz_inactive_tool')::int, 0, 'ai_playground_toolkit_items: a signed-in user cannot see inactive rows (0 rows)');
select throws_ok($q$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category) values ('zz_new_tool', 'New tool', 'A new tool.', 'learning')$q$, '42501', null, 'ai_playground_toolkit_items: a non-admin cannot insert (42501, RLS)');
with r as (update playground.ai_playground_toolkit_items set display_name = 'Renamed' returning 1) select is(count(*)::int, 0, 'ai_playground_toolkit_items: a non-admin updates 0 rows') from r;
with r as (delete from playground.ai_playground_toolkit_items returning 1) select is(count(*)::int, 0, 'ai_playground_toolkit_items: a non-admin deletes 0 rows') from r;
select tests.authenticate_as('pg.admin@test.local');
select is((select count(*) from playground.ai_playground_toolkit_items where tool_name = 'zz_inactive_tool')::int, 1, 'ai_playground_toolkit_items: an admin sees inactive rows');
select lives_ok($q$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category) values ('zz_new_tool', 'New tool', 'A new tool.', 'learning')$q$, 'ai_playground_toolkit_items: an admin can insert');
with r as (update playground.ai_playground_toolkit_items set display_name = 'Renamed' where tool_name = 'zz_new_tool' returning 1) select is(count(*)::int, 1, 'ai_playground_toolkit_items: an admin can update') from r;
with r as (delete from playground.ai_playground_toolkit_items where tool_name = 'zz_new_tool' returning 1) select is(count(*)::int, 1, 'ai_playground_toolkit_items: an admin can delete') from r;
select tests.authenticate_as_service_role();
select is((select count(*) from playground.ai_playground_toolkit_items where tool_name = 'zz_inactive_tool')::int, 1, 'ai_playground_toolkit_items: service_role sees inactive rows');
select lives_ok($q$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category) values ('zz_new_tool', 'New tool', 'A new tool.', 'learning')$q$, 'ai_playground_toolkit_items: service_role can insert');
with r as (update playground.ai_playground_toolkit_items set display_name = 'Renamed' where tool_name = 'zz_new_tool' returning 1) select is(count(*)::int, 1, 'ai_playground_toolkit_items: service_role can update') from r;
with r as (delete from playground.ai_playground_toolkit_items where tool_name = 'zz_new_tool' returning 1) select is(count(*)::int, 1, 'ai_playground_toolkit_items: service_role can delete') from r;

-- synthetic_nonprofit_profiles: public read of active rows; admins manage
select tests.authenticate_as_anon();
select ok((select count(*) from playground.synthetic_nonprofit_profiles) > 0, 'synthetic_nonprofit_profiles: anon can select active rows');
select is((select count(*) from playground.synthetic_nonprofit_profiles where organization_name = 'Retired Example Org')::int, 0, 'synthetic_nonprofit_profiles: anon cannot see inactive rows (0 rows)');
select throws_ok($q$insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description, organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level) values ('New Example Org', 'education', 'Mission.', 'New.', 'micro', 1, 1000, 'Somewhere', 2001, 'nascent', '{A challenge}', 'beginner')$q$, '42501', null, 'synthetic_nonprofit_profiles: anon cannot insert (42501)');
select throws_ok($q$update playground.synthetic_nonprofit_profiles set is_featured = true$q$, '42501', null, 'synthetic_nonprofit_profiles: anon cannot update (42501)');
select throws_ok($q$delete from playground.synthetic_nonprofit_profiles$q$, '42501', null, 'synthetic_nonprofit_profiles: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select ok((select count(*) from playground.synthetic_nonprofit_profiles) > 0, 'synthetic_nonprofit_profiles: a signed-in user can select active rows');
select is((select count(*) from playground.synthetic_nonprofit_profiles where organization_name = 'Retired Example Org')::int, 0, 'synthetic_nonprofit_profiles: a signed-in user cannot see inactive rows (0 rows)');
select throws_ok($q$insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description, organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level) values ('New Example Org', 'education', 'Mission.', 'New.', 'micro', 1, 1000, 'Somewhere', 2001, 'nascent', '{A challenge}', 'beginner')$q$, '42501', null, 'synthetic_nonprofit_profiles: a non-admin cannot insert (42501, RLS)');
with r as (update playground.synthetic_nonprofit_profiles set is_featured = true returning 1) select is(count(*)::int, 0, 'synthetic_nonprofit_profiles: a non-admin updates 0 rows') from r;
with r as (delete from playground.synthetic_nonprofit_profiles returning 1) select is(count(*)::int, 0, 'synthetic_nonprofit_profiles: a non-admin deletes 0 rows') from r;
select tests.authenticate_as('pg.admin@test.local');
select is((select count(*) from playground.synthetic_nonprofit_profiles where organization_name = 'Retired Example Org')::int, 1, 'synthetic_nonprofit_profiles: an admin sees inactive rows');
select lives_ok($q$insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description, organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level) values ('New Example Org', 'education', 'Mission.', 'New.', 'micro', 1, 1000, 'Somewhere', 2001, 'nascent', '{A challenge}', 'beginner')$q$, 'synthetic_nonprofit_profiles: an admin can insert');
with r as (update playground.synthetic_nonprofit_profiles set is_featured = true where organization_name = 'New Example Org' returning 1) select is(count(*)::int, 1, 'synthetic_nonprofit_profiles: an admin can update') from r;
with r as (delete from playground.synthetic_nonprofit_profiles where organization_name = 'New Example Org' returning 1) select is(count(*)::int, 1, 'synthetic_nonprofit_profiles: an admin can delete') from r;
select tests.authenticate_as_service_role();
select is((select count(*) from playground.synthetic_nonprofit_profiles where organization_name = 'Retired Example Org')::int, 1, 'synthetic_nonprofit_profiles: service_role sees inactive rows');
select lives_ok($q$insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description, organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level) values ('New Example Org', 'education', 'Mission.', 'New.', 'micro', 1, 1000, 'Somewhere', 2001, 'nascent', '{A challenge}', 'beginner')$q$, 'synthetic_nonprofit_profiles: service_role can insert');
with r as (update playground.synthetic_nonprofit_profiles set is_featured = true where organization_name = 'New Example Org' returning 1) select is(count(*)::int, 1, 'synthetic_nonprofit_profiles: service_role can update') from r;
with r as (delete from playground.synthetic_nonprofit_profiles where organization_name = 'New Example Org' returning 1) select is(count(*)::int, 1, 'synthetic_nonprofit_profiles: service_role can delete') from r;

-- ai_playground_achievement_definitions: public read of active rows; admins manage
select tests.authenticate_as_anon();
select ok((select count(*) from playground.ai_playground_achievement_definitions) > 0, 'ai_playground_achievement_definitions: anon can select active rows');
select is((select count(*) from playground.ai_playground_achievement_definitions where achievement_type = 'zz_retired')::int, 0, 'ai_playground_achievement_definitions: anon cannot see inactive rows (0 rows)');
select throws_ok($q$insert into playground.ai_playground_achievement_definitions (achievement_type, name, description, category, badge_level, points, metric, target_value) values ('zz_new_badge', 'New badge', 'New.', 'social', 'bronze', 5, 'sessions', 3)$q$, '42501', null, 'ai_playground_achievement_definitions: anon cannot insert (42501)');
select throws_ok($q$update playground.ai_playground_achievement_definitions set points = 6$q$, '42501', null, 'ai_playground_achievement_definitions: anon cannot update (42501)');
select throws_ok($q$delete from playground.ai_playground_achievement_definitions$q$, '42501', null, 'ai_playground_achievement_definitions: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select ok((select count(*) from playground.ai_playground_achievement_definitions) > 0, 'ai_playground_achievement_definitions: a signed-in user can select active rows');
select is((select count(*) from playground.ai_playground_achievement_definitions where achievement_type = 'zz_retired')::int, 0, 'ai_playground_achievement_definitions: a signed-in user cannot see inactive rows (0 rows)');
select throws_ok($q$insert into playground.ai_playground_achievement_definitions (achievement_type, name, description, category, badge_level, points, metric, target_value) values ('zz_new_badge', 'New badge', 'New.', 'social', 'bronze', 5, 'sessions', 3)$q$, '42501', null, 'ai_playground_achievement_definitions: a non-admin cannot insert (42501, RLS)');
with r as (update playground.ai_playground_achievement_definitions set points = 6 returning 1) select is(count(*)::int, 0, 'ai_playground_achievement_definitions: a non-admin updates 0 rows') from r;
with r as (delete from playground.ai_playground_achievement_definitions returning 1) select is(count(*)::int, 0, 'ai_playground_achievement_definitions: a non-admin deletes 0 rows') from r;
select tests.authenticate_as('pg.admin@test.local');
select is((select count(*) from playground.ai_playground_achievement_definitions where achievement_type = 'zz_retired')::int, 1, 'ai_playground_achievement_definitions: an admin sees inactive rows');
select lives_ok($q$insert into playground.ai_playground_achievement_definitions (achievement_type, name, description, category, badge_level, points, metric, target_value) values ('zz_new_badge', 'New badge', 'New.', 'social', 'bronze', 5, 'sessions', 3)$q$, 'ai_playground_achievement_definitions: an admin can insert');
with r as (update playground.ai_playground_achievement_definitions set points = 6 where achievement_type = 'zz_new_badge' returning 1) select is(count(*)::int, 1, 'ai_playground_achievement_definitions: an admin can update') from r;
with r as (delete from playground.ai_playground_achievement_definitions where achievement_type = 'zz_new_badge' returning 1) select is(count(*)::int, 1, 'ai_playground_achievement_definitions: an admin can delete') from r;
select tests.authenticate_as_service_role();
select is((select count(*) from playground.ai_playground_achievement_definitions where achievement_type = 'zz_retired')::int, 1, 'ai_playground_achievement_definitions: service_role sees inactive rows');
select lives_ok($q$insert into playground.ai_playground_achievement_definitions (achievement_type, name, description, category, badge_level, points, metric, target_value) values ('zz_new_badge', 'New badge', 'New.', 'social', 'bronze', 5, 'sessions', 3)$q$, 'ai_playground_achievement_definitions: service_role can insert');
with r as (update playground.ai_playground_achievement_definitions set points = 6 where achievement_type = 'zz_new_badge' returning 1) select is(count(*)::int, 1, 'ai_playground_achievement_definitions: service_role can update') from r;
with r as (delete from playground.ai_playground_achievement_definitions where achievement_type = 'zz_new_badge' returning 1) select is(count(*)::int, 1, 'ai_playground_achievement_definitions: service_role can delete') from r;

-- ai_playground_sessions: owner selects, inserts, updates; nobody but service_role deletes
select tests.authenticate_as_anon();
select throws_ok($q$select * from playground.ai_playground_sessions$q$, '42501', null, 'ai_playground_sessions: anon cannot select (42501)');
select throws_ok($q$insert into playground.ai_playground_sessions (user_id) values (tests.get_user_id('pg.owner@test.local'))$q$, '42501', null, 'ai_playground_sessions: anon cannot insert (42501)');
select throws_ok($q$update playground.ai_playground_sessions set browser = 'x'$q$, '42501', null, 'ai_playground_sessions: anon cannot update (42501)');
select throws_ok($q$delete from playground.ai_playground_sessions$q$, '42501', null, 'ai_playground_sessions: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select is((select count(*) from playground.ai_playground_sessions where id = '11111111-1111-4111-8111-000000000001')::int, 1, 'ai_playground_sessions: owner can select own session');
select lives_ok($q$insert into playground.ai_playground_sessions (user_id, activity_type, device_type, browser) values (auth.uid(), 'prompt_building', 'desktop', 'Firefox')$q$, 'ai_playground_sessions: owner can insert own session');
with r as (update playground.ai_playground_sessions set session_end = now() where id = '11111111-1111-4111-8111-000000000001' returning 1) select is(count(*)::int, 1, 'ai_playground_sessions: owner can update (end) own session') from r;
select throws_ok($q$update playground.ai_playground_sessions set interaction_count = 99 where id = '11111111-1111-4111-8111-000000000001'$q$, '42501', null, 'ai_playground_sessions: owner cannot write statistics columns (42501, column privilege)');
select throws_ok($q$delete from playground.ai_playground_sessions where id = '11111111-1111-4111-8111-000000000001'$q$, '42501', null, 'ai_playground_sessions: owner cannot delete (42501, no grant)');
select tests.authenticate_as('pg.other@test.local');
select is((select count(*) from playground.ai_playground_sessions where id = '11111111-1111-4111-8111-000000000001')::int, 0, 'ai_playground_sessions: another user cannot see the owner''s session (0 rows)');
select throws_ok($q$insert into playground.ai_playground_sessions (user_id) values (tests.get_user_id('pg.owner@test.local'))$q$, '42501', null, 'ai_playground_sessions: another user cannot insert for the owner (42501, RLS)');
with r as (update playground.ai_playground_sessions set browser = 'hacked' where id = '11111111-1111-4111-8111-000000000001' returning 1) select is(count(*)::int, 0, 'ai_playground_sessions: another user updates 0 of the owner''s sessions') from r;
select throws_ok($q$delete from playground.ai_playground_sessions where id = '11111111-1111-4111-8111-000000000001'$q$, '42501', null, 'ai_playground_sessions: another user cannot delete (42501)');
select tests.authenticate_as('pg.admin@test.local');
select is((select count(*) from playground.ai_playground_sessions where id in ('11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002'))::int, 0, 'ai_playground_sessions: the select policy is owner-only, also for an admin (0 rows of others)');
select is((select count(*) from playground_private.platform_sessions() where id in ('11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002'))::int, 2, 'platform_sessions(): an admin reads every session');
with r as (update playground.ai_playground_sessions set browser = 'admin' where id = '11111111-1111-4111-8111-000000000001' returning 1) select is(count(*)::int, 0, 'ai_playground_sessions: an admin updates 0 sessions of others') from r;
select tests.authenticate_as_service_role();
select is((select count(*) from playground.ai_playground_sessions where id in ('11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002'))::int, 2, 'ai_playground_sessions: service_role can select every session');
select is((select count(*) from playground_private.platform_sessions() where id in ('11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002'))::int, 2, 'platform_sessions(): service_role reads every session');
select tests.authenticate_as_anon();
select throws_ok($q$select * from playground_private.platform_sessions()$q$, '42501', null, 'platform_sessions(): anon cannot call it (42501)');
select tests.authenticate_as('pg.owner@test.local');
select throws_ok($q$select * from playground_private.platform_sessions()$q$, '42501', 'playground: platform-wide sessions are for service_role and admins', 'platform_sessions(): a signed-in user gets 42501');
select tests.clear_authentication();
update auth.users set raw_user_meta_data = '{"role": "admin"}' where email = 'pg.other@test.local';
select tests.authenticate_as('pg.other@test.local');
select throws_ok($q$select * from playground_private.platform_sessions()$q$, '42501', 'playground: platform-wide sessions are for service_role and admins', 'platform_sessions(): user_metadata.role = admin grants nothing (42501)');
select tests.authenticate_as_service_role();
select lives_ok($q$insert into playground.ai_playground_sessions (id, user_id) values ('11111111-1111-4111-8111-000000000009', tests.get_user_id('pg.owner@test.local'))$q$, 'ai_playground_sessions: service_role can insert for anyone');
with r as (update playground.ai_playground_sessions set browser = 'svc' where id = '11111111-1111-4111-8111-000000000002' returning 1) select is(count(*)::int, 1, 'ai_playground_sessions: service_role can update') from r;
with r as (delete from playground.ai_playground_sessions where id = '11111111-1111-4111-8111-000000000009' returning 1) select is(count(*)::int, 1, 'ai_playground_sessions: service_role can delete') from r;

-- ai_playground_interactions: owner selects, records, rates; no delete
select tests.authenticate_as_anon();
select throws_ok($q$select * from playground.ai_playground_interactions$q$, '42501', null, 'ai_playground_interactions: anon cannot select (42501)');
select throws_ok($q$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name) values ('11111111-1111-4111-8111-000000000001', tests.get_user_id('pg.owner@test.local'), 'tool_use', 'prompt_builder')$q$, '42501', null, 'ai_playground_interactions: anon cannot insert (42501)');
select throws_ok($q$update playground.ai_playground_interactions set user_rating = 1$q$, '42501', null, 'ai_playground_interactions: anon cannot update (42501)');
select throws_ok($q$delete from playground.ai_playground_interactions$q$, '42501', null, 'ai_playground_interactions: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select is((select count(*) from playground.ai_playground_interactions where id = '22222222-2222-4222-8222-000000000001')::int, 1, 'ai_playground_interactions: owner can select own interaction');
select is((select count(*) from playground.ai_playground_interactions where id = '22222222-2222-4222-8222-000000000002')::int, 0, 'ai_playground_interactions: owner cannot see another user''s interaction (0 rows)');
select throws_ok($q$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms) values ('11111111-1111-4111-8111-000000000001', auth.uid(), 'tool_use', 'prompt_builder', 120)$q$, '55000', null, 'ai_playground_interactions: owner cannot insert into own ended session (55000)');
update playground.ai_playground_sessions set session_end = null where id = '11111111-1111-4111-8111-000000000001';
select lives_ok($q$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, response_time_ms) values ('11111111-1111-4111-8111-000000000001', auth.uid(), 'tool_use', 'prompt_builder', 120)$q$, 'ai_playground_interactions: owner can insert into own open session');
with r as (update playground.ai_playground_interactions set user_rating = 4, user_feedback = 'Helpful' where id = '22222222-2222-4222-8222-000000000001' returning 1) select is(count(*)::int, 1, 'ai_playground_interactions: owner can rate own interaction') from r;
select throws_ok($q$update playground.ai_playground_interactions set success = false where id = '22222222-2222-4222-8222-000000000001'$q$, '42501', null, 'ai_playground_interactions: owner cannot change recorded facts (42501, column privilege)');
select throws_ok($q$delete from playground.ai_playground_interactions where id = '22222222-2222-4222-8222-000000000001'$q$, '42501', null, 'ai_playground_interactions: owner cannot delete (42501, no grant)');
select tests.authenticate_as('pg.other@test.local');
select is((select count(*) from playground.ai_playground_interactions where id = '22222222-2222-4222-8222-000000000001')::int, 0, 'ai_playground_interactions: another user cannot see the owner''s interaction (0 rows)');
select throws_ok($q$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name) values ('11111111-1111-4111-8111-000000000001', tests.get_user_id('pg.owner@test.local'), 'tool_use', 'prompt_builder')$q$, '42501', null, 'ai_playground_interactions: another user cannot insert for the owner (42501, RLS)');
select throws_ok($q$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name) values ('11111111-1111-4111-8111-000000000001', auth.uid(), 'tool_use', 'prompt_builder')$q$, '42501', null, 'ai_playground_interactions: another user cannot attach an interaction to the owner''s session (42501, trigger)');
with r as (update playground.ai_playground_interactions set user_rating = 1 where id = '22222222-2222-4222-8222-000000000001' returning 1) select is(count(*)::int, 0, 'ai_playground_interactions: another user updates 0 of the owner''s interactions') from r;
select throws_ok($q$delete from playground.ai_playground_interactions where id = '22222222-2222-4222-8222-000000000001'$q$, '42501', null, 'ai_playground_interactions: another user cannot delete (42501)');
select tests.authenticate_as('pg.admin@test.local');
select is((select count(*) from playground.ai_playground_interactions where id in ('22222222-2222-4222-8222-000000000001', '22222222-2222-4222-8222-000000000002'))::int, 0, 'ai_playground_interactions: the select policy is owner-only, also for an admin (0 rows of others)');
select is((select count(*) from playground_private.platform_interactions() where id in ('22222222-2222-4222-8222-000000000001', '22222222-2222-4222-8222-000000000002'))::int, 2, 'platform_interactions(): an admin reads every interaction');
select tests.authenticate_as_service_role();
select is((select count(*) from playground.ai_playground_interactions where id in ('22222222-2222-4222-8222-000000000001', '22222222-2222-4222-8222-000000000002'))::int, 2, 'ai_playground_interactions: service_role can select every interaction');
select is((select count(*) from playground_private.platform_interactions() where id in ('22222222-2222-4222-8222-000000000001', '22222222-2222-4222-8222-000000000002'))::int, 2, 'platform_interactions(): service_role reads every interaction');
select tests.authenticate_as_anon();
select throws_ok($q$select * from playground_private.platform_interactions()$q$, '42501', null, 'platform_interactions(): anon cannot call it (42501)');
select tests.authenticate_as('pg.owner@test.local');
select throws_ok($q$select * from playground_private.platform_interactions()$q$, '42501', 'playground: platform-wide interactions are for service_role and admins', 'platform_interactions(): a signed-in user gets 42501');
select tests.clear_authentication();
update auth.users set raw_user_meta_data = '{"role": "admin"}' where email = 'pg.other@test.local';
select tests.authenticate_as('pg.other@test.local');
select throws_ok($q$select * from playground_private.platform_interactions()$q$, '42501', 'playground: platform-wide interactions are for service_role and admins', 'platform_interactions(): user_metadata.role = admin grants nothing (42501)');
select tests.authenticate_as_service_role();
select lives_ok($q$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name) values ('11111111-1111-4111-8111-000000000001', tests.get_user_id('pg.owner@test.local'), 'tool_use', 'prompt_builder')$q$, 'ai_playground_interactions: service_role can insert for anyone');
with r as (update playground.ai_playground_interactions set success_score = 90 where id = '22222222-2222-4222-8222-000000000001' returning 1) select is(count(*)::int, 1, 'ai_playground_interactions: service_role can update') from r;
with r as (delete from playground.ai_playground_interactions where id = '22222222-2222-4222-8222-000000000001' returning 1) select is(count(*)::int, 1, 'ai_playground_interactions: service_role can delete') from r;

-- ai_playground_creations: visibility by sharing_level; owner manages
select tests.authenticate_as_anon();
select is((select count(*) from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000002')::int, 1, 'ai_playground_creations: anon can select a public creation');
select is((select count(*) from playground.ai_playground_creations where id in ('33333333-3333-4333-8333-000000000001', '33333333-3333-4333-8333-000000000003', '33333333-3333-4333-8333-000000000004'))::int, 0, 'ai_playground_creations: anon cannot see private or shared creations (0 rows)');
select throws_ok($q$insert into playground.ai_playground_creations (user_id, title, creation_type) values (tests.get_user_id('pg.owner@test.local'), 'x', 'prompt')$q$, '42501', null, 'ai_playground_creations: anon cannot insert (42501)');
select throws_ok($q$update playground.ai_playground_creations set title = 'x'$q$, '42501', null, 'ai_playground_creations: anon cannot update (42501)');
select throws_ok($q$delete from playground.ai_playground_creations$q$, '42501', null, 'ai_playground_creations: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select is((select count(*) from playground.ai_playground_creations where id in ('33333333-3333-4333-8333-000000000001', '33333333-3333-4333-8333-000000000002', '33333333-3333-4333-8333-000000000003'))::int, 3, 'ai_playground_creations: owner can select all own creations');
select is((select count(*) from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000004')::int, 0, 'ai_playground_creations: owner cannot see another user''s private creation (0 rows)');
select lives_ok($q$insert into playground.ai_playground_creations (user_id, title, creation_type, tags) values (auth.uid(), 'New prompt', 'prompt', '{a,b}')$q$, 'ai_playground_creations: owner can insert own creation');
select throws_ok($q$insert into playground.ai_playground_creations (user_id, title, creation_type, quality_score) values (auth.uid(), 'Self-rated', 'prompt', 100)$q$, '42501', null, 'ai_playground_creations: owner cannot set quality_score (42501, column privilege)');
with r as (update playground.ai_playground_creations set title = 'Renamed draft' where id = '33333333-3333-4333-8333-000000000001' returning 1) select is(count(*)::int, 1, 'ai_playground_creations: owner can update own creation') from r;
select throws_ok($q$update playground.ai_playground_creations set view_count = 1000 where id = '33333333-3333-4333-8333-000000000002'$q$, '42501', null, 'ai_playground_creations: owner cannot inflate counters (42501, column privilege)');
with r as (delete from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000001' returning 1) select is(count(*)::int, 1, 'ai_playground_creations: owner can delete own creation') from r;
select tests.authenticate_as('pg.other@test.local');
select is((select count(*) from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000002')::int, 1, 'ai_playground_creations: another user can select a public creation');
select is((select count(*) from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000003')::int, 1, 'ai_playground_creations: a user the creation is shared with can select it');
select is((select count(*) from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000001')::int, 0, 'ai_playground_creations: another user cannot see a private creation (0 rows)');
select throws_ok($q$insert into playground.ai_playground_creations (user_id, title, creation_type) values (tests.get_user_id('pg.owner@test.local'), 'Fake', 'prompt')$q$, '42501', null, 'ai_playground_creations: another user cannot insert for the owner (42501, RLS)');
with r as (update playground.ai_playground_creations set title = 'Defaced' where id in ('33333333-3333-4333-8333-000000000002', '33333333-3333-4333-8333-000000000003') returning 1) select is(count(*)::int, 0, 'ai_playground_creations: another user updates 0 of the owner''s visible creations') from r;
with r as (delete from playground.ai_playground_creations where id in ('33333333-3333-4333-8333-000000000002', '33333333-3333-4333-8333-000000000003') returning 1) select is(count(*)::int, 0, 'ai_playground_creations: another user deletes 0 of the owner''s visible creations') from r;
select tests.authenticate_as('pg.third@test.local');
select is((select count(*) from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000003')::int, 0, 'ai_playground_creations: a user it is not shared with cannot see a shared creation (0 rows)');
select tests.authenticate_as('pg.admin@test.local');
select is((select count(*) from playground.ai_playground_creations where id in ('33333333-3333-4333-8333-000000000003', '33333333-3333-4333-8333-000000000004'))::int, 2, 'ai_playground_creations: an admin can select every creation');
select tests.authenticate_as_service_role();
select is((select count(*) from playground.ai_playground_creations where id in ('33333333-3333-4333-8333-000000000002', '33333333-3333-4333-8333-000000000003', '33333333-3333-4333-8333-000000000004'))::int, 3, 'ai_playground_creations: service_role can select every creation');
select lives_ok($q$insert into playground.ai_playground_creations (user_id, title, creation_type, quality_score) values (tests.get_user_id('pg.other@test.local'), 'Evaluated', 'prompt', 75)$q$, 'ai_playground_creations: service_role can insert for anyone');
with r as (update playground.ai_playground_creations set quality_score = 82, view_count = 10 where id = '33333333-3333-4333-8333-000000000002' returning 1) select is(count(*)::int, 1, 'ai_playground_creations: service_role can update counters and quality') from r;
with r as (delete from playground.ai_playground_creations where id = '33333333-3333-4333-8333-000000000004' returning 1) select is(count(*)::int, 1, 'ai_playground_creations: service_role can delete') from r;

-- ai_playground_creation_shares: creation owner manages; recipient sees and may leave
select tests.authenticate_as_anon();
select throws_ok($q$select * from playground.ai_playground_creation_shares$q$, '42501', null, 'ai_playground_creation_shares: anon cannot select (42501)');
select throws_ok($q$insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id) values ('33333333-3333-4333-8333-000000000003', tests.get_user_id('pg.third@test.local'))$q$, '42501', null, 'ai_playground_creation_shares: anon cannot insert (42501)');
select throws_ok($q$update playground.ai_playground_creation_shares set created_at = now()$q$, '42501', null, 'ai_playground_creation_shares: anon cannot update (42501)');
select throws_ok($q$delete from playground.ai_playground_creation_shares$q$, '42501', null, 'ai_playground_creation_shares: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select is((select count(*) from playground.ai_playground_creation_shares where creation_id = '33333333-3333-4333-8333-000000000003')::int, 1, 'ai_playground_creation_shares: the creation owner can select its shares');
select lives_ok($q$insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id) values ('33333333-3333-4333-8333-000000000003', tests.get_user_id('pg.third@test.local'))$q$, 'ai_playground_creation_shares: the creation owner can share it');
select throws_ok($q$update playground.ai_playground_creation_shares set created_at = now()$q$, '42501', null, 'ai_playground_creation_shares: nobody but service_role updates shares (42501, no grant)');
with r as (delete from playground.ai_playground_creation_shares where creation_id = '33333333-3333-4333-8333-000000000003' and shared_with_user_id = tests.get_user_id('pg.third@test.local') returning 1) select is(count(*)::int, 1, 'ai_playground_creation_shares: the creation owner can unshare') from r;
select tests.authenticate_as('pg.other@test.local');
select is((select count(*) from playground.ai_playground_creation_shares where creation_id = '33333333-3333-4333-8333-000000000003')::int, 1, 'ai_playground_creation_shares: the recipient can select their share');
select throws_ok($q$insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id) values ('33333333-3333-4333-8333-000000000003', tests.get_user_id('pg.third@test.local'))$q$, '42501', null, 'ai_playground_creation_shares: a recipient cannot re-share someone else''s creation (42501, RLS)');
select tests.authenticate_as('pg.third@test.local');
select is((select count(*) from playground.ai_playground_creation_shares)::int, 0, 'ai_playground_creation_shares: an unrelated user sees no shares (0 rows)');
with r as (delete from playground.ai_playground_creation_shares where creation_id = '33333333-3333-4333-8333-000000000003' returning 1) select is(count(*)::int, 0, 'ai_playground_creation_shares: an unrelated user deletes 0 shares') from r;
select tests.authenticate_as('pg.other@test.local');
with r as (delete from playground.ai_playground_creation_shares where creation_id = '33333333-3333-4333-8333-000000000003' and shared_with_user_id = auth.uid() returning 1) select is(count(*)::int, 1, 'ai_playground_creation_shares: the recipient can remove themself') from r;
select tests.authenticate_as_service_role();
select lives_ok($q$insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id) values ('33333333-3333-4333-8333-000000000003', tests.get_user_id('pg.other@test.local'))$q$, 'ai_playground_creation_shares: service_role can insert');
select is((select count(*) from playground.ai_playground_creation_shares where creation_id = '33333333-3333-4333-8333-000000000003')::int, 1, 'ai_playground_creation_shares: service_role can select');
with r as (update playground.ai_playground_creation_shares set created_at = now() where creation_id = '33333333-3333-4333-8333-000000000003' returning 1) select is(count(*)::int, 1, 'ai_playground_creation_shares: service_role can update') from r;
with r as (delete from playground.ai_playground_creation_shares where creation_id = '33333333-3333-4333-8333-000000000003' returning 1) select is(count(*)::int, 1, 'ai_playground_creation_shares: service_role can delete') from r;

-- ai_playground_achievements: own + shared; owner only toggles is_shared; awarded by check_and_award_achievements
select tests.authenticate_as_anon();
select throws_ok($q$select * from playground.ai_playground_achievements$q$, '42501', null, 'ai_playground_achievements: anon cannot select (42501)');
select throws_ok($q$insert into playground.ai_playground_achievements (user_id, achievement_type, category, badge_level, points, progress_target) values (tests.get_user_id('pg.owner@test.local'), 'first_creation', 'getting_started', 'bronze', 10, 1)$q$, '42501', null, 'ai_playground_achievements: anon cannot insert (42501)');
select throws_ok($q$update playground.ai_playground_achievements set is_shared = true$q$, '42501', null, 'ai_playground_achievements: anon cannot update (42501)');
select throws_ok($q$delete from playground.ai_playground_achievements$q$, '42501', null, 'ai_playground_achievements: anon cannot delete (42501)');
select tests.authenticate_as('pg.owner@test.local');
select is((select count(*) from playground.ai_playground_achievements where id in ('44444444-4444-4444-8444-000000000001', '44444444-4444-4444-8444-000000000002'))::int, 2, 'ai_playground_achievements: owner can select own achievements');
select throws_ok($q$insert into playground.ai_playground_achievements (user_id, achievement_type, category, badge_level, points, progress_target) values (auth.uid(), 'first_creation', 'getting_started', 'bronze', 10, 1)$q$, '42501', null, 'ai_playground_achievements: owner cannot award themself (42501, no grant)');
with r as (update playground.ai_playground_achievements set is_shared = true where id = '44444444-4444-4444-8444-000000000001' returning 1) select is(count(*)::int, 1, 'ai_playground_achievements: owner can share own achievement') from r;
select throws_ok($q$update playground.ai_playground_achievements set points = 10000 where id = '44444444-4444-4444-8444-000000000001'$q$, '42501', null, 'ai_playground_achievements: owner cannot change points (42501, column privilege)');
select throws_ok($q$delete from playground.ai_playground_achievements where id = '44444444-4444-4444-8444-000000000001'$q$, '42501', null, 'ai_playground_achievements: owner cannot delete (42501, no grant)');
select tests.authenticate_as('pg.other@test.local');
select is((select count(*) from playground.ai_playground_achievements where id = '44444444-4444-4444-8444-000000000002')::int, 1, 'ai_playground_achievements: another user can see a shared achievement');
select is((select count(*) from playground.ai_playground_achievements where id = '44444444-4444-4444-8444-000000000004')::int, 0, 'ai_playground_achievements: another user cannot see unshared achievements (0 rows)');
with r as (update playground.ai_playground_achievements set is_shared = false where id = '44444444-4444-4444-8444-000000000002' returning 1) select is(count(*)::int, 0, 'ai_playground_achievements: another user updates 0 of the owner''s achievements') from r;
select throws_ok($q$delete from playground.ai_playground_achievements where id = '44444444-4444-4444-8444-000000000002'$q$, '42501', null, 'ai_playground_achievements: another user cannot delete (42501)');
select tests.authenticate_as('pg.admin@test.local');
select is((select count(*) from playground.ai_playground_achievements where id = '44444444-4444-4444-8444-000000000003')::int, 1, 'ai_playground_achievements: an admin can select unshared achievements of others');
select tests.authenticate_as_service_role();
select is((select count(*) from playground.ai_playground_achievements where id in ('44444444-4444-4444-8444-000000000001', '44444444-4444-4444-8444-000000000002', '44444444-4444-4444-8444-000000000003'))::int, 3, 'ai_playground_achievements: service_role can select every achievement');
select lives_ok($q$insert into playground.ai_playground_achievements (user_id, achievement_type, category, badge_level, points, progress_target) values (tests.get_user_id('pg.other@test.local'), 'first_creation', 'getting_started', 'bronze', 10, 1)$q$, 'ai_playground_achievements: service_role can insert');
with r as (update playground.ai_playground_achievements set congratulations_count = 3 where id = '44444444-4444-4444-8444-000000000002' returning 1) select is(count(*)::int, 1, 'ai_playground_achievements: service_role can update') from r;
with r as (delete from playground.ai_playground_achievements where id = '44444444-4444-4444-8444-000000000003' returning 1) select is(count(*)::int, 1, 'ai_playground_achievements: service_role can delete') from r;

-- analytics views: signed-in users and service_role only
select tests.authenticate_as_anon();
select throws_ok($q$select * from playground.ai_playground_user_engagement$q$, '42501', null, 'ai_playground_user_engagement: anon cannot select (42501)');
select throws_ok($q$select * from playground.ai_playground_tool_analytics$q$, '42501', null, 'ai_playground_tool_analytics: anon cannot select (42501)');
select throws_ok($q$select * from playground.ai_playground_creation_analytics$q$, '42501', null, 'ai_playground_creation_analytics: anon cannot select (42501)');
select throws_ok($q$select * from playground.ai_playground_daily_metrics$q$, '42501', null, 'ai_playground_daily_metrics: anon cannot select (42501)');
select throws_ok($q$select * from playground.ai_playground_user_funnel$q$, '42501', null, 'ai_playground_user_funnel: anon cannot select (42501)');
select throws_ok($q$select * from playground.ai_playground_performance_metrics$q$, '42501', null, 'ai_playground_performance_metrics: anon cannot select (42501)');
select tests.clear_authentication();

select * from finish();
rollback;
