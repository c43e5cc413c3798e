"""One reader of pg_catalog, returning a typed, comparable model.

    from schema_tool.catalog import read_catalog
    catalog = read_catalog(conn)                 # every project schema
    catalog = read_catalog(conn, ["learning", "learning_private"], search_path="learning")

docs, lint's catalog layer, `diff` (two catalogs compared by `by_key()`) and
type generation read the database through this one module.
"""

from .model import (
    COMMANDS, ON_ACTION, VOLATILITY, Argument, Catalog, Column, Constraint, Extension, Function, Grant, Index,
    Partition, Policy, Read, Schema, Table, Trigger, Type,
)
from .read import PLATFORM_SCHEMAS, is_platform_schema, project_schemas, read_catalog, read_relations

__all__ = [
    "COMMANDS", "ON_ACTION", "VOLATILITY", "PLATFORM_SCHEMAS", "Argument", "Catalog", "Column", "Constraint",
    "Extension", "Function", "Grant", "Index", "Partition", "Policy", "Read", "Schema", "Table", "Trigger", "Type",
    "is_platform_schema", "project_schemas", "read_catalog", "read_relations",
]
