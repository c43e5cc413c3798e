"""- **What**: `alter table ... detach partition` without `concurrently` on an
  existing partitioned table.
- **Why**: it takes an ACCESS EXCLUSIVE lock on the parent table: every read
  and write of the whole partitioned table waits until the migration commits.
- **Fix**: `concurrently` cannot run in a transaction (see
  `concurrently-in-transaction`, and the Supabase CLI runs every file in one):
  detach concurrently by hand, or in a function a scheduled job calls, and
  keep the migration for the definition; accept a short lock with an allow
  comment giving the table's size."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("detach-partition", "safety", ERROR, "detach partition without concurrently", doc=__doc__,
            squawk=("require-concurrent-partition-detach",))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        part = (cmd.get("def") or {}).get("PartitionCmd", {})
        if cmd.get("subtype") == "AT_DetachPartition" and not part.get("concurrent"):
            yield RULE.finding(
                f"detach partition locks all of {safety.name(node['relation'])} (ACCESS EXCLUSIVE) until the"
                " migration commits",
                "detach concurrently outside the migration's transaction, or accept a short lock with an allow comment",
                **ctx.at(st),
            )
