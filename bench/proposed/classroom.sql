-- proposed (classroom): the "own rows or lessons I manage" policies as two
-- indexable arms. "lesson_id in (select managed_lesson_ids())" is a hashed
-- subplan: OR-ed with student_id = auth.uid() no index serves the qual, so a
-- student's list reads every row of the tenant. With the managed lessons as an
-- array, both arms are index conditions and the planner can BitmapOr
-- (tenant_id, student_id, ...) with (tenant_id, lesson_id): a student's array
-- is empty, a teacher's holds their lessons.
create function classroom_private.managed_lesson_id_array()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
    select coalesce(array_agg(m.id), '{}') from classroom_private.managed_lesson_ids() as m (id)
$$;
comment on function classroom_private.managed_lesson_id_array() is
'managed_lesson_ids() as an array, for policies: lesson_id = any ((select classroom_private.managed_lesson_id_array())).';
revoke execute on function classroom_private.managed_lesson_id_array() from public, anon;
grant execute on function classroom_private.managed_lesson_id_array() to authenticated, service_role;

alter policy "student_progress: owner or lesson manager can select" on classroom.student_progress
    using (tenant_id = (select classroom_private.current_tenant_id())
           and (student_id = (select auth.uid())
                or lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[])));
alter policy "question_attempts: owner or lesson manager can select" on classroom.question_attempts
    using (tenant_id = (select classroom_private.current_tenant_id())
           and (student_id = (select auth.uid())
                or lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[])));
alter policy "grades: owner or lesson manager can select" on classroom.grades
    using (tenant_id = (select classroom_private.current_tenant_id())
           and (student_id = (select auth.uid())
                or lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[])));
-- (An extra (tenant_id, student_id, created_at desc) index on question_attempts
-- was tried and left out: "my latest attempts" is 2.2 ms for the heaviest
-- student without it, and the attempt trigger's count of used attempts picked
-- it over the unique key, making every submit of that student 1.2 -> 6.5 ms.)
