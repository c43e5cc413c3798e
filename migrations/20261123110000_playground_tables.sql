-- playground: schemas and tables of the AI Playground
-- (seed 000_d23df66fe7bfcd04.txt): sessions, interactions, creations and
-- their shares, achievement definitions and awarded achievements, toolkit
-- items and synthetic nonprofit profiles, with their indexes and the
-- updated_at triggers.

create schema playground;
comment on schema playground is
'AI Playground (seed 000): sessions, interactions, creations, achievements, toolkit items, synthetic nonprofit profiles, analytics views and helper functions. Exposed through the API.';

create schema playground_private;
comment on schema playground_private is
'Private helpers of the playground module (trigger functions, SECURITY DEFINER helpers). Not exposed through the API.';
revoke all on schema playground_private from public;

create function playground_private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

comment on function playground_private.set_updated_at() is
'Trigger function: sets updated_at to now() on every update.';

------------------------------------------------------------------------------
-- toolkit items (created first: interactions and creations reference them)
------------------------------------------------------------------------------
create table playground.ai_playground_toolkit_items (
    id uuid not null default gen_random_uuid(),
    tool_name text not null,
    display_name text not null,
    description text not null,
    category text not null,
    capabilities text[] not null default '{}',
    tags text[] not null default '{}',
    icon text,
    difficulty_level text not null default 'beginner',
    usage_count bigint not null default 0,
    unique_user_count integer not null default 0,
    last_used_at timestamptz,
    rating_sum bigint not null default 0,
    rating_count integer not null default 0,
    average_rating numeric(3, 2) generated always as (
        case when rating_count = 0 then null else round(rating_sum::numeric / rating_count, 2) end
    ) stored,
    is_active boolean not null default true,
    is_beta boolean not null default false,
    is_premium boolean not null default false,
    learning_resources jsonb not null default '[]',
    documentation_url text,
    version text not null default '1.0.0',
    changelog jsonb not null default '[]',
    sort_order integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ai_playground_toolkit_items_pkey primary key (id),
    constraint ai_playground_toolkit_items_tool_name_key unique (tool_name),
    constraint ai_playground_toolkit_items_tool_name_check check (tool_name ~ '^[a-z][a-z0-9_]{1,62}$'),
    constraint ai_playground_toolkit_items_display_name_check check (length(btrim(display_name)) between 1 and 120),
    constraint ai_playground_toolkit_items_description_check check (length(btrim(description)) between 1 and 2000),
    constraint ai_playground_toolkit_items_category_check check (category in (
        'prompt_engineering', 'simulation', 'content_generation', 'data_analysis',
        'automation', 'evaluation', 'communication', 'learning'
    )),
    constraint ai_playground_toolkit_items_difficulty_level_check check (difficulty_level in (
        'beginner', 'intermediate', 'advanced', 'expert'
    )),
    constraint ai_playground_toolkit_items_usage_count_check check (usage_count >= 0),
    constraint ai_playground_toolkit_items_unique_user_count_check check (unique_user_count >= 0),
    constraint ai_playground_toolkit_items_rating_count_check check (rating_count >= 0),
    constraint ai_playground_toolkit_items_rating_sum_check check (rating_sum between rating_count and 5::bigint * rating_count),
    constraint ai_playground_toolkit_items_learning_resources_check check (
        jsonb_typeof(learning_resources) = 'array'
        and not jsonb_path_exists(learning_resources,
            '$[*] ? (@.type() != "object" || !exists(@.title) || !exists(@.url) || @.title.type() != "string" || @.url.type() != "string")')
    ),
    constraint ai_playground_toolkit_items_version_check check (version ~ '^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$'),
    constraint ai_playground_toolkit_items_changelog_check check (
        jsonb_typeof(changelog) = 'array'
        and not jsonb_path_exists(changelog,
            '$[*] ? (@.type() != "object" || !exists(@.version) || !exists(@.changes) || @.version.type() != "string" || @.changes.type() != "array")')
    )
);

