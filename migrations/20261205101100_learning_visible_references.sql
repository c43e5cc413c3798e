-- learning: a client can attach feedback, chat and learning sessions only to
-- courses, lessons and assessments it can see (issue 15). Their insert
-- policies checked only user_id, so a learner could post feedback on a
-- stranger's unpublished draft (which its author then reads), and a foreign
-- key error (23503) against success told whether a course id exists. Now an
-- API caller naming a course, lesson or assessment it cannot see gets one
-- 42501, whether the row exists or not.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

create function learning_private.check_visible_references()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_new jsonb;
    v_old jsonb := '{}'::jsonb;
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    v_new := to_jsonb(new);
    if tg_op = 'UPDATE' then
        v_old := to_jsonb(old);
    end if;
    -- with the caller's rights: what the select policies let them see
    if ((v_new ->> 'course_id') is not null
            and (v_new -> 'course_id') is distinct from (v_old -> 'course_id')
            and not exists (
                select 1 from learning.courses as c where c.id = (v_new ->> 'course_id')::uuid
            ))
        or ((v_new ->> 'lesson_id') is not null
            and (v_new -> 'lesson_id') is distinct from (v_old -> 'lesson_id')
            and not exists (
                select 1 from learning.lessons as l where l.id = (v_new ->> 'lesson_id')::uuid
            ))
        or ((v_new ->> 'assessment_id') is not null
            and (v_new -> 'assessment_id') is distinct from (v_old -> 'assessment_id')
            and not exists (
                select 1 from learning.assessments as a where a.id = (v_new ->> 'assessment_id')::uuid
            )) then
        raise exception 'learning: %: a course, lesson or assessment this user cannot see', tg_table_name
            using errcode = '42501',
                  hint = 'Refer to published content, or to content you author.';
    end if;
    return new;
end
$$;

comment on function learning_private.check_visible_references() is
'Trigger (before insert or update on user_feedback, chat_history, learning_analytics): for API callers (current_user anon or authenticated) every course_id, lesson_id and assessment_id the write sets must name a row the caller can see (published, or authored); otherwise one 42501, whether the row exists or not (no existence oracle, no feedback on someone else''s draft). Runs with the caller''s rights; service_role and migrations are not checked.';

revoke execute on function learning_private.check_visible_references() from public, anon, authenticated;

create trigger check_visible_references
before insert or update on learning.user_feedback
for each row execute function learning_private.check_visible_references();

create trigger check_visible_references
before insert or update on learning.chat_history
for each row execute function learning_private.check_visible_references();

create trigger check_visible_references
before insert or update on learning.learning_analytics
for each row execute function learning_private.check_visible_references();
