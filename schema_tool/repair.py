"""`schema-tool repair`: set the ledger straight after a hand-applied or
hand-reverted migration, as `supabase migration repair` does, and say who and why.

The Supabase CLI's rows (internal/migration/repair, pkg/migration/history.go):
- applied: upsert (version, name, statements) from the local file, statements
  split as the CLI splits them;
- reverted: delete the rows whose version is one of those given.

schema-tool also writes its own facts: for applied, the history row beside the
CLI row (the file's checksum, so a deliberately edited file is accepted from
now on); for both, one row per version in
supabase_migrations.schema_tool_repairs (who, when, why, what checksum). That
log is append-only and separate from schema_tool_history, whose row goes away
with a reverted version.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import UsageError
from .migrate import LEDGER_DDL, connect
from .migrations import load

REPAIRS_DDL = """create table if not exists supabase_migrations.schema_tool_repairs (
    id bigint generated always as identity primary key,
    version text not null,
    status text not null check (status in ('applied', 'reverted')),
    name text,
    checksum text,
    previous_checksum text,
    reason text,
    repaired_by text not null,
    repaired_at timestamptz not null default now(),
    tool_version text not null
)"""

# The CLI's own statements (pkg/migration/history.go).
UPSERT_CLI = (
    "INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES(%s, %s, %s)"
    " ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, statements = EXCLUDED.statements"
)
DELETE_CLI = "DELETE FROM supabase_migrations.schema_migrations WHERE version = ANY(%s)"

UPSERT_HISTORY = """insert into supabase_migrations.schema_tool_history
        (version, checksum, applied_at, duration_ms, applied_by, tool_version)
    values (%s, %s, now(), 0, %s, %s)
    on conflict (version) do update set
        checksum = excluded.checksum,
        applied_at = excluded.applied_at,
        duration_ms = excluded.duration_ms,
        applied_by = excluded.applied_by,
        tool_version = excluded.tool_version"""

LOG = """insert into supabase_migrations.schema_tool_repairs
        (version, status, name, checksum, previous_checksum, reason, repaired_by, tool_version)
    values (%s, %s, %s, %s, %s, %s, %s, %s)"""


@dataclass
class Repaired:
    version: str
    status: str
    name: str | None
    checksum: str | None
    previous_checksum: str | None
    was_recorded: bool


def repair(url: str, migrations_dir: Path, versions: list[str], status: str, reason: str | None = None,
           who: str | None = None) -> list[Repaired]:
    if status not in ("applied", "reverted"):
        raise UsageError(f"--status must be applied or reverted, not {status!r}")
    if not versions:
        raise UsageError("name at least one VERSION to repair")
    for v in versions:
        if not v.isdigit():
            raise UsageError(f"{v}: not a migration version (digits only)")
    local = {m.version: m for m in load(migrations_dir)}
    if status == "applied":
        missing = [v for v in versions if v not in local]
        if missing:
            raise UsageError(f"no local migration file for {', '.join(missing)}: cannot mark it applied")
    who = who or os.environ.get("SCHEMA_TOOL_APPLIED_BY") or getpass.getuser()
    done = []
    with connect(url, application_name="schema-tool repair") as conn, conn.transaction():
        for ddl in LEDGER_DDL:
            conn.execute(ddl)
        conn.execute(REPAIRS_DDL)
        before = dict(conn.execute(
            "select m.version, h.checksum from supabase_migrations.schema_migrations m"
            " left join supabase_migrations.schema_tool_history h using (version)"
            " where m.version = any(%s)", (versions,)).fetchall())
        if status == "reverted":
            conn.execute(DELETE_CLI, (versions,))
            # With no foreign key (newer ledgers) the history row would stay behind.
            conn.execute("delete from supabase_migrations.schema_tool_history where version = any(%s)", (versions,))
        for v in versions:
            m = local.get(v)
            checksum = m.checksum if (m and status == "applied") else None
            if status == "applied":
                conn.execute(UPSERT_CLI, (m.version, m.name, [s.text for s in m.statements]))
                conn.execute(UPSERT_HISTORY, (v, checksum, who, __version__))
            conn.execute(LOG, (v, status, m.name if m else None, checksum, before.get(v), reason, who,
                               __version__))
            done.append(Repaired(v, status, m.name if m else None, checksum, before.get(v), v in before))
    return done
