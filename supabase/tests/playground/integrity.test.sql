-- playground: session times are the server's, within a few minutes (issue 15).
-- Each attack is performed and fails; the service role may import history. Rolls back.
begin;
select plan(17);

select tests.create_user('pg.integrity@test.local');
select tests.authenticate_as('pg.integrity@test.local');
select throws_ok(
    $$insert into playground.ai_playground_sessions (user_id, session_start) values (auth.uid(), now() - interval '2 days')$$,
    '23514', null, 'a user cannot backdate a session by two days');
select throws_ok(
    $$insert into playground.ai_playground_sessions (user_id, session_start) values (auth.uid(), now() + interval '1 day')$$,
    '23514', null, 'a user cannot start a session tomorrow');
select lives_ok(
    $$insert into playground.ai_playground_sessions (id, user_id, session_start)
      values ('12121212-0000-4000-8000-0000000000f1', auth.uid(), now() - interval '2 minutes')$$,
    'a session that started two minutes ago is recorded');
select throws_ok(
    $$update playground.ai_playground_sessions set session_end = now() + interval '3 hours'
      where id = '12121212-0000-4000-8000-0000000000f1'$$,
    '23514', null, 'a user cannot end a session in the future to stretch it');
select lives_ok(
    $$update playground.ai_playground_sessions set session_end = now() where id = '12121212-0000-4000-8000-0000000000f1'$$,
    'a user ends the session now');

select tests.authenticate_as_service_role();
select lives_ok(
    $$insert into playground.ai_playground_sessions (user_id, session_start, session_end)
      values (tests.get_user_id('pg.integrity@test.local'), now() - interval '30 days', now() - interval '30 days' + interval '1 hour')$$,
    'the service role imports a past session');
select is(
    (select count(*)::int from playground.ai_playground_sessions where user_id = tests.get_user_id('pg.integrity@test.local')),
    2, 'only the honest session and the import were recorded');

-- fork_count counts forkers, not forks
select tests.clear_authentication();
select tests.create_user('pg.author@test.local');
select tests.create_user('pg.farmer@test.local');
select tests.create_user('pg.fan@test.local');
select tests.authenticate_as('pg.author@test.local');
insert into playground.ai_playground_creations (id, user_id, title, creation_type, sharing_level)
values ('13131313-0000-4000-8000-0000000000f1', auth.uid(), 'Popular', 'prompt', 'public');
select tests.authenticate_as('pg.farmer@test.local');
insert into playground.ai_playground_creations (user_id, parent_id, title, creation_type)
select auth.uid(), '13131313-0000-4000-8000-0000000000f1', 'Fork ' || n, 'prompt' from generate_series(1, 50) as n;
select is(
    (select fork_count from playground.ai_playground_creations where id = '13131313-0000-4000-8000-0000000000f1'),
    1, 'one account forking 50 times counts once');
insert into playground.ai_playground_creations (user_id, parent_id, title, creation_type)
values (auth.uid(), '13131313-0000-4000-8000-0000000000f1', 'Fork 51', 'prompt');
select is(
    (select fork_count from playground.ai_playground_creations where id = '13131313-0000-4000-8000-0000000000f1'),
    1, 'a later fork by the same account still counts once');
select tests.authenticate_as('pg.fan@test.local');
insert into playground.ai_playground_creations (user_id, parent_id, title, creation_type)
values (auth.uid(), '13131313-0000-4000-8000-0000000000f1', 'My take', 'prompt');
select is(
    (select fork_count from playground.ai_playground_creations where id = '13131313-0000-4000-8000-0000000000f1'),
    2, 'another user''s fork counts');

-- a tool's rating counts each user once; inactive tools take no interactions
select tests.clear_authentication();
update playground.ai_playground_toolkit_items set is_active = false where tool_name = 'prompt_builder';
select tests.authenticate_as('pg.farmer@test.local');
insert into playground.ai_playground_sessions (id, user_id) values ('12121212-0000-4000-8000-0000000000f2', auth.uid());
select throws_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
      values ('12121212-0000-4000-8000-0000000000f2', auth.uid(), 'prompt_submit', 'prompt_builder')$$,
    '42501', null, 'an inactive tool takes no interactions (its counters cannot be moved)');
select lives_ok(
    $$insert into playground.ai_playground_interactions (id, session_id, user_id, interaction_type, tool_name, user_rating)
    values ('22222222-2222-4222-8222-0000000000f1', '12121212-0000-4000-8000-0000000000f2', auth.uid(), 'prompt_submit', 'grant_writer', 5)$$,
    'a user rates a tool once');
select throws_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, user_rating)
    select '12121212-0000-4000-8000-0000000000f2', auth.uid(), 'prompt_submit', 'grant_writer', 5 from generate_series(1, 1000)$$,
    '23505', null, 'a thousand more ratings of the same tool are refused');
select lives_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
    values ('12121212-0000-4000-8000-0000000000f2', auth.uid(), 'prompt_submit', 'grant_writer')$$,
    'unrated use of the tool goes on');
select lives_ok(
    $$update playground.ai_playground_interactions set user_rating = 2 where id = '22222222-2222-4222-8222-0000000000f1'$$,
    'the user changes their rating');
select tests.clear_authentication();
select is(
    (
        select count(*)::int from playground.ai_playground_interactions
        where tool_name = 'grant_writer' and user_rating is not null and user_id = tests.get_user_id('pg.farmer@test.local')
    ),
    1, 'the farmer has one rating of the tool');
select is(
    (select rating_count from playground.ai_playground_toolkit_items where tool_name = 'grant_writer'),
    (select count(*)::int from playground.ai_playground_interactions where tool_name = 'grant_writer' and user_rating is not null),
    'the tool''s rating_count is the number of rated interactions: one per user here');

select tests.clear_authentication();
select * from finish();
rollback;
