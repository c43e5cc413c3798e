"""Layer 4: plpgsql_check over every PL/pgSQL function, the engine.

PL/pgSQL bodies are only parsed when they are created: a missing column, a
wrong type or a misspelt variable surfaces when the function first runs.
`supabase db lint` runs plpgsql_check over the functions of each schema;
this layer does the same on the throwaway database the catalog layer
migrated, and checks trigger functions too (Supabase's lint skips them): once
per trigger that uses them, with the trigger's table and its transition
tables (`referencing new table as ...`), so `new.no_such_column` is found.

Checks (plpgsql_check_function_tb) with Supabase's defaults: errors (all of
them, not only the first: fatal_errors off) and the other and extra warnings
(unused or shadowed variables, dead code, implicit casts that can fail,
missing RETURN, parameters never read), which its lint reports at its
`warning` level. The extra warnings of a function that has an error are left
out: its unchecked statements make its variables look unused. The
performance warnings (a VOLATILE function that could be STABLE, a cast of a
target's type) and the security warnings (SQL injection through dynamic SQL)
are off, as in Supabase's lint: the first are advice about speed, not
defects (on 2026-12-04 they flagged 9 `select into` casts and one VOLATILE
function here; security flagged nothing).

plpgsql_check is an extension of the server, not of the project: the
throwaway's superuser creates it for the check, in a transaction that is
rolled back, as Supabase's own setup does; no migration creates it. The
embedded PostgreSQL 18 wheel does not ship it. Where the lint engine lacks
it, the layer uses the system engine (Debian's PostgreSQL 15 with
postgresql-15-plpgsql-check), which has no pgvector here: there the
migrations of the modules that need pgvector (aiml) are left out, and the
note says so. Where neither has it, the layer is skipped with a note.

A finding is located at the statement of migrations/ that last created (or
replaced) its function, and is accepted by an allow comment there.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .. import sqltext
from .catalog import project_schemas, user_schema
from .findings import Finding, file_allows

EXTENSION = "plpgsql_check"
# Modules whose migrations need an extension the system engine lacks here.
NEEDS_PGVECTOR = ("aiml",)
HOW_TO_GET = (
    "install it for the system engine (apt-get install postgresql-15-plpgsql-check) and run"
    " `schema-tool lint --plpgsql-engine system`, or lint against a server that has it"
    " (--engine docker: the Supabase image ships it)"
)

# Each PL/pgSQL function once, trigger functions once per trigger (with its
# table and transition tables). A trigger function no trigger uses is left
# out: plpgsql_check needs a table to type `new`/`old`.
TARGETS = f"""
select p.oid, p.oid::regprocedure::text, n.nspname, p.proname,
       t.tgrelid, t.tgname, t.tgoldtable, t.tgnewtable
from pg_catalog.pg_proc as p
join pg_catalog.pg_namespace as n on n.oid = p.pronamespace
join pg_catalog.pg_language as l on l.oid = p.prolang
left join pg_catalog.pg_trigger as t on t.tgfoid = p.oid and not t.tgisinternal
where l.lanname = 'plpgsql' and {user_schema()}
  and not exists (
      select 1 from pg_catalog.pg_depend as d
      where d.objid = p.oid and d.deptype = 'e'
  )
  and (p.prorettype <> 'pg_catalog.trigger'::regtype or t.oid is not null)
order by 3, 4, 2, 6
"""

CHECK = f"""
select lineno, sqlstate, message, detail, hint, level, statement
from {{schema}}.plpgsql_check_function_tb(
    %(oid)s::regprocedure,
    relid => coalesce(%(relid)s, 0)::regclass,
    fatal_errors => false,
    other_warnings => true,
    extra_warnings => true,
    performance_warnings => false,
    security_warnings => false,
    oldtable => %(oldtable)s,
    newtable => %(newtable)s
)
"""


class Unavailable(Exception):
    """The extension could not be created: the layer is a note."""


@dataclass
class Problem:
    """One plpgsql_check result, before it is located in migrations/."""

    schema: str
    name: str
    signature: str
    trigger: str | None  # "trigger_name on schema.table" when checked for a trigger
    lineno: int | None
    sqlstate: str
    message: str
    level: str  # plpgsql_check's: error, warning, warning extra, ...
    detail: str | None = None
    hint: str | None = None


# ----------------------------------------------------------- availability


def _extension_dir(bin_dir: Path) -> Path | None:
    pg_config = bin_dir / "pg_config"
    if not pg_config.exists():
        return None
    done = subprocess.run([str(pg_config), "--sharedir"], capture_output=True, text=True)
    return Path(done.stdout.strip()) / "extension" if done.returncode == 0 else None


def engine_has_extension(engine: str, name: str = EXTENSION) -> bool | None:
    """Whether a local engine's server ships an extension (None: cannot tell
    without starting it, e.g. docker)."""
    from ..engines import embedded_bin_dir_or_none, system_bin_dir
    from ..errors import UsageError

    if engine == "embedded":
        bin_dir = embedded_bin_dir_or_none()
    elif engine == "system":
        try:
            bin_dir = system_bin_dir()
        except UsageError:
            return False
    else:
        return None
    if bin_dir is None:
        return False
    ext = _extension_dir(bin_dir)
    return bool(ext and (ext / f"{name}.control").exists())


def available(conn) -> bool:
    return conn.execute(
        "select exists (select 1 from pg_catalog.pg_available_extensions where name = %s)", (EXTENSION,)
    ).fetchone()[0]


# ------------------------------------------------------------------ check


def check(url: str) -> list[Problem]:
    """plpgsql_check over every PL/pgSQL function of the project's schemas, as
    the server's superuser (`url`), in a transaction that is rolled back."""
    import psycopg

    with psycopg.connect(url) as conn:
        try:
            return check_conn(conn)
        finally:
            conn.rollback()


