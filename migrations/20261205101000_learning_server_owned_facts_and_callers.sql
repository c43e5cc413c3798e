-- learning: the facts behind rewards, streaks and other people's views are
-- the server's, input from API roles is bounded, and no caller check reads
-- the JWT `role` claim (issue 15).
-- * A course completion rewards once per learner and course: one
--   course_completed achievement and one notification, whatever the course is
--   renamed to and however often the enrollment is completed again (a renamed
--   course awarded again: points farming). Looked up through a partial index.
-- * The shared API write guard (learning_private.guard_api_write) on every
--   table anon or authenticated writes: text at most 10,000 characters (long
--   form: lessons, courses, assessments, submitted code, chat answers 100,000)
--   and jsonb at most 64 KiB (22001); created_at is the server's on insert;
--   courses/lessons/assessments.updated_at is the server's on insert too (it
--   already was on update); course_enrollments.last_accessed, which the course
--   author reads through course_learners(), is now() whenever a client sets it.
-- * Changing user_streaks.streak_type restarts the current streak (a daily
--   streak could be kept alive by switching to weekly and back).
-- * Who the caller is: course_learners() and advance_streak() (SECURITY
--   DEFINER, where current_user is the owner) ask caller_is_api(), the role
--   the session acts as (SET ROLE; a session can only take a role it is a
--   member of), instead of auth.role() (the JWT claim, a setting any session
--   can change); audit_log.actor_role records that role too, so a forged
--   claim cannot make an entry look like the service role's.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-------------------------------------------------------------------- callers

create function learning_private.caller_role()
returns text
language sql
stable
set search_path = ''
as $$
    select coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user::text);
$$;

comment on function learning_private.caller_role() is
'The database role the session acts as: the role set by SET ROLE (PostgREST sets anon, authenticated or service_role per request), else the login role. Unlike current_user it keeps naming the caller inside SECURITY DEFINER functions; unlike auth.role() (the JWT role claim, a setting any session can change) a session cannot choose it beyond its role memberships.';

create function learning_private.caller_is_api()
returns boolean
language sql
stable
set search_path = ''
as $$
    select learning_private.caller_role() in ('anon', 'authenticated');
$$;

comment on function learning_private.caller_is_api() is
'True when the session acts as an API client role (caller_role() is anon or authenticated). The rule of every module: write guards (invoker triggers) ask current_user; entry checks of SECURITY DEFINER functions ask the session''s role; nothing asks the JWT role claim.';

create function learning_private.caller_is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
    select pg_catalog.pg_has_role(learning_private.caller_role(), 'service_role', 'member');
$$;

comment on function learning_private.caller_is_service() is
'True when the session acts as service_role or as a role that is a member of it (postgres on Supabase, pg_cron jobs, migrations): caller_role(), never the JWT role claim.';

create function learning_private.caller_api_role()
returns text
language sql
stable
set search_path = ''
as $$
    select r.role
    from (select learning_private.caller_role() as role) as r
    where r.role in ('anon', 'authenticated', 'service_role');
$$;

comment on function learning_private.caller_api_role() is
'The API role the session acts as (anon, authenticated or service_role, from caller_role()), or null for a direct database session. For audit records: a forged JWT role claim cannot make an entry look like the service role''s.';

revoke execute on function learning_private.caller_role() from public, anon, authenticated;
revoke execute on function learning_private.caller_is_api() from public, anon, authenticated;
revoke execute on function learning_private.caller_is_service() from public, anon, authenticated;
revoke execute on function learning_private.caller_api_role() from public, anon, authenticated;

