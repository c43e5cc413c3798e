-- proposed (learning): newest-first lists of one user.
-- 1. my courses ordered by last access: an index in that order
create index idx_course_enrollments_user_id_last_accessed
    on learning.course_enrollments (user_id, last_accessed desc nulls last);
-- 2. RLS-only lists ("order by created_at desc limit n", filter left to the
--    policy): the planner cannot see the value of (select auth.uid()) and
--    estimates rows = table / n_distinct(user_id) (~5), so it picks a bitmap
--    scan of ALL the user's rows + top-N sort: fine for most users, 16-40 ms
--    for a heavy one. A lower n_distinct makes the ordered index scan with
--    LIMIT the cheaper plan for every user (it only skews the estimate of an
--    unknown user id, which is what these statistics are used for here).
alter table learning.notifications alter column user_id set (n_distinct = 100);
alter table learning.chat_history alter column user_id set (n_distinct = 100);
analyze learning.notifications;
analyze learning.chat_history;
