"""- **What**: a column of type `varchar(n)` / `character varying(n)`.
- **Why**: raising n later is cheap only in some cases and lowering it
  rewrites the table under an ACCESS EXCLUSIVE lock, while a check constraint
  can be replaced with `not valid` + `validate` (see `constraint-not-valid`).
- **Released files**: checked in files after the release cut-off only.
- **Fix**: `text` with `check (char_length(col) <= n)`."""

from ...findings import WARNING, rule
from ... import safety

RULE = rule("varchar-length", "safety", WARNING, "varchar(n) column", doc=__doc__, squawk=("prefer-text-field",))


def check(ctx):
    if ctx.released:
        return
    for st, table, col in safety.column_defs(ctx):
        tn = col.get("typeName")
        if safety.type_name(tn) == "varchar" and safety.type_modifiers(tn):
            yield RULE.finding(f"column {table}.{col['colname']} is varchar(n): changing n later can lock the table",
                               "use text with `check (char_length(col) <= n)`", **ctx.at(st))
