-- classroom: row level security and grants.
-- Every policy starts with the tenant check against the caller's membership
-- row, so no role of one tenant reaches a row of another. Within a tenant:
-- students see published content, approved questions and only their own
-- sessions, progress, attempts and grades; teachers manage their lessons
-- and questions and see their students' results; admins manage the tenant.
-- anon gets nothing; service_role (server) gets everything and bypasses RLS.

alter table classroom.tenants enable row level security;
alter table classroom.users enable row level security;
alter table classroom.user_preferences enable row level security;
alter table classroom.lessons enable row level security;
alter table classroom.video_groups enable row level security;
alter table classroom.videos enable row level security;
alter table classroom.milestones enable row level security;
alter table classroom.ai_configurations enable row level security;
alter table classroom.questions enable row level security;
alter table classroom.ai_usage_logs enable row level security;
alter table classroom.student_sessions enable row level security;
alter table classroom.student_progress enable row level security;
alter table classroom.question_attempts enable row level security;
alter table classroom.grades enable row level security;
alter table classroom.analytics_events enable row level security;
alter table classroom.audit_logs enable row level security;
alter table classroom.system_configs enable row level security;

grant usage on schema classroom to anon, authenticated, service_role;
grant all on all tables in schema classroom to service_role;

-- ------------------------------------------------------------- tenants

create policy "tenants: members can select their tenant"
on classroom.tenants
for select
to authenticated
using (id = (select classroom_private.current_tenant_id()));

create policy "tenants: admins can update their tenant"
on classroom.tenants
for update
to authenticated
using (id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN')
with check (id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

grant select on classroom.tenants to authenticated;
grant update (name, settings) on classroom.tenants to authenticated;

-- --------------------------------------------------------------- users

create policy "users: members see self and staff, staff see all"
on classroom.users
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (id = (select auth.uid()) or role in ('TEACHER', 'ADMIN') or (select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN')));

create policy "users: admins can insert members"
on classroom.users
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

create policy "users: members can update self, admins any member"
on classroom.users
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (id = (select auth.uid()) or (select classroom_private.current_user_role()) = 'ADMIN'))
with check (tenant_id = (select classroom_private.current_tenant_id()) and (id = (select auth.uid()) or (select classroom_private.current_user_role()) = 'ADMIN'));

create policy "users: admins can delete other members"
on classroom.users
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN' and id <> (select auth.uid()));

grant select, insert, delete on classroom.users to authenticated;
grant update (email, first_name, last_name, role, email_verified, email_verified_at, avatar_url, is_active, last_login_at)
    on classroom.users to authenticated;

-- ---------------------------------------------------- user_preferences

create policy "user_preferences: members can select their own"
on classroom.user_preferences
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and user_id = (select auth.uid()));

create policy "user_preferences: members can insert their own"
on classroom.user_preferences
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and user_id = (select auth.uid()));

create policy "user_preferences: members can update their own"
on classroom.user_preferences
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and user_id = (select auth.uid()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and user_id = (select auth.uid()));

create policy "user_preferences: members can delete their own"
on classroom.user_preferences
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and user_id = (select auth.uid()));

grant select, insert, update, delete on classroom.user_preferences to authenticated;

-- ------------------------------------------------------------- lessons

create policy "lessons: staff or published can select"
on classroom.lessons
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN') or status = 'PUBLISHED'));

create policy "lessons: teachers can insert their own, admins any"
on classroom.lessons
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) = 'ADMIN' or ((select classroom_private.current_user_role()) = 'TEACHER' and created_by_id = (select auth.uid()))));

create policy "lessons: teachers can update their own, admins any"
on classroom.lessons
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) = 'ADMIN' or ((select classroom_private.current_user_role()) = 'TEACHER' and created_by_id = (select auth.uid()))))
with check (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) = 'ADMIN' or ((select classroom_private.current_user_role()) = 'TEACHER' and created_by_id = (select auth.uid()))));

create policy "lessons: teachers can delete their own, admins any"
on classroom.lessons
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) = 'ADMIN' or ((select classroom_private.current_user_role()) = 'TEACHER' and created_by_id = (select auth.uid()))));

