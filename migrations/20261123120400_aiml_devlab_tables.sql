-- aiml: DevLab tables (devlab_projects, devlab_files, devlab_executions,
-- devlab_analyses, devlab_tests, devlab_vulnerabilities, devlab_insights).
-- Everything hangs off a project owned by one user; deleting the project
-- (or the user) deletes all of it.

-- devlab_projects ----------------------------------------------------------------

create table aiml.devlab_projects (
    id bigint generated always as identity,
    project_id text not null default gen_random_uuid()::text,
    name text not null,
    language aiml.programming_language not null,
    user_id bigint not null,
    environment jsonb not null default '{}'::jsonb,
    metadata jsonb not null default '{}'::jsonb,
    marked_for_deletion_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint devlab_projects_pkey primary key (id),
    constraint devlab_projects_project_id_key unique (project_id),
    constraint devlab_projects_user_id_fkey foreign key (user_id)
        references aiml.users (id) on delete cascade,
    constraint devlab_projects_name_check check (length(btrim(name)) between 1 and 200),
    constraint devlab_projects_environment_check check (jsonb_typeof(environment) = 'object'),
    constraint devlab_projects_metadata_check check (jsonb_typeof(metadata) = 'object')
);
create index idx_devlab_projects_user_id on aiml.devlab_projects (user_id);
create index idx_devlab_projects_marked_for_deletion_at
    on aiml.devlab_projects (marked_for_deletion_at)
    where marked_for_deletion_at is not null;

comment on table aiml.devlab_projects is 'DevLab projects: private to their owner. Setting marked_for_deletion_at asks for the code to be purged; aiml.purge_devlab_code_marked_for_deletion() deletes such projects with all their files, executions, analyses, tests, vulnerabilities and insights.';
comment on column aiml.devlab_projects.id is 'Integer identity key.';
comment on column aiml.devlab_projects.project_id is 'Stable public project id (a UUID string by default).';
comment on column aiml.devlab_projects.name is 'Project name (1-200 characters).';
comment on column aiml.devlab_projects.language is 'Main programming language (aiml.programming_language).';
comment on column aiml.devlab_projects.user_id is 'Owner (aiml.users.id); projects go with the user.';
comment on column aiml.devlab_projects.environment is 'Sandbox runtime settings, JSON object, e.g. {"image": "python:3.12-slim", "packages": ["numpy"]}.';
comment on column aiml.devlab_projects.metadata is 'Free metadata, JSON object.';
comment on column aiml.devlab_projects.marked_for_deletion_at is 'When the owner asked for the project''s code to be deleted (Code Privacy); null while kept. Purged by aiml.purge_devlab_code_marked_for_deletion().';
comment on column aiml.devlab_projects.created_at is 'When the row was created.';
comment on column aiml.devlab_projects.updated_at is 'When the row was last changed (set by trigger).';

-- devlab_files ---------------------------------------------------------------------

create table aiml.devlab_files (
    id bigint generated always as identity,
    project_id bigint not null,
    file_path text not null,
    file_name text not null,
    content text not null default '',
    language aiml.programming_language,
    file_type text not null default 'source',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint devlab_files_pkey primary key (id),
    constraint devlab_files_project_id_file_path_key unique (project_id, file_path),
    constraint devlab_files_project_id_fkey foreign key (project_id)
        references aiml.devlab_projects (id) on delete cascade,
    constraint devlab_files_file_path_check check (
        file_path ~ '^[^/]' and file_path !~ '(^|/)\.\.(/|$)' and length(file_path) <= 1024
    ),
    constraint devlab_files_file_name_check check (
        file_name ~ '^[^/]+$'
        and (file_path = file_name or right(file_path, length(file_name) + 1) = '/' || file_name)
    ),
    constraint devlab_files_content_check check (octet_length(content) <= 1048576),
    constraint devlab_files_file_type_check check (
        file_type in ('source', 'test', 'config', 'data', 'documentation', 'other')
    )
);

comment on table aiml.devlab_files is 'Files of a DevLab project (private to the project owner).';
comment on column aiml.devlab_files.id is 'Integer identity key.';
comment on column aiml.devlab_files.project_id is 'The project (aiml.devlab_projects.id); files go with it.';
comment on column aiml.devlab_files.file_path is 'Relative path in the project, unique per project; no leading "/" and no ".." segment.';
comment on column aiml.devlab_files.file_name is 'Last segment of file_path.';
comment on column aiml.devlab_files.content is 'File content (at most 1 MiB).';
comment on column aiml.devlab_files.language is 'Programming language, null for non-code files.';
comment on column aiml.devlab_files.file_type is 'source, test, config, data, documentation or other.';
comment on column aiml.devlab_files.created_at is 'When the row was created.';
comment on column aiml.devlab_files.updated_at is 'When the row was last changed (set by trigger).';

