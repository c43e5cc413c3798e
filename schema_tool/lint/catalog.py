"""Layer 2: catalog advisories, the engine.

The migrations are applied to a throwaway database, then what `supabase test
db` installs besides them (pgTAP, and the helpers of supabase/tests/*.sql
that run before the tests), and pg_catalog is inspected the way Supabase's
database advisors (splinter) do. Each catalog rule (lint/rules/catalog/, one
module per rule) reads the database through a `Context`. Which schemas are
exposed through the API, and whether anonymous sign-ins are on, comes from
supabase/config.toml.

The rules read the typed model of schema_tool.catalog, the reader docs, diff
and types share (foreign tables and pgmq's queues through the same reader's
`read_relations`); no rule queries pg_catalog itself.

A catalog finding names its object and is located at the statement that
creates it (a migration, or a setup file of supabase/tests). It is accepted
by an allow comment directly above (or on the first line of) any such
statement that mentions the object (see `locate_and_accept` and
docs/lint-rules.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import sqltext
from ..catalog import Catalog, Policy, Table, is_platform_schema, read_catalog, read_relations
from .findings import Finding, file_allows
from .rules import of_layer


def project_schemas(conn) -> list[str]:
    """The schemas lint checks: the catalog reader's project schemas, and `tests`
    (the pgTAP helpers are checked too)."""
    names = [r[0] for r in conn.execute("select nspname from pg_catalog.pg_namespace order by 1").fetchall()]
    return [n for n in names if n == "tests" or not is_platform_schema(n)]


def user_schema(alias: str = "n") -> str:
    """The SQL condition `alias` is a checked schema (the query takes %(schemas)s)."""
    return f"{alias}.nspname = any(%(schemas)s)"


def q(schema: str, name: str) -> str:
    return f"{schema}.{name}"


@dataclass
class Context:
    """What a catalog rule reads: the typed catalog (schema_tool.catalog, read
    once, shared by every rule), and `relations` for the foreign tables
    and platform schemas it leaves out."""

    conn: object
    exposed: list[str]
    anonymous_sign_ins: bool = False
    _schemas: list | None = field(default=None, repr=False)
    _catalog: Catalog | None = field(default=None, repr=False)

    @property
    def schemas(self) -> list[str]:
        if self._schemas is None:
            self._schemas = project_schemas(self.conn)
        return self._schemas

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = read_catalog(self.conn, self.schemas)
        return self._catalog

    def relations(self, schemas: list[str], *kinds: str) -> tuple[Table, ...]:
        """Relations the catalog leaves out: foreign tables (kind f), platform schemas (pgmq)."""
        return read_relations(self.conn, schemas, kinds or ("r", "p", "v", "m"))

    def tables(self, exposed_only: bool = False) -> list[Table]:
        """Tables and partitioned tables (not views), in schema and name order."""
        return [t for t in self.catalog.relations("r", "p") if not exposed_only or t.schema in self.exposed]

    def policies(self) -> list[tuple[Table, Policy]]:
        """Every policy of a checked schema, with its table."""
        return [(t, p) for t in self.catalog.tables for p in t.policies]


def inspect(url: str, exposed: list[str], anonymous_sign_ins: bool = False) -> list[Finding]:
    """Run every catalog rule against an already-migrated database."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return inspect_conn(conn, exposed, anonymous_sign_ins)


def inspect_conn(conn, exposed: list[str], anonymous_sign_ins: bool = False) -> list[Finding]:
    """Run every catalog rule on an open connection (its transaction is left as is)."""
    previous = conn.execute("select current_setting('search_path')").fetchone()[0]
    # Deparsed policy expressions qualify every function outside pg_catalog.
    conn.execute("select set_config('search_path', '', false)")
    try:
        ctx = Context(conn, exposed, anonymous_sign_ins)
        findings = []
        for r in of_layer("catalog"):
            if r.check:
                findings += r.check(ctx)
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


def run(migrations_dir: Path, exposed: list[str], engine: str = "embedded", setup: tuple[Path, ...] = (),
        anonymous_sign_ins: bool = False, also=None) -> list[Finding]:
    """Migrate into a throwaway database, install what `supabase test db` adds
    (pgTAP, then the `setup` files: supabase/tests/000_setup.sql), inspect it.
    `also(url)`, when given, runs on the same database after the inspection
    when every migration applied (the plpgsql layer)."""
    import psycopg

    from schema_tool import pgtap
    from schema_tool.engines import throwaway
    from schema_tool.errors import SchemaToolError
    from schema_tool.migrate import migrate

    from .rules.catalog import migration_fails

    with throwaway(engine) as server:
        findings = []
        try:
            migrate(server.url, migrations_dir)
        except SchemaToolError as exc:
            file = getattr(exc, "file", None)
            if file is None:
                raise
            findings.append(migration_fails.RULE.finding(
                str(exc).splitlines()[0],
                "fix the migration; the catalog checks below ran on the migrations before it",
                file=file, line=getattr(exc, "line", None),
            ))
        if setup and not findings:
            with psycopg.connect(server.admin_url, autocommit=True) as admin:
                pgtap.install(admin)  # as Supabase's image has it; the setup files run as postgres
            for path in setup:  # each in a session of its own, as `supabase test db` runs them
                with psycopg.connect(server.url, autocommit=True) as conn:
                    try:
                        conn.execute(path.read_text(encoding="utf-8"))
                    except psycopg.Error as exc:
                        findings.append(migration_fails.RULE.finding(
                            f"{path.name} fails after the migrations: {str(exc).splitlines()[0]}",
                            "fix the setup file (supabase test db runs it before the tests)", file=str(path),
                        ))
        findings += inspect(server.url, exposed, anonymous_sign_ins)
        if also is not None and not findings_failed(findings):
            also(server.admin_url)  # plpgsql_check is created by the superuser
        return findings


def findings_failed(findings: list[Finding]) -> bool:
    return any(f.rule == "migration-fails" for f in findings)
