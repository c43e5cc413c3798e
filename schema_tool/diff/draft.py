"""A draft migration that brings the files up to what the database has.

For a person to review, not to apply blindly: objects whose change cannot be
stated safely (a type's labels removed, a column whose type changed with data
in it) get a `-- review:` line instead of, or before, a statement.
"""

from __future__ import annotations

import re

from pglast import keywords

from ..catalog import Grant
from .compare import Difference, column_text

RESERVED = set(keywords.RESERVED_KEYWORDS) | set(keywords.COL_NAME_KEYWORDS) | set(keywords.TYPE_FUNC_NAME_KEYWORDS)
# Order the statements run in: what others depend on first.
ORDER = ("schema", "type", "table", "column", "constraint", "function", "view", "index", "trigger", "rls",
         "policy", "grant", "comment")


def q(name: str) -> str:
    if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) and name not in RESERVED:
        return name
    return '"' + name.replace('"', '""') + '"'


def lit(text: str | None) -> str:
    return "null" if text is None else "'" + text.replace("'", "''") + "'"


def qt(t) -> str:
    return f"{q(t.schema)}.{q(t.name)}"


def function_definitions(conn, keys: list[tuple[str, str, str]]) -> dict[tuple, str]:
    out = {}
    for schema, name, args in keys:
        row = conn.execute(
            "select pg_catalog.pg_get_functiondef(p.oid) from pg_catalog.pg_proc p"
            " join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
            " where n.nspname = %s and p.proname = %s and pg_catalog.pg_get_function_identity_arguments(p.oid) = %s",
            (schema, name, args)).fetchone()
        if row:
            out[(schema, name, args)] = row[0].rstrip()
    return out


def grant_statements(target: str, before: tuple[Grant, ...], after: tuple[Grant, ...], columns: str = "") -> list[str]:
    """grant/revoke so the ACL of `target` goes from `before` to `after`."""
    out = []
    old = {(g.role, g.privilege): g.grantable for g in before}
    new = {(g.role, g.privilege): g.grantable for g in after}
    cols = f" ({columns})" if columns else ""
    for role, privilege in sorted(set(old) - set(new)):
        out.append(f"revoke {privilege}{cols} on {target} from {q(role) if role != 'public' else 'public'};")
    for (role, privilege), grantable in sorted(new.items()):
        if (role, privilege) in old and old[(role, privilege)] == grantable:
            continue
        who = q(role) if role != "public" else "public"
        if (role, privilege) in old and old[(role, privilege)] and not grantable:
            out.append(f"revoke grant option for {privilege}{cols} on {target} from {who};")
        else:
            out.append(f"grant {privilege}{cols} on {target} to {who}" + (" with grant option" if grantable else "") + ";")
    return out


def policy_sql(table, p) -> str:
    parts = [f"create policy {q(p.name)} on {qt(table)}", f"as {'permissive' if p.permissive else 'restrictive'}",
             f"for {p.command}", "to " + ", ".join(r if r == "public" else q(r) for r in p.roles)]
    if p.using is not None:
        parts.append(f"using ({p.using})")
    if p.check is not None:
        parts.append(f"with check ({p.check})")
    return "\n    ".join(parts) + ";"


