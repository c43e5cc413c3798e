-- playground: generated columns, triggers (versions, forks, publishing,
-- shares, nonprofit usage, updated_at) and CHECK constraints, with bad input.
begin;
select plan(44);

select tests.create_user('pg.maker@test.local');
select tests.create_user('pg.forker@test.local');
select tests.create_user('pg.stranger@test.local');

-- sessions: generated duration, checks, nonprofit usage --------------------
insert into playground.ai_playground_sessions (id, user_id, session_start)
values ('12121212-0000-4000-8000-000000000001', tests.get_user_id('pg.maker@test.local'), now() - interval '30 minutes');
select is(
    (select duration_seconds from playground.ai_playground_sessions where id = '12121212-0000-4000-8000-000000000001'),
    null, 'duration_seconds is null while the session is active');
update playground.ai_playground_sessions set session_end = session_start + interval '1805.7 seconds'
    where id = '12121212-0000-4000-8000-000000000001';
select is(
    (select duration_seconds from playground.ai_playground_sessions where id = '12121212-0000-4000-8000-000000000001'),
    1805, 'duration_seconds is generated from start and end (whole seconds)');
select throws_ok(
    $$update playground.ai_playground_sessions set session_end = session_start - interval '1 second'
       where id = '12121212-0000-4000-8000-000000000001'$$,
    '23514', null, 'a session cannot end before it starts (23514)');
select throws_ok(
    $$insert into playground.ai_playground_sessions (user_id, activity_type) values (tests.get_user_id('pg.maker@test.local'), 'napping')$$,
    '23514', null, 'an unknown activity_type raises 23514');
select throws_ok(
    $$insert into playground.ai_playground_sessions (user_id, device_type) values (tests.get_user_id('pg.maker@test.local'), 'toaster')$$,
    '23514', null, 'an unknown device_type raises 23514');
select throws_ok(
    $$insert into playground.ai_playground_sessions (user_id, metadata) values (tests.get_user_id('pg.maker@test.local'), '"text"')$$,
    '23514', null, 'session metadata must be a JSON object (23514)');
select throws_ok(
    $$insert into playground.ai_playground_sessions (user_id) values (null)$$,
    '23502', null, 'a session needs a user (23502)');

create temporary table profile_before on commit drop as
select id, usage_count from playground.synthetic_nonprofit_profiles where organization_type = 'food_security' limit 1;
insert into playground.ai_playground_sessions (user_id, activity_type, nonprofit_profile_id)
select tests.get_user_id('pg.maker@test.local'), 'nonprofit_scenario', id from profile_before;
select is(
    (select p.usage_count - b.usage_count from playground.synthetic_nonprofit_profiles p join profile_before b using (id)),
    1, 'starting a session on a nonprofit profile increments its usage_count');

-- updated_at trigger
update playground.ai_playground_sessions set updated_at = '2000-01-01' where id = '12121212-0000-4000-8000-000000000001';
update playground.ai_playground_sessions set browser = 'Firefox' where id = '12121212-0000-4000-8000-000000000001';
select is(
    (select updated_at from playground.ai_playground_sessions where id = '12121212-0000-4000-8000-000000000001'),
    now(), 'updated_at is stamped on update');

-- creations: versions, forks, publishing ------------------------------------
select tests.authenticate_as('pg.maker@test.local');
insert into playground.ai_playground_creations (id, user_id, title, creation_type, sharing_level, tags)
values ('13131313-0000-4000-8000-000000000001', auth.uid(), 'Original', 'prompt', 'public', '{donors,email}'),
        ('13131313-0000-4000-8000-000000000002', auth.uid(), 'Team only', 'workflow', 'shared', '{}'),
        ('13131313-0000-4000-8000-000000000003', auth.uid(), 'Secret', 'prompt', 'private', '{}');
insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id)
values ('13131313-0000-4000-8000-000000000002', tests.get_user_id('pg.forker@test.local'));
insert into playground.ai_playground_creations (id, user_id, parent_id, title, creation_type)
values ('13131313-0000-4000-8000-000000000011', auth.uid(), '13131313-0000-4000-8000-000000000001', 'Original v2', 'prompt');
select throws_ok(
    $$insert into playground.ai_playground_creations (user_id, parent_id, title, creation_type, version)
      values (auth.uid(), '13131313-0000-4000-8000-000000000011', 'Self-versioned', 'prompt', 7)$$,
    '42501', null, 'users cannot supply the version (42501, column privilege)');
