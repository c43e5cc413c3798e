"""- **What**: `create table`, `alter table` or `drop table` naming a table
  without its schema.
- **Why**: the session's search_path decides which table it is, and the
  Supabase CLI, `schema-tool migrate` and a psql session can have different
  ones: a migration that means `learning.courses` may create `public.courses`.
- **Fix**: qualify it: `create table learning.courses (...)`."""

from ...findings import ERROR, rule

RULE = rule("unqualified-table", "safety", ERROR, "table named without its schema", doc=__doc__,
            squawk=("require-table-schema",))


def _relations(st):
    node = st.node
    if st.kind in ("CreateStmt", "AlterTableStmt"):
        yield node.get("relation") or {}
    elif st.kind == "CreateTableAsStmt" and node.get("into"):
        yield node["into"].get("rel") or {}
    elif st.kind == "DropStmt" and node.get("removeType") == "OBJECT_TABLE":
        for obj in node.get("objects") or ():
            items = obj.get("List", {}).get("items") or ()
            yield {"schemaname": "x" if len(items) > 1 else None, "relname": "?"}


def check(ctx):
    for st in ctx.stmts:
        for rv in _relations(st):
            if rv and not rv.get("schemaname") and rv.get("relpersistence") != "t":
                yield RULE.finding("table named without its schema: the search_path decides which one it is",
                                   "qualify the name with its schema", **ctx.at(st))
                break
