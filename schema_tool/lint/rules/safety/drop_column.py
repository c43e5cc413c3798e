"""- **What**: dropping a column of an existing table.
- **Why**: destroys data and breaks every client, view and function still using it.
- **Fix**: stop using it in a release first; drop it in a later migration with
  an allow comment giving the reason."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("drop-column", "safety", ERROR, "column dropped from an existing table", doc=__doc__,
            squawk=("ban-drop-column",))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        if cmd.get("subtype") == "AT_DropColumn":
            yield RULE.finding(
                f"dropping {safety.name(node['relation'])}.{cmd.get('name')} breaks every client and view still using it",
                "stop using the column in a release first; drop it in a later migration with an allow comment",
                **ctx.at(st),
            )
