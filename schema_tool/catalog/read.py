"""Read pg_catalog into the model: one small function, one query per kind.

Expressions (defaults, policies, view bodies, types) are deparsed by the
server under the connection's search_path, so a caller that wants a module's
own names unqualified sets it first (`read_catalog(..., search_path=...)`).
"""

from __future__ import annotations

from collections import defaultdict

from psycopg import sql as pgsql

from .model import (
    COMMANDS, ON_ACTION, VOLATILITY, Argument, Catalog, Column, Constraint, Extension, Function, Grant, Index,
    Partition, Policy, Read, Schema, Table, Trigger, Type,
)

# Schemas that belong to the platform (Supabase, Postgres, extensions, test helpers), never to a module.
PLATFORM_SCHEMAS = (
    "auth", "storage", "extensions", "information_schema", "realtime", "vault", "cron", "net", "pgsodium",
    "pgsodium_masks", "tests", "pgbouncer", "pgtle", "repack", "topology", "tiger", "pgmq",
    "_realtime", "_analytics",
)
PLATFORM_PREFIXES = ("pg_", "supabase_", "graphql")

NOT_EXTENSION_MEMBER = """not exists (select 1 from pg_catalog.pg_depend d
    where d.classid = {catalog}::regclass and d.objid = {oid} and d.deptype = 'e')"""
ROLE_NAME = "case when a.grantee = 0 then 'public' else pg_catalog.pg_get_userbyid(a.grantee) end"
# An ACL as an array of [role, privilege, grantable] text arrays (anonymous records do not load as tuples).
ACL_ARRAY = ("array(select array[" + ROLE_NAME + ", a.privilege_type, a.is_grantable::text]"
             " from pg_catalog.aclexplode({acl}) a)")


def _rows(conn, query: str, params=()) -> list[tuple]:
    return conn.execute(query, params).fetchall()


def _grants(rows) -> tuple[Grant, ...]:
    return tuple(sorted({Grant(role, privilege.lower(), grantable in (True, "true"))
                         for role, privilege, grantable in rows or ()},
                        key=lambda g: (g.role, g.privilege, g.grantable)))


def is_platform_schema(name: str) -> bool:
    return name in PLATFORM_SCHEMAS or name.startswith(PLATFORM_PREFIXES)


def project_schemas(conn) -> list[str]:
    """The schemas the project's migrations own: every schema but the platform's."""
    names = [r[0] for r in _rows(conn, "select nspname from pg_catalog.pg_namespace order by nspname")]
    return [n for n in names if not is_platform_schema(n)]


def read_catalog(conn, schemas: list[str] | None = None, search_path: str | None = None) -> Catalog:
    """Read `schemas` (default: `project_schemas`) into a Catalog.

    `search_path`, when given, is set on the connection first: names it reaches
    are printed unqualified in expressions and types.
    """
    if search_path is not None:
        conn.execute(pgsql.SQL("select pg_catalog.set_config('search_path', {}, false)").format(
            pgsql.Literal(search_path)))
    schemas = list(project_schemas(conn) if schemas is None else schemas)
    return Catalog(
        schemas=read_schemas(conn, schemas),
        tables=read_relations(conn, schemas),
        functions=read_functions(conn, schemas),
        types=read_types(conn, schemas),
        extensions=read_extensions(conn),
    )


def read_extensions(conn) -> tuple[Extension, ...]:
    return tuple(Extension(*row) for row in _rows(conn, """
        select e.extname, n.nspname, e.extversion, a.default_version
        from pg_catalog.pg_extension e
        join pg_catalog.pg_namespace n on n.oid = e.extnamespace
        left join pg_catalog.pg_available_extensions a on a.name = e.extname
        order by e.extname
        """))


def read_schemas(conn, schemas: list[str]) -> tuple[Schema, ...]:
    rows = _rows(conn, """
        select n.nspname, pg_catalog.pg_get_userbyid(n.nspowner), pg_catalog.obj_description(n.oid, 'pg_namespace'),
               """ + ACL_ARRAY.format(acl="coalesce(n.nspacl, pg_catalog.acldefault('n', n.nspowner))") + """
        from pg_catalog.pg_namespace n where n.nspname = any(%s) order by n.nspname
        """, (schemas,))
    return tuple(Schema(name, owner, comment, _grants(acl)) for name, owner, comment, acl in rows)


