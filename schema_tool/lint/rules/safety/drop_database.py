"""- **What**: `drop database` in a migration.
- **Why**: a migration runs against the project's one database; dropping a
  database from it destroys data no migration can bring back (and fails inside
  a transaction anyway).
- **Fix**: remove it; drop databases by hand, deliberately."""

from ...findings import ERROR, rule

RULE = rule("drop-database", "safety", ERROR, "drop database in a migration", doc=__doc__, squawk=("ban-drop-database",))


def check(ctx):
    for st in ctx.stmts:
        if st.kind == "DropdbStmt":
            yield RULE.finding(f"drop database {st.node.get('dbname')} in a migration destroys data for good",
                               "remove it from the migration", **ctx.at(st))
