"""- **What**: `create index concurrently`, `drop index concurrently`, `reindex
  ... concurrently` or `detach partition ... concurrently` in a transactional
  migration.
- **Why**: Postgres refuses to run it inside a transaction block: the migration fails.
- **Fix**: drop `concurrently` (see `index-not-concurrent`); or, for a repository
  applied only by `schema-tool migrate`, move it to a file marked `-- schema-tool:
  no-transaction` (see `no-transaction-file`)."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("concurrently-in-transaction", "safety", ERROR, "concurrently inside a transactional migration",
            doc=__doc__, squawk=("ban-concurrent-index-creation-in-transaction",))


def _concurrent(st) -> str | None:
    node = st.node
    if st.kind == "IndexStmt" and node.get("concurrent"):
        return f"create index concurrently on {safety.name(node['relation'])}"
    if st.kind == "DropStmt" and node.get("removeType") == "OBJECT_INDEX" and node.get("concurrent"):
        return "drop index concurrently"
    if st.kind == "ReindexStmt" and any(
        o.get("DefElem", {}).get("defname") == "concurrently" for o in node.get("params") or ()
    ):
        return "reindex concurrently"
    if st.kind == "AlterTableStmt":
        for cmd in node.get("cmds") or ():
            c = cmd.get("AlterTableCmd", {})
            if c.get("subtype") == "AT_DetachPartition" and c.get("def", {}).get("PartitionCmd", {}).get("concurrent"):
                return "detach partition concurrently"
    return None


def check(ctx):
    if not ctx.transactional:
        return
    for st in ctx.stmts:
        what = _concurrent(st)
        if what:
            yield RULE.finding(f"{what} cannot run inside the migration's transaction",
                               safety.NO_TRANSACTION_HINT, **ctx.at(st))
