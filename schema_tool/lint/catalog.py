"""Layer 2: catalog advisories.

The migrations are applied to a throwaway database, then pg_catalog is
inspected the way Supabase's database advisors (splinter) do. Every check is
one query (or one pass over the policies) returning findings about database
objects. Which schemas are exposed through the API comes from
supabase/config.toml `[api] schemas`.

A catalog finding names its object and is located at the migration statement
that creates it. It is accepted by an allow comment directly above (or on the
first line of) any migration statement that mentions the object (see
`accept_catalog` and docs/lint-rules.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import sqltext
from .findings import ERROR, WARNING, Finding, file_allows, rule

MIGRATION_FAILS = rule("migration-fails", "catalog", ERROR, "a migration fails to apply")
RLS_DISABLED = rule("rls-disabled", "catalog", ERROR, "table in an exposed schema without RLS")
RLS_NO_POLICY = rule("rls-no-policy", "catalog", WARNING, "RLS enabled without any policy")
POLICY_RLS_DISABLED = rule("policy-rls-disabled", "catalog", ERROR, "policies present while RLS is off")
POLICY_PER_ROW_AUTH = rule("policy-per-row-auth", "catalog", ERROR, "policy calls auth.*()/current_setting() per row")
POLICY_ALWAYS_TRUE = rule("policy-always-true", "catalog", ERROR, "write policy that is always true")
POLICY_USER_METADATA = rule("policy-user-metadata", "catalog", ERROR, "policy reads user_metadata")
POLICY_MULTIPLE_PERMISSIVE = rule("policy-multiple-permissive", "catalog", ERROR, "several permissive policies for one role and command")
FK_UNINDEXED = rule("fk-unindexed", "catalog", ERROR, "foreign key without a covering index")
INDEX_DUPLICATE = rule("index-duplicate", "catalog", ERROR, "duplicate indexes")
TABLE_NO_PRIMARY_KEY = rule("table-no-primary-key", "catalog", ERROR, "table without a primary key")
DEFINER_SEARCH_PATH = rule("definer-search-path", "catalog", ERROR, "SECURITY DEFINER function with a mutable search_path")
DEFINER_EXPOSED = rule("definer-exposed", "catalog", ERROR, "SECURITY DEFINER function in an exposed schema")
DEFINER_ANON_EXECUTE = rule("definer-anon-execute", "catalog", ERROR, "SECURITY DEFINER function executable by anon")
VIEW_SECURITY_DEFINER = rule("view-security-definer", "catalog", ERROR, "view without security_invoker over RLS tables")
VIEW_AUTH_USERS = rule("view-auth-users", "catalog", ERROR, "view in an exposed schema exposes auth.users")
MATVIEW_READABLE = rule("matview-readable", "catalog", ERROR, "materialized view readable by anon/authenticated")
EXTENSION_IN_PUBLIC = rule("extension-in-public", "catalog", ERROR, "extension installed in public")
SENSITIVE_COLUMN = rule("sensitive-column", "catalog", ERROR, "sensitive-looking column readable by anon")

# Schemas that belong to the platform, not to this project's migrations.
PLATFORM_SCHEMAS = (
    "pg_catalog", "information_schema", "pg_toast", "auth", "extensions", "storage", "realtime",
    "vault", "graphql", "graphql_public", "supabase_migrations", "supabase_functions", "pgsodium",
    "pgsodium_masks", "net", "cron", "pgbouncer", "pgtle", "repack", "topology", "tiger", "tests",
    "_realtime", "_analytics", "pgmq",
)

NOT_EXTENSION_MEMBER = """not exists (
    select 1 from pg_catalog.pg_depend as d
    where d.objid = {oid} and d.deptype = 'e'
)"""


def _user_schema(alias: str = "n") -> str:
    return f"{alias}.nspname <> all(%(platform)s) and {alias}.nspname !~ '^pg_'"


def _q(schema: str, name: str) -> str:
    return f"{schema}.{name}"


@dataclass
class Context:
    conn: object
    exposed: list[str]

    def rows(self, sql: str, **params):
        params.setdefault("platform", list(PLATFORM_SCHEMAS))
        params.setdefault("exposed", list(self.exposed))
        return self.conn.execute(sql, params).fetchall()


# --------------------------------------------------------------- tables / RLS


def check_rls(ctx: Context) -> list[Finding]:
    findings = []
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p')
          and n.nspname = any(%(exposed)s) and {_user_schema()}
          and not c.relrowsecurity and {NOT_EXTENSION_MEMBER.format(oid='c.oid')}
          and (
              -- a partition is reachable through the API only with a grant of its own
              not c.relispartition
              or pg_catalog.has_table_privilege('anon', c.oid, 'select, insert, update, delete')
              or pg_catalog.has_table_privilege('authenticated', c.oid, 'select, insert, update, delete')
          )
        order by 1, 2
        """
    ):
        name = _q(schema, table)
        findings.append(Finding(
            RLS_DISABLED.id, ERROR,
            f"table {name} is exposed through the API without row level security",
            f"alter table {name} enable row level security; then add policies",
            object=name, match=((name,),),
        ))
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and c.relrowsecurity and not c.relispartition
          and n.nspname = any(%(exposed)s) and {_user_schema()}
          and not exists (select 1 from pg_catalog.pg_policy as p where p.polrelid = c.oid)
        order by 1, 2
        """
    ):
        name = _q(schema, table)
        findings.append(Finding(
            RLS_NO_POLICY.id, WARNING,
            f"table {name} has RLS enabled but no policy: only service_role can use it",
            "add policies for the roles that need it, or accept with an allow comment if only the backend uses it",
            object=name, match=((name,),),
        ))
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relrowsecurity and {_user_schema()}
          and exists (select 1 from pg_catalog.pg_policy as p where p.polrelid = c.oid)
        order by 1, 2
        """
    ):
        name = _q(schema, table)
        findings.append(Finding(
            POLICY_RLS_DISABLED.id, ERROR,
            f"table {name} has policies but row level security is off, so they are ignored",
            f"alter table {name} enable row level security",
            object=name, match=((name,),),
        ))
    return findings


