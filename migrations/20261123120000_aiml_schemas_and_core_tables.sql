-- aiml: schemas, extensions, shared domains and the core tables
-- (users, industries, use_case_categories, use_cases, use_case_executions,
-- discovery_tools, discovery_tool_executions).
-- Seed: 002_d4bdc9bb9cc10868.txt (AI/ML Playground platform).

create extension if not exists vector with schema extensions;

create schema aiml;
comment on schema aiml is
'AI/ML Playground platform: industries, use cases, commerce, analytics, training data, models, DevLab, Discovery (exposed through the API).';

create schema aiml_private;
comment on schema aiml_private is
'AI/ML Playground private helpers: trigger functions and SECURITY DEFINER helpers (not exposed through the API).';
revoke all on schema aiml_private from public;

-- Shared closed lists ------------------------------------------------------

create domain aiml.programming_language as text
    constraint programming_language_check check (
        value in (
            'python',
            'javascript',
            'typescript',
            'java',
            'go',
            'rust',
            'c',
            'cpp',
            'csharp',
            'ruby',
            'php',
            'kotlin',
            'swift',
            'sql',
            'bash'
        )
    );
comment on domain aiml.programming_language is
'Languages the DevLab sandbox can run and the code examples are written in (closed list; extend with a migration).';

create domain aiml.severity_level as text
    constraint severity_level_check check (
        value in ('info', 'low', 'medium', 'high', 'critical')
    );
comment on domain aiml.severity_level is
'Severity of a DevLab finding or vulnerability: info < low < medium < high < critical.';

-- users ---------------------------------------------------------------------

