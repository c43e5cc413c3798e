-- classroom: isolation: every role of one tenant is denied every table of the other; anon and service_role
-- Runs alone: creates its own two-tenant fixture and rolls everything back.
begin;
select plan(497);

set local search_path = classroom, public, extensions;

-- Fixture: two tenants (a, b) with the same shape. Ids are md5('<tenant>:<name>')::uuid.
-- Per tenant: admin, teacher (owns lesson_pub and lesson_draft), teacher2 (owns
-- lesson_other), student (has progress, a session, an attempt) and student2.
-- (supabase/tests/001_classroom_fixtures.sql)
select tests.classroom_fixture();

-- Helpers for this file only (rolled back with it).
create function tests.cls_count(p_sql text) returns text
language plpgsql
as $$
declare
    v_n bigint;
begin
    execute p_sql into v_n;
    return v_n::text;
exception when others then
    return 'error:' || sqlstate;
end
$$;

create function tests.cls_rows(p_sql text) returns text
language plpgsql
as $$
declare
    v_n bigint;
begin
    execute p_sql;
    get diagnostics v_n = row_count;
    return v_n::text;
exception when others then
    return 'error:' || sqlstate;
end
$$;

create function tests.cls_act(p_actor text) returns void
language plpgsql
as $$
begin
    if p_actor = 'anon' then
        perform tests.authenticate_as_anon();
    elsif p_actor = 'service_role' then
        perform tests.authenticate_as_service_role();
    else
        perform tests.authenticate_as(p_actor);
    end if;
end
$$;