comment on table playground.ai_playground_toolkit_items is
'Catalogue of the AI tools and features offered in the playground. Public read while active; managed by admins (app_metadata.role = admin) and service_role. Usage statistics (usage_count, unique_user_count, last_used_at, rating_sum, rating_count) are maintained by triggers on ai_playground_interactions. A tool with recorded interactions cannot be deleted (deactivate it instead).';
comment on column playground.ai_playground_toolkit_items.id is 'Surrogate primary key.';
comment on column playground.ai_playground_toolkit_items.tool_name is 'Stable machine name of the tool (e.g. prompt_builder); the key interactions and creations refer to and that track_tool_usage takes.';
comment on column playground.ai_playground_toolkit_items.display_name is 'Human readable tool name.';
comment on column playground.ai_playground_toolkit_items.description is 'What the tool does, shown in the toolkit.';
comment on column playground.ai_playground_toolkit_items.category is 'Tool category: prompt_engineering, simulation, content_generation, data_analysis, automation, evaluation, communication or learning. Skill levels are computed per category.';
comment on column playground.ai_playground_toolkit_items.capabilities is 'Capabilities the tool offers (free-form keywords, e.g. {templating,variables}).';
comment on column playground.ai_playground_toolkit_items.tags is 'Search tags (GIN indexed).';
comment on column playground.ai_playground_toolkit_items.icon is 'Icon name used by the front end.';
comment on column playground.ai_playground_toolkit_items.difficulty_level is 'Expected learner level: beginner, intermediate, advanced or expert.';
comment on column playground.ai_playground_toolkit_items.usage_count is 'Number of recorded interactions with the tool (maintained by trigger).';
comment on column playground.ai_playground_toolkit_items.unique_user_count is 'Number of distinct users who used the tool at least once (maintained by trigger).';
comment on column playground.ai_playground_toolkit_items.last_used_at is 'Time of the latest recorded interaction with the tool (maintained by trigger).';
comment on column playground.ai_playground_toolkit_items.rating_sum is 'Sum of the 1-5 ratings users gave interactions with this tool (maintained by trigger).';
comment on column playground.ai_playground_toolkit_items.rating_count is 'Number of rated interactions with this tool (maintained by trigger).';
comment on column playground.ai_playground_toolkit_items.average_rating is 'Generated: rating_sum / rating_count rounded to 2 decimals; null while unrated.';
comment on column playground.ai_playground_toolkit_items.is_active is 'Inactive tools are hidden from users and cannot be used.';
comment on column playground.ai_playground_toolkit_items.is_beta is 'Beta feature flag.';
comment on column playground.ai_playground_toolkit_items.is_premium is 'Premium feature flag.';
comment on column playground.ai_playground_toolkit_items.learning_resources is 'JSON array of learning resources: objects with string keys title and url (optional type).';
comment on column playground.ai_playground_toolkit_items.documentation_url is 'Link to the tool documentation.';
comment on column playground.ai_playground_toolkit_items.version is 'Semantic version of the tool (major.minor.patch).';
comment on column playground.ai_playground_toolkit_items.changelog is 'JSON array of releases: objects with string version, array changes (optional date).';
comment on column playground.ai_playground_toolkit_items.sort_order is 'Display order inside a category.';
comment on column playground.ai_playground_toolkit_items.created_at is 'When the row was created.';
comment on column playground.ai_playground_toolkit_items.updated_at is 'When the row was last updated (trigger).';

create index idx_ai_playground_toolkit_items_is_active_category
    on playground.ai_playground_toolkit_items (is_active, category, sort_order);
create index idx_ai_playground_toolkit_items_tags
    on playground.ai_playground_toolkit_items using gin (tags);
create index idx_ai_playground_toolkit_items_average_rating
    on playground.ai_playground_toolkit_items (average_rating desc nulls last)
    where is_active;

create trigger set_updated_at
before update on playground.ai_playground_toolkit_items
for each row execute function playground_private.set_updated_at();

------------------------------------------------------------------------------
-- synthetic nonprofit profiles (sessions may practise on one)
------------------------------------------------------------------------------
create table playground.synthetic_nonprofit_profiles (
    id uuid not null default gen_random_uuid(),
    organization_name text not null,
    organization_type text not null,
    mission_statement text not null,
    description text not null,
    organization_size text not null,
    staff_count integer not null,
    volunteer_count integer not null default 0,
    annual_budget_usd numeric(14, 2) not null,
    location text not null,
    founded_year integer not null,
    tech_maturity text not null,
    current_tools text[] not null default '{}',
    challenges text[] not null,
    practice_scenarios jsonb not null default '[]',
    difficulty_level text not null,
    learning_objectives text[] not null default '{}',
    usage_count integer not null default 0,
    average_rating numeric(3, 2),
    rating_count integer not null default 0,
    is_featured boolean not null default false,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint synthetic_nonprofit_profiles_pkey primary key (id),
    constraint synthetic_nonprofit_profiles_organization_name_key unique (organization_name),
    constraint synthetic_nonprofit_profiles_organization_name_check check (length(btrim(organization_name)) between 1 and 200),
    constraint synthetic_nonprofit_profiles_organization_type_check check (organization_type in (
        'animal_welfare', 'arts_culture', 'community_development', 'disaster_relief',
        'education', 'environmental', 'faith_based', 'food_security', 'healthcare',
        'housing_homelessness', 'human_rights', 'international_development',
        'mental_health', 'senior_services', 'youth_development'
    )),
    constraint synthetic_nonprofit_profiles_organization_size_check check (organization_size in (
        'micro', 'small', 'medium', 'large'
    )),
    constraint synthetic_nonprofit_profiles_staff_count_check check (staff_count >= 0),
    constraint synthetic_nonprofit_profiles_volunteer_count_check check (volunteer_count >= 0),
    constraint synthetic_nonprofit_profiles_annual_budget_usd_check check (annual_budget_usd >= 0),
    constraint synthetic_nonprofit_profiles_founded_year_check check (founded_year between 1800 and 2100),
    constraint synthetic_nonprofit_profiles_tech_maturity_check check (tech_maturity in (
        'nascent', 'developing', 'established', 'advanced'
    )),
    constraint synthetic_nonprofit_profiles_challenges_check check (cardinality(challenges) >= 1),
    constraint synthetic_nonprofit_profiles_practice_scenarios_check check (
        jsonb_typeof(practice_scenarios) = 'array'
        and not jsonb_path_exists(practice_scenarios,
            '$[*] ? (@.type() != "object" || !exists(@.title) || !exists(@.task) || @.title.type() != "string" || @.task.type() != "string")')
    ),
    constraint synthetic_nonprofit_profiles_difficulty_level_check check (difficulty_level in (
        'beginner', 'intermediate', 'advanced', 'expert'
    )),
    constraint synthetic_nonprofit_profiles_usage_count_check check (usage_count >= 0),
    constraint synthetic_nonprofit_profiles_average_rating_check check (average_rating between 1 and 5),
    constraint synthetic_nonprofit_profiles_rating_count_check check (rating_count >= 0),
    constraint synthetic_nonprofit_profiles_rating_consistency_check check ((rating_count = 0) = (average_rating is null))
);

