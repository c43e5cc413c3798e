-- classroom: tenant/role helpers for RLS, trigger functions (updated_at,
-- lesson_id propagation, review stamps, role guard, tenant defaults, audit
-- log, attempt grading with retry limit, grades, progress) and the triggers.

-- ------------------------------------------------------------ updated_at

create function classroom_private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

comment on function classroom_private.set_updated_at() is
'Trigger function: sets updated_at to now() on every update.';

-- ------------------------------------------------- tenant / role helpers

create function classroom_private.current_tenant_id()
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
    select u.tenant_id
    from classroom.users u
    join classroom.tenants t on t.id = u.tenant_id
    where u.id = (select auth.uid())
      and u.is_active
      and t.is_active
$$;
comment on function classroom_private.current_tenant_id() is
'Tenant of the signed-in caller, from their active membership row in classroom.users (never from user_metadata); null for anon, non-members, inactive members or suspended tenants. Use in policies as (select classroom_private.current_tenant_id()).';

create function classroom_private.current_user_role()
returns classroom.user_role
language sql
stable
security definer
set search_path = ''
as $$
    select u.role
    from classroom.users u
    join classroom.tenants t on t.id = u.tenant_id
    where u.id = (select auth.uid())
      and u.is_active
      and t.is_active
$$;
comment on function classroom_private.current_user_role() is
'Role (STUDENT, TEACHER, ADMIN) of the signed-in caller in their tenant, from classroom.users; null when not an active member. Use in policies as (select classroom_private.current_user_role()).';

create function classroom_private.published_lesson_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
    select l.id
    from classroom.lessons l
    where l.tenant_id = (select classroom_private.current_tenant_id())
      and l.status = 'PUBLISHED'
$$;
comment on function classroom_private.published_lesson_ids() is
'Ids of the PUBLISHED lessons of the caller''s tenant; RLS uses it to show lesson content to students.';

create function classroom_private.managed_lesson_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
    select l.id
    from classroom.lessons l
    where l.tenant_id = (select classroom_private.current_tenant_id())
      and ((select classroom_private.current_user_role()) = 'ADMIN'
           or ((select classroom_private.current_user_role()) = 'TEACHER'
               and l.created_by_id = (select auth.uid())))
$$;
comment on function classroom_private.managed_lesson_ids() is
'Ids of the lessons the caller manages: every lesson of the tenant for an ADMIN, the lessons they created for a TEACHER, none for a STUDENT. RLS uses it for content writes and for reading students'' progress, attempts and grades.';

create function classroom_private.managed_lesson_id_array()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
    select coalesce(array_agg(m.id), '{}')
    from classroom_private.managed_lesson_ids() as m (id)
$$;
comment on function classroom_private.managed_lesson_id_array() is
'managed_lesson_ids() as an array (empty, never null, for a STUDENT, a non-member or anon): every lesson of the tenant for an ADMIN, the lessons they created for a TEACHER. Takes no argument and only ever answers for the signed-in caller. For the "own rows or lessons I manage" select policies as lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[]): unlike lesson_id in (select managed_lesson_ids()), a hashed subplan that no index serves when OR-ed with student_id = auth.uid(), both arms are index conditions (BitmapOr of the tenant/student and tenant/lesson indexes).';

revoke execute on function classroom_private.current_tenant_id() from public, anon;
revoke execute on function classroom_private.current_user_role() from public, anon;
revoke execute on function classroom_private.published_lesson_ids() from public, anon;
revoke execute on function classroom_private.managed_lesson_ids() from public, anon;
grant execute on function classroom_private.current_tenant_id() to authenticated, service_role;
grant execute on function classroom_private.current_user_role() to authenticated, service_role;
grant execute on function classroom_private.published_lesson_ids() to authenticated, service_role;
grant execute on function classroom_private.managed_lesson_ids() to authenticated, service_role;
-- Policy helper only: service_role bypasses RLS and has no caller to answer for.
revoke execute on function classroom_private.managed_lesson_id_array() from public, anon;
grant execute on function classroom_private.managed_lesson_id_array() to authenticated;

-- ------------------------------------------------- lesson_id propagation

