"""- **What**: a constraint added `not valid` and validated (`alter table ...
  validate constraint`) in the same transactional migration.
- **Why**: the point of `not valid` is to take the strong lock of `add
  constraint` only for a moment and scan the table later under the weaker
  SHARE UPDATE EXCLUSIVE lock of `validate`. In one transaction the strong
  lock is still held while `validate` scans: none of the two-step benefit.
- **Fix**: move `validate constraint` to a later migration (its own file).
- **Example**: `add constraint t_p_fkey ... not valid;` then `validate
  constraint t_p_fkey;` in the same file fails; the validate in the next
  migration passes."""

from ...findings import ERROR, rule

RULE = rule("validate-same-transaction", "safety", ERROR, "constraint added not valid and validated in the same transaction",
            doc=__doc__, squawk=("constraint-missing-not-valid",))


def check(ctx):
    if not ctx.transactional:
        return
    added: set[str] = set()
    for st, node, cmd in ctx.table_cmds(existing_only=False):
        con = (cmd.get("def") or {}).get("Constraint")
        if cmd.get("subtype") == "AT_AddConstraint" and con and con.get("skip_validation") and con.get("conname"):
            added.add(con["conname"].lower())
        elif cmd.get("subtype") == "AT_ValidateConstraint" and (cmd.get("name") or "").lower() in added:
            yield RULE.finding(
                f"constraint {cmd['name']} is validated in the transaction that added it not valid: the lock of"
                " add constraint is held through the validating scan",
                "move `validate constraint` to a later migration", **ctx.at(st),
            )
