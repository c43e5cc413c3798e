-- classroom: who the caller is comes from current_user, not from the JWT
-- (issue 15): auth.role() reads a setting any session can change. As in the
-- simulation module, the API roles are anon and authenticated and the service
-- role is service_role. A SECURITY DEFINER function sees its owner as
-- current_user, so role decisions move into security invoker code: the
-- attempt check becomes its own invoker trigger (check_caller), and the
-- service-role branches of question_answer_key / question_details move into
-- their invoker API functions.

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create or replace function classroom_private.guard_user_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if current_user in ('authenticated', 'anon')
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
'Trigger function: a member may edit their own profile (names, avatar, last login) but only an ADMIN of the tenant (or the service role) may change role, email, email verification or is_active; nobody signed in may move a member to another tenant. The caller is current_user (anon/authenticated are checked), never a JWT claim.';

create or replace function classroom_private.set_lesson_id_from_parent()
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
    if current_user in ('authenticated', 'anon')
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

-- -------------------------------------------------------- question attempts

create function classroom_private.check_attempt_caller()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if current_user in ('authenticated', 'anon')
        and (new.student_id is distinct from (select auth.uid())
             or new.tenant_id is distinct from (select classroom_private.current_tenant_id())) then
        raise exception 'classroom: a student can only submit their own attempts in their own tenant'
            using errcode = '42501';
    end if;
    return new;
end
$$;
comment on function classroom_private.check_attempt_caller() is
'Trigger function (before insert on question_attempts, named check_caller so it fires before prepare_attempt): an API caller (current_user anon/authenticated) answers only for themself in their own tenant, checked before anything is looked up, so another tenant''s question ids give no distinct error.';
revoke execute on function classroom_private.check_attempt_caller() from public, anon;

create trigger check_caller
before insert on classroom.question_attempts
for each row execute function classroom_private.check_attempt_caller();

create or replace function classroom_private.prepare_question_attempt()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_question record;
    v_used integer;
begin
    -- The caller was checked by the trigger check_caller (fires first).
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
'Trigger function (before insert on question_attempts, after check_caller has checked an API caller answers for themself in their tenant): checks the session is one of the student''s, that the question is APPROVED in a PUBLISHED lesson and that its retry_limit is not used up; then numbers the attempt and grades it (score, is_correct, created_at = now()). Client-supplied attempt_number/score/is_correct/created_at are ignored.';

-- ----------------------------------------------------------- answer keys

create or replace function classroom_private.question_answer_key(p_question_id uuid)
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
    if (select classroom_private.current_user_role()) is distinct from 'TEACHER'
        and (select classroom_private.current_user_role()) is distinct from 'ADMIN' then
        raise exception 'classroom: only teachers and admins can read answer keys' using errcode = '42501';
    end if;
    select q.correct_answer into v_answer
    from classroom.questions q
    where q.tenant_id = (select classroom_private.current_tenant_id())
      and q.id = p_question_id;
    return v_answer;
end
$$;
comment on function classroom_private.question_answer_key(uuid) is
'Answer key (questions.correct_answer) of a question of the caller''s tenant, for TEACHER and ADMIN members; raises 42501 for anyone else, null for a question of another tenant or unknown id. The service role is served by classroom.question_answer_key itself.';