def check_primary_keys(ctx: Context) -> list[Finding]:
    findings = []
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition and {_user_schema()}
          and {NOT_EXTENSION_MEMBER.format(oid='c.oid')}
          and not exists (
              select 1 from pg_catalog.pg_constraint as k
              where k.conrelid = c.oid and k.contype = 'p'
          )
        order by 1, 2
        """
    ):
        name = _q(schema, table)
        findings.append(Finding(
            TABLE_NO_PRIMARY_KEY.id, ERROR,
            f"table {name} has no primary key",
            "add a primary key (replication, upserts and the API's row identity need one)",
            object=name, match=((name,),),
        ))
    return findings


# ----------------------------------------------------------------- policies

AUTH_CALL = re.compile(r"\bauth\.(uid|jwt|role|email)\(\)|\bcurrent_setting\(", re.IGNORECASE)
WRAPPED_CALL = re.compile(r"\bselect[\s(]+(auth\.(uid|jwt|role|email)\(\)|current_setting\()", re.IGNORECASE)
USER_METADATA = re.compile(r"user_meta_?data", re.IGNORECASE)
COMMANDS = {"r": "select", "a": "insert", "w": "update", "d": "delete", "*": "all"}


def _always_true(expr: str | None) -> bool:
    if expr is None:
        return False
    return re.sub(r"[\s()]", "", expr.lower()) in ("true", "1=1")


def check_policies(ctx: Context) -> list[Finding]:
    rows = ctx.rows(
        f"""
        select n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive,
               array(
                   select case when r = 0 then 'public' else r::regrole::text end
                   from unnest(p.polroles) as r
               ) as roles,
               pg_catalog.pg_get_expr(p.polqual, p.polrelid),
               pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
        from pg_catalog.pg_policy as p
        join pg_catalog.pg_class as c on c.oid = p.polrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where {_user_schema()}
        order by 1, 2, 3
        """
    )
    findings = []
    permissive: dict[tuple[str, str, str], list[str]] = {}
    for schema, table, policy, cmd, is_permissive, roles, qual, check in rows:
        name = _q(schema, table)
        obj = f'{name} policy "{policy}"'
        match = ((name, policy),)
        command = COMMANDS[cmd]
        exprs = [e for e in (qual, check) if e]
        calls = sum(len(AUTH_CALL.findall(e)) for e in exprs)
        wrapped = sum(len(WRAPPED_CALL.findall(e)) for e in exprs)
        if calls > wrapped:
            findings.append(Finding(
                POLICY_PER_ROW_AUTH.id, ERROR,
                "policy calls auth.uid()/auth.jwt()/auth.role()/current_setting() once per row",
                "wrap each call in a sub-select: `(select auth.uid())` is evaluated once per query",
                object=obj, match=match,
            ))
        if any(USER_METADATA.search(e) for e in exprs):
            findings.append(Finding(
                POLICY_USER_METADATA.id, ERROR,
                "policy reads user_metadata, which every user can change about themself",
                "authorize from app_metadata (`(select auth.jwt()) -> 'app_metadata'`) or a membership table",
                object=obj, match=match,
            ))
        applies_to_clients = any(r in ("public", "anon", "authenticated") for r in roles)
        if is_permissive and applies_to_clients and command != "select":
            true_using = command in ("update", "delete", "all") and (qual is None or _always_true(qual))
            true_check = command in ("insert", "update", "all") and (
                _always_true(check) or (check is None and command == "insert")
                or (check is None and _always_true(qual))
            )
            if true_using or true_check:
                findings.append(Finding(
                    POLICY_ALWAYS_TRUE.id, ERROR,
                    f"{command} policy lets {', '.join(roles)} write every row (its condition is always true)",
                    "restrict the policy to the caller's rows, e.g. `user_id = (select auth.uid())`",
                    object=obj, match=match,
                ))
        if is_permissive:
            expanded_roles = set()
            for r in roles:
                expanded_roles |= {"anon", "authenticated"} if r == "public" else {r}
            commands = ("select", "insert", "update", "delete") if command == "all" else (command,)
            for r in expanded_roles:
                for c in commands:
                    permissive.setdefault((name, r, c), []).append(policy)
    for (name, role_name, command), policies in sorted(permissive.items()):
        if len(policies) > 1:
            findings.append(Finding(
                POLICY_MULTIPLE_PERMISSIVE.id, ERROR,
                f"{len(policies)} permissive policies for {role_name} {command}: "
                + ", ".join(f'"{p}"' for p in policies) + " (each is evaluated for every row)",
                "combine them into one policy per role and command (OR the conditions)",
                object=f"{name} ({role_name}, {command})",
                match=tuple((name, p) for p in policies),
            ))
    return findings


# ------------------------------------------------------------------ indexes


def check_indexes(ctx: Context) -> list[Finding]:
    findings = []
    for schema, table, constraint, columns in ctx.rows(
        f"""
        select n.nspname, c.relname, k.conname,
               array(
                   select a.attname
                   from unnest(k.conkey) with ordinality as u(attnum, ord)
                   join pg_catalog.pg_attribute as a on a.attrelid = k.conrelid and a.attnum = u.attnum
                   order by u.ord
               )
        from pg_catalog.pg_constraint as k
        join pg_catalog.pg_class as c on c.oid = k.conrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where k.contype = 'f' and not c.relispartition and {_user_schema()}
          and {NOT_EXTENSION_MEMBER.format(oid='c.oid')}
          and not exists (
              select 1
              from pg_catalog.pg_index as i
              where i.indrelid = k.conrelid and i.indisvalid and i.indpred is null
                and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] @> k.conkey
                and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] <@ k.conkey
          )
        order by 1, 2, 3
        """
    ):
        name = _q(schema, table)
        cols = ", ".join(columns)
        findings.append(Finding(
            FK_UNINDEXED.id, ERROR,
            f"foreign key {constraint} ({cols}) has no index with those leading columns:"
            " deletes on the referenced table scan this one",
            f"create index idx_{table}_{'_'.join(columns)} on {name} ({cols});",
            object=f"{name}.{constraint}", match=((name, constraint), (name,)),
        ))
    for schema, table, indexes in ctx.rows(
        f"""
        select n.nspname, c.relname, array_agg(ic.relname::text order by ic.relname)
        from pg_catalog.pg_index as i
        join pg_catalog.pg_class as ic on ic.oid = i.indexrelid
        join pg_catalog.pg_class as c on c.oid = i.indrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where {_user_schema()}
        group by n.nspname, c.relname, i.indrelid, i.indkey::text, i.indclass::text,
                 i.indcollation::text, i.indoption::text, ic.relam,
                 coalesce(pg_catalog.pg_get_expr(i.indexprs, i.indrelid), ''),
                 coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '')
        having count(*) > 1
        order by 1, 2, 3
        """
    ):
        name = _q(schema, table)
        findings.append(Finding(
            INDEX_DUPLICATE.id, ERROR,
            f"indexes {', '.join(indexes)} on {name} are identical: every write maintains both",
            "drop all but one of them (keep the one backing a constraint)",
            object=f"{name} ({', '.join(indexes)})", match=tuple((i,) for i in indexes),
        ))
    return findings


# ---------------------------------------------------------------- functions


def check_functions(ctx: Context) -> list[Finding]:
    findings = []
    for schema, fname, signature, config, in_exposed, anon_exec in ctx.rows(
        f"""
        select n.nspname, p.proname, p.oid::regprocedure::text, p.proconfig,
               n.nspname = any(%(exposed)s),
               pg_catalog.has_function_privilege('anon', p.oid, 'execute')
        from pg_catalog.pg_proc as p
        join pg_catalog.pg_namespace as n on n.oid = p.pronamespace
        where p.prosecdef and {_user_schema()} and {NOT_EXTENSION_MEMBER.format(oid='p.oid')}
        order by 1, 2, 3
        """
    ):
        qualified = _q(schema, fname)
        match = ((qualified,),)
        if not any(c.startswith("search_path=") for c in (config or ())):
            findings.append(Finding(
                DEFINER_SEARCH_PATH.id, ERROR,
                "SECURITY DEFINER function without a fixed search_path: a caller's objects can hijack it",
                "add `set search_path = ''` to the function and qualify every name in its body",
                object=signature, match=match,
            ))
        if in_exposed:
            findings.append(Finding(
                DEFINER_EXPOSED.id, ERROR,
                f"SECURITY DEFINER function in exposed schema {schema}: callable through the API with its owner's rights",
                f"move it to a private schema (e.g. {schema}_private) and call it from a SECURITY INVOKER wrapper",
                object=signature, match=match,
            ))
        if anon_exec:
            findings.append(Finding(
                DEFINER_ANON_EXECUTE.id, ERROR,
                "SECURITY DEFINER function is executable by anon (Postgres grants EXECUTE to PUBLIC by default)",
                f"revoke execute on function {signature} from public, anon; "
                "or accept with an allow comment saying why anon must call it",
                object=signature, match=match,
            ))
    return findings


# -------------------------------------------------------------------- views

# Relations each view reads, directly or through other views.
VIEW_DEPENDENCIES = """
with recursive deps(view_oid, rel_oid) as (
    select r.ev_class, d.refobjid
    from pg_catalog.pg_rewrite as r
    join pg_catalog.pg_depend as d
      on d.objid = r.oid and d.classid = 'pg_catalog.pg_rewrite'::regclass
     and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> r.ev_class
    union
    select deps.view_oid, d.refobjid
    from deps
    join pg_catalog.pg_rewrite as r on r.ev_class = deps.rel_oid
    join pg_catalog.pg_depend as d
      on d.objid = r.oid and d.classid = 'pg_catalog.pg_rewrite'::regclass
     and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> r.ev_class
)
"""


def check_views(ctx: Context) -> list[Finding]:
    findings = []
    for schema, view, tables in ctx.rows(
        VIEW_DEPENDENCIES
        + f"""
        select n.nspname, v.relname,
               array_agg(distinct tn.nspname || '.' || t.relname order by tn.nspname || '.' || t.relname)
        from pg_catalog.pg_class as v
        join pg_catalog.pg_namespace as n on n.oid = v.relnamespace
        join deps on deps.view_oid = v.oid
        join pg_catalog.pg_class as t on t.oid = deps.rel_oid and t.relkind in ('r', 'p') and t.relrowsecurity
        join pg_catalog.pg_namespace as tn on tn.oid = t.relnamespace
        where v.relkind = 'v' and n.nspname = any(%(exposed)s) and {_user_schema()}
          and coalesce((
              select lower(o.option_value) in ('true', 'on', 'yes', '1')
              from pg_catalog.pg_options_to_table(v.reloptions) as o
              where o.option_name = 'security_invoker'
          ), false) = false
        group by 1, 2
        order by 1, 2
        """
    ):
        name = _q(schema, view)
        findings.append(Finding(
            VIEW_SECURITY_DEFINER.id, ERROR,
            f"view runs with its owner's rights and bypasses RLS on {', '.join(tables)}",
            "create it `with (security_invoker = true)` (or `alter view ... set (security_invoker = true)`)",
            object=name, match=((name,),),
        ))
    for schema, view in ctx.rows(
        VIEW_DEPENDENCIES
        + f"""
        select distinct n.nspname, v.relname
        from pg_catalog.pg_class as v
        join pg_catalog.pg_namespace as n on n.oid = v.relnamespace
        join deps on deps.view_oid = v.oid
        where v.relkind in ('v', 'm') and n.nspname = any(%(exposed)s) and {_user_schema()}
          and deps.rel_oid = 'auth.users'::regclass
        order by 1, 2
        """
    ):
        name = _q(schema, view)
        findings.append(Finding(
            VIEW_AUTH_USERS.id, ERROR,
            "view in an exposed schema reads auth.users: emails and metadata of every user can leak",
            "read a profile table instead, or move the view to a private schema",
            object=name, match=((name,),),
        ))
    for schema, view, roles in ctx.rows(
        f"""
        select n.nspname, c.relname,
               array(
                   select r from unnest(array['anon', 'authenticated']) as r
                   where pg_catalog.has_table_privilege(r, c.oid, 'select')
                     and pg_catalog.has_schema_privilege(r, n.oid, 'usage')
               )
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind = 'm' and {_user_schema()}
        order by 1, 2
        """
    ):
        if not roles:
            continue
        name = _q(schema, view)
        findings.append(Finding(
            MATVIEW_READABLE.id, ERROR,
            f"materialized view is readable by {', '.join(roles)}: it has no RLS, every row is visible",
            f"revoke select on {name} from anon, authenticated; serve it through a security invoker function or view that filters rows",
            object=name, match=((name,),),
        ))
    return findings


# ------------------------------------------------------- extensions, columns

SENSITIVE_EXACT = {
    "password", "passwd", "pwd", "passphrase", "secret", "secret_key", "private_key", "api_key", "apikey",
    "auth_key", "token", "jwt", "access_token", "refresh_token", "oauth_token", "session_token",
    "bearer_token", "auth_code", "session_key", "session_secret", "recovery_code", "backup_code",
    "verification_code", "otp", "two_factor", "ssn", "social_security", "social_security_number",
    "driver_license", "drivers_license", "passport_number", "national_id", "tax_id", "credit_card",
    "card_number", "cvv", "cvc", "bank_account", "account_number", "routing_number", "iban",
}
SENSITIVE_PATTERN = re.compile(
    r"^(.*_)?(password|passwd|secret|api_?key|private_key|token|ssn|credit_card|card_number)"
    r"(_hash|_hashed|_digest|_encrypted|_enc|_plain)?$"
)


def sensitive(column: str) -> bool:
    c = column.lower().replace("-", "_")
    return c in SENSITIVE_EXACT or SENSITIVE_PATTERN.match(c) is not None


def check_extensions_and_columns(ctx: Context) -> list[Finding]:
    findings = []
    for (extension,) in ctx.rows(
        """
        select e.extname
        from pg_catalog.pg_extension as e
        join pg_catalog.pg_namespace as n on n.oid = e.extnamespace
        where n.nspname = 'public'
        order by 1
        """
    ):
        findings.append(Finding(
            EXTENSION_IN_PUBLIC.id, ERROR,
            f"extension {extension} is installed in schema public, where its objects are exposed through the API",
            f"create extension if not exists {extension} with schema extensions;",
            object=f"extension {extension}", match=((extension,),),
        ))
    for schema, table, column in ctx.rows(
        f"""
        select n.nspname, c.relname, a.attname
        from pg_catalog.pg_attribute as a
        join pg_catalog.pg_class as c on c.oid = a.attrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where a.attnum > 0 and not a.attisdropped
          and c.relkind in ('r', 'p', 'v', 'm', 'f') and {_user_schema()}
          and pg_catalog.has_schema_privilege('anon', n.oid, 'usage')
          and pg_catalog.has_column_privilege('anon', c.oid, a.attnum, 'select')
          and (
              not c.relrowsecurity
              or exists (
                  select 1 from pg_catalog.pg_policy as p
                  where p.polrelid = c.oid and p.polcmd in ('r', '*')
                    and (p.polroles @> array[0::oid] or p.polroles @> array['anon'::regrole::oid])
              )
          )
        order by 1, 2, 3
        """
    ):
        if not sensitive(column):
            continue
        name = _q(schema, table)
        findings.append(Finding(
            SENSITIVE_COLUMN.id, ERROR,
            f"column {column} looks sensitive and anon can read it",
            f"revoke select on {name} from anon and grant only the public columns (`grant select (col, ...)`),"
            " or move the secret out of the API (e.g. Supabase Vault)",
            object=f"{name}.{column}", match=((name, column),),
        ))
    return findings


CHECKS = (check_rls, check_primary_keys, check_policies, check_indexes, check_functions, check_views,
          check_extensions_and_columns)


def inspect(url: str, exposed: list[str]) -> list[Finding]:
    """Run every catalog check against an already-migrated database."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return inspect_conn(conn, exposed)


