-- simulation: the AI Agent Education Platform (seed 004_ab3a0f2b71c4fddd.txt).
-- Schemas, enum types, tables, constraints and indexes.
-- conversation_logs is partitioned by month; its partitions and their
-- maintenance functions come in the partitioning migration.

create extension if not exists pg_trgm with schema extensions;

create schema simulation;
comment on schema simulation is
'AI Agent Education Platform: case-study scenarios turned into linear, multi-scene simulations with AI personas, progress tracking, conversation logs and community reviews.';

create schema simulation_private;
comment on schema simulation_private is
'Private helpers of the simulation module (trigger functions, SECURITY DEFINER helpers, partition maintenance); not exposed through the API.';
revoke all on schema simulation_private from public;

-- ---------------------------------------------------------------------------
-- Enum types
-- ---------------------------------------------------------------------------

create type simulation.user_role as enum (
    'user',
    'admin',
    'teacher',
    'student'
);
comment on type simulation.user_role is
'Role of a simulation profile: user, admin (moderates all content), teacher, student.';

create type simulation.simulation_status as enum (
    'not_started',
    'in_progress',
    'completed',
    'abandoned'
);
comment on type simulation.simulation_status is
'Status of a user''s run through a scenario.';

create type simulation.scene_status as enum (
    'not_started',
    'in_progress',
    'completed',
    'failed'
);
comment on type simulation.scene_status is
'Status of one scene within a run; failed means the scene was left by forced progression after max_attempts.';

create type simulation.message_type as enum (
    'user',
    'ai_persona',
    'system',
    'hint'
);
comment on type simulation.message_type is
'Kind of conversation message: the learner, an AI persona, the system, or a hint.';

create type simulation.source_type as enum (
    'manual',
    'pdf_upload',
    'template'
);
comment on type simulation.source_type is
'Where a scenario came from: written by hand, processed from an uploaded PDF, or created from a template.';

-- ---------------------------------------------------------------------------
-- users: the module's profile table, one row per auth user
-- ---------------------------------------------------------------------------

create table simulation.users (
    id bigint generated always as identity,
    auth_user_id uuid not null default auth.uid(),
    email text not null default auth.email(),
    full_name text,
    username text not null,
    bio text,
    avatar_url text,
    role simulation.user_role not null default 'user',
    published_scenarios integer not null default 0,
    total_simulations integer not null default 0,
    reputation_score double precision not null default 0.0,
    profile_public boolean not null default true,
    allow_contact boolean not null default false,
    is_active boolean not null default true,
    is_verified boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint users_pkey primary key (id),
    constraint users_auth_user_id_key unique (auth_user_id),
    constraint users_auth_user_id_fkey foreign key (auth_user_id)
        references auth.users (id) on delete cascade,
    constraint users_email_check check (email ~ '^[^@\s]+@[^@\s]+$'),
    constraint users_username_check check (username ~ '^[A-Za-z0-9_.-]{3,40}$'),
    constraint users_full_name_check check (full_name is null or length(full_name) between 1 and 200),
    constraint users_published_scenarios_check check (published_scenarios >= 0),
    constraint users_total_simulations_check check (total_simulations >= 0),
    constraint users_reputation_score_check check (reputation_score between 0.0 and 5.0)
);

create unique index idx_users_email on simulation.users (lower(email));
create unique index idx_users_username on simulation.users (lower(username));
create index idx_users_role on simulation.users (role);

comment on table simulation.users is
'Simulation profile of an auth user (identity and credentials live in auth.users; no password here). Integer ids are kept as the seed uses them; simulation_private.current_user_id() maps auth.uid() to id. Deleting the auth user deletes the profile and, by cascade, everything the person created.';
comment on column simulation.users.id is 'Profile id (integer, as in the seed).';
comment on column simulation.users.auth_user_id is 'The auth.users row this profile belongs to (1:1); defaults to the signed-in user.';
comment on column simulation.users.email is 'Contact email; must equal the signed-in user''s auth email when a member writes it. Unique case-insensitively. Not readable by other members (see public_profiles).';
comment on column simulation.users.full_name is 'Display name.';
comment on column simulation.users.username is 'Public handle, 3-40 of A-Z a-z 0-9 _ . -; unique case-insensitively.';
comment on column simulation.users.bio is 'Biography shown on the public profile.';
comment on column simulation.users.avatar_url is 'Profile picture URL.';
comment on column simulation.users.role is 'user, admin, teacher or student; only an admin (or the service role) can grant admin or change a role.';
comment on column simulation.users.published_scenarios is 'Number of this user''s public scenarios; maintained by trigger.';
comment on column simulation.users.total_simulations is 'Number of this user''s completed simulation runs; maintained by trigger.';
comment on column simulation.users.reputation_score is 'Community reputation, 0.0-5.0; set by admins or the service role.';
comment on column simulation.users.profile_public is 'Whether the profile appears in public_profiles.';
comment on column simulation.users.allow_contact is 'Whether the user accepts contact from others (the application''s switch; email itself is never exposed to others).';
comment on column simulation.users.is_active is 'Account active; inactive admins lose admin rights. Set by admins.';
comment on column simulation.users.is_verified is 'Email verified; set by admins or the service role.';
comment on column simulation.users.created_at is 'When the profile was created.';
comment on column simulation.users.updated_at is 'Last profile update (trigger).';
comment on index simulation.idx_users_email is 'Unique index on email (case-insensitive).';
comment on index simulation.idx_users_username is 'Unique index on username (case-insensitive).';

