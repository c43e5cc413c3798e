"""- **What**: `reindex` without `concurrently`.
- **Why**: rebuilding an index blocks writes to its table (and reads that would
  use the index) until the migration commits.
- **Fix**: `reindex ... concurrently`, outside a transaction: by hand, not in
  a migration (the Supabase CLI runs every file in one transaction)."""

from ...findings import ERROR, rule

RULE = rule("reindex-not-concurrent", "safety", ERROR, "reindex without concurrently", doc=__doc__,
            squawk=("require-concurrent-reindex",))


def check(ctx):
    for st in ctx.stmts:
        if st.kind == "ReindexStmt" and not any(
            o.get("DefElem", {}).get("defname") == "concurrently" for o in st.node.get("params") or ()
        ):
            yield RULE.finding("reindex blocks writes to the table until the migration commits",
                               "run `reindex ... concurrently` by hand, outside the migrations", **ctx.at(st))
