-- learning: a learning session's date is close to the server's today when a
-- user records it (issue 15). session_date was the client's choice, so one user
-- could forge a 366-day streak with backdated rows, or freeze a streak with a
-- future date. The user's local day stays theirs: within one day of the
-- server's UTC date (UTC-12 to UTC+14); anything else is refused (23514).
-- The service role (imports, the backend) may still record any date.

-- it locks an existing table: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create function learning_private.check_session_date()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_today date := (pg_catalog.now() at time zone 'UTC')::date;
begin
    if current_user in ('anon', 'authenticated')
        and new.session_date not between v_today - 1 and v_today + 1 then
        raise exception 'learning_analytics.session_date % is not the current day (% UTC, one day either side)',
            new.session_date, v_today
            using errcode = '23514', hint = 'record a session on the day it happens; leave session_date to its default';
    end if;
    return new;
end
$$;

comment on function learning_private.check_session_date() is
'Trigger function (before insert on learning_analytics): for API roles (anon, authenticated) the session_date must be within one day of the server''s UTC date, so the streak it advances cannot be forged with backdated or future rows (23514 otherwise). The service role is trusted.';

revoke execute on function learning_private.check_session_date() from public, anon, authenticated;

create trigger check_session_date
before insert on learning.learning_analytics
for each row execute function learning_private.check_session_date();

comment on column learning.learning_analytics.session_date is
'Date of the session (the user''s local day). Written by the client, but server-checked: within one day of the server''s UTC date (the streak depends on it); any date from the service role.';