def inspect_conn(conn, exposed: list[str]) -> list[Finding]:
    """Run every catalog check on an open connection (its transaction is left as is)."""
    previous = conn.execute("select current_setting('search_path')").fetchone()[0]
    # Deparsed policy expressions qualify every function outside pg_catalog.
    conn.execute("select set_config('search_path', '', false)")
    try:
        ctx = Context(conn, exposed)
        findings = []
        for check in CHECKS:
            findings += check(ctx)
        return findings
    finally:
        conn.execute("select set_config('search_path', %s, false)", (previous,))


# ------------------------------------------------------------- allow / where


@dataclass(frozen=True)
class MigrationStatement:
    rel: str
    line: int
    normalized: str
    is_create: bool


def migration_statements(migrations: list[tuple[str, str]]) -> list[MigrationStatement]:
    """(relative path, sql) of each migration, in version order -> statements."""
    from schema_tool.migrations import split

    out = []
    for rel, sql in migrations:
        starts = sqltext.line_starts(sql)
        for st in split(sql):
            first = sqltext.skip_trivia(sql, st.offset)
            normalized = sqltext.normalize(sql[first : st.offset + len(st.text)])
            out.append(MigrationStatement(rel, sqltext.line_of(starts, first), normalized,
                                          normalized.startswith(("create", "alter table"))))
    return out


