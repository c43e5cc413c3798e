"""- **What**: `alter column ... drop not null` on an existing table.
- **Why**: clients (and views, functions, generated types) that rely on the
  column never being null break when a null arrives.
- **Fix**: make sure every reader copes with null first; accept with an allow
  comment saying so."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("drop-not-null", "safety", ERROR, "drop not null on an existing column", doc=__doc__,
            squawk=("ban-drop-not-null",))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        if cmd.get("subtype") == "AT_DropNotNull":
            yield RULE.finding(
                f"drop not null on {safety.name(node['relation'])}.{cmd.get('name')}: readers that assume a value break",
                "update every reader to handle null first, then accept with an allow comment", **ctx.at(st),
            )
