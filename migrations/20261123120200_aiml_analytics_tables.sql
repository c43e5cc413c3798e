-- aiml: analytics tables (analytics_events, ab_tests, ab_test_results).

create function aiml_private.traffic_split_is_valid(p_split jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
    select jsonb_typeof(p_split) = 'object'
        and (select count(*) from jsonb_each(p_split)) >= 2
        and not exists (
            select 1
            from jsonb_each(p_split) as e (key, value)
            where jsonb_typeof(e.value) <> 'number'
               or (e.value)::numeric < 0
        )
        and (
            select sum((e.value)::numeric)
            from jsonb_each(p_split) as e (key, value)
        ) = 100
$$;
comment on function aiml_private.traffic_split_is_valid(jsonb) is
'True when an A/B traffic split is a JSON object of at least two variant -> share entries, shares non-negative numbers summing to 100 (used by a CHECK on aiml.ab_tests).';
revoke execute on function aiml_private.traffic_split_is_valid(jsonb) from public;

-- analytics_events --------------------------------------------------------------

create table aiml.analytics_events (
    id bigint generated always as identity,
    event_type text not null,
    user_id bigint,
    event_data jsonb not null default '{}'::jsonb,
    properties jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    constraint analytics_events_pkey primary key (id),
    constraint analytics_events_user_id_fkey foreign key (user_id)
        references aiml.users (id) on delete set null,
    constraint analytics_events_event_type_check check (event_type ~ '^[a-z0-9]+([._][a-z0-9]+)*$'),
    constraint analytics_events_event_data_check check (jsonb_typeof(event_data) = 'object'),
    constraint analytics_events_properties_check check (jsonb_typeof(properties) = 'object')
);
create index idx_analytics_events_event_type_created_at on aiml.analytics_events (event_type, created_at);
create index idx_analytics_events_user_id_created_at on aiml.analytics_events (user_id, created_at);

-- Statistics setting (planner only, no effect on data): the app lists a user's
-- rows newest first and leaves the user filter to row level security. The policy
-- value (select aiml_private.current_user_id()), derived from auth.uid(), is
-- unknown at plan time, so the planner estimates "one user's rows" as
-- rows / n_distinct(user_id) (a handful) and picks a bitmap scan of ALL the
-- user's rows plus a top-N sort: 10.1 ms for a heavy user at 500k rows
-- (BENCHMARKS.md, P2). A low n_distinct makes the backward scan of
-- idx_analytics_events_user_id_created_at with LIMIT the cheaper plan for every
-- user (0.6 ms). It only raises the row estimate for one user (RLS lists,
-- generic plans of prepared statements, literal ids outside the most common
-- values); heavy users in the most-common-value list keep their measured
-- frequency. Takes effect at the next analyze (autovacuum).
alter table aiml.analytics_events alter column user_id set (n_distinct = 100);

comment on table aiml.analytics_events is 'Product analytics events. Signed-in users record and read their own; anonymous visitors may record events without a user. Deleting a user anonymises their events (user_id set null) so aggregates survive.';
comment on column aiml.analytics_events.id is 'Integer identity key.';
comment on column aiml.analytics_events.event_type is 'Event name, lower-case words joined by "." or "_", e.g. use_case.viewed.';
comment on column aiml.analytics_events.user_id is 'Who caused it (aiml.users.id); null for anonymous visitors and after the user is deleted.';
comment on column aiml.analytics_events.event_data is 'Event payload, JSON object.';
comment on column aiml.analytics_events.properties is 'Context properties (page, device, campaign...), JSON object.';
comment on column aiml.analytics_events.created_at is 'When the event happened.';

-- ab_tests ------------------------------------------------------------------------

create table aiml.ab_tests (
    id bigint generated always as identity,
    test_id text not null,
    name text not null,
    primary_kpi text not null,
    traffic_split jsonb not null,
    variants jsonb not null,
    status text not null default 'draft',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ab_tests_pkey primary key (id),
    constraint ab_tests_test_id_key unique (test_id),
    constraint ab_tests_name_check check (length(btrim(name)) > 0),
    constraint ab_tests_primary_kpi_check check (primary_kpi ~ '^[a-z0-9]+(_[a-z0-9]+)*$'),
    constraint ab_tests_traffic_split_check check (aiml_private.traffic_split_is_valid(traffic_split)),
    constraint ab_tests_variants_check check (
        jsonb_typeof(variants) = 'array' and jsonb_array_length(variants) >= 2
    ),
    constraint ab_tests_status_check check (
        status in ('draft', 'running', 'paused', 'completed', 'archived')
    )
);
create index idx_ab_tests_status on aiml.ab_tests (status);

comment on table aiml.ab_tests is 'A/B test definitions (marketing intelligence use cases). Readable by signed-in users, written by the service role.';
comment on column aiml.ab_tests.id is 'Integer identity key.';
comment on column aiml.ab_tests.test_id is 'Stable public test id.';
comment on column aiml.ab_tests.name is 'Display name.';
comment on column aiml.ab_tests.primary_kpi is 'snake_case name of the metric that decides the winner, e.g. conversion_rate.';
comment on column aiml.ab_tests.traffic_split is 'Share of traffic per variant: JSON object variant -> number, at least two entries, summing to 100.';
comment on column aiml.ab_tests.variants is 'Variant definitions: JSON array of at least two entries.';
comment on column aiml.ab_tests.status is 'draft, running, paused, completed or archived.';
comment on column aiml.ab_tests.created_at is 'When the row was created.';
comment on column aiml.ab_tests.updated_at is 'When the row was last changed (set by trigger).';

-- ab_test_results -----------------------------------------------------------------

create table aiml.ab_test_results (
    id bigint generated always as identity,
    test_id bigint not null,
    variant_name text not null,
    visitors integer not null default 0,
    conversions integer not null default 0,
    conversion_rate numeric(7, 6) generated always as (
        case
            when visitors > 0 then round(conversions::numeric / visitors, 6)
        end
    ) stored,
    is_winner boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ab_test_results_pkey primary key (id),
    constraint ab_test_results_test_id_variant_name_key unique (test_id, variant_name),
    constraint ab_test_results_test_id_fkey foreign key (test_id)
        references aiml.ab_tests (id) on delete cascade,
    constraint ab_test_results_variant_name_check check (length(btrim(variant_name)) > 0),
    constraint ab_test_results_visitors_check check (visitors >= 0),
    constraint ab_test_results_conversions_check check (conversions >= 0 and conversions <= visitors)
);
create unique index idx_ab_test_results_test_id_winner
    on aiml.ab_test_results (test_id)
    where is_winner;

comment on table aiml.ab_test_results is 'Per-variant results of an A/B test; at most one winner per test. Readable by signed-in users, written by the service role.';
comment on column aiml.ab_test_results.id is 'Integer identity key.';
comment on column aiml.ab_test_results.test_id is 'The test (aiml.ab_tests.id); results go with it.';
comment on column aiml.ab_test_results.variant_name is 'Variant name, unique within the test.';
comment on column aiml.ab_test_results.visitors is 'Visitors exposed to the variant (>= 0).';
comment on column aiml.ab_test_results.conversions is 'Visitors who converted (0 to visitors).';
comment on column aiml.ab_test_results.conversion_rate is 'conversions / visitors rounded to 6 decimals (generated); null while visitors is 0.';
comment on column aiml.ab_test_results.is_winner is 'True for the winning variant (at most one per test).';
comment on column aiml.ab_test_results.created_at is 'When the row was created.';
comment on column aiml.ab_test_results.updated_at is 'When the row was last changed (set by trigger).';
