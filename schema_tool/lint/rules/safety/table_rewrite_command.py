"""- **What**: `vacuum full` or `cluster` in a migration.
- **Why**: both rewrite the table under an ACCESS EXCLUSIVE lock: reads and
  writes wait for the whole rewrite (and `vacuum` cannot run in a transaction
  block at all).
- **Fix**: run them by hand in a maintenance window, or use an online tool
  (pg_repack, or `repack concurrently` from Postgres 19)."""

from ...findings import ERROR, rule

RULE = rule("table-rewrite-command", "safety", ERROR, "vacuum full or cluster in a migration", doc=__doc__,
            squawk=("prefer-repack",))


def check(ctx):
    for st in ctx.stmts:
        full = st.kind == "VacuumStmt" and any(
            o.get("DefElem", {}).get("defname") == "full" for o in st.node.get("options") or ()
        )
        if full or st.kind == "ClusterStmt":
            what = "vacuum full" if full else "cluster"
            yield RULE.finding(f"{what} rewrites the table under an ACCESS EXCLUSIVE lock",
                               "run it by hand in a maintenance window, or use pg_repack", **ctx.at(st))
