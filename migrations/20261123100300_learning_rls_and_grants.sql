-- learning: row level security and grants for every table but profiles
-- (whose policies ship with the table in the first migration).
-- Rules from the seed: users reach only their own rows; published courses,
-- lessons and assessments are readable by everyone (anon included); authors
-- manage their own courses and those courses' lessons and assessments, and
-- alone see them unpublished; achievements and notifications are created by
-- the system; a user may only mark their own notifications read.
-- service_role bypasses RLS and gets every privilege.

alter table learning.courses enable row level security;
grant all on learning.courses to service_role;
alter table learning.lessons enable row level security;
grant all on learning.lessons to service_role;
alter table learning.course_enrollments enable row level security;
grant all on learning.course_enrollments to service_role;
alter table learning.assessments enable row level security;
grant all on learning.assessments to service_role;
alter table learning.assessment_attempts enable row level security;
grant all on learning.assessment_attempts to service_role;
alter table learning.user_progress enable row level security;
grant all on learning.user_progress to service_role;
alter table learning.learning_analytics enable row level security;
grant all on learning.learning_analytics to service_role;
alter table learning.chat_history enable row level security;
grant all on learning.chat_history to service_role;
alter table learning.ai_interactions enable row level security;
grant all on learning.ai_interactions to service_role;
alter table learning.achievements enable row level security;
grant all on learning.achievements to service_role;
alter table learning.user_streaks enable row level security;
grant all on learning.user_streaks to service_role;
alter table learning.notifications enable row level security;
grant all on learning.notifications to service_role;
alter table learning.user_feedback enable row level security;
grant all on learning.user_feedback to service_role;

-- courses -------------------------------------------------------------------------

create policy "courses: anon can read published"
on learning.courses
for select
to anon
using (is_published);

create policy "courses: read published or own"
on learning.courses
for select
to authenticated
using (is_published or created_by = (select auth.uid()));

create policy "courses: author can insert"
on learning.courses
for insert
to authenticated
with check (created_by = (select auth.uid()));

create policy "courses: author can update"
on learning.courses
for update
to authenticated
using (created_by = (select auth.uid()))
with check (created_by = (select auth.uid()));

create policy "courses: author can delete"
on learning.courses
for delete
to authenticated
using (created_by = (select auth.uid()));

grant select on learning.courses to anon;
grant select, insert, update, delete on learning.courses to authenticated;

-- lessons: public when the lesson and its course are published ---------------------

create policy "lessons: anon can read published"
on learning.lessons
for select
to anon
using (
    is_published
    and exists (
        select 1
        from learning.courses as c
        where c.id = lessons.course_id
            and c.is_published
    )
);

create policy "lessons: read published or authored"
on learning.lessons
for select
to authenticated
using (
    exists (
        select 1
        from learning.courses as c
        where c.id = lessons.course_id
            and (
                (lessons.is_published and c.is_published)
                or c.created_by = (select auth.uid())
            )
    )
);

create policy "lessons: author can insert"
on learning.lessons
for insert
to authenticated
with check (
    exists (
        select 1
        from learning.courses as c
        where c.id = lessons.course_id
            and c.created_by = (select auth.uid())
    )
);

create policy "lessons: author can update"
on learning.lessons
for update
to authenticated
using (
    exists (
        select 1
        from learning.courses as c
        where c.id = lessons.course_id
            and c.created_by = (select auth.uid())
    )
)
with check (
    exists (
        select 1
        from learning.courses as c
        where c.id = lessons.course_id
            and c.created_by = (select auth.uid())
    )
);

create policy "lessons: author can delete"
on learning.lessons
for delete
to authenticated
using (
    exists (
        select 1
        from learning.courses as c
        where c.id = lessons.course_id
            and c.created_by = (select auth.uid())
    )
);

grant select on learning.lessons to anon;
grant select, insert, update, delete on learning.lessons to authenticated;

-- assessments: public when published and their course/lesson (if any) is too;
-- course assessments are managed by the course author, standalone ones by
-- service_role only ------------------------------------------------------------------

