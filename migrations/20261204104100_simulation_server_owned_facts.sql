-- simulation: bounded API writes and server-owned times (issue 15).
-- simulation_private.guard_api_write (the classroom module has the same
-- function) on every table the authenticated role can write: for API callers
-- (current_user anon/authenticated) text values at most 10,000 characters
-- (scenario PDF text and file contents: 2,000,000; the long case texts of
-- scenarios, personas and scenes: 100,000) and jsonb values at most
-- 64 KiB; creation times are now() on insert and never change, event times
-- (last_activity, processed_at) are now() whenever a client sets them.
-- Each table's comment now says which columns a client may write and which
-- facts are server-owned (docs/ shows it).

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create function simulation_private.guard_api_write()
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

comment on function simulation_private.guard_api_write() is
'Trigger function (before insert or update) for every table an API role can write: when current_user is anon or authenticated it bounds the input (text values at most 10,000 characters and jsonb values at most 64 KiB unless the trigger arguments say otherwise: text=N, json=N, column=N; only values the write changes are measured; 22001 when too large) and sets server-owned times (created:col = now() on insert and unchanged on update; touched:col = now() whenever the client sets it) and authors (caller:col = auth.uid() on insert, unchanged on update), so client-sent times and authors are ignored. The service role, migrations and SECURITY DEFINER helpers (running as their owner) are not limited.';

revoke execute on function simulation_private.guard_api_write() from public, anon;

create trigger guard_api_write
before insert or update on simulation.users
for each row execute function simulation_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on simulation.scenarios
for each row execute function simulation_private.guard_api_write('created:created_at', 'pdf_content=2000000', 'description=100000', 'challenge=100000');

create trigger guard_api_write
before insert or update on simulation.scenario_personas
for each row execute function simulation_private.guard_api_write('created:created_at', 'background=100000');

create trigger guard_api_write
before insert or update on simulation.scenario_scenes
for each row execute function simulation_private.guard_api_write('created:created_at', 'description=100000', 'scene_context=100000');

create trigger guard_api_write
before insert or update on simulation.scene_personas
for each row execute function simulation_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on simulation.scenario_files
for each row execute function simulation_private.guard_api_write('created:uploaded_at', 'touched:processed_at', 'original_content=2000000', 'processed_content=2000000');

create trigger guard_api_write
before insert or update on simulation.user_progress
for each row execute function simulation_private.guard_api_write('created:created_at', 'touched:last_activity');

create trigger guard_api_write
before insert or update on simulation.scene_progress
for each row execute function simulation_private.guard_api_write();

create trigger guard_api_write
before insert or update on simulation.conversation_logs
for each row execute function simulation_private.guard_api_write();

create trigger guard_api_write
before insert or update on simulation.scenario_reviews
for each row execute function simulation_private.guard_api_write('created:created_at');

create trigger guard_api_write
before insert or update on simulation.scenario_review_votes
for each row execute function simulation_private.guard_api_write('created:created_at');

-- ------------------------------------------- who writes what, per table

