-- classroom: multi-tenant interactive video learning platform
-- (seed 003_2c8c58d0515f954a.txt). Types, tables, keys and indexes.
--
-- Tenancy design (read this first):
-- * Every table carries tenant_id. Primary keys are (tenant_id, id) and every
--   foreign key between module tables includes tenant_id, e.g.
--   foreign key (tenant_id, lesson_id) references lessons (tenant_id, id),
--   so a row can never point at a row of another tenant, and every table can be
--   distributed by tenant_id (Citus-style: classroom.tenants becomes a
--   reference table, everything else is co-located on tenant_id).
-- * Content below a lesson (video_groups, videos, milestones, questions) and the
--   student rows about questions (question_attempts, grades) also carry the
--   lesson_id of their ancestor lesson, kept consistent by composite foreign
--   keys (tenant_id, parent_id, lesson_id) with on update cascade; RLS then
--   decides on (tenant_id, lesson_id) without walking the hierarchy.
-- * The caller's tenant and role come from their membership row in
--   classroom.users through classroom_private.current_tenant_id() /
--   classroom_private.current_user_role(), never from user_metadata.

create schema classroom;
comment on schema classroom is
'Multi-tenant interactive video learning platform (seed 003): tenants, lessons, videos, milestones, AI questions, attempts, grades, analytics. Every table carries tenant_id; primary keys are (tenant_id, id) and foreign keys include tenant_id, so rows never point across tenants and the schema can be distributed by tenant_id (Citus-style; tenants is the reference table). Tenant and role of the caller come from classroom.users, never from user_metadata.';

create schema classroom_private;
comment on schema classroom_private is
'Private helpers of the classroom module (not exposed through the API): SECURITY DEFINER tenant/role lookups used by RLS, trigger functions, grading.';
revoke all on schema classroom_private from public;
grant usage on schema classroom_private to authenticated, service_role;

create extension if not exists pg_trgm with schema extensions;
create extension if not exists btree_gin with schema extensions;

-- ---------------------------------------------------------------- types

create type classroom.user_role as enum (
    'STUDENT',
    'TEACHER',
    'ADMIN'
);
comment on type classroom.user_role is
'Role of a member inside their tenant: STUDENT < TEACHER < ADMIN (hierarchical permissions).';

create type classroom.lesson_status as enum (
    'DRAFT',
    'PUBLISHED',
    'ARCHIVED'
);
comment on type classroom.lesson_status is
'Lifecycle of a lesson; students only see PUBLISHED lessons and their content.';

create type classroom.video_processing_status as enum (
    'PENDING',
    'PROCESSING',
    'READY',
    'FAILED'
);
comment on type classroom.video_processing_status is
'Processing state of an uploaded video file in Google Cloud Storage.';

create type classroom.question_type as enum (
    'MULTIPLE_CHOICE',
    'TRUE_FALSE',
    'SHORT_ANSWER',
    'FILL_IN_THE_BLANK',
    'MATCHING',
    'ORDERING'
);
comment on type classroom.question_type is
'The six supported question types; each has its own question_data / correct_answer shape (see classroom_private.question_data_is_valid).';

create type classroom.question_status as enum (
    'PENDING',
    'APPROVED',
    'REJECTED'
);
comment on type classroom.question_status is
'Review workflow of a (usually AI-generated) question: PENDING until a teacher approves or rejects it; only APPROVED questions are shown to students.';

create type classroom.ai_provider as enum (
    'OPENAI',
    'ANTHROPIC',
    'GOOGLE',
    'AZURE_OPENAI'
);
comment on type classroom.ai_provider is
'AI providers the platform can switch between.';

create type classroom.ai_request_type as enum (
    'QUESTION_GENERATION',
    'ANSWER_GRADING',
    'CONTENT_ANALYSIS',
    'TRANSCRIPTION',
    'EMBEDDING'
);
comment on type classroom.ai_request_type is
'Kind of AI request recorded in ai_usage_logs (cost tracking per request type).';

create type classroom.analytics_event_type as enum (
    'VIDEO_PLAYBACK',
    'QUESTION_INTERACTION',
    'NAVIGATION',
    'PERFORMANCE',
    'ERROR'
);
comment on type classroom.analytics_event_type is
'Event families of the seed: video playback events, question interactions, navigation tracking, performance metrics, error tracking. The precise event is analytics_events.event_name.';

create type classroom.audit_action as enum (
    'INSERT',
    'UPDATE',
    'DELETE'
);
comment on type classroom.audit_action is
'Kind of change recorded in audit_logs.';

-- ------------------------------------------- question data validation

-- Used by the check constraint questions_question_data_check, so it exists
-- before the table.
create function classroom_private.question_data_is_valid(
    p_type classroom.question_type,
    p_question_data jsonb,
    p_correct_answer jsonb
)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
    v_n integer;
