-- classroom demo data (seed 003): one tenant, the seed's three demo users
-- (admin / teacher / student @example.com, password Demo123! where pgcrypto is
-- available), one complete lesson with video, milestones and questions, the
-- default OpenAI configuration, partial progress, analytics events and system
-- configs. Applied as postgres after all migrations (supabase db reset).
-- Idempotent: running it twice changes nothing.

do $seed$
declare
    v_tenant constant uuid := 'c1a55000-0000-4000-8000-000000000001';
    v_lesson constant uuid := 'c1a55000-0000-4000-8000-000000000101';
    v_group constant uuid := 'c1a55000-0000-4000-8000-000000000201';
    v_video constant uuid := 'c1a55000-0000-4000-8000-000000000301';
    v_m1 constant uuid := 'c1a55000-0000-4000-8000-000000000401';
    v_m2 constant uuid := 'c1a55000-0000-4000-8000-000000000402';
    v_m3 constant uuid := 'c1a55000-0000-4000-8000-000000000403';
    v_ai constant uuid := 'c1a55000-0000-4000-8000-000000000501';
    v_session constant uuid := 'c1a55000-0000-4000-8000-000000000601';
    v_hash text;
    v_admin uuid;
    v_teacher uuid;
    v_student uuid;
    v_person record;