create or replace function classroom.question_answer_key(p_question_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
    if current_user = 'service_role' then
        if p_question_id is null then
            raise exception 'classroom: question id is required' using errcode = '22004';
        end if;
        -- Every tenant, through the (tenant_id, id) primary key.
        return (
            select q.correct_answer
            from classroom.tenants as t
            join classroom.questions as q on q.tenant_id = t.id and q.id = p_question_id
        );
    end if;
    return classroom_private.question_answer_key(p_question_id);
end
$$;
comment on function classroom.question_answer_key(uuid) is
'API entry point for teachers reviewing questions: the answer key of a question of their tenant (students get 42501). Security invoker: the service role (current_user service_role) reads any tenant''s key with its own privileges; members go through classroom_private.question_answer_key, which checks them.';

create or replace function classroom_private.question_details(p_question_ids uuid[])
returns table (
    question_id uuid,
    correct_answer jsonb,
    explanation text,
    review_notes text,
    ai_metadata jsonb
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
    v_tenant_id uuid;
    v_role classroom.user_role;
    v_uid uuid;
begin
    if p_question_ids is null then
        raise exception 'classroom: question ids are required' using errcode = '22004';
    end if;
    if cardinality(p_question_ids) > 1000 then
        raise exception 'classroom: at most 1000 question ids per call' using errcode = '22023';
    end if;
    v_tenant_id := (select classroom_private.current_tenant_id());
    v_role := (select classroom_private.current_user_role());
    v_uid := (select auth.uid());
    if v_tenant_id is null or v_uid is null then
        -- anon, not a member, inactive member or suspended tenant: nothing.
        return;
    end if;
    if v_role in ('TEACHER', 'ADMIN') then
        return query
        select q.id, q.correct_answer, q.explanation, q.review_notes, q.ai_metadata
        from classroom.questions q
        where q.tenant_id = v_tenant_id and q.id = any (p_question_ids);
        return;
    end if;
    -- A student: the answer key and explanation of the questions they have
    -- finished (answered correctly, or used every allowed attempt).
    return query
    select q.id, q.correct_answer, q.explanation, null::text, null::jsonb
    from classroom.questions q
    cross join lateral (
        select
            count(*) as used,
            coalesce(bool_or(a.is_correct), false) as solved
        from classroom.question_attempts a
        where a.tenant_id = q.tenant_id and a.student_id = v_uid and a.question_id = q.id
    ) s
    where q.tenant_id = v_tenant_id
      and q.id = any (p_question_ids)
      and s.used > 0
      and (s.solved or s.used >= q.retry_limit);
end
$$;
comment on function classroom_private.question_details(uuid[]) is
'The question fields the authenticated role cannot select (correct_answer, explanation, review_notes, ai_metadata) for the given question ids (at most 1000; null raises 22004), answering only for the signed-in member: TEACHER/ADMIN get every field of the questions of their tenant; a STUDENT gets correct_answer and explanation (review_notes and ai_metadata null) of the questions they have finished: an attempt with is_correct, or as many attempts as the question''s retry_limit (so a raised limit hides the key again while attempts remain); anon, non-members and other tenants'' questions: no row. The service role is served by classroom.question_details itself.';

create or replace function classroom.question_details(p_question_ids uuid[])
returns table (
    question_id uuid,
    correct_answer jsonb,
    explanation text,
    review_notes text,
    ai_metadata jsonb
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
    if current_user = 'service_role' then
        if p_question_ids is null then
            raise exception 'classroom: question ids are required' using errcode = '22004';
        end if;
        if cardinality(p_question_ids) > 1000 then
            raise exception 'classroom: at most 1000 question ids per call' using errcode = '22023';
        end if;
        -- Every tenant (through the (tenant_id, id) primary key).
        return query
        select q.id, q.correct_answer, q.explanation, q.review_notes, q.ai_metadata
        from classroom.tenants t
        join classroom.questions q on q.tenant_id = t.id and q.id = any (p_question_ids);
        return;
    end if;
    return query
    select d.question_id, d.correct_answer, d.explanation, d.review_notes, d.ai_metadata
    from classroom_private.question_details(p_question_ids) as d;
end
$$;
comment on function classroom.question_details(uuid[]) is
'API entry point (rpc/question_details) for the question fields hidden from the table: answer key, explanation, review notes, AI metadata. Teachers and admins get them for any question of their tenant (review workflow); a student gets the answer key and explanation of a question once they have finished it (answered correctly or used every attempt), e.g. to show the explanation after the last attempt. Questions the caller may not see give no row. Security invoker: the service role (current_user service_role) reads every tenant''s questions with its own privileges; members go through classroom_private.question_details, which checks them.';
