"""- **What**: `truncate ... cascade`.
- **Why**: it empties every table that references the truncated one, through
  every foreign key, recursively: far more than the statement names.
- **Fix**: truncate the tables you mean, by name."""

from ...findings import ERROR, rule

RULE = rule("truncate-cascade", "safety", ERROR, "truncate cascade", doc=__doc__, squawk=("ban-truncate-cascade",))


def check(ctx):
    for st in ctx.stmts:
        if st.kind == "TruncateStmt" and st.node.get("behavior") == "DROP_CASCADE":
            yield RULE.finding("truncate ... cascade also empties every table that references these, recursively",
                               "name every table to empty and drop cascade", **ctx.at(st))
