-- playground: the "signup to first session" funnel stage — counts per sign-up day from auth.users, only in aggregate, through a checked SECURITY DEFINER function: admins and service_role read it, a member and anon get 42501.
begin;
select plan(11);

select tests.create_user('sf.one@test.local');
select tests.create_user('sf.two@test.local');
select tests.create_user('sf.three@test.local');
select tests.create_user('sf.boss@test.local', '{"role": "admin"}');
update auth.users set created_at = '2020-02-02 10:00+00' where email in ('sf.one@test.local', 'sf.two@test.local', 'sf.three@test.local');
insert into playground.ai_playground_sessions (user_id, session_start, session_end) values
    (tests.get_user_id('sf.one@test.local'), '2020-02-02 12:00+00', '2020-02-02 12:30+00'),
    (tests.get_user_id('sf.one@test.local'), '2020-02-09 12:00+00', '2020-02-09 12:30+00'),
    (tests.get_user_id('sf.two@test.local'), '2020-02-05 10:00+00', '2020-02-05 10:30+00');

select columns_are('playground', 'ai_playground_signup_funnel',
    array['signup_date', 'signed_up', 'started_session', 'started_within_1_day', 'started_within_7_days', 'median_hours_to_first_session']::name[],
    'the stage has counts only: no user id, email or per-person time');
select ok((select prosecdef and proconfig @> array['search_path=""'] from pg_proc where oid = 'playground_private.signup_funnel'::regproc),
    'signup_funnel is SECURITY DEFINER with an empty search_path');
select ok(not has_function_privilege('anon', 'playground_private.signup_funnel()', 'execute')
        and not exists (select 1 from pg_proc, aclexplode(proacl) as a where oid = 'playground_private.signup_funnel'::regproc and a.grantee = 0),
    'signup_funnel: no EXECUTE for public or anon');
select ok((select reloptions @> array['security_invoker=true'] from pg_class where oid = 'playground.ai_playground_signup_funnel'::regclass),
    'the view is security_invoker');

select tests.authenticate_as('sf.boss@test.local');
select results_eq($$select signed_up, started_session, started_within_1_day, started_within_7_days, median_hours_to_first_session
                    from playground.ai_playground_signup_funnel where signup_date = '2020-02-02'$$,
    $$values (3::bigint, 2::bigint, 1::bigint, 2::bigint, 37.00::numeric)$$,
    'an admin reads the day: 3 signed up, 2 started (1 within a day, 2 within 7 days), median 37 hours');

select tests.authenticate_as_service_role();
select results_eq($$select signed_up from playground.ai_playground_signup_funnel where signup_date = '2020-02-02'$$,
    array[3::bigint], 'service_role reads it');
select results_eq($$select signed_up from playground_private.signup_funnel() where signup_date = '2020-02-02'$$,
    array[3::bigint], 'service_role may call the function directly');

select tests.authenticate_as('sf.one@test.local');
select throws_ok($$select * from playground.ai_playground_signup_funnel$$, '42501', 'playground: the sign-up funnel is for service_role and admins',
    'a member gets 42501 from the view');
select throws_ok($$select * from playground_private.signup_funnel()$$, '42501', null, 'a member gets 42501 from the function');

select tests.authenticate_as_anon();
select throws_ok($$select * from playground.ai_playground_signup_funnel$$, '42501', null, 'anon gets 42501');
select tests.clear_authentication();

select matches(obj_description('playground.ai_playground_user_funnel'::regclass, 'pg_class'), 'ai_playground_signup_funnel',
    'the per-user funnel''s comment points at its signup stage');

select * from finish();
rollback;
