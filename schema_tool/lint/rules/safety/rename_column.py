"""- **What**: renaming a column of an existing table.
- **Why**: every deployed client using the old name breaks at once.
- **Fix**: expand/contract: add the new column (written by both), migrate
  readers, then drop the old one."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("rename-column", "safety", ERROR, "column of an existing table renamed", doc=__doc__,
            squawk=("renaming-column",))


def check(ctx):
    for st in ctx.stmts:
        node = st.node
        if st.kind == "RenameStmt" and node.get("renameType") == "OBJECT_COLUMN" and node.get("relation") \
                and ctx.existing(node["relation"]):
            yield RULE.finding(
                f"renaming {safety.name(node['relation'])}.{node.get('subname')} to {node['newname']} breaks clients"
                " using the old name",
                "add the new column, write both, migrate readers, then drop the old column", **ctx.at(st),
            )
