"""- **What**: `alter column ... set not null` on an existing table.
- **Why**: scans the table under an ACCESS EXCLUSIVE lock (blocks reads and writes).
- **Fix**: `add constraint ... check (col is not null) not valid`, validate it
  in a later migration, then `set not null` (Postgres 12+ uses the valid
  constraint and skips the scan) — accept that last step with an allow comment."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("set-not-null", "safety", ERROR, "set not null on an existing column", doc=__doc__,
            squawk=("adding-not-nullable-field",))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        if cmd.get("subtype") == "AT_SetNotNull":
            yield RULE.finding(
                f"set not null on {safety.name(node['relation'])}.{cmd.get('name')} scans the whole table under an"
                " ACCESS EXCLUSIVE lock",
                "add `check (col is not null) not valid`, validate it in a later migration, then set not null",
                **ctx.at(st),
            )
