"""- **What**: dropping an existing table.
- **Why**: destroys data and breaks every client, view and function still using it.
- **Fix**: stop using it in a release first; drop it in a later migration with
  an allow comment giving the reason."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("drop-table", "safety", ERROR, "existing table dropped", doc=__doc__, squawk=("ban-drop-table",))


def check(ctx):
    for st in ctx.stmts:
        if st.kind != "DropStmt" or st.node.get("removeType") != "OBJECT_TABLE":
            continue
        for obj in st.node.get("objects") or ():
            key = safety.names(obj.get("List", {}).get("items"))
            if ctx.existed(key):
                name = ".".join(p for p in key if p)
                yield RULE.finding(
                    f"dropping existing table {name} destroys its data and breaks its clients",
                    "stop using it in a release first; drop it later with an allow comment giving the reason",
                    **ctx.at(st),
                )