comment on table simulation.users is
'Simulation profile of an auth user (identity and credentials live in auth.users; no password here). Integer ids are kept as the seed uses them; simulation_private.current_user_id() maps auth.uid() to id. Deleting the auth user deletes the profile and, by cascade, everything the person created. Client writes: the owner creates their profile and edits email (their sign-in email only), full_name, username, bio, avatar_url, profile_public, allow_contact (bounded). Server-owned (admins or the service role): role, published_scenarios and total_simulations (triggers), reputation_score, is_active, is_verified, auth_user_id, created_at/updated_at; the public copy in public_profiles follows by trigger.';
comment on table simulation.scenarios is
'Business case-study scenarios, from PDF processing or manual input. Public ones form the community marketplace; private ones are visible only to their creator (and admins). Client writes: the creator writes the content (title, description, challenge, industry, learning_objectives, source_type, pdf_* (pdf_content up to 2,000,000 characters; description and challenge up to 100,000), student_role, category, difficulty_level, estimated_duration, tags, processing_version), is_public, is_template, allow_remixes; clones go through clone_scenario. Server-owned: rating_avg and rating_count (from reviews), usage_count (learners who ran it), clone_count, created_by, cloned_from_id, created_at/updated_at.';
comment on table simulation.scenario_personas is
'AI personas extracted from a business case; readable wherever their scenario is. Client writes: the scenario''s creator (or an admin) writes every column but created_at/updated_at (server-owned); bounded (background up to 100,000 characters).';
comment on table simulation.scenario_scenes is
'Sequential scenes of a scenario for linear progression; scene_order is unique within a scenario (idx_scenes_order). Client writes: the scenario''s creator (or an admin) writes every column but created_at/updated_at (server-owned); bounded (description and scene_context up to 100,000 characters).';
comment on table simulation.scene_personas is
'Which personas take part in which scene. The composite foreign keys on (scene_id, scenario_id) and (persona_id, scenario_id) guarantee scene and persona belong to the same scenario; scenario_id is filled from the scene when omitted. Client writes: the scenario''s creator (or an admin) writes scene_id, persona_id, involvement_level. Server-owned: created_at.';
comment on table simulation.scenario_files is
'Uploaded source files (PDF case studies) of a scenario and their processing state. Source material: visible to the scenario''s creator and admins only, even for public scenarios. Client writes: the scenario''s creator (or an admin) writes the file and its processing fields (contents up to 2,000,000 characters each). Server-owned: uploaded_at (now() on insert), processed_at (now() whenever a client sets it).';
comment on table simulation.user_progress is
'A user''s run through a scenario (ChatOrchestrator state included). A user may replay a scenario, but has at most one active (not_started/in_progress) run per scenario. Visible only to its user. Client writes: the learner creates a run naming the scenario, touches last_activity (stored as now()), and may delete a run only while nothing in it was graded (no attempt, no final score, not completed); start_simulation, use_hint and abandon_simulation state intent. Server-owned: status, current scene, scenes_completed, attempts, hints, forced progressions, completion, final_score, time, sessions, orchestrator_data (the AI service), started/completed/created/updated times. A graded run is never erased by its learner.';
comment on table simulation.scene_progress is
'Progress within one scene of a run (one row per run and scene); the scene must belong to the run''s scenario (trigger). Visible only to the run''s user. Client writes: the learner opens a row (user_progress_id, scene_id) and reports time_spent (self-reported, feeds no score); no delete. Server-owned: status, attempts, hints_used, goal_achieved, forced_progression, goal_achievement_score, interaction_quality, scene_feedback (submit_scene_attempt, the AI service), messages_sent and ai_responses (counted from conversation_logs), user_id, times.';
comment on table simulation.conversation_logs is
'ChatOrchestrator conversation history, range-partitioned by month on "timestamp" (partitions conversation_logs_pYYYYMM plus conversation_logs_default; see simulation_private.create_conversation_log_partitions / drop_conversation_log_partitions). The primary key includes the partition key. Visible only to the run''s user; partitions are not readable directly. Client writes: the learner inserts their own user messages in their own run (user_progress_id, scene_id, message_type = user, sender_name, message_content (at most 10,000 characters), message_order, attempt_number) and may set user_reaction; no edit of content, no delete. Server-owned (the service role): ai_persona, system and hint messages, persona_id, is_hint, ai_context_used, ai_model_version, processing_time, led_to_progress, and "timestamp" (now()).';
comment on table simulation.scenario_reviews is
'Community reviews of public scenarios: one per scenario and reviewer, not by the scenario''s creator. Readable wherever the scenario is public; written by the reviewer only; admins moderate (update/delete). Client writes: the reviewer writes scenario_id (on insert), rating (1-5, once per scenario), review_text, pros, cons, use_case (bounded). Server-owned: reviewer_id (the caller), helpful_votes and total_votes (from scenario_review_votes), scenario_is_public, created_at; the scenario''s rating_avg and rating_count follow by trigger.';
comment on table simulation.scenario_review_votes is
'One vote per member and review: helpful or not. Keeps scenario_reviews.helpful_votes and total_votes in step (trigger). A member sees and changes only their own votes, and cannot vote on their own review. Client writes: the voter inserts (review_id, is_helpful), changes is_helpful, deletes their vote. Server-owned: voter_id (the caller), created_at, and the review''s counters.';