create policy "assessments: anon can read published"
on learning.assessments
for select
to anon
using (
    is_published
    and (
        course_id is null
        or exists (
            select 1
            from learning.courses as c
            where c.id = assessments.course_id
                and c.is_published
        )
    )
    and (
        lesson_id is null
        or exists (
            select 1
            from learning.lessons as l
            where l.id = assessments.lesson_id
                and l.is_published
        )
    )
);

create policy "assessments: read published or authored"
on learning.assessments
for select
to authenticated
using (
    (
        is_published
        and (
            course_id is null
            or exists (
                select 1
                from learning.courses as c
                where c.id = assessments.course_id
                    and c.is_published
            )
        )
        and (
            lesson_id is null
            or exists (
                select 1
                from learning.lessons as l
                where l.id = assessments.lesson_id
                    and l.is_published
            )
        )
    )
    or exists (
        select 1
        from learning.courses as c
        where c.id = assessments.course_id
            and c.created_by = (select auth.uid())
    )
);

create policy "assessments: author can insert"
on learning.assessments
for insert
to authenticated
with check (
    exists (
        select 1
        from learning.courses as c
        where c.id = assessments.course_id
            and c.created_by = (select auth.uid())
    )
);

create policy "assessments: author can update"
on learning.assessments
for update
to authenticated
using (
    exists (
        select 1
        from learning.courses as c
        where c.id = assessments.course_id
            and c.created_by = (select auth.uid())
    )
)
with check (
    exists (
        select 1
        from learning.courses as c
        where c.id = assessments.course_id
            and c.created_by = (select auth.uid())
    )
);

create policy "assessments: author can delete"
on learning.assessments
for delete
to authenticated
using (
    exists (
        select 1
        from learning.courses as c
        where c.id = assessments.course_id
            and c.created_by = (select auth.uid())
    )
);

grant select on learning.assessments to anon;
grant select, insert, update, delete on learning.assessments to authenticated;

-- course_enrollments: own rows, only in courses the user can see ------------------

create policy "course_enrollments: owner can select"
on learning.course_enrollments
for select
to authenticated
using (user_id = (select auth.uid()));

create policy "course_enrollments: owner can enroll in visible courses"
on learning.course_enrollments
for insert
to authenticated
with check (
    user_id = (select auth.uid())
    and exists (
        select 1
        from learning.courses as c
        where c.id = course_enrollments.course_id
            and (c.is_published or c.created_by = (select auth.uid()))
    )
);

create policy "course_enrollments: owner can update"
on learning.course_enrollments
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));
create policy "course_enrollments: owner can delete"
on learning.course_enrollments
for delete
to authenticated
using (user_id = (select auth.uid()));

-- progress_percentage, completed_at and enrollment_date are the system's.
grant select, delete on learning.course_enrollments to authenticated;
grant insert (user_id, course_id, status, last_accessed) on learning.course_enrollments to authenticated;
grant update (status, last_accessed) on learning.course_enrollments to authenticated;

-- assessment_attempts: own rows, only on assessments the user can see; the
-- grader (service_role) writes score and execution_result; attempts are kept --------

create policy "assessment_attempts: owner can select"
on learning.assessment_attempts
for select
to authenticated
using (user_id = (select auth.uid()));

create policy "assessment_attempts: owner can attempt visible assessments"
on learning.assessment_attempts
for insert
to authenticated
with check (
    user_id = (select auth.uid())
    and exists (
        select 1
        from learning.assessments as a
        where a.id = assessment_attempts.assessment_id
    )
);

create policy "assessment_attempts: owner can update"
on learning.assessment_attempts
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));

grant select on learning.assessment_attempts to authenticated;
grant insert (user_id, assessment_id, status, submitted_code, time_spent) on learning.assessment_attempts to authenticated;
grant update (status, submitted_code, time_spent) on learning.assessment_attempts to authenticated;

-- user_progress: own rows, only for lessons the user can see ------------------------