comment on table playground.synthetic_nonprofit_profiles is
'Synthetic (fictional) nonprofit organisations used as practice scenarios. 15 organisation types; at least one profile per type ships with the migrations. Public read while active; managed by admins (app_metadata.role = admin) and service_role. usage_count is incremented by a trigger when a session is started on the profile; ratings are maintained by service_role (the seed names no rating flow).';
comment on column playground.synthetic_nonprofit_profiles.id is 'Surrogate primary key.';
comment on column playground.synthetic_nonprofit_profiles.organization_name is 'Fictional organisation name (unique).';
comment on column playground.synthetic_nonprofit_profiles.organization_type is 'One of the 15 nonprofit types: animal_welfare, arts_culture, community_development, disaster_relief, education, environmental, faith_based, food_security, healthcare, housing_homelessness, human_rights, international_development, mental_health, senior_services, youth_development.';
comment on column playground.synthetic_nonprofit_profiles.mission_statement is 'The organisation''s mission statement.';
comment on column playground.synthetic_nonprofit_profiles.description is 'Narrative background of the organisation for the learner.';
comment on column playground.synthetic_nonprofit_profiles.organization_size is 'Size band: micro (<5 staff), small (5-24), medium (25-99), large (100+).';
comment on column playground.synthetic_nonprofit_profiles.staff_count is 'Paid staff (headcount).';
comment on column playground.synthetic_nonprofit_profiles.volunteer_count is 'Active volunteers.';
comment on column playground.synthetic_nonprofit_profiles.annual_budget_usd is 'Annual operating budget in US dollars.';
comment on column playground.synthetic_nonprofit_profiles.location is 'Fictional or generic location (city / region).';
comment on column playground.synthetic_nonprofit_profiles.founded_year is 'Year the organisation was founded.';
comment on column playground.synthetic_nonprofit_profiles.tech_maturity is 'Technology maturity: nascent, developing, established or advanced.';
comment on column playground.synthetic_nonprofit_profiles.current_tools is 'Software the organisation already uses.';
comment on column playground.synthetic_nonprofit_profiles.challenges is 'Realistic challenges the learner can address with AI (at least one).';
comment on column playground.synthetic_nonprofit_profiles.practice_scenarios is 'JSON array of practice scenarios: objects with string keys title and task (optional suggested_tool).';
comment on column playground.synthetic_nonprofit_profiles.difficulty_level is 'Scenario difficulty for progression: beginner, intermediate, advanced or expert.';
comment on column playground.synthetic_nonprofit_profiles.learning_objectives is 'Learning objectives the profile is aligned with.';
comment on column playground.synthetic_nonprofit_profiles.usage_count is 'Number of playground sessions started on this profile (maintained by trigger).';
comment on column playground.synthetic_nonprofit_profiles.average_rating is 'Average 1-5 rating; null while unrated.';
comment on column playground.synthetic_nonprofit_profiles.rating_count is 'Number of ratings behind average_rating.';
comment on column playground.synthetic_nonprofit_profiles.is_featured is 'Highlighted profile.';
comment on column playground.synthetic_nonprofit_profiles.is_active is 'Inactive profiles are hidden from users.';
comment on column playground.synthetic_nonprofit_profiles.created_at is 'When the row was created.';
comment on column playground.synthetic_nonprofit_profiles.updated_at is 'When the row was last updated (trigger).';

create index idx_synthetic_nonprofit_profiles_organization_type
    on playground.synthetic_nonprofit_profiles (organization_type);
create index idx_synthetic_nonprofit_profiles_organization_size
    on playground.synthetic_nonprofit_profiles (organization_size);
create index idx_synthetic_nonprofit_profiles_tech_maturity
    on playground.synthetic_nonprofit_profiles (tech_maturity);
create index idx_synthetic_nonprofit_profiles_difficulty_level
    on playground.synthetic_nonprofit_profiles (difficulty_level);
create index idx_synthetic_nonprofit_profiles_is_active_is_featured
    on playground.synthetic_nonprofit_profiles (is_active, is_featured, organization_type);

create trigger set_updated_at
before update on playground.synthetic_nonprofit_profiles
for each row execute function playground_private.set_updated_at();

------------------------------------------------------------------------------
-- sessions
------------------------------------------------------------------------------
create table playground.ai_playground_sessions (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    activity_type text not null default 'free_exploration',
    nonprofit_profile_id uuid,
    session_start timestamptz not null default now(),
    session_end timestamptz,
    duration_seconds integer generated always as (
        case
            when session_end is null then null
            else floor(extract(epoch from (session_end - session_start)))::integer
        end
    ) stored,
    device_type text,
    browser text,
    interaction_count integer not null default 0,
    avg_response_time_ms integer,
    error_count integer not null default 0,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ai_playground_sessions_pkey primary key (id),
    constraint ai_playground_sessions_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint ai_playground_sessions_nonprofit_profile_id_fkey foreign key (nonprofit_profile_id)
        references playground.synthetic_nonprofit_profiles (id) on delete set null,
    constraint ai_playground_sessions_activity_type_check check (activity_type in (
        'prompt_building', 'ai_simulation', 'tool_exploration', 'content_creation',
        'nonprofit_scenario', 'data_analysis', 'free_exploration'
    )),
    constraint ai_playground_sessions_session_end_check check (session_end is null or session_end >= session_start),
    constraint ai_playground_sessions_device_type_check check (device_type in ('desktop', 'tablet', 'mobile', 'other')),
    constraint ai_playground_sessions_browser_check check (length(browser) <= 100),
    constraint ai_playground_sessions_interaction_count_check check (interaction_count >= 0),
    constraint ai_playground_sessions_avg_response_time_ms_check check (avg_response_time_ms >= 0),
    constraint ai_playground_sessions_error_count_check check (error_count >= 0 and error_count <= interaction_count),
    constraint ai_playground_sessions_metadata_check check (jsonb_typeof(metadata) = 'object')
);

