"""- **What**: `alter table ... add constraint` of a foreign key or check on an
  existing table without `not valid`.
- **Why**: validating scans the whole table while holding a lock that blocks
  writes (a foreign key also locks the referenced table).
- **Fix**: add it `not valid`; `alter table ... validate constraint ...` in a
  later migration (see `validate-same-transaction`: it takes a weaker lock).
- **Example**: `add constraint t_a_check check (a > 0);` fails; `... not valid;` passes."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("constraint-not-valid", "safety", ERROR, "foreign key or check added to an existing table without not valid",
            doc=__doc__, squawk=("adding-foreign-key-constraint", "constraint-missing-not-valid"))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        con = (cmd.get("def") or {}).get("Constraint")
        if cmd.get("subtype") != "AT_AddConstraint" or not con:
            continue
        if con.get("contype") in ("CONSTR_FOREIGN", "CONSTR_CHECK") and not con.get("skip_validation"):
            kind = "foreign key" if con["contype"] == "CONSTR_FOREIGN" else "check constraint"
            name = f" {con['conname']}" if con.get("conname") else ""
            yield RULE.finding(
                f"adding {kind}{name} to existing table {safety.name(node['relation'])} scans it while holding a lock",
                "add it `not valid`, then `alter table ... validate constraint ...` in a later migration",
                **ctx.at(st),
            )
