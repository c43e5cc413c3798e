-- Plans of the per-user logs the app lists without a user filter (row level
-- security supplies user_id = (select aiml_private.current_user_id())), on
-- enough rows that the planner's choice is the one it makes at scale
-- (BENCHMARKS.md, P2): newest first, the (user_id, created_at) index is read
-- backwards and stops at the limit, with no sort of all the user's rows.
begin;
select plan(6);

select from tests.create_user('aiml.plans.heavy@example.com');
insert into aiml.users (auth_user_id)
select tests.get_user_id('aiml.plans.heavy@example.com')
where not exists (select 1 from aiml.users where auth_user_id = tests.get_user_id('aiml.plans.heavy@example.com'));

-- Bulk rows as the owner without triggers (no foreign key checks either: most
-- rows belong to 2,000 made-up users, as at scale where each user owns a few).
set local session_replication_role = replica;
insert into aiml.use_case_executions (use_case_id, user_id, created_at)
select (select min(id) from aiml.use_cases), 1000000 + g % 2000, now() - g * interval '1 minute'
from generate_series(1, 20000) as g;
insert into aiml.use_case_executions (use_case_id, user_id, latency_ms, created_at)
select (select min(id) from aiml.use_cases), u.id, g, now() - g * interval '1 minute'
from aiml.users as u, generate_series(1, 2000) as g
where u.auth_user_id = tests.get_user_id('aiml.plans.heavy@example.com');
insert into aiml.analytics_events (event_type, user_id, created_at)
select 'page.viewed', 1000000 + g % 2000, now() - g * interval '1 minute'
from generate_series(1, 20000) as g;
insert into aiml.analytics_events (event_type, user_id, event_data, created_at)
select 'page.viewed', u.id, jsonb_build_object('n', g), now() - g * interval '1 minute'
from aiml.users as u, generate_series(1, 2000) as g
where u.auth_user_id = tests.get_user_id('aiml.plans.heavy@example.com');
set local session_replication_role = origin;
analyze aiml.use_case_executions;
analyze aiml.analytics_events;

-- EXPLAIN lines of a query, run as the current (authenticated) role.
create function pg_temp.plan_of(p_query text) returns setof text
language plpgsql
as $$
declare
    r record;
begin
    for r in execute 'explain ' || p_query loop
        return next r."QUERY PLAN";
    end loop;
end
$$;

select tests.authenticate_as('aiml.plans.heavy@example.com');

select ok(
    exists (select 1 from pg_temp.plan_of('select use_case_id, confidence, latency_ms, created_at from aiml.use_case_executions order by created_at desc limit 20') as l (line)
            where l.line ~ 'Index Scan Backward using idx_use_case_executions_user_id_created_at'),
    'latest executions (filter left to RLS) read idx_use_case_executions_user_id_created_at in order');
select ok(
    not exists (select 1 from pg_temp.plan_of('select use_case_id, confidence, latency_ms, created_at from aiml.use_case_executions order by created_at desc limit 20') as l (line)
                where l.line ~ 'Sort'),
    'latest executions (filter left to RLS) need no sort of the user''s rows');
select ok(
    exists (select 1 from pg_temp.plan_of('select event_type, properties, created_at from aiml.analytics_events order by created_at desc limit 50') as l (line)
            where l.line ~ 'Index Scan Backward using idx_analytics_events_user_id_created_at'),
    'latest analytics events (filter left to RLS) read idx_analytics_events_user_id_created_at in order');
select ok(
    not exists (select 1 from pg_temp.plan_of('select event_type, properties, created_at from aiml.analytics_events order by created_at desc limit 50') as l (line)
                where l.line ~ 'Sort'),
    'latest analytics events (filter left to RLS) need no sort of the user''s rows');

-- the results are still the signed-in user's rows, newest first
select results_eq(
    $$select latency_ms from aiml.use_case_executions order by created_at desc limit 3$$,
    array[1, 2, 3],
    'the executions list returns the user''s newest rows');
select results_eq(
    $$select (event_data ->> 'n')::integer from aiml.analytics_events order by created_at desc limit 3$$,
    array[1, 2, 3],
    'the events list returns the user''s newest rows');

select tests.clear_authentication();
select * from finish();
rollback;
