-- playground: the achievement metric counters (issue 20; 20261205120000).
-- session_days and fork_pairs must always equal the live aggregates over
-- ai_playground_sessions and ai_playground_creations, and user_metrics()
-- must return exactly what the live definition (issue 15's) returns, after
-- inserts, updates that move rows between days, users and parents, deletes,
-- a parent deleted with forks (foreign key set null) and an account
-- deletion that cascades to forks of each other. The tables are closed to
-- API roles.
begin;
select plan(25);

select tests.create_user('pac-alice@example.com');
select tests.create_user('pac-bob@example.com');
select tests.create_user('pac-carol@example.com');

create temporary table pac_users as
select id from auth.users where email like 'pac-%@example.com';

-- the live definitions the counters replace
create function pg_temp.live_session_days()
returns table (user_id uuid, activity_date date, sessions bigint, scenario_sessions bigint)
language sql as $$
    select s.user_id, (s.session_start at time zone 'UTC')::date, count(*),
           count(*) filter (where s.nonprofit_profile_id is not null or s.activity_type = 'nonprofit_scenario')
    from playground.ai_playground_sessions s
    where s.user_id in (select id from pac_users)
    group by 1, 2
$$;
create function pg_temp.counted_session_days()
returns table (user_id uuid, activity_date date, sessions bigint, scenario_sessions bigint)
language sql as $$
    select d.user_id, d.activity_date, d.sessions, d.scenario_sessions
    from playground_private.session_days d
    where d.user_id in (select id from pac_users)
$$;
create function pg_temp.live_fork_pairs()
returns table (owner_id uuid, forker_id uuid, forks bigint)
language sql as $$
    select p.user_id, c.user_id, count(*)
    from playground.ai_playground_creations c
    join playground.ai_playground_creations p on p.id = c.parent_id
    where p.user_id in (select id from pac_users) or c.user_id in (select id from pac_users)
    group by 1, 2
$$;
create function pg_temp.counted_fork_pairs()
returns table (owner_id uuid, forker_id uuid, forks bigint)
language sql as $$
    select f.owner_id, f.forker_id, f.forks
    from playground_private.fork_pairs f
    where f.owner_id in (select id from pac_users) or f.forker_id in (select id from pac_users)
$$;
create function pg_temp.live_metrics(p_user_id uuid)
returns jsonb
language sql as $$
    select jsonb_build_object(
        'sessions', (select count(*) from playground.ai_playground_sessions x where x.user_id = p_user_id),
        'scenario_sessions', (select count(*) from playground.ai_playground_sessions x where x.user_id = p_user_id
                                and (x.nonprofit_profile_id is not null or x.activity_type = 'nonprofit_scenario')),
        'active_days', (select count(distinct (x.session_start at time zone 'UTC')::date)
                        from playground.ai_playground_sessions x where x.user_id = p_user_id),
        'forks_received', (select count(distinct fk.user_id)
                           from playground.ai_playground_creations x
                           join playground.ai_playground_creations fk on fk.parent_id = x.id and fk.user_id <> p_user_id
                           where x.user_id = p_user_id),
        'creations', (select count(*) from playground.ai_playground_creations x where x.user_id = p_user_id),
        'public_creations', (select count(*) from playground.ai_playground_creations x
                             where x.user_id = p_user_id and x.sharing_level = 'public'))
$$;
create function pg_temp.metrics_match()
returns boolean
language sql as $$
    select bool_and(
        (playground_private.user_metrics(u.id) - 'interactions' - 'successful_interactions' - 'prompt_submissions'
         - 'simulations_run' - 'distinct_tools' - 'ratings_given' - 'templates_created' - 'high_quality_creations')
        = pg_temp.live_metrics(u.id))
    from pac_users u
$$;

insert into playground.synthetic_nonprofit_profiles (id, organization_name, organization_type, mission_statement, description,
    organization_size, staff_count, annual_budget_usd, location, founded_year, tech_maturity, challenges, difficulty_level)
values ('dddddddd-0000-4000-8000-000000000001', 'Counter Test Org', 'education', 'M.', 'D.', 'micro', 1, 1, 'L', 2000,
        'nascent', '{c}', 'beginner');

-------------------------------------------------------------- sessions

-- as the test runner (a trusted role): any start time
insert into playground.ai_playground_sessions (id, user_id, activity_type, nonprofit_profile_id, session_start)
values ('dddddddd-0000-4000-8000-000000000011', tests.get_user_id('pac-alice@example.com'), 'free_exploration', null, '2026-01-01 10:00Z'),
        ('dddddddd-0000-4000-8000-000000000012', tests.get_user_id('pac-alice@example.com'), 'nonprofit_scenario', null, '2026-01-01 23:30Z'),
        ('dddddddd-0000-4000-8000-000000000013', tests.get_user_id('pac-alice@example.com'), 'free_exploration',
        'dddddddd-0000-4000-8000-000000000001', '2026-01-02 00:30Z'),
        ('dddddddd-0000-4000-8000-000000000014', tests.get_user_id('pac-bob@example.com'), 'free_exploration', null, '2026-01-01 12:00Z');

select results_eq('select * from pg_temp.counted_session_days() order by 1, 2',
                  'select * from pg_temp.live_session_days() order by 1, 2',
                  'session_days after inserts equals the live count per user and UTC day');
select is((playground_private.user_metrics(tests.get_user_id('pac-alice@example.com')) ->> 'active_days')::integer, 2,
          'alice: 3 sessions on 2 UTC days are 2 active days');
select is((playground_private.user_metrics(tests.get_user_id('pac-alice@example.com')) ->> 'scenario_sessions')::integer, 2,
          'alice: a nonprofit_scenario session and a session on a profile are 2 scenario sessions');

update playground.ai_playground_sessions set session_start = '2026-01-05 08:00Z'
where id = 'dddddddd-0000-4000-8000-000000000011';
select results_eq('select * from pg_temp.counted_session_days() order by 1, 2',
                  'select * from pg_temp.live_session_days() order by 1, 2',
                  'a session moved to another day moves between the day rows');

update playground.ai_playground_sessions set activity_type = 'free_exploration'
where id = 'dddddddd-0000-4000-8000-000000000012';
update playground.ai_playground_sessions set user_id = tests.get_user_id('pac-carol@example.com')
where id = 'dddddddd-0000-4000-8000-000000000014';
select results_eq('select * from pg_temp.counted_session_days() order by 1, 2',
                  'select * from pg_temp.live_session_days() order by 1, 2',
                  'a changed scenario flag and a session moved to another user are counted where they are');

delete from playground.synthetic_nonprofit_profiles where id = 'dddddddd-0000-4000-8000-000000000001';
select is((select nonprofit_profile_id from playground.ai_playground_sessions where id = 'dddddddd-0000-4000-8000-000000000013'),
          null, 'deleting the profile sets the session''s profile to null');
select results_eq('select * from pg_temp.counted_session_days() order by 1, 2',
                  'select * from pg_temp.live_session_days() order by 1, 2',
                  'and the session no longer counts as a scenario session');

delete from playground.ai_playground_sessions where id = 'dddddddd-0000-4000-8000-000000000013';
select results_eq('select * from pg_temp.counted_session_days() order by 1, 2',
                  'select * from pg_temp.live_session_days() order by 1, 2',
                  'a deleted session is uncounted and its emptied day row goes');
select is((select count(*)::integer from playground_private.session_days
           where user_id = tests.get_user_id('pac-alice@example.com') and activity_date = '2026-01-02'),
          0, 'no day row with zero sessions is left (active_days stays a row count)');

-------------------------------------------------------------- forks

insert into playground.ai_playground_creations (id, user_id, title, creation_type, sharing_level, parent_id)
values ('dddddddd-0000-4000-8000-000000000021', tests.get_user_id('pac-alice@example.com'), 'A1', 'prompt', 'public', null),
        ('dddddddd-0000-4000-8000-000000000022', tests.get_user_id('pac-alice@example.com'), 'A2', 'prompt', 'public', null),
        ('dddddddd-0000-4000-8000-000000000023', tests.get_user_id('pac-alice@example.com'), 'A1 v2', 'prompt', 'private',
        'dddddddd-0000-4000-8000-000000000021');
insert into playground.ai_playground_creations (id, user_id, title, creation_type, sharing_level, parent_id)
values ('dddddddd-0000-4000-8000-000000000031', tests.get_user_id('pac-bob@example.com'), 'B fork 1', 'prompt', 'public',
        'dddddddd-0000-4000-8000-000000000021'),
        ('dddddddd-0000-4000-8000-000000000032', tests.get_user_id('pac-bob@example.com'), 'B fork 2', 'prompt', 'private',
        'dddddddd-0000-4000-8000-000000000022'),
        ('dddddddd-0000-4000-8000-000000000041', tests.get_user_id('pac-carol@example.com'), 'C fork of B', 'prompt', 'private',
        'dddddddd-0000-4000-8000-000000000031');

select results_eq('select * from pg_temp.counted_fork_pairs() order by 1, 2',
                  'select * from pg_temp.live_fork_pairs() order by 1, 2',
                  'fork_pairs after inserts equals the live (parent owner, child owner) counts');
select is((playground_private.user_metrics(tests.get_user_id('pac-alice@example.com')) ->> 'forks_received')::integer, 1,
          'alice: two forks by bob and her own new version are 1 person');
select ok(pg_temp.metrics_match(), 'user_metrics equals the live definition for every test user');

update playground.ai_playground_creations set parent_id = 'dddddddd-0000-4000-8000-000000000041'
where id = 'dddddddd-0000-4000-8000-000000000032';
select results_eq('select * from pg_temp.counted_fork_pairs() order by 1, 2',
                  'select * from pg_temp.live_fork_pairs() order by 1, 2',
                  'a fork moved to another parent moves to that parent''s owner');

update playground.ai_playground_creations set user_id = tests.get_user_id('pac-carol@example.com')
where id = 'dddddddd-0000-4000-8000-000000000021';
select results_eq('select * from pg_temp.counted_fork_pairs() order by 1, 2',
                  'select * from pg_temp.live_fork_pairs() order by 1, 2',
                  'a parent moved to another owner takes its forks with it');

delete from playground.ai_playground_creations where id = 'dddddddd-0000-4000-8000-000000000031';
select is((select parent_id from playground.ai_playground_creations where id = 'dddddddd-0000-4000-8000-000000000041'),
          null, 'deleting a forked creation sets its fork''s parent to null');
select results_eq('select * from pg_temp.counted_fork_pairs() order by 1, 2',
                  'select * from pg_temp.live_fork_pairs() order by 1, 2',
                  'the deleted parent''s forks and the parent as a fork are uncounted once');
select ok(pg_temp.metrics_match(), 'user_metrics still equals the live definition');

-- an account deletion cascades to creations that fork each other
update playground.ai_playground_creations set user_id = tests.get_user_id('pac-bob@example.com'),
    parent_id = 'dddddddd-0000-4000-8000-000000000032'
where id = 'dddddddd-0000-4000-8000-000000000041';
insert into playground.ai_playground_creations (id, user_id, title, creation_type, parent_id)
values ('dddddddd-0000-4000-8000-000000000033', tests.get_user_id('pac-bob@example.com'), 'B fork 3', 'prompt',
        'dddddddd-0000-4000-8000-000000000022');
delete from auth.users where email = 'pac-bob@example.com';
delete from pac_users where id not in (select id from auth.users);
select results_eq('select * from pg_temp.counted_fork_pairs() order by 1, 2',
                  'select * from pg_temp.live_fork_pairs() order by 1, 2',
                  'after an account deletion the pairs equal the live counts');
select ok(pg_temp.metrics_match(), 'and user_metrics equals the live definition');

-------------------------------------------------------------- rebuild and access

-- counters lost (as after a load with the triggers off)
delete from playground_private.session_days where user_id = tests.get_user_id('pac-carol@example.com');
delete from playground_private.fork_pairs;
select tests.authenticate_as_service_role();
select lives_ok($$select playground_private.rebuild_achievement_counters()$$,
                'service_role rebuilds the counters');
select tests.clear_authentication();
select ok(pg_temp.metrics_match(), 'the rebuild restores what was lost: user_metrics equals the live definition');

select ok(not has_table_privilege('authenticated', 'playground_private.session_days', 'select')
          and not has_table_privilege('authenticated', 'playground_private.fork_pairs', 'select')
          and not has_table_privilege('anon', 'playground_private.fork_pairs', 'select')
          and not has_function_privilege('authenticated', 'playground_private.rebuild_achievement_counters()', 'execute'),
          'API users can neither read the counters nor rebuild them');

-------------------------------------------------------------- awards skip unchanged rows

select tests.authenticate_as('pac-alice@example.com');
select ok((select count(*) from playground.check_and_award_achievements(auth.uid())) >= 0,
          'alice checks her achievements (progress rows created)');
select tests.clear_authentication();
create temporary table pac_before as
select achievement_type, progress_current, unlocked_at, ctid::text as row_version, xmax::text as locker
from playground.ai_playground_achievements
where user_id = tests.get_user_id('pac-alice@example.com');
select tests.authenticate_as('pac-alice@example.com');
select is((select count(*)::integer from playground.check_and_award_achievements(auth.uid())), 0,
          'a second call with nothing new awards nothing');
select tests.clear_authentication();
select results_eq(
    $$select achievement_type, progress_current, unlocked_at, ctid::text, xmax::text from playground.ai_playground_achievements
      where user_id = tests.get_user_id('pac-alice@example.com') order by 1$$,
    $$select achievement_type, progress_current, unlocked_at, row_version, locker from pac_before order by 1$$,
    'and neither writes nor locks any of her achievement rows (same row versions, same xmax)');

select * from finish();
rollback;