create function classroom_private.set_lesson_id_from_parent()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_lesson_id uuid;
begin
    -- tg_argv[0]: parent table in schema classroom, tg_argv[1]: column holding the parent id.
    -- Runs with the caller's rights: a parent the caller cannot see gives no lesson_id.
    -- A signed-in caller writes only in their own tenant (same answer as RLS would give).
    if coalesce((select auth.role()), '') in ('authenticated', 'anon')
        and new.tenant_id is distinct from (select classroom_private.current_tenant_id()) then
        raise exception 'classroom: rows can only be written in the caller''s own tenant'
            using errcode = '42501';
    end if;
    execute format('select p.lesson_id from classroom.%I p where p.tenant_id = $1 and p.id = $2', tg_argv[0])
        into v_lesson_id
        using new.tenant_id, (to_jsonb(new) ->> tg_argv[1])::uuid;
    if v_lesson_id is null then
        raise exception 'classroom: % % not found in tenant %', tg_argv[0], to_jsonb(new) ->> tg_argv[1], new.tenant_id
            using errcode = '23503';
    end if;
    new.lesson_id := v_lesson_id;
    return new;
end
$$;
comment on function classroom_private.set_lesson_id_from_parent() is
'Trigger function (before insert or update of the parent column): copies lesson_id from the parent row (tg_argv[0] = parent table, tg_argv[1] = parent id column) so clients never supply it; the composite foreign key then guarantees consistency.';

-- --------------------------------------------------- milestone timestamp

create function classroom_private.check_milestone_timestamp()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_duration integer;
begin
    select v.duration into v_duration
    from classroom.videos v
    where v.tenant_id = new.tenant_id and v.id = new.video_id;
    if v_duration is not null and new."timestamp" > v_duration then
        raise exception 'classroom: milestone timestamp % is beyond the video duration of % seconds', new."timestamp", v_duration
            using errcode = '23514';
    end if;
    return new;
end
$$;
comment on function classroom_private.check_milestone_timestamp() is
'Trigger function: a milestone''s timestamp must lie within its video (0..duration) when the duration is known. Checked when the milestone is written; shortening a video later does not re-check its milestones.';

-- ------------------------------------------------------ content version

create function classroom_private.bump_version()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_ignored constant text[] := array['version', 'updated_at', 'status', 'reviewed_by_id', 'reviewed_at',
                                       'review_notes', 'lesson_id'];
begin
    if tg_op = 'INSERT' then
        new.version := 1;
    elsif (to_jsonb(new) - v_ignored) is distinct from (to_jsonb(old) - v_ignored) then
        new.version := old.version + 1;
    else
        new.version := old.version;
    end if;
    return new;
end
$$;
comment on function classroom_private.bump_version() is
'Trigger function (content versioning of lessons and questions): version 1 on insert, +1 when content changes; status, review fields and the cascaded lesson_id do not count as content.';

-- ------------------------------------------------------- review stamps

create function classroom_private.stamp_question_review()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status then
        if new.status = 'PENDING' then
            new.reviewed_by_id := null;
            new.reviewed_at := null;
        else
            new.reviewed_by_id := (select auth.uid());
            new.reviewed_at := now();
        end if;
    end if;
    return new;
end
$$;
comment on function classroom_private.stamp_question_review() is
'Trigger function: when a question is created or changes status, records who reviewed it and when (cleared again when set back to PENDING).';

-- ----------------------------------------------------------- role guard

create function classroom_private.guard_user_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if coalesce((select auth.role()), '') in ('authenticated', 'anon')
        and (new.role, new.tenant_id, new.email, new.email_verified, new.email_verified_at, new.is_active)
            is distinct from
            (old.role, old.tenant_id, old.email, old.email_verified, old.email_verified_at, old.is_active)
        and (new.tenant_id is distinct from old.tenant_id
             or (select classroom_private.current_user_role()) is distinct from 'ADMIN') then
        raise exception 'classroom: only an admin of the tenant can change role, email, verification or active flag'
            using errcode = '42501';
    end if;
    return new;
end
$$;
comment on function classroom_private.guard_user_update() is
'Trigger function: a member may edit their own profile (names, avatar, last login) but only an ADMIN of the tenant (or the service role) may change role, email, email verification or is_active; nobody signed in may move a member to another tenant.';

-- ------------------------------------------------------ tenant defaults

create function classroom_private.create_tenant_defaults()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    insert into classroom.system_configs (tenant_id, key, value, description)
    values
        (new.id, 'video.maxFileSize', '5368709120'::jsonb, 'Largest video upload in bytes (5 GiB).'),
        (new.id, 'ai.defaultProvider', '"OPENAI"'::jsonb, 'AI provider used when none is chosen.'),
        (new.id, 'grading.passingThreshold', '70'::jsonb, 'Score (0-100) a grade needs to pass unless the question says otherwise.')
    on conflict (tenant_id, key) do nothing;
    return new;
