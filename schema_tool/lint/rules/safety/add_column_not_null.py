"""- **What**: `add column ... not null` without a default (and not
  identity/generated/serial) on an existing table.
- **Why**: fails on any table that has rows.
- **Fix**: a constant default (`default 0`), or add it nullable, backfill, then set not null safely."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("add-column-not-null", "safety", ERROR, "not null column added without a default", doc=__doc__,
            squawk=("adding-required-field",))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        col = (cmd.get("def") or {}).get("ColumnDef")
        if cmd.get("subtype") != "AT_AddColumn" or not col:
            continue
        types = {c.get("contype") for c in safety.constraints(col)}
        serial = safety.type_name(col.get("typeName")) in safety.SERIAL_TYPES
        if "CONSTR_NOTNULL" in types and not types & {"CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED"} and not serial:
            yield RULE.finding(
                f"adding not null column {safety.name(node['relation'])}.{col.get('colname')} without a default"
                " fails on a table with rows",
                "give it a constant default, or add it nullable, backfill, then set not null safely", **ctx.at(st),
            )