comment on table playground.ai_playground_sessions is
'A user''s visit to the AI playground. Owners view, start and update (end) their own sessions; they cannot delete them (analytics history) except by deleting their account (cascade). interaction_count, avg_response_time_ms and error_count are maintained by triggers on ai_playground_interactions and are not writable by users.';
comment on column playground.ai_playground_sessions.id is 'Surrogate primary key.';
comment on column playground.ai_playground_sessions.user_id is 'The auth user who owns the session (auth.users.id; deleted with the user).';
comment on column playground.ai_playground_sessions.activity_type is 'Main activity of the session: prompt_building, ai_simulation, tool_exploration, content_creation, nonprofit_scenario, data_analysis or free_exploration (default).';
comment on column playground.ai_playground_sessions.nonprofit_profile_id is 'Synthetic nonprofit profile practised on during the session, if any (set null if the profile is deleted).';
comment on column playground.ai_playground_sessions.session_start is 'When the session started.';
comment on column playground.ai_playground_sessions.session_end is 'When the session ended; null while the session is active.';
comment on column playground.ai_playground_sessions.duration_seconds is 'Generated: whole seconds between session_start and session_end; null while active.';
comment on column playground.ai_playground_sessions.device_type is 'Device class reported by the client: desktop, tablet, mobile or other.';
comment on column playground.ai_playground_sessions.browser is 'Browser name/version reported by the client (max 100 characters).';
comment on column playground.ai_playground_sessions.interaction_count is 'Number of interactions recorded in the session (trigger).';
comment on column playground.ai_playground_sessions.avg_response_time_ms is 'Average AI response time in milliseconds over the session''s timed interactions (trigger); null when none was timed.';
comment on column playground.ai_playground_sessions.error_count is 'Number of failed interactions in the session (trigger).';
comment on column playground.ai_playground_sessions.metadata is 'Free-form client context (JSON object).';
comment on column playground.ai_playground_sessions.created_at is 'When the row was created.';
comment on column playground.ai_playground_sessions.updated_at is 'When the row was last updated (trigger).';

create index idx_ai_playground_sessions_user_id_session_start
    on playground.ai_playground_sessions (user_id, session_start desc);
create index idx_ai_playground_sessions_session_start
    on playground.ai_playground_sessions (session_start);
create index idx_ai_playground_sessions_activity_type
    on playground.ai_playground_sessions (activity_type);
create index idx_ai_playground_sessions_duration_seconds
    on playground.ai_playground_sessions (duration_seconds)
    where duration_seconds is not null;
create index idx_ai_playground_sessions_active
    on playground.ai_playground_sessions (user_id)
    where session_end is null;
create index idx_ai_playground_sessions_nonprofit_profile_id
    on playground.ai_playground_sessions (nonprofit_profile_id);

-- The owner-only select policy compares user_id with an initplan, unknown
-- when planning, so the planner estimates a user's rows from n_distinct
-- (about 6 sessions a user at scale) and sorted all of a heavy user's
-- sessions for a "newest first" list (507 ms for a typical user at 530k
-- sessions). A fixed n_distinct of 100 makes the ordered scan of
-- idx_ai_playground_sessions_user_id_session_start with LIMIT the plan for
-- every user (0.17 ms; BENCHMARKS.md P2). Taken at the next ANALYZE. Not set
-- on interactions: there the owner-only policy already gets the ordered index
-- scan, and the override slowed the generic plans of the invoker functions.
alter table playground.ai_playground_sessions
    alter column user_id set (n_distinct = 100);

create trigger set_updated_at
before update on playground.ai_playground_sessions
for each row execute function playground_private.set_updated_at();