grant select, insert, update, delete on classroom.lessons to authenticated;

-- ----------------------------------- lesson content: groups, videos, milestones

create policy "video_groups: staff or published lesson can select"
on classroom.video_groups
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN') or lesson_id in (select classroom_private.published_lesson_ids())));

create policy "video_groups: lesson managers can insert"
on classroom.video_groups
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "video_groups: lesson managers can update"
on classroom.video_groups
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "video_groups: lesson managers can delete"
on classroom.video_groups
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

grant select, insert, update, delete on classroom.video_groups to authenticated;

create policy "videos: staff or published lesson can select"
on classroom.videos
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN') or lesson_id in (select classroom_private.published_lesson_ids())));

create policy "videos: lesson managers can insert"
on classroom.videos
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "videos: lesson managers can update"
on classroom.videos
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "videos: lesson managers can delete"
on classroom.videos
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

grant select, insert, update, delete on classroom.videos to authenticated;

create policy "milestones: staff or published lesson can select"
on classroom.milestones
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN') or lesson_id in (select classroom_private.published_lesson_ids())));

create policy "milestones: lesson managers can insert"
on classroom.milestones
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "milestones: lesson managers can update"
on classroom.milestones
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "milestones: lesson managers can delete"
on classroom.milestones
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

grant select, insert, update, delete on classroom.milestones to authenticated;

-- ----------------------------------------------------------- questions

create policy "questions: staff or approved and published can select"
on classroom.questions
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN') or (status = 'APPROVED' and lesson_id in (select classroom_private.published_lesson_ids()))));

create policy "questions: lesson managers can insert"
on classroom.questions
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "questions: lesson managers can update and review"
on classroom.questions
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

create policy "questions: lesson managers can delete"
on classroom.questions
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

-- correct_answer (the answer key) is deliberately not readable by authenticated:
-- staff read it through classroom.question_answer_key().
grant select (tenant_id, id, lesson_id, milestone_id, type, question_text, question_data, explanation, points,
              retry_limit, grading_criteria, status, is_ai_generated, ai_metadata, ai_configuration_id,
              created_by_id, reviewed_by_id, reviewed_at, review_notes, position, created_at, updated_at)
    on classroom.questions to authenticated;
grant insert (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer, explanation, points,
              retry_limit, grading_criteria, status, is_ai_generated, ai_metadata, ai_configuration_id,
              created_by_id, review_notes, position)
    on classroom.questions to authenticated;
grant update (milestone_id, type, question_text, question_data, correct_answer, explanation, points,
              retry_limit, grading_criteria, status, is_ai_generated, ai_metadata, ai_configuration_id,
              review_notes, position)
    on classroom.questions to authenticated;
grant delete on classroom.questions to authenticated;

-- --------------------------------------------------- ai_configurations

create policy "ai_configurations: staff can select"
on classroom.ai_configurations
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) in ('TEACHER', 'ADMIN'));

create policy "ai_configurations: admins can insert"
on classroom.ai_configurations
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

create policy "ai_configurations: admins can update"
on classroom.ai_configurations
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN')
with check (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

create policy "ai_configurations: admins can delete"
on classroom.ai_configurations
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

grant select, insert, update, delete on classroom.ai_configurations to authenticated;

-- ------------------------------------------------------- ai_usage_logs
-- Written by the server (service_role) only.

create policy "ai_usage_logs: admins or requester can select"
on classroom.ai_usage_logs
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and ((select classroom_private.current_user_role()) = 'ADMIN' or user_id = (select auth.uid())));

grant select on classroom.ai_usage_logs to authenticated;

-- ---------------------------------------------------- student_sessions

create policy "student_sessions: members can select their own, admins all"
on classroom.student_sessions
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (student_id = (select auth.uid()) or (select classroom_private.current_user_role()) = 'ADMIN'));

create policy "student_sessions: members can insert their own"
on classroom.student_sessions
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()));

create policy "student_sessions: members can update their own"
on classroom.student_sessions
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()));

create policy "student_sessions: members can delete their own"
on classroom.student_sessions
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()));

