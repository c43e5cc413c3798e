"""The migration engine: plan, apply and record migrations in the ledger.

The ledger is the Supabase CLI's own table,
supabase_migrations.schema_migrations(version, name, statements), written with
exactly the rows the CLI writes, so a database migrated by either tool is up to
date for the other. schema-tool keeps its extra facts (checksum, applied_at,
duration, who, tool version) beside it in supabase_migrations.schema_tool_history.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql as pgsql
from psycopg.conninfo import conninfo_to_dict

from . import __version__
from .errors import CheckFailed, SchemaToolError, UsageError, one_line, sigterm_interrupts
from .migrations import Amendment, Migration, Statement, load, load_amendments, statements_digest
from .supabase import has_auth, install_baseline

# Any constant will do; it only has to be the same for every runner.
LOCK_KEY = 7_301_945_166_612_234_001

# sha256 of a statements array joined by the record separator (chr 30): what
# schema_tool_history remembers of the CLI row it was written beside
# (migrations.statements_digest computes the same in Python).
STATEMENTS_DIGEST = "encode(sha256(convert_to(array_to_string({}, chr(30)), 'UTF8')), 'hex')"

LEDGER_DDL = [
    # The Supabase CLI's statements (pkg/migration/history.go), verbatim.
    "CREATE SCHEMA IF NOT EXISTS supabase_migrations",
    "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)",
    "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]",
    "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text",
    # schema-tool's own facts, beside the CLI's row. No foreign key to it: the
    # CLI must stay free to TRUNCATE, delete and rewrite its table (`migration
    # repair`, `migration squash`, `db reset --linked`). A fact counts only
    # while the CLI row it was written beside (statements_digest) is there.
    """create table if not exists supabase_migrations.schema_tool_history (
        version text primary key,
        checksum text not null,
        applied_at timestamptz not null default now(),
        duration_ms numeric(12, 3) not null,
        applied_by text not null,
        tool_version text not null,
        statements_digest text
    )""",
    # Ledgers written by schema-tool before 0.2 had the foreign key and no digest.
    "alter table supabase_migrations.schema_tool_history"
    " drop constraint if exists schema_tool_history_version_fkey",
    "alter table supabase_migrations.schema_tool_history add column if not exists statements_digest text",
    "update supabase_migrations.schema_tool_history as h"
    f" set statements_digest = {STATEMENTS_DIGEST.format('coalesce(m.statements, array[]::text[])')}"
    " from supabase_migrations.schema_migrations as m"
    " where m.version = h.version and h.statements_digest is null",
]
# Both ledger rows in one statement: the Supabase CLI's row (version, name,
# statements), then schema-tool's facts beside it (replacing a stale one left
# after the CLI removed its row).
RECORD = f"""with cli as (
        insert into supabase_migrations.schema_migrations (version, name, statements)
        values (%s, %s, %s)
        returning version, statements
    )
    insert into supabase_migrations.schema_tool_history
        (version, checksum, duration_ms, applied_by, tool_version, statements_digest)
    select cli.version, %s, %s, %s, %s, {STATEMENTS_DIGEST.format('cli.statements')} from cli
    on conflict (version) do update set
        checksum = excluded.checksum,
        applied_at = now(),
        duration_ms = excluded.duration_ms,
        applied_by = excluded.applied_by,
        tool_version = excluded.tool_version,
        statements_digest = excluded.statements_digest"""


# ---------------------------------------------------------------- connection


def connect(url: str | None, **kwargs) -> psycopg.Connection:
    """Connect with an error a person can act on for a missing, bad or unreachable URL."""
    if not url:
        raise UsageError("no database: pass --database-url URL or set DATABASE_URL")
    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise UsageError(f"bad database URL: {redact(first_line(exc), url)}") from None
    try:
        return psycopg.connect(url, autocommit=True, **kwargs)
    except psycopg.OperationalError as exc:
        raise UsageError(f"cannot connect to the database: {redact(first_line(exc), url)}") from None


def redact(message: str, url: str) -> str:
    """The message without the URL's password (libpq quotes the string it cannot parse)."""
    secrets = re.findall(r"://[^/@:?]*:([^@/?]+)@", url) + re.findall(r"password=([^&\s]+)", url)
    for secret in secrets:  # whole tokens only: a password "b" must not eat the b of "bad"
        message = re.sub(rf"(?<![\w%]){re.escape(secret)}(?![\w%])", "***", message)
    return message


def first_line(exc: Exception) -> str:
    """The error as one line (libpq's messages span several)."""
    return one_line(exc)


