"""- **What**: `alter type ... add value` on an existing enum, and the new value
  used later in the same transactional migration.
- **Why**: Postgres fails with 55P04 ("unsafe use of new value") until the
  transaction that added the value commits.
- **Fix**: use the value in the next migration. An enum created in the same
  migration is exempt."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("enum-value-same-transaction", "safety", ERROR, "new enum value used in the transaction that adds it",
            doc=__doc__)


def check(ctx):
    if not ctx.transactional:
        return
    created = set()
    for i, st in enumerate(ctx.stmts):
        node = st.node
        if st.kind == "CreateEnumStmt":
            created.add(safety.names(node["typeName"]))
        elif st.kind == "AlterEnumStmt" and node.get("newVal") is not None and not node.get("oldVal") \
                and safety.names(node["typeName"]) not in created:
            literal = "'" + node["newVal"].replace("'", "''") + "'"
            if any(literal in ctx.text(other) for other in ctx.stmts[i + 1 :]):
                type_name = ".".join(p for p in safety.names(node["typeName"]) if p)
                yield RULE.finding(
                    f"enum value {literal} added to {type_name} is used in the same transaction (fails with 55P04)",
                    "use the new value in a later migration (or mark this file `-- schema-tool: no-transaction`)",
                    **ctx.at(st),
                )