begin
    if exists (select 1 from classroom.tenants where id = v_tenant) then
        raise notice 'classroom seed already applied';
        return;
    end if;

    if to_regprocedure('extensions.crypt(text,text)') is not null then
        execute 'select extensions.crypt($1, extensions.gen_salt(''bf''))' into v_hash using 'Demo123!';
    end if;

    -- Demo auth users with fixed ids; another module's seed may already have
    -- created the same email: then that auth user is reused.
    for v_person in
        select * from (values
            ('c1a55000-0000-4000-8000-00000000a001'::uuid, 'admin@example.com'),
            ('c1a55000-0000-4000-8000-00000000a002'::uuid, 'teacher@example.com'),
            ('c1a55000-0000-4000-8000-00000000a003'::uuid, 'student@example.com')
        ) as p (id, email)
    loop
        if not exists (select 1 from auth.users where email = v_person.email) then
            insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                    raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
            values ('00000000-0000-0000-0000-000000000000', v_person.id, 'authenticated', 'authenticated',
                    v_person.email, v_hash, now(),
                    '{"provider": "email", "providers": ["email"]}', '{}', now(), now());
        end if;
    end loop;
    select id into v_admin from auth.users where email = 'admin@example.com';
    select id into v_teacher from auth.users where email = 'teacher@example.com';
    select id into v_student from auth.users where email = 'student@example.com';

    -- The tenant (its default system configs are created by trigger).
    insert into classroom.tenants (id, name, slug, settings)
    values (v_tenant, 'Demo School', 'demo-school', '{"branding": {"primary_color": "#2563eb"}}');

    insert into classroom.users (id, tenant_id, email, first_name, last_name, role, email_verified, email_verified_at) values
        (v_admin, v_tenant, 'admin@example.com', 'Ada', 'Admin', 'ADMIN', true, now()),
        (v_teacher, v_tenant, 'teacher@example.com', 'Tom', 'Teacher', 'TEACHER', true, now()),
        (v_student, v_tenant, 'student@example.com', 'Sam', 'Student', 'STUDENT', true, now());

    insert into classroom.user_preferences (tenant_id, user_id, language, timezone, playback_speed, captions_enabled, theme, learning_preferences) values
        (v_tenant, v_student, 'en', 'Europe/London', 1.25, true, 'dark', '{"difficulty": "medium", "reminders": true}'),
        (v_tenant, v_teacher, 'en', 'America/New_York', 1.00, false, 'system', '{}');

    -- One complete lesson: chapter > video > milestones > questions.
    insert into classroom.lessons (tenant_id, id, title, description, thumbnail, status, created_by_id, metadata)
    values (v_tenant, v_lesson, 'Introduction to Photosynthesis',
            'How plants turn light, water and carbon dioxide into sugar and oxygen.',
            'https://storage.googleapis.com/demo-school-media/thumbnails/photosynthesis.jpg',
            'PUBLISHED', v_teacher, '{"subject": "biology", "grade_level": 7, "tags": ["plants", "energy"]}');
    insert into classroom.video_groups (tenant_id, id, lesson_id, title, description, position)
    values (v_tenant, v_group, v_lesson, 'The basics', 'What photosynthesis is and where it happens.', 0);
    insert into classroom.videos (tenant_id, id, video_group_id, title, description, gcs_bucket, gcs_object_path,
                                  duration, processing_status, metadata, mime_type, file_size, position)
    values (v_tenant, v_video, v_group, 'Photosynthesis in 10 minutes', 'An animated overview.',
            'demo-school-media', 'lessons/photosynthesis/intro.mp4', 600, 'READY',
            '{"resolution": "1920x1080", "codec": "h264", "renditions": ["360p", "720p", "1080p"], "transcript": true}',
            'video/mp4', 734003200, 0);
    insert into classroom.milestones (tenant_id, id, video_id, title, description, "timestamp", is_required) values
        (v_tenant, v_m1, v_video, 'What plants need', 'Inputs of photosynthesis.', 95, true),
        (v_tenant, v_m2, v_video, 'Inside the chloroplast', 'Where it happens.', 310.5, true),
        (v_tenant, v_m3, v_video, 'Wrap-up', 'Putting the steps in order.', 560, false);

    insert into classroom.ai_configurations (tenant_id, id, name, provider, model, parameters, is_active, created_by_id)
    values (v_tenant, v_ai, 'Default OpenAI', 'OPENAI', 'gpt-4o-mini',
            '{"temperature": 0.7, "max_tokens": 1000, "question_types": ["MULTIPLE_CHOICE", "TRUE_FALSE", "ORDERING"]}',
            true, v_admin);

    insert into classroom.questions (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer,
                                     explanation, retry_limit, grading_criteria, status, is_ai_generated, ai_metadata,
                                     ai_configuration_id, created_by_id, position) values
        (v_tenant, 'c1a55000-0000-4000-8000-000000000701', v_m1, 'MULTIPLE_CHOICE',
         'Which gas do plants absorb for photosynthesis?',
         '{"options": ["Oxygen", "Carbon dioxide", "Nitrogen", "Helium"]}', '{"index": 1}',
         'Plants take in carbon dioxide through their stomata.', 2, '{"passing_score": 100}', 'APPROVED', true,
         '{"model": "gpt-4o-mini", "confidence": 0.93, "source_span": [60, 95]}', v_ai, v_teacher, 0),
        (v_tenant, 'c1a55000-0000-4000-8000-000000000702', v_m1, 'TRUE_FALSE',
         'Photosynthesis can happen without light.', '{}', '{"value": false}',
         'Light provides the energy.', 1, '{}', 'APPROVED', true,
         '{"model": "gpt-4o-mini", "confidence": 0.88}', v_ai, v_teacher, 1),
        (v_tenant, 'c1a55000-0000-4000-8000-000000000703', v_m2, 'FILL_IN_THE_BLANK',
         'Complete the sentence.', '{"template": "Photosynthesis takes place in the ___ of plant cells."}',
         '{"blanks": ["chloroplasts"]}', null, 3, '{}', 'APPROVED', false, '{}', null, v_teacher, 0),
        (v_tenant, 'c1a55000-0000-4000-8000-000000000704', v_m2, 'SHORT_ANSWER',
         'Name the green pigment that captures light.', '{}', '{"accepted": ["chlorophyll"]}',
         null, 3, '{}', 'PENDING', true, '{"model": "gpt-4o-mini", "confidence": 0.71}', v_ai, v_teacher, 1),
        (v_tenant, 'c1a55000-0000-4000-8000-000000000705', v_m3, 'ORDERING',
         'Put the steps in order.', '{"items": ["Sugar is made", "Light is absorbed", "Water is split"]}',
         '{"order": ["Light is absorbed", "Water is split", "Sugar is made"]}', null, 3, '{"partial_credit": true}',
         'APPROVED', true, '{"model": "gpt-4o-mini", "confidence": 0.9}', v_ai, v_teacher, 0),
        (v_tenant, 'c1a55000-0000-4000-8000-000000000706', v_m3, 'MATCHING',
         'Match each input to its source.', '{"left": ["Water", "Carbon dioxide", "Light"], "right": ["Air", "Sun", "Soil"]}',
         '{"matches": ["Soil", "Air", "Sun"]}', null, 3, '{}', 'REJECTED', true,
         '{"model": "gpt-4o-mini", "confidence": 0.52}', v_ai, v_teacher, 1);
    update classroom.questions
    set reviewed_by_id = v_teacher, review_notes = 'Water comes from the roots, not only the soil: rephrase.'
    where tenant_id = v_tenant and id = 'c1a55000-0000-4000-8000-000000000706';

    insert into classroom.ai_usage_logs (tenant_id, ai_configuration_id, user_id, question_id, request_type, provider, model,
                                         tokens_used, cost, response_time, success, error_message, created_at) values
        (v_tenant, v_ai, v_teacher, 'c1a55000-0000-4000-8000-000000000701', 'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 1850, 0.001110, 2140, true, null, now() - interval '40 days'),
        (v_tenant, v_ai, v_teacher, 'c1a55000-0000-4000-8000-000000000705', 'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 2210, 0.001326, 2650, true, null, now() - interval '3 days'),
        (v_tenant, v_ai, v_teacher, null, 'CONTENT_ANALYSIS', 'OPENAI', 'gpt-4o-mini', 5400, 0.003240, 4100, true, null, now() - interval '3 days'),
        (v_tenant, v_ai, v_teacher, null, 'QUESTION_GENERATION', 'OPENAI', 'gpt-4o-mini', 0, 0, 30000, false, 'provider timeout', now() - interval '2 days');

    -- Partial progress of the student: a session, progress, three answers.
    insert into classroom.student_sessions (tenant_id, id, student_id, device_id, device_type, user_agent, lesson_id,
                                            last_video_id, last_position, started_at, last_heartbeat_at)
    values (v_tenant, v_session, v_student, 'laptop-7f3a', 'DESKTOP', 'Mozilla/5.0 (Macintosh)', v_lesson,
            v_video, 330.0, now() - interval '25 minutes', now() - interval '1 minute');
    insert into classroom.student_progress (tenant_id, student_id, lesson_id, completion_percent, total_time_spent,
                                            current_video_id, last_position, progress_data)
    values (v_tenant, v_student, v_lesson, 55, 1500, v_video, 330.0,
            jsonb_build_object('completed_milestones', jsonb_build_array(v_m1, v_m2)));
    insert into classroom.question_attempts (tenant_id, student_id, question_id, session_id, answer, time_spent) values
        (v_tenant, v_student, 'c1a55000-0000-4000-8000-000000000701', v_session, '{"index": 0}', 20),
        (v_tenant, v_student, 'c1a55000-0000-4000-8000-000000000701', v_session, '{"index": 1}', 9),
        (v_tenant, v_student, 'c1a55000-0000-4000-8000-000000000702', v_session, '{"value": false}', 6),
        (v_tenant, v_student, 'c1a55000-0000-4000-8000-000000000703', v_session, '{"blanks": ["Chloroplasts"]}', 14);

    insert into classroom.analytics_events (tenant_id, user_id, session_id, lesson_id, video_id, event_type, event_name, event_data, created_at) values
        (v_tenant, v_student, v_session, v_lesson, null, 'NAVIGATION', 'page.view', '{"path": "/lessons/photosynthesis"}', now() - interval '25 minutes'),
        (v_tenant, v_student, v_session, v_lesson, v_video, 'VIDEO_PLAYBACK', 'video.play', '{"position": 0}', now() - interval '24 minutes'),
        (v_tenant, v_student, v_session, v_lesson, v_video, 'QUESTION_INTERACTION', 'question.answer', '{"milestone": "What plants need", "correct": false}', now() - interval '22 minutes'),
        (v_tenant, v_student, v_session, v_lesson, v_video, 'VIDEO_PLAYBACK', 'video.seek', '{"from": 120, "to": 300}', now() - interval '10 minutes'),
        (v_tenant, v_student, v_session, v_lesson, v_video, 'PERFORMANCE', 'video.buffering', '{"duration_ms": 850}', now() - interval '9 minutes'),
        (v_tenant, v_student, v_session, v_lesson, v_video, 'VIDEO_PLAYBACK', 'video.pause', '{"position": 330}', now() - interval '1 minute'),
        (v_tenant, v_teacher, null, v_lesson, null, 'ERROR', 'client.error', '{"message": "upload interrupted", "code": "NETWORK"}', now() - interval '2 days');

    -- System configs beyond the per-tenant defaults.
    insert into classroom.system_configs (tenant_id, key, value, description) values
        (v_tenant, 'video.allowedMimeTypes', '["video/mp4", "video/webm"]', 'Video formats accepted at upload.'),
        (v_tenant, 'ai.questionsPerMilestone', '3', 'How many questions the AI drafts per milestone.');
end
$seed$;