TIMEOUT_HINT = ("statement_timeout applies to migrate too: it comes from the URL's options or the role's"
                " settings; raise it, or set it to 0 for the role that migrates")


def server_message(exc: psycopg.Error) -> str:
    """The server's primary message (no CONTEXT lines), with what to do about a timeout."""
    diag = getattr(exc, "diag", None)
    message = (diag.message_primary if diag else None) or first_line(exc)
    if isinstance(exc, psycopg.errors.QueryCanceled) and "statement timeout" in message:
        message += f" ({TIMEOUT_HINT})"
    return message


# ---------------------------------------------------------------- ledger and plan


@dataclass
class LedgerRow:
    version: str
    name: str
    statements: list[str]
    checksum: str | None  # None when applied by the Supabase CLI
    applied_at: object | None


@dataclass
class Entry:
    version: str
    name: str
    state: str  # applied | pending | modified | missing-locally | out-of-order
    migration: Migration | None = None
    applied_at: object | None = None
    applied_by_cli: bool = False


def read_ledger(conn: psycopg.Connection) -> dict[str, LedgerRow]:
    """The CLI's rows, each with schema-tool's facts when they were written
    beside that very row (same statements); otherwise as applied by the CLI."""
    exists = conn.execute(
        "select to_regclass('supabase_migrations.schema_migrations') is not null,"
        " to_regclass('supabase_migrations.schema_tool_history') is not null,"
        " exists (select 1 from pg_attribute where attrelid ="
        " to_regclass('supabase_migrations.schema_tool_history')"
        " and attname = 'statements_digest' and not attisdropped)"
    ).fetchone()
    if not exists[0]:
        return {}
    history = (
        "left join supabase_migrations.schema_tool_history h using (version)"
        if exists[1]
        else "left join (select null::text as version, null::text as checksum,"
        " null::timestamptz as applied_at) h using (version)"
    )
    # Digest null: a ledger from before the digest, where a foreign key kept
    # the two rows together.
    same_row = (
        f"(h.statements_digest is null or h.statements_digest ="
        f" {STATEMENTS_DIGEST.format('coalesce(m.statements, array[]::text[])')})"
        if exists[2]
        else "true"
    )
    rows = conn.execute(
        f"select m.version, coalesce(m.name, ''), coalesce(m.statements, '{{}}'),"
        f" case when {same_row} then h.checksum end, case when {same_row} then h.applied_at end"
        f" from supabase_migrations.schema_migrations m {history}"
    ).fetchall()
    return {r[0]: LedgerRow(*r) for r in rows}


def plan(
    migrations: list[Migration], ledger: dict[str, LedgerRow], amended: dict[str, Amendment] | None = None
) -> list[Entry]:
    """Every local and recorded migration with its state, in version order.
    A row recording the bytes an amendment replaced counts as applied."""
    amended = amended or {}
    local = {m.version: m for m in migrations}
    newest_applied = max((int(v) for v in ledger), default=-1)
    entries = []
    for version in sorted(set(local) | set(ledger), key=int):
        migration, row = local.get(version), ledger.get(version)
        if row is None:
            state = "out-of-order" if int(version) < newest_applied else "pending"
            entries.append(Entry(version, migration.name, state, migration))
            continue
        if migration is None:
            entries.append(Entry(version, row.name, "missing-locally", None, row.applied_at))
            continue
        amendment = amended.get(version)
        if row.checksum is not None:
            same = row.checksum == migration.checksum or bool(
                amendment and row.checksum in amendment.previous_checksums)
        else:  # applied by the Supabase CLI: compare what it recorded
            same = row.statements == [s.text for s in migration.statements] or bool(
                amendment and statements_digest(row.statements) in amendment.previous_statements)
        entries.append(
            Entry(
                version,
                migration.name,
                "applied" if same else "modified",
                migration,
                row.applied_at,
                applied_by_cli=row.checksum is None,
            )
        )
    return entries


ENDS_TRANSACTION = re.compile(r"^\s*(commit|rollback|end|abort|prepare)\b", re.IGNORECASE)


def transaction_enders(migration: Migration) -> list[Statement]:
    """Statements that would end the file's transaction (COMMIT, ROLLBACK, END,
    ABORT, PREPARE TRANSACTION), found by parsing before anything runs; what ran
    before one would be committed without its ledger row."""
    from pglast import parse_sql
    from pglast.ast import TransactionStmt
    from pglast.enums import TransactionStmtKind as Kind

    ending = {Kind.TRANS_STMT_COMMIT, Kind.TRANS_STMT_ROLLBACK, Kind.TRANS_STMT_PREPARE,
              Kind.TRANS_STMT_COMMIT_PREPARED, Kind.TRANS_STMT_ROLLBACK_PREPARED}
    found = []
    for statement in migration.statements:
        if not ENDS_TRANSACTION.match(statement.code()):
            continue
        try:
            parsed = parse_sql(statement.text)
        except Exception:  # noqa: BLE001 - not parseable: the server will say so
            continue
        if any(isinstance(raw.stmt, TransactionStmt) and raw.stmt.kind in ending for raw in parsed):
            found.append(statement)
    return found


