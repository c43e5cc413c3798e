"""Areas and hubs: how a module's tables are grouped into diagrams.

An area is the migration that created a set of tables (small areas join the
one they share most foreign keys with); a hub is a table so many others
reference that its lines would make a hairball, so it is named on the column.
"""

from __future__ import annotations

import re

from ..catalog import Constraint
from .model import Area, Module, foreign_keys

HUB_MIN_REFERENCES = 7  # a table referenced by this many tables is a hub
SMALL_AREA = 3  # an area with fewer tables joins the area it is linked to most


def local_references(module: Module) -> list[tuple[str, str, Constraint]]:
    """(table, referenced table, fk) for foreign keys between the module's own tables."""
    names = {t.name for t in module.tables if t.schema == module.name}
    return [
        (t.name, fk.ref_table, fk)
        for t in module.tables
        if t.schema == module.name
        for fk in foreign_keys(t)
        if fk.ref_schema == module.name and fk.ref_table in names
    ]


def find_hubs(module: Module) -> dict[str, int]:
    referrers: dict[str, set[str]] = {}
    for t in module.tables:
        for fk in foreign_keys(t):
            target = qualified(module, fk.ref_schema, fk.ref_table)
            if target != t.name:
                referrers.setdefault(target, set()).add(t.name)
    return {name: len(refs) for name, refs in sorted(referrers.items()) if len(refs) >= HUB_MIN_REFERENCES}


def qualified(module: Module, schema: str, name: str) -> str:
    return name if schema == module.name else f"{schema}.{name}"


def find_areas(module: Module, created_by: dict[tuple[str, str], str]) -> list[Area]:
    """Group the module's tables by the migration that created them; small groups
    join the group they share most foreign keys with."""
    tables = [t for t in module.tables if t.schema == module.name]
    order: list[str] = []
    groups: dict[str, list[str]] = {}
    for t in sorted(tables, key=lambda t: (created_by.get((t.schema, t.name), "~"), t.name)):
        key = created_by.get((t.schema, t.name), "")
        if key not in groups:
            order.append(key)
            groups[key] = []
        groups[key].append(t.name)
    links = local_references(module)
    changed = True
    while changed and len(groups) > 1:
        changed = False
        for key in list(order):
            if len(groups[key]) >= SMALL_AREA:
                continue
            members = set(groups[key])
            counts: dict[str, int] = {}
            for child, parent, _ in links:
                for a, b in ((child, parent), (parent, child)):
                    if a in members and b not in members:
                        other = next(k for k in order if b in groups[k])
                        counts[other] = counts.get(other, 0) + 1
            if not counts:
                continue
            best = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0])))[0][0]
            groups[best] = sorted(groups[best] + groups.pop(key))
            order.remove(key)
            changed = True
            break
    areas = []
    slugs: set[str] = set()
    for key in order:
        label = key.split("_", 1)[1] if key.count("_") else (key or "other")
        if label.startswith(module.name + "_"):
            label = label[len(module.name) + 1:]
        # "schemas_and_core_tables" -> "core", "commerce_tables" -> "commerce"
        label = re.sub(r"^(schemas?|types?)_and_", "", label)
        label = re.sub(r"_tables$", "", label) if label != "tables" else label
        label = label or "other"
        slug = base = f"{module.name}-{label.replace('_', '-')}"
        number = 1
        while slug in slugs:
            number += 1
            slug = f"{base}-{number}"
        slugs.add(slug)
        areas.append(Area(slug, label.replace("_", " ").capitalize(), sorted(groups[key])))
    return areas


# ----------------------------------------------------------------- collecting


def tables_created_by(migrations) -> dict[tuple[str, str], str]:
    """(schema, table) -> the migration whose CREATE TABLE made it (parsed with
    pglast: far cheaper than applying the migrations one at a time)."""
    import json

    from pglast import parser

    created: dict[tuple[str, str], str] = {}
    for migration in migrations:
        try:
            statements = json.loads(parser.parse_sql_json(migration.sql))["stmts"]
        except Exception:  # noqa: BLE001 - the server will report real syntax errors
            continue
        for raw in statements:
            stmt = raw.get("stmt", {})
            if "CreateStmt" in stmt and "partbound" not in stmt["CreateStmt"]:
                relation = stmt["CreateStmt"]["relation"]
            elif "CreateTableAsStmt" in stmt:
                relation = stmt["CreateTableAsStmt"].get("into", {}).get("rel", {})
            else:
                continue
            if relation.get("relname"):
                key = (relation.get("schemaname", "public"), relation["relname"])
                created.setdefault(key, f"{migration.version}_{migration.name}")
    return created

