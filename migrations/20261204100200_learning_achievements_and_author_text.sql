-- learning: achievements cannot be farmed, and a course author's text reaches
-- learners only attributed and bounded (issue 15).
-- * Completing a course one created awards no achievement, no points and no
--   notification.
-- * The course title in achievements and notifications is cut to 120
--   characters, quoted and marked as the course author's text.
-- * learning.audit_log: an actor sees their own entries except achievement
--   rows of other users (an author completing learners' enrollments by editing
--   a course no longer reads those learners' achievements).
-- it locks an existing table: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '5min';

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

    -- the author's text, bounded and attributed
    v_label := '"' || case when length(v_title) > 120 then left(v_title, 119) || '…' else v_title end || '"';

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
'Trigger function (after an enrollment becomes completed): the system awards a course_completed achievement (100 points, once per course title) and sends a notification, unless the learner created the course (no reward for one''s own course). The course title (the author''s text) appears cut to 120 characters, in quotes and marked as set by the course author.';

drop policy "audit_log: actor can select own entries" on learning.audit_log;

create policy "audit_log: actor can select own entries"
on learning.audit_log
for select
to authenticated
using (
    actor_id = (select auth.uid())
    and (
        table_name <> 'achievements'
        or coalesce(new_data ->> 'user_id', old_data ->> 'user_id') = (select auth.uid())::text
    )
);

comment on table learning.achievements is
'Achievements and badges earned by a user. Created by the system (service_role or definer functions), never by the user; a user reads their own. A user earns a given (type, title) once. Client-writable: nothing; every column is server-owned. A course title inside title/description is the course author''s text, quoted, at most 120 characters and marked as such; completing one''s own course earns nothing.';