def check_conn(conn) -> list[Problem]:
    """On an open connection whose role may create the extension; leaves the
    extension in the current transaction (the caller rolls it back)."""
    schema = conn.execute(
        "select e.extnamespace::regnamespace::text from pg_catalog.pg_extension as e where e.extname = %s",
        (EXTENSION,),
    ).fetchone()
    if schema is None:
        has_extensions = conn.execute(
            "select exists (select 1 from pg_catalog.pg_namespace where nspname = 'extensions')"
        ).fetchone()[0]
        target = "extensions" if has_extensions else "public"
        try:
            with conn.transaction():
                conn.execute(f"create extension {EXTENSION} schema {target}")
        except Exception as exc:  # noqa: BLE001 - e.g. the role may not create it
            role = conn.execute("select current_user").fetchone()[0]
            raise Unavailable(f"plpgsql: skipped, could not create {EXTENSION} as {role}"
                              f" (a superuser's job): {str(exc).splitlines()[0]}") from exc
        schema = (target,)
    sql = CHECK.format(schema=schema[0])
    problems = []
    targets = conn.execute(TARGETS, {"schemas": project_schemas(conn)}).fetchall()
    for oid, signature, nspname, proname, relid, tgname, oldtable, newtable in targets:
        trigger = None
        if relid:
            table = conn.execute("select %s::regclass::text", (relid,)).fetchone()[0]
            trigger = f"{tgname} on {table}"
        params = {"oid": oid, "relid": relid, "oldtable": oldtable, "newtable": newtable}
        try:
            with conn.transaction():
                rows = conn.execute(sql, params).fetchall()
        except Exception as exc:  # noqa: BLE001 - plpgsql_check itself failing is a finding too
            rows = [(None, getattr(exc, "sqlstate", None) or "XX000", str(exc).splitlines()[0], None, None,
                     "error", None)]
        if any(r[5] == "error" for r in rows):
            # a statement that fails to check reads nothing: its variables and
            # parameters then look unused; those extra warnings are noise
            rows = [r for r in rows if r[5] != "warning extra"]
        for lineno, sqlstate, message, detail, hint, level, _statement in rows:
            problems.append(Problem(nspname, proname, signature, trigger, lineno, sqlstate or "", message,
                                    level or "error", detail, hint))
    return problems


# ------------------------------------------------------------- locate


@dataclass(frozen=True)
class Definition:
    rel: str
    line: int  # the line where the statement starts
    body_line: int  # the line holding the body's opening dollar quote


_CREATE = re.compile(r"^create (?:or replace )?function ([^\s(]+)\s*\(")
_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$")


def definitions(migrations: list[tuple[str, str]]) -> dict[str, Definition]:
    """'schema.name' -> where the last migration to create or replace it does.
    Overloads share a name: the last of them wins (good enough to point at)."""
    from schema_tool.migrations import split

    out: dict[str, Definition] = {}
    for rel, sql in migrations:
        starts = sqltext.line_starts(sql)
        for st in split(sql):
            first = sqltext.skip_trivia(sql, st.offset)
            text = sql[first : st.offset + len(st.text)]
            m = _CREATE.match(sqltext.normalize(text[:400]))
            if not m:
                continue
            body = _DOLLAR.search(text)
            line = sqltext.line_of(starts, first)
            body_line = sqltext.line_of(starts, first + body.start()) if body else line
            out[m.group(1)] = Definition(rel, line, body_line)
    return out


def to_findings(problems: list[Problem], migrations: list[tuple[str, str]]) -> list[Finding]:
    from .rules.plpgsql import plpgsql_error, plpgsql_warning

    defs = definitions(migrations)
    allows = {rel: file_allows(sql) for rel, sql in migrations}
    seen = set()
    out = []
    for p in problems:
        rule = plpgsql_error.RULE if p.level == "error" else plpgsql_warning.RULE
        where = defs.get(f"{p.schema}.{p.name}")
        key = (p.signature, p.lineno, p.sqlstate, p.message)
        if key in seen:  # a trigger function on several tables: report each problem once
            continue
        seen.add(key)
        at = f"line {p.lineno} of its body" if p.lineno else "its body"
        if where and p.lineno:
            at += f" ({where.rel}:{where.body_line + p.lineno - 1})"
        context = f" (checked as trigger {p.trigger})" if p.trigger else ""
        message = f"{p.sqlstate} {p.message}, at {at}{context}"
        if p.detail:
            message += f"; {p.detail}"
        fix = p.hint or ("fix the function in a new migration (create or replace function)" if rule is
                         plpgsql_error.RULE else "fix the function, or accept it with an allow comment")
        f = rule.finding(message, fix, object=p.signature,
                         file=where.rel if where else None, line=where.line if where else None)
        if where:
            by_line, comment_lines = allows[where.rel]
            for n in sqltext.annotated_lines(where.line, comment_lines):
                for allow in by_line.get(n, ()):
                    if f.rule in allow.rules and allow.reason:
                        f.accepted, f.reason = True, allow.reason
        out.append(f)
    return out