create table aiml.users (
    id bigint generated always as identity,
    auth_user_id uuid not null,
    email text,
    username text,
    is_active boolean not null default true,
    preferences jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint users_pkey primary key (id),
    constraint users_auth_user_id_key unique (auth_user_id),
    constraint users_username_key unique (username),
    constraint users_auth_user_id_fkey foreign key (auth_user_id)
        references auth.users (id) on delete cascade,
    constraint users_email_check check (email is null or email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    constraint users_username_check check (username is null or username ~ '^[A-Za-z0-9_.-]{3,50}$'),
    constraint users_preferences_check check (jsonb_typeof(preferences) = 'object')
);

comment on table aiml.users is
'Profile of a platform user, one-to-one with auth.users (Supabase Auth owns identity and credentials: the seed''s hashed_password is deliberately not stored). A signed-in user creates their own profile (no trigger on auth.users). Integer id kept as the seed says; aiml_private.current_user_id() maps auth.uid() to it. Deleting the auth user deletes the profile and, by cascade, the person''s executions and DevLab projects.';
comment on column aiml.users.id is 'Integer identity key used by every aiml foreign key to a user.';
comment on column aiml.users.auth_user_id is 'The Supabase Auth user this profile belongs to (unique, cascade on delete).';
comment on column aiml.users.email is 'Copy of auth.users.email, set by trigger when the profile is created or changed (users cannot write it; auth.users stays authoritative for sign-in).';
comment on column aiml.users.username is 'Public handle: 3-50 letters, digits, "_", "." or "-"; unique.';
comment on column aiml.users.is_active is 'False when the account is deactivated by an administrator.';
comment on column aiml.users.preferences is 'User preferences (UI, favourite industries, ...) as a JSON object.';
comment on column aiml.users.created_at is 'When the profile was created.';
comment on column aiml.users.updated_at is 'When the profile was last changed (set by trigger).';

-- industries ----------------------------------------------------------------

create table aiml.industries (
    id bigint generated always as identity,
    industry_id text not null,
    name text not null,
    icon text,
    description text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint industries_pkey primary key (id),
    constraint industries_industry_id_key unique (industry_id),
    constraint industries_name_key unique (name),
    constraint industries_industry_id_check check (industry_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint industries_name_check check (length(btrim(name)) > 0)
);

comment on table aiml.industries is 'Industry definitions (9 reference rows inserted by migration): the first level of the use-case catalogue. Public.';
comment on column aiml.industries.id is 'Integer identity key.';
comment on column aiml.industries.industry_id is 'Stable slug used by the frontend and content files, e.g. ecommerce, real-estate.';
comment on column aiml.industries.name is 'Display name, e.g. E-commerce.';
comment on column aiml.industries.icon is 'Icon name or emoji shown next to the industry.';
comment on column aiml.industries.description is 'One-paragraph description of the industry.';
comment on column aiml.industries.created_at is 'When the row was created.';
comment on column aiml.industries.updated_at is 'When the row was last changed (set by trigger).';

-- use_case_categories -------------------------------------------------------

create table aiml.use_case_categories (
    id bigint generated always as identity,
    category_id text not null,
    name text not null,
    icon text,
    description text,
    display_order integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint use_case_categories_pkey primary key (id),
    constraint use_case_categories_category_id_key unique (category_id),
    constraint use_case_categories_name_key unique (name),
    constraint use_case_categories_category_id_check check (category_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint use_case_categories_name_check check (length(btrim(name)) > 0),
    constraint use_case_categories_display_order_check check (display_order >= 0)
);

comment on table aiml.use_case_categories is 'Use-case categories (9 reference rows inserted by migration), e.g. Product Discovery, Pricing & Fraud. Public.';
comment on column aiml.use_case_categories.id is 'Integer identity key.';
comment on column aiml.use_case_categories.category_id is 'Stable slug, e.g. product-discovery.';
comment on column aiml.use_case_categories.name is 'Display name.';
comment on column aiml.use_case_categories.icon is 'Icon name or emoji.';
comment on column aiml.use_case_categories.description is 'What the use cases of this category have in common.';
comment on column aiml.use_case_categories.display_order is 'Position in menus, ascending (0 first).';
comment on column aiml.use_case_categories.created_at is 'When the row was created.';
comment on column aiml.use_case_categories.updated_at is 'When the row was last changed (set by trigger).';

-- use_cases -----------------------------------------------------------------

create table aiml.use_cases (
    id bigint generated always as identity,
    use_case_id text not null,
    display_name text not null,
    industry_id bigint not null,
    category_id bigint not null,
    descriptions jsonb not null default '{}'::jsonb,
    keywords text[] not null default '{}',
    tips jsonb not null default '[]'::jsonb,
    theory_content text,
    is_dynamic boolean not null default false,
    api_endpoint text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint use_cases_pkey primary key (id),
    constraint use_cases_use_case_id_key unique (use_case_id),
    constraint use_cases_industry_id_fkey foreign key (industry_id)
        references aiml.industries (id) on delete restrict,
    constraint use_cases_category_id_fkey foreign key (category_id)
        references aiml.use_case_categories (id) on delete restrict,
    constraint use_cases_use_case_id_check check (use_case_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint use_cases_display_name_check check (length(btrim(display_name)) > 0),
    constraint use_cases_descriptions_check check (
        jsonb_typeof(descriptions) = 'object'
        and (not descriptions ? 'short' or jsonb_typeof(descriptions -> 'short') = 'string')
        and (not descriptions ? 'long' or jsonb_typeof(descriptions -> 'long') = 'string')
    ),
    constraint use_cases_tips_check check (jsonb_typeof(tips) = 'array'),
    constraint use_cases_api_endpoint_check check (
        api_endpoint is null or api_endpoint ~ '^(/|https?://)'
    ),
    constraint use_cases_dynamic_endpoint_check check (not is_dynamic or api_endpoint is not null)
);
create index idx_use_cases_industry_id on aiml.use_cases (industry_id);
create index idx_use_cases_category_id on aiml.use_cases (category_id);
create index idx_use_cases_keywords on aiml.use_cases using gin (keywords);

comment on table aiml.use_cases is 'Use-case catalogue (30+ reference rows across the 9 industries inserted by migration). Static use cases render stored content; dynamic ones (is_dynamic) call api_endpoint. Public.';
comment on column aiml.use_cases.id is 'Integer identity key.';
comment on column aiml.use_cases.use_case_id is 'Stable slug used by the frontend, e.g. product-recommendations (unique: a critical index of the seed).';
comment on column aiml.use_cases.display_name is 'Display name.';
comment on column aiml.use_cases.industry_id is 'The industry (aiml.industries.id); an industry with use cases cannot be deleted.';
comment on column aiml.use_cases.category_id is 'The category (aiml.use_case_categories.id); a category with use cases cannot be deleted.';
comment on column aiml.use_cases.descriptions is 'Descriptions as a JSON object: {"short": text, "long": text} (both optional strings, other keys allowed).';
comment on column aiml.use_cases.keywords is 'Search keywords (GIN indexed).';
comment on column aiml.use_cases.tips is 'Tips shown to the user, a JSON array (usually of strings).';
comment on column aiml.use_cases.theory_content is 'Theory / explanation text (Markdown).';
comment on column aiml.use_cases.is_dynamic is 'True when results come from a live API call (api_endpoint required) rather than stored content.';
comment on column aiml.use_cases.api_endpoint is 'Backend path (/...) or URL (http(s)://...) of a dynamic use case; required when is_dynamic.';
comment on column aiml.use_cases.created_at is 'When the row was created.';
comment on column aiml.use_cases.updated_at is 'When the row was last changed (set by trigger).';

-- use_case_executions ---------------------------------------------------------

create table aiml.use_case_executions (
    id bigint generated always as identity,
    use_case_id bigint not null,
    user_id bigint,
    input_data jsonb not null default '{}'::jsonb,
    output_data jsonb,
    confidence numeric(5, 4),
    latency_ms integer,
    model_version text,
    created_at timestamptz not null default now(),
    constraint use_case_executions_pkey primary key (id),
    constraint use_case_executions_use_case_id_fkey foreign key (use_case_id)
        references aiml.use_cases (id) on delete cascade,
    constraint use_case_executions_user_id_fkey foreign key (user_id)
        references aiml.users (id) on delete cascade,
    constraint use_case_executions_confidence_check check (confidence between 0 and 1),
    constraint use_case_executions_latency_ms_check check (latency_ms >= 0)
);
create index idx_use_case_executions_use_case_id_created_at
    on aiml.use_case_executions (use_case_id, created_at);
create index idx_use_case_executions_user_id_created_at
    on aiml.use_case_executions (user_id, created_at);

-- Statistics setting (planner only, no effect on data): the app lists a user's
-- rows newest first and leaves the user filter to row level security. The policy
-- value (select aiml_private.current_user_id()), derived from auth.uid(), is
-- unknown at plan time, so the planner estimates "one user's rows" as
-- rows / n_distinct(user_id) (a handful) and picks a bitmap scan of ALL the
-- user's rows plus a top-N sort: 7.4 ms for a heavy user at 300k rows
-- (BENCHMARKS.md, P2). A low n_distinct makes the backward scan of
-- idx_use_case_executions_user_id_created_at with LIMIT the cheaper plan for every
-- user (0.3 ms). It only raises the row estimate for one user (RLS lists,
-- generic plans of prepared statements, literal ids outside the most common
-- values); heavy users in the most-common-value list keep their measured
-- frequency. Takes effect at the next analyze (autovacuum).
alter table aiml.use_case_executions alter column user_id set (n_distinct = 100);

comment on table aiml.use_case_executions is 'Log of use-case runs (audit: users can add and read their own rows, never change them). user_id is null for runs logged by the backend without a signed-in user.';
comment on column aiml.use_case_executions.id is 'Integer identity key.';
comment on column aiml.use_case_executions.use_case_id is 'The use case run (aiml.use_cases.id); rows go with the use case.';
comment on column aiml.use_case_executions.user_id is 'Who ran it (aiml.users.id), null for anonymous/backend runs; deleted with the user.';
comment on column aiml.use_case_executions.input_data is 'Input sent to the model, JSON.';
comment on column aiml.use_case_executions.output_data is 'Model output, JSON (null until produced).';
comment on column aiml.use_case_executions.confidence is 'Model confidence, 0 to 1.';
comment on column aiml.use_case_executions.latency_ms is 'End-to-end latency in milliseconds (>= 0).';
comment on column aiml.use_case_executions.model_version is 'Label of the model version that answered (free text, e.g. "recommender:1.2.0"; not a foreign key so logs survive model clean-ups).';
comment on column aiml.use_case_executions.created_at is 'When the run happened.';

-- discovery_tools -------------------------------------------------------------

create table aiml.discovery_tools (
    id bigint generated always as identity,
    tool_id text not null,
    name text not null,
    icon text,
    description text,
    category text not null,
    interaction_type text not null default 'form',
    model_prompt_template text,
    visualization_type text,
    surprise_type text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint discovery_tools_pkey primary key (id),
    constraint discovery_tools_tool_id_key unique (tool_id),
    constraint discovery_tools_tool_id_check check (tool_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint discovery_tools_name_check check (length(btrim(name)) > 0),
    constraint discovery_tools_category_check check (category ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint discovery_tools_interaction_type_check check (
        interaction_type in ('form', 'text', 'chat', 'upload', 'camera', 'slider', 'game', 'voice')
    ),
    constraint discovery_tools_visualization_type_check check (
        visualization_type is null or visualization_type ~ '^[a-z0-9]+(_[a-z0-9]+)*$'
    ),
    constraint discovery_tools_surprise_type_check check (
        surprise_type is null or surprise_type ~ '^[a-z0-9]+(_[a-z0-9]+)*$'
    )
);
create index idx_discovery_tools_category on aiml.discovery_tools (category);

comment on table aiml.discovery_tools is 'Discovery Zone tools (color-predictor, bill-negotiator, ... inserted by migration). Public.';
comment on column aiml.discovery_tools.id is 'Integer identity key.';
comment on column aiml.discovery_tools.tool_id is 'Stable slug, e.g. color-predictor.';
comment on column aiml.discovery_tools.name is 'Display name.';
comment on column aiml.discovery_tools.icon is 'Icon name or emoji.';
comment on column aiml.discovery_tools.description is 'What the tool does (not in the seed''s field list; added for the tool card).';
comment on column aiml.discovery_tools.category is 'Slug used to filter tools (indexed: a critical index of the seed), e.g. lifestyle, money.';
comment on column aiml.discovery_tools.interaction_type is 'How the user interacts: form, text, chat, upload, camera, slider, game or voice.';
comment on column aiml.discovery_tools.model_prompt_template is 'Prompt template sent to the model; {placeholders} are filled from the input.';
comment on column aiml.discovery_tools.visualization_type is 'snake_case name of the result visualization, e.g. color_palette.';
comment on column aiml.discovery_tools.surprise_type is 'snake_case name of the "surprise" reveal, e.g. fun_fact.';
comment on column aiml.discovery_tools.created_at is 'When the row was created.';
comment on column aiml.discovery_tools.updated_at is 'When the row was last changed (set by trigger).';

-- discovery_tool_executions ---------------------------------------------------

create table aiml.discovery_tool_executions (
    id bigint generated always as identity,
    tool_id bigint not null,
    user_id bigint,
    input_data jsonb not null default '{}'::jsonb,
    output_data jsonb,
    visualization_data jsonb,
    surprise_result jsonb,
    created_at timestamptz not null default now(),
    constraint discovery_tool_executions_pkey primary key (id),
    constraint discovery_tool_executions_tool_id_fkey foreign key (tool_id)
        references aiml.discovery_tools (id) on delete cascade,
    constraint discovery_tool_executions_user_id_fkey foreign key (user_id)
        references aiml.users (id) on delete cascade
);
create index idx_discovery_tool_executions_tool_id on aiml.discovery_tool_executions (tool_id);
create index idx_discovery_tool_executions_user_id_created_at
    on aiml.discovery_tool_executions (user_id, created_at);

comment on table aiml.discovery_tool_executions is 'Log of Discovery tool runs (append-only for users: own rows only).';
comment on column aiml.discovery_tool_executions.id is 'Integer identity key.';
comment on column aiml.discovery_tool_executions.tool_id is 'The tool run (aiml.discovery_tools.id); rows go with the tool.';
comment on column aiml.discovery_tool_executions.user_id is 'Who ran it (aiml.users.id), null for backend runs; deleted with the user.';
comment on column aiml.discovery_tool_executions.input_data is 'Input the user gave, JSON.';
comment on column aiml.discovery_tool_executions.output_data is 'Model output, JSON.';
comment on column aiml.discovery_tool_executions.visualization_data is 'Data for the visualization, JSON.';
comment on column aiml.discovery_tool_executions.surprise_result is 'The surprise revealed to the user, JSON.';
comment on column aiml.discovery_tool_executions.created_at is 'When the run happened.';
