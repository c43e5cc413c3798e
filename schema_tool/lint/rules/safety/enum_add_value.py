"""- **What**: `alter type ... add value ... before/after` on an existing enum.
- **Why**: an existing comparison such as `status < 'approved'` starts matching
  the new value, so ordering comparisons change meaning. Appending a value (no
  before/after) is safe. An enum created in the same migration is exempt.
- **Fix**: append at the end, or accept with an allow comment when no query
  compares the enum's order."""

from ...findings import WARNING, rule
from ... import safety

RULE = rule("enum-add-value", "safety", WARNING, "enum value inserted before/after another", doc=__doc__)


def check(ctx):
    created = set()
    for st in ctx.stmts:
        if st.kind == "CreateEnumStmt":
            created.add(safety.names(st.node["typeName"]))
        elif st.kind == "AlterEnumStmt" and st.node.get("newVal") is not None and not st.node.get("oldVal") \
                and st.node.get("newValNeighbor") and safety.names(st.node["typeName"]) not in created:
            node = st.node
            type_name = ".".join(p for p in safety.names(node["typeName"]) if p)
            yield RULE.finding(
                f"enum value '{node['newVal']}' is inserted {'after' if node.get('newValIsAfter') else 'before'}"
                f" '{node['newValNeighbor']}' in {type_name}: existing ordering comparisons change meaning",
                "append the value at the end (no before/after), or accept with an allow comment", **ctx.at(st),
            )
