"""`schema-tool types`: client types generated from the migrated database.

TypeScript in the shape supabase-js takes (`createClient<Database>()`), and
Python TypedDicts, for the schemas PostgREST exposes (supabase/config.toml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from ..catalog import Catalog, read_catalog
from ..errors import UsageError
from ..supabase import exposed_schemas
from .python import render_python
from .typescript import render_typescript

OUTPUTS = {
    "supabase/types/database.types.ts": render_typescript,
    "supabase/types/database_types.py": render_python,
}


@dataclass
class TypesResult:
    written: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def render_all(catalog: Catalog, schemas: list[str]) -> dict[str, str]:
    return {path: render(catalog, schemas) for path, render in OUTPUTS.items()}


def read_exposed(conn: psycopg.Connection, root: Path) -> tuple[Catalog, list[str]]:
    wanted = exposed_schemas(root)
    present = {r[0] for r in conn.execute("select nspname from pg_catalog.pg_namespace")}
    schemas = [s for s in wanted if s in present]
    return read_catalog(conn, schemas), schemas


def build_types(root: Path, check: bool = False, engine: str = "embedded") -> TypesResult:
    """Migrate a throwaway database, read the exposed schemas and write (or --check) the type files."""
    from .. import engines
    from ..migrate import migrate

    if not (root / "migrations").is_dir():
        raise UsageError(f"{root / 'migrations'}: no such folder (run schema-tool types in the project)")
    with engines.throwaway(engine) as server:
        migrate(server.url, root / "migrations")
        with psycopg.connect(server.url, autocommit=True) as conn:
            catalog, schemas = read_exposed(conn, root)
    result = TypesResult()
    for relative, text in render_all(catalog, schemas).items():
        path = root / relative
        if path.exists() and path.read_text() == text:
            result.unchanged.append(relative)
        elif check:
            result.stale.append(relative)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            result.written.append(relative)
    return result
