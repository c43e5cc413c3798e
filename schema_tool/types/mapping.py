"""Postgres types as client types: the one table both generators read.

Follows what `supabase gen types` (postgres-meta) does: numbers for the
numeric types, strings for text-like and temporal types (PostgREST sends them
as JSON strings), Json for json/jsonb, arrays of the element, enums and
composite types by name.
"""

from __future__ import annotations

import re

from ..catalog import Catalog

NUMBER = {"smallint", "integer", "bigint", "real", "double precision", "numeric", "oid", "money"}
BOOLEAN = {"boolean"}
JSON = {"json", "jsonb"}
VOID = {"void"}
RECORD = {"record"}


def base_name(pg_type: str) -> str:
    """`numeric(5,2)` -> `numeric`, `character varying(80)[]` -> `character varying`,
    `extensions.vector(1536)` -> `extensions.vector`."""
    name = pg_type.removesuffix("[]").strip()
    return re.sub(r"\(.*\)$", "", name).strip()


def is_array(pg_type: str) -> bool:
    return pg_type.strip().endswith("[]")


class TypeIndex:
    """Resolves a type name as the catalog prints it to a kind: enum, composite, domain or base."""

    def __init__(self, catalog: Catalog):
        self.types = {}
        for t in catalog.types:
            self.types[f"{t.schema}.{t.name}"] = t
        self.row_types = {f"{t.schema}.{t.name}": t for t in catalog.tables}

    def resolve(self, pg_type: str):
        """(kind, detail): ('enum', Type), ('composite', Type), ('row', Table), ('base', name)."""
        name = base_name(pg_type)
        t = self.types.get(name)
        if t is not None:
            if t.kind == "d":
                return self.resolve(t.base or "text")
            return ("enum" if t.kind == "e" else "composite", t)
        if name in self.row_types:
            return ("row", self.row_types[name])
        return ("base", name.rsplit(".", 1)[-1])


def scalar_kind(name: str) -> str:
    """'number', 'boolean', 'json', 'void', 'record' or 'string' for a base type name."""
    if name in NUMBER:
        return "number"
    if name in BOOLEAN:
        return "boolean"
    if name in JSON:
        return "json"
    if name in VOID:
        return "void"
    if name in RECORD:
        return "record"
    return "string"