------------------------------------------------------------------------------
-- interactions
------------------------------------------------------------------------------
create table playground.ai_playground_interactions (
    id uuid not null default gen_random_uuid(),
    session_id uuid not null,
    user_id uuid not null,
    interaction_type text not null,
    tool_name text not null,
    sequence_number integer not null,
    response_time_ms integer,
    tokens_used integer,
    success boolean not null default true,
    success_score integer,
    error_message text,
    user_feedback text,
    user_rating smallint,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ai_playground_interactions_pkey primary key (id),
    constraint ai_playground_interactions_session_id_fkey foreign key (session_id)
        references playground.ai_playground_sessions (id) on delete cascade,
    constraint ai_playground_interactions_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint ai_playground_interactions_tool_name_fkey foreign key (tool_name)
        references playground.ai_playground_toolkit_items (tool_name) on update cascade on delete restrict,
    constraint ai_playground_interactions_session_id_sequence_number_key unique (session_id, sequence_number),
    constraint ai_playground_interactions_interaction_type_check check (interaction_type in (
        'prompt_submit', 'prompt_refine', 'tool_open', 'tool_use', 'simulation_run',
        'content_generate', 'creation_save', 'creation_share', 'template_use',
        'feedback_submit', 'error'
    )),
    constraint ai_playground_interactions_sequence_number_check check (sequence_number >= 1),
    constraint ai_playground_interactions_response_time_ms_check check (response_time_ms between 0 and 3600000),
    constraint ai_playground_interactions_tokens_used_check check (tokens_used >= 0),
    constraint ai_playground_interactions_success_score_check check (success_score between 0 and 100),
    constraint ai_playground_interactions_error_message_check check (length(error_message) <= 2000),
    constraint ai_playground_interactions_user_feedback_check check (length(user_feedback) <= 2000),
    constraint ai_playground_interactions_user_rating_check check (user_rating between 1 and 5),
    constraint ai_playground_interactions_metadata_check check (jsonb_typeof(metadata) = 'object')
);

comment on table playground.ai_playground_interactions is
'One user interaction with an AI tool inside a session (usually recorded by track_tool_usage). Owners see and record their own; afterwards they may only change user_feedback and user_rating. sequence_number is assigned by a trigger (1, 2, ... per session) and session/tool statistics are updated by triggers. No delete for users (analytics history); rows go with the session or the user.';
comment on column playground.ai_playground_interactions.id is 'Surrogate primary key.';
comment on column playground.ai_playground_interactions.session_id is 'Session the interaction belongs to; must belong to the same user (trigger).';
comment on column playground.ai_playground_interactions.user_id is 'The auth user who interacted (deleted with the user).';
comment on column playground.ai_playground_interactions.interaction_type is 'Kind of interaction: prompt_submit, prompt_refine, tool_open, tool_use, simulation_run, content_generate, creation_save, creation_share, template_use, feedback_submit or error.';
comment on column playground.ai_playground_interactions.tool_name is 'Tool used (ai_playground_toolkit_items.tool_name). A tool with interactions cannot be deleted.';
comment on column playground.ai_playground_interactions.sequence_number is 'Position of the interaction within its session, 1-based, assigned by trigger (any supplied value is overwritten).';
comment on column playground.ai_playground_interactions.response_time_ms is 'AI response time in milliseconds (0 to 1 hour); null when not measured.';
comment on column playground.ai_playground_interactions.tokens_used is 'Model tokens consumed; null when unknown.';
comment on column playground.ai_playground_interactions.success is 'Whether the interaction succeeded; failures count as errors in the session statistics.';
comment on column playground.ai_playground_interactions.success_score is 'Quality/success score 0-100 assigned by the evaluator, if any.';
comment on column playground.ai_playground_interactions.error_message is 'Error description for failed interactions (max 2000 characters).';
comment on column playground.ai_playground_interactions.user_feedback is 'Free-text feedback from the user (max 2000 characters).';
comment on column playground.ai_playground_interactions.user_rating is 'User rating of the result, 1-5; feeds the tool''s average_rating.';
comment on column playground.ai_playground_interactions.metadata is 'Free-form details of the interaction (JSON object), e.g. {"prompt_length": 150}.';
comment on column playground.ai_playground_interactions.created_at is 'When the interaction happened.';
comment on column playground.ai_playground_interactions.updated_at is 'When the row was last updated (trigger).';

create index idx_ai_playground_interactions_user_id_created_at
    on playground.ai_playground_interactions (user_id, created_at desc);
create index idx_ai_playground_interactions_tool_name_created_at
    on playground.ai_playground_interactions (tool_name, created_at desc);
create index idx_ai_playground_interactions_user_id_tool_name
    on playground.ai_playground_interactions (user_id, tool_name);
create index idx_ai_playground_interactions_created_at
    on playground.ai_playground_interactions (created_at);
create index idx_ai_playground_interactions_interaction_type
    on playground.ai_playground_interactions (interaction_type, created_at desc);

create trigger set_updated_at
before update on playground.ai_playground_interactions
for each row execute function playground_private.set_updated_at();

