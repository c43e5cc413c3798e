"""`schema-tool diff`: what a live database has that its migrations do not say (and back).

A scratch database is migrated to exactly the versions the target's ledger
says are applied; both are read with the same catalog reader
(schema_tool.catalog) under the same empty search_path, so every name is
qualified the same way, and compared object by object.
"""

from __future__ import annotations

import contextlib
import fnmatch
import secrets
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql as pgsql

from ..catalog import project_schemas, read_catalog
from ..engines import throwaway
from ..migrate import connect, migrate, read_ledger
from ..migrations import load
from .compare import Difference, compare
from .draft import draft


@dataclass
class DiffResult:
    differences: list[Difference]
    applied: list[str]  # versions the target's ledger lists
    missing_locally: list[str]  # ...that have no local file (not in the comparison)
    schemas: list[str]
    sql: str | None = None


def ignore_patterns(project_root: Path) -> list[str]:
    """pyproject.toml [tool.schema-tool] diff-ignore: schemas ("reporting") or objects ("public.legacy_*")."""
    path = project_root / "pyproject.toml"
    if not path.exists():
        return []
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return list(data.get("tool", {}).get("schema-tool", {}).get("diff-ignore", []))


def object_name(d: Difference) -> str:
    """The schema-qualified name without its label ("table ", "column ", ...)."""
    return d.name.split(" ", 1)[1] if " " in d.name.split(".", 1)[0] else d.name


@contextlib.contextmanager
def scratch_database(shadow_url: str | None, engine: str):
    """A new empty database: on the server of shadow_url (dropped afterwards), or on a throwaway server."""
    if shadow_url is None:
        with throwaway(engine) as server:
            yield server.url
        return
    name = f"schema_tool_diff_{secrets.token_hex(4)}"
    with connect(shadow_url) as conn:
        conn.execute(pgsql.SQL("create database {}").format(pgsql.Identifier(name)))
    base, _, query = shadow_url.partition("?")
    url = base.rsplit("/", 1)[0] + "/" + name + (f"?{query}" if query else "")
    try:
        yield url
    finally:
        with connect(shadow_url) as conn:
            conn.execute(pgsql.SQL("drop database if exists {} with (force)").format(pgsql.Identifier(name)))


def compare_catalogs(files, database, ignore: list[str] = ()) -> list[Difference]:
    return [d for d in compare(files, database)
            if not any(fnmatch.fnmatchcase(object_name(d), p) for p in ignore if "." in p)]


def read(conn: psycopg.Connection, schemas: list[str]):
    return read_catalog(conn, schemas, search_path="")


def diff(url: str, migrations_dir: Path, ignore: list[str] = (), want_sql: bool = False,
         shadow_url: str | None = None, engine: str = "embedded") -> DiffResult:
    local = {m.version: m for m in load(migrations_dir)}
    ignored_schemas = {p for p in ignore if "." not in p}
    with connect(url, application_name="schema-tool diff") as target:
        applied = sorted(read_ledger(target), key=int)
        missing = [v for v in applied if v not in local]
        with scratch_database(shadow_url, engine) as shadow_db, tempfile.TemporaryDirectory() as tmp:
            for v in applied:
                if v in local:
                    shutil.copy(local[v].path, Path(tmp) / local[v].file_name)
            migrate(shadow_db, Path(tmp))
            with connect(shadow_db, application_name="schema-tool diff") as shadow:
                schemas = sorted(s for s in {*project_schemas(target), *project_schemas(shadow)}
                                 if not any(fnmatch.fnmatchcase(s, p) for p in ignored_schemas))
                files = read(shadow, schemas)
                database = read(target, schemas)
            differences = compare_catalogs(files, database, ignore)
            sql = draft(differences, target) if want_sql else None
    return DiffResult(differences, applied, missing, schemas, sql)