def read_relations(conn, schemas: list[str], kinds: tuple[str, ...] = ("r", "p", "v", "m")) -> tuple[Table, ...]:
    """Tables, partitioned tables, views and materialized views (or the relkinds
    `kinds`, e.g. ("f",) for foreign tables), with everything attached to them.
    Partitions appear only on their parent (they are created by date)."""
    rows = _rows(conn, """
        select c.oid, n.nspname, c.relname, c.relkind, pg_catalog.pg_get_userbyid(c.relowner),
               pg_catalog.obj_description(c.oid, 'pg_class'), c.relrowsecurity, c.relforcerowsecurity,
               case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end,
               coalesce((select lower(o.option_value) in ('true', 'on', 'yes', '1')
                         from pg_catalog.pg_options_to_table(c.reloptions) o
                         where o.option_name = 'security_invoker'), false),
               case when c.relkind in ('v', 'm') then pg_catalog.pg_get_viewdef(c.oid, true) end
        from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any(%s) and c.relkind = any(%s) and not c.relispartition
          and """ + NOT_EXTENSION_MEMBER.format(catalog="'pg_class'", oid="c.oid") + """
        order by n.nspname, c.relname
        """, (schemas, list(kinds)))
    if not rows:
        return ()
    oids = [r[0] for r in rows]
    columns = read_columns(conn, oids)
    constraints = read_constraints(conn, oids)
    indexes = read_indexes(conn, oids)
    policies = read_policies(conn, oids)
    triggers = read_triggers(conn, oids)
    partitions = read_partitions(conn, oids)
    grants = read_table_grants(conn, oids)
    reads = read_view_reads(conn, [r[0] for r in rows if r[3] in ("v", "m")])
    return tuple(
        Table(schema, name, kind, owner, comment, columns=tuple(columns[oid]), constraints=tuple(constraints[oid]),
              indexes=tuple(indexes[oid]), rls=rls, rls_forced=forced, policies=tuple(policies[oid]),
              triggers=tuple(triggers[oid]), grants=grants[oid], partition_key=partkey,
              partitions=tuple(partitions[oid]), security_invoker=invoker, definition=definition,
              reads=tuple(reads[oid]))
        for oid, schema, name, kind, owner, comment, rls, forced, partkey, invoker, definition in rows
    )


def read_view_reads(conn, oids: list[int]) -> dict[int, list[Read]]:
    """The relations each view reads, directly or through other views, in any schema."""
    out: dict[int, list[Read]] = defaultdict(list)
    if not oids:
        return out
    for view, schema, name, kind, rls in _rows(conn, """
        with recursive deps(view_oid, rel_oid) as (
            select r.ev_class, d.refobjid
            from pg_catalog.pg_rewrite r
            join pg_catalog.pg_depend d on d.objid = r.oid and d.classid = 'pg_catalog.pg_rewrite'::regclass
             and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> r.ev_class
            where r.ev_class = any(%s)
            union
            select deps.view_oid, d.refobjid
            from deps
            join pg_catalog.pg_rewrite r on r.ev_class = deps.rel_oid
            join pg_catalog.pg_depend d on d.objid = r.oid and d.classid = 'pg_catalog.pg_rewrite'::regclass
             and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> r.ev_class
        )
        select distinct deps.view_oid, n.nspname, c.relname, c.relkind::text, c.relrowsecurity
        from deps
        join pg_catalog.pg_class c on c.oid = deps.rel_oid
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        order by 1, 2, 3
        """, (oids,)):
        out[view].append(Read(schema, name, kind, rls))
    return out


def read_columns(conn, oids: list[int]) -> dict[int, list[Column]]:
    out: dict[int, list[Column]] = defaultdict(list)
    for relid, *fields, acl in _rows(conn, """
        select att.attrelid, att.attname, pg_catalog.format_type(att.atttypid, att.atttypmod),
               case when en.nspname = 'pg_catalog' then pg_catalog.format_type(et.oid, null)
                    else pg_catalog.quote_ident(en.nspname) || '.' || pg_catalog.quote_ident(et.typname) end,
               t.typcategory = 'A' and t.typelem <> 0, et.typtype,
               att.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), att.attidentity::text, att.attgenerated::text,
               pg_catalog.col_description(att.attrelid, att.attnum),
               """ + ACL_ARRAY.format(acl="att.attacl") + """
        from pg_catalog.pg_attribute att
        join pg_catalog.pg_type t on t.oid = att.atttypid
        join pg_catalog.pg_type et on et.oid = case when t.typcategory = 'A' and t.typelem <> 0 then t.typelem
                                                    else t.oid end
        join pg_catalog.pg_namespace en on en.oid = et.typnamespace
        left join pg_catalog.pg_attrdef d on d.adrelid = att.attrelid and d.adnum = att.attnum
        where att.attrelid = any(%s) and att.attnum > 0 and not att.attisdropped
        order by att.attrelid, att.attnum
        """, (oids,)):
        out[relid].append(Column(*fields, grants=_grants(acl)))
    return out


