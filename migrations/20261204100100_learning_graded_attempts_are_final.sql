-- learning: a completed or scored assessment attempt is final for its learner
-- (issue 15). The learner could replace submitted_code after it was graded, so
-- the graded work no longer matched its score. Once the attempt is completed or
-- has a score, the learner may not change submitted_code, status or
-- time_spent (42501); a new attempt is a new row. The service role (grading,
-- corrections) is not limited, and score changes stay in learning.audit_log.

-- it locks an existing table: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create function learning_private.guard_graded_attempt()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if current_user in ('anon', 'authenticated')
        and (old.status = 'completed' or old.score is not null)
        and (new.submitted_code is distinct from old.submitted_code
             or new.status is distinct from old.status
             or new.time_spent is distinct from old.time_spent) then
        raise exception 'assessment attempt % is completed or graded: its submission is final', old.id
            using errcode = '42501', hint = 'start a new attempt';
    end if;
    return new;
end
$$;

comment on function learning_private.guard_graded_attempt() is
'Trigger function (before update on assessment_attempts): for API roles, an attempt that is completed or has a score keeps its submitted_code, status and time_spent (42501 otherwise), so graded work cannot be replaced after grading. The service role is trusted.';

revoke execute on function learning_private.guard_graded_attempt() from public, anon, authenticated;

create trigger guard_graded_attempt
before update on learning.assessment_attempts
for each row execute function learning_private.guard_graded_attempt();

comment on column learning.assessment_attempts.submitted_code is
'Code the learner submitted. Written by the learner while the attempt is open; final once the attempt is completed or scored (then only the service role may change it).';