begin
    if p_type is null
        or jsonb_typeof(p_question_data) is distinct from 'object'
        or jsonb_typeof(p_correct_answer) is distinct from 'object' then
        return false;
    end if;
    case p_type
    when 'MULTIPLE_CHOICE' then
        -- {"options": ["a", "b", ...]} / {"index": 0-based index of the right option}
        if jsonb_typeof(p_question_data -> 'options') is distinct from 'array' then
            return false;
        end if;
        v_n := jsonb_array_length(p_question_data -> 'options');
        return v_n >= 2
            and not exists (select 1 from jsonb_array_elements(p_question_data -> 'options') e
                            where jsonb_typeof(e) <> 'string' or btrim(e #>> '{}') = '')
            and jsonb_typeof(p_correct_answer -> 'index') = 'number'
            and (p_correct_answer ->> 'index')::numeric = trunc((p_correct_answer ->> 'index')::numeric)
            and (p_correct_answer ->> 'index')::numeric between 0 and v_n - 1;
    when 'TRUE_FALSE' then
        -- {} / {"value": true|false}
        return jsonb_typeof(p_correct_answer -> 'value') = 'boolean';
    when 'SHORT_ANSWER' then
        -- {} / {"accepted": ["answer", ...]} compared trimmed and case-insensitively
        return jsonb_typeof(p_correct_answer -> 'accepted') = 'array'
            and jsonb_array_length(p_correct_answer -> 'accepted') >= 1
            and not exists (select 1 from jsonb_array_elements(p_correct_answer -> 'accepted') e
                            where jsonb_typeof(e) <> 'string' or btrim(e #>> '{}') = '');
    when 'FILL_IN_THE_BLANK' then
        -- {"template": "The sky is ___."} / {"blanks": ["blue"]}, one entry per ___
        if jsonb_typeof(p_question_data -> 'template') is distinct from 'string'
            or jsonb_typeof(p_correct_answer -> 'blanks') is distinct from 'array' then
            return false;
        end if;
        v_n := (length(p_question_data ->> 'template')
                - length(replace(p_question_data ->> 'template', '___', ''))) / 3;
        return v_n >= 1
            and jsonb_array_length(p_correct_answer -> 'blanks') = v_n
            and not exists (select 1 from jsonb_array_elements(p_correct_answer -> 'blanks') e
                            where jsonb_typeof(e) <> 'string' or btrim(e #>> '{}') = '');
    when 'MATCHING' then
        -- {"left": [...], "right": [...]} / {"matches": [the right item for each left item]}
        if jsonb_typeof(p_question_data -> 'left') is distinct from 'array'
            or jsonb_typeof(p_question_data -> 'right') is distinct from 'array'
            or jsonb_typeof(p_correct_answer -> 'matches') is distinct from 'array' then
            return false;
        end if;
        v_n := jsonb_array_length(p_question_data -> 'left');
        return v_n >= 2
            and jsonb_array_length(p_question_data -> 'right') = v_n
            and jsonb_array_length(p_correct_answer -> 'matches') = v_n
            and not exists (select 1 from jsonb_array_elements(p_question_data -> 'left') e
                            where jsonb_typeof(e) <> 'string')
            and not exists (select 1 from jsonb_array_elements(p_correct_answer -> 'matches') e
                            where not (p_question_data -> 'right') @> jsonb_build_array(e))
            -- students read question_data: the right column must not give the answer away
            and (p_question_data -> 'right') <> (p_correct_answer -> 'matches');
    when 'ORDERING' then
        -- {"items": [...] (shown shuffled)} / {"order": [the same items in the right order]}
        if jsonb_typeof(p_question_data -> 'items') is distinct from 'array'
            or jsonb_typeof(p_correct_answer -> 'order') is distinct from 'array' then
            return false;
        end if;
        v_n := jsonb_array_length(p_question_data -> 'items');
        return v_n >= 2
            and jsonb_array_length(p_correct_answer -> 'order') = v_n
            and (p_question_data -> 'items') @> (p_correct_answer -> 'order')
            and (p_correct_answer -> 'order') @> (p_question_data -> 'items')
            and (select count(distinct e) from jsonb_array_elements(p_question_data -> 'items') e) = v_n
            -- students read question_data: the items must not be stored in the answer order
            and (p_question_data -> 'items') <> (p_correct_answer -> 'order');
    end case;
    return false;
end
$$;

comment on function classroom_private.question_data_is_valid(classroom.question_type, jsonb, jsonb) is
'Type-specific validation of questions.question_data (what the student sees) and questions.correct_answer (the answer key). MULTIPLE_CHOICE {"options":[>=2 strings]} / {"index":n}; TRUE_FALSE {} / {"value":bool}; SHORT_ANSWER {} / {"accepted":[>=1 strings]}; FILL_IN_THE_BLANK {"template":"..___.."} / {"blanks":[one per ___]}; MATCHING {"left":[..],"right":[..] (not already in matching order)} / {"matches":[right item per left item]}; ORDERING {"items":[distinct, shuffled]} / {"order":[same items, right order]}. question_data is readable by students, so it must never contain or reveal the answer.';

revoke execute on function classroom_private.question_data_is_valid(classroom.question_type, jsonb, jsonb) from public;
grant execute on function classroom_private.question_data_is_valid(classroom.question_type, jsonb, jsonb) to authenticated, service_role;

-- --------------------------------------------------------------- tables

create table classroom.tenants (
    id uuid not null default gen_random_uuid(),
    name text not null,
    slug text not null,
    is_active boolean not null default true,
    settings jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint tenants_pkey primary key (id),
    constraint tenants_slug_key unique (slug),
    constraint tenants_name_check check (length(btrim(name)) between 1 and 200),
    constraint tenants_slug_check check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
    constraint tenants_settings_check check (jsonb_typeof(settings) = 'object')
);
comment on table classroom.tenants is
'Organisations whose data is isolated from each other. The distribution key of the module: tenants.id is the tenant_id of every other table (a Citus reference table).';
comment on column classroom.tenants.id is 'Tenant id; every other classroom table carries it as tenant_id.';
comment on column classroom.tenants.name is 'Display name of the organisation.';
comment on column classroom.tenants.slug is 'URL-safe unique identifier (lower-case, digits, dashes).';
comment on column classroom.tenants.is_active is 'False suspends the tenant (kept for billing/audit; members keep their rows).';
comment on column classroom.tenants.settings is 'Free-form tenant settings (branding, features) as a JSON object.';
comment on column classroom.tenants.created_at is 'When the tenant was created.';
comment on column classroom.tenants.updated_at is 'Last change (set by trigger).';

create table classroom.users (
    id uuid not null,
    tenant_id uuid not null,
    email text not null,
    first_name text,
    last_name text,
    role classroom.user_role not null default 'STUDENT',
    email_verified boolean not null default false,
    email_verified_at timestamptz,
    avatar_url text,
    is_active boolean not null default true,
    last_login_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint users_pkey primary key (id),
    constraint users_tenant_id_id_key unique (tenant_id, id),
    constraint users_tenant_id_email_key unique (tenant_id, email),
    constraint users_id_fkey foreign key (id) references auth.users (id) on delete cascade,
    constraint users_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint users_email_check check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 320),
    constraint users_email_verified_check check (not email_verified or email_verified_at is not null)
);
comment on table classroom.users is
'Membership/profile of an auth user in exactly one tenant (1:1 with auth.users, deleted with it). Source of the caller''s tenant and role for RLS. The primary key is id (one tenant per person); users_tenant_id_id_key is the (tenant_id, id) target of every composite foreign key. To distribute by tenant, users_pkey can be dropped: id stays unique through auth.users.';
comment on column classroom.users.id is 'auth.users id of the person (on delete cascade).';
comment on column classroom.users.tenant_id is 'The tenant this person belongs to.';
comment on column classroom.users.email is 'Contact email (copied from auth at sign-up; unique per tenant).';
comment on column classroom.users.first_name is 'Given name.';
comment on column classroom.users.last_name is 'Family name.';
comment on column classroom.users.role is 'STUDENT, TEACHER or ADMIN inside the tenant; only an admin (or the service role) can change it.';
comment on column classroom.users.email_verified is 'Email verification workflow: true once the address is confirmed.';
comment on column classroom.users.email_verified_at is 'When the email was verified (required when email_verified).';
comment on column classroom.users.avatar_url is 'Profile picture URL.';
comment on column classroom.users.is_active is 'False blocks the member: helpers then return no tenant, so RLS grants nothing.';
comment on column classroom.users.last_login_at is 'Last sign-in, maintained by the application.';
comment on column classroom.users.created_at is 'When the membership was created.';
comment on column classroom.users.updated_at is 'Last change (set by trigger).';

create index idx_users_tenant_id_role on classroom.users (tenant_id, role);

create table classroom.user_preferences (
    tenant_id uuid not null,
    user_id uuid not null,
    language text not null default 'en',
    timezone text not null default 'UTC',
    playback_speed numeric(3, 2) not null default 1.00,
    autoplay boolean not null default true,
    captions_enabled boolean not null default false,
    theme text not null default 'system',
    notification_settings jsonb not null default '{}'::jsonb,
    learning_preferences jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint user_preferences_pkey primary key (tenant_id, user_id),
    constraint user_preferences_user_id_fkey foreign key (tenant_id, user_id)
        references classroom.users (tenant_id, id) on delete cascade,
    constraint user_preferences_language_check check (language ~ '^[a-z]{2}(-[A-Z]{2})?$'),
    constraint user_preferences_timezone_check check (length(timezone) between 1 and 64),
    constraint user_preferences_playback_speed_check check (playback_speed between 0.25 and 3.00),
    constraint user_preferences_theme_check check (theme in ('light', 'dark', 'system')),
    constraint user_preferences_notification_settings_check check (jsonb_typeof(notification_settings) = 'object'),
    constraint user_preferences_learning_preferences_check check (jsonb_typeof(learning_preferences) = 'object')
);
comment on table classroom.user_preferences is 'Personalisation and learning preferences of one member (one row per user).';
comment on column classroom.user_preferences.tenant_id is 'Tenant of the member (part of the key).';
comment on column classroom.user_preferences.user_id is 'The member these preferences belong to.';
comment on column classroom.user_preferences.language is 'UI language, e.g. en or pt-BR.';
comment on column classroom.user_preferences.timezone is 'IANA time zone name, e.g. Europe/Paris.';
comment on column classroom.user_preferences.playback_speed is 'Default video playback speed, 0.25 to 3.';
comment on column classroom.user_preferences.autoplay is 'Play the next video automatically.';
comment on column classroom.user_preferences.captions_enabled is 'Show captions by default.';
comment on column classroom.user_preferences.theme is 'light, dark or system.';
comment on column classroom.user_preferences.notification_settings is 'Notification switches as a JSON object, e.g. {"email": true}.';
comment on column classroom.user_preferences.learning_preferences is 'Learning preferences as a JSON object, e.g. {"difficulty": "medium"}.';
comment on column classroom.user_preferences.created_at is 'When the row was created.';
comment on column classroom.user_preferences.updated_at is 'Last change (set by trigger).';

create table classroom.lessons (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    title text not null,
    description text,
    thumbnail text,
    status classroom.lesson_status not null default 'DRAFT',
    created_by_id uuid,
    metadata jsonb not null default '{}'::jsonb,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint lessons_pkey primary key (tenant_id, id),
    constraint lessons_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint lessons_created_by_id_fkey foreign key (tenant_id, created_by_id)
        references classroom.users (tenant_id, id) on delete set null (created_by_id),
    constraint lessons_title_check check (length(btrim(title)) between 1 and 300),
    constraint lessons_metadata_check check (jsonb_typeof(metadata) = 'object'),
    constraint lessons_version_check check (version >= 1)
);
comment on table classroom.lessons is 'Top level of the content hierarchy (course level): lesson > video groups > videos > milestones > questions.';
comment on column classroom.lessons.tenant_id is 'Owning tenant (part of the key).';
comment on column classroom.lessons.id is 'Lesson id, unique with tenant_id.';
comment on column classroom.lessons.title is 'Lesson title (trigram-indexed for search).';
comment on column classroom.lessons.description is 'Lesson description.';
comment on column classroom.lessons.thumbnail is 'Thumbnail image URL or storage path.';
comment on column classroom.lessons.status is 'DRAFT, PUBLISHED or ARCHIVED; students see PUBLISHED lessons only.';
comment on column classroom.lessons.created_by_id is 'Teacher who owns the lesson; null once that person is deleted (the lesson stays with the tenant).';
comment on column classroom.lessons.metadata is 'Flexible lesson metadata as a JSON object (GIN-indexed with tenant_id).';
comment on column classroom.lessons.version is 'Content version: 1 on creation, +1 on every content change (not on status changes), set by trigger; the audit log keeps each version''s data.';
comment on column classroom.lessons.created_at is 'When the lesson was created.';
comment on column classroom.lessons.updated_at is 'Last change (set by trigger).';

create index idx_lessons_tenant_id_created_by_id on classroom.lessons (tenant_id, created_by_id);
create index idx_lessons_tenant_id_status on classroom.lessons (tenant_id, status);
create index idx_lessons_tenant_id_title on classroom.lessons
    using gin (tenant_id, title extensions.gin_trgm_ops);
create index idx_lessons_tenant_id_metadata on classroom.lessons
    using gin (tenant_id, metadata jsonb_path_ops);

create table classroom.video_groups (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    lesson_id uuid not null,
    title text not null,
    description text,
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint video_groups_pkey primary key (tenant_id, id),
    constraint video_groups_tenant_id_id_lesson_id_key unique (tenant_id, id, lesson_id),
    constraint video_groups_lesson_id_fkey foreign key (tenant_id, lesson_id)
        references classroom.lessons (tenant_id, id) on delete cascade,
    constraint video_groups_title_check check (length(btrim(title)) between 1 and 300),
    constraint video_groups_position_check check (position >= 0)
);
comment on table classroom.video_groups is 'Chapters: logical groups of related videos inside a lesson.';
comment on column classroom.video_groups.tenant_id is 'Owning tenant (part of the key).';
comment on column classroom.video_groups.id is 'Video group id, unique with tenant_id.';
comment on column classroom.video_groups.lesson_id is 'Lesson the chapter belongs to.';
comment on column classroom.video_groups.title is 'Chapter title.';
comment on column classroom.video_groups.description is 'Chapter description.';
comment on column classroom.video_groups.position is 'Order of the chapter in the lesson (0-based).';
comment on column classroom.video_groups.created_at is 'When the chapter was created.';
comment on column classroom.video_groups.updated_at is 'Last change (set by trigger).';

create index idx_video_groups_tenant_id_lesson_id_position on classroom.video_groups (tenant_id, lesson_id, position);

create table classroom.videos (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    lesson_id uuid not null,
    video_group_id uuid not null,
    title text not null,
    description text,
    gcs_bucket text not null,
    gcs_object_path text not null,
    duration integer,
    processing_status classroom.video_processing_status not null default 'PENDING',
    metadata jsonb not null default '{}'::jsonb,
    thumbnail_url text,
    mime_type text not null default 'video/mp4',
    file_size bigint,
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint videos_pkey primary key (tenant_id, id),
    constraint videos_tenant_id_id_lesson_id_key unique (tenant_id, id, lesson_id),
    constraint videos_tenant_id_gcs_bucket_gcs_object_path_key unique (tenant_id, gcs_bucket, gcs_object_path),
    constraint videos_video_group_id_fkey foreign key (tenant_id, video_group_id, lesson_id)
        references classroom.video_groups (tenant_id, id, lesson_id) on delete cascade on update cascade,
    constraint videos_title_check check (length(btrim(title)) between 1 and 300),
    constraint videos_gcs_bucket_check check (gcs_bucket ~ '^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$'),
    constraint videos_gcs_object_path_check check (length(gcs_object_path) between 1 and 1024 and gcs_object_path !~ '^/'),
    constraint videos_duration_check check (duration > 0),
    constraint videos_metadata_check check (jsonb_typeof(metadata) = 'object'),
    constraint videos_mime_type_check check (mime_type ~ '^video/[a-z0-9.+-]+$'),
    constraint videos_file_size_check check (file_size > 0),
    constraint videos_position_check check (position >= 0),
    constraint videos_ready_check check (processing_status <> 'READY' or duration is not null)
);
comment on table classroom.videos is 'Individual videos stored in Google Cloud Storage (bucket + object path), with processing metadata.';
comment on column classroom.videos.tenant_id is 'Owning tenant (part of the key).';
comment on column classroom.videos.id is 'Video id, unique with tenant_id.';
comment on column classroom.videos.lesson_id is 'Lesson of the video group (copied from it by trigger, kept consistent by the composite foreign key).';
comment on column classroom.videos.video_group_id is 'Chapter the video belongs to.';
comment on column classroom.videos.title is 'Video title.';
comment on column classroom.videos.description is 'Video description.';
comment on column classroom.videos.gcs_bucket is 'Google Cloud Storage bucket name.';
comment on column classroom.videos.gcs_object_path is 'Object path inside the bucket (no leading slash); unique per tenant and bucket.';
comment on column classroom.videos.duration is 'Length in whole seconds; null until processing has measured it (required once READY).';
comment on column classroom.videos.processing_status is 'PENDING, PROCESSING, READY or FAILED.';
comment on column classroom.videos.metadata is 'Processing information as a JSON object (codec, resolution, renditions, transcript...).';
comment on column classroom.videos.thumbnail_url is 'Poster image URL.';
comment on column classroom.videos.mime_type is 'MIME type of the stored file, video/*.';
comment on column classroom.videos.file_size is 'Size of the stored file in bytes (see system config video.maxFileSize).';
comment on column classroom.videos.position is 'Order of the video inside its chapter (0-based).';
comment on column classroom.videos.created_at is 'When the video was created.';
comment on column classroom.videos.updated_at is 'Last change (set by trigger).';

create index idx_videos_tenant_id_video_group_id_lesson_id on classroom.videos (tenant_id, video_group_id, lesson_id);
create index idx_videos_tenant_id_metadata on classroom.videos using gin (tenant_id, metadata jsonb_path_ops);

create table classroom.milestones (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    lesson_id uuid not null,
    video_id uuid not null,
    title text not null,
    description text,
    "timestamp" numeric(10, 3) not null,
    is_required boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint milestones_pkey primary key (tenant_id, id),
    constraint milestones_tenant_id_id_lesson_id_key unique (tenant_id, id, lesson_id),
    constraint milestones_video_id_fkey foreign key (tenant_id, video_id, lesson_id)
        references classroom.videos (tenant_id, id, lesson_id) on delete cascade on update cascade,
    constraint milestones_title_check check (length(btrim(title)) between 1 and 300),
    constraint milestones_timestamp_check check ("timestamp" >= 0)
);
comment on table classroom.milestones is 'Interactive checkpoints at a point in time of a video; playback pauses there for the questions.';
comment on column classroom.milestones.tenant_id is 'Owning tenant (part of the key).';
comment on column classroom.milestones.id is 'Milestone id, unique with tenant_id.';
comment on column classroom.milestones.lesson_id is 'Lesson of the video (copied by trigger, kept consistent by the composite foreign key).';
comment on column classroom.milestones.video_id is 'Video the checkpoint belongs to.';
comment on column classroom.milestones.title is 'Checkpoint title.';
comment on column classroom.milestones.description is 'Checkpoint description.';
comment on column classroom.milestones."timestamp" is 'Position in the video in seconds (millisecond precision), from 0 to the video duration (checked by trigger).';
comment on column classroom.milestones.is_required is 'Whether the student must answer before continuing.';
comment on column classroom.milestones.created_at is 'When the milestone was created.';
comment on column classroom.milestones.updated_at is 'Last change (set by trigger).';

create index idx_milestones_tenant_id_video_id_timestamp on classroom.milestones (tenant_id, video_id, "timestamp");
create index idx_milestones_tenant_id_video_id_lesson_id on classroom.milestones (tenant_id, video_id, lesson_id);

create table classroom.ai_configurations (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    name text not null,
    provider classroom.ai_provider not null,
    model text not null,
    parameters jsonb not null default '{}'::jsonb,
    is_active boolean not null default false,
    created_by_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ai_configurations_pkey primary key (tenant_id, id),
    constraint ai_configurations_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint ai_configurations_created_by_id_fkey foreign key (tenant_id, created_by_id)
        references classroom.users (tenant_id, id) on delete set null (created_by_id),
    constraint ai_configurations_name_check check (length(btrim(name)) between 1 and 200),
    constraint ai_configurations_model_check check (length(btrim(model)) between 1 and 200),
    constraint ai_configurations_parameters_check check (
        jsonb_typeof(parameters) = 'object'
        and not (parameters ?| array['api_key', 'apiKey', 'secret'])
        and (not parameters ? 'temperature'
             or (jsonb_typeof(parameters -> 'temperature') = 'number'
                 and (parameters ->> 'temperature')::numeric between 0 and 2))
        and (not parameters ? 'max_tokens'
             or (jsonb_typeof(parameters -> 'max_tokens') = 'number'
                 and (parameters ->> 'max_tokens')::numeric > 0))
    )
);
comment on table classroom.ai_configurations is 'AI provider settings per tenant; at most one active configuration per provider and tenant (partial unique index). API keys are not stored here (keep them in Supabase Vault / server env).';
comment on column classroom.ai_configurations.tenant_id is 'Owning tenant (part of the key).';
comment on column classroom.ai_configurations.id is 'Configuration id, unique with tenant_id.';
comment on column classroom.ai_configurations.name is 'Human name, e.g. Default OpenAI.';
comment on column classroom.ai_configurations.provider is 'AI provider.';
comment on column classroom.ai_configurations.model is 'Model name at the provider, e.g. gpt-4o-mini.';
comment on column classroom.ai_configurations.parameters is 'Generation parameters as a JSON object (temperature 0-2, max_tokens > 0, prompts...); never secrets.';
comment on column classroom.ai_configurations.is_active is 'The configuration in use for its provider; one active per provider and tenant.';
comment on column classroom.ai_configurations.created_by_id is 'Member who created it; null once deleted.';
comment on column classroom.ai_configurations.created_at is 'When the configuration was created.';
comment on column classroom.ai_configurations.updated_at is 'Last change (set by trigger).';

create unique index idx_ai_configurations_tenant_id_provider_active on classroom.ai_configurations (tenant_id, provider)
    where is_active;
create index idx_ai_configurations_tenant_id_created_by_id on classroom.ai_configurations (tenant_id, created_by_id);

create table classroom.questions (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    lesson_id uuid not null,
    milestone_id uuid not null,
    type classroom.question_type not null,
    question_text text not null,
    question_data jsonb not null default '{}'::jsonb,
    correct_answer jsonb not null,
    explanation text,
    points numeric(6, 2) not null default 1,
    retry_limit integer not null default 3,
    grading_criteria jsonb not null default '{}'::jsonb,
    status classroom.question_status not null default 'PENDING',
    is_ai_generated boolean not null default false,
    ai_metadata jsonb not null default '{}'::jsonb,
    ai_configuration_id uuid,
    created_by_id uuid,
    reviewed_by_id uuid,
    reviewed_at timestamptz,
    review_notes text,
    position integer not null default 0,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint questions_pkey primary key (tenant_id, id),
    constraint questions_tenant_id_id_lesson_id_key unique (tenant_id, id, lesson_id),
    constraint questions_milestone_id_fkey foreign key (tenant_id, milestone_id, lesson_id)
        references classroom.milestones (tenant_id, id, lesson_id) on delete cascade on update cascade,
    constraint questions_ai_configuration_id_fkey foreign key (tenant_id, ai_configuration_id)
        references classroom.ai_configurations (tenant_id, id) on delete set null (ai_configuration_id),
    constraint questions_created_by_id_fkey foreign key (tenant_id, created_by_id)
        references classroom.users (tenant_id, id) on delete set null (created_by_id),
    constraint questions_reviewed_by_id_fkey foreign key (tenant_id, reviewed_by_id)
        references classroom.users (tenant_id, id) on delete set null (reviewed_by_id),
    constraint questions_question_text_check check (length(btrim(question_text)) between 1 and 5000),
    constraint questions_question_data_check check (
        classroom_private.question_data_is_valid(type, question_data, correct_answer)
    ),
    constraint questions_points_check check (points > 0),
    constraint questions_retry_limit_check check (retry_limit between 1 and 10),
    constraint questions_grading_criteria_check check (
        jsonb_typeof(grading_criteria) = 'object'
        and (not grading_criteria ? 'passing_score'
             or (jsonb_typeof(grading_criteria -> 'passing_score') = 'number'
                 and (grading_criteria ->> 'passing_score')::numeric between 0 and 100))
        and (not grading_criteria ? 'partial_credit'
             or jsonb_typeof(grading_criteria -> 'partial_credit') = 'boolean')
    ),
    constraint questions_ai_metadata_check check (jsonb_typeof(ai_metadata) = 'object'),
    constraint questions_reviewed_at_check check (status = 'PENDING' or reviewed_at is not null),
    constraint questions_position_check check (position >= 0),
    constraint questions_version_check check (version >= 1)
);
comment on table classroom.questions is 'Questions at a milestone, usually AI-generated, with the review workflow PENDING > APPROVED/REJECTED. question_data is what students see; correct_answer (the answer key) is not readable by the authenticated role (column privileges): staff read it through classroom.question_answer_key().';
comment on column classroom.questions.tenant_id is 'Owning tenant (part of the key).';
comment on column classroom.questions.id is 'Question id, unique with tenant_id.';
comment on column classroom.questions.lesson_id is 'Lesson of the milestone (copied by trigger, kept consistent by the composite foreign key).';
comment on column classroom.questions.milestone_id is 'Milestone where the question is asked.';
comment on column classroom.questions.type is 'One of the six question types; decides the shape of question_data and correct_answer.';
comment on column classroom.questions.question_text is 'The question as shown to the student.';
comment on column classroom.questions.question_data is 'Type-specific content shown to the student (options, template, items, pairs), validated by questions_question_data_check.';
comment on column classroom.questions.correct_answer is 'Type-specific answer key used by automatic grading; hidden from the authenticated role.';
comment on column classroom.questions.explanation is 'Explanation shown after answering.';
comment on column classroom.questions.points is 'Weight of the question (> 0).';
comment on column classroom.questions.retry_limit is 'Attempts allowed per student (1-10), enforced when an attempt is inserted.';
comment on column classroom.questions.grading_criteria is 'Grading criteria as a JSON object: passing_score 0-100 (default: system config grading.passingThreshold), partial_credit boolean (default true) for fill-in/matching/ordering.';
comment on column classroom.questions.status is 'PENDING, APPROVED or REJECTED; only APPROVED questions of PUBLISHED lessons are visible to students.';
comment on column classroom.questions.is_ai_generated is 'True when the question came from an AI provider.';
comment on column classroom.questions.ai_metadata is 'AI generation details as a JSON object (prompt, model, confidence, source transcript span...).';
comment on column classroom.questions.ai_configuration_id is 'AI configuration that generated the question; null when manual or once deleted.';
comment on column classroom.questions.created_by_id is 'Member who created (or requested) the question; null once deleted.';
comment on column classroom.questions.reviewed_by_id is 'Teacher who approved/rejected it (set by trigger); null once deleted.';
comment on column classroom.questions.reviewed_at is 'When it was approved/rejected (set by trigger, required unless PENDING).';
comment on column classroom.questions.review_notes is 'Reviewer notes, e.g. why it was rejected.';
comment on column classroom.questions.position is 'Order of the question at its milestone (0-based).';
comment on column classroom.questions.version is 'Content version: 1 on creation, +1 on every content change (not on review/status changes), set by trigger; the audit log keeps each version''s data.';
comment on column classroom.questions.created_at is 'When the question was created.';
comment on column classroom.questions.updated_at is 'Last change (set by trigger).';

create index idx_questions_tenant_id_milestone_id_lesson_id on classroom.questions (tenant_id, milestone_id, lesson_id);
create index idx_questions_tenant_id_lesson_id_status on classroom.questions (tenant_id, lesson_id, status);
create index idx_questions_tenant_id_created_at_pending on classroom.questions (tenant_id, created_at)
    where status = 'PENDING';
create index idx_questions_tenant_id_ai_configuration_id on classroom.questions (tenant_id, ai_configuration_id);
create index idx_questions_tenant_id_created_by_id on classroom.questions (tenant_id, created_by_id);
create index idx_questions_tenant_id_reviewed_by_id on classroom.questions (tenant_id, reviewed_by_id);
create index idx_questions_tenant_id_question_data on classroom.questions using gin (tenant_id, question_data jsonb_path_ops);

create table classroom.ai_usage_logs (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    ai_configuration_id uuid,
    user_id uuid,
    question_id uuid,
    request_type classroom.ai_request_type not null,
    provider classroom.ai_provider not null,
    model text not null,
    tokens_used integer not null default 0,
    cost numeric(12, 6) not null default 0,
    response_time integer,
    success boolean not null default true,
    error_message text,
    metadata jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    constraint ai_usage_logs_pkey primary key (tenant_id, id),
    constraint ai_usage_logs_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint ai_usage_logs_ai_configuration_id_fkey foreign key (tenant_id, ai_configuration_id)
        references classroom.ai_configurations (tenant_id, id) on delete set null (ai_configuration_id),
    constraint ai_usage_logs_user_id_fkey foreign key (tenant_id, user_id)
        references classroom.users (tenant_id, id) on delete set null (user_id),
    constraint ai_usage_logs_question_id_fkey foreign key (tenant_id, question_id)
        references classroom.questions (tenant_id, id) on delete set null (question_id),
    constraint ai_usage_logs_model_check check (length(btrim(model)) between 1 and 200),
    constraint ai_usage_logs_tokens_used_check check (tokens_used >= 0),
    constraint ai_usage_logs_cost_check check (cost >= 0),
    constraint ai_usage_logs_response_time_check check (response_time >= 0),
    constraint ai_usage_logs_error_message_check check (success or error_message is not null),
    constraint ai_usage_logs_metadata_check check (jsonb_typeof(metadata) = 'object')
);
comment on table classroom.ai_usage_logs is 'One row per AI request: tokens, cost and response time, for cost tracking and monitoring. Written by the server (service role).';
comment on column classroom.ai_usage_logs.tenant_id is 'Tenant billed for the request (part of the key).';
comment on column classroom.ai_usage_logs.id is 'Log id, unique with tenant_id.';
comment on column classroom.ai_usage_logs.ai_configuration_id is 'Configuration used; null once deleted.';
comment on column classroom.ai_usage_logs.user_id is 'Member who triggered the request; null for system jobs or once deleted.';
comment on column classroom.ai_usage_logs.question_id is 'Question generated or graded; null when none or once deleted.';
comment on column classroom.ai_usage_logs.request_type is 'Kind of request.';
comment on column classroom.ai_usage_logs.provider is 'Provider called (copied, so the log survives configuration changes).';
comment on column classroom.ai_usage_logs.model is 'Model called.';
comment on column classroom.ai_usage_logs.tokens_used is 'Total tokens (prompt + completion).';
comment on column classroom.ai_usage_logs.cost is 'Cost in USD.';
comment on column classroom.ai_usage_logs.response_time is 'Response time in milliseconds.';
comment on column classroom.ai_usage_logs.success is 'False when the request failed (error_message required).';
comment on column classroom.ai_usage_logs.error_message is 'Provider error, when success is false.';
comment on column classroom.ai_usage_logs.metadata is 'Extra request details as a JSON object.';
comment on column classroom.ai_usage_logs.created_at is 'When the request was made.';

create index idx_ai_usage_logs_tenant_id_created_at on classroom.ai_usage_logs (tenant_id, created_at)
    include (request_type, tokens_used, cost, response_time);
-- The seed's monthly cost query has no tenant filter: run by the service role it
-- is a platform-wide report over a date range (this index); run by a tenant
-- admin, RLS bounds it to the tenant (the index above).
create index idx_ai_usage_logs_created_at on classroom.ai_usage_logs (created_at)
    include (request_type, tokens_used, cost, response_time);
create index idx_ai_usage_logs_tenant_id_ai_configuration_id on classroom.ai_usage_logs (tenant_id, ai_configuration_id);
create index idx_ai_usage_logs_tenant_id_user_id on classroom.ai_usage_logs (tenant_id, user_id);
create index idx_ai_usage_logs_tenant_id_question_id on classroom.ai_usage_logs (tenant_id, question_id);

create table classroom.student_sessions (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    student_id uuid not null,
    device_id text not null,
    device_type text not null default 'DESKTOP',
    user_agent text,
    lesson_id uuid,
    last_video_id uuid,
    last_position numeric(10, 3) not null default 0,
    state jsonb not null default '{}'::jsonb,
    started_at timestamptz not null default now(),
    last_heartbeat_at timestamptz not null default now(),
    ended_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint student_sessions_pkey primary key (tenant_id, id),
    constraint student_sessions_student_id_fkey foreign key (tenant_id, student_id)
        references classroom.users (tenant_id, id) on delete cascade,
    constraint student_sessions_lesson_id_fkey foreign key (tenant_id, lesson_id)
        references classroom.lessons (tenant_id, id) on delete set null (lesson_id),
    constraint student_sessions_last_video_id_fkey foreign key (tenant_id, last_video_id)
        references classroom.videos (tenant_id, id) on delete set null (last_video_id),
    constraint student_sessions_device_id_check check (length(device_id) between 1 and 200),
    constraint student_sessions_device_type_check check (device_type in ('DESKTOP', 'MOBILE', 'TABLET', 'TV', 'OTHER')),
    constraint student_sessions_last_position_check check (last_position >= 0),
    constraint student_sessions_state_check check (jsonb_typeof(state) = 'object'),
    constraint student_sessions_last_heartbeat_at_check check (last_heartbeat_at >= started_at),
    constraint student_sessions_ended_at_check check (ended_at is null or ended_at >= started_at)
);
comment on table classroom.student_sessions is 'Cross-device session continuity: one row per device session with the last video and position and a heartbeat; the most recent heartbeat of a student tells any device where to resume. At most one open session per student and device.';
comment on column classroom.student_sessions.tenant_id is 'Tenant of the student (part of the key).';
comment on column classroom.student_sessions.id is 'Session id, unique with tenant_id.';
comment on column classroom.student_sessions.student_id is 'The student.';
comment on column classroom.student_sessions.device_id is 'Stable id of the device/browser chosen by the client.';
comment on column classroom.student_sessions.device_type is 'DESKTOP, MOBILE, TABLET, TV or OTHER.';
comment on column classroom.student_sessions.user_agent is 'Browser user agent.';
comment on column classroom.student_sessions.lesson_id is 'Lesson being watched; null once deleted.';
comment on column classroom.student_sessions.last_video_id is 'Last video watched; null once deleted.';
comment on column classroom.student_sessions.last_position is 'Playback position in last_video_id, in seconds.';
comment on column classroom.student_sessions.state is 'Client state to restore (volume, open panel...) as a JSON object.';
comment on column classroom.student_sessions.started_at is 'Session start.';
comment on column classroom.student_sessions.last_heartbeat_at is 'Last heartbeat from the device.';
comment on column classroom.student_sessions.ended_at is 'Session end; null while open.';
comment on column classroom.student_sessions.created_at is 'When the row was created.';
comment on column classroom.student_sessions.updated_at is 'Last change (set by trigger).';

create index idx_student_sessions_tenant_id_student_id_last_heartbeat_at
    on classroom.student_sessions (tenant_id, student_id, last_heartbeat_at desc);
create unique index idx_student_sessions_tenant_id_student_id_device_id_open
    on classroom.student_sessions (tenant_id, student_id, device_id) where ended_at is null;
create index idx_student_sessions_tenant_id_lesson_id on classroom.student_sessions (tenant_id, lesson_id);
create index idx_student_sessions_tenant_id_last_video_id on classroom.student_sessions (tenant_id, last_video_id);

create table classroom.student_progress (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    student_id uuid not null,
    lesson_id uuid not null,
    completion_percent numeric(5, 2) not null default 0,
    average_score numeric(5, 2),
    total_time_spent integer not null default 0,
    current_video_id uuid,
    last_position numeric(10, 3) not null default 0,
    progress_data jsonb not null default '{}'::jsonb,
    started_at timestamptz not null default now(),
    completed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint student_progress_pkey primary key (tenant_id, id),
    constraint student_progress_tenant_id_student_id_lesson_id_key unique (tenant_id, student_id, lesson_id),
    constraint student_progress_student_id_fkey foreign key (tenant_id, student_id)
        references classroom.users (tenant_id, id) on delete cascade,
    constraint student_progress_lesson_id_fkey foreign key (tenant_id, lesson_id)
        references classroom.lessons (tenant_id, id) on delete cascade,
    constraint student_progress_current_video_id_fkey foreign key (tenant_id, current_video_id)
        references classroom.videos (tenant_id, id) on delete set null (current_video_id),
    constraint student_progress_completion_percent_check check (completion_percent between 0 and 100),
    constraint student_progress_average_score_check check (average_score between 0 and 100),
    constraint student_progress_total_time_spent_check check (total_time_spent >= 0),
    constraint student_progress_last_position_check check (last_position >= 0),
    constraint student_progress_progress_data_check check (jsonb_typeof(progress_data) = 'object'),
    constraint student_progress_completed_at_check check (completed_at is null or completion_percent = 100)
);
comment on table classroom.student_progress is 'Progress of one student in one lesson. completion_percent, time and position are synced by the student''s client; average_score is maintained from grades by trigger (students cannot write it).';
comment on column classroom.student_progress.tenant_id is 'Tenant (part of the key).';
comment on column classroom.student_progress.id is 'Progress id, unique with tenant_id.';
comment on column classroom.student_progress.student_id is 'The student.';
comment on column classroom.student_progress.lesson_id is 'The lesson.';
comment on column classroom.student_progress.completion_percent is 'Completion 0-100.';
comment on column classroom.student_progress.average_score is 'Average of the student''s grade scores (0-100) in this lesson; null before any attempt. Maintained by trigger.';
comment on column classroom.student_progress.total_time_spent is 'Time spent in the lesson in seconds.';
comment on column classroom.student_progress.current_video_id is 'Video to resume; null once deleted.';
comment on column classroom.student_progress.last_position is 'Position in current_video_id in seconds.';
comment on column classroom.student_progress.progress_data is 'Tracking details as a JSON object, e.g. {"completed_milestones": [...]}.';
comment on column classroom.student_progress.started_at is 'First activity in the lesson.';
comment on column classroom.student_progress.completed_at is 'When the lesson was completed (requires completion_percent = 100).';
comment on column classroom.student_progress.created_at is 'When the row was created.';
comment on column classroom.student_progress.updated_at is 'Last activity (set by trigger); the dashboard''s last_activity.';

create index idx_student_progress_tenant_id_student_id_updated_at
    on classroom.student_progress (tenant_id, student_id, updated_at desc);
create index idx_student_progress_tenant_id_lesson_id on classroom.student_progress (tenant_id, lesson_id);
create index idx_student_progress_tenant_id_current_video_id on classroom.student_progress (tenant_id, current_video_id);

create table classroom.question_attempts (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    student_id uuid not null,
    question_id uuid not null,
    lesson_id uuid not null,
    session_id uuid,
    attempt_number integer not null,
    answer jsonb not null,
    is_correct boolean not null default false,
    score numeric(5, 2) not null default 0,
    time_spent integer,
    created_at timestamptz not null default now(),
    constraint question_attempts_pkey primary key (tenant_id, id),
    constraint question_attempts_student_id_question_id_attempt_number_key
        unique (tenant_id, student_id, question_id, attempt_number),
    constraint question_attempts_student_id_fkey foreign key (tenant_id, student_id)
        references classroom.users (tenant_id, id) on delete cascade,
    constraint question_attempts_question_id_fkey foreign key (tenant_id, question_id, lesson_id)
        references classroom.questions (tenant_id, id, lesson_id) on delete cascade on update cascade,
    constraint question_attempts_session_id_fkey foreign key (tenant_id, session_id)
        references classroom.student_sessions (tenant_id, id) on delete set null (session_id),
    constraint question_attempts_attempt_number_check check (attempt_number >= 1),
    constraint question_attempts_answer_check check (jsonb_typeof(answer) = 'object'),
    constraint question_attempts_score_check check (score between 0 and 100),
    constraint question_attempts_time_spent_check check (time_spent >= 0)
);
comment on table classroom.question_attempts is 'Every answer a student submits (append-only). A trigger numbers the attempt, enforces the question''s retry_limit, grades it (partial credit where the type allows) and updates grades.';
comment on column classroom.question_attempts.tenant_id is 'Tenant (part of the key).';
comment on column classroom.question_attempts.id is 'Attempt id, unique with tenant_id.';
comment on column classroom.question_attempts.student_id is 'The student (the caller).';
comment on column classroom.question_attempts.question_id is 'The question answered.';
comment on column classroom.question_attempts.lesson_id is 'Lesson of the question (set by trigger).';
comment on column classroom.question_attempts.session_id is 'Device session the answer came from; null once deleted.';
comment on column classroom.question_attempts.attempt_number is '1, 2, ... per student and question (set by trigger); never above the retry limit.';
comment on column classroom.question_attempts.answer is 'The answer as a JSON object: {"index"} / {"value"} / {"text"} / {"blanks"} / {"matches"} / {"order"} by question type.';
comment on column classroom.question_attempts.is_correct is 'True when the score is 100 (set by trigger).';
comment on column classroom.question_attempts.score is 'Automatic score 0-100 with partial credit (set by trigger).';
comment on column classroom.question_attempts.time_spent is 'Seconds spent on the question.';
comment on column classroom.question_attempts.created_at is 'When the answer was submitted.';

create index idx_question_attempts_tenant_id_question_id_lesson_id on classroom.question_attempts (tenant_id, question_id, lesson_id);
create index idx_question_attempts_tenant_id_lesson_id on classroom.question_attempts (tenant_id, lesson_id);
create index idx_question_attempts_tenant_id_session_id on classroom.question_attempts (tenant_id, session_id);

create table classroom.grades (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    student_id uuid not null,
    question_id uuid not null,
    lesson_id uuid not null,
    score numeric(5, 2) not null,
    attempts_used integer not null,
    max_attempts integer not null,
    is_passed boolean not null default false,
    feedback text,
    graded_by_id uuid,
    graded_at timestamptz not null default now(),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint grades_pkey primary key (tenant_id, id),
    constraint grades_tenant_id_student_id_question_id_key unique (tenant_id, student_id, question_id),
    constraint grades_student_id_fkey foreign key (tenant_id, student_id)
        references classroom.users (tenant_id, id) on delete cascade,
    constraint grades_question_id_fkey foreign key (tenant_id, question_id, lesson_id)
        references classroom.questions (tenant_id, id, lesson_id) on delete cascade on update cascade,
    constraint grades_graded_by_id_fkey foreign key (tenant_id, graded_by_id)
        references classroom.users (tenant_id, id) on delete set null (graded_by_id),
    constraint grades_score_check check (score between 0 and 100),
    constraint grades_max_attempts_check check (max_attempts between 1 and 10),
    constraint grades_attempts_used_check check (attempts_used between 1 and max_attempts)
);
comment on table classroom.grades is 'Grade of a student on a question: best attempt score (partial credit), attempts used against the configurable retry limit, pass/fail against the passing threshold. Written by the attempt trigger; teachers may override score and feedback.';
comment on column classroom.grades.tenant_id is 'Tenant (part of the key).';
comment on column classroom.grades.id is 'Grade id, unique with tenant_id.';
comment on column classroom.grades.student_id is 'The student.';
comment on column classroom.grades.question_id is 'The question.';
comment on column classroom.grades.lesson_id is 'Lesson of the question.';
comment on column classroom.grades.score is 'Best score 0-100 (or the teacher''s override).';
comment on column classroom.grades.attempts_used is 'Attempts made so far (1..max_attempts).';
comment on column classroom.grades.max_attempts is 'Retry limit of the question when last graded.';
comment on column classroom.grades.is_passed is 'score >= passing threshold (question grading_criteria.passing_score, else system config grading.passingThreshold, else 70); set by trigger.';
comment on column classroom.grades.feedback is 'Teacher feedback.';
comment on column classroom.grades.graded_by_id is 'Teacher who last overrode the grade; null for automatic grading or once deleted.';
comment on column classroom.grades.graded_at is 'When the grade last changed.';
comment on column classroom.grades.created_at is 'When the grade was created.';
comment on column classroom.grades.updated_at is 'Last change (set by trigger).';

create index idx_grades_tenant_id_question_id_lesson_id on classroom.grades (tenant_id, question_id, lesson_id);
create index idx_grades_tenant_id_lesson_id_student_id on classroom.grades (tenant_id, lesson_id, student_id);
create index idx_grades_tenant_id_graded_by_id on classroom.grades (tenant_id, graded_by_id);

create table classroom.analytics_events (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    user_id uuid,
    session_id uuid,
    lesson_id uuid,
    video_id uuid,
    event_type classroom.analytics_event_type not null,
    event_name text not null,
    event_data jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    constraint analytics_events_pkey primary key (tenant_id, id),
    constraint analytics_events_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint analytics_events_user_id_fkey foreign key (tenant_id, user_id)
        references classroom.users (tenant_id, id) on delete set null (user_id),
    constraint analytics_events_session_id_fkey foreign key (tenant_id, session_id)
        references classroom.student_sessions (tenant_id, id) on delete set null (session_id),
    constraint analytics_events_lesson_id_fkey foreign key (tenant_id, lesson_id)
        references classroom.lessons (tenant_id, id) on delete set null (lesson_id),
    constraint analytics_events_video_id_fkey foreign key (tenant_id, video_id)
        references classroom.videos (tenant_id, id) on delete set null (video_id),
    constraint analytics_events_event_name_check check (event_name ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$' and length(event_name) <= 100),
    constraint analytics_events_event_data_check check (jsonb_typeof(event_data) = 'object')
);
comment on table classroom.analytics_events is 'Append-only event stream for learning analytics and monitoring (video playback, question interactions, navigation, performance, errors). Events of a deleted user are kept anonymised (user_id set null). Candidate for monthly partitioning at scale.';
comment on column classroom.analytics_events.tenant_id is 'Tenant (part of the key).';
comment on column classroom.analytics_events.id is 'Event id, unique with tenant_id.';
comment on column classroom.analytics_events.user_id is 'Member who caused the event; null for anonymous/system events or once deleted.';
comment on column classroom.analytics_events.session_id is 'Device session; null when none or once deleted.';
comment on column classroom.analytics_events.lesson_id is 'Lesson concerned, if any.';
comment on column classroom.analytics_events.video_id is 'Video concerned, if any.';
comment on column classroom.analytics_events.event_type is 'Event family.';
comment on column classroom.analytics_events.event_name is 'Precise event, dotted lower case, e.g. video.play, question.answer, page.view, api.latency, client.error.';
comment on column classroom.analytics_events.event_data is 'Event payload as a JSON object (GIN-indexed with tenant_id).';
comment on column classroom.analytics_events.created_at is 'When the event happened.';

create index idx_analytics_events_tenant_id_created_at on classroom.analytics_events (tenant_id, created_at);
create index idx_analytics_events_tenant_id_event_type_created_at on classroom.analytics_events (tenant_id, event_type, created_at);
create index idx_analytics_events_tenant_id_user_id_created_at on classroom.analytics_events (tenant_id, user_id, created_at);
create index idx_analytics_events_tenant_id_session_id on classroom.analytics_events (tenant_id, session_id);
create index idx_analytics_events_tenant_id_lesson_id on classroom.analytics_events (tenant_id, lesson_id);
create index idx_analytics_events_tenant_id_video_id on classroom.analytics_events (tenant_id, video_id);
create index idx_analytics_events_tenant_id_event_data on classroom.analytics_events
    using gin (tenant_id, event_data jsonb_path_ops);

create table classroom.audit_logs (
    tenant_id uuid not null,
    id uuid not null default gen_random_uuid(),
    table_name text not null,
    record_id text not null,
    action classroom.audit_action not null,
    old_data jsonb,
    new_data jsonb,
    changed_by_id uuid,
    created_at timestamptz not null default now(),
    constraint audit_logs_pkey primary key (tenant_id, id),
    constraint audit_logs_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint audit_logs_changed_by_id_fkey foreign key (tenant_id, changed_by_id)
        references classroom.users (tenant_id, id) on delete set null (changed_by_id),
    constraint audit_logs_data_check check (
        (action = 'INSERT' and old_data is null and new_data is not null)
        or (action = 'UPDATE' and old_data is not null and new_data is not null)
        or (action = 'DELETE' and old_data is not null and new_data is null)
    )
);
comment on table classroom.audit_logs is 'System audit trail written only by the trigger classroom_private.write_audit_log() on users, lessons, questions, ai_configurations, grades and system_configs. Personal fields of users are not copied; the actor is set null when deleted.';
comment on column classroom.audit_logs.tenant_id is 'Tenant of the changed row (part of the key).';
comment on column classroom.audit_logs.id is 'Audit entry id, unique with tenant_id.';
comment on column classroom.audit_logs.table_name is 'Table of the changed row.';
comment on column classroom.audit_logs.record_id is 'Key of the changed row inside its tenant (id, or key for system_configs).';
comment on column classroom.audit_logs.action is 'INSERT, UPDATE or DELETE.';
comment on column classroom.audit_logs.old_data is 'Row before the change (UPDATE, DELETE).';
comment on column classroom.audit_logs.new_data is 'Row after the change (INSERT, UPDATE).';
comment on column classroom.audit_logs.changed_by_id is 'Member who made the change (auth.uid()); null for the service role / migrations or once deleted.';
comment on column classroom.audit_logs.created_at is 'When the change happened.';

create index idx_audit_logs_tenant_id_created_at on classroom.audit_logs (tenant_id, created_at);
create index idx_audit_logs_tenant_id_table_name_record_id on classroom.audit_logs (tenant_id, table_name, record_id);
create index idx_audit_logs_tenant_id_changed_by_id on classroom.audit_logs (tenant_id, changed_by_id);

create table classroom.system_configs (
    tenant_id uuid not null,
    key text not null,
    value jsonb not null,
    description text,
    updated_by_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint system_configs_pkey primary key (tenant_id, key),
    constraint system_configs_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade,
    constraint system_configs_updated_by_id_fkey foreign key (tenant_id, updated_by_id)
        references classroom.users (tenant_id, id) on delete set null (updated_by_id),
    constraint system_configs_key_check check (key ~ '^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$' and length(key) <= 100),
    constraint system_configs_value_check check (
        (key <> 'video.maxFileSize'
         or (jsonb_typeof(value) = 'number' and (value #>> '{}')::numeric > 0))
        and (key <> 'grading.passingThreshold'
             or (jsonb_typeof(value) = 'number' and (value #>> '{}')::numeric between 0 and 100))
        and (key <> 'ai.defaultProvider'
             or (jsonb_typeof(value) = 'string'
                 and (value #>> '{}') in ('OPENAI', 'ANTHROPIC', 'GOOGLE', 'AZURE_OPENAI')))
    )
);
comment on table classroom.system_configs is 'Dynamic configuration per tenant, unique by key (e.g. video.maxFileSize, ai.defaultProvider, grading.passingThreshold). The defaults are inserted for every new tenant by trigger.';
comment on column classroom.system_configs.tenant_id is 'Tenant (part of the key).';
comment on column classroom.system_configs.key is 'Dotted camelCase key, e.g. video.maxFileSize.';
comment on column classroom.system_configs.value is 'Value as JSON; known keys are type/range checked (maxFileSize bytes > 0, passingThreshold 0-100, defaultProvider an ai_provider).';
comment on column classroom.system_configs.description is 'What the setting does.';
comment on column classroom.system_configs.updated_by_id is 'Admin who last changed it (set by trigger); null for defaults or once deleted.';
comment on column classroom.system_configs.created_at is 'When the setting was created.';
comment on column classroom.system_configs.updated_at is 'Last change (set by trigger).';

create index idx_system_configs_tenant_id_updated_by_id on classroom.system_configs (tenant_id, updated_by_id);