create or replace function learning_private.course_learners(p_course_id uuid)
returns table (
    user_id uuid,
    full_name text,
    avatar_url text,
    status learning.enrollment_status,
    progress_percentage numeric,
    enrollment_date timestamptz,
    last_accessed timestamptz,
    completed_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
    if p_course_id is null then
        raise exception 'course_learners: a course id is required'
            using errcode = '22004';
    end if;
    if learning_private.caller_is_api()
       and not exists (
           select 1
           from learning.courses as c
           where c.id = p_course_id
             and c.created_by = (select auth.uid())
       ) then
        raise exception 'course_learners: only the author of a course can list its learners'
            using errcode = '42501';
    end if;
    return query
    select
        e.user_id,
        p.full_name,
        p.avatar_url,
        e.status,
        e.progress_percentage,
        e.enrollment_date,
        e.last_accessed,
        e.completed_at
    from learning.course_enrollments as e
    inner join learning.profiles as p on p.id = e.user_id
    where e.course_id = p_course_id
    order by e.enrollment_date, e.user_id;
end
$$;

comment on function learning_private.course_learners(uuid) is
'The learners enrolled in course p_course_id with their display name and avatar (the only profile columns an author sees: not email, bio, goals, language or time zone) and their enrollment status, progress and dates (server-owned: last_accessed is the server''s time), oldest enrollment first. Reads profiles with the owner''s rights, so it checks the caller: an API client (caller_is_api(), the session''s role, not the JWT role claim) must be the course''s author; anyone else, an unknown course included, gets 42501; service_role and database sessions pass; a null id 22004. Called through learning.course_learners.';

create or replace function learning_private.advance_streak(p_user_id uuid, p_activity_date date)
returns learning.user_streaks
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_streak learning.user_streaks;
    v_gap integer;
begin
    if p_user_id is null or p_activity_date is null then
        raise exception 'advance_streak: user id and activity date are required'
            using errcode = '22004';
    end if;
    if p_user_id is distinct from (select auth.uid())
       and learning_private.caller_is_api() then
        raise exception 'advance_streak: a user can only record their own learning activity'
            using errcode = '42501';
    end if;

    insert into learning.user_streaks (user_id)
    values (p_user_id)
    on conflict (user_id) do nothing;

    select s.* into v_streak
    from learning.user_streaks as s
    where s.user_id = p_user_id
    for update;

    if v_streak.last_activity_date is null then
        v_gap := null;
    elsif v_streak.streak_type = 'weekly' then
        v_gap := (date_trunc('week', p_activity_date)::date
                  - date_trunc('week', v_streak.last_activity_date)::date) / 7;
    else
        v_gap := p_activity_date - v_streak.last_activity_date;
    end if;

    if v_gap < 0 then
        -- Activity dated before the last recorded one: already counted.
        return v_streak;
    end if;

    if v_gap is null then
        v_streak.current_streak := 1;
    elsif v_gap = 0 then
        v_streak.current_streak := greatest(v_streak.current_streak, 1);
    elsif v_gap = 1 then
        v_streak.current_streak := v_streak.current_streak + 1;
    else
        v_streak.current_streak := 1;
    end if;

    update learning.user_streaks as s
    set current_streak = v_streak.current_streak,
        longest_streak = greatest(s.longest_streak, v_streak.current_streak),
        last_activity_date = greatest(s.last_activity_date, p_activity_date)
    where s.user_id = p_user_id
    returning s.* into v_streak;

    return v_streak;
end
$$;

comment on function learning_private.advance_streak(uuid, date) is
'Records learning activity of p_user_id on day p_activity_date and returns the streak row. daily: the next day adds 1, the same day changes nothing, a gap of more than one day resets to 1; weekly: the same with ISO weeks (Monday start). Activity dated before last_activity_date is ignored. longest_streak keeps the best. Called by the activity triggers (with server-owned dates) and by service_role (backfills); an API client (caller_is_api(), the session''s role, not the JWT role claim) may only act for themself (42501). Nulls raise 22004.';

create or replace function learning_private.write_audit_log()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_old jsonb;
    v_new jsonb;
    v_row_id uuid;
    v_old_changed jsonb;
    v_new_changed jsonb;
    -- the API role of the session (not the JWT claim, which any session can
    -- set); a direct database session is recorded by db_user alone
    v_role text := learning_private.caller_api_role();
begin
    if tg_op in ('UPDATE', 'DELETE') then
        v_old := to_jsonb(old);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        v_new := to_jsonb(new);
    end if;
    v_row_id := (coalesce(v_new, v_old) ->> 'id')::uuid;
    -- Never copied: the timestamp the set_updated_at trigger maintains and the
    -- columns named as trigger arguments (content or possible secrets).
    v_old := v_old - 'updated_at'::text;
    v_new := v_new - 'updated_at'::text;
    if tg_nargs > 0 then
        v_old := v_old - tg_argv;
        v_new := v_new - tg_argv;
    end if;
    if tg_op = 'UPDATE' then
        select
            jsonb_object_agg(o.key, o.value),
            jsonb_object_agg(o.key, v_new -> o.key)
        into v_old_changed, v_new_changed
        from jsonb_each(v_old) as o (key, value)
        where o.value is distinct from v_new -> o.key;
        if v_old_changed is null then
            return null;
        end if;
        v_old := v_old_changed;
        v_new := v_new_changed;
    end if;
    insert into learning.audit_log (actor_id, actor_role, table_name, row_id, operation, old_data, new_data)
    values (
        (select auth.uid()),
        v_role,
        tg_table_name,
        v_row_id,
        tg_op,
        v_old,
        v_new
    );
    return null;
end
$$;

comment on column learning.audit_log.actor_role is
'The API role the change was made as (the session''s role: anon, authenticated or service_role; null for a direct database session, see db_user), never the JWT role claim. Server-owned.';

------------------------------------------------------------ course completion

-- Achievements are few per user and the index is partial (course_completed
-- rows only): the build is short. On a big database, build it first by hand
-- with `create index concurrently if not exists` (same definition).
-- schema-tool: allow index-not-concurrent achievement awards wait while it builds; partial and small, pre-build concurrently on a big database
create index if not exists idx_achievements_course_completed
    on learning.achievements (user_id, (metadata ->> 'course_id'))
    where type = 'course_completed';

create or replace function learning_private.on_course_completed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_title text;
    v_author uuid;
    v_label text;
begin
    select c.title, c.created_by into v_title, v_author
    from learning.courses as c
    where c.id = new.course_id;

    -- no reward for completing one's own course (farming)
    if v_author is not distinct from new.user_id then
        return null;
    end if;

    -- one reward per learner and course, whatever its title is now
    -- (idx_achievements_course_completed)
    if exists (
        select 1
        from learning.achievements as a
        where a.user_id = new.user_id
          and a.type = 'course_completed'
          and (a.metadata ->> 'course_id') = new.course_id::text
    ) then
        return null;
    end if;

    -- the author's text, bounded and attributed
    if length(v_title) > 120 then
        v_label := '"' || left(v_title, 119) || '…"';
    else
        v_label := '"' || v_title || '"';
    end if;

    insert into learning.achievements (user_id, title, description, type, points, metadata)
    values (
        new.user_id,
        left('Completed course ' || v_label, 200),
        'Completed every lesson of the course ' || v_label || ' (course title set by its author).',
        'course_completed',
        100,
        jsonb_build_object('course_id', new.course_id, 'title_source', 'course_author')
    )
    on conflict (user_id, type, title) do nothing;
    if not found then
        return null;
    end if;

    insert into learning.notifications (user_id, title, message, type, action_url)
    values (
        new.user_id,
        'Course completed',
        'Congratulations, you completed the course ' || v_label || ' (course title set by its author).',
        'achievement',
        '/courses/' || new.course_id
    );
    return null;
end
$$;

comment on function learning_private.on_course_completed() is
'Trigger function (after an enrollment becomes completed): the system awards a course_completed achievement (100 points) and sends a notification once per learner and course (metadata.course_id, idx_achievements_course_completed: a renamed course or a re-completed enrollment awards nothing again), unless the learner created the course (no reward for one''s own course). The course title (the author''s text) appears cut to 120 characters, in quotes and marked as set by the course author.';

------------------------------------------------------------------- streaks

create function learning_private.restart_streak_on_type_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if new.streak_type is distinct from old.streak_type then
        new.current_streak := 0;
    end if;
    return new;
end
$$;

comment on function learning_private.restart_streak_on_type_change() is
'Trigger (before update of streak_type on user_streaks): a new streak type restarts current_streak (0 until the next activity; longest_streak and last_activity_date stay), so switching between daily and weekly cannot bridge a gap.';

revoke execute on function learning_private.restart_streak_on_type_change() from public, anon, authenticated;

create trigger restart_streak_on_type_change
before update of streak_type on learning.user_streaks
for each row execute function learning_private.restart_streak_on_type_change();

--------------------------------------------------- server-owned times, bounds

create function learning_private.guard_api_write()
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

comment on function learning_private.guard_api_write() is
'Trigger function (before insert or update) for every table an API role can write: when current_user is anon or authenticated it bounds the input (text values at most 10,000 characters and jsonb values at most 64 KiB unless the trigger arguments say otherwise: text=N, json=N, column=N; only values the write changes are measured; 22001 when too large) and sets server-owned times (created:col = now() on insert and unchanged on update; touched:col = now() whenever the client sets it) and authors (caller:col = auth.uid() on insert, unchanged on update), so client-sent times and authors are ignored. The service role, migrations and SECURITY DEFINER helpers (running as their owner) are not limited.';

revoke execute on function learning_private.guard_api_write() from public, anon;

create trigger guard_api_write
before insert or update on learning.courses
for each row execute function learning_private.guard_api_write('created:created_at', 'created:updated_at', 'text=100000');

create trigger guard_api_write
before insert or update on learning.lessons
for each row execute function learning_private.guard_api_write('created:created_at', 'created:updated_at', 'text=100000');

create trigger guard_api_write
before insert or update on learning.assessments
for each row execute function learning_private.guard_api_write('created:created_at', 'created:updated_at', 'text=100000');

create trigger guard_api_write
before insert or update on learning.course_enrollments
for each row execute function learning_private.guard_api_write('created:created_at', 'touched:last_accessed');

create trigger guard_api_write
before insert or update on learning.assessment_attempts
for each row execute function learning_private.guard_api_write('created:created_at', 'submitted_code=100000');

create trigger guard_api_write
before insert or update on learning.user_progress
for each row execute function learning_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on learning.learning_analytics
for each row execute function learning_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on learning.chat_history
for each row execute function learning_private.guard_api_write('created:created_at', 'answer=100000');

create trigger guard_api_write
before insert or update on learning.user_feedback
for each row execute function learning_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on learning.profiles
for each row execute function learning_private.guard_api_write('avatar_url=2048', 'preferred_language=35', 'learning_goals=8192');