------------------------------------------------------------------------------
-- creations and their shares
------------------------------------------------------------------------------
create table playground.ai_playground_creations (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    session_id uuid,
    parent_id uuid,
    version integer not null default 1,
    title text not null,
    description text,
    creation_type text not null,
    content jsonb not null default '{}',
    tool_name text,
    quality_score integer,
    complexity_level text not null default 'beginner',
    view_count integer not null default 0,
    use_count integer not null default 0,
    fork_count integer not null default 0,
    sharing_level text not null default 'private',
    is_template boolean not null default false,
    template_category text,
    is_published boolean not null default false,
    published_at timestamptz,
    tags text[] not null default '{}',
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ai_playground_creations_pkey primary key (id),
    constraint ai_playground_creations_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint ai_playground_creations_session_id_fkey foreign key (session_id)
        references playground.ai_playground_sessions (id) on delete set null,
    constraint ai_playground_creations_parent_id_fkey foreign key (parent_id)
        references playground.ai_playground_creations (id) on delete set null,
    constraint ai_playground_creations_tool_name_fkey foreign key (tool_name)
        references playground.ai_playground_toolkit_items (tool_name) on update cascade on delete set null,
    constraint ai_playground_creations_parent_id_check check (parent_id is distinct from id),
    constraint ai_playground_creations_version_check check (version >= 1),
    constraint ai_playground_creations_title_check check (length(btrim(title)) between 1 and 200),
    constraint ai_playground_creations_description_check check (length(description) <= 5000),
    constraint ai_playground_creations_creation_type_check check (creation_type in (
        'prompt', 'prompt_chain', 'simulation', 'chatbot', 'workflow',
        'document', 'analysis', 'image', 'other'
    )),
    constraint ai_playground_creations_content_check check (jsonb_typeof(content) = 'object'),
    constraint ai_playground_creations_quality_score_check check (quality_score between 0 and 100),
    constraint ai_playground_creations_complexity_level_check check (complexity_level in (
        'beginner', 'intermediate', 'advanced', 'expert'
    )),
    constraint ai_playground_creations_view_count_check check (view_count >= 0),
    constraint ai_playground_creations_use_count_check check (use_count >= 0),
    constraint ai_playground_creations_fork_count_check check (fork_count >= 0),
    constraint ai_playground_creations_sharing_level_check check (sharing_level in ('private', 'public', 'shared')),
    constraint ai_playground_creations_template_category_check check (template_category is null or is_template),
    constraint ai_playground_creations_is_published_check check (not is_published or sharing_level = 'public'),
    constraint ai_playground_creations_published_at_check check ((published_at is not null) = is_published),
    constraint ai_playground_creations_tags_check check (cardinality(tags) <= 20),
    constraint ai_playground_creations_metadata_check check (jsonb_typeof(metadata) = 'object')
);

comment on table playground.ai_playground_creations is
'Content users create in the playground (prompts, simulations, workflows...). Versions and forks form a parent/child tree through parent_id: a child of one''s own creation is a new version (version = parent version + 1), a child of someone else''s visible creation is a fork (the parent''s fork_count is incremented). Visibility by sharing_level: private (owner only), shared (owner and the users listed in ai_playground_creation_shares), public (everyone, including anon). Owners fully manage their creations; counters and quality_score are maintained by the platform (service_role).';
comment on column playground.ai_playground_creations.id is 'Surrogate primary key.';
comment on column playground.ai_playground_creations.user_id is 'Owner (auth.users.id; deleted with the user).';
comment on column playground.ai_playground_creations.session_id is 'Session in which the creation was made, if any (set null when the session goes).';
comment on column playground.ai_playground_creations.parent_id is 'Previous version (own creation) or forked original (someone else''s); set null if the parent is deleted.';
comment on column playground.ai_playground_creations.version is 'Version number: 1 for an original or a fork, parent version + 1 for a new version of one''s own creation (set by trigger).';
comment on column playground.ai_playground_creations.title is 'Title (1-200 characters).';
comment on column playground.ai_playground_creations.description is 'Optional description (max 5000 characters).';
comment on column playground.ai_playground_creations.creation_type is 'Kind of creation: prompt, prompt_chain, simulation, chatbot, workflow, document, analysis, image or other.';
comment on column playground.ai_playground_creations.content is 'The creation itself (JSON object; shape depends on creation_type).';
comment on column playground.ai_playground_creations.tool_name is 'Main tool used to make it (set null if the tool is deleted).';
comment on column playground.ai_playground_creations.quality_score is 'Quality score 0-100 assigned by the platform evaluator (service_role); null until evaluated.';
comment on column playground.ai_playground_creations.complexity_level is 'Complexity: beginner, intermediate, advanced or expert.';
comment on column playground.ai_playground_creations.view_count is 'Times viewed (maintained by the platform).';
comment on column playground.ai_playground_creations.use_count is 'Times used, e.g. as a template (maintained by the platform).';
comment on column playground.ai_playground_creations.fork_count is 'Times forked by other users (trigger).';
comment on column playground.ai_playground_creations.sharing_level is 'private (owner only, default), shared (owner + named users in ai_playground_creation_shares) or public (everyone).';
comment on column playground.ai_playground_creations.is_template is 'Offered as a reusable template.';
comment on column playground.ai_playground_creations.template_category is 'Template category; only for templates.';
comment on column playground.ai_playground_creations.is_published is 'Published to the community showcase; requires sharing_level = public.';
comment on column playground.ai_playground_creations.published_at is 'When it was published; set exactly when is_published (trigger stamps it).';
comment on column playground.ai_playground_creations.tags is 'Tags for categorisation and search (max 20; GIN indexed).';
comment on column playground.ai_playground_creations.metadata is 'Free-form details (JSON object).';
comment on column playground.ai_playground_creations.created_at is 'When the creation was made.';
comment on column playground.ai_playground_creations.updated_at is 'When the row was last updated (trigger).';

create index idx_ai_playground_creations_user_id_created_at
    on playground.ai_playground_creations (user_id, created_at desc);
create index idx_ai_playground_creations_session_id
    on playground.ai_playground_creations (session_id);
create index idx_ai_playground_creations_parent_id
    on playground.ai_playground_creations (parent_id);
create index idx_ai_playground_creations_tool_name
    on playground.ai_playground_creations (tool_name);
create index idx_ai_playground_creations_tags
    on playground.ai_playground_creations using gin (tags);
create index idx_ai_playground_creations_quality_score
    on playground.ai_playground_creations (quality_score desc nulls last);
create index idx_ai_playground_creations_public
    on playground.ai_playground_creations (created_at desc)
    where sharing_level = 'public';
create index idx_ai_playground_creations_published
    on playground.ai_playground_creations (published_at desc)
    where is_published;