def file_problems(migration: Migration) -> list[str]:
    """What makes a pending file unappliable, known without running it."""
    if all(s.is_comment_only() for s in migration.statements):
        return [f"{migration.display_path}: empty migration (no SQL statement): write its SQL or delete the file"]
    if not migration.transactional:
        return []
    return [
        f"{migration.display_path}:{migration.line_col(s.code_offset())[0]}: this statement ends the file's"
        " transaction (COMMIT, ROLLBACK, END or PREPARE): a migration runs as one transaction with its"
        " ledger row; remove it"
        for s in transaction_enders(migration)
    ]


def refusals(entries: list[Entry], include_all: bool) -> list[str]:
    problems = []
    for e in entries:
        file = e.migration.display_path if e.migration else f"{e.version}_{e.name}.sql"
        if e.state == "modified":
            problems.append(f"{file}: changed after it was applied (checksum differs from the ledger)")
        elif e.state == "missing-locally":
            problems.append(f"{file}: applied to the database but missing locally")
        elif e.state == "out-of-order" and not include_all:
            problems.append(
                f"{file}: pending but older than the newest applied migration"
                " (rename it to a newer version, or pass --include-all)"
            )
    return problems


# ---------------------------------------------------------------- apply


class MigrationFailed(SchemaToolError):
    """A statement failed; file and line say where (lint's migration-fails finding uses them)."""

    exit_code = 1

    def __init__(self, message: str, file: str, line: int):
        super().__init__(message)
        self.file, self.line = file, line


@dataclass
class Applied:
    version: str
    name: str
    duration_ms: float


def migration_error(migration: Migration, statement, exc: psycopg.Error, transactional: bool = True) -> MigrationFailed:
    diag = exc.diag
    if statement and diag.statement_position:
        line, col = migration.line_col(statement.offset + int(diag.statement_position) - 1)
    else:  # no position (a constraint, a raise): the statement's first line of code
        line, col = migration.line_col(statement.code_offset() if statement else 0)
    parts = [
        f"{migration.display_path}:{line}:{col}: {exc.sqlstate or ''} {diag.message_primary or first_line(exc)}".rstrip()
    ]
    hint = diag.message_hint or (TIMEOUT_HINT if exc.sqlstate == "57014" and "statement timeout" in str(exc) else None)
    for label, value in (("detail", diag.message_detail), ("hint", hint), ("context", diag.context)):
        if value:
            parts.append(f"  {label}: {value.strip()}")
    if statement:
        parts.append("  statement:")
        parts.extend("    " + s for s in statement.text.splitlines())
    if transactional:
        parts.append(f"  {migration.file_name} was rolled back; the ledger is unchanged.")
    else:
        parts.append(f"  {migration.file_name} is non-transactional: statements before this one stay applied;"
                     " the ledger is unchanged.")
    return MigrationFailed("\n".join(parts), str(migration.path), line)


def record(conn: psycopg.Connection, migration: Migration, duration_ms: float, who: str) -> None:
    """The Supabase CLI's ledger row, then schema-tool's facts beside it."""
    conn.execute(RECORD, (migration.version, migration.name, [s.text for s in migration.statements],
                          migration.checksum, duration_ms, who, __version__))


