-- classroom: covering indexes for the admin dashboards under RLS (policies of
-- 20261123191500). An admin's policy on analytics_events / ai_usage_logs reads
-- user_id (and lesson_id), which the time-window indexes lacked, so RLS
-- fetched every row of the window from the heap while service_role read them
-- index-only (BENCHMARKS.md). Each index is rebuilt with those columns under
-- its name. Locks: each build takes SHARE (inserts wait, reads go on); the
-- drops and renames come last, so ACCESS EXCLUSIVE lasts only to the commit.
-- On a big database run the two `create index concurrently if not exists
-- ..._covering` statements by hand first: this migration then only swaps names.

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
