-- playground: track_tool_usage, the seed's usage example, atomicity and the
-- caller check (a user acts only for themself; service_role for anyone).
begin;
select plan(51);

-- fixture (as postgres): two users with fixed ids, an open and an ended session
insert into auth.users (id, aud, role, email, raw_app_meta_data, email_confirmed_at)
values
    ('aaaaaaaa-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'pg.tracker@test.local', '{}', now()),
    ('aaaaaaaa-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'pg.intruder@test.local', '{}', now());
insert into playground.ai_playground_sessions (id, user_id, activity_type)
values
    ('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'prompt_building'),
    ('bbbbbbbb-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000002', 'free_exploration');
insert into playground.ai_playground_sessions (id, user_id, session_start, session_end)
values ('bbbbbbbb-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001',
        now() - interval '2 hours', now() - interval '1 hour');
insert into playground.ai_playground_toolkit_items (tool_name, display_name, description, category, is_active)
values ('zz_retired_tool', 'Retired', 'Retired tool.', 'learning', false);

create temporary table baseline on commit drop as
select tool_name, usage_count, unique_user_count
from playground.ai_playground_toolkit_items;
grant select on baseline to authenticated, service_role;

-- the seed's usage example, as written (placeholders replaced by real ids)
select tests.authenticate_as('pg.tracker@test.local');
set local search_path = playground, public, extensions;

select lives_ok($$
SELECT track_tool_usage(
    'bbbbbbbb-0000-4000-8000-000000000001'::uuid,
    'aaaaaaaa-0000-4000-8000-000000000001'::uuid,
    'prompt_builder',
    'prompt_submit',
    250, -- response time in ms
    true, -- success
    '{"prompt_length": 150}'::jsonb
);
$$, 'seed example: track_tool_usage runs as written for oneself');

select is(
    (select row(sequence_number, interaction_type, tool_name, response_time_ms, success, metadata)::text
        from ai_playground_interactions
        where session_id = 'bbbbbbbb-0000-4000-8000-000000000001'),
    row(1, 'prompt_submit', 'prompt_builder', 250, true, '{"prompt_length": 150}'::jsonb)::text,
    'the interaction is recorded with sequence 1 and the given values');
select is(
    (select row(interaction_count, error_count, avg_response_time_ms)::text
        from ai_playground_sessions where id = 'bbbbbbbb-0000-4000-8000-000000000001'),
    row(1, 0, 250)::text,
    'session statistics updated: 1 interaction, 0 errors, avg 250 ms');
select is(
    (select t.usage_count - b.usage_count from ai_playground_toolkit_items t join baseline b using (tool_name)
        where t.tool_name = 'prompt_builder'),
    1::bigint,
    'tool usage_count incremented by 1');
select is(
    (select t.unique_user_count - b.unique_user_count from ai_playground_toolkit_items t join baseline b using (tool_name)
        where t.tool_name = 'prompt_builder'),
    1,
    'tool unique_user_count incremented for a first use');
select ok(
    (select last_used_at is not null from ai_playground_toolkit_items where tool_name = 'prompt_builder'),
    'tool last_used_at set');
select set_eq(
    $$select achievement_type from ai_playground_achievements
       where user_id = 'aaaaaaaa-0000-4000-8000-000000000001' and unlocked_at is not null$$,
    array['first_session', 'first_prompt'],
    'achievements awarded in the same call: first_session and first_prompt');
select is(
    (select count(*)::int from ai_playground_achievements where user_id = 'aaaaaaaa-0000-4000-8000-000000000001'),
    (select count(*)::int from ai_playground_achievement_definitions where is_active),
    'progress is tracked for every active achievement definition');

-- second call: next sequence number; same user does not count as a new tool user
select isnt(
    track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                     'prompt_builder', 'prompt_refine', 350, true, '{"tokens_used": 420}'),
    null,
    'track_tool_usage returns the new interaction id');
select is(
    (select sequence_number from ai_playground_interactions
        where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' and interaction_type = 'prompt_refine'),
    2,
    'second interaction gets sequence 2');
select is(
    (select tokens_used from ai_playground_interactions
        where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' and interaction_type = 'prompt_refine'),
    420,
    'tokens_used taken from metadata');
select is(
    (select row(interaction_count, avg_response_time_ms)::text
        from ai_playground_sessions where id = 'bbbbbbbb-0000-4000-8000-000000000001'),
    row(2, 300)::text,
    'session average response time recomputed over both interactions (300 ms)');
select is(
    (select row(t.usage_count - b.usage_count, t.unique_user_count - b.unique_user_count)::text
        from ai_playground_toolkit_items t join baseline b using (tool_name) where t.tool_name = 'prompt_builder'),
    row(1, 1)::text,
    'tool usage_count +1 in total: a second use by the same user on the same day does not count again (issue 15); unique users +1');

-- a failed interaction counts as an error and keeps its message
select lives_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'ai_simulator', 'simulation_run', 6100, false, '{"error_message": "timeout"}')$$,
    'a failed interaction can be tracked');
select is(
    (select error_message from ai_playground_interactions
        where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' and tool_name = 'ai_simulator'),
    'timeout',
    'error_message taken from metadata for a failure');
select is(
    (select row(interaction_count, error_count)::text
        from ai_playground_sessions where id = 'bbbbbbbb-0000-4000-8000-000000000001'),
    row(3, 1)::text,
    'session error_count incremented');
select is(
    (select count(*)::int from ai_playground_achievements
        where user_id = 'aaaaaaaa-0000-4000-8000-000000000001' and achievement_type = 'first_simulation'
        and unlocked_at is not null),
    1,
    'first_simulation awarded by the simulation run');

-- bad input: clear errors, nothing written (snapshot taken as postgres)
select tests.clear_authentication();
create temporary table before_bad on commit drop as
select (select count(*) from playground.ai_playground_interactions) as interactions,
        (select interaction_count from playground.ai_playground_sessions
            where id = 'bbbbbbbb-0000-4000-8000-000000000001') as session_count,
        (select sum(usage_count) from playground.ai_playground_toolkit_items) as tool_usage;
select tests.authenticate_as('pg.tracker@test.local');

select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '42501', null,
    'tracking for another user''s id raises 42501');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '22023', null,
    'another user''s session is not found (22023) for a signed-in user');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'not_a_type', 100, true, '{}')$$,
    '23514', null,
    'an unknown interaction type raises 23514');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', -5, true, '{}')$$,
    '23514', null,
    'a negative response time raises 23514');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'no_such_tool', 'prompt_submit', 100, true, '{}')$$,
    '22023', null,
    'an unknown tool raises 22023');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'zz_retired_tool', 'prompt_submit', 100, true, '{}')$$,
    '22023', null,
    'an inactive tool raises 22023');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '55000', null,
    'an ended session raises 55000');