-- auth.uid() -> profile id, and the admin check: the two small SECURITY
-- DEFINER helpers policies use as (select simulation_private.current_user_id())
-- and (select simulation_private.is_admin()). Definer so they read users
-- without recursing into its policies.

create function simulation_private.current_user_id()
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
    select u.id
    from simulation.users as u
    where u.auth_user_id = (select auth.uid())
$$;

comment on function simulation_private.current_user_id() is
'Profile id (simulation.users.id) of the signed-in user, or null when the caller has no profile or is not signed in.';

create function simulation_private.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
    select exists (
        select 1
        from simulation.users as u
        where u.auth_user_id = (select auth.uid())
            and u.role = 'admin'
            and u.is_active
    )
$$;

comment on function simulation_private.is_admin() is
'True when the signed-in user has an active simulation profile with role admin.';

revoke execute on function simulation_private.current_user_id() from public;
revoke execute on function simulation_private.is_admin() from public;

-- ---------------------------------------------------------------------------
-- scenarios
-- ---------------------------------------------------------------------------

create table simulation.scenarios (
    id bigint generated always as identity,
    title text not null,
    description text,
    challenge text,
    industry text,
    learning_objectives jsonb not null default '[]'::jsonb,
    source_type simulation.source_type not null default 'manual',
    pdf_content text,
    student_role text,
    category text,
    difficulty_level text not null default 'intermediate',
    estimated_duration integer,
    tags jsonb not null default '[]'::jsonb,
    pdf_title text,
    pdf_source text,
    processing_version text,
    rating_avg double precision not null default 0.0,
    rating_count integer not null default 0,
    is_public boolean not null default false,
    is_template boolean not null default false,
    allow_remixes boolean not null default true,
    usage_count integer not null default 0,
    clone_count integer not null default 0,
    cloned_from_id bigint,
    created_by bigint not null default simulation_private.current_user_id(),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint scenarios_pkey primary key (id),
    constraint scenarios_created_by_fkey foreign key (created_by)
        references simulation.users (id) on delete cascade,
    constraint scenarios_cloned_from_id_fkey foreign key (cloned_from_id)
        references simulation.scenarios (id) on delete set null,
    constraint scenarios_title_check check (length(btrim(title)) between 1 and 300),
    constraint scenarios_difficulty_level_check check (difficulty_level in ('beginner', 'intermediate', 'advanced')),
    constraint scenarios_estimated_duration_check check (estimated_duration is null or estimated_duration > 0),
    constraint scenarios_learning_objectives_check check (
        jsonb_typeof(learning_objectives) = 'array'
        and not jsonb_path_exists(learning_objectives, 'strict $[*] ? (@.type() != "string")', '{}', true)
    ),
    constraint scenarios_tags_check check (
        jsonb_typeof(tags) = 'array'
        and not jsonb_path_exists(tags, 'strict $[*] ? (@.type() != "string")', '{}', true)
    ),
    constraint scenarios_rating_avg_check check (rating_avg between 0.0 and 5.0),
    constraint scenarios_rating_count_check check (rating_count >= 0),
    constraint scenarios_usage_count_check check (usage_count >= 0),
    constraint scenarios_clone_count_check check (clone_count >= 0),
    constraint scenarios_cloned_from_id_check check (cloned_from_id is distinct from id)
);

create index idx_scenarios_created_by on simulation.scenarios (created_by);
create index idx_scenarios_category on simulation.scenarios (category);
create index idx_scenarios_public on simulation.scenarios (is_public);
create index idx_scenarios_tags on simulation.scenarios using gin (tags);
create index idx_scenarios_industry on simulation.scenarios (industry);
create index idx_scenarios_title_trgm on simulation.scenarios using gin (title extensions.gin_trgm_ops);
create index idx_scenarios_public_category on simulation.scenarios (is_public, category);
create index idx_scenarios_cloned_from_id on simulation.scenarios (cloned_from_id);