create index idx_ai_playground_creations_templates
    on playground.ai_playground_creations (template_category, use_count desc)
    where is_template;
create index idx_ai_playground_creations_creation_type
    on playground.ai_playground_creations (creation_type);

create trigger set_updated_at
before update on playground.ai_playground_creations
for each row execute function playground_private.set_updated_at();

create table playground.ai_playground_creation_shares (
    creation_id uuid not null,
    shared_with_user_id uuid not null,
    created_at timestamptz not null default now(),
    constraint ai_playground_creation_shares_pkey primary key (creation_id, shared_with_user_id),
    constraint ai_playground_creation_shares_creation_id_fkey foreign key (creation_id)
        references playground.ai_playground_creations (id) on delete cascade,
    constraint ai_playground_creation_shares_shared_with_user_id_fkey foreign key (shared_with_user_id)
        references auth.users (id) on delete cascade
);

comment on table playground.ai_playground_creation_shares is
'The named users a creation with sharing_level = shared is shared with (the seed''s "shared" option). The creation owner adds and removes entries; a recipient sees and may remove their own entry. Rows go with the creation or the recipient''s account.';
comment on column playground.ai_playground_creation_shares.creation_id is 'The shared creation.';
comment on column playground.ai_playground_creation_shares.shared_with_user_id is 'The auth user it is shared with (not the owner).';
comment on column playground.ai_playground_creation_shares.created_at is 'When it was shared.';

create index idx_ai_playground_creation_shares_shared_with_user_id
    on playground.ai_playground_creation_shares (shared_with_user_id);

------------------------------------------------------------------------------
-- achievements
------------------------------------------------------------------------------
create table playground.ai_playground_achievement_definitions (
    achievement_type text not null,
    name text not null,
    description text not null,
    category text not null,
    badge_level text not null,
    points integer not null,
    metric text not null,
    target_value integer not null,
    is_active boolean not null default true,
    sort_order integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ai_playground_achievement_definitions_pkey primary key (achievement_type),
    constraint ai_playground_achievement_definitions_achievement_type_check check (achievement_type ~ '^[a-z][a-z0-9_]{1,62}$'),
    constraint ai_playground_achievement_definitions_name_key unique (name),
    constraint ai_playground_achievement_definitions_description_check check (length(btrim(description)) >= 1),
    constraint ai_playground_achievement_definitions_category_check check (category in (
        'getting_started', 'exploration', 'creation', 'mastery', 'social', 'consistency'
    )),
    constraint ai_playground_achievement_definitions_badge_level_check check (badge_level in (
        'bronze', 'silver', 'gold', 'platinum', 'diamond'
    )),
    constraint ai_playground_achievement_definitions_points_check check (points between 1 and 10000),
    constraint ai_playground_achievement_definitions_metric_check check (metric in (
        'sessions', 'interactions', 'successful_interactions', 'prompt_submissions',
        'simulations_run', 'distinct_tools', 'creations', 'public_creations',
        'templates_created', 'forks_received', 'high_quality_creations',
        'scenario_sessions', 'ratings_given', 'active_days'
    )),
    constraint ai_playground_achievement_definitions_target_value_check check (target_value >= 1)
);

comment on table playground.ai_playground_achievement_definitions is
'Catalogue of the achievement types (the seed''s "20+ achievement types"), kept as data rather than an enum so new ones need no schema change. Each is earned when the user''s metric reaches target_value; check_and_award_achievements evaluates them. Public read while active; managed by admins and service_role.';
comment on column playground.ai_playground_achievement_definitions.achievement_type is 'Stable machine name of the achievement (primary key).';
comment on column playground.ai_playground_achievement_definitions.name is 'Display name (unique).';
comment on column playground.ai_playground_achievement_definitions.description is 'How to earn it.';
comment on column playground.ai_playground_achievement_definitions.category is 'getting_started, exploration, creation, mastery, social or consistency.';
comment on column playground.ai_playground_achievement_definitions.badge_level is 'Badge: bronze, silver, gold, platinum or diamond.';
comment on column playground.ai_playground_achievement_definitions.points is 'Reward points (1-10000).';
comment on column playground.ai_playground_achievement_definitions.metric is 'What is counted: sessions, interactions, successful_interactions, prompt_submissions (interaction_type prompt_submit), simulations_run (simulation_run), distinct_tools, creations, public_creations, templates_created, forks_received (forks of the user''s creations by others), high_quality_creations (quality_score >= 80), scenario_sessions (sessions on a nonprofit profile), ratings_given (rated interactions), active_days (distinct UTC days with a session).';
comment on column playground.ai_playground_achievement_definitions.target_value is 'Metric value at which the achievement is unlocked (>= 1).';
comment on column playground.ai_playground_achievement_definitions.is_active is 'Inactive definitions are no longer evaluated or shown.';
comment on column playground.ai_playground_achievement_definitions.sort_order is 'Display order.';
comment on column playground.ai_playground_achievement_definitions.created_at is 'When the row was created.';
comment on column playground.ai_playground_achievement_definitions.updated_at is 'When the row was last updated (trigger).';

create index idx_ai_playground_achievement_definitions_is_active_metric
    on playground.ai_playground_achievement_definitions (is_active, metric);

create trigger set_updated_at
before update on playground.ai_playground_achievement_definitions
for each row execute function playground_private.set_updated_at();

