"""What the reference is made of: the modules read back from the migrated database.

Tables, views, functions and types are the catalog reader's objects
(schema_tool.catalog); a Module groups those of one exposed schema and its
private schemas, with the areas and hub tables that shape its diagrams.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from ..catalog import Constraint, Function, Table, Type, read_catalog

NOT_MODULES = {"public", "graphql_public"}
API_ROLES = ("anon", "authenticated", "service_role")
TABLE_PRIVILEGES = ("select", "insert", "update", "delete", "truncate")
COLUMN_PRIVILEGES = ("select", "insert", "update")


@dataclass
class Area:
    slug: str  # file-name part, e.g. aiml-commerce-tables
    title: str
    tables: list[str]


@dataclass
class Module:
    name: str
    comment: str | None
    private_schemas: list[str]
    tables: list[Table]
    views: list[Table]
    functions: list[Function]
    types: list[Type]
    areas: list[Area] = field(default_factory=list)
    hubs: dict[str, int] = field(default_factory=dict)  # hub table -> number of referencing tables


@dataclass
class Reference:
    """Everything the pages are rendered from."""

    modules: list[Module]
    migration_count: int
    newest_migration: str
    dumps: dict[str, str] = field(default_factory=dict)  # module -> normalised schema-only dump


# ----------------------------------------------------------------- facts derived from catalog objects


def foreign_keys(t: Table) -> list[Constraint]:
    return t.constraints_of("f")


def unique_keys(t: Table) -> list[Constraint]:
    return t.constraints_of("u")


def key_columns(t: Table) -> tuple[str, ...]:
    return t.primary_key.columns if t.primary_key else ()


def api_grants(t: Table) -> dict[str, list[str]]:
    """API role -> what it may do to the table: a privilege, or `<privilege> (col, ...)`
    for a column-level grant, naming the columns (what a client may write)."""
    def holds(grants, role, privilege):
        return any(g.privilege == privilege and g.role in (role, "public") for g in grants)

    out: dict[str, list[str]] = {}
    for role in API_ROLES:
        privileges = out.setdefault(role, [])
        for privilege in TABLE_PRIVILEGES:
            if holds(t.grants, role, privilege):
                privileges.append(privilege)
            elif privilege in COLUMN_PRIVILEGES:
                columns = [c.name for c in t.columns if holds(c.grants, role, privilege)]
                if columns:
                    privileges.append(f"{privilege} ({', '.join(columns)})")
    return out


def executable_by(f: Function) -> list[str]:
    return [role for role in API_ROLES if f.executable_by(role)]


# ----------------------------------------------------------------- reading the database


def module_names(conn: psycopg.Connection, root: Path) -> list[str]:
    """The exposed schemas of supabase/config.toml that exist, in config order."""
    from ..supabase import exposed_schemas

    existing = {r[0] for r in conn.execute("select nspname from pg_namespace")}
    names = []
    for name in exposed_schemas(root):
        if name not in NOT_MODULES and name in existing and name not in names:
            names.append(name)
    return names


def private_schemas(conn: psycopg.Connection, name: str, exposed: set[str]) -> list[str]:
    """`<module>_*` schemas that the API does not expose (e.g. learning_private)."""
    rows = conn.execute(
        "select nspname from pg_namespace where nspname like %s order by nspname",
        (name.replace("_", r"\_") + r"\_%",),
    ).fetchall()
    return [r[0] for r in rows if r[0] not in exposed]


def read_module(conn: psycopg.Connection, name: str, exposed: set[str]) -> Module:
    private = private_schemas(conn, name, exposed)
    # Deparse with the module first on the search path: its own names read
    # unqualified, everything else (auth.uid(), a private schema) qualified.
    catalog = read_catalog(conn, [name, *private], search_path=name)
    schema = next((s for s in catalog.schemas if s.name == name), None)
    return Module(
        name=name,
        comment=schema.comment if schema else None,
        private_schemas=private,
        tables=catalog.relations("r", "p"),
        views=catalog.relations("v", "m"),
        functions=list(catalog.functions),
        types=[t for t in catalog.types if t.kind in ("e", "d")],
    )


def migrate_and_read(root: Path, engine: str, progress=lambda m: None) -> Reference:
    from concurrent.futures import ThreadPoolExecutor

    from .. import engines
    from ..migrate import migrate
    from ..migrations import load
    from ..supabase import exposed_schemas
    from .areas import find_areas, find_hubs, tables_created_by
    from .schema_dump import dump_schemas, partitions

    migrations_dir = root / "migrations"
    migrations = load(migrations_dir)
    exposed = set(exposed_schemas(root))
    with ThreadPoolExecutor(max_workers=2) as pool:
        created_by = pool.submit(tables_created_by, migrations)  # while the server starts
        with engines.throwaway(engine) as server:
            progress(f"migrating a throwaway PostgreSQL {server.version} ({engine})")
            migrate(server.url, migrations_dir)
            with psycopg.connect(server.url, autocommit=True) as conn:
                modules, dumps = [], {}
                for name in module_names(conn, root):
                    module = read_module(conn, name, exposed)
                    schemas = [name, *module.private_schemas]
                    # pg_dump runs beside the catalog reads of the next modules
                    dumps[name] = pool.submit(dump_schemas, server, server.url, schemas, partitions(conn, schemas))
                    module.hubs = find_hubs(module)
                    module.areas = find_areas(module, created_by.result())
                    modules.append(module)
                dumps = {name: future.result() for name, future in dumps.items()}
    newest = f"{migrations[-1].version}_{migrations[-1].name}" if migrations else ""
    return Reference(modules, len(migrations), newest, dumps)