comment on table simulation.scenarios is
'Business case-study scenarios, from PDF processing or manual input. Public ones form the community marketplace; private ones are visible only to their creator (and admins).';
comment on column simulation.scenarios.id is 'Scenario id.';
comment on column simulation.scenarios.title is 'Scenario title (1-300 characters).';
comment on column simulation.scenarios.description is 'Detailed scenario description.';
comment on column simulation.scenarios.challenge is 'Main business challenge or problem.';
comment on column simulation.scenarios.industry is 'Industry context.';
comment on column simulation.scenarios.learning_objectives is 'JSON array of learning objectives (strings).';
comment on column simulation.scenarios.source_type is 'manual, pdf_upload or template.';
comment on column simulation.scenarios.pdf_content is 'Original PDF content if applicable.';
comment on column simulation.scenarios.student_role is 'Role the student plays in the simulation.';
comment on column simulation.scenarios.category is 'Marketplace category.';
comment on column simulation.scenarios.difficulty_level is 'beginner, intermediate (default) or advanced.';
comment on column simulation.scenarios.estimated_duration is 'Estimated completion time in minutes (> 0).';
comment on column simulation.scenarios.tags is 'JSON array of searchable tags (strings); GIN-indexed.';
comment on column simulation.scenarios.pdf_title is 'Original PDF title.';
comment on column simulation.scenarios.pdf_source is 'PDF source information.';
comment on column simulation.scenarios.processing_version is 'AI processing version used.';
comment on column simulation.scenarios.rating_avg is 'Average review rating 0.0-5.0 (0 when unrated); maintained by trigger from scenario_reviews.';
comment on column simulation.scenarios.rating_count is 'Number of reviews; maintained by trigger.';
comment on column simulation.scenarios.is_public is 'Publicly visible in the marketplace (readable by everyone, anon included).';
comment on column simulation.scenarios.is_template is 'Offered as a template; clones of a template get source_type template.';
comment on column simulation.scenarios.allow_remixes is 'Whether others may clone/remix this scenario (the owner always may). Defaults to true: it only matters once the scenario is public.';
comment on column simulation.scenarios.usage_count is 'Number of simulation runs started on this scenario; maintained by trigger.';
comment on column simulation.scenarios.clone_count is 'Number of clones made of this scenario; maintained by trigger.';
comment on column simulation.scenarios.cloned_from_id is 'Scenario this one was cloned/remixed from (null if original or the source was deleted).';
comment on column simulation.scenarios.created_by is 'Creating user (profile id); defaults to the caller''s profile.';
comment on column simulation.scenarios.created_at is 'Creation timestamp.';
comment on column simulation.scenarios.updated_at is 'Last update timestamp (trigger).';
comment on index simulation.idx_scenarios_tags is 'GIN index on tags for tag search (tags @> ''["x"]'').';
comment on index simulation.idx_scenarios_title_trgm is 'Trigram index for scenario title search (ILIKE / similarity).';

-- ---------------------------------------------------------------------------
-- scenario_personas
-- ---------------------------------------------------------------------------

create table simulation.scenario_personas (
    id bigint generated always as identity,
    scenario_id bigint not null,
    name text not null,
    role text,
    background text,
    correlation text,
    primary_goals jsonb not null default '[]'::jsonb,
    personality_traits jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint scenario_personas_pkey primary key (id),
    constraint scenario_personas_id_scenario_id_key unique (id, scenario_id),
    constraint scenario_personas_scenario_id_fkey foreign key (scenario_id)
        references simulation.scenarios (id) on delete cascade,
    constraint scenario_personas_name_check check (length(btrim(name)) between 1 and 200),
    constraint scenario_personas_primary_goals_check check (
        jsonb_typeof(primary_goals) = 'array'
        and not jsonb_path_exists(primary_goals, 'strict $[*] ? (@.type() != "string")', '{}', true)
    ),
    constraint scenario_personas_personality_traits_check check (
        jsonb_typeof(personality_traits) = 'object'
        and not jsonb_path_exists(personality_traits, 'strict $.* ? (@.type() != "number" || @ < 0 || @ > 10)', '{}', true)
    )
);

create index idx_personas_scenario_id on simulation.scenario_personas (scenario_id);
create index idx_personas_name on simulation.scenario_personas (name);
create index idx_personas_role on simulation.scenario_personas (role);
create index idx_personas_name_trgm on simulation.scenario_personas using gin (name extensions.gin_trgm_ops);

comment on table simulation.scenario_personas is
'AI personas extracted from a business case; readable wherever their scenario is.';
comment on column simulation.scenario_personas.id is 'Persona id.';
comment on column simulation.scenario_personas.scenario_id is 'Parent scenario.';
comment on column simulation.scenario_personas.name is 'Persona''s name.';
comment on column simulation.scenario_personas.role is 'Persona''s role/position in the case.';
comment on column simulation.scenario_personas.background is 'Detailed background.';
comment on column simulation.scenario_personas.correlation is 'Relationship to the business challenge.';
comment on column simulation.scenario_personas.primary_goals is 'JSON array of the persona''s primary objectives (strings).';
comment on column simulation.scenario_personas.personality_traits is 'JSON object trait -> score, every score a number 0-10, e.g. {"analytical": 8, "creative": 6}.';
comment on column simulation.scenario_personas.created_at is 'Creation timestamp.';
comment on column simulation.scenario_personas.updated_at is 'Last update timestamp (trigger).';
comment on index simulation.idx_personas_name_trgm is 'Trigram index for persona name search.';

-- ---------------------------------------------------------------------------
-- scenario_scenes
-- ---------------------------------------------------------------------------