-- For every table: select / update / delete the other tenant's rows, insert a
-- copy of one of its rows (fresh id, only the columns the role may insert),
-- and move an own row into the other tenant. Each must be denied: 0 rows or
-- 42501 (RLS, privilege or the attempt trigger's own check).
create function tests.cls_isolation(p_actor text, p_own text, p_other text) returns setof text
language plpgsql
as $$
declare
    v_table text;
    v_col text;
    v_own uuid := md5(p_own || ':tenant')::uuid;
    v_other uuid := md5(p_other || ':tenant')::uuid;
    v_row jsonb;
    v_cols text;
    v_sel text;
    v_upd text;
    v_del text;
    v_ins text;
    v_mov text;
begin
    foreach v_table in array array['tenants', 'users', 'user_preferences', 'lessons', 'video_groups', 'videos',
        'milestones', 'ai_configurations', 'questions', 'ai_usage_logs', 'student_sessions', 'student_progress',
        'question_attempts', 'grades', 'analytics_events', 'audit_logs', 'system_configs'] loop
        v_col := case when v_table = 'tenants' then 'id' else 'tenant_id' end;
        perform tests.clear_authentication();
        execute format('select to_jsonb(x) from classroom.%I x where %I = $1 limit 1', v_table, v_col)
            into v_row using v_other;
        if v_row is null then
            raise exception 'fixture has no % row in tenant %', v_table, p_other;
        end if;
        if v_row ? 'id' and v_table not in ('tenants', 'users') then
            v_row := v_row || jsonb_build_object('id', gen_random_uuid());
        end if;
        if v_table = 'system_configs' then
            v_row := v_row || '{"key": "isolation.probe"}';
        end if;
        select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into v_cols
        from pg_attribute a
        where a.attrelid = format('classroom.%I', v_table)::regclass and a.attnum > 0 and not a.attisdropped
          and (p_actor = 'anon'
               or has_column_privilege('authenticated', format('classroom.%I', v_table), a.attname, 'INSERT'));
        if v_cols is null then
            select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into v_cols
            from pg_attribute a
            where a.attrelid = format('classroom.%I', v_table)::regclass and a.attnum > 0 and not a.attisdropped;
        end if;
        perform tests.cls_act(p_actor);
        v_sel := tests.cls_count(format('select count(*) from classroom.%I where %I = %L', v_table, v_col, v_other));
        v_upd := tests.cls_rows(format('update classroom.%I set %I = %I where %I = %L', v_table, v_col, v_col, v_col, v_other));
        v_del := tests.cls_rows(format('delete from classroom.%I where %I = %L', v_table, v_col, v_other));
        v_ins := tests.cls_rows(format('insert into classroom.%I (%s) select %s from jsonb_populate_record(null::classroom.%I, %L)',
            v_table, v_cols, v_cols, v_table, v_row));
        v_mov := tests.cls_rows(format('update classroom.%I set %I = %L where %I = %L', v_table, v_col, v_other, v_col, v_own));
        perform tests.clear_authentication();
        return next ok(v_sel in ('0', 'error:42501'),
            format('%s: %s sees no row of tenant %s (0 rows or 42501), got %s', v_table, p_actor, p_other, v_sel));
        return next ok(v_upd in ('0', 'error:42501'),
            format('%s: %s updates no row of tenant %s (0 rows or 42501), got %s', v_table, p_actor, p_other, v_upd));
        return next ok(v_del in ('0', 'error:42501'),
            format('%s: %s deletes no row of tenant %s (0 rows or 42501), got %s', v_table, p_actor, p_other, v_del));
        return next is(v_ins, 'error:42501',
            format('%s: %s cannot insert a row into tenant %s (42501)', v_table, p_actor, p_other));
        return next ok(v_mov in ('0', 'error:42501'),
            format('%s: %s cannot move own rows into tenant %s (0 rows or 42501), got %s', v_table, p_actor, p_other, v_mov));
    end loop;
end
$$;

-- 5 actors x 17 tables x 5 checks = 425
select * from tests.cls_isolation('student-a@cls.test', 'a', 'b');
select * from tests.cls_isolation('teacher-a@cls.test', 'a', 'b');
select * from tests.cls_isolation('admin-a@cls.test', 'a', 'b');
select * from tests.cls_isolation('admin-b@cls.test', 'b', 'a');
select * from tests.cls_isolation('anon', 'a', 'b');

-- Nothing of tenant b was changed by the attempts above (as postgres, no RLS).
select is(
    (select count(*)::int from classroom.lessons where tenant_id = md5('b:tenant')::uuid and title like 'Photosynthesis%'),
    1,
    'tenant b lessons are intact after the isolation probes'
);
select is(
    (select count(*)::int from classroom.system_configs where key = 'isolation.probe'),
    0,
    'no probe row was inserted anywhere'
);

-- Positive controls: inside its own tenant each role sees what the policies
-- promise (so the zeros above are not a blanket deny). expected = visible rows.
create function tests.cls_visible(p_actor text, p_table text) returns int
language plpgsql
as $$
declare
    v_n int;
begin
    perform tests.cls_act(p_actor);
    execute format('select count(*)::int from classroom.%I', p_table) into v_n;
    perform tests.clear_authentication();
    return v_n;
end
$$;

select is(tests.cls_visible(v.actor || '-a@cls.test', v.tbl), v.expected,
          format('%s: %s of tenant a sees %s row(s) of its own tenant', v.tbl, v.actor, v.expected))
from (values
    ('student', 'tenants', 1), ('teacher', 'tenants', 1), ('admin', 'tenants', 1),
    ('student', 'users', 4), ('teacher', 'users', 5), ('admin', 'users', 5),
    ('student', 'user_preferences', 1), ('teacher', 'user_preferences', 0), ('admin', 'user_preferences', 0),
    ('student', 'lessons', 2), ('teacher', 'lessons', 3), ('admin', 'lessons', 3),
    ('student', 'video_groups', 1), ('teacher', 'video_groups', 2), ('admin', 'video_groups', 2),
    ('student', 'videos', 1), ('teacher', 'videos', 2), ('admin', 'videos', 2),
    ('student', 'milestones', 2), ('teacher', 'milestones', 3), ('admin', 'milestones', 3),
    ('student', 'ai_configurations', 0), ('teacher', 'ai_configurations', 1), ('admin', 'ai_configurations', 1),
    ('student', 'questions', 2), ('teacher', 'questions', 4), ('admin', 'questions', 4),
    ('student', 'ai_usage_logs', 1), ('teacher', 'ai_usage_logs', 3), ('admin', 'ai_usage_logs', 4),
    ('student', 'student_sessions', 1), ('teacher', 'student_sessions', 0), ('admin', 'student_sessions', 1),
    ('student', 'student_progress', 2), ('teacher', 'student_progress', 1), ('admin', 'student_progress', 2),
    ('student', 'question_attempts', 1), ('teacher', 'question_attempts', 1), ('admin', 'question_attempts', 1),
    ('student', 'grades', 1), ('teacher', 'grades', 1), ('admin', 'grades', 1),
    ('student', 'analytics_events', 1), ('teacher', 'analytics_events', 1), ('admin', 'analytics_events', 1),
    ('student', 'audit_logs', 0), ('teacher', 'audit_logs', 0), ('admin', 'audit_logs', (select count(*)::int from classroom.audit_logs where tenant_id = md5('a:tenant')::uuid)),
    ('student', 'system_configs', 3), ('teacher', 'system_configs', 3), ('admin', 'system_configs', 3)
) as v (actor, tbl, expected);

-- service_role bypasses RLS: it sees both tenants in every table (17) and can write them.
create function tests.cls_service() returns setof text
language plpgsql
as $$
declare
    v_table text;
    v_n text;
begin
    foreach v_table in array array['tenants', 'users', 'user_preferences', 'lessons', 'video_groups', 'videos',
        'milestones', 'ai_configurations', 'questions', 'ai_usage_logs', 'student_sessions', 'student_progress',
        'question_attempts', 'grades', 'analytics_events', 'audit_logs', 'system_configs'] loop
        perform tests.cls_act('service_role');
        v_n := tests.cls_count(format('select count(distinct %1$I) from classroom.%2$I where %1$I in (%3$L, %4$L)',
            case when v_table = 'tenants' then 'id' else 'tenant_id' end, v_table,
            md5('a:tenant')::uuid, md5('b:tenant')::uuid));
        perform tests.clear_authentication();
        return next is(v_n, '2', format('%s: service_role sees the rows of both tenants', v_table));
    end loop;
end
$$;
select * from tests.cls_service();

select tests.authenticate_as_service_role();
select is(
    tests.cls_rows('update classroom.lessons set title = title || '' (svc)'' where tenant_id in (md5(''a:tenant'')::uuid, md5(''b:tenant'')::uuid)'),
    '6',
    'service_role can update rows of both tenants'
);
select tests.clear_authentication();

-- anon has no privilege on any classroom table (nothing is public in a tenant).
select is(
    (select count(*)::int from information_schema.role_table_grants
     where table_schema = 'classroom' and grantee = 'anon'),
    0,
    'anon holds no table privilege in classroom'
);

select * from finish();
rollback;
