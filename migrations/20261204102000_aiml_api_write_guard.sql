-- aiml: bounded input and server-owned times for every table an API role can
-- write (issue 15). anon could store a 50 MB jsonb in analytics_events and set
-- its created_at; authenticated users could backdate their executions and
-- projects. One trigger, aiml_private.guard_api_write (the shared macro of
-- classroom and simulation), now bounds what anon and authenticated send and
-- sets the creation times; the service role and definer helpers are not limited.

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create function aiml_private.guard_api_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_arg text;
    v_col text;
    v_text_limit integer := 10000;
    v_json_limit integer := 65536;
    v_limits jsonb := '{}'::jsonb;
    v_stamps jsonb := '{}'::jsonb;
    v_row jsonb;
    v_old jsonb := '{}'::jsonb;
    v_key text;
    v_value jsonb;
    v_size integer;
    v_limit integer;
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    v_row := to_jsonb(new);
    if tg_op = 'UPDATE' then
        v_old := to_jsonb(old);
    end if;
    -- tg_argv is null, not empty, for a trigger without arguments.
    foreach v_arg in array coalesce(tg_argv, '{}'::text[]) loop
        if v_arg like 'created:%' then
            v_col := substr(v_arg, 9);
            v_stamps := v_stamps || jsonb_build_object(
                v_col, case when tg_op = 'INSERT' then to_jsonb(now()) else v_old -> v_col end);
        elsif v_arg like 'touched:%' then
            v_col := substr(v_arg, 9);
            if v_row ->> v_col is not null
                and (tg_op = 'INSERT' or (v_row -> v_col) is distinct from (v_old -> v_col)) then
                v_stamps := v_stamps || jsonb_build_object(v_col, now());
            end if;
        elsif v_arg like 'caller:%' then
            v_col := substr(v_arg, 8);
            v_stamps := v_stamps || jsonb_build_object(
                v_col, case when tg_op = 'INSERT' then to_jsonb((select auth.uid())) else v_old -> v_col end);
        elsif v_arg like 'text=%' then
            v_text_limit := substr(v_arg, 6)::integer;
        elsif v_arg like 'json=%' then
            v_json_limit := substr(v_arg, 6)::integer;
        else
            v_limits := v_limits || jsonb_build_object(split_part(v_arg, '=', 1), split_part(v_arg, '=', 2)::integer);
        end if;
    end loop;
    for v_key, v_value in select e.key, e.value from jsonb_each(v_row) as e loop
        -- Only what this write changes: a value stored before the limit stays editable around it.
        continue when tg_op = 'UPDATE' and v_value is not distinct from (v_old -> v_key);
        if jsonb_typeof(v_value) = 'string' then
            v_size := length(v_value #>> '{}');
            v_limit := coalesce((v_limits ->> v_key)::integer, v_text_limit);
        elsif jsonb_typeof(v_value) in ('object', 'array') then
            v_size := octet_length(v_value::text);
            v_limit := coalesce((v_limits ->> v_key)::integer, v_json_limit);
        else
            continue;
        end if;
        if v_size > v_limit then
            raise exception '%.%: % is too large (% > % allowed for API writes)', tg_table_name, v_key,
                case when jsonb_typeof(v_value) = 'string' then 'text' else 'json' end, v_size, v_limit
                using errcode = '22001';
        end if;
    end loop;
    if v_stamps <> '{}'::jsonb then
        new := jsonb_populate_record(new, v_stamps);
    end if;
    return new;
end
$$;

comment on function aiml_private.guard_api_write() is
'Trigger function (before insert or update) for every table an API role can write: when current_user is anon or authenticated it bounds the input (text values at most 10,000 characters and jsonb values at most 64 KiB unless the trigger arguments say otherwise: text=N, json=N, column=N; only values the write changes are measured; 22001 when too large) and sets server-owned times (created:col = now() on insert and unchanged on update; touched:col = now() whenever the client sets it) and authors (caller:col = auth.uid() on insert, unchanged on update), so client-sent times and authors are ignored. The service role, migrations and SECURITY DEFINER helpers (running as their owner) are not limited.';

revoke execute on function aiml_private.guard_api_write() from public, anon;

-- anon's only write: a small event, stamped by the server
create trigger guard_api_write
before insert or update on aiml.analytics_events
for each row execute function aiml_private.guard_api_write('created:created_at', 'text=200', 'json=8192');

create trigger guard_api_write
before insert or update on aiml.users
for each row execute function aiml_private.guard_api_write('created:created_at', 'text=200', 'json=16384');

create trigger guard_api_write
before insert or update on aiml.discovery_tool_executions
for each row execute function aiml_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on aiml.use_case_executions
for each row execute function aiml_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on aiml.devlab_projects
for each row execute function aiml_private.guard_api_write('created:created_at');

-- source files and code may be long, but not unbounded
create trigger guard_api_write
before insert or update on aiml.devlab_files
for each row execute function aiml_private.guard_api_write('created:created_at', 'content=1000000');

create trigger guard_api_write
before insert or update on aiml.devlab_tests
for each row execute function aiml_private.guard_api_write('created:created_at', 'test_code=200000');

create trigger guard_api_write
before insert or update on aiml.devlab_executions
for each row execute function aiml_private.guard_api_write('created:created_at', 'code=200000');

comment on table aiml.analytics_events is
'Product analytics events. Signed-in users record and read their own; anonymous visitors may record events without a user. Deleting a user anonymises their events (user_id set null) so aggregates survive. Client writes: event_type (at most 200 characters), user_id (own or null), event_data and properties (at most 8 KiB of JSON each). Server-owned: id, created_at (now(), whatever the client sends).';
