-- playground: a session's times are the server's time, give or take a few
-- minutes (issue 15). session_start and session_end were the client's choice,
-- so a user could backdate sessions and unlock time-based achievements and
-- activity days from self-reported rows. For API roles a new session starts
-- within 10 minutes of now() and no session ends in the future (more than a
-- minute ahead); anything else is refused (23514). The service role (imports,
-- the backend) may record any time.

-- it locks an existing table: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create function playground_private.check_session_times()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_old_end timestamptz;
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    if tg_op = 'INSERT' and new.session_start not between pg_catalog.now() - interval '10 minutes'
                                                     and pg_catalog.now() + interval '1 minute' then
        raise exception 'ai_playground_sessions.session_start % is not now (within 10 minutes)', new.session_start
            using errcode = '23514', hint = 'start a session when it starts, and leave session_start to its default';
    end if;
    if tg_op = 'UPDATE' then
        v_old_end := old.session_end;
    end if;
    if new.session_end is distinct from v_old_end
        and new.session_end > pg_catalog.now() + interval '1 minute' then
        raise exception 'ai_playground_sessions.session_end % is in the future', new.session_end
            using errcode = '23514', hint = 'end a session when it ends';
    end if;
    return new;
end
$$;

comment on function playground_private.check_session_times() is
'Trigger function (before insert or update on ai_playground_sessions): for API roles (anon, authenticated) a new session_start is within 10 minutes of now() and a session_end the client sets is not in the future (23514 otherwise), so activity days and time-based achievements cannot be forged with backdated sessions. The service role is trusted.';

revoke execute on function playground_private.check_session_times() from public, anon, authenticated;

create trigger check_session_times
before insert or update on playground.ai_playground_sessions
for each row execute function playground_private.check_session_times();

comment on column playground.ai_playground_sessions.session_start is
'When the session started. Written by the client on insert but server-checked: within 10 minutes of now() for signed-in users (achievements and activity days depend on it); any time from the service role.';