end
$$;
comment on function classroom_private.create_tenant_defaults() is
'Trigger function: gives every new tenant the default system configs video.maxFileSize, ai.defaultProvider and grading.passingThreshold (the reference data the application needs).';

-- ------------------------------------------------------------ audit log

create function classroom_private.write_audit_log()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_old jsonb;
    v_new jsonb;
    v_row jsonb;
    v_tenant_id uuid;
    v_actor uuid;
    v_key text;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        v_old := to_jsonb(old);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        v_new := to_jsonb(new);
    end if;
    v_row := coalesce(v_new, v_old);
    v_tenant_id := (v_row ->> 'tenant_id')::uuid;
    -- The tenant itself is being deleted (cascade): nothing left to audit.
    if not exists (select 1 from classroom.tenants t where t.id = v_tenant_id) then
        return null;
    end if;
    -- Personal fields listed as trigger arguments are not copied.
    if tg_nargs > 0 then
        foreach v_key in array tg_argv loop
            v_old := v_old - v_key;
            v_new := v_new - v_key;
        end loop;
    end if;
    if tg_op = 'UPDATE' and v_old = v_new then
        return null;
    end if;
    select u.id into v_actor
    from classroom.users u
    where u.tenant_id = v_tenant_id and u.id = (select auth.uid());
    insert into classroom.audit_logs (tenant_id, table_name, record_id, action, old_data, new_data, changed_by_id)
    values (
        v_tenant_id,
        tg_table_name,
        coalesce(v_row ->> 'id', v_row ->> 'key', v_row ->> 'user_id'),
        tg_op::classroom.audit_action,
        v_old,
        v_new,
        v_actor
    );
    return null;
end
$$;
comment on function classroom_private.write_audit_log() is
'Trigger function (after insert/update/delete, per row): appends the change to classroom.audit_logs with the acting member; trigger arguments name fields not to copy (personal data). Skips rows whose tenant is being deleted and updates that change nothing audited.';

-- --------------------------------------------------------------- grading

create function classroom_private.score_answer(
    p_type classroom.question_type,
    p_correct_answer jsonb,
    p_answer jsonb,
    p_partial_credit boolean
)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
declare
    v_key text;
    v_total integer;
    v_right integer;
