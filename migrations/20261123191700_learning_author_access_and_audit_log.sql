-- learning, after release: two gaps of the first version.
--
-- 1. Course authors read how their courses go. The author of a course is
--    courses.created_by. An author now reads, for the courses they author
--    (never other courses):
--      * the roster: who is enrolled, their display name and avatar, status,
--        progress and dates, through learning.course_learners(course_id) only
--        (an RPC over a definer helper that checks the caller authors the
--        course). It returns every enrollment column an author needs
--        (user_id, status, progress_percentage, enrollment_date,
--        last_accessed, completed_at) and full_name and avatar_url of the
--        profile, nothing else of it;
--      * user_progress: per-lesson progress of those learners;
--      * user_feedback: feedback and ratings about the course, one of its
--        lessons or one of its assessments.
--    Every column of those rows is about the learner's activity in the
--    author's own course, so no column limit is needed on them. What is NOT
--    opened: learners' profiles (email, bio, goals, time zone), their other
--    courses, chat, AI usage, analytics, achievements, notifications and
--    assessment attempts (submitted code).
--    course_enrollments itself stays owner-only ("course_enrollments: owner
--    can select", user_id = (select auth.uid())), so that a learner's own
--    lists keep their ordered index scan. With an author arm in its select
--    policy, "my courses by last access" with the filter left to RLS
--    (order by last_accessed desc nulls last limit 20) became a BitmapOr of
--    the user_id and course_id indexes plus a sort of the matches: 2.6 ms for
--    a heavy user at scale (100k users, 254k enrollments), x4.9 over the
--    same query with RLS bypassed (typical user x2.7), instead of an ordered
--    Index Scan on idx_course_enrollments_user_id_last_accessed that stops at
--    the limit (0.5 ms, x1.2); the RLS-overhead goal is <= x1.3. The roster
--    RPC reads the course's enrollments by idx_course_enrollments_course_id.
--    user_progress and user_feedback select policies become "own rows OR
--    rows of authored courses", one policy per role and command, with the
--    authored ids as an array (col = any ((select array_fn())::uuid[])), so
--    both arms are index conditions (BitmapOr of the user_id index and the
--    lesson_id / course_id / assessment_id index) and a learner's own lists
--    keep their user_id index (their per-user queries measured fine at
--    scale).
--    (col in (select set_fn()) would be a hashed subplan OR-ed per row, which
--    no index serves.)
--
-- 2. The seed's "Audit trails for important operations": learning.audit_log,
--    append-only, written only by the SECURITY DEFINER trigger function
--    learning_private.write_audit_log(). Audited operations (the ones that
--    change what someone owns, earns or may see):
--      * courses: creation, deletion, publish/unpublish (is_published) and a
--        change of author (created_by, including the null left when the
--        author's account is deleted);
--      * course_enrollments: enrolment and unenrolment (insert, delete);
--        status/progress updates are the progress trigger's routine work and
--        are not audited;
--      * achievements: grant, change and revocation (insert, update, delete);
--      * assessment_attempts: a change of score (grading or re-grading).
--    Not audited: profiles (learning has no role or admin flag to change;
--    email is Supabase Auth's), lessons/assessments content, and the
--    high-volume learner activity (progress, chat, analytics).
--    Who reads it: the actor their own entries (authenticated), service_role
--    everything. Nobody but the table owner may insert, update, delete or
--    truncate; the owner's only update is anonymising the actor when an auth
--    user is deleted. No backfill: there is no history to recover.

-- Fail fast instead of queueing the application behind a lock wait, and
-- bound every statement (lint rule timeout-missing; `set local` ends with
-- this file's transaction, under schema-tool migrate and the Supabase CLI).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The policy helpers below live in learning_private: authenticated needs
-- usage on the schema to call the ones granted to it (every other function
-- there has execute revoked from authenticated).
grant usage on schema learning_private to authenticated;

-- 1. Author access ---------------------------------------------------------------

create function learning_private.authored_course_id_array()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
    select coalesce(array_agg(c.id), '{}')
    from learning.courses as c
    where c.created_by = (select auth.uid())
$$;

comment on function learning_private.authored_course_id_array() is
'Ids of the courses the signed-in caller authors (courses.created_by = auth.uid()), as an array: empty, never null, for anon or a user who authors nothing. Takes no argument and only ever answers for the caller. For select policies as course_id = any ((select learning_private.authored_course_id_array())::uuid[]), an index condition that the planner OR-s with the owner''s user_id index (BitmapOr).';

create function learning_private.authored_lesson_id_array()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
    select coalesce(array_agg(l.id), '{}')
    from learning.lessons as l
    inner join learning.courses as c on c.id = l.course_id
    where c.created_by = (select auth.uid())
$$;

comment on function learning_private.authored_lesson_id_array() is
'Ids of every lesson (published or not) of the courses the signed-in caller authors, as an array (empty, never null). Only answers for the caller. Used by the user_progress and user_feedback select policies as lesson_id = any (...): user_progress has no index leading with course_id, its (lesson_id, course_id) index serves this arm.';

create function learning_private.authored_assessment_id_array()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
    select coalesce(array_agg(a.id), '{}')
    from learning.assessments as a
    inner join learning.courses as c on c.id = a.course_id
    where c.created_by = (select auth.uid())
$$;

comment on function learning_private.authored_assessment_id_array() is
'Ids of every assessment of the courses the signed-in caller authors, as an array (empty, never null). Only answers for the caller. Used by the user_feedback select policy as assessment_id = any (...).';

-- Policy helpers only: service_role bypasses RLS and has no caller to answer for.
revoke execute on function learning_private.authored_course_id_array() from public, anon;
revoke execute on function learning_private.authored_lesson_id_array() from public, anon;
revoke execute on function learning_private.authored_assessment_id_array() from public, anon;
grant execute on function learning_private.authored_course_id_array() to authenticated;
grant execute on function learning_private.authored_lesson_id_array() to authenticated;
grant execute on function learning_private.authored_assessment_id_array() to authenticated;

-- course_enrollments keeps its released owner-only select policy: authors
-- read the roster through learning.course_learners (see the header).

alter policy "user_progress: owner can select"
on learning.user_progress
rename to "user_progress: owner or course author can select";

alter policy "user_progress: owner or course author can select"
on learning.user_progress
to authenticated
using (
    user_id = (select auth.uid())
    or lesson_id = any((select learning_private.authored_lesson_id_array())::uuid[])
);

alter policy "user_feedback: owner can select"
on learning.user_feedback
rename to "user_feedback: owner or course author can select";

alter policy "user_feedback: owner or course author can select"
on learning.user_feedback
to authenticated
using (
    user_id = (select auth.uid())
    or course_id = any((select learning_private.authored_course_id_array())::uuid[])
    or lesson_id = any((select learning_private.authored_lesson_id_array())::uuid[])
    or assessment_id = any((select learning_private.authored_assessment_id_array())::uuid[])
);

-- Statistics settings (planner only, no effect on data). The author arm's
-- array is unknown at plan time, so the planner prices col = any (array) as
-- ten ids of 1/n_distinct of the rows each. With few courses or lessons and
-- many rows per course (5 courses, 100k enrollments) that is ~90% of the
-- table, and a learner's own list became a sequential scan of every row
-- (11.8 ms instead of 0.4 ms, measured on the enrollments when they had an
-- author arm). n_distinct = -0.01 (one distinct value per 100 rows) prices an
-- author's ids at ~1,000 rows at any table size, so the learner keeps the
-- BitmapOr on their user_id index. Estimates for a literal id still come from
-- the most-common-value list. analyze applies it now rather than at the next
-- autovacuum (samples at most 30,000 rows).
alter table learning.user_progress alter column lesson_id set (n_distinct = -0.01);
alter table learning.user_feedback alter column course_id set (n_distinct = -0.01);
analyze learning.user_progress (lesson_id);
analyze learning.user_feedback (course_id);

comment on table learning.course_enrollments is
'A user''s enrollment in a course (one per user and course). progress_percentage, status completed and completed_at are maintained by the progress trigger from the user''s completed published lessons. Readable and written only by the learner (and the system). The course''s author reads its roster (status, progress, dates, names) through learning.course_learners(course_id), not this table, so that a learner''s own lists keep their ordered index scan.';
comment on table learning.user_progress is
'A user''s progress in one lesson (one row per user and lesson). Completing or un-completing a lesson recomputes the user''s enrollment in the course and completing it advances the learning streak. Readable by the learner and by the author of the lesson''s course; written only by the learner.';
comment on table learning.user_feedback is
'Feedback and ratings from a user, optionally about a course, lesson or assessment. The user manages their own; the author of the course (or of the course of the lesson or assessment) reads the feedback about it, including who gave it (user_id, as with a signed course review); service_role reads all.';

create function learning_private.course_learners(
    p_course_id uuid
)
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
    if coalesce((select auth.role()), '') <> 'service_role'
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
'The learners enrolled in course p_course_id with their display name and avatar (the only profile columns an author sees: not email, bio, goals, language or time zone) and their enrollment status, progress and dates, oldest enrollment first. Reads profiles with the owner''s rights, so it checks the caller: the course''s author or service_role; anyone else, an unknown course included, gets 42501; a null id 22004. Called through learning.course_learners.';
revoke execute on function learning_private.course_learners(uuid) from public, anon;
grant execute on function learning_private.course_learners(uuid) to authenticated, service_role;

create function learning.course_learners(
    p_course_id uuid
)
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
language sql
stable
set search_path = ''
as $$
    select
        cl.user_id,
        cl.full_name,
        cl.avatar_url,
        cl.status,
        cl.progress_percentage,
        cl.enrollment_date,
        cl.last_accessed,
        cl.completed_at
    from learning_private.course_learners(p_course_id) as cl
$$;

comment on function learning.course_learners(uuid) is
'Roster of a course for its author (RPC): each enrolled learner''s user_id, full_name, avatar_url, enrollment status, progress_percentage, enrollment_date, last_accessed and completed_at, oldest enrollment first. SECURITY INVOKER wrapper of learning_private.course_learners, which checks that the caller authors the course (42501 otherwise).';
revoke execute on function learning.course_learners(uuid) from public, anon;
grant execute on function learning.course_learners(uuid) to authenticated, service_role;

-- 2. Audit trail ------------------------------------------------------------------

create table learning.audit_log (
    id bigint generated always as identity,
    occurred_at timestamptz not null default now(),
    actor_id uuid,
    actor_role text,
    db_user text not null default session_user,
    table_name text not null,
    row_id uuid not null,
    operation text not null,
    old_data jsonb,
    new_data jsonb,
    constraint audit_log_pkey primary key (id),
    constraint audit_log_table_name_check check (
        table_name in ('courses', 'course_enrollments', 'achievements', 'assessment_attempts')
    ),
    constraint audit_log_operation_check check (operation in ('INSERT', 'UPDATE', 'DELETE')),
    constraint audit_log_data_check check (
        (old_data is null) = (operation = 'INSERT')
        and (new_data is null) = (operation = 'DELETE')
        and (old_data is null or jsonb_typeof(old_data) = 'object')
        and (new_data is null or jsonb_typeof(new_data) = 'object')
    )
);

comment on table learning.audit_log is
'Audit trail of important operations (seed: "Audit trails for important operations"): course creation, deletion, publish/unpublish and change of author; enrolment and unenrolment; achievement grant, change and revocation; assessment score changes. Append-only: written only by the trigger function learning_private.write_audit_log; no API role may insert, update, delete or truncate. The actor reads their own entries, service_role all. Entries outlive the rows they describe; when an auth user is deleted, actor_id of their entries is set to null (row snapshots keep the bare uuids of the rows they describe).';
comment on column learning.audit_log.id is 'Entry id, increasing in insertion order.';
comment on column learning.audit_log.occurred_at is 'When the operation happened (start of its transaction).';
comment on column learning.audit_log.actor_id is 'Who did it: auth.uid() from the request''s JWT; null for service_role, direct database sessions (migrations, seeds, jobs) and actors whose account was deleted. Not a foreign key, so the trail outlives accounts.';
comment on column learning.audit_log.actor_role is 'The role claim of the request''s JWT (authenticated, service_role...); null without a JWT (direct database session).';
comment on column learning.audit_log.db_user is 'The database session user (authenticator for API requests, postgres or another login role for direct sessions).';
comment on column learning.audit_log.table_name is 'Table of the changed row (in schema learning): courses, course_enrollments, achievements or assessment_attempts.';
comment on column learning.audit_log.row_id is 'id of the changed row in table_name.';
comment on column learning.audit_log.operation is 'INSERT, UPDATE or DELETE.';
comment on column learning.audit_log.old_data is 'Before the change: the whole row for DELETE, only the changed columns for UPDATE, null for INSERT. updated_at and columns that may hold learner content or secrets (courses.description, assessment_attempts.submitted_code and execution_result) are never copied.';
comment on column learning.audit_log.new_data is 'After the change: the whole row for INSERT, only the changed columns for UPDATE, null for DELETE. Same omissions as old_data.';

-- "the history of a row" and "my entries, newest first"
create index idx_audit_log_table_name_row_id_occurred_at
    on learning.audit_log (table_name, row_id, occurred_at desc, id desc);
create index idx_audit_log_actor_id_occurred_at
    on learning.audit_log (actor_id, occurred_at desc, id desc);

alter table learning.audit_log enable row level security;

create policy "audit_log: actor can select own entries"
on learning.audit_log
for select
to authenticated
using (actor_id = (select auth.uid()));

-- Append-only: no role but the owner may write. Revoked explicitly in case a
-- platform default granted more.
revoke all on learning.audit_log from public, anon, authenticated, service_role;
grant select on learning.audit_log to authenticated, service_role;

create function learning_private.write_audit_log()
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
        (select auth.role()),
        tg_table_name,
        v_row_id,
        tg_op,
        v_old,
        v_new
    );
    return null;
end
$$;

comment on function learning_private.write_audit_log() is
'Trigger function (after insert/update/delete, per row, on the audited tables): appends one entry to learning.audit_log with the actor (auth.uid() and the JWT role), the table, the row id, the operation and the row (insert/delete) or only its changed columns (update). Trigger arguments name columns never copied; updated_at is never copied; an update that changes nothing else writes nothing. SECURITY DEFINER: the only writer of the append-only table.';
revoke execute on function learning_private.write_audit_log() from public, anon, authenticated;

create trigger audit_log_insert_delete
after insert or delete on learning.courses
for each row execute function learning_private.write_audit_log('description');

create trigger audit_log_update
after update of is_published, created_by on learning.courses
for each row
when (old.is_published is distinct from new.is_published or old.created_by is distinct from new.created_by)
execute function learning_private.write_audit_log('description');

create trigger audit_log_insert_delete
after insert or delete on learning.course_enrollments
for each row execute function learning_private.write_audit_log();

create trigger audit_log
after insert or update or delete on learning.achievements
for each row execute function learning_private.write_audit_log();

create trigger audit_log_score
after update of score on learning.assessment_attempts
for each row
when (old.score is distinct from new.score)
execute function learning_private.write_audit_log('submitted_code', 'execution_result');

create function learning_private.anonymize_audit_actor()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update learning.audit_log
    set actor_id = null
    where actor_id = old.id;
    return null;
end
$$;

comment on function learning_private.anonymize_audit_actor() is
'Trigger function on auth.users (trigger learning_on_auth_user_deleted): a deleted user''s audit entries keep what happened but no longer say who did it (actor_id set to null, actor_role kept). The one update of learning.audit_log, made with the owner''s rights.';
revoke execute on function learning_private.anonymize_audit_actor() from public, anon, authenticated;

create trigger learning_on_auth_user_deleted
after delete on auth.users
for each row execute function learning_private.anonymize_audit_actor();