-- devlab_executions -----------------------------------------------------------------

create table aiml.devlab_executions (
    id bigint generated always as identity,
    project_id bigint not null,
    language aiml.programming_language not null,
    code text not null,
    status text not null default 'queued',
    output text,
    error text,
    execution_time_ms integer,
    container_id text,
    security_scan_result jsonb,
    memory_limit_mb integer not null default 256,
    cpu_limit numeric(4, 2) not null default 1.0,
    time_limit_ms integer not null default 30000,
    memory_used_mb integer,
    cpu_time_ms integer,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint devlab_executions_pkey primary key (id),
    constraint devlab_executions_project_id_fkey foreign key (project_id)
        references aiml.devlab_projects (id) on delete cascade,
    constraint devlab_executions_code_check check (octet_length(code) between 1 and 1048576),
    constraint devlab_executions_status_check check (
        status in ('queued', 'running', 'completed', 'failed', 'timeout', 'killed', 'blocked')
    ),
    constraint devlab_executions_execution_time_ms_check check (execution_time_ms >= 0),
    constraint devlab_executions_container_id_check check (container_id ~ '^[0-9a-f]{12,64}$'),
    constraint devlab_executions_security_scan_result_check check (
        security_scan_result is null
        or (
            jsonb_typeof(security_scan_result) = 'object'
            and security_scan_result ? 'passed'
            and jsonb_typeof(security_scan_result -> 'passed') = 'boolean'
        )
    ),
    constraint devlab_executions_memory_limit_mb_check check (memory_limit_mb between 16 and 4096),
    constraint devlab_executions_cpu_limit_check check (cpu_limit between 0.1 and 4),
    constraint devlab_executions_time_limit_ms_check check (time_limit_ms between 100 and 300000),
    constraint devlab_executions_memory_used_mb_check check (
        memory_used_mb >= 0 and memory_used_mb <= memory_limit_mb
    ),
    constraint devlab_executions_cpu_time_ms_check check (cpu_time_ms >= 0),
    constraint devlab_executions_time_within_limit_check check (
        status in ('timeout', 'killed') or execution_time_ms is null or execution_time_ms <= time_limit_ms
    ),
    constraint devlab_executions_finished_check check (
        status in ('queued', 'running', 'blocked') or execution_time_ms is not null
    )
);
create index idx_devlab_executions_status_created_at on aiml.devlab_executions (status, created_at);
create index idx_devlab_executions_project_id_created_at on aiml.devlab_executions (project_id, created_at);

comment on table aiml.devlab_executions is 'Sandboxed code runs of a DevLab project, with the resource limits the container ran under (memory, CPU, time) and what it used. The owner queues runs (status queued, no results); the runner (service role) records results. Audit log: owners cannot change or delete runs.';
comment on column aiml.devlab_executions.id is 'Integer identity key.';
comment on column aiml.devlab_executions.project_id is 'The project (aiml.devlab_projects.id); runs go with it.';
comment on column aiml.devlab_executions.language is 'Language of the code run.';
comment on column aiml.devlab_executions.code is 'The code run (1 byte to 1 MiB).';
comment on column aiml.devlab_executions.status is 'queued, running, completed, failed, timeout, killed (resource limit) or blocked (failed the security scan).';
comment on column aiml.devlab_executions.output is 'Captured standard output.';
comment on column aiml.devlab_executions.error is 'Captured standard error / error message.';
comment on column aiml.devlab_executions.execution_time_ms is 'Wall-clock run time in ms (>= 0); required once finished; at most time_limit_ms unless status is timeout or killed.';
comment on column aiml.devlab_executions.container_id is 'Docker container id (12-64 lower-case hex) for isolation tracking.';
comment on column aiml.devlab_executions.security_scan_result is 'Pre-run security scan: JSON object with at least {"passed": boolean}.';
comment on column aiml.devlab_executions.memory_limit_mb is 'Memory limit of the container, 16-4096 MB.';
comment on column aiml.devlab_executions.cpu_limit is 'CPU limit in cores, 0.1-4.';
comment on column aiml.devlab_executions.time_limit_ms is 'Wall-clock limit, 100 ms - 5 min.';
comment on column aiml.devlab_executions.memory_used_mb is 'Peak memory used, 0 to memory_limit_mb.';
comment on column aiml.devlab_executions.cpu_time_ms is 'CPU time used in ms (>= 0).';
comment on column aiml.devlab_executions.created_at is 'When the run was queued.';
comment on column aiml.devlab_executions.updated_at is 'When the row was last changed (set by trigger).';

