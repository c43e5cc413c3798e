"""- **What**: renaming an existing table.
- **Why**: every deployed client using the old name breaks at once.
- **Fix**: expand/contract: add the new name (a view, or a new table written by
  both), migrate clients, then drop the old one."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("rename-table", "safety", ERROR, "existing table renamed", doc=__doc__, squawk=("renaming-table",))


def check(ctx):
    for st in ctx.stmts:
        node = st.node
        if st.kind == "RenameStmt" and node.get("renameType") == "OBJECT_TABLE" and node.get("relation") \
                and ctx.existing(node["relation"]):
            yield RULE.finding(
                f"renaming existing table {safety.name(node['relation'])} to {node['newname']} breaks clients using"
                " the old name",
                "create the new name as a view or new table, migrate clients, then drop the old one", **ctx.at(st),
            )