select throws_ok(
    $$select track_tool_usage(null, 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '22004', null,
    'a null session raises 22004');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', null,
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '22004', null,
    'a null user raises 22004');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', 100, null, '{}')$$,
    '22004', null,
    'a null success flag raises 22004');
select throws_ok(
    $$select track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', 100, true, '[1, 2]')$$,
    '22023', null,
    'metadata that is not a JSON object raises 22023');

select tests.clear_authentication();
select is(
    (select count(*) from playground.ai_playground_interactions),
    (select interactions from before_bad),
    'no interaction was written by any failed call');
select is(
    (select interaction_count from playground.ai_playground_sessions where id = 'bbbbbbbb-0000-4000-8000-000000000001'),
    (select session_count from before_bad),
    'session statistics unchanged by failed calls');
select is(
    (select sum(usage_count) from playground.ai_playground_toolkit_items),
    (select tool_usage from before_bad),
    'tool statistics unchanged by failed calls');
select is(
    (select count(*)::int from playground.ai_playground_achievements where user_id = 'aaaaaaaa-0000-4000-8000-000000000002'),
    0,
    'nothing was written for the other user');

-- the intruder cannot track into the tracker's session even with their own id
select tests.authenticate_as('pg.intruder@test.local');
select throws_ok(
    $$select playground.track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '42501', null,
    'another user cannot track for the tracker (42501)');
select throws_ok(
    $$select playground.track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '22023', null,
    'another user cannot use the tracker''s session with their own id (session not visible: 22023)');

-- anon cannot call it at all
select tests.authenticate_as_anon();
select throws_ok(
    $$select playground.track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '42501', null,
    'anon cannot execute track_tool_usage (42501)');

-- service_role acts for anyone, but not across sessions
select tests.authenticate_as_service_role();
select lives_ok(
    $$select playground.track_tool_usage('bbbbbbbb-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000002',
                              'concept_explainer', 'tool_open', 90, true, '{}')$$,
    'service_role can track for any user');
