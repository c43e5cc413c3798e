"""- **What**: `alter domain ... add constraint` without `not valid`.
- **Why**: Postgres checks every column of every table that uses the domain,
  holding locks on all of them; the domain cannot be changed step by step as a
  table constraint can.
- **Fix**: add it `not valid` and `alter domain ... validate constraint` in a
  later migration, or add a check constraint (`not valid`) to the tables
  instead."""

from ...findings import ERROR, rule

RULE = rule("domain-add-constraint", "safety", ERROR, "constraint added to a domain without not valid", doc=__doc__,
            squawk=("ban-alter-domain-with-add-constraint",))


def check(ctx):
    for st in ctx.stmts:
        node = st.node
        if st.kind == "AlterDomainStmt" and node.get("subtype") == "C":
            con = (node.get("def") or {}).get("Constraint", {})
            if not con.get("skip_validation"):
                yield RULE.finding(
                    "adding a constraint to a domain checks every column that uses it, locking their tables",
                    "add it `not valid` and validate it in a later migration", **ctx.at(st),
                )