-- devlab_analyses ----------------------------------------------------------------------

create table aiml.devlab_analyses (
    id bigint generated always as identity,
    project_id bigint not null,
    analysis_type text not null,
    findings jsonb not null default '[]'::jsonb,
    severity aiml.severity_level not null default 'info',
    suggestions jsonb not null default '[]'::jsonb,
    model_version text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint devlab_analyses_pkey primary key (id),
    constraint devlab_analyses_project_id_fkey foreign key (project_id)
        references aiml.devlab_projects (id) on delete cascade,
    constraint devlab_analyses_analysis_type_check check (
        analysis_type in ('security', 'performance', 'quality', 'complexity', 'dependency')
    ),
    constraint devlab_analyses_findings_check check (jsonb_typeof(findings) = 'array'),
    constraint devlab_analyses_suggestions_check check (jsonb_typeof(suggestions) = 'array')
);
create index idx_devlab_analyses_project_id_created_at on aiml.devlab_analyses (project_id, created_at);

comment on table aiml.devlab_analyses is 'AI code analyses of a DevLab project, written by the service role, readable by the project owner.';
comment on column aiml.devlab_analyses.id is 'Integer identity key.';
comment on column aiml.devlab_analyses.project_id is 'The project (aiml.devlab_projects.id); analyses go with it.';
comment on column aiml.devlab_analyses.analysis_type is 'security, performance, quality, complexity or dependency.';
comment on column aiml.devlab_analyses.findings is 'Findings, JSON array.';
comment on column aiml.devlab_analyses.severity is 'Highest severity among the findings (aiml.severity_level).';
comment on column aiml.devlab_analyses.suggestions is 'Suggested changes, JSON array.';
comment on column aiml.devlab_analyses.model_version is 'Label of the model version that analysed the code.';
comment on column aiml.devlab_analyses.created_at is 'When the analysis ran.';
comment on column aiml.devlab_analyses.updated_at is 'When the row was last changed (set by trigger).';

-- devlab_tests -----------------------------------------------------------------------------

create table aiml.devlab_tests (
    id bigint generated always as identity,
    project_id bigint not null,
    test_name text not null,
    test_type text not null default 'unit',
    framework text,
    test_code text not null,
    status text not null default 'pending',
    coverage_percentage numeric(5, 2),
    generated_by_ai boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint devlab_tests_pkey primary key (id),
    constraint devlab_tests_project_id_fkey foreign key (project_id)
        references aiml.devlab_projects (id) on delete cascade,
    constraint devlab_tests_test_name_check check (length(btrim(test_name)) > 0),
    constraint devlab_tests_test_type_check check (
        test_type in ('unit', 'integration', 'e2e', 'performance', 'security')
    ),
    constraint devlab_tests_framework_check check (framework ~ '^[a-z0-9][a-z0-9._-]*$'),
    constraint devlab_tests_status_check check (
        status in ('pending', 'running', 'passed', 'failed', 'error', 'skipped')
    ),
    constraint devlab_tests_coverage_percentage_check check (coverage_percentage between 0 and 100)
);
create index idx_devlab_tests_project_id on aiml.devlab_tests (project_id);

comment on table aiml.devlab_tests is 'Tests of a DevLab project, written by the owner or generated by AI; private to the project owner.';
comment on column aiml.devlab_tests.id is 'Integer identity key.';
comment on column aiml.devlab_tests.project_id is 'The project (aiml.devlab_projects.id); tests go with it.';
comment on column aiml.devlab_tests.test_name is 'Test name.';
comment on column aiml.devlab_tests.test_type is 'unit, integration, e2e, performance or security.';
comment on column aiml.devlab_tests.framework is 'Test framework, lower-case, e.g. pytest, jest, junit.';
comment on column aiml.devlab_tests.test_code is 'The test code.';
comment on column aiml.devlab_tests.status is 'pending, running, passed, failed, error or skipped.';
comment on column aiml.devlab_tests.coverage_percentage is 'Line coverage of the last run, 0-100.';
comment on column aiml.devlab_tests.generated_by_ai is 'True when the test was generated by the DevLab AI.';
comment on column aiml.devlab_tests.created_at is 'When the row was created.';
comment on column aiml.devlab_tests.updated_at is 'When the row was last changed (set by trigger).';