def statements(d: Difference, functions: dict, dropped_tables: set[str], created_tables: set[str]) -> list[str]:
    x, y = d.file_item, d.db_item
    item = y or x
    table = item.table
    if table is not None and d.kind not in ("table", "view") and f"{table.schema}.{table.name}" in dropped_tables:
        return []  # goes with its table
    kind = d.kind
    if kind == "schema":
        return [f"create schema {q(y.obj.name)};"] if y else [f"drop schema {q(x.obj.name)};"]
    if kind == "type":
        t = item.obj
        if y and not x:
            if t.kind == "e":
                return [f"create type {qt(t)} as enum ({', '.join(lit(v) for v in t.labels)});"]
            if t.kind == "d":
                return [f"create domain {qt(t)} as {t.base} {' '.join(t.checks)};".replace(" ;", ";")]
            return [f"create type {qt(t)} as ({', '.join(f'{q(a)} {b}' for a, b in t.attributes)});"]
        if x and not y:
            return [f"drop type {qt(t)};"]
        if t.kind == "e" and list(x.obj.labels) == [v for v in y.obj.labels if v in x.obj.labels]:
            return [f"alter type {qt(t)} add value {lit(v)};" for v in y.obj.labels if v not in x.obj.labels]
        return [f"-- review: type {d.name} differs: files `{x.text}`, database `{y.text}`"]
    if kind == "table":
        t = item.obj
        if not y:
            return [f"drop table {qt(t)};"]
        if not x:
            cols = [f"    {q(c.name)} {column_text(c)}" for c in t.columns]
            part = f" partition by {t.partition_key}" if t.partition_key else ""
            return [f"create table {qt(t)} (\n" + ",\n".join(cols) + f"\n){part};"]
        return [f"-- review: table {d.name}: files `{x.text}`, database `{y.text}`"]
    if kind == "column":
        c, name = item.obj, f"{qt(table)}"
        if y and not x:
            if f"{table.schema}.{table.name}" in created_tables:
                return []
            return [f"alter table {name} add column {q(c.name)} {column_text(c)};"]
        if x and not y:
            return [f"alter table {name} drop column {q(c.name)};"]
        a, b = x.obj, y.obj
        out = []
        if a.type != b.type:
            out.append(f"alter table {name} alter column {q(c.name)} type {b.type};")
        if (a.default, a.generated) != (b.default, b.generated) or a.identity != b.identity:
            if a.identity and not b.identity:
                out.append(f"alter table {name} alter column {q(c.name)} drop identity;")
            if b.identity and not a.identity:
                how = "always" if b.identity == "a" else "by default"
                out.append(f"alter table {name} alter column {q(c.name)} add generated {how} as identity;")
            if b.generated or a.generated:
                out.append(f"-- review: generated column {d.name}: files `{x.text}`, database `{y.text}`")
            elif b.default is None:
                out.append(f"alter table {name} alter column {q(c.name)} drop default;")
            else:
                out.append(f"alter table {name} alter column {q(c.name)} set default {b.default};")
        if a.not_null != b.not_null:
            out.append(f"alter table {name} alter column {q(c.name)} {'set' if b.not_null else 'drop'} not null;")
        return out
    if kind == "constraint":
        out = [f"alter table {qt(table)} drop constraint {q(x.obj.name)};"] if x else []
        if y:
            out.append(f"alter table {qt(table)} add constraint {q(y.obj.name)} {y.obj.definition};")
        return out
    if kind == "index":
        out = [f"drop index {q(table.schema)}.{q(x.obj.name)};"] if x else []
        return out + ([y.obj.definition + ";"] if y else [])
    if kind == "trigger":
        out = [f"drop trigger {q(x.obj.name)} on {qt(table)};"] if x else []
        if y:
            out.append(y.obj.definition + ";")
            mode = {"D": "disable", "A": "enable always", "R": "enable replica"}.get(y.obj.enabled)
            if mode:
                out.append(f"alter table {qt(table)} {mode} trigger {q(y.obj.name)};")
        return out
    if kind == "policy":
        out = [f"drop policy {q(x.obj.name)} on {qt(table)};"] if x else []
        return out + ([policy_sql(table, y.obj)] if y else [])
    if kind == "rls":
        t = y.obj if y else None
        if t is None:
            return []
        before = x.obj if x else None
        out = []
        if not before or before.rls != t.rls:
            out.append(f"alter table {qt(t)} {'enable' if t.rls else 'disable'} row level security;")
        if (before.rls_forced if before else False) != t.rls_forced:
            out.append(f"alter table {qt(t)} {'' if t.rls_forced else 'no '}force row level security;")
        return out
    if kind == "view":
        t = item.obj
        if not y:
            return [f"drop {'materialized ' if t.kind == 'm' else ''}view {qt(t)};"]
        if t.kind == "m":
            out = [f"drop materialized view {qt(t)};"] if x else []
            return out + [f"create materialized view {qt(t)} as\n{t.definition.rstrip().rstrip(';')};"]
        opts = f" with (security_invoker = {'true' if t.security_invoker else 'false'})"
        out = []
        if x and [c.name for c in x.obj.columns] != [c.name for c in t.columns][: len(x.obj.columns)]:
            out.append(f"drop view {qt(t)};")
        return out + [f"create or replace view {qt(t)}{opts} as\n{t.definition.rstrip().rstrip(';')};"]
    if kind == "function":
        f = item.obj
        if not y:
            return [f"drop {'procedure' if f.kind == 'p' else 'function'} {q(f.schema)}.{q(f.name)}({f.identity_arguments});"]
        body = functions.get((f.schema, f.name, f.identity_arguments))
        if body is None:
            return [f"-- review: function {d.name} could not be read back"]
        out = []
        if x and x.obj.returns != f.returns:
            out.append(f"drop function {q(f.schema)}.{q(f.name)}({f.identity_arguments});")
        return out + [body + ";"]
    if kind == "grant":
        label, _, obj_name = d.name.partition(" ")
        before = x.obj.grants if x else ()
        after = y.obj.grants if y else ()
        if not y:
            return []  # the object itself is gone
        if label == "column":
            return grant_statements(qt(table), before, after, columns=q(y.obj.name))
        target = {"schema": f"schema {q(y.obj.name)}",
                  "table": f"table {qt(y.obj)}", "view": f"table {qt(y.obj)}",
                  "function": f"function {q(y.obj.schema)}.{q(y.obj.name)}({y.obj.identity_arguments})"
                  if label == "function" else ""}[label]
        return grant_statements(target, before, after)
    if kind == "comment":
        label, _, rest = d.name.partition(" ")
        text = y.text if y else None
        o = item.obj
        target = {"schema": lambda: f"schema {q(o.name)}",
                  "type": lambda: f"type {qt(o)}",
                  "table": lambda: f"table {qt(o)}",
                  "view": lambda: f"{'materialized view' if o.kind == 'm' else 'view'} {qt(o)}",
                  "column": lambda: f"column {qt(table)}.{q(o.name)}",
                  "function": lambda: f"{'procedure' if o.kind == 'p' else 'function'} {q(o.schema)}.{q(o.name)}"
                                      f"({o.identity_arguments})"}[label]()
        return [f"comment on {target} is {lit(text)};"]
    return []


def draft(differences: list[Difference], conn) -> str:
    """The SQL for every difference, in dependency order."""
    created = {d.name for d in differences if d.kind == "table" and d.change == "only in database"}
    dropped = {d.name for d in differences if d.kind in ("table", "view") and d.change == "only in files"}
    keys = [(d.db_item.obj.schema, d.db_item.obj.name, d.db_item.obj.identity_arguments)
            for d in differences if d.kind == "function" and d.db_item]
    functions = function_definitions(conn, keys)
    lines = ["-- Draft from `schema-tool diff --sql`: what the database has and the migrations do not.",
             "-- Review every statement before making it a migration.", ""]
    for kind in ORDER:
        for d in differences:
            if d.kind != kind:
                continue
            sql = statements(d, functions, dropped, created)
            if sql:
                lines.append(f"-- {d.kind} {d.name}: {d.change}")
                lines.extend(sql)
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"