def read_constraints(conn, oids: list[int]) -> dict[int, list[Constraint]]:
    """Primary keys, uniques, foreign keys, checks and exclusions (not NOT NULL; not inherited copies)."""
    out: dict[int, list[Constraint]] = defaultdict(list)
    for (relid, name, kind, cols, definition, ref_schema, ref_table, ref_cols, deltype, updtype, deferrable,
         comment, ref_primary) in _rows(
        conn, """
        select c.conrelid, c.conname, c.contype::text,
               array(select a.attname from unnest(c.conkey) with ordinality k(attnum, ord)
                     join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord),
               pg_catalog.pg_get_constraintdef(c.oid), rn.nspname, r.relname,
               array(select a.attname from unnest(c.confkey) with ordinality k(attnum, ord)
                     join pg_catalog.pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord),
               c.confdeltype::text, c.confupdtype::text, c.condeferrable,
               pg_catalog.obj_description(c.oid, 'pg_constraint'),
               coalesce((select i.indisprimary from pg_catalog.pg_index i where i.indexrelid = c.conindid), false)
        from pg_catalog.pg_constraint c
        left join pg_catalog.pg_class r on r.oid = c.confrelid
        left join pg_catalog.pg_namespace rn on rn.oid = r.relnamespace
        where c.conrelid = any(%s) and c.contype in ('p', 'u', 'f', 'c', 'x') and c.conparentid = 0
        order by c.conrelid, c.conname
        """, (oids,)):
        foreign = kind == "f"
        out[relid].append(Constraint(
            name, kind, tuple(cols), definition,
            ref_schema=ref_schema if foreign else None, ref_table=ref_table if foreign else None,
            ref_columns=tuple(ref_cols) if foreign else (),
            on_delete=ON_ACTION[deltype] if foreign else None, on_update=ON_ACTION[updtype] if foreign else None,
            deferrable=deferrable, comment=comment, ref_primary=foreign and ref_primary,
        ))
    return out


def read_indexes(conn, oids: list[int]) -> dict[int, list[Index]]:
    out: dict[int, list[Index]] = defaultdict(list)
    for relid, name, definition, unique, primary, constraint_kind, columns, valid, partial in _rows(conn, """
        select i.indrelid, ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid), i.indisunique, i.indisprimary,
               coalesce((select k.contype::text from pg_catalog.pg_constraint k where k.conindid = i.indexrelid
                         and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x') limit 1), ''),
               array(select coalesce(a.attname::text, '') from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                     left join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                     order by k.ord),
               i.indisvalid, i.indpred is not null
        from pg_catalog.pg_index i join pg_catalog.pg_class ic on ic.oid = i.indexrelid
        where i.indrelid = any(%s)
        order by i.indrelid, ic.relname
        """, (oids,)):
        out[relid].append(Index(name, definition, unique, primary, constraint_kind, tuple(columns), valid, partial))
    return out


def read_policies(conn, oids: list[int]) -> dict[int, list[Policy]]:
    out: dict[int, list[Policy]] = defaultdict(list)
    for relid, name, cmd, roles, permissive, using, check in _rows(conn, """
        select p.polrelid, p.polname, p.polcmd::text,
               array(select case when r = 0 then 'public' else pg_catalog.pg_get_userbyid(r) end
                     from unnest(p.polroles) r order by 1),
               p.polpermissive,
               pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
        from pg_catalog.pg_policy p
        where p.polrelid = any(%s)
        order by p.polrelid, p.polname
        """, (oids,)):
        out[relid].append(Policy(name, COMMANDS[cmd], tuple(roles), permissive, using, check))
    return out


def read_triggers(conn, oids: list[int]) -> dict[int, list[Trigger]]:
    out: dict[int, list[Trigger]] = defaultdict(list)
    for relid, name, definition, function, enabled in _rows(conn, """
        select t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid), fn.nspname || '.' || f.proname,
               t.tgenabled::text
        from pg_catalog.pg_trigger t
        join pg_catalog.pg_proc f on f.oid = t.tgfoid
        join pg_catalog.pg_namespace fn on fn.oid = f.pronamespace
        where t.tgrelid = any(%s) and not t.tgisinternal and t.tgparentid = 0
        order by t.tgrelid, t.tgname
        """, (oids,)):
        out[relid].append(Trigger(name, definition, function, enabled))
    return out


def read_partitions(conn, oids: list[int]) -> dict[int, list[Partition]]:
    out: dict[int, list[Partition]] = defaultdict(list)
    for relid, name, bound, rls, acl in _rows(conn, """
        select i.inhparent, c.relname, pg_catalog.pg_get_expr(c.relpartbound, c.oid), c.relrowsecurity,
               """ + ACL_ARRAY.format(acl="coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))") + """
        from pg_catalog.pg_inherits i join pg_catalog.pg_class c on c.oid = i.inhrelid
        where i.inhparent = any(%s) and c.relispartition
        order by i.inhparent, c.relname
        """, (oids,)):
        out[relid].append(Partition(name, bound, rls, _grants(acl)))
    return out