create table simulation.scenario_scenes (
    id bigint generated always as identity,
    scenario_id bigint not null,
    title text not null,
    description text,
    user_goal text,
    scene_order integer not null,
    estimated_duration integer,
    max_attempts integer not null default 5,
    success_threshold double precision not null default 0.7,
    goal_criteria jsonb not null default '{}'::jsonb,
    hint_triggers jsonb not null default '[]'::jsonb,
    scene_context text,
    persona_instructions jsonb not null default '{}'::jsonb,
    image_url text,
    image_prompt text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint scenario_scenes_pkey primary key (id),
    constraint scenario_scenes_id_scenario_id_key unique (id, scenario_id),
    constraint scenario_scenes_scenario_id_fkey foreign key (scenario_id)
        references simulation.scenarios (id) on delete cascade,
    constraint scenario_scenes_title_check check (length(btrim(title)) between 1 and 300),
    constraint scenario_scenes_scene_order_check check (scene_order >= 1),
    constraint scenario_scenes_estimated_duration_check check (estimated_duration is null or estimated_duration > 0),
    constraint scenario_scenes_max_attempts_check check (max_attempts between 1 and 100),
    constraint scenario_scenes_success_threshold_check check (success_threshold between 0.0 and 1.0),
    constraint scenario_scenes_goal_criteria_check check (
        jsonb_typeof(goal_criteria) = 'object'
        and not jsonb_path_exists(goal_criteria,
            'strict $.* ? (@.type() == "array") [*] ? (@.type() != "string")', '{}', true)
        and not jsonb_path_exists(goal_criteria,
            'strict $ ? (exists(@.success_threshold) && (@.success_threshold.type() != "number" || @.success_threshold < 0 || @.success_threshold > 1))', '{}', true)
        and not jsonb_path_exists(goal_criteria,
            'strict $.* ? (@.type() != "array" && @.type() != "number")', '{}', true)
    ),
    constraint scenario_scenes_hint_triggers_check check (jsonb_typeof(hint_triggers) in ('array', 'object')),
    constraint scenario_scenes_persona_instructions_check check (jsonb_typeof(persona_instructions) = 'object')
);

create index idx_scenes_scenario_id on simulation.scenario_scenes (scenario_id);
create unique index idx_scenes_order on simulation.scenario_scenes (scenario_id, scene_order);

comment on table simulation.scenario_scenes is
'Sequential scenes of a scenario for linear progression; scene_order is unique within a scenario (idx_scenes_order).';
comment on column simulation.scenario_scenes.id is 'Scene id.';
comment on column simulation.scenario_scenes.scenario_id is 'Parent scenario.';
comment on column simulation.scenario_scenes.title is 'Scene title.';
comment on column simulation.scenario_scenes.description is 'Detailed scene description.';
comment on column simulation.scenario_scenes.user_goal is 'Specific learning objective for this scene.';
comment on column simulation.scenario_scenes.scene_order is 'Position in the sequence (1-based, unique per scenario).';
comment on column simulation.scenario_scenes.estimated_duration is 'Estimated completion time in minutes (> 0).';
comment on column simulation.scenario_scenes.max_attempts is 'Attempts (1-100, default 5) before forced progression to the next scene.';
comment on column simulation.scenario_scenes.success_threshold is 'Goal achievement score (0.0-1.0, default 0.7) an attempt must reach to complete the scene.';
comment on column simulation.scenario_scenes.goal_criteria is 'JSON object of AI-defined success criteria: list keys (key_topics, key_topics_covered, required_interactions, interaction_requirements, success_indicators, completion_indicators, ...) hold arrays of strings; an optional success_threshold is a number 0-1; no other value types.';
comment on column simulation.scenario_scenes.hint_triggers is 'Conditions that trigger hints (JSON array or object; shape left to the orchestrator).';
comment on column simulation.scenario_scenes.scene_context is 'Additional context for the ChatOrchestrator.';
comment on column simulation.scenario_scenes.persona_instructions is 'JSON object of specific instructions for AI personas (usually keyed by persona name).';
comment on column simulation.scenario_scenes.image_url is 'URL of the scene visualisation image.';
comment on column simulation.scenario_scenes.image_prompt is 'AI prompt used to generate the scene image.';
comment on column simulation.scenario_scenes.created_at is 'Creation timestamp.';
comment on column simulation.scenario_scenes.updated_at is 'Last update timestamp (trigger).';
comment on index simulation.idx_scenes_order is 'Scene order within a scenario; unique, so scene_order is unique per scenario.';

-- ---------------------------------------------------------------------------
-- scene_personas: scenes <-> personas of the same scenario
-- ---------------------------------------------------------------------------

create table simulation.scene_personas (
    scene_id bigint not null,
    persona_id bigint not null,
    scenario_id bigint not null,
    involvement_level text not null default 'participant',
    created_at timestamptz not null default now(),
    constraint scene_personas_pkey primary key (scene_id, persona_id),
    constraint scene_personas_scene_id_scenario_id_fkey foreign key (scene_id, scenario_id)
        references simulation.scenario_scenes (id, scenario_id) on delete cascade,
    constraint scene_personas_persona_id_scenario_id_fkey foreign key (persona_id, scenario_id)
        references simulation.scenario_personas (id, scenario_id) on delete cascade,
    constraint scene_personas_involvement_level_check check (involvement_level in ('key', 'participant', 'mentioned'))
);

create index idx_scene_personas_scene_id_scenario_id on simulation.scene_personas (scene_id, scenario_id);
create index idx_scene_personas_persona_id_scenario_id on simulation.scene_personas (persona_id, scenario_id);
create index idx_scene_personas_scenario_id on simulation.scene_personas (scenario_id);

