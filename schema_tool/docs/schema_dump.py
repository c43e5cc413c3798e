"""docs/schema/<module>.sql: the current schema of a module in one place.

A schema-only pg_dump of the module's schema and its private schemas, taken
from the migrated throwaway database and normalised (no version lines, no
per-run keys, no dated partitions), so a review shows a fix-up migration as a
diff of the function or policy it changes, and "who can read X today" is
answered by reading one file instead of replaying migrations.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from ..engines import embedded_bin_dir_or_none
from ..errors import UsageError
from .markdown import MARK

SQL_HEADER = (f"-- {MARK} from the migrations; do not edit: run `schema-tool docs`\n"
              "-- pg_dump --schema-only of the migrated database, normalised; partitions (created by date) left out.\n")
# Lines that differ between runs or pg_dump builds, not between schemas.
VOLATILE = re.compile(r"^(\\restrict |\\unrestrict |-- Dumped (from|by) )")


def pg_dump_binary(server) -> str:
    """pg_dump of the server's own build (the embedded wheel and Debian ship one beside the server)."""
    for directory in (server.bin_dir, embedded_bin_dir_or_none()):
        if directory and (Path(directory) / "pg_dump").exists():
            return str(Path(directory) / "pg_dump")
    found = shutil.which("pg_dump")
    if not found:
        raise UsageError("pg_dump not found: install postgresql-client (apt-get install postgresql-client)")
    return found


def partitions(conn, schemas: list[str]) -> list[str]:
    rows = conn.execute(
        """
        select quote_ident(n.nspname) || '.' || quote_ident(c.relname)
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relispartition and n.nspname = any(%s) order by 1
        """,
        (schemas,),
    ).fetchall()
    return [r[0] for r in rows]


def dump_schemas(server, url: str, schemas: list[str], exclude_tables: list[str]) -> str:
    command = [pg_dump_binary(server), "--schema-only", "--no-tablespaces", f"--dbname={url}"]
    command += [f"--schema={s}" for s in schemas]
    command += [f"--exclude-table={t}" for t in exclude_tables]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise UsageError(f"pg_dump failed: {result.stderr.strip()}")
    return normalise(result.stdout)


def normalise(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines() if not VOLATILE.match(line)]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return SQL_HEADER + "\n" + out + "\n"