-- devlab_vulnerabilities ----------------------------------------------------------------------

create table aiml.devlab_vulnerabilities (
    id bigint generated always as identity,
    project_id bigint not null,
    vulnerability_type text not null,
    severity aiml.severity_level not null,
    description text not null,
    code_location jsonb,
    cve_id text,
    fix_suggestion text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint devlab_vulnerabilities_pkey primary key (id),
    constraint devlab_vulnerabilities_project_id_fkey foreign key (project_id)
        references aiml.devlab_projects (id) on delete cascade,
    constraint devlab_vulnerabilities_vulnerability_type_check check (
        vulnerability_type ~ '^[a-z0-9]+(_[a-z0-9]+)*$'
    ),
    constraint devlab_vulnerabilities_description_check check (length(btrim(description)) > 0),
    constraint devlab_vulnerabilities_code_location_check check (
        code_location is null
        or (
            jsonb_typeof(code_location) = 'object'
            and jsonb_typeof(code_location -> 'file') = 'string'
            and (not code_location ? 'line' or jsonb_typeof(code_location -> 'line') = 'number')
        )
    ),
    constraint devlab_vulnerabilities_cve_id_check check (cve_id ~ '^CVE-[0-9]{4}-[0-9]{4,}$')
);
create index idx_devlab_vulnerabilities_project_id_severity on aiml.devlab_vulnerabilities (project_id, severity);

comment on table aiml.devlab_vulnerabilities is 'Security vulnerabilities found in a DevLab project, written by the service role, readable by the project owner.';
comment on column aiml.devlab_vulnerabilities.id is 'Integer identity key.';
comment on column aiml.devlab_vulnerabilities.project_id is 'The project (aiml.devlab_projects.id); vulnerabilities go with it.';
comment on column aiml.devlab_vulnerabilities.vulnerability_type is 'snake_case kind, e.g. sql_injection, hardcoded_secret.';
comment on column aiml.devlab_vulnerabilities.severity is 'aiml.severity_level.';
comment on column aiml.devlab_vulnerabilities.description is 'What is wrong.';
comment on column aiml.devlab_vulnerabilities.code_location is 'Where: JSON object {"file": text, "line": number (optional), ...}.';
comment on column aiml.devlab_vulnerabilities.cve_id is 'CVE identifier (CVE-YYYY-NNNN...) when it is a known one.';
comment on column aiml.devlab_vulnerabilities.fix_suggestion is 'Suggested fix.';
comment on column aiml.devlab_vulnerabilities.created_at is 'When the row was created.';
comment on column aiml.devlab_vulnerabilities.updated_at is 'When the row was last changed (set by trigger).';

-- devlab_insights -------------------------------------------------------------------------------

create table aiml.devlab_insights (
    id bigint generated always as identity,
    project_id bigint not null,
    insight_type text not null,
    title text not null,
    description text,
    confidence numeric(5, 4),
    action text,
    priority text not null default 'medium',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint devlab_insights_pkey primary key (id),
    constraint devlab_insights_project_id_fkey foreign key (project_id)
        references aiml.devlab_projects (id) on delete cascade,
    constraint devlab_insights_insight_type_check check (
        insight_type in ('optimization', 'security', 'refactor', 'test', 'dependency')
    ),
    constraint devlab_insights_title_check check (length(btrim(title)) > 0),
    constraint devlab_insights_confidence_check check (confidence between 0 and 1),
    constraint devlab_insights_priority_check check (priority in ('low', 'medium', 'high', 'critical'))
);
create index idx_devlab_insights_project_id_priority on aiml.devlab_insights (project_id, priority);

comment on table aiml.devlab_insights is 'AI insights about a DevLab project, written by the service role, readable by the project owner.';
comment on column aiml.devlab_insights.id is 'Integer identity key.';
comment on column aiml.devlab_insights.project_id is 'The project (aiml.devlab_projects.id); insights go with it.';
comment on column aiml.devlab_insights.insight_type is 'optimization, security, refactor, test or dependency.';
comment on column aiml.devlab_insights.title is 'Short title.';
comment on column aiml.devlab_insights.description is 'Explanation.';
comment on column aiml.devlab_insights.confidence is 'Model confidence, 0 to 1.';
comment on column aiml.devlab_insights.action is 'Suggested action the user can take.';
comment on column aiml.devlab_insights.priority is 'low, medium, high or critical.';
comment on column aiml.devlab_insights.created_at is 'When the row was created.';
comment on column aiml.devlab_insights.updated_at is 'When the row was last changed (set by trigger).';
