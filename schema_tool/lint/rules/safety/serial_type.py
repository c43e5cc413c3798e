"""- **What**: a column of a `serial` type (`serial`, `bigserial`, `smallserial`).
- **Why**: serial is a default on a separately owned sequence: grants, copies
  (`create table ... like`) and dumps treat the sequence apart, and any client
  can insert its own id. An identity column is the standard form.
- **Released files**: checked in files after the release cut-off only.
- **Fix**: `bigint generated always as identity`."""

from ...findings import WARNING, rule
from ... import safety

RULE = rule("serial-type", "safety", WARNING, "serial column instead of identity", doc=__doc__,
            squawk=("prefer-identity",))


def check(ctx):
    if ctx.released:
        return
    for st, table, col in safety.column_defs(ctx):
        if safety.type_name(col.get("typeName")) in safety.SERIAL_TYPES:
            yield RULE.finding(f"column {table}.{col['colname']} is serial", "use bigint generated always as identity",
                               **ctx.at(st))
