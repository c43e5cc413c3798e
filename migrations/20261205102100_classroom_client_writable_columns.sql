-- classroom: the five tables whose comment did not yet say which columns a
-- client may write and which facts the server owns get one passage appended
-- (issue 15; the others say it since 20261204103200). ai_configurations and
-- milestones (every column writable by admins / lesson managers): updated_at
-- is the server's on insert too (it already was on update).
set local lock_timeout = '5s';
set local statement_timeout = '5min';

drop trigger guard_api_write on classroom.ai_configurations;
create trigger guard_api_write
before insert or update on classroom.ai_configurations
for each row execute function classroom_private.guard_api_write('created:created_at', 'created:updated_at', 'caller:created_by_id');

drop trigger guard_api_write on classroom.milestones;
create trigger guard_api_write
before insert or update on classroom.milestones
for each row execute function classroom_private.guard_api_write('created:created_at', 'created:updated_at');

do $$
declare
    r record;
begin
    for r in
        select v.tbl, v.writes
        from (values
            ('classroom.ai_configurations',
             'Client writes: a tenant ADMIN inserts, updates and deletes the tenant''s configurations: name, provider, model, parameters (no secrets), is_active (text at most 10,000 characters, jsonb at most 64 KiB). Server-owned: created_by_id (the caller), created_at and updated_at (now()); every change is in audit_logs.'),
            ('classroom.ai_usage_logs',
             'Client writes: nothing.'),
            ('classroom.erasure_requests',
             'Client writes: nothing directly; a member asks through classroom.request_erasure(). Server-owned: every column (requested_at, status, processed_at by the service role).'),
            ('classroom.milestones',
             'Client writes: a TEACHER for their own lessons, an ADMIN for any lesson of the tenant: video_id, title, description, timestamp (within the video), is_required (text at most 10,000 characters). Server-owned: lesson_id (from the video), created_at and updated_at (now()).'),
            ('classroom.security_events',
             'Client writes: nothing; the actor role is the session''s API role, never the JWT role claim.')
        ) as v (tbl, writes)
    loop
        execute format('comment on table %s is %L', r.tbl,
            pg_catalog.obj_description(r.tbl::regclass, 'pg_class') || ' ' || r.writes);
    end loop;
end
$$;
