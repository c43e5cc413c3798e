"""The deploy plan: per pending statement, the lock it takes, on which table,
and how big that table is on the target right now.

A statement is flagged when it rewrites or scans a table under a lock that
blocks the application's writes (or reads), and that table is big: more rows
(pg_class.reltuples, the planner's estimate) or bytes
(pg_total_relation_size: heap, indexes and TOAST) than the thresholds.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import psycopg

from .errors import UsageError
from .locks import blocks, classify
from .migrations import Migration

DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
UNITS = {"": 1, "b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3, "tb": 1024**4}


def parse_size(text: str) -> int:
    """'500MB', '2 GB', '1048576' -> bytes (units are 1024-based, as pg_size_pretty's)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?[bB]?)\s*", text or "")
    if not match:
        raise UsageError(f"{text!r}: not a size (e.g. 500MB, 2GB, 1048576)")
    return int(float(match.group(1)) * UNITS[match.group(2).lower()])


def pretty(n: int | None) -> str:
    if n is None:
        return "-"
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 10 * 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.0f} TB"


@dataclass
class Step:
    file: str
    line: int
    statement: str  # first line of it
    table: str | None
    lock: str | None
    blocks: str  # 'reads and writes', 'writes' or ''
    work: str  # rewrite | scan | ''
    why: str
    rows: int | None  # reltuples estimate; None: table not there yet (or never analyzed)
    bytes: int | None  # pg_total_relation_size; None: table not there yet
    flagged: bool
    reason: str


def table_size(conn: psycopg.Connection, table: str) -> tuple[int | None, int | None]:
    row = conn.execute(
        "select case when c.reltuples >= 0 then c.reltuples::bigint end, pg_total_relation_size(c.oid)"
        " from pg_class c where c.oid = to_regclass(%s)", (table,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def build(conn: psycopg.Connection, migrations: list[Migration], max_rows: int = DEFAULT_MAX_ROWS,
          max_bytes: int = DEFAULT_MAX_BYTES) -> list[Step]:
    sizes: dict[str, tuple[int | None, int | None]] = {}
    steps = []
    for m in migrations:
        for st in m.statements:
            if st.is_comment_only():
                continue
            line, _ = m.line_col(st.offset)
            first = next((ln.strip() for ln in st.text.splitlines()
                          if ln.strip() and not ln.strip().startswith("--")), st.text.strip())
            locks = classify(st.text)
            if not locks:
                steps.append(Step(m.file_name, line, first, None, None, "", "", "", None, None, False, ""))
                continue
            for lk in locks:
                if lk.table not in sizes:
                    sizes[lk.table] = table_size(conn, lk.table)
                rows, size = sizes[lk.table]
                blocked = blocks(lk.lock)
                big = (rows is not None and rows > max_rows) or (size is not None and size > max_bytes)
                flagged = bool(lk.work and blocked and big)
                reason = ""
                if flagged:
                    reason = (f"{'rewrites' if lk.work == 'rewrite' else 'scans'} {lk.table}"
                              f" ({rows if rows is not None else '?'} rows, {pretty(size)})"
                              f" under {lk.lock}, which blocks {blocked}")
                steps.append(Step(m.file_name, line, first, lk.table, lk.lock, blocked, lk.work, lk.why,
                                  rows, size, flagged, reason))
    return steps


def as_json(steps: list[Step]) -> list[dict]:
    return [asdict(s) for s in steps]


def render_text(steps: list[Step]) -> list[str]:
    """One line per statement and table lock, grouped by file."""
    out, current = [], None
    width = max([len(s.table or "") for s in steps] + [5])
    for s in steps:
        if s.file != current:
            current = s.file
            out.append(f"-- would apply {s.file}")
            out.append(f"   {'line':>5}  {'lock':<23} {'table':<{width}} {'rows':>10} {'size':>8}  statement")
        rows = "-" if s.rows is None else str(s.rows)
        size = pretty(s.bytes) if s.table else ""
        if s.table and s.rows is None and s.bytes is None:
            rows, size = "new", ""
        mark = "!" if s.flagged else " "
        text = s.statement if len(s.statement) <= 60 else s.statement[:57] + "..."
        out.append(f" {mark} {s.line:>5}  {s.lock or '':<23} {s.table or '':<{width}} {rows if s.table else '':>10}"
                   f" {size:>8}  {text}")
        if s.flagged:
            out.append(f"   {'':>5}  ^ {s.reason}")
    return out


def for_target(url: str, migrations: list[Migration], max_rows: int | None, max_bytes: str | None) -> list[Step]:
    """The plan of `migrations` against the database at url."""
    from .migrate import connect

    rows = DEFAULT_MAX_ROWS if max_rows is None else max_rows
    size = DEFAULT_MAX_BYTES if max_bytes is None else parse_size(max_bytes)
    with connect(url, application_name="schema-tool plan") as conn:
        return build(conn, migrations, rows, size)
