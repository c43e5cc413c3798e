-- aiml: content management tables (content_versions, content_syncs).

-- content_versions ----------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.content_versions (
    id bigint generated always as identity,
    content_type text not null,
    content_id text not null,
    version integer not null,
    content_data jsonb not null,
    source text not null,
    source_file text,
    checksum text not null,
    created_at timestamptz not null default now(),
    constraint content_versions_pkey primary key (id),
    constraint content_versions_content_type_content_id_version_key unique (content_type, content_id, version),
    constraint content_versions_content_type_check check (
        content_type in ('industry', 'use_case_category', 'use_case', 'discovery_tool', 'content_chunk', 'product')
    ),
    constraint content_versions_content_id_check check (length(btrim(content_id)) > 0),
    constraint content_versions_version_check check (version >= 1),
    constraint content_versions_source_check check (source in ('frontend', 'backend', 'cms', 'import', 'manual')),
    constraint content_versions_checksum_check check (checksum ~ '^[0-9a-f]{64}$')
);

comment on table aiml.content_versions is 'Versions of catalogue content (immutable history used to sync frontend and backend content files). Service role only.';
comment on column aiml.content_versions.id is 'Integer identity key.';
comment on column aiml.content_versions.content_type is 'Kind of content: industry, use_case_category, use_case, discovery_tool, content_chunk or product.';
comment on column aiml.content_versions.content_id is 'Business id of the content (e.g. the use_case_id slug).';
comment on column aiml.content_versions.version is 'Version number, from 1, unique per (content_type, content_id).';
comment on column aiml.content_versions.content_data is 'The content at this version, JSON.';
comment on column aiml.content_versions.source is 'Where the version came from: frontend, backend, cms, import or manual.';
comment on column aiml.content_versions.source_file is 'Source file path, when it came from a file.';
comment on column aiml.content_versions.checksum is 'SHA-256 of the source content, 64 lower-case hex digits.';
comment on column aiml.content_versions.created_at is 'When the version was recorded.';

-- content_syncs --------------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.content_syncs (
    id bigint generated always as identity,
    sync_type text not null,
    content_type text,
    records_processed integer not null default 0,
    status text not null default 'pending',
    error_log jsonb not null default '[]'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint content_syncs_pkey primary key (id),
    constraint content_syncs_sync_type_check check (sync_type in ('full', 'incremental', 'manual')),
    constraint content_syncs_content_type_check check (
        content_type in ('industry', 'use_case_category', 'use_case', 'discovery_tool', 'content_chunk', 'product')
    ),
    constraint content_syncs_records_processed_check check (records_processed >= 0),
    constraint content_syncs_status_check check (status in ('pending', 'running', 'completed', 'failed', 'partial')),
    constraint content_syncs_error_log_check check (
        jsonb_typeof(error_log) = 'array'
        and (status not in ('failed', 'partial') or jsonb_array_length(error_log) > 0)
    )
);
create index idx_content_syncs_status_created_at on aiml.content_syncs (status, created_at);

comment on table aiml.content_syncs is 'Log of content synchronisation runs. Service role only.';
comment on column aiml.content_syncs.id is 'Integer identity key.';
comment on column aiml.content_syncs.sync_type is 'full, incremental or manual.';
comment on column aiml.content_syncs.content_type is 'Kind of content synced (same list as content_versions.content_type); null for all kinds.';
comment on column aiml.content_syncs.records_processed is 'Records processed so far (>= 0).';
comment on column aiml.content_syncs.status is 'pending, running, completed, failed or partial (failed and partial need an error_log entry).';
comment on column aiml.content_syncs.error_log is 'Errors, JSON array; not empty when status is failed or partial.';
comment on column aiml.content_syncs.created_at is 'When the sync started.';
comment on column aiml.content_syncs.updated_at is 'When the row was last changed (set by trigger).';