# ------------------------------------------------------------------- run


def run(migrations_dir: Path, engine: str, setup: tuple[Path, ...] = (),
        exclude: tuple[str, ...] = ()) -> tuple[list[Problem], str | None]:
    """Its own throwaway server: migrate (less `exclude`), add pgTAP and the
    setup files, check. Returns (problems, note); a failing migration is the
    catalog layer's finding, here only a note."""
    import psycopg

    from schema_tool import pgtap
    from schema_tool.engines import throwaway
    from schema_tool.errors import SchemaToolError
    from schema_tool.migrate import migrate

    with throwaway(engine) as server:
        try:
            migrate(server.url, migrations_dir, exclude=exclude)
        except SchemaToolError as exc:
            return [], f"plpgsql: skipped, the migrations fail on the {engine} engine: {str(exc).splitlines()[0]}"
        with psycopg.connect(server.admin_url, autocommit=True) as admin:
            if not available(admin):
                return [], f"plpgsql: skipped, the {engine} engine has no {EXTENSION}; {HOW_TO_GET}"
            if setup:
                pgtap.install(admin)
        for path in setup:  # each in a session of its own, as `supabase test db` runs them
            with psycopg.connect(server.url, autocommit=True) as conn:
                try:
                    conn.execute(path.read_text(encoding="utf-8"))
                except psycopg.Error:
                    pass  # the catalog layer reports it
        try:
            return check(server.admin_url), None  # the superuser creates plpgsql_check
        except Unavailable as exc:
            return [], str(exc)


# ----------------------------------------------------------------- layer


def engine_for(engine: str, choice: str) -> str | None:
    """The engine the layer runs on: the one asked for, or (auto) the lint
    engine when it has plpgsql_check (or may have it: docker), else the system
    engine when that has it, else none (skipped)."""
    if choice != "auto":
        return choice
    if engine_has_extension(engine) is not False:
        return engine
    if engine != "system" and engine_has_extension("system"):
        return "system"
    return None


class Layer:
    """One run of the layer: on the catalog layer's database when both use
    one engine (`in_place`, given to catalog.run), else on its own throwaway
    server (`finish`). `notes` are for people (stderr): skipped or narrowed."""

    def __init__(self, engine: str, choice: str, share: bool):
        self.engine = engine_for(engine, choice)
        self.shared = share and self.engine == engine
        self.problems: list[Problem] | None = None
        self.reached = False  # in_place ran: the catalog's migrations applied
        self.notes: list[str] = []

    def in_place(self, url: str) -> None:
        import psycopg

        self.reached = True
        with psycopg.connect(url) as conn:
            if available(conn):
                try:
                    self.problems = check_conn(conn)
                except Unavailable as exc:
                    self.problems = []
                    self.notes.append(str(exc))
                finally:
                    conn.rollback()

    def finish(self, migrations_dir: Path, statements: list[tuple[str, str]],
               setup: tuple[Path, ...]) -> list[Finding]:
        """`statements`: (relative path, text) of the migrations and setup files."""
        engine = self.engine
        if self.problems is None and self.shared and self.reached:
            # the catalog's server lacked the extension after all (docker)
            engine = "system" if engine != "system" and engine_has_extension("system") else None
        # not reached: the catalog's migrations failed (on PostgreSQL 15, aiml's
        # pgvector); its own run below may leave those modules out
        if self.problems is None and engine is not None and engine_has_extension(engine) is False:
            self.notes.append(f"plpgsql: skipped, the {engine} engine has no {EXTENSION}; {HOW_TO_GET}")
            return []
        if self.problems is None and engine is not None:
            names = [Path(rel).name for rel, _ in statements]
            needing = tuple(m for m in NEEDS_PGVECTOR
                            if any(n.split("_", 1)[-1].startswith(f"{m}_") for n in names))
            exclude = ()
            if needing and engine_has_extension(engine, "vector") is False:
                exclude = needing
                self.notes.append(
                    f"plpgsql: the {engine} engine has no pgvector: the migrations of"
                    f" {', '.join(exclude)} were left out, their functions are not checked"
                )
            self.problems, note = run(migrations_dir, engine, setup, exclude)
            if note:
                self.notes.append(note)
        if self.problems is None:
            self.notes.append(f"plpgsql: skipped, no engine has {EXTENSION}; {HOW_TO_GET}")
            return []
        return to_findings(self.problems, statements)
