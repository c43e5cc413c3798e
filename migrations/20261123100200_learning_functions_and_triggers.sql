-- learning: the seed's automatic triggers.
--   * signup: a new auth user gets a profile and a streak row;
--   * progress: completing / un-completing a lesson (or publishing,
--     unpublishing, adding or deleting lessons) recomputes the enrollment;
--     reaching 100 completes it and the system awards an achievement and a
--     notification;
--   * streaks: completing a lesson or an assessment, or recording a learning
--     session, advances the user's daily/weekly streak;
--   * completion / read timestamps follow their flags.
-- Trigger functions that write other tables run as SECURITY DEFINER (they
-- write rows and columns users have no privileges on); trigger functions
-- that only adjust NEW do not. The helpers they call are plain functions
-- that no API role may execute. advance_streak is the one callable helper
-- (service_role only) and checks its caller.

-- Signup ------------------------------------------------------------------------

create function learning_private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    insert into learning.profiles (id, email, full_name, avatar_url)
    values (
        new.id,
        new.email,
        left(coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name'), 200),
        new.raw_user_meta_data ->> 'avatar_url'
    )
    on conflict (id) do nothing;

    insert into learning.user_streaks (user_id)
    values (new.id)
    on conflict (user_id) do nothing;

    return new;
end
$$;

comment on function learning_private.handle_new_user() is
'Trigger function on auth.users (trigger learning_on_auth_user_created): creates the learning profile (email, full_name/name and avatar_url from user_metadata, for display only) and the streak row of a new user. Idempotent.';
revoke execute on function learning_private.handle_new_user() from public, anon, authenticated;

create trigger learning_on_auth_user_created
after insert on auth.users
for each row execute function learning_private.handle_new_user();

create function learning_private.handle_user_email_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update learning.profiles
    set email = new.email
    where id = new.id
      and email is distinct from new.email;
    return new;
end
$$;

comment on function learning_private.handle_user_email_change() is
'Trigger function on auth.users (trigger learning_on_auth_user_email_updated): copies a changed email to learning.profiles.email.';
revoke execute on function learning_private.handle_user_email_change() from public, anon, authenticated;

create trigger learning_on_auth_user_email_updated
after update of email on auth.users
for each row execute function learning_private.handle_user_email_change();

-- Users who signed up before this module was installed.
insert into learning.profiles (id, email, full_name, avatar_url)
select
    u.id,
    u.email,
    left(coalesce(u.raw_user_meta_data ->> 'full_name', u.raw_user_meta_data ->> 'name'), 200),
    u.raw_user_meta_data ->> 'avatar_url'
from auth.users as u
on conflict (id) do nothing;

insert into learning.user_streaks (user_id)
select u.id
from auth.users as u
on conflict (user_id) do nothing;

-- Streaks -----------------------------------------------------------------------

create function learning_private.local_date(
    p_user_id uuid,
    p_at timestamptz
)
returns date
language sql
stable
set search_path = ''
as $$
    select (p_at at time zone coalesce(
        (select p.timezone from learning.profiles as p where p.id = p_user_id),
        'UTC'))::date
$$;

comment on function learning_private.local_date(uuid, timestamptz) is
'The calendar day of timestamp p_at in the time zone of user p_user_id''s profile (UTC when unknown): the day a learning activity counts for in streaks.';
revoke execute on function learning_private.local_date(uuid, timestamptz) from public, anon, authenticated;

create function learning_private.advance_streak(
    p_user_id uuid,
    p_activity_date date
)
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
       and coalesce((select auth.role()), 'service_role') <> 'service_role' then
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

    v_streak.current_streak := case
        when v_gap is null then 1
        when v_gap = 0 then greatest(v_streak.current_streak, 1)
        when v_gap = 1 then v_streak.current_streak + 1
        else 1
    end;

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
'Records learning activity of p_user_id on day p_activity_date and returns the streak row. daily: the next day adds 1, the same day changes nothing, a gap of more than one day resets to 1; weekly: the same with ISO weeks (Monday start). Activity dated before last_activity_date is ignored. longest_streak keeps the best. Called by the activity triggers and by service_role (backfills); a signed-in user may only act for themself (42501). Nulls raise 22004.';
revoke execute on function learning_private.advance_streak(uuid, date) from public, anon, authenticated;
grant execute on function learning_private.advance_streak(uuid, date) to service_role;

-- Course progress ------------------------------------------------------------------

create function learning_private.course_progress(
    p_user_id uuid,
    p_course_id uuid
)
returns numeric
language sql
stable
set search_path = ''
as $$
    select case
        when count(*) = 0 then 0::numeric
        else round(100.0 * count(*) filter (where up.completed) / count(*), 2)
    end
    from learning.lessons as l
    left join learning.user_progress as up
        on up.lesson_id = l.id
       and up.user_id = p_user_id
    where l.course_id = p_course_id
      and l.is_published
$$;

comment on function learning_private.course_progress(uuid, uuid) is
'Percentage (0-100, two decimals) of the published lessons of course p_course_id that user p_user_id has completed; 0 for a course without published lessons. Internal: executable by no API role.';
revoke execute on function learning_private.course_progress(uuid, uuid) from public, anon, authenticated;

create function learning_private.refresh_enrollment_progress(
    p_user_id uuid,
    p_course_id uuid,
    p_touch boolean
)
returns void
language sql
volatile
set search_path = ''
as $$
    update learning.course_enrollments as e
    set progress_percentage = p.pct,
        status = case
            when p.pct = 100 then 'completed'::learning.enrollment_status
            when e.status = 'completed' then 'active'::learning.enrollment_status
            else e.status
        end,
        last_accessed = case when p_touch then now() else e.last_accessed end
    from (select learning_private.course_progress(p_user_id, p_course_id) as pct) as p
    where e.user_id = p_user_id
      and e.course_id = p_course_id
$$;

comment on function learning_private.refresh_enrollment_progress(uuid, uuid, boolean) is
'Recomputes the enrollment of p_user_id in p_course_id (if any): progress_percentage from course_progress, status completed at 100, back to active when a completed enrollment drops below 100; p_touch also stamps last_accessed. Internal: executable by no API role.';
revoke execute on function learning_private.refresh_enrollment_progress(uuid, uuid, boolean) from public, anon, authenticated;

create function learning_private.on_user_progress_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform learning_private.refresh_enrollment_progress(old.user_id, old.course_id, true);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        if tg_op = 'INSERT'
           or (new.user_id, new.course_id) is distinct from (old.user_id, old.course_id) then
            perform learning_private.refresh_enrollment_progress(new.user_id, new.course_id, true);
        end if;
        if new.completed and (tg_op = 'INSERT' or not old.completed) then
            perform learning_private.advance_streak(
                new.user_id,
                learning_private.local_date(new.user_id, new.completed_at));
        end if;
    end if;
    return null;
end
$$;

comment on function learning_private.on_user_progress_change() is
'Trigger function (after insert, update of completed/user/lesson/course, delete on user_progress): recomputes the affected enrollment(s) and stamps last_accessed; a lesson newly completed advances the streak for the local day of completed_at.';
revoke execute on function learning_private.on_user_progress_change() from public, anon, authenticated;

create trigger on_user_progress_change
after insert or delete or update of completed, user_id, lesson_id, course_id on learning.user_progress
for each row execute function learning_private.on_user_progress_change();

create function learning_private.stamp_progress_completion()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if new.completed then
        new.completed_at := coalesce(new.completed_at, now());
    else
        new.completed_at := null;
    end if;
    return new;
end
$$;

comment on function learning_private.stamp_progress_completion() is
'Trigger function (before insert/update on user_progress): completed_at is now() when a lesson becomes completed without a given time, and null while it is not completed.';
revoke execute on function learning_private.stamp_progress_completion() from public, anon, authenticated;

create trigger stamp_progress_completion
before insert or update on learning.user_progress
for each row execute function learning_private.stamp_progress_completion();

create function learning_private.on_lesson_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op = 'UPDATE'
       and old.is_published = new.is_published
       and old.course_id = new.course_id then
        return null;
    end if;
    perform learning_private.refresh_enrollment_progress(e.user_id, e.course_id, false)
    from learning.course_enrollments as e
    where e.course_id in (
        case when tg_op <> 'INSERT' then old.course_id end,
        case when tg_op <> 'DELETE' then new.course_id end
    );
    return null;
end
$$;

comment on function learning_private.on_lesson_change() is
'Trigger function (after insert, delete, update of is_published/course_id on lessons): recomputes every enrollment of the affected course(s), since progress is measured against published lessons.';
revoke execute on function learning_private.on_lesson_change() from public, anon, authenticated;

create trigger on_lesson_change
after insert or delete or update of is_published, course_id on learning.lessons
for each row execute function learning_private.on_lesson_change();

create function learning_private.normalize_enrollment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op = 'INSERT' then
        new.progress_percentage := learning_private.course_progress(new.user_id, new.course_id);
        if new.progress_percentage = 100 then
            new.status := 'completed';
        end if;
    end if;
    if new.status = 'completed' then
        new.completed_at := coalesce(new.completed_at, now());
    else
        new.completed_at := null;
    end if;
    return new;
end
$$;

comment on function learning_private.normalize_enrollment() is
'Trigger function (before insert/update on course_enrollments): a new enrollment starts at the progress already recorded for the course (completed at 100); completed_at is now() when the status becomes completed and null otherwise.';
revoke execute on function learning_private.normalize_enrollment() from public, anon, authenticated;

create trigger normalize_enrollment
before insert or update on learning.course_enrollments
for each row execute function learning_private.normalize_enrollment();

create function learning_private.on_course_completed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_title text;
begin
    select c.title into v_title
    from learning.courses as c
    where c.id = new.course_id;

    insert into learning.achievements (user_id, title, description, type, points, metadata)
    values (
        new.user_id,
        left('Completed ' || v_title, 200),
        'Completed every lesson of the course ' || v_title || '.',
        'course_completed',
        100,
        jsonb_build_object('course_id', new.course_id)
    )
    on conflict (user_id, type, title) do nothing;

    insert into learning.notifications (user_id, title, message, type, action_url)
    values (
        new.user_id,
        'Course completed',
        'Congratulations, you completed ' || v_title || '!',
        'achievement',
        '/courses/' || new.course_id
    );
    return null;
end
$$;

comment on function learning_private.on_course_completed() is
'Trigger function (after an enrollment becomes completed): the system awards a course_completed achievement (100 points, once per course title) and sends a notification.';
revoke execute on function learning_private.on_course_completed() from public, anon, authenticated;

create trigger on_course_completed_insert
after insert on learning.course_enrollments
for each row
when (new.status = 'completed')
execute function learning_private.on_course_completed();

create trigger on_course_completed_update
after update of status on learning.course_enrollments
for each row
when (new.status = 'completed' and old.status is distinct from new.status)
execute function learning_private.on_course_completed();

-- Assessments -----------------------------------------------------------------------

create function learning_private.stamp_attempt_completion()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if new.status = 'completed' then
        new.completed_at := coalesce(new.completed_at, greatest(now(), new.started_at));
    else
        new.completed_at := null;
    end if;
    return new;
end
$$;

comment on function learning_private.stamp_attempt_completion() is
'Trigger function (before insert/update on assessment_attempts): completed_at is stamped when the status becomes completed (unless given) and null otherwise.';
revoke execute on function learning_private.stamp_attempt_completion() from public, anon, authenticated;

create trigger stamp_attempt_completion
before insert or update on learning.assessment_attempts
for each row execute function learning_private.stamp_attempt_completion();

create function learning_private.on_attempt_completed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    perform learning_private.advance_streak(
        new.user_id,
        learning_private.local_date(new.user_id, new.completed_at));
    return null;
end
$$;

comment on function learning_private.on_attempt_completed() is
'Trigger function (after an assessment attempt becomes completed): advances the streak for the local day of completed_at.';
revoke execute on function learning_private.on_attempt_completed() from public, anon, authenticated;

create trigger on_attempt_completed_insert
after insert on learning.assessment_attempts
for each row
when (new.status = 'completed')
execute function learning_private.on_attempt_completed();

create trigger on_attempt_completed_update
after update of status on learning.assessment_attempts
for each row
when (new.status = 'completed' and old.status is distinct from new.status)
execute function learning_private.on_attempt_completed();

-- Learning sessions -----------------------------------------------------------------

create function learning_private.on_learning_session()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    perform learning_private.advance_streak(new.user_id, new.session_date);
    return null;
end
$$;

comment on function learning_private.on_learning_session() is
'Trigger function (after insert on learning_analytics): a recorded learning session advances the streak for its session_date.';
revoke execute on function learning_private.on_learning_session() from public, anon, authenticated;

create trigger on_learning_session
after insert on learning.learning_analytics
for each row execute function learning_private.on_learning_session();

-- Notifications -----------------------------------------------------------------------

create function learning_private.stamp_notification_read()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if not new.is_read then
        new.read_at := null;
    elsif tg_op = 'INSERT' or not old.is_read then
        new.read_at := coalesce(new.read_at, now());
    end if;
    return new;
end
$$;

comment on function learning_private.stamp_notification_read() is
'Trigger function (before insert/update on notifications): read_at is stamped when is_read becomes true and cleared when it becomes false.';
revoke execute on function learning_private.stamp_notification_read() from public, anon, authenticated;

create trigger stamp_notification_read
before insert or update on learning.notifications
for each row execute function learning_private.stamp_notification_read();
