-- playground: the seed's funnel stage "signup to first session".
-- ai_playground_user_funnel starts at a user's first session because sign-up
-- time lives in auth.users, which API roles cannot read (and per-user sign-up
-- times of other people are nobody's business). The stage is added in
-- aggregate only:
-- * playground_private.signup_funnel(): SECURITY DEFINER (it reads
--   auth.users), search_path '', checks the caller (the service_role key, an
--   admin, or a database session of a service_role member such as pg_cron or
--   postgres; 42501 otherwise), returns per UTC sign-up day only counts: who
--   signed up, who started a first session, within a day, within 7 days, and
--   the median hours to the first session. No user id, no email, no
--   per-person time leaves it.
-- * playground.ai_playground_signup_funnel: the view over it (security
--   invoker), read by admins and service_role, as the whole-platform funnel.

create function playground_private.signup_funnel()
returns table (
    signup_date date,
    signed_up bigint,
    started_session bigint,
    started_within_1_day bigint,
    started_within_7_days bigint,
    median_hours_to_first_session numeric
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
    v_role text := coalesce((select auth.role()), '');
begin
    if not (
        v_role = 'service_role'
        or playground_private.is_admin()
        or (v_role = '' and pg_catalog.pg_has_role(session_user, 'service_role', 'member'))
    ) then
        raise exception 'playground: the sign-up funnel is for service_role and admins'
            using errcode = '42501',
                  hint = 'Read playground.ai_playground_user_funnel for your own journey.';
    end if;
    return query
        with firsts as (
            select s.user_id, min(s.session_start) as first_session_at
            from playground.ai_playground_sessions as s
            group by s.user_id
        ),
        people as (
            select (u.created_at at time zone 'UTC')::date as day,
                   f.first_session_at - u.created_at as wait
            from auth.users as u
            left join firsts as f on f.user_id = u.id
        )
        select p.day,
               count(*),
               count(p.wait),
               count(*) filter (where p.wait <= interval '1 day'),
               count(*) filter (where p.wait <= interval '7 days'),
               round((percentile_cont(0.5) within group (order by extract(epoch from p.wait)) / 3600)::numeric, 2)
        from people as p
        group by p.day
        order by p.day;
end
$$;

comment on function playground_private.signup_funnel() is
'The funnel''s "signup to first session" stage, in aggregate: per UTC sign-up day, the users who signed up (auth.users), started a first playground session, did so within 1 day and within 7 days, and the median hours from sign-up to first session (null when nobody started). Only counts leave the function: no user id, email or per-person time. SECURITY DEFINER because it reads auth.users, which API roles cannot; search_path is empty. Raises 42501 unless the caller is the service_role key, an admin (app_metadata.role = admin), or a database session without a JWT whose login role is a member of service_role (pg_cron, postgres). EXECUTE for authenticated (the check decides) and service_role.';

revoke execute on function playground_private.signup_funnel() from public, anon;
grant execute on function playground_private.signup_funnel() to authenticated, service_role;

create view playground.ai_playground_signup_funnel
with (security_invoker = true)
as
select
    f.signup_date,
    f.signed_up,
    f.started_session,
    f.started_within_1_day,
    f.started_within_7_days,
    f.median_hours_to_first_session
from playground_private.signup_funnel() as f;

comment on view playground.ai_playground_signup_funnel is
'The seed''s funnel stage "signup to first session", whole-platform and in aggregate: one row per UTC sign-up day with the users who signed up, started a first session, within 1 and 7 days, and the median hours to the first session. The next stages are in ai_playground_user_funnel (first session onwards, per user). Admins and service_role read it; anyone else gets 42501 (signup_funnel() checks the caller: sign-up times live in auth.users, which is read only in aggregate).';
comment on column playground.ai_playground_signup_funnel.signup_date is 'UTC day of sign-up (auth.users.created_at).';
comment on column playground.ai_playground_signup_funnel.signed_up is 'Users who signed up that day.';
comment on column playground.ai_playground_signup_funnel.started_session is 'Of them, users who have started at least one playground session.';
comment on column playground.ai_playground_signup_funnel.started_within_1_day is 'Of them, users whose first session started within 1 day of sign-up.';
comment on column playground.ai_playground_signup_funnel.started_within_7_days is 'Of them, users whose first session started within 7 days of sign-up.';
comment on column playground.ai_playground_signup_funnel.median_hours_to_first_session is 'Median hours from sign-up to first session over those who started one (null when none did).';

grant select on playground.ai_playground_signup_funnel to authenticated, service_role;

-- the per-user funnel's comment pointed at the missing stage; point it at the new view
do $$
declare
    v_comment text := pg_catalog.obj_description('playground.ai_playground_user_funnel'::regclass, 'pg_class');
begin
    v_comment := replace(v_comment,
        'The funnel starts at the first session: sign-up time lives in auth.users, which API roles cannot read.',
        'The funnel starts at the first session: its first stage, signup to first session, is ai_playground_signup_funnel, in aggregate per sign-up day (sign-up time lives in auth.users, which API roles cannot read and which is read only in aggregate).');
    execute format('comment on view playground.ai_playground_user_funnel is %L', v_comment);
end
$$;