comment on table simulation.scene_personas is
'Which personas take part in which scene. The composite foreign keys on (scene_id, scenario_id) and (persona_id, scenario_id) guarantee scene and persona belong to the same scenario; scenario_id is filled from the scene when omitted.';
comment on column simulation.scene_personas.scene_id is 'The scene.';
comment on column simulation.scene_personas.persona_id is 'The persona.';
comment on column simulation.scene_personas.scenario_id is 'Scenario of both scene and persona (filled from the scene by trigger when null).';
comment on column simulation.scene_personas.involvement_level is 'key, participant (default) or mentioned.';
comment on column simulation.scene_personas.created_at is 'Creation timestamp.';

-- ---------------------------------------------------------------------------
-- scenario_files
-- ---------------------------------------------------------------------------

create table simulation.scenario_files (
    id bigint generated always as identity,
    scenario_id bigint not null,
    file_path text not null,
    file_size bigint,
    file_type text not null default 'application/pdf',
    original_content text,
    processed_content text,
    processing_status text not null default 'pending',
    processing_log jsonb not null default '{}'::jsonb,
    uploaded_at timestamptz not null default now(),
    processed_at timestamptz,
    constraint scenario_files_pkey primary key (id),
    constraint scenario_files_scenario_id_fkey foreign key (scenario_id)
        references simulation.scenarios (id) on delete cascade,
    constraint scenario_files_file_path_check check (length(file_path) between 1 and 1024),
    constraint scenario_files_file_size_check check (file_size is null or file_size >= 0),
    constraint scenario_files_processing_status_check check (processing_status in ('pending', 'processing', 'completed', 'failed')),
    constraint scenario_files_processing_log_check check (
        jsonb_typeof(processing_log) = 'object'
        and not jsonb_path_exists(processing_log, 'strict $ ? (exists(@.errors) && @.errors.type() != "array")', '{}', true)
        and not jsonb_path_exists(processing_log, 'strict $ ? (exists(@.warnings) && @.warnings.type() != "array")', '{}', true)
    ),
    constraint scenario_files_processed_at_check check (processed_at is null or processed_at >= uploaded_at)
);

create index idx_scenario_files_scenario_id on simulation.scenario_files (scenario_id);

comment on table simulation.scenario_files is
'Uploaded source files (PDF case studies) of a scenario and their processing state. Source material: visible to the scenario''s creator and admins only, even for public scenarios.';
comment on column simulation.scenario_files.id is 'File id.';
comment on column simulation.scenario_files.scenario_id is 'Scenario the file belongs to.';
comment on column simulation.scenario_files.file_path is 'Path of the stored file.';
comment on column simulation.scenario_files.file_size is 'File size in bytes.';
comment on column simulation.scenario_files.file_type is 'MIME type (default application/pdf).';
comment on column simulation.scenario_files.original_content is 'Original extracted text.';
comment on column simulation.scenario_files.processed_content is 'AI-processed, structured content.';
comment on column simulation.scenario_files.processing_status is 'pending, processing, completed or failed.';
comment on column simulation.scenario_files.processing_log is 'JSON object processing log; errors and warnings, when present, are arrays.';
comment on column simulation.scenario_files.uploaded_at is 'Upload timestamp.';
comment on column simulation.scenario_files.processed_at is 'Processing completion timestamp (not before uploaded_at).';

-- ---------------------------------------------------------------------------
-- user_progress
-- ---------------------------------------------------------------------------

create table simulation.user_progress (
    id bigint generated always as identity,
    user_id bigint not null default simulation_private.current_user_id(),
    scenario_id bigint not null,
    current_scene_id bigint,
    simulation_status simulation.simulation_status not null default 'not_started',
    scenes_completed jsonb not null default '[]'::jsonb,
    total_attempts integer not null default 0,
    hints_used integer not null default 0,
    forced_progressions integer not null default 0,
    orchestrator_data jsonb not null default '{}'::jsonb,
    completion_percentage double precision not null default 0.0,
    total_time_spent integer not null default 0,
    session_count integer not null default 0,
    final_score double precision,
    started_at timestamptz,
    completed_at timestamptz,
    last_activity timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint user_progress_pkey primary key (id),
    constraint user_progress_id_user_id_key unique (id, user_id),
    constraint user_progress_user_id_fkey foreign key (user_id)
        references simulation.users (id) on delete cascade,
    constraint user_progress_scenario_id_fkey foreign key (scenario_id)
        references simulation.scenarios (id) on delete cascade,
    constraint user_progress_current_scene_id_scenario_id_fkey foreign key (current_scene_id, scenario_id)
        references simulation.scenario_scenes (id, scenario_id) on delete set null (current_scene_id),
    constraint user_progress_scenes_completed_check check (
        jsonb_typeof(scenes_completed) = 'array'
        and not jsonb_path_exists(scenes_completed, 'strict $[*] ? (@.type() != "number" || @ < 1 || @.floor() != @)', '{}', true)
    ),
    constraint user_progress_total_attempts_check check (total_attempts >= 0),
    constraint user_progress_hints_used_check check (hints_used >= 0),
    constraint user_progress_forced_progressions_check check (forced_progressions >= 0),
    constraint user_progress_orchestrator_data_check check (jsonb_typeof(orchestrator_data) = 'object'),
    constraint user_progress_completion_percentage_check check (completion_percentage between 0.0 and 100.0),
    constraint user_progress_total_time_spent_check check (total_time_spent >= 0),
    constraint user_progress_session_count_check check (session_count >= 0),
    constraint user_progress_final_score_check check (final_score is null or final_score between 0.0 and 100.0),
    constraint user_progress_completed_at_check check (
        completed_at is null or started_at is null or completed_at >= started_at
    )
);