create policy "user_progress: owner can select"
on learning.user_progress
for select
to authenticated
using (user_id = (select auth.uid()));

create policy "user_progress: owner can track visible lessons"
on learning.user_progress
for insert
to authenticated
with check (
    user_id = (select auth.uid())
    and exists (
        select 1
        from learning.lessons as l
        where l.id = user_progress.lesson_id
    )
);

create policy "user_progress: owner can update"
on learning.user_progress
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));
create policy "user_progress: owner can delete"
on learning.user_progress
for delete
to authenticated
using (user_id = (select auth.uid()));

grant select, delete on learning.user_progress to authenticated;
grant insert (user_id, lesson_id, course_id, completed, time_spent, last_position) on learning.user_progress to authenticated;
grant update (completed, time_spent, last_position) on learning.user_progress to authenticated;

-- learning_analytics: own rows, append-only ----------------------------------------

create policy "learning_analytics: owner can select"
on learning.learning_analytics
for select
to authenticated
using (user_id = (select auth.uid()));
create policy "learning_analytics: owner can insert"
on learning.learning_analytics
for insert
to authenticated
with check (user_id = (select auth.uid()));

grant select on learning.learning_analytics to authenticated;
grant insert (user_id, course_id, session_duration, lessons_completed, assessments_completed, total_score, session_date)
    on learning.learning_analytics to authenticated;

-- chat_history: own rows; read, add, delete -----------------------------------------

create policy "chat_history: owner can select"
on learning.chat_history
for select
to authenticated
using (user_id = (select auth.uid()));
create policy "chat_history: owner can insert"
on learning.chat_history
for insert
to authenticated
with check (user_id = (select auth.uid()));
create policy "chat_history: owner can delete"
on learning.chat_history
for delete
to authenticated
using (user_id = (select auth.uid()));

grant select, delete on learning.chat_history to authenticated;
grant insert (user_id, course_id, lesson_id, assessment_id, context, question, answer, message_type)
    on learning.chat_history to authenticated;

-- ai_interactions: written by the backend, read by their user ----------------------

create policy "ai_interactions: owner can select"
on learning.ai_interactions
for select
to authenticated
using (user_id = (select auth.uid()));

grant select on learning.ai_interactions to authenticated;

-- achievements: created by the system, read by their user --------------------------

create policy "achievements: owner can select"
on learning.achievements
for select
to authenticated
using (user_id = (select auth.uid()));

grant select on learning.achievements to authenticated;

-- user_streaks: maintained by the system; the user picks daily/weekly ---------------

create policy "user_streaks: owner can select"
on learning.user_streaks
for select
to authenticated
using (user_id = (select auth.uid()));
create policy "user_streaks: owner can update"
on learning.user_streaks
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));

grant select on learning.user_streaks to authenticated;
grant update (streak_type) on learning.user_streaks to authenticated;

-- notifications: created by the system; the user may only flip is_read -------------

create policy "notifications: owner can select"
on learning.notifications
for select
to authenticated
using (user_id = (select auth.uid()));
create policy "notifications: owner can update"
on learning.notifications
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));

grant select on learning.notifications to authenticated;
grant update (is_read) on learning.notifications to authenticated;

-- user_feedback: own rows ------------------------------------------------------------

create policy "user_feedback: owner can select"
on learning.user_feedback
for select
to authenticated
using (user_id = (select auth.uid()));
create policy "user_feedback: owner can insert"
on learning.user_feedback
for insert
to authenticated
with check (user_id = (select auth.uid()));
create policy "user_feedback: owner can update"
on learning.user_feedback
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));
create policy "user_feedback: owner can delete"
on learning.user_feedback
for delete
to authenticated
using (user_id = (select auth.uid()));

grant select, delete on learning.user_feedback to authenticated;
grant insert (user_id, course_id, lesson_id, assessment_id, rating, feedback_text, feedback_type)
    on learning.user_feedback to authenticated;
grant update (course_id, lesson_id, assessment_id, rating, feedback_text, feedback_type)
    on learning.user_feedback to authenticated;
