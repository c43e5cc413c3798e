-- classroom: colocation invariants that let the module be distributed by tenant_id
-- (Citus-style, see docs/scaling.md). Each check lists the offending objects, so a new
-- table, key or index that would break distribution names itself here.
-- Reference tables (replicated to every node, not distributed): classroom.tenants.
-- Named exceptions: users_pkey (id alone: one tenant per person; dropped when
-- distributing, see the table's comment) and foreign keys to auth.users.
-- Runs alone, needs no data; rolls back.
begin;
select plan(7);

select is_empty(
    $$select c.relname::text
      from pg_class as c
      where c.relnamespace = 'classroom'::regnamespace
        and c.relkind in ('r', 'p')
        and c.relname <> 'tenants'
        and not exists (
            select 1 from pg_attribute as a
            where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnotnull and not a.attisdropped
        )$$,
    'every classroom table but the reference table tenants has a not null tenant_id'
);

select is_empty(
    $$select i.indexrelid::regclass::text
      from pg_index as i
      join pg_class as t on t.oid = i.indrelid
      where t.relnamespace = 'classroom'::regnamespace
        and t.relname <> 'tenants'
        and i.indisunique
        and i.indexrelid <> 'classroom.users_pkey'::regclass
        and not exists (
            select 1 from pg_attribute as a
            where a.attrelid = i.indrelid and a.attnum = any(i.indkey) and a.attname = 'tenant_id'
        )$$,
    'every unique index (keys, unique constraints, partial unique indexes) includes tenant_id'
);

select is_empty(
    $$select c.conrelid::regclass::text || '.' || c.conname
      from pg_constraint as c
      where c.connamespace = 'classroom'::regnamespace
        and c.contype = 'f'
        and c.confrelid::regclass::text like 'classroom.%'
        and c.confrelid <> 'classroom.tenants'::regclass
        and not exists (
            select 1
            from unnest(c.conkey, c.confkey) as k (attnum, fattnum)
            join pg_attribute as a on a.attrelid = c.conrelid and a.attnum = k.attnum
            join pg_attribute as fa on fa.attrelid = c.confrelid and fa.attnum = k.fattnum
            where a.attname = 'tenant_id' and fa.attname = 'tenant_id'
        )$$,
    'every foreign key between distributed tables pairs tenant_id with tenant_id'
);

select is_empty(
    $$select c.conrelid::regclass::text || '.' || c.conname
      from pg_constraint as c
      where c.connamespace = 'classroom'::regnamespace
        and c.contype = 'f'
        and c.confrelid = 'classroom.tenants'::regclass
        and not exists (
            select 1
            from unnest(c.conkey) as k (attnum)
            join pg_attribute as a on a.attrelid = c.conrelid and a.attnum = k.attnum
            where a.attname = 'tenant_id'
        )$$,
    'every foreign key to the reference table tenants goes through tenant_id'
);

select is_empty(
    $$select c.conrelid::regclass::text || '.' || c.conname || ' -> ' || c.confrelid::regclass::text
      from pg_constraint as c
      where c.connamespace = 'classroom'::regnamespace
        and c.contype = 'f'
        and c.confrelid::regclass::text not like 'classroom.%'
        and c.confrelid <> 'auth.users'::regclass$$,
    'foreign keys leave the module only towards auth.users'
);

select is_empty(
    $$select c.conname::text
      from pg_constraint as c
      where c.conrelid = 'classroom.tenants'::regclass
        and c.contype = 'f'
        and c.confrelid::regclass::text like 'classroom.%'$$,
    'the reference table tenants has no foreign key into distributed tables'
);

select is_empty(
    $$select c.conrelid::regclass::text || '.' || c.conname
      from pg_constraint as c
      where c.connamespace = 'classroom'::regnamespace
        and c.contype = 'f'
        and c.confdeltype in ('n', 'd')
        and c.confdelsetcols is null
        and exists (
            select 1 from pg_attribute as a
            where a.attrelid = c.conrelid and a.attnum = any(c.conkey) and a.attname = 'tenant_id'
        )$$,
    'no on delete set null/default would clear tenant_id (set null names its columns)'
);

select * from finish();
rollback;