def read_table_grants(conn, oids: list[int]) -> dict[int, tuple[Grant, ...]]:
    """Table privileges per role, from the ACL (the owner's default when never granted)."""
    rows: dict[int, list] = defaultdict(list)
    for relid, role, privilege, grantable in _rows(conn, """
        select c.oid, """ + ROLE_NAME + """, a.privilege_type, a.is_grantable
        from pg_catalog.pg_class c
        cross join lateral pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) a
        where c.oid = any(%s)
        """, (oids,)):
        rows[relid].append((role, privilege, grantable))
    return defaultdict(tuple, {oid: _grants(acl) for oid, acl in rows.items()})


def read_functions(conn, schemas: list[str]) -> tuple[Function, ...]:
    out = []
    for (schema, name, identity, names, modes, types, ndefaults, returns, retset, kind, language, secdef,
         volatility, strict, config, body, owner, comment, acl, signature) in _rows(conn, """
        select n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),
               coalesce(p.proargnames, '{}'), coalesce(p.proargmodes::text[], '{}'),
               array(select pg_catalog.format_type(t, null)
                     from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(t, i) order by i),
               p.pronargdefaults, coalesce(pg_catalog.pg_get_function_result(p.oid), ''), p.proretset,
               p.prokind::text, l.lanname, p.prosecdef, p.provolatile::text, p.proisstrict,
               coalesce(p.proconfig, '{}'), coalesce(p.prosrc, ''), pg_catalog.pg_get_userbyid(p.proowner),
               pg_catalog.obj_description(p.oid, 'pg_proc'),
               """ + ACL_ARRAY.format(acl="coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))") + """,
               p.oid::pg_catalog.regprocedure::text
        from pg_catalog.pg_proc p
        join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        join pg_catalog.pg_language l on l.oid = p.prolang
        where n.nspname = any(%s) and """ + NOT_EXTENSION_MEMBER.format(catalog="'pg_proc'", oid="p.oid") + """
        order by n.nspname, p.proname, 3
        """, (schemas,)):
        out.append(Function(
            schema, name, identity, _arguments(names, modes, types, ndefaults), returns, retset, kind, language,
            secdef, VOLATILITY.get(volatility, volatility), strict, tuple(sorted(config)), body, owner, comment,
            _grants(acl), signature,
        ))
    return tuple(out)


MODES = {"i": "in", "o": "out", "b": "inout", "v": "variadic", "t": "table"}


def _arguments(names, modes, types, ndefaults) -> tuple[Argument, ...]:
    modes = list(modes) or ["i"] * len(types)
    inputs = [i for i, m in enumerate(modes) if m in ("i", "b", "v")]
    with_default = set(inputs[len(inputs) - ndefaults:]) if ndefaults else set()
    return tuple(
        Argument(names[i] if i < len(names) else "", MODES[modes[i]], typ, i in with_default)
        for i, typ in enumerate(types)
    )


def read_types(conn, schemas: list[str]) -> tuple[Type, ...]:
    """Enums, domains and free-standing composite types (not a table's row type)."""
    out = []
    for schema, name, kind, comment, labels, base, checks, attributes in _rows(conn, """
        select n.nspname, t.typname, t.typtype::text, pg_catalog.obj_description(t.oid, 'pg_type'),
               array(select e.enumlabel::text from pg_catalog.pg_enum e where e.enumtypid = t.oid
                     order by e.enumsortorder),
               case when t.typtype = 'd' then pg_catalog.format_type(t.typbasetype, t.typtypmod) end,
               array(select pg_catalog.pg_get_constraintdef(c.oid) from pg_catalog.pg_constraint c
                     where c.contypid = t.oid order by c.conname),
               array(select array[a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod)]
                     from pg_catalog.pg_attribute a
                     where t.typtype = 'c' and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped
                     order by a.attnum)
        from pg_catalog.pg_type t
        join pg_catalog.pg_namespace n on n.oid = t.typnamespace
        left join pg_catalog.pg_class r on r.oid = t.typrelid
        where n.nspname = any(%s)
          and (t.typtype in ('e', 'd') or (t.typtype = 'c' and r.relkind = 'c'))
          and """ + NOT_EXTENSION_MEMBER.format(catalog="'pg_type'", oid="t.oid") + """
        order by n.nspname, t.typname
        """, (schemas,)):
        out.append(Type(schema, name, kind, comment, labels=tuple(labels), base=base, checks=tuple(checks),
                        attributes=tuple((a, b) for a, b in (attributes or []))))
    return tuple(out)
