"""- **What**: `alter column ... type` on an existing table.
- **Why**: most type changes rewrite the table under an ACCESS EXCLUSIVE lock,
  and clients reading the old type break.
- **Fix**: new column, dual writes/backfill, switch readers, drop the old one."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("column-type-change", "safety", ERROR, "column type changed on an existing table", doc=__doc__,
            squawk=("changing-column-type",))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        if cmd.get("subtype") == "AT_AlterColumnType":
            yield RULE.finding(
                f"changing the type of {safety.name(node['relation'])}.{cmd.get('name')} rewrites the table and"
                " breaks clients reading it",
                "add a new column, backfill it in batches, switch readers, then drop the old one", **ctx.at(st),
            )
