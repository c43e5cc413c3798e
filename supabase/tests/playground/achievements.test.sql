-- playground: check_and_award_achievements (idempotent, caller-checked),
-- the achievement progress generated columns and the reference definitions.
begin;
select plan(34);

-- fixture (as postgres): a user with 3 sessions on 3 days, 12 prompt
-- submissions over 3 tools, 2 creations (one public template)
select tests.create_user('pg.achiever@test.local');
select tests.create_user('pg.bystander@test.local');
insert into playground.ai_playground_sessions (id, user_id, session_start, session_end)
select ('cccccccc-0000-4000-8000-00000000000' || d)::uuid,
        tests.get_user_id('pg.achiever@test.local'),
        now() - make_interval(days => d), now() - make_interval(days => d) + interval '20 minutes'
from generate_series(1, 3) d;
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, success, user_rating)
select ('cccccccc-0000-4000-8000-00000000000' || (1 + g % 3))::uuid,
        tests.get_user_id('pg.achiever@test.local'),
        'prompt_submit',
        (array['prompt_builder', 'prompt_optimizer', 'content_generator'])[1 + g % 3],
        true,
        4
from generate_series(1, 12) g;
insert into playground.ai_playground_creations (user_id, title, creation_type, sharing_level, is_template)
values (tests.get_user_id('pg.achiever@test.local'), 'Template', 'prompt', 'public', true),
        (tests.get_user_id('pg.achiever@test.local'), 'Draft', 'prompt', 'private', false);

-- reference definitions shipped by the migrations
select cmp_ok((select count(*)::int from playground.ai_playground_achievement_definitions where is_active), '>=', 20,
    'at least 20 active achievement definitions ship with the migrations');
select set_eq(
    $$select distinct badge_level from playground.ai_playground_achievement_definitions$$,
    array['bronze', 'silver', 'gold', 'platinum', 'diamond'],
    'definitions use every badge level bronze..diamond');
select is(
    (select count(*)::int from playground.ai_playground_achievement_definitions d
        where d.metric not in ('sessions', 'interactions', 'successful_interactions', 'prompt_submissions',
                                'simulations_run', 'distinct_tools', 'creations', 'public_creations',
                                'templates_created', 'forks_received', 'high_quality_creations',
                                'scenario_sessions', 'ratings_given', 'active_days')),
    0,
    'every definition counts a metric user_metrics computes');

-- first call as the user: awards exactly what the fixture earns
select tests.authenticate_as('pg.achiever@test.local');
create temporary table first_award on commit drop as
select * from playground.check_and_award_achievements(tests.get_user_id('pg.achiever@test.local'));
select set_eq(
    $$select achievement_type from first_award$$,
    array['first_session', 'first_prompt', 'first_creation', 'prompt_apprentice', 'tool_explorer',
          'first_public_creation', 'template_author'],
    'first call awards exactly the achievements the activity earns (ratings of 3 tools are 3 ratings given, not thoughtful_reviewer''s 10)');
select is(
    (select row(achievement_name, badge_level, points)::text from first_award where achievement_type = 'prompt_apprentice'),
    row('Prompt Apprentice', 'silver', 25)::text,
    'returned rows carry name, badge and points from the definition');
select ok(
    (select bool_and(unlocked_at is not null) from first_award),
    'returned rows carry their unlocked_at');

-- idempotent: a second call awards nothing and changes nothing
create temporary table snapshot on commit drop as
select achievement_type, unlocked_at, progress_current
from playground.ai_playground_achievements
where user_id = tests.get_user_id('pg.achiever@test.local');
select is_empty(
    $$select * from playground.check_and_award_achievements(tests.get_user_id('pg.achiever@test.local'))$$,
    'second call awards nothing (never twice)');
select set_eq(
    $$select achievement_type, unlocked_at, progress_current from playground.ai_playground_achievements
       where user_id = tests.get_user_id('pg.achiever@test.local')$$,
    $$select achievement_type, unlocked_at, progress_current from snapshot$$,
    'second call leaves every achievement row as it was (unlocked_at not reset)');