begin
    if jsonb_typeof(p_answer) is distinct from 'object' then
        raise exception 'classroom: an answer must be a JSON object' using errcode = '22023';
    end if;
    case p_type
    when 'MULTIPLE_CHOICE' then
        if jsonb_typeof(p_answer -> 'index') is distinct from 'number' then
            raise exception 'classroom: a MULTIPLE_CHOICE answer is {"index": n}' using errcode = '22023';
        end if;
        return case when (p_answer ->> 'index')::numeric = (p_correct_answer ->> 'index')::numeric then 100 else 0 end;
    when 'TRUE_FALSE' then
        if jsonb_typeof(p_answer -> 'value') is distinct from 'boolean' then
            raise exception 'classroom: a TRUE_FALSE answer is {"value": true|false}' using errcode = '22023';
        end if;
        return case when (p_answer -> 'value') = (p_correct_answer -> 'value') then 100 else 0 end;
    when 'SHORT_ANSWER' then
        if jsonb_typeof(p_answer -> 'text') is distinct from 'string' then
            raise exception 'classroom: a SHORT_ANSWER answer is {"text": "..."}' using errcode = '22023';
        end if;
        return case when exists (
            select 1 from jsonb_array_elements_text(p_correct_answer -> 'accepted') a
            where lower(btrim(a)) = lower(btrim(p_answer ->> 'text'))) then 100 else 0 end;
    else
        v_key := case p_type
            when 'FILL_IN_THE_BLANK' then 'blanks'
            when 'MATCHING' then 'matches'
            when 'ORDERING' then 'order'
        end;
        v_total := jsonb_array_length(p_correct_answer -> v_key);
        if jsonb_typeof(p_answer -> v_key) is distinct from 'array'
            or jsonb_array_length(p_answer -> v_key) <> v_total then
            raise exception 'classroom: a % answer is {"%": [% items]}', p_type, v_key, v_total using errcode = '22023';
        end if;
        select count(*) into v_right
        from jsonb_array_elements(p_correct_answer -> v_key) with ordinality c (value, n)
        join jsonb_array_elements(p_answer -> v_key) with ordinality a (value, n) on a.n = c.n
        where case when p_type = 'FILL_IN_THE_BLANK'
                   then lower(btrim(a.value #>> '{}')) = lower(btrim(c.value #>> '{}'))
                   else a.value = c.value end;
        if v_right = v_total then
            return 100;
        elsif not coalesce(p_partial_credit, true) then
            return 0;
        end if;
        return round(100.0 * v_right / v_total, 2);
    end case;
end
$$;
comment on function classroom_private.score_answer(classroom.question_type, jsonb, jsonb, boolean) is
'Scores an answer 0-100 against a question''s answer key. MULTIPLE_CHOICE, TRUE_FALSE and SHORT_ANSWER (trimmed, case-insensitive) are all or nothing; FILL_IN_THE_BLANK, MATCHING and ORDERING give partial credit per correct position unless partial_credit is false. Raises 22023 for an answer of the wrong shape.';
revoke execute on function classroom_private.score_answer(classroom.question_type, jsonb, jsonb, boolean) from public, anon;
grant execute on function classroom_private.score_answer(classroom.question_type, jsonb, jsonb, boolean) to service_role;

create function classroom_private.prepare_question_attempt()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_question record;
    v_used integer;
begin
    -- A signed-in caller answers only for themself, in their own tenant
    -- (checked before anything is looked up, so nothing leaks across tenants).
    if coalesce((select auth.role()), '') in ('authenticated', 'anon')
        and (new.student_id is distinct from (select auth.uid())
             or new.tenant_id is distinct from (select classroom_private.current_tenant_id())) then
        raise exception 'classroom: a student can only submit their own attempts in their own tenant'
            using errcode = '42501';
    end if;
    select q.lesson_id, q.type, q.correct_answer, q.retry_limit, q.status, q.grading_criteria,
           l.status as lesson_status
    into v_question
    from classroom.questions q
    join classroom.lessons l on l.tenant_id = q.tenant_id and l.id = q.lesson_id
    where q.tenant_id = new.tenant_id and q.id = new.question_id
    for share of q;
    if not found then
        raise exception 'classroom: question % not found', new.question_id using errcode = '23503';
    end if;
    if v_question.status <> 'APPROVED' or v_question.lesson_status <> 'PUBLISHED' then
        raise exception 'classroom: question % is not open for answers (it must be APPROVED in a PUBLISHED lesson)', new.question_id
            using errcode = '22023';
    end if;
    if new.session_id is not null and not exists (
        select 1 from classroom.student_sessions s
        where s.tenant_id = new.tenant_id and s.id = new.session_id and s.student_id = new.student_id) then
        raise exception 'classroom: session % is not a session of this student', new.session_id
            using errcode = '23503';
    end if;
    select count(*) into v_used
    from classroom.question_attempts a
    where a.tenant_id = new.tenant_id and a.student_id = new.student_id and a.question_id = new.question_id;
    if v_used >= v_question.retry_limit then
        raise exception 'classroom: retry limit reached: % of % attempts used for question %', v_used, v_question.retry_limit, new.question_id
            using errcode = '23514';
    end if;
    new.attempt_number := v_used + 1;
    new.lesson_id := v_question.lesson_id;
    new.score := classroom_private.score_answer(
        v_question.type, v_question.correct_answer, new.answer,
        (v_question.grading_criteria ->> 'partial_credit')::boolean);
    new.is_correct := new.score = 100;
    new.created_at := now();
    return new;
end
$$;
comment on function classroom_private.prepare_question_attempt() is
'Trigger function (before insert on question_attempts): checks the caller answers for themself in their tenant, from one of their own sessions, that the question is APPROVED in a PUBLISHED lesson and that its retry_limit is not used up; then numbers the attempt and grades it (score, is_correct). Client-supplied attempt_number/score/is_correct are ignored.';

create function classroom_private.record_grade()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    insert into classroom.grades as g (tenant_id, student_id, question_id, lesson_id, score, attempts_used, max_attempts)
    select new.tenant_id, new.student_id, new.question_id, new.lesson_id, new.score, new.attempt_number, q.retry_limit
    from classroom.questions q
    where q.tenant_id = new.tenant_id and q.id = new.question_id
    on conflict (tenant_id, student_id, question_id) do update
        set score = greatest(g.score, excluded.score),
            attempts_used = excluded.attempts_used,
            max_attempts = greatest(excluded.max_attempts, excluded.attempts_used),
            graded_at = now();
    return null;
end
$$;
comment on function classroom_private.record_grade() is
'Trigger function (after insert on question_attempts): creates or updates the grade of the student on the question: best score so far, attempts used, retry limit.';

create function classroom_private.set_grade_status()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_threshold numeric;
begin
    select coalesce(
        (q.grading_criteria ->> 'passing_score')::numeric,
        (select (c.value #>> '{}')::numeric from classroom.system_configs c
         where c.tenant_id = new.tenant_id and c.key = 'grading.passingThreshold'),
        70)
    into v_threshold
    from classroom.questions q
    where q.tenant_id = new.tenant_id and q.id = new.question_id;
    new.is_passed := new.score >= coalesce(v_threshold, 70);
    if tg_op = 'UPDATE'
        and (new.score, new.feedback) is distinct from (old.score, old.feedback)
        and (select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN') then
        new.graded_by_id := (select auth.uid());
        new.graded_at := now();
    end if;
    return new;
end
$$;
comment on function classroom_private.set_grade_status() is
'Trigger function (before insert/update on grades): computes is_passed from the passing threshold (question grading_criteria.passing_score, else the tenant''s grading.passingThreshold, else 70) and records the teacher who overrides a score or writes feedback.';

create function classroom_private.refresh_progress_score()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_grade record;
    v_average numeric;
begin
    if tg_op = 'DELETE' then
        v_grade := old;
    else
        v_grade := new;
    end if;
    select round(avg(g.score), 2) into v_average
    from classroom.grades g
    where g.tenant_id = v_grade.tenant_id and g.student_id = v_grade.student_id and g.lesson_id = v_grade.lesson_id;
    if tg_op = 'DELETE' then
        -- The lesson or the student may be going away too: only touch an existing row.
        update classroom.student_progress p
        set average_score = v_average
        where p.tenant_id = v_grade.tenant_id and p.student_id = v_grade.student_id and p.lesson_id = v_grade.lesson_id;
    else
        insert into classroom.student_progress as p (tenant_id, student_id, lesson_id, average_score)
        values (v_grade.tenant_id, v_grade.student_id, v_grade.lesson_id, v_average)
        on conflict (tenant_id, student_id, lesson_id) do update
            set average_score = excluded.average_score;
    end if;
    return null;
end
$$;
comment on function classroom_private.refresh_progress_score() is
'Trigger function (after insert/update/delete on grades): sets student_progress.average_score to the average grade score of the student in the lesson, creating the progress row on the first grade.';

create function classroom_private.stamp_config_author()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_by_id := (
        select u.id from classroom.users u
        where u.tenant_id = new.tenant_id and u.id = (select auth.uid()));
    return new;
end
$$;
comment on function classroom_private.stamp_config_author() is
'Trigger function: records which member of the tenant last wrote a system config (null for the service role or migrations).';

-- ------------------------------------------------------ answer key read

create function classroom_private.question_answer_key(p_question_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
    v_answer jsonb;
begin
    if p_question_id is null then
        raise exception 'classroom: question id is required' using errcode = '22004';
    end if;
    if coalesce((select auth.role()), '') <> 'service_role'
        and (select classroom_private.current_user_role()) is distinct from 'TEACHER'
        and (select classroom_private.current_user_role()) is distinct from 'ADMIN' then
        raise exception 'classroom: only teachers and admins can read answer keys' using errcode = '42501';
    end if;
    select q.correct_answer into v_answer
    from classroom.questions q
    where q.id = p_question_id
      and (coalesce((select auth.role()), '') = 'service_role'
           or q.tenant_id = (select classroom_private.current_tenant_id()));
    return v_answer;
end
$$;
comment on function classroom_private.question_answer_key(uuid) is
'Answer key (questions.correct_answer) of a question of the caller''s tenant, for TEACHER and ADMIN callers (or the service role); raises 42501 for students, null for a question of another tenant or unknown id.';
revoke execute on function classroom_private.question_answer_key(uuid) from public, anon;
grant execute on function classroom_private.question_answer_key(uuid) to authenticated, service_role;

create function classroom.question_answer_key(p_question_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
    select classroom_private.question_answer_key(p_question_id)
$$;
comment on function classroom.question_answer_key(uuid) is
'API entry point for teachers reviewing questions: the answer key of a question of their tenant (students get 42501). Security invoker; the check lives in classroom_private.question_answer_key.';
revoke execute on function classroom.question_answer_key(uuid) from public, anon;
grant execute on function classroom.question_answer_key(uuid) to authenticated, service_role;

-- ---------------------------------------------------- trigger functions'
-- execute privileges: triggers fire regardless, nobody calls them directly.

revoke execute on function classroom_private.set_updated_at() from public, anon;
revoke execute on function classroom_private.set_lesson_id_from_parent() from public, anon;
revoke execute on function classroom_private.check_milestone_timestamp() from public, anon;
revoke execute on function classroom_private.bump_version() from public, anon;
revoke execute on function classroom_private.stamp_question_review() from public, anon;
revoke execute on function classroom_private.guard_user_update() from public, anon;
revoke execute on function classroom_private.create_tenant_defaults() from public, anon;
revoke execute on function classroom_private.write_audit_log() from public, anon;
revoke execute on function classroom_private.prepare_question_attempt() from public, anon;
revoke execute on function classroom_private.record_grade() from public, anon;
revoke execute on function classroom_private.set_grade_status() from public, anon;
revoke execute on function classroom_private.refresh_progress_score() from public, anon;
revoke execute on function classroom_private.stamp_config_author() from public, anon;

-- -------------------------------------------------------------- triggers

create trigger set_updated_at
before update on classroom.tenants
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.users
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.user_preferences
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.lessons
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.video_groups
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.videos
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.milestones
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.ai_configurations
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.questions
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.student_sessions
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.student_progress
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.grades
for each row execute function classroom_private.set_updated_at();

create trigger set_updated_at
before update on classroom.system_configs
for each row execute function classroom_private.set_updated_at();

create trigger set_lesson_id
before insert or update of video_group_id on classroom.videos
for each row execute function classroom_private.set_lesson_id_from_parent('video_groups', 'video_group_id');

create trigger set_lesson_id
before insert or update of video_id on classroom.milestones
for each row execute function classroom_private.set_lesson_id_from_parent('videos', 'video_id');

create trigger check_timestamp
before insert or update of "timestamp", video_id on classroom.milestones
for each row execute function classroom_private.check_milestone_timestamp();

create trigger set_lesson_id
before insert or update of milestone_id on classroom.questions
for each row execute function classroom_private.set_lesson_id_from_parent('milestones', 'milestone_id');

create trigger bump_version
before insert or update on classroom.lessons
for each row execute function classroom_private.bump_version();

create trigger bump_version
before insert or update on classroom.questions
for each row execute function classroom_private.bump_version();

create trigger stamp_review
before insert or update of status on classroom.questions
for each row execute function classroom_private.stamp_question_review();

create trigger guard_update
before update on classroom.users
for each row execute function classroom_private.guard_user_update();

create trigger create_defaults
after insert on classroom.tenants
for each row execute function classroom_private.create_tenant_defaults();

create trigger prepare_attempt
before insert on classroom.question_attempts
for each row execute function classroom_private.prepare_question_attempt();

create trigger record_grade
after insert on classroom.question_attempts
for each row execute function classroom_private.record_grade();

create trigger set_status
before insert or update on classroom.grades
for each row execute function classroom_private.set_grade_status();

create trigger refresh_progress
after insert or delete or update of score on classroom.grades
for each row execute function classroom_private.refresh_progress_score();

create trigger stamp_author
before insert or update on classroom.system_configs
for each row execute function classroom_private.stamp_config_author();

create trigger write_audit_log
after insert or update or delete on classroom.users
for each row execute function classroom_private.write_audit_log('email', 'first_name', 'last_name', 'avatar_url', 'last_login_at', 'updated_at');

create trigger write_audit_log
after insert or update or delete on classroom.lessons
for each row execute function classroom_private.write_audit_log();

create trigger write_audit_log
after insert or update or delete on classroom.questions
for each row execute function classroom_private.write_audit_log();

create trigger write_audit_log
after insert or update or delete on classroom.ai_configurations
for each row execute function classroom_private.write_audit_log();

create trigger write_audit_log
after insert or update or delete on classroom.grades
for each row execute function classroom_private.write_audit_log();

create trigger write_audit_log
after insert or update or delete on classroom.system_configs
for each row execute function classroom_private.write_audit_log();