grant select, insert, update, delete on classroom.student_sessions to authenticated;

-- ---------------------------------------------------- student_progress
-- student_progress, question_attempts, grades: a member reads their own rows,
-- a lesson manager (teacher: their lessons; admin: every lesson of the tenant)
-- the rows of the lessons they manage. The managed lessons come as an array
-- (managed_lesson_id_array, empty for a student), so both arms of the OR are
-- index conditions: (tenant_id, student_id, ...) and (tenant_id, lesson_id).

create policy "student_progress: owner or lesson manager can select"
on classroom.student_progress
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (student_id = (select auth.uid()) or lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[])));

create policy "student_progress: owner can insert for published lessons"
on classroom.student_progress
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()) and lesson_id in (select classroom_private.published_lesson_ids()));

create policy "student_progress: owner can update"
on classroom.student_progress
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()));

-- average_score is maintained from grades by trigger: not writable by clients.
grant select on classroom.student_progress to authenticated;
grant insert (tenant_id, student_id, lesson_id, completion_percent, total_time_spent, current_video_id,
              last_position, progress_data, started_at, completed_at)
    on classroom.student_progress to authenticated;
grant update (completion_percent, total_time_spent, current_video_id, last_position, progress_data, completed_at)
    on classroom.student_progress to authenticated;

-- --------------------------------------------------- question_attempts
-- Append-only: no update or delete for clients.

create policy "question_attempts: owner or lesson manager can select"
on classroom.question_attempts
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (student_id = (select auth.uid()) or lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[])));

create policy "question_attempts: students can insert their own"
on classroom.question_attempts
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and student_id = (select auth.uid()) and (select classroom_private.current_user_role()) = 'STUDENT');

grant select on classroom.question_attempts to authenticated;
grant insert (tenant_id, id, student_id, question_id, session_id, answer, time_spent)
    on classroom.question_attempts to authenticated;

-- -------------------------------------------------------------- grades
-- Created by the attempt trigger; lesson managers may override score and feedback.

create policy "grades: owner or lesson manager can select"
on classroom.grades
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (student_id = (select auth.uid()) or lesson_id = any ((select classroom_private.managed_lesson_id_array())::uuid[])));

create policy "grades: lesson managers can update"
on classroom.grades
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()))
with check (tenant_id = (select classroom_private.current_tenant_id()) and lesson_id in (select classroom_private.managed_lesson_ids()));

grant select on classroom.grades to authenticated;
grant update (score, feedback) on classroom.grades to authenticated;

-- ---------------------------------------------------- analytics_events
-- Append-only event stream.

create policy "analytics_events: owner, admins, lesson managers can select"
on classroom.analytics_events
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (user_id = (select auth.uid()) or (select classroom_private.current_user_role()) = 'ADMIN' or lesson_id in (select classroom_private.managed_lesson_ids())));

create policy "analytics_events: members can insert their own"
on classroom.analytics_events
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and user_id = (select auth.uid()));

grant select on classroom.analytics_events to authenticated;
grant insert (tenant_id, id, user_id, session_id, lesson_id, video_id, event_type, event_name, event_data)
    on classroom.analytics_events to authenticated;

-- ---------------------------------------------------------- audit_logs
-- Written only by the audit trigger.

create policy "audit_logs: admins can select"
on classroom.audit_logs
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

grant select on classroom.audit_logs to authenticated;

-- ------------------------------------------------------ system_configs

create policy "system_configs: members can select"
on classroom.system_configs
for select
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()));

create policy "system_configs: admins can insert"
on classroom.system_configs
for insert
to authenticated
with check (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

create policy "system_configs: admins can update"
on classroom.system_configs
for update
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN')
with check (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

create policy "system_configs: admins can delete"
on classroom.system_configs
for delete
to authenticated
using (tenant_id = (select classroom_private.current_tenant_id()) and (select classroom_private.current_user_role()) = 'ADMIN');

grant select, delete on classroom.system_configs to authenticated;
grant insert (tenant_id, key, value, description) on classroom.system_configs to authenticated;
grant update (value, description) on classroom.system_configs to authenticated;