select tests.clear_authentication();
insert into playground.ai_playground_creations (id, user_id, parent_id, title, creation_type, version)
values ('13131313-0000-4000-8000-000000000012', tests.get_user_id('pg.maker@test.local'),
        '13131313-0000-4000-8000-000000000011', 'Original v3', 'prompt', 1);
select tests.authenticate_as('pg.maker@test.local');
select results_eq(
    $$select version from playground.ai_playground_creations
       where id in ('13131313-0000-4000-8000-000000000001', '13131313-0000-4000-8000-000000000011', '13131313-0000-4000-8000-000000000012')
       order by version$$,
    $$values (1), (2), (3)$$,
    'children of one''s own creation are versions 2 and 3 (supplied version ignored)');
select is(
    (select fork_count from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000001'),
    0, 'a new version is not a fork');
select throws_ok(
    $$insert into playground.ai_playground_creations (user_id, parent_id, title, creation_type)
      values (auth.uid(), '13131313-0000-4000-8000-0000000000ff', 'Orphan', 'prompt')$$,
    '42501', null, 'an unknown parent raises 42501 for an API caller, the error of an invisible one (no existence oracle, issue 15)');

select tests.authenticate_as('pg.forker@test.local');
insert into playground.ai_playground_creations (id, user_id, parent_id, title, creation_type)
values ('13131313-0000-4000-8000-000000000021', auth.uid(), '13131313-0000-4000-8000-000000000001', 'My fork', 'prompt'),
        ('13131313-0000-4000-8000-000000000022', auth.uid(), '13131313-0000-4000-8000-000000000002', 'Fork of shared', 'workflow');
select is(
    (select version from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000021'),
    1, 'a fork starts at version 1');
select tests.clear_authentication();
select is(
    (select fork_count from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000001'),
    1, 'forking a public creation increments its fork_count');
select is(
    (select fork_count from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000002'),
    1, 'a recipient can fork a creation shared with them');
select tests.authenticate_as('pg.forker@test.local');
select throws_ok(
    $$insert into playground.ai_playground_creations (user_id, parent_id, title, creation_type)
      values (auth.uid(), '13131313-0000-4000-8000-000000000003', 'Stolen', 'prompt')$$,
    '42501', null, 'forking someone else''s private creation raises 42501');
select tests.authenticate_as('pg.stranger@test.local');
select throws_ok(
    $$insert into playground.ai_playground_creations (user_id, parent_id, title, creation_type)
      values (auth.uid(), '13131313-0000-4000-8000-000000000002', 'Stolen', 'workflow')$$,
    '42501', null, 'forking a shared creation one is not a recipient of raises 42501');
select tests.clear_authentication();
select is(
    (select fork_count from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000003'),
    0, 'refused forks leave fork_count unchanged');

-- the GIN-indexed tags answer containment queries
select results_eq(
    $$select title from playground.ai_playground_creations
       where tags @> array['donors'] and id::text like '13131313-%' order by title$$,
    $$values ('Original'::text)$$,
    'tags @> finds creations by tag');

-- publishing
select tests.authenticate_as('pg.maker@test.local');
update playground.ai_playground_creations set is_published = true where id = '13131313-0000-4000-8000-000000000001';
select is(
    (select published_at from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000001'),
    now(), 'publishing stamps published_at');
select tests.clear_authentication();
update playground.ai_playground_creations set published_at = '2020-01-01' where id = '13131313-0000-4000-8000-000000000001';
select is(
    (select published_at from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000001'),
    now(), 'published_at cannot be rewritten while published');
select tests.authenticate_as('pg.maker@test.local');
update playground.ai_playground_creations set is_published = false where id = '13131313-0000-4000-8000-000000000001';
select is(
    (select published_at from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000001'),
    null, 'unpublishing clears published_at');
select throws_ok(
    $$update playground.ai_playground_creations set is_published = true where id = '13131313-0000-4000-8000-000000000003'$$,
    '23514', null, 'a private creation cannot be published (23514)');
select throws_ok(
    $$update playground.ai_playground_creations set template_category = 'fundraising' where id = '13131313-0000-4000-8000-000000000003'$$,
    '23514', null, 'template_category requires is_template (23514)');
select throws_ok(
    $$update playground.ai_playground_creations set title = '   ' where id = '13131313-0000-4000-8000-000000000003'$$,
    '23514', null, 'a blank title raises 23514');
select throws_ok(
    $$update playground.ai_playground_creations set sharing_level = 'friends' where id = '13131313-0000-4000-8000-000000000003'$$,
    '23514', null, 'an unknown sharing_level raises 23514');
select throws_ok(
    $$update playground.ai_playground_creations set content = '[1]' where id = '13131313-0000-4000-8000-000000000003'$$,
    '23514', null, 'content must be a JSON object (23514)');
select throws_ok(
    $$update playground.ai_playground_creations
         set tags = (select array_agg('t' || g) from generate_series(1, 21) g)
       where id = '13131313-0000-4000-8000-000000000003'$$,
    '23514', null, 'more than 20 tags raise 23514');
select throws_ok(
    $$insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id)
      values ('13131313-0000-4000-8000-000000000002', auth.uid())$$,
    '23514', null, 'a creation cannot be shared with its owner (23514)');

-- deleting a parent keeps its children (parent_id set null)
delete from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000011';
select is(
    (select parent_id from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000012'),
    null, 'deleting a version sets its children''s parent_id to null');

-- catalogue shape checks -----------------------------------------------------
select tests.clear_authentication();
select throws_ok(
    $$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category, learning_resources)
      values ('zz_bad', 'Bad', 'Bad.', 'learning', '[{"title": "No url"}]')$$,
    '23514', null, 'learning_resources entries need a title and a url (23514)');
select throws_ok(
    $$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category, changelog)
      values ('zz_bad', 'Bad', 'Bad.', 'learning', '[{"version": "1.0.0", "changes": "not a list"}]')$$,
    '23514', null, 'changelog entries need a version and a list of changes (23514)');
select throws_ok(
    $$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category, version)
      values ('zz_bad', 'Bad', 'Bad.', 'learning', 'v1')$$,
    '23514', null, 'version must be semantic (23514)');
select throws_ok(
    $$insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category)
      values ('Bad Name', 'Bad', 'Bad.', 'learning')$$,
    '23514', null, 'tool_name must be a lower-case machine name (23514)');
select throws_ok(
    $$update playground.ai_playground_toolkit_items set rating_sum = 6, rating_count = 1 where tool_name = 'prompt_builder'$$,
    '23514', null, 'rating totals must describe 1-5 ratings (23514)');
select throws_ok(
    $$insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description,
          organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level)
      values ('Bad Org', 'space_exploration', 'M.', 'D.', 'micro', 1, 1, 'L', 2000, 'nascent', '{c}', 'beginner')$$,
    '23514', null, 'an organization_type outside the 15 raises 23514');
select throws_ok(
    $$insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description,
          organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level)
      values ('Bad Org', 'education', 'M.', 'D.', 'micro', 1, 1, 'L', 2000, 'nascent', '{}', 'beginner')$$,
    '23514', null, 'a profile needs at least one challenge (23514)');
select throws_ok(
    $$insert into playground.synthetic_nonprofit_profiles (organization_name, organization_type, mission_statement, description,
          organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level,
          practice_scenarios)
      values ('Bad Org', 'education', 'M.', 'D.', 'micro', 1, 1, 'L', 2000, 'nascent', '{c}', 'beginner', '[{"title": "No task"}]')$$,
    '23514', null, 'practice scenarios need a title and a task (23514)');

-- tools with history cannot be deleted; renames cascade
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
values ('12121212-0000-4000-8000-000000000001', tests.get_user_id('pg.maker@test.local'), 'tool_use', 'bias_checker');
select throws_matching(
    $$delete from playground.ai_playground_toolkit_items where tool_name = 'bias_checker'$$,
    'violates .*foreign key constraint "ai_playground_interactions_tool_name_fkey"',
    'a tool with recorded interactions cannot be deleted (on delete restrict: 23001 on PG 18, 23503 on PG 15)');
update playground.ai_playground_toolkit_items set tool_name = 'bias_reviewer' where tool_name = 'bias_checker';
select is(
    (select tool_name from playground.ai_playground_interactions where session_id = '12121212-0000-4000-8000-000000000001'),
    'bias_reviewer', 'renaming a tool cascades to its interactions');

-- deleting an auth user removes their creations and shares, keeps others' forks
delete from auth.users where email = 'pg.maker@test.local';
select is(
    (select count(*)::int from playground.ai_playground_creations where id::text like '13131313-0000-4000-8000-00000000000%'),
    0, 'deleting the auth user removes their creations');
select is(
    (select count(*)::int from playground.ai_playground_creation_shares where creation_id = '13131313-0000-4000-8000-000000000002'),
    0, 'and the shares of those creations');
select is(
    (select parent_id from playground.ai_playground_creations where id = '13131313-0000-4000-8000-000000000021'),
    null, 'another user''s fork stays, detached from the deleted original');

select * from finish();
rollback;