create index idx_user_progress_user_id on simulation.user_progress (user_id);
create index idx_user_progress_scenario_id on simulation.user_progress (scenario_id);
create index idx_user_progress_status on simulation.user_progress (simulation_status);
create index idx_user_progress_user_status on simulation.user_progress (user_id, simulation_status);
create index idx_user_progress_current_scene_id on simulation.user_progress (current_scene_id, scenario_id);
create unique index idx_user_progress_one_active on simulation.user_progress (user_id, scenario_id)
    where simulation_status in ('not_started', 'in_progress');

comment on table simulation.user_progress is
'A user''s run through a scenario (ChatOrchestrator state included). A user may replay a scenario, but has at most one active (not_started/in_progress) run per scenario. Visible only to its user.';
comment on column simulation.user_progress.id is 'Run id.';
comment on column simulation.user_progress.user_id is 'The learner (profile id); defaults to the caller''s profile.';
comment on column simulation.user_progress.scenario_id is 'Scenario being simulated.';
comment on column simulation.user_progress.current_scene_id is 'Current scene; the composite foreign key with scenario_id guarantees it belongs to the scenario being simulated.';
comment on column simulation.user_progress.simulation_status is 'not_started, in_progress, completed or abandoned.';
comment on column simulation.user_progress.scenes_completed is 'JSON array of ids of scenes finished (goal achieved or forced on), each a scene of this scenario (trigger-checked), e.g. [1, 3, 5].';
comment on column simulation.user_progress.total_attempts is 'Total attempts across all scenes.';
comment on column simulation.user_progress.hints_used is 'Total hints used in the run.';
comment on column simulation.user_progress.forced_progressions is 'Number of scenes left by forced progression after max_attempts.';
comment on column simulation.user_progress.orchestrator_data is 'JSON object: ChatOrchestrator state and context (current_turn, persona_states, scene_context...).';
comment on column simulation.user_progress.completion_percentage is 'Share of the scenario''s scenes finished, 0.0-100.0.';
comment on column simulation.user_progress.total_time_spent is 'Total time spent in seconds.';
comment on column simulation.user_progress.session_count is 'Number of sessions (start_simulation calls).';
comment on column simulation.user_progress.final_score is 'Final score 0.0-100.0: mean goal achievement score of the scenes x 100, set on completion.';
comment on column simulation.user_progress.started_at is 'When the run started.';
comment on column simulation.user_progress.completed_at is 'When the run completed.';
comment on column simulation.user_progress.last_activity is 'Last activity in the run.';
comment on column simulation.user_progress.created_at is 'Creation timestamp.';
comment on column simulation.user_progress.updated_at is 'Last update timestamp (trigger).';
comment on index simulation.idx_user_progress_one_active is 'At most one active (not_started/in_progress) run per user and scenario.';
comment on constraint user_progress_id_user_id_key on simulation.user_progress is
'Target of conversation_logs'' composite foreign key (user_progress_id, user_id): it keeps a message''s user_id equal to its run''s user.';

-- ---------------------------------------------------------------------------
-- scene_progress
-- ---------------------------------------------------------------------------

create table simulation.scene_progress (
    id bigint generated always as identity,
    user_progress_id bigint not null,
    scene_id bigint not null,
    status simulation.scene_status not null default 'not_started',
    attempts integer not null default 0,
    hints_used integer not null default 0,
    goal_achieved boolean not null default false,
    forced_progression boolean not null default false,
    time_spent integer not null default 0,
    messages_sent integer not null default 0,
    ai_responses integer not null default 0,
    goal_achievement_score double precision,
    interaction_quality double precision,
    scene_feedback text,
    started_at timestamptz,
    completed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint scene_progress_pkey primary key (id),
    constraint scene_progress_user_progress_id_scene_id_key unique (user_progress_id, scene_id),
    constraint scene_progress_user_progress_id_fkey foreign key (user_progress_id)
        references simulation.user_progress (id) on delete cascade,
    constraint scene_progress_scene_id_fkey foreign key (scene_id)
        references simulation.scenario_scenes (id) on delete cascade,
    constraint scene_progress_attempts_check check (attempts >= 0),
    constraint scene_progress_hints_used_check check (hints_used >= 0),
    constraint scene_progress_time_spent_check check (time_spent >= 0),
    constraint scene_progress_messages_sent_check check (messages_sent >= 0),
    constraint scene_progress_ai_responses_check check (ai_responses >= 0),
    constraint scene_progress_goal_achievement_score_check check (
        goal_achievement_score is null or goal_achievement_score between 0.0 and 1.0
    ),
    constraint scene_progress_interaction_quality_check check (
        interaction_quality is null or interaction_quality between 0.0 and 1.0
    ),
    constraint scene_progress_forced_progression_check check (not (forced_progression and goal_achieved)),
    constraint scene_progress_completed_at_check check (
        completed_at is null or started_at is null or completed_at >= started_at
    )
);

create index idx_scene_progress_user_progress_id on simulation.scene_progress (user_progress_id);
create index idx_scene_progress_scene_id on simulation.scene_progress (scene_id);
create index idx_scene_progress_status on simulation.scene_progress (status);
create index idx_scene_progress_scene_status on simulation.scene_progress (scene_id, status);

