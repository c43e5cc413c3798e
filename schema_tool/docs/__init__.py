"""schema-tool docs: a reference of every module, generated from the migrated database.

The migrations are applied to a throwaway PostgreSQL, then pg_catalog is read
back through schema_tool.catalog, so the reference can never drift from what
the migrations really build:

- docs/index.md: the modules (the schemas supabase/config.toml exposes), one
  paragraph each;
- docs/<module>.md: tables (columns, keys, foreign keys, indexes, RLS policies
  in plain words, grants, triggers), views, functions and enums;
- ER diagrams as Mermaid (in the page and as docs/<module>*.mmd) and as SVG
  images drawn by Graphviz's `dot` (docs/<module>*.svg);
- docs/schema/<module>.sql: the module's current schema, a normalised
  schema-only pg_dump.

Output is deterministic (everything sorted, no timestamps, OIDs or server
names), so `--check` can compare it with docs/.

    model     the modules, read through the catalog reader
    areas     which tables share a diagram; hub tables
    markdown  the pages
    diagrams  Mermaid and Graphviz sources
    schema_dump  docs/schema/<module>.sql
    files     docs/ on disk: render, --check, write
"""

from .areas import HUB_MIN_REFERENCES, SMALL_AREA, find_areas, find_hubs, tables_created_by
from .diagrams import MMD_HEADER, Diagram, mermaid_type, module_diagrams
from .files import SVG_MARK, DocsResult, build_docs, render_files
from .markdown import MD_HEADER, policy_words, trigger_words
from .schema_dump import SQL_HEADER, normalise
from .model import API_ROLES, Area, Module, Reference, migrate_and_read, read_module

__all__ = [
    "API_ROLES", "HUB_MIN_REFERENCES", "MD_HEADER", "MMD_HEADER", "SMALL_AREA", "SQL_HEADER", "SVG_MARK", "Area", "Diagram",
    "DocsResult", "Module", "Reference", "build_docs", "find_areas", "find_hubs", "mermaid_type",
    "migrate_and_read", "module_diagrams", "normalise", "policy_words", "read_module", "render_files", "tables_created_by",
    "trigger_words",
]