select is(
    (select sequence_number from playground.ai_playground_interactions where session_id = 'bbbbbbbb-0000-4000-8000-000000000003'),
    1,
    'sequence numbers are per session');
select throws_ok(
    $$select playground.track_tool_usage('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002',
                              'prompt_builder', 'prompt_submit', 100, true, '{}')$$,
    '42501', null,
    'service_role cannot record a user''s interaction in someone else''s session (42501)');
select is(
    (select count(*)::int from playground.ai_playground_achievements
        where user_id = 'aaaaaaaa-0000-4000-8000-000000000002' and unlocked_at is not null),
    1,
    'service_role tracking awarded the other user''s first_session only');

-- the same guarantees hold for a direct insert (triggers)
select tests.clear_authentication();
select throws_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
      values ('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002', 'tool_use', 'prompt_builder')$$,
    '42501', null,
    'trigger: an interaction must belong to its session''s user (42501)');
select throws_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
      values ('bbbbbbbb-0000-4000-8000-00000000ffff', 'aaaaaaaa-0000-4000-8000-000000000001', 'tool_use', 'prompt_builder')$$,
    '23503', null,
    'trigger: an unknown session raises 23503');
select lives_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, sequence_number)
      values ('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'tool_use', 'prompt_builder', 77)$$,
    'a direct insert is accepted');
select is(
    (select max(sequence_number) from playground.ai_playground_interactions
        where session_id = 'bbbbbbbb-0000-4000-8000-000000000001'),
    4,
    'a supplied sequence_number is overwritten with the next one (4)');
select lives_ok(
    $$insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, user_rating)
      select 'bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'tool_use', 'survey_analyzer', r
      from (values (5), (3), (null::int)) v (r)$$,
    'a multi-row insert is accepted');
select results_eq(
    $$select sequence_number from playground.ai_playground_interactions
       where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' order by 1$$,
    $$values (1), (2), (3), (4), (5), (6), (7)$$,
    'sequence numbers stay gapless 1..7 across single and multi-row inserts');
select is(
    (select row(t.usage_count - b.usage_count, t.unique_user_count - b.unique_user_count, t.rating_count, t.average_rating)::text
        from playground.ai_playground_toolkit_items t join baseline b using (tool_name) where t.tool_name = 'survey_analyzer'),
    row(1, 1, 2, 4.00)::text,
    'multi-row insert: 3 uses by one user on one day count once in usage_count (issue 15), one new user, ratings 5 and 3 give 2 ratings averaging 4.00');
select is(
    (select interaction_count from playground.ai_playground_sessions where id = 'bbbbbbbb-0000-4000-8000-000000000001'),
    7,
    'session interaction_count follows direct inserts too');

-- rating an interaction later moves the tool rating
select tests.authenticate_as('pg.tracker@test.local');
update playground.ai_playground_interactions set user_rating = 1
    where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' and tool_name = 'survey_analyzer' and user_rating = 5;
select is(
    (select row(rating_count, rating_sum, average_rating)::text from playground.ai_playground_toolkit_items where tool_name = 'survey_analyzer'),
    row(2, 4, 2.00)::text,
    'changing a rating from 5 to 1 updates the tool totals (2 ratings, sum 4, avg 2.00)');
update playground.ai_playground_interactions set user_rating = null
    where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' and tool_name = 'survey_analyzer' and user_rating = 1;
select is(
    (select row(rating_count, rating_sum, average_rating)::text from playground.ai_playground_toolkit_items where tool_name = 'survey_analyzer'),
    row(1, 3, 3.00)::text,
    'clearing a rating removes it from the totals');
-- the user already rates survey_analyzer once (issue 15): a second rating comes from the backend here
select tests.authenticate_as_service_role();
update playground.ai_playground_interactions set user_rating = 2
    where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' and tool_name = 'survey_analyzer' and user_rating is null
    and sequence_number = 7;
select tests.authenticate_as('pg.tracker@test.local');
select is(
    (select row(rating_count, rating_sum, average_rating)::text from playground.ai_playground_toolkit_items where tool_name = 'survey_analyzer'),
    row(2, 5, 2.50)::text,
    'rating a previously unrated interaction adds it');
select throws_ok(
    $$update playground.ai_playground_interactions set user_rating = 6
       where session_id = 'bbbbbbbb-0000-4000-8000-000000000001' and sequence_number = 7$$,
    '23514', null,
    'a rating outside 1-5 raises 23514');

select * from finish();
rollback;
