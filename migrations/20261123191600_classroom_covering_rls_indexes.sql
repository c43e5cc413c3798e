-- classroom: covering indexes for the admin dashboards under RLS (see the
-- policy changes in 20261123191500). An admin's select policy on
-- analytics_events / ai_usage_logs is "my tenant and (I am an admin or the
-- row is mine ...)": the OR reads user_id (and lesson_id), which the
-- time-window indexes did not hold, so every row of the window was fetched
-- from the heap to evaluate the policy (1,900 heap pages for a week of a big
-- tenant's events; 3,400 for its AI usage), while service_role read the same
-- rows index-only. Each index is rebuilt with the policy's columns included,
-- under the same name: built next to the old one, then the old one is
-- dropped and the new one takes its name.
-- Locks (one transaction, as the Supabase CLI runs every file; lint rule
-- no-transaction-file), held until the file commits:
-- * each `create index` takes a SHARE lock on its table: inserts into
--   analytics_events wait from its build to the commit, so through the
--   ai_usage_logs build too (about 9 s each at the benchmark's 1M events);
--   reads go on;
-- * each `drop index` takes an ACCESS EXCLUSIVE lock on its table: reads wait
--   too. The drops and renames are therefore the last statements, after both
--   builds, so that lock lasts only from the drops to the commit (milliseconds).
-- On a production database where the builds are too long, run the two
-- `create index concurrently if not exists ..._covering` statements (same
-- definitions) by hand first: this migration then finds them built and only
-- swaps the names.

set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- schema-tool: allow index-not-concurrent inserts of events wait ~9 s at 1M rows; pre-build concurrently on a big database (see above)
create index if not exists idx_analytics_events_tenant_id_created_at_covering
    on classroom.analytics_events (tenant_id, created_at)
    include (event_type, user_id, lesson_id);

-- schema-tool: allow index-not-concurrent inserts of usage logs wait while it builds; pre-build concurrently on a big database (see above)
create index if not exists idx_ai_usage_logs_tenant_id_created_at_covering
    on classroom.ai_usage_logs (tenant_id, created_at)
    include (request_type, tokens_used, cost, response_time, user_id);

-- schema-tool: allow drop-index-not-concurrent after both builds: the ACCESS EXCLUSIVE lock lasts from here to the commit, milliseconds
drop index classroom.idx_analytics_events_tenant_id_created_at;

alter index classroom.idx_analytics_events_tenant_id_created_at_covering
    rename to idx_analytics_events_tenant_id_created_at;

-- schema-tool: allow drop-index-not-concurrent after both builds: the ACCESS EXCLUSIVE lock lasts from here to the commit, milliseconds
drop index classroom.idx_ai_usage_logs_tenant_id_created_at;

alter index classroom.idx_ai_usage_logs_tenant_id_created_at_covering
    rename to idx_ai_usage_logs_tenant_id_created_at;

comment on index classroom.idx_analytics_events_tenant_id_created_at is
'Time window of a tenant''s events; includes event_type and the columns the select policy reads (user_id, lesson_id), so a dashboard over a window is an index-only scan under RLS too.';

comment on index classroom.idx_ai_usage_logs_tenant_id_created_at is
'Cost reports of a tenant over a date range; includes the reported columns and user_id, the column the select policy reads besides tenant_id, so the report is an index-only scan under RLS too.';