create table playground.ai_playground_achievements (
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    achievement_type text not null,
    category text not null,
    badge_level text not null,
    points integer not null,
    progress_current integer not null default 0,
    progress_target integer not null,
    progress_percentage numeric(5, 2) generated always as (
        least(100::numeric, round(progress_current * 100.0 / progress_target, 2))
    ) stored,
    is_completed boolean generated always as (progress_current >= progress_target) stored,
    unlocked_at timestamptz,
    is_shared boolean not null default false,
    congratulations_count integer not null default 0,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ai_playground_achievements_pkey primary key (id),
    constraint ai_playground_achievements_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade,
    constraint ai_playground_achievements_achievement_type_fkey foreign key (achievement_type)
        references playground.ai_playground_achievement_definitions (achievement_type)
        on update cascade on delete restrict,
    constraint ai_playground_achievements_user_id_achievement_type_key unique (user_id, achievement_type),
    constraint ai_playground_achievements_category_check check (category in (
        'getting_started', 'exploration', 'creation', 'mastery', 'social', 'consistency'
    )),
    constraint ai_playground_achievements_badge_level_check check (badge_level in (
        'bronze', 'silver', 'gold', 'platinum', 'diamond'
    )),
    constraint ai_playground_achievements_points_check check (points between 1 and 10000),
    constraint ai_playground_achievements_progress_current_check check (progress_current >= 0),
    constraint ai_playground_achievements_progress_target_check check (progress_target >= 1),
    constraint ai_playground_achievements_unlocked_at_check check (unlocked_at is null or progress_current >= progress_target),
    constraint ai_playground_achievements_is_shared_check check (not is_shared or unlocked_at is not null),
    constraint ai_playground_achievements_congratulations_count_check check (congratulations_count >= 0),
    constraint ai_playground_achievements_metadata_check check (jsonb_typeof(metadata) = 'object')
);

comment on table playground.ai_playground_achievements is
'A user''s progress towards, and award of, each achievement type. Rows are created and advanced only by check_and_award_achievements (one row per user and type: awarding is idempotent). category, badge_level and points are copied from the definition when the row is created so an award keeps what it was worth. Owners see their own rows and may only toggle is_shared; other signed-in users see shared unlocked achievements. A definition that has rows here cannot be deleted (deactivate it).';
comment on column playground.ai_playground_achievements.id is 'Surrogate primary key.';
comment on column playground.ai_playground_achievements.user_id is 'The auth user (deleted with the user).';
comment on column playground.ai_playground_achievements.achievement_type is 'The achievement (ai_playground_achievement_definitions); unique per user.';
comment on column playground.ai_playground_achievements.category is 'Category copied from the definition (indexed for filtering).';
comment on column playground.ai_playground_achievements.badge_level is 'Badge copied from the definition: bronze, silver, gold, platinum or diamond.';
comment on column playground.ai_playground_achievements.points is 'Points copied from the definition.';
comment on column playground.ai_playground_achievements.progress_current is 'Current value of the definition''s metric for the user (never decreases).';
comment on column playground.ai_playground_achievements.progress_target is 'Metric value needed (definition target_value when the row was created).';
comment on column playground.ai_playground_achievements.progress_percentage is 'Generated: progress_current / progress_target as a percentage, capped at 100.';
comment on column playground.ai_playground_achievements.is_completed is 'Generated: progress_current >= progress_target.';
comment on column playground.ai_playground_achievements.unlocked_at is 'When the achievement was awarded; set once, never reset.';
comment on column playground.ai_playground_achievements.is_shared is 'Shared with the community by the owner (only unlocked achievements can be shared).';
comment on column playground.ai_playground_achievements.congratulations_count is 'Congratulations received from other users (maintained by the platform).';
comment on column playground.ai_playground_achievements.metadata is 'Free-form details (JSON object).';
comment on column playground.ai_playground_achievements.created_at is 'When tracking started.';
comment on column playground.ai_playground_achievements.updated_at is 'When the row was last updated (trigger).';

create index idx_ai_playground_achievements_achievement_type
    on playground.ai_playground_achievements (achievement_type);
create index idx_ai_playground_achievements_in_progress
    on playground.ai_playground_achievements (user_id, progress_percentage desc)
    where unlocked_at is null;
create index idx_ai_playground_achievements_category
    on playground.ai_playground_achievements (category, user_id);
create index idx_ai_playground_achievements_shared
    on playground.ai_playground_achievements (unlocked_at desc)
    where is_shared;
create index idx_ai_playground_achievements_unlocked_at
    on playground.ai_playground_achievements (unlocked_at)
    where unlocked_at is not null;

create trigger set_updated_at
before update on playground.ai_playground_achievements
for each row execute function playground_private.set_updated_at();

------------------------------------------------------------------------------
-- UTC-day expression indexes for the daily analytics views (date filters)
------------------------------------------------------------------------------
create index idx_ai_playground_sessions_session_start_day
    on playground.ai_playground_sessions (((session_start at time zone 'UTC')::date));
create index idx_ai_playground_interactions_created_at_day
    on playground.ai_playground_interactions (((created_at at time zone 'UTC')::date));
create index idx_ai_playground_creations_created_at_day
    on playground.ai_playground_creations (((created_at at time zone 'UTC')::date));
create index idx_ai_playground_achievements_unlocked_at_day
    on playground.ai_playground_achievements (((unlocked_at at time zone 'UTC')::date))
    where unlocked_at is not null;