def _matches(stmt: MigrationStatement, alternatives) -> bool:
    return any(all(sqltext.mentions(stmt.normalized, n) for n in names) for names in alternatives)


def locate_and_accept(findings: list[Finding], migrations: list[tuple[str, str]]) -> None:
    """Give each catalog finding the file:line of the statement that creates its
    object, and accept it when an allow comment for its rule sits on or directly
    above a statement that mentions the object."""
    if not findings:
        return
    stmts = migration_statements(migrations)
    allows = {rel: file_allows(sql) for rel, sql in migrations}
    for f in findings:
        if not f.match:
            continue
        mentioning = [s for s in stmts if _matches(s, f.match)]
        if not mentioning:
            continue
        anchor = next((s for s in mentioning if s.is_create), mentioning[0])
        f.file, f.line = anchor.rel, anchor.line
        for s in mentioning:
            by_line, comment_lines = allows[s.rel]
            for line in sqltext.annotated_lines(s.line, comment_lines):
                for allow in by_line.get(line, ()):
                    if f.rule in allow.rules and allow.reason:
                        f.accepted, f.reason = True, allow.reason
            if f.accepted:
                break


def run(migrations_dir: Path, exposed: list[str], engine: str = "embedded") -> list[Finding]:
    """Migrate into a throwaway database and inspect it."""
    from schema_tool.engines import throwaway
    from schema_tool.errors import SchemaToolError
    from schema_tool.migrate import migrate

    with throwaway(engine) as server:
        findings = []
        try:
            migrate(server.url, migrations_dir)
        except SchemaToolError as exc:
            file = getattr(exc, "file", None)
            if file is None:
                raise
            findings.append(Finding(
                MIGRATION_FAILS.id, ERROR, str(exc).splitlines()[0],
                "fix the migration; the catalog checks below ran on the migrations before it",
                file=file, line=getattr(exc, "line", None),
            ))
        return findings + inspect(server.url, exposed)
