-- aiml: training data and model tables (content_chunks, training_datasets,
-- conversation_examples, simulation_examples, code_examples, model_versions,
-- model_metrics, model_deployments).
-- No PII in training data: no training table has a user column, and the free
-- JSON columns reject the usual personal keys (see aiml_private.jsonb_has_pii_keys).

create function aiml_private.jsonb_has_pii_keys(p_value jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
    select coalesce(
        jsonb_typeof(p_value) = 'object'
        and p_value ?| array[
            'email', 'phone', 'user_id', 'username', 'full_name', 'first_name', 'last_name',
            'address', 'ip', 'ip_address', 'birth_date', 'ssn'
        ],
        false
    )
$$;
comment on function aiml_private.jsonb_has_pii_keys(jsonb) is
'True when a JSON object has a top-level key that usually holds personal data (email, phone, user_id, username, full_name, first_name, last_name, address, ip, ip_address, birth_date, ssn). Used by CHECKs on training tables.';
revoke execute on function aiml_private.jsonb_has_pii_keys(jsonb) from public;

-- content_chunks ------------------------------------------------------------------

create table aiml.content_chunks (
    id bigint generated always as identity,
    use_case_id bigint,
    discovery_tool_id bigint,
    content_type text not null,
    content_text text not null,
    embedding extensions.vector(1536),
    embedding_model text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint content_chunks_pkey primary key (id),
    constraint content_chunks_use_case_id_fkey foreign key (use_case_id)
        references aiml.use_cases (id) on delete cascade,
    constraint content_chunks_discovery_tool_id_fkey foreign key (discovery_tool_id)
        references aiml.discovery_tools (id) on delete cascade,
    constraint content_chunks_owner_check check (num_nonnulls(use_case_id, discovery_tool_id) <= 1),
    constraint content_chunks_content_type_check check (
        content_type in ('description', 'theory', 'tips', 'keywords', 'faq', 'example', 'guide')
    ),
    constraint content_chunks_content_text_check check (length(btrim(content_text)) > 0),
    constraint content_chunks_embedding_model_check check (embedding is null or embedding_model is not null)
);
create index idx_content_chunks_content_type_use_case_id on aiml.content_chunks (content_type, use_case_id);
create index idx_content_chunks_use_case_id on aiml.content_chunks (use_case_id);
create index idx_content_chunks_discovery_tool_id on aiml.content_chunks (discovery_tool_id);
create index idx_content_chunks_embedding on aiml.content_chunks
    using hnsw (embedding extensions.vector_cosine_ops);

comment on table aiml.content_chunks is 'Text content (descriptions, theory, tips...) of use cases and discovery tools, chunked and embedded for semantic search (aiml.search_content_chunks). A chunk belongs to one use case, one discovery tool, or neither (general content). Public.';
comment on column aiml.content_chunks.id is 'Integer identity key.';
comment on column aiml.content_chunks.use_case_id is 'Use case the text belongs to (aiml.use_cases.id); goes with it.';
comment on column aiml.content_chunks.discovery_tool_id is 'Discovery tool the text belongs to (aiml.discovery_tools.id); goes with it.';
comment on column aiml.content_chunks.content_type is 'description, theory, tips, keywords, faq, example or guide.';
comment on column aiml.content_chunks.content_text is 'The chunk text (not blank).';
comment on column aiml.content_chunks.embedding is 'Embedding of content_text (1536 dimensions), HNSW cosine index; null until computed.';
comment on column aiml.content_chunks.embedding_model is 'Model that produced the embedding, e.g. text-embedding-3-small; required when embedding is set.';
comment on column aiml.content_chunks.created_at is 'When the row was created.';
comment on column aiml.content_chunks.updated_at is 'When the row was last changed (set by trigger).';

-- training_datasets ---------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.training_datasets (
    id bigint generated always as identity,
    name text not null,
    version text not null,
    dataset_type text not null,
    use_case_ids bigint[] not null default '{}',
    data_snapshot jsonb,
    data_source text,
    record_count integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint training_datasets_pkey primary key (id),
    constraint training_datasets_name_version_key unique (name, version),
    constraint training_datasets_name_check check (length(btrim(name)) > 0),
    constraint training_datasets_version_check check (version ~ '^[0-9A-Za-z][0-9A-Za-z.+_-]*$'),
    constraint training_datasets_dataset_type_check check (
        dataset_type in ('conversation', 'code', 'simulation', 'general')
    ),
    constraint training_datasets_use_case_ids_check check (array_position(use_case_ids, null) is null),
    constraint training_datasets_record_count_check check (record_count >= 0)
);
create index idx_training_datasets_dataset_type on aiml.training_datasets (dataset_type);
create index idx_training_datasets_use_case_ids on aiml.training_datasets using gin (use_case_ids);

comment on table aiml.training_datasets is 'Versioned training datasets. Service role only.';
comment on column aiml.training_datasets.id is 'Integer identity key.';
comment on column aiml.training_datasets.name is 'Dataset name; (name, version) is unique.';
comment on column aiml.training_datasets.version is 'Dataset version label, e.g. 2025.01 or 1.0.0.';
comment on column aiml.training_datasets.dataset_type is 'conversation, code, simulation or general.';
comment on column aiml.training_datasets.use_case_ids is 'aiml.use_cases.id values the dataset covers (array: not a foreign key, a dataset snapshot outlives catalogue changes; GIN indexed).';
comment on column aiml.training_datasets.data_snapshot is 'Frozen copy or manifest of the data, JSON.';
comment on column aiml.training_datasets.data_source is 'Where the data came from (table, file, bucket path...).';
comment on column aiml.training_datasets.record_count is 'Number of records (>= 0).';
comment on column aiml.training_datasets.created_at is 'When the row was created.';
comment on column aiml.training_datasets.updated_at is 'When the row was last changed (set by trigger).';

-- conversation_examples -------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.conversation_examples (
    id bigint generated always as identity,
    user_query text not null,
    ai_response text not null,
    context jsonb not null default '{}'::jsonb,
    use_case_id bigint,
    suggestions jsonb not null default '[]'::jsonb,
    quality_score numeric(4, 3),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint conversation_examples_pkey primary key (id),
    constraint conversation_examples_use_case_id_fkey foreign key (use_case_id)
        references aiml.use_cases (id) on delete set null,
    constraint conversation_examples_user_query_check check (length(btrim(user_query)) > 0),
    constraint conversation_examples_ai_response_check check (length(btrim(ai_response)) > 0),
    constraint conversation_examples_context_check check (
        jsonb_typeof(context) = 'object' and not aiml_private.jsonb_has_pii_keys(context)
    ),
    constraint conversation_examples_suggestions_check check (jsonb_typeof(suggestions) = 'array'),
    constraint conversation_examples_quality_score_check check (quality_score between 0 and 1)
);
create index idx_conversation_examples_use_case_id on aiml.conversation_examples (use_case_id);

comment on table aiml.conversation_examples is 'Query/response pairs that train AI Conversation Mode. No PII: no user column, context rejects personal keys. Service role only.';
comment on column aiml.conversation_examples.id is 'Integer identity key.';
comment on column aiml.conversation_examples.user_query is 'The (anonymised) question.';
comment on column aiml.conversation_examples.ai_response is 'The reference answer.';
comment on column aiml.conversation_examples.context is 'Conversation context, JSON object without personal keys (email, full_name, user_id...).';
comment on column aiml.conversation_examples.use_case_id is 'Use case discussed (aiml.use_cases.id); set null when it is deleted, the example stays.';
comment on column aiml.conversation_examples.suggestions is 'Follow-up suggestions, JSON array.';
comment on column aiml.conversation_examples.quality_score is 'Reviewer quality score, 0 to 1.';
comment on column aiml.conversation_examples.created_at is 'When the row was created.';
comment on column aiml.conversation_examples.updated_at is 'When the row was last changed (set by trigger).';

-- simulation_examples -----------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.simulation_examples (
    id bigint generated always as identity,
    solution_id text not null,
    scenario_id text not null,
    input_data jsonb not null default '{}'::jsonb,
    expected_output jsonb,
    pipeline_steps jsonb not null default '[]'::jsonb,
    business_impact jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint simulation_examples_pkey primary key (id),
    constraint simulation_examples_solution_id_check check (length(btrim(solution_id)) > 0),
    constraint simulation_examples_scenario_id_check check (length(btrim(scenario_id)) > 0),
    constraint simulation_examples_input_data_check check (not aiml_private.jsonb_has_pii_keys(input_data)),
    constraint simulation_examples_pipeline_steps_check check (jsonb_typeof(pipeline_steps) = 'array'),
    constraint simulation_examples_business_impact_check check (jsonb_typeof(business_impact) = 'object')
);
create index idx_simulation_examples_solution_id_scenario_id
    on aiml.simulation_examples (solution_id, scenario_id);

comment on table aiml.simulation_examples is 'Worked examples of interactive simulations that train Interactive AI Mode. No PII. Service role only.';
comment on column aiml.simulation_examples.id is 'Integer identity key.';
comment on column aiml.simulation_examples.solution_id is 'Identifier of the solution (frontend content id; no table of its own in the seed).';
comment on column aiml.simulation_examples.scenario_id is 'Identifier of the scenario within the solution.';
comment on column aiml.simulation_examples.input_data is 'Scenario input, JSON without personal keys.';
comment on column aiml.simulation_examples.expected_output is 'Expected output, JSON.';
comment on column aiml.simulation_examples.pipeline_steps is 'Ordered pipeline steps, JSON array.';
comment on column aiml.simulation_examples.business_impact is 'Business impact figures, JSON object.';
comment on column aiml.simulation_examples.created_at is 'When the row was created.';
comment on column aiml.simulation_examples.updated_at is 'When the row was last changed (set by trigger).';

-- code_examples ----------------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.code_examples (
    id bigint generated always as identity,
    code text not null,
    language aiml.programming_language not null,
    code_type text not null,
    explanation text,
    test_code text,
    refactored_code text,
    security_issues jsonb not null default '[]'::jsonb,
    embedding extensions.vector(1536),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint code_examples_pkey primary key (id),
    constraint code_examples_code_check check (length(btrim(code)) > 0),
    constraint code_examples_code_type_check check (
        code_type in ('snippet', 'function', 'class', 'module', 'script', 'test')
    ),
    constraint code_examples_security_issues_check check (jsonb_typeof(security_issues) = 'array')
);
create index idx_code_examples_language_code_type on aiml.code_examples (language, code_type);
create index idx_code_examples_embedding on aiml.code_examples
    using hnsw (embedding extensions.vector_cosine_ops);

comment on table aiml.code_examples is 'Code examples (with tests, refactorings and known security issues) that train the DevLab models. Service role only.';
comment on column aiml.code_examples.id is 'Integer identity key.';
comment on column aiml.code_examples.code is 'The code (not blank).';
comment on column aiml.code_examples.language is 'Programming language (aiml.programming_language).';
comment on column aiml.code_examples.code_type is 'snippet, function, class, module, script or test.';
comment on column aiml.code_examples.explanation is 'What the code does, for explanation training.';
comment on column aiml.code_examples.test_code is 'Tests for the code.';
comment on column aiml.code_examples.refactored_code is 'A refactored version.';
comment on column aiml.code_examples.security_issues is 'Known security issues, JSON array.';
comment on column aiml.code_examples.embedding is 'Code embedding (1536 dimensions), HNSW cosine index.';
comment on column aiml.code_examples.created_at is 'When the row was created.';
comment on column aiml.code_examples.updated_at is 'When the row was last changed (set by trigger).';

-- model_versions ----------------------------------------------------------------------

create table aiml.model_versions (
    id bigint generated always as identity,
    model_name text not null,
    version text not null,
    model_type text not null,
    training_strategy text not null,
    file_path text,
    base_model text,
    external_service text,
    is_active boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint model_versions_pkey primary key (id),
    constraint model_versions_model_name_version_key unique (model_name, version),
    constraint model_versions_model_name_check check (model_name ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
    constraint model_versions_version_check check (version ~ '^[0-9A-Za-z][0-9A-Za-z.+_-]*$'),
    constraint model_versions_model_type_check check (model_type ~ '^[a-z0-9]+(_[a-z0-9]+)*$'),
    constraint model_versions_training_strategy_check check (
        training_strategy in ('pretrained', 'fine_tuned', 'custom')
    ),
    constraint model_versions_external_service_check check (
        external_service in ('openai', 'anthropic', 'self_hosted', 'hybrid')
    ),
    constraint model_versions_base_model_check check (
        training_strategy <> 'fine_tuned' or base_model is not null
    )
);
create index idx_model_versions_model_type_is_active on aiml.model_versions (model_type, is_active);
create unique index idx_model_versions_model_name_active
    on aiml.model_versions (model_name)
    where is_active;

comment on table aiml.model_versions is 'Model versions with their training strategy and serving service; at most one active version per model_name. Readable by signed-in users, written by the service role.';
comment on column aiml.model_versions.id is 'Integer identity key.';
comment on column aiml.model_versions.model_name is 'Model name, lower-case, e.g. product-recommender.';
comment on column aiml.model_versions.version is 'Version label, e.g. 1.2.0; (model_name, version) is unique.';
comment on column aiml.model_versions.model_type is 'snake_case model family, e.g. recommendation, fraud_detection, embedding.';
comment on column aiml.model_versions.training_strategy is 'pretrained, fine_tuned (base_model required) or custom.';
comment on column aiml.model_versions.file_path is 'Where the weights live (bucket path) for self-hosted models.';
comment on column aiml.model_versions.base_model is 'Base model a fine-tuned model starts from.';
comment on column aiml.model_versions.external_service is 'Serving service: openai, anthropic, self_hosted or hybrid (null when not served).';
comment on column aiml.model_versions.is_active is 'True for the version in use (at most one per model_name).';
comment on column aiml.model_versions.created_at is 'When the row was created.';
comment on column aiml.model_versions.updated_at is 'When the row was last changed (set by trigger).';

-- model_metrics ------------------------------------------------------------------------

create table aiml.model_metrics (
    id bigint generated always as identity,
    model_version_id bigint not null,
    metric_type text not null,
    metric_name text not null,
    metric_value double precision not null,
    dataset_type text not null,
    created_at timestamptz not null default now(),
    constraint model_metrics_pkey primary key (id),
    constraint model_metrics_model_version_id_fkey foreign key (model_version_id)
        references aiml.model_versions (id) on delete cascade,
    constraint model_metrics_metric_type_check check (
        metric_type in ('quality', 'performance', 'cost', 'fairness', 'drift', 'business')
    ),
    constraint model_metrics_metric_name_check check (metric_name ~ '^[a-z0-9]+([_@][a-z0-9]+)*$'),
    constraint model_metrics_metric_value_check check (metric_value <> 'NaN'::double precision),
    constraint model_metrics_dataset_type_check check (
        dataset_type in ('train', 'validation', 'test', 'production')
    )
);
create index idx_model_metrics_model_version_id_metric_name
    on aiml.model_metrics (model_version_id, metric_name);

comment on table aiml.model_metrics is 'Measurements of a model version (immutable: a new measurement is a new row). Readable by signed-in users, written by the service role.';
comment on column aiml.model_metrics.id is 'Integer identity key.';
comment on column aiml.model_metrics.model_version_id is 'Measured model version (aiml.model_versions.id); metrics go with it.';
comment on column aiml.model_metrics.metric_type is 'quality, performance, cost, fairness, drift or business.';
comment on column aiml.model_metrics.metric_name is 'Metric name, e.g. f1, precision_at_10, latency_p95_ms.';
comment on column aiml.model_metrics.metric_value is 'Measured value (not NaN).';
comment on column aiml.model_metrics.dataset_type is 'Data measured on: train, validation, test or production.';
comment on column aiml.model_metrics.created_at is 'When the measurement was recorded.';

-- model_deployments ----------------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.model_deployments (
    id bigint generated always as identity,
    model_version_id bigint not null,
    environment text not null,
    endpoint_url text,
    deployment_status text not null default 'pending',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint model_deployments_pkey primary key (id),
    constraint model_deployments_model_version_id_fkey foreign key (model_version_id)
        references aiml.model_versions (id) on delete restrict,
    constraint model_deployments_environment_check check (
        environment in ('development', 'staging', 'production')
    ),
    constraint model_deployments_endpoint_url_check check (endpoint_url ~ '^https?://'),
    constraint model_deployments_deployment_status_check check (
        deployment_status in ('pending', 'deploying', 'active', 'failed', 'rolled_back', 'retired')
    ),
    constraint model_deployments_active_endpoint_check check (
        deployment_status <> 'active' or endpoint_url is not null
    )
);
create index idx_model_deployments_model_version_id on aiml.model_deployments (model_version_id);
create index idx_model_deployments_environment_status on aiml.model_deployments (environment, deployment_status);

comment on table aiml.model_deployments is 'Deployments of model versions. Endpoint URLs are internal: service role only. A model version with deployments cannot be deleted (retire it instead).';
comment on column aiml.model_deployments.id is 'Integer identity key.';
comment on column aiml.model_deployments.model_version_id is 'Deployed model version (aiml.model_versions.id); restrict: deployments are history.';
comment on column aiml.model_deployments.environment is 'development, staging or production.';
comment on column aiml.model_deployments.endpoint_url is 'Serving endpoint, http(s) URL; required once active.';
comment on column aiml.model_deployments.deployment_status is 'pending, deploying, active, failed, rolled_back or retired.';
comment on column aiml.model_deployments.created_at is 'When the row was created.';
comment on column aiml.model_deployments.updated_at is 'When the row was last changed (set by trigger).';
