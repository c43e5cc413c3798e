-- classroom: the server owns every fact that feeds a score, a grade or
-- another person's view; anything an API role writes is bounded (issue 15).
-- One trigger, classroom_private.guard_api_write, on every table the
-- authenticated role can insert into or update: for API callers
-- (current_user anon/authenticated) it limits text values to 10,000
-- characters and jsonb values to 64 KiB (videos.metadata: 1 MiB), and sets
-- creation times, event times and authors itself (client values ignored).
-- Each table's comment now says which columns a client may write and which
-- facts are server-owned (docs/ shows it).

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create function classroom_private.guard_api_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_arg text;
    v_col text;
    v_text_limit integer := 10000;
    v_json_limit integer := 65536;
    v_limits jsonb := '{}'::jsonb;
    v_stamps jsonb := '{}'::jsonb;
    v_row jsonb;
    v_old jsonb := '{}'::jsonb;
    v_key text;
    v_value jsonb;
    v_size integer;
    v_limit integer;
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    v_row := to_jsonb(new);
    if tg_op = 'UPDATE' then
        v_old := to_jsonb(old);
    end if;
    -- tg_argv is null, not empty, for a trigger without arguments.
    foreach v_arg in array coalesce(tg_argv, '{}'::text[]) loop
        if v_arg like 'created:%' then
            v_col := substr(v_arg, 9);
            v_stamps := v_stamps || jsonb_build_object(
                v_col, case when tg_op = 'INSERT' then to_jsonb(now()) else v_old -> v_col end);
        elsif v_arg like 'touched:%' then
            v_col := substr(v_arg, 9);
            if v_row ->> v_col is not null
                and (tg_op = 'INSERT' or (v_row -> v_col) is distinct from (v_old -> v_col)) then
                v_stamps := v_stamps || jsonb_build_object(v_col, now());
            end if;
        elsif v_arg like 'caller:%' then
            v_col := substr(v_arg, 8);
            v_stamps := v_stamps || jsonb_build_object(
                v_col, case when tg_op = 'INSERT' then to_jsonb((select auth.uid())) else v_old -> v_col end);
        elsif v_arg like 'text=%' then
            v_text_limit := substr(v_arg, 6)::integer;
        elsif v_arg like 'json=%' then
            v_json_limit := substr(v_arg, 6)::integer;
        else
            v_limits := v_limits || jsonb_build_object(split_part(v_arg, '=', 1), split_part(v_arg, '=', 2)::integer);
        end if;
    end loop;
    for v_key, v_value in select e.key, e.value from jsonb_each(v_row) as e loop
        -- Only what this write changes: a value stored before the limit stays editable around it.
        continue when tg_op = 'UPDATE' and v_value is not distinct from (v_old -> v_key);
        if jsonb_typeof(v_value) = 'string' then
            v_size := length(v_value #>> '{}');
            v_limit := coalesce((v_limits ->> v_key)::integer, v_text_limit);
        elsif jsonb_typeof(v_value) in ('object', 'array') then
            v_size := octet_length(v_value::text);
            v_limit := coalesce((v_limits ->> v_key)::integer, v_json_limit);
        else
            continue;
        end if;
        if v_size > v_limit then
            raise exception '%.%: % is too large (% > % allowed for API writes)', tg_table_name, v_key,
                case when jsonb_typeof(v_value) = 'string' then 'text' else 'json' end, v_size, v_limit
                using errcode = '22001';
        end if;
    end loop;
    if v_stamps <> '{}'::jsonb then
        new := jsonb_populate_record(new, v_stamps);
    end if;
    return new;
end
$$;

comment on function classroom_private.guard_api_write() is
'Trigger function (before insert or update) for every table an API role can write: when current_user is anon or authenticated it bounds the input (text values at most 10,000 characters and jsonb values at most 64 KiB unless the trigger arguments say otherwise: text=N, json=N, column=N; only values the write changes are measured; 22001 when too large) and sets server-owned times (created:col = now() on insert and unchanged on update; touched:col = now() whenever the client sets it) and authors (caller:col = auth.uid() on insert, unchanged on update), so client-sent times and authors are ignored. The service role, migrations and SECURITY DEFINER helpers (running as their owner) are not limited.';

revoke execute on function classroom_private.guard_api_write() from public, anon;

create trigger guard_api_write
before insert or update on classroom.tenants
for each row execute function classroom_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on classroom.users
for each row execute function classroom_private.guard_api_write('created:created_at', 'touched:last_login_at', 'touched:email_verified_at');

create trigger guard_api_write
before insert or update on classroom.user_preferences
for each row execute function classroom_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on classroom.lessons
for each row execute function classroom_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on classroom.video_groups
for each row execute function classroom_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on classroom.videos
for each row execute function classroom_private.guard_api_write('created:created_at', 'metadata=1048576');

create trigger guard_api_write
before insert or update on classroom.milestones
for each row execute function classroom_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on classroom.ai_configurations
for each row execute function classroom_private.guard_api_write('created:created_at', 'caller:created_by_id');

create trigger guard_api_write
before insert or update on classroom.questions
for each row execute function classroom_private.guard_api_write('created:created_at', 'caller:created_by_id');

create trigger guard_api_write
before insert or update on classroom.student_sessions
for each row execute function classroom_private.guard_api_write('created:created_at', 'created:started_at', 'touched:last_heartbeat_at', 'touched:ended_at');

create trigger guard_api_write
before insert or update on classroom.student_progress
for each row execute function classroom_private.guard_api_write('created:created_at', 'created:started_at', 'touched:completed_at');

create trigger guard_api_write
before insert or update on classroom.question_attempts
for each row execute function classroom_private.guard_api_write('json=16384');

create trigger guard_api_write
before insert or update on classroom.grades
for each row execute function classroom_private.guard_api_write();

create trigger guard_api_write
before insert or update on classroom.analytics_events
for each row execute function classroom_private.guard_api_write('json=16384');

create trigger guard_api_write
before insert or update on classroom.system_configs
for each row execute function classroom_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on classroom.invitations
for each row execute function classroom_private.guard_api_write();

-- ------------------------------------------- who writes what, per table

comment on table classroom.tenants is
'Organisations whose data is isolated from each other. The distribution key of the module: tenants.id is the tenant_id of every other table (a Citus reference table). Client writes: a tenant ADMIN updates name and settings (bounded). Server-owned: creation (service role), slug, is_active (suspension), created_at/updated_at.';
comment on table classroom.users is
'Membership/profile of an auth user in exactly one tenant (1:1 with auth.users, deleted with it). Source of the caller''s tenant and role for RLS. The primary key is id (one tenant per person); users_tenant_id_id_key is the (tenant_id, id) target of every composite foreign key. To distribute by tenant, users_pkey can be dropped: id stays unique through auth.users. Membership needs consent: rows are created by classroom.accept_invitation (the person, from an invitation) or by the service role, never by an admin directly; a member leaves with classroom.leave_tenant(). Client writes: a member updates first_name, last_name, avatar_url, last_login_at of their own row; an ADMIN also role, email, email_verified(_at), is_active of members of the tenant, and deletes other members. Server-owned: id, tenant_id, created_at/updated_at, and the times last_login_at and email_verified_at (now() whenever a client sets them).';
comment on table classroom.user_preferences is
'Personalisation and learning preferences of one member (one row per user). Client writes: the member inserts, updates and deletes their own row, every column (bounded: text 10,000 characters, jsonb 64 KiB). Server-owned: created_at/updated_at.';
comment on table classroom.lessons is
'Top level of the content hierarchy (course level): lesson > video groups > videos > milestones > questions. Client writes: a TEACHER writes their own lessons (created_by_id = themself), an ADMIN any lesson of the tenant: title, description, thumbnail, status, metadata, created_by_id. Server-owned: version (trigger), created_at/updated_at; every change is in audit_logs.';
comment on table classroom.video_groups is
'Chapters: logical groups of related videos inside a lesson. Client writes: the lesson''s managers (its teacher, admins) write every column but created_at/updated_at (server-owned).';
comment on table classroom.videos is
'Individual videos stored in Google Cloud Storage (bucket + object path), with processing metadata. Client writes: the lesson''s managers write every column (metadata up to 1 MiB) but lesson_id (copied from the video group) and created_at/updated_at (server-owned).';
comment on table classroom.milestones is
'Interactive checkpoints at a point in time of a video; playback pauses there for the questions. Client writes: the lesson''s managers write every column but lesson_id (copied from the video) and created_at/updated_at (server-owned).';
comment on table classroom.ai_configurations is
'AI provider settings per tenant; at most one active configuration per provider and tenant (partial unique index). API keys are not stored here (keep them in Supabase Vault / server env). Client writes: a tenant ADMIN writes name, provider, model, parameters, is_active. Server-owned: created_by_id (the inserting admin), created_at/updated_at; changes are in audit_logs.';
comment on table classroom.questions is
'Questions at a milestone, usually AI-generated, with the review workflow PENDING > APPROVED/REJECTED. question_data is what students see. correct_answer, explanation, review_notes and ai_metadata are not selectable by the authenticated role (column privileges; explanation, review_notes and ai_metadata since 20261123191500): read them through classroom.question_details(uuid[]), which gives staff everything and a student the answer key and explanation of a question they have finished. Client writes: the lesson''s managers write the question, its answer key, status and review notes. Server-owned: lesson_id (from the milestone), created_by_id (the inserting member), reviewed_by_id/reviewed_at (trigger on a status change), version, created_at/updated_at; every change (answer keys included) is in audit_logs.';
comment on table classroom.ai_usage_logs is
'One row per AI request: tokens, cost and response time, for cost tracking and monitoring. Server-owned entirely: written by the server (service role) only; members read their own rows, admins the tenant''s.';
comment on table classroom.student_sessions is
'Cross-device session continuity: one row per device session with the last video and position and a heartbeat; the most recent heartbeat of a student tells any device where to resume. At most one open session per student and device. Client writes: the student inserts, updates and deletes their own sessions: device, lesson, last_video_id, last_position, state (bounded). Server-owned: started_at and created_at (now() on insert), last_heartbeat_at and ended_at (now() whenever the client sets them: a heartbeat or an end is an event, its time is the server''s), updated_at.';
comment on table classroom.student_progress is
'Progress of one student in one lesson. Client writes: the student''s player reports completion_percent, total_time_spent, current_video_id, last_position, progress_data (bounded) and completes the lesson by setting completed_at (stored as now(), only at 100%). Server-owned: average_score (from grades, by trigger), started_at and created_at (now() on insert), completed_at''s value, updated_at. completion_percent and times are what the student''s client reported; grades come only from graded attempts.';
comment on table classroom.question_attempts is
'Every answer a student submits (append-only: no update or delete for clients). Client writes: the student states the answer (answer, at most 16 KiB; question_id, session_id, time_spent). Server-owned: attempt_number, lesson_id, score, is_correct and created_at (trigger: numbers the attempt, enforces the question''s retry_limit, grades it with partial credit where the type allows, updates grades).';
comment on table classroom.grades is
'Grade of a student on a question: best attempt score (partial credit), attempts used against the configurable retry limit, pass/fail against the passing threshold. Server-owned: written by the attempt trigger (score, attempts_used, max_attempts), is_passed (trigger), graded_by_id/graded_at (the overriding teacher, now()). Client writes: the lesson''s managers may override score and feedback (bounded); every change, with the old value, is in audit_logs. Clients cannot delete grades.';
comment on table classroom.analytics_events is
'Append-only event stream for learning analytics and monitoring (video playback, question interactions, navigation, performance, errors). Events of a deleted user are kept anonymised (user_id set null). Candidate for monthly partitioning at scale. Client writes: a member inserts their own events (event_data at most 16 KiB). Server-owned: created_at (not writable by clients); no update or delete.';
comment on table classroom.audit_logs is
'System audit trail written only by the trigger classroom_private.write_audit_log() on users, lessons, questions, ai_configurations, grades and system_configs. Personal fields of users are not copied; the actor is set null when deleted. Server-owned entirely: no client writes; admins read their tenant''s entries.';
comment on table classroom.system_configs is
'Dynamic configuration per tenant, unique by key (e.g. video.maxFileSize, ai.defaultProvider, grading.passingThreshold). The defaults are inserted for every new tenant by trigger. Client writes: a tenant ADMIN writes key, value, description (bounded). Server-owned: updated_by_id (the writing admin), created_at/updated_at; changes are in audit_logs.';