select is(
    (select count(*)::int from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.achiever@test.local')),
    (select count(*)::int from playground.ai_playground_achievement_definitions where is_active),
    'one row per user and active definition');

-- progress columns
select is(
    (select row(progress_current, progress_target, progress_percentage, is_completed)::text
        from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.achiever@test.local') and achievement_type = 'prompt_artisan'),
    row(12, 50, 24.00, false)::text,
    'prompt_artisan: 12 of 50, generated percentage 24.00, not completed');
select is(
    (select row(progress_current, progress_percentage, is_completed)::text
        from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.achiever@test.local') and achievement_type = 'prompt_apprentice'),
    row(12, 100.00, true)::text,
    'prompt_apprentice: 12 of 10, percentage capped at 100, completed');
select is(
    (select row(progress_current, unlocked_at is null)::text
        from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.achiever@test.local') and achievement_type = 'regular_visitor'),
    row(3, true)::text,
    'regular_visitor counts 3 active days and stays locked');

-- new activity unlocks the next one, once
select tests.clear_authentication();
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
values ('cccccccc-0000-4000-8000-000000000001', tests.get_user_id('pg.achiever@test.local'), 'simulation_run', 'ai_simulator');
select tests.authenticate_as('pg.achiever@test.local');
select results_eq(
    $$select achievement_type from playground.check_and_award_achievements(tests.get_user_id('pg.achiever@test.local'))$$,
    $$values ('first_simulation'::text)$$,
    'new activity awards only the newly reached achievement');
select is_empty(
    $$select * from playground.check_and_award_achievements(tests.get_user_id('pg.achiever@test.local'))$$,
    'and again nothing the next time');

-- caller check: nobody awards for someone else; nothing is written
select throws_ok(
    $$select * from playground.check_and_award_achievements(tests.get_user_id('pg.bystander@test.local'))$$,
    '42501', null,
    'a user cannot check achievements for another user (42501)');
select throws_ok(
    $$select * from playground_private.award_achievements(tests.get_user_id('pg.bystander@test.local'))$$,
    '42501', null,
    'calling the private definer helper directly for another user also raises 42501');
select throws_ok(
    $$select * from playground.check_and_award_achievements(null)$$,
    '22004', null,
    'a null user id raises 22004');
select tests.clear_authentication();
select is(
    (select count(*)::int from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.bystander@test.local')),
    0,
    'the refused call wrote nothing for the other user');

-- users cannot bypass the function
select tests.authenticate_as('pg.achiever@test.local');
select throws_ok(
    $$select * from playground_private.user_metrics(auth.uid())$$,
    '42501', null,
    'the internal metrics helper is not executable by users (42501)');
select throws_ok(
    $$update playground.ai_playground_achievements set unlocked_at = now()
       where user_id = auth.uid() and achievement_type = 'playground_legend'$$,
    '42501', null,
    'a user cannot unlock an achievement by update (42501, column privilege)');
select throws_ok(
    $$update playground.ai_playground_achievements set is_shared = true
       where user_id = auth.uid() and achievement_type = 'playground_legend'$$,
    '23514', null,
    'a locked achievement cannot be shared (23514)');

-- anon cannot call it
select tests.authenticate_as_anon();
select throws_ok(
    $$select * from playground.check_and_award_achievements(tests.get_user_id('pg.achiever@test.local'))$$,
    '42501', null,
    'anon cannot execute check_and_award_achievements (42501)');

-- service_role: for anyone; unknown users are refused clearly
select tests.authenticate_as_service_role();
select results_eq(
    $$select count(*)::int from playground.check_and_award_achievements(tests.get_user_id('pg.bystander@test.local'))$$,
    $$values (0)$$,
    'service_role can check any user (no activity: nothing awarded)');
select is(
    (select count(*)::int from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.bystander@test.local') and progress_current = 0),
    (select count(*)::int from playground.ai_playground_achievement_definitions where is_active),
    'service_role call recorded zero progress on every definition for the bystander');
select throws_ok(
    $$select * from playground.check_and_award_achievements('dddddddd-0000-4000-8000-000000000000')$$,
    '23503', null,
    'an unknown user id raises 23503');
select throws_ok(
    $$insert into playground.ai_playground_achievements (user_id, achievement_type, category, badge_level, points, progress_target)
      values (tests.get_user_id('pg.achiever@test.local'), 'first_session', 'getting_started', 'bronze', 10, 1)$$,
    '23505', null,
    'the unique (user_id, achievement_type) constraint refuses a second row');

-- progress never decreases, unlocked stays unlocked
delete from playground.ai_playground_interactions
    where user_id = tests.get_user_id('pg.achiever@test.local') and interaction_type = 'prompt_submit';
select is_empty(
    $$select * from playground.check_and_award_achievements(tests.get_user_id('pg.achiever@test.local'))$$,
    'after deleting activity nothing new is awarded');
select is(
    (select row(progress_current, unlocked_at is not null)::text from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.achiever@test.local') and achievement_type = 'prompt_apprentice'),
    row(12, true)::text,
    'progress does not decrease and the award stays');

-- inactive definitions are not evaluated
update playground.ai_playground_achievement_definitions set is_active = false where achievement_type = 'power_user';
insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name)
select 'cccccccc-0000-4000-8000-000000000002', tests.get_user_id('pg.achiever@test.local'), 'tool_use', 'concept_explainer'
from generate_series(1, 100);
select set_eq(
    $$select achievement_type from playground.check_and_award_achievements(tests.get_user_id('pg.achiever@test.local'))$$,
    array['reliable_operator'],
    '100 more interactions award reliable_operator but not the deactivated power_user');
select is(
    (select unlocked_at from playground.ai_playground_achievements
        where user_id = tests.get_user_id('pg.achiever@test.local') and achievement_type = 'power_user'),
    null,
    'the deactivated definition stays unawarded');

-- definitions with awards cannot be deleted (deactivate instead)
select throws_matching(
    $$delete from playground.ai_playground_achievement_definitions where achievement_type = 'first_session'$$,
    'violates .*foreign key constraint "ai_playground_achievements_achievement_type_fkey"',
    'a definition with awards cannot be deleted (on delete restrict: 23001 on PG 18, 23503 on PG 15)');

-- deleting the auth user removes their achievements
select tests.clear_authentication();
delete from auth.users where email = 'pg.achiever@test.local';
select is(
    (select count(*)::int from playground.ai_playground_achievements a
        where not exists (select 1 from auth.users u where u.id = a.user_id)),
    0,
    'deleting the auth user removes their achievements');
select is(
    (select count(*)::int from playground.ai_playground_sessions
        where id::text like 'cccccccc-%'),
    0,
    'deleting the auth user removes their sessions (and interactions)');
select is(
    (select count(*)::int from playground.ai_playground_interactions i
        where not exists (select 1 from auth.users u where u.id = i.user_id)),
    0,
    'no interaction is left without its user');

select * from finish();
rollback;
