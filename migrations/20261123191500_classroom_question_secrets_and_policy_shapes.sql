-- classroom: (1) a question's answer key is readable by a student only once
-- they have finished the question; (2) select policies the planner can serve
-- from indexes (RLS overhead: BENCHMARKS.md, Scale).
--
-- (1) Column privileges cannot tell a teacher from a student (both are
-- authenticated), so select on explanation, review_notes and ai_metadata is
-- revoked, like correct_answer (writes unchanged; a client selecting them gets
-- 42501). classroom.question_details(uuid[]) returns them: everything to the
-- tenant's teachers and admins, correct_answer and explanation to a student
-- who finished the question (correct, or every attempt used: earlier would
-- hand over the key for a retry). The columns stay: moving them would split a
-- question write in two and lose the CHECK on the answer key.
-- (2) managed_lesson_id_array(), one-initplan admin tests, statistics on
-- grades; the covering indexes follow in 20261123191600.

-- Fail fast instead of queueing the application behind a lock wait, and
-- bound every statement (lint rule timeout-missing; `set local` ends with
-- this file's transaction, under schema-tool migrate and the Supabase CLI).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- ------------------------------------------------------ question secrets

revoke select (explanation, review_notes, ai_metadata) on classroom.questions from authenticated;

comment on table classroom.questions is 'Questions at a milestone, usually AI-generated, with the review workflow PENDING > APPROVED/REJECTED. question_data is what students see. correct_answer, explanation, review_notes and ai_metadata are not selectable by the authenticated role (column privileges; explanation, review_notes and ai_metadata since 20261123191500): read them through classroom.question_details(uuid[]), which gives staff everything and a student the answer key and explanation of a question they have finished.';
comment on column classroom.questions.correct_answer is 'Type-specific answer key used by automatic grading. Not selectable by authenticated: classroom.question_details() (staff; a student once they have finished the question) or classroom.question_answer_key() (staff).';
comment on column classroom.questions.explanation is 'Explanation shown after answering. Not selectable by authenticated (since 20261123191500; it gives the answer away): classroom.question_details() returns it to staff, and to a student once they have finished the question.';
comment on column classroom.questions.review_notes is 'Reviewer notes, e.g. why it was rejected (may discuss the answer). Staff only: not selectable by authenticated since 20261123191500; read through classroom.question_details().';
comment on column classroom.questions.ai_metadata is 'AI generation details as a JSON object (prompt, model, confidence, source transcript span...; may contain the generated answer). Staff only: not selectable by authenticated since 20261123191500; read through classroom.question_details().';

create function classroom_private.question_details(p_question_ids uuid[])
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
    if coalesce((select auth.role()), '') = 'service_role' then
        -- Every tenant (through the (tenant_id, id) primary key).
        return query
        select q.id, q.correct_answer, q.explanation, q.review_notes, q.ai_metadata
        from classroom.tenants t
        join classroom.questions q on q.tenant_id = t.id and q.id = any (p_question_ids);
        return;
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
'The question fields the authenticated role cannot select (correct_answer, explanation, review_notes, ai_metadata) for the given question ids (at most 1000; null raises 22004), answering only for the signed-in caller: TEACHER/ADMIN get every field of the questions of their tenant; a STUDENT gets correct_answer and explanation (review_notes and ai_metadata null) of the questions they have finished: an attempt with is_correct, or as many attempts as the question''s retry_limit (so a raised limit hides the key again while attempts remain); anon, non-members and other tenants'' questions: no row. The service role gets every tenant''s questions.';
revoke execute on function classroom_private.question_details(uuid[]) from public, anon;
grant execute on function classroom_private.question_details(uuid[]) to authenticated, service_role;

create function classroom.question_details(p_question_ids uuid[])
returns table (
    question_id uuid,
    correct_answer jsonb,
    explanation text,
    review_notes text,
    ai_metadata jsonb
)
language sql
stable
security invoker
set search_path = ''
as $$
    select d.question_id, d.correct_answer, d.explanation, d.review_notes, d.ai_metadata
    from classroom_private.question_details(p_question_ids) as d
$$;
comment on function classroom.question_details(uuid[]) is
'API entry point (rpc/question_details) for the question fields hidden from the table: answer key, explanation, review notes, AI metadata. Teachers and admins get them for any question of their tenant (review workflow); a student gets the answer key and explanation of a question once they have finished it (answered correctly or used every attempt), e.g. to show the explanation after the last attempt. Questions the caller may not see give no row. Security invoker; the checks live in classroom_private.question_details.';
revoke execute on function classroom.question_details(uuid[]) from public, anon;
grant execute on function classroom.question_details(uuid[]) to authenticated, service_role;

-- ------------------------------------------------------- policy shapes
-- Measured at benchmark scale (50 tenants, 1M events, 200k AI usage logs,
-- 1M grades; BENCHMARKS.md), authenticated vs service_role for the same rows.

-- managed_lesson_id_array(): every P4 policy (progress, attempts, grades) asks
-- it once per statement; for a student (most callers) it scanned the
-- tenant's lessons to return an empty array. Same signature, same answer:
-- the lessons are looked up only for a TEACHER or an ADMIN (CASE evaluates
-- the subquery lazily).
create or replace function classroom_private.managed_lesson_id_array()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
    select case
        when (select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN')
            then (select coalesce(array_agg(m.id), '{}') from classroom_private.managed_lesson_ids() as m (id))
        else '{}'::uuid[]
    end
$$;
comment on function classroom_private.managed_lesson_id_array() is
'managed_lesson_ids() as an array (empty, never null, for a STUDENT, a non-member or anon, without reading lessons): every lesson of the tenant for an ADMIN, the lessons they created for a TEACHER. Takes no argument and only ever answers for the signed-in caller. For the "own rows or lessons I manage" select policies as lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[]): unlike lesson_id in (select managed_lesson_ids()), a hashed subplan that no index serves when OR-ed with student_id = auth.uid(), both arms are index conditions (BitmapOr of the tenant/student and tenant/lesson indexes).';

-- analytics_events: "own events, lessons I manage, or I am an admin".
-- * lesson_id in (select managed_lesson_ids()) was a hashed subplan: now the
--   array form of the other P4 policies.
-- * The admin test is one boolean initplan, (select current_user_role() =
--   'ADMIN'), instead of (select current_user_role()) = 'ADMIN': the planner
--   then estimates the arm at 0.5 instead of 0.005, so it expects the
--   tenant's rows rather than a handful (hash aggregates, no nested loops).
-- * Every column the policy reads (tenant_id, user_id, lesson_id) is in the
--   covering index idx_analytics_events_tenant_id_created_at (migration
--   20261123191600), so an admin's time-window dashboard is an index-only
--   scan: the OR is a filter on index tuples, not a heap visit per event.
alter policy "analytics_events: owner, admins, lesson managers can select"
on classroom.analytics_events
using (
    tenant_id = (select classroom_private.current_tenant_id())
    and (
        (select classroom_private.current_user_role() = 'ADMIN')
        or user_id = (select auth.uid())
        or lesson_id = any((select classroom_private.managed_lesson_id_array())::uuid[])
    )
);

-- ai_usage_logs: "admins or the requester". Same boolean admin initplan; the
-- covering index idx_ai_usage_logs_tenant_id_created_at (20261123191600) now
-- includes user_id, so the admin's cost report is an index-only scan.
alter policy "ai_usage_logs: admins or requester can select"
on classroom.ai_usage_logs
using (
    tenant_id = (select classroom_private.current_tenant_id())
    and (
        (select classroom_private.current_user_role() = 'ADMIN')
        or user_id = (select auth.uid())
    )
);

-- grades: the select policy already has two indexable arms (P4), but RLS
-- adds tenant_id = <caller's tenant> to every query, and the planner
-- multiplied its selectivity (1/50) with the lesson's: a lesson's grades
-- looked 50 times fewer than they are, so "my grades in this lesson" read
-- the whole lesson (every student's grades) through (tenant_id, lesson_id)
-- and filtered by student. Functional-dependency statistics (a lesson and a
-- student each belong to one tenant) fix the estimate: the plan becomes the
-- BitmapOr whose own-rows arm is (tenant_id, lesson_id, student_id).
create statistics classroom.grades_tenant_id_lesson_id_student_id_stats (dependencies)
on tenant_id, lesson_id, student_id
from classroom.grades;
comment on statistics classroom.grades_tenant_id_lesson_id_student_id_stats is
'Functional dependencies lesson_id -> tenant_id and student_id -> tenant_id, so the tenant_id = <caller''s tenant> qual that RLS adds does not make the planner underestimate a lesson''s or a student''s grades (and pick a scan of the whole lesson for one student''s rows).';
-- Fills the new statistics now instead of at the next autoanalyze (samples
-- 30,000 rows; does not block reads or writes).
analyze classroom.grades;