comment on table simulation.scene_progress is
'Progress within one scene of a run (one row per run and scene); the scene must belong to the run''s scenario (trigger). Visible only to the run''s user.';
comment on column simulation.scene_progress.id is 'Scene progress id.';
comment on column simulation.scene_progress.user_progress_id is 'The run.';
comment on column simulation.scene_progress.scene_id is 'The scene (of the run''s scenario).';
comment on column simulation.scene_progress.status is 'not_started, in_progress, completed (goal achieved) or failed (left by forced progression).';
comment on column simulation.scene_progress.attempts is 'Attempts made in this scene.';
comment on column simulation.scene_progress.hints_used is 'Hints used in this scene.';
comment on column simulation.scene_progress.goal_achieved is 'Whether the scene goal was achieved.';
comment on column simulation.scene_progress.forced_progression is 'Whether the learner was moved on after max_attempts without achieving the goal.';
comment on column simulation.scene_progress.time_spent is 'Time spent in this scene (seconds).';
comment on column simulation.scene_progress.messages_sent is 'User messages sent in this scene.';
comment on column simulation.scene_progress.ai_responses is 'AI responses received in this scene.';
comment on column simulation.scene_progress.goal_achievement_score is 'AI-assessed goal achievement score of the last attempt, 0.0-1.0.';
comment on column simulation.scene_progress.interaction_quality is 'Quality of the user''s interactions, 0.0-1.0.';
comment on column simulation.scene_progress.scene_feedback is 'AI-generated feedback for the scene.';
comment on column simulation.scene_progress.started_at is 'Scene start timestamp.';
comment on column simulation.scene_progress.completed_at is 'Scene completion (or forced progression) timestamp.';
comment on column simulation.scene_progress.created_at is 'Creation timestamp.';
comment on column simulation.scene_progress.updated_at is 'Last update timestamp (trigger).';

-- ---------------------------------------------------------------------------
-- conversation_logs: partitioned by month on "timestamp"
-- ---------------------------------------------------------------------------

-- user_id is the run's learner, copied onto each message (see its comment):
-- the select policy becomes a column test and (user_id, "timestamp") serves
-- "my latest messages". The composite foreign key replaces a plain one on
-- user_progress_id and keeps the copy honest; the run index carries user_id
-- after user_progress_id so it covers that key and, under the policy
-- (user_id = me), still returns a run's messages in time order.
create table simulation.conversation_logs (
    id bigint generated always as identity,
    user_progress_id bigint not null,
    user_id bigint not null,
    scene_id bigint not null,
    message_type simulation.message_type not null,
    sender_name text,
    persona_id bigint,
    message_content text not null,
    message_order integer not null,
    attempt_number integer not null default 1,
    is_hint boolean not null default false,
    ai_context_used jsonb not null default '{}'::jsonb,
    ai_model_version text,
    processing_time double precision,
    user_reaction text,
    led_to_progress boolean not null default false,
    "timestamp" timestamptz not null default now(),
    constraint conversation_logs_pkey primary key (id, "timestamp"),
    constraint conversation_logs_user_progress_id_user_id_fkey foreign key (user_progress_id, user_id)
        references simulation.user_progress (id, user_id) on delete cascade on update cascade,
    constraint conversation_logs_scene_id_fkey foreign key (scene_id)
        references simulation.scenario_scenes (id) on delete cascade,
    constraint conversation_logs_persona_id_fkey foreign key (persona_id)
        references simulation.scenario_personas (id) on delete set null,
    constraint conversation_logs_message_order_check check (message_order >= 1),
    constraint conversation_logs_attempt_number_check check (attempt_number >= 1),
    constraint conversation_logs_persona_id_check check (persona_id is null or message_type = 'ai_persona'),
    constraint conversation_logs_is_hint_check check (message_type <> 'hint' or is_hint),
    constraint conversation_logs_ai_context_used_check check (jsonb_typeof(ai_context_used) = 'object'),
    constraint conversation_logs_processing_time_check check (processing_time is null or processing_time >= 0),
    constraint conversation_logs_user_reaction_check check (user_reaction in ('positive', 'negative', 'neutral'))
) partition by range ("timestamp");

create index idx_conversation_logs_user_progress_id on simulation.conversation_logs (user_progress_id, user_id, "timestamp");
create index idx_conversation_logs_user_id_timestamp on simulation.conversation_logs (user_id, "timestamp");
create index idx_conversation_logs_scene_id on simulation.conversation_logs (scene_id);
create index idx_conversation_logs_timestamp on simulation.conversation_logs ("timestamp");
create index idx_conversation_logs_persona_id on simulation.conversation_logs (persona_id);