def print_notice(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def notice_handler(migration: Migration, notify):
    """Pass the server's notices (RAISE NOTICE/WARNING, the pg_cron hint) to
    notify, one line each, prefixed with the migration's file name."""

    def handler(diag: psycopg.errors.Diagnostic) -> None:
        severity = (diag.severity_nonlocalized or diag.severity or "NOTICE").lower()
        notify(f"{migration.display_path}: {severity}: {diag.message_primary}"
               + (f" (hint: {diag.message_hint})" if diag.message_hint else ""))

    return handler


def apply_one(conn: psycopg.Connection, migration: Migration, lock_timeout: str, who: str,
              notify=None) -> Applied:
    if notify is None:
        return _apply_one(conn, migration, lock_timeout, who)
    handler = notice_handler(migration, notify)
    conn.add_notice_handler(handler)
    try:
        return _apply_one(conn, migration, lock_timeout, who)
    finally:
        conn.remove_notice_handler(handler)


def _apply_one(conn: psycopg.Connection, migration: Migration, lock_timeout: str, who: str) -> Applied:
    started = time.perf_counter()
    executable = [s for s in migration.statements if not s.is_comment_only()]
    current = None
    timeout = pgsql.Literal(lock_timeout)
    if migration.transactional:
        # As the Supabase CLI runs a file: its statements in one pipelined
        # batch (one round trip, not one per statement).
        conn.execute(pgsql.SQL("begin; set local lock_timeout = {}").format(timeout))
        try:
            for batch in _batches(executable):
                _run_batch(conn, batch)
                if conn.info.transaction_status != psycopg.pq.TransactionStatus.INTRANS:
                    line, _ = migration.line_col(batch[-1].offset)
                    # Found by file_problems() before anything runs; this is
                    # the backstop for one hidden from the parser.
                    raise MigrationFailed(
                        f"{migration.display_path}:{line}: this statement ends the file's transaction"
                        " (COMMIT, ROLLBACK or END): a migration runs as one transaction with its ledger row."
                        " Remove it. Statements before it may already be committed; the ledger is unchanged.",
                        str(migration.path), line)
            duration = (time.perf_counter() - started) * 1000
            record(conn, migration, duration, who)
            conn.execute("commit")
        except StatementFailed as failed:
            raise migration_error(migration, failed.statement, failed.error) from failed.error
        except psycopg.Error as exc:  # recording or committing, after every statement ran
            raise migration_error(migration, None, exc) from exc
        finally:
            if not conn.closed and conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                conn.execute("rollback")
        return Applied(migration.version, migration.name, duration)
    # Non-transactional file (e.g. create index concurrently): statement by
    # statement in autocommit, recorded only when every statement succeeded.
    conn.execute(pgsql.SQL("set lock_timeout = {}").format(timeout))
    try:
        for current in executable:
            conn.execute(current.text)
    except psycopg.Error as exc:
        raise migration_error(migration, current, exc, transactional=False) from exc
    finally:
        conn.execute("reset lock_timeout")
    duration = (time.perf_counter() - started) * 1000
    with conn.transaction():
        record(conn, migration, duration, who)
    return Applied(migration.version, migration.name, duration)


class StatementFailed(Exception):
    def __init__(self, statement: Statement, error: psycopg.Error):
        super().__init__(str(error))
        self.statement, self.error = statement, error


def _batches(statements: list[Statement]) -> list[list[Statement]]:
    """The statements in runs that each end at one that could end the
    transaction, so the transaction is checked right after it."""
    batches, batch = [], []
    for statement in statements:
        batch.append(statement)
        if ENDS_TRANSACTION.match(statement.code()):
            batches.append(batch)
            batch = []
    return batches + [batch] if batch else batches


def _run_batch(conn: psycopg.Connection, statements: list[Statement]) -> None:
    """Run the statements in one pipeline. A failure is
    raised as StatementFailed naming the statement: the first without a result."""
    cursors = []
    try:
        with conn.pipeline():
            for statement in statements:
                cursor = conn.cursor()
                cursors.append(cursor)
                cursor.execute(statement.text, prepare=False)
    except psycopg.Error as exc:
        done = sum(1 for c in cursors if c.pgresult is not None)
        raise StatementFailed(statements[min(done, len(statements) - 1)], exc) from exc


def acquire_lock(url: str, wait_seconds: float) -> psycopg.Connection:
    """Take the migration advisory lock on a dedicated session, polling with
    pg_try_advisory_lock (a blocking wait could deadlock against
    `create index concurrently`, which waits for every open transaction)."""
    lock_conn = connect(url, application_name="schema-tool lock")
    deadline = time.monotonic() + wait_seconds
    while not lock_conn.execute("select pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()[0]:
        if time.monotonic() >= deadline:
            lock_conn.close()
            raise CheckFailed(
                f"another migration run holds the lock on this database; gave up after {wait_seconds:g}s"
                " (--lock-wait to wait longer)"
            )
        time.sleep(0.1)
    return lock_conn


@dataclass
class MigrateResult:
    applied: list[Applied]
    baseline_installed: bool
    entries: list[Entry]


def select_pending(entries: list[Entry], to: str | None, include_all: bool) -> list[Migration]:
    wanted = [e for e in entries if e.state == "pending" or (include_all and e.state == "out-of-order")]
    if to is not None:
        if not any(e.version == to and e.migration for e in entries):
            raise UsageError(f"--to {to}: no local migration has that version")
        wanted = [e for e in wanted if int(e.version) <= int(to)]
    return [e.migration for e in wanted]


def migrate(
    url: str,
    migrations_dir: Path,
    to: str | None = None,
    include_all: bool = False,
    lock_timeout: str = "5s",
    lock_wait: float = 60.0,
    exclude: tuple[str, ...] = (),
    notify=None,
) -> MigrateResult:
    """Apply every pending migration (up to `to`), one transaction per file.
    notify, when given, receives the server's notices as lines."""
    migrations = load(migrations_dir, exclude)
    who = os.environ.get("SCHEMA_TOOL_APPLIED_BY") or getpass.getuser()
    # SIGTERM cancels the running statement and rolls back as Ctrl-C does
    # (psycopg cancels the query on the server when interrupted while waiting).
    with sigterm_interrupts():
        lock_conn = acquire_lock(url, lock_wait)
        try:
            conn = connect(url, application_name="schema-tool migrate")
            try:
                return _migrate(conn, url, migrations, load_amendments(migrations_dir), to, include_all, lock_timeout, who, notify)
            finally:
                conn.close()
        finally:
            if not lock_conn.closed:
                with _quietly():
                    lock_conn.execute("select pg_advisory_unlock(%s)", (LOCK_KEY,))
            lock_conn.close()


def _migrate(conn, url, migrations, amendments, to, include_all, lock_timeout, who, notify) -> MigrateResult:
    entries = plan(migrations, database_step(lambda: read_ledger(conn), "reading the ledger"), amendments)
    pending = select_pending(entries, to, include_all)
    problems = refusals(entries, include_all) + [p for m in pending for p in file_problems(m)]
    if problems:
        raise CheckFailed("refusing to migrate, nothing was applied:\n  " + "\n  ".join(problems))
    had_auth = database_step(lambda: has_auth(conn), "reading the catalog")
    try:
        with conn.transaction():
            baseline = install_baseline(conn)
            for ddl in LEDGER_DDL:
                conn.execute(ddl)
    except psycopg.errors.InsufficientPrivilege as exc:
        what = "installing the Supabase baseline" if not had_auth else "creating the ledger schema supabase_migrations"
        raise UsageError(
            f"database user {conn.info.user} lacks a privilege migrate needs ({what}):"
            f" {exc.diag.message_primary or first_line(exc)}; nothing was applied;"
            " run migrate as the database owner (postgres on Supabase)"
        ) from None
    except psycopg.Error as exc:
        raise UsageError(f"preparing the database failed, nothing was applied: {server_message(exc)}") from None
    applied: list[Applied] = []
    try:
        for m in pending:
            # Each file in a new session, as a resumed or staged deploy runs
            # it: a file may not rely on session state an earlier one left.
            with connect(url, application_name="schema-tool migrate") as session:
                applied.append(apply_one(session, m, lock_timeout, who, notify))
    except SchemaToolError as exc:
        exc.applied = applied  # what did go in, for --json
        raise
    except psycopg.Error as exc:  # outside a statement (recording, a lost connection)
        failed = UsageError(f"migrate failed after {len(applied)} file(s): {server_message(exc)}")
        failed.applied = applied
        raise failed from None
    return MigrateResult(applied, baseline, entries)


class _quietly:
    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        return kind is not None and issubclass(kind, psycopg.Error)


def database_step(step, what: str):
    """Run a read the plan needs; a server error (a statement_timeout, a missing
    privilege) becomes one line naming what was being done."""
    try:
        return step()
    except psycopg.Error as exc:
        raise UsageError(f"{what}: {server_message(exc)}") from None


def status(url: str, migrations_dir: Path) -> list[Entry]:
    migrations = load(migrations_dir)
    with connect(url, application_name="schema-tool status") as conn:
        return plan(migrations, database_step(lambda: read_ledger(conn), "reading the ledger"), load_amendments(migrations_dir))


@dataclass
class DryRun:
    entries: list[Entry]
    to_apply: list[Migration]
    problems: list[str]
    baseline_needed: bool


def dry_run(url: str, migrations_dir: Path, to: str | None = None, include_all: bool = False) -> DryRun:
    migrations = load(migrations_dir)
    with connect(url, application_name="schema-tool dry-run") as conn:
        entries = plan(migrations, database_step(lambda: read_ledger(conn), "reading the ledger"), load_amendments(migrations_dir))
        baseline_needed = database_step(lambda: not has_auth(conn), "reading the catalog")
    problems = refusals(entries, include_all)
    to_apply = [] if problems else select_pending(entries, to, include_all)
    problems += [p for m in to_apply for p in file_problems(m)]
    if problems:
        to_apply = []
    return DryRun(entries, to_apply, problems, baseline_needed)