comment on table simulation.conversation_logs is
'ChatOrchestrator conversation history, range-partitioned by month on "timestamp" (partitions conversation_logs_pYYYYMM plus conversation_logs_default; see simulation_private.create_conversation_log_partitions / drop_conversation_log_partitions). The primary key includes the partition key. Visible only to the run''s user; partitions are not readable directly.';
comment on column simulation.conversation_logs.id is 'Message id (unique with timestamp).';
comment on column simulation.conversation_logs.user_progress_id is 'The run the message belongs to.';
comment on column simulation.conversation_logs.user_id is 'The run''s learner (simulation.users id), copied from the run so the select policy and "my latest messages across runs" read the row itself: filled by trigger when omitted, kept equal to the run''s user by the composite foreign key (user_progress_id, user_id) (a mismatch is rejected, 23503; a change of the run''s user cascades).';
comment on column simulation.conversation_logs.scene_id is 'Scene of the message (of the run''s scenario, trigger-checked).';
comment on column simulation.conversation_logs.message_type is 'user, ai_persona, system or hint.';
comment on column simulation.conversation_logs.sender_name is 'Name of the sender.';
comment on column simulation.conversation_logs.persona_id is 'Persona speaking, for ai_persona messages only (of the run''s scenario; null after the persona is deleted).';
comment on column simulation.conversation_logs.message_content is 'Full message content.';
comment on column simulation.conversation_logs.message_order is 'Order of the message in the conversation (>= 1).';
comment on column simulation.conversation_logs.attempt_number is 'Scene attempt number when the message was sent (>= 1).';
comment on column simulation.conversation_logs.is_hint is 'Whether the message was a hint (always true for message_type hint).';
comment on column simulation.conversation_logs.ai_context_used is 'JSON object: AI context and prompt information.';
comment on column simulation.conversation_logs.ai_model_version is 'AI model version used.';
comment on column simulation.conversation_logs.processing_time is 'AI processing time in seconds (>= 0).';
comment on column simulation.conversation_logs.user_reaction is 'Categorised user reaction: positive, negative or neutral (null when unknown).';
comment on column simulation.conversation_logs.led_to_progress is 'Whether the message led to scene progression.';
comment on column simulation.conversation_logs."timestamp" is 'Message timestamp; the partition key.';
comment on index simulation.idx_conversation_logs_user_progress_id is 'A run''s conversation in time order (the seed''s (user_progress_id, timestamp) with user_id inserted: it covers the composite foreign key (user_progress_id, user_id), and a member''s query of a run, where the select policy adds user_id = me, reads it in "timestamp" order).';
comment on index simulation.idx_conversation_logs_user_id_timestamp is 'A learner''s latest messages across all runs (select policy user_id = current_user_id(), order by "timestamp" desc); created on every partition.';

-- ---------------------------------------------------------------------------
-- scenario_reviews
-- ---------------------------------------------------------------------------

create table simulation.scenario_reviews (
    id bigint generated always as identity,
    scenario_id bigint not null,
    reviewer_id bigint not null default simulation_private.current_user_id(),
    rating integer not null,
    review_text text,
    pros jsonb not null default '[]'::jsonb,
    cons jsonb not null default '[]'::jsonb,
    use_case text,
    helpful_votes integer not null default 0,
    total_votes integer not null default 0,
    created_at timestamptz not null default now(),
    constraint scenario_reviews_pkey primary key (id),
    constraint scenario_reviews_scenario_id_reviewer_id_key unique (scenario_id, reviewer_id),
    constraint scenario_reviews_scenario_id_fkey foreign key (scenario_id)
        references simulation.scenarios (id) on delete cascade,
    constraint scenario_reviews_reviewer_id_fkey foreign key (reviewer_id)
        references simulation.users (id) on delete cascade,
    constraint scenario_reviews_rating_check check (rating between 1 and 5),
    constraint scenario_reviews_pros_check check (
        jsonb_typeof(pros) = 'array'
        and not jsonb_path_exists(pros, 'strict $[*] ? (@.type() != "string")', '{}', true)
    ),
    constraint scenario_reviews_cons_check check (
        jsonb_typeof(cons) = 'array'
        and not jsonb_path_exists(cons, 'strict $[*] ? (@.type() != "string")', '{}', true)
    ),
    constraint scenario_reviews_helpful_votes_check check (helpful_votes >= 0),
    constraint scenario_reviews_total_votes_check check (total_votes >= helpful_votes)
);

create index idx_scenario_reviews_reviewer_id on simulation.scenario_reviews (reviewer_id);

comment on table simulation.scenario_reviews is
'Community reviews of public scenarios: one per scenario and reviewer, not by the scenario''s creator. Readable wherever the scenario is public; written by the reviewer only; admins moderate (update/delete).';
comment on column simulation.scenario_reviews.id is 'Review id.';
comment on column simulation.scenario_reviews.scenario_id is 'Reviewed scenario (the unique key (scenario_id, reviewer_id) indexes it).';
comment on column simulation.scenario_reviews.reviewer_id is 'Reviewing user (profile id); defaults to the caller''s profile.';
comment on column simulation.scenario_reviews.rating is 'Rating 1-5.';
comment on column simulation.scenario_reviews.review_text is 'Review text.';
comment on column simulation.scenario_reviews.pros is 'JSON array of positive aspects (strings).';
comment on column simulation.scenario_reviews.cons is 'JSON array of negative aspects (strings).';
comment on column simulation.scenario_reviews.use_case is 'Use case or context of the review.';
comment on column simulation.scenario_reviews.helpful_votes is 'Helpful votes (never above total_votes); changed by admins or the service role only.';
comment on column simulation.scenario_reviews.total_votes is 'Total votes received.';
comment on column simulation.scenario_reviews.created_at is 'Review creation timestamp.';
