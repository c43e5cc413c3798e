"""- **What**: a column of type `char(n)` / `character(n)` (bpchar).
- **Why**: it pads values with spaces to n characters, compares ignoring them,
  and is no faster than `text`; the padding surprises every client.
- **Released files**: checked in files after the release cut-off only (a
  released column's type could only change by rewriting its table).
- **Fix**: `text`, with a `check (char_length(col) <= n)` when the length matters."""

from ...findings import WARNING, rule
from ... import safety

RULE = rule("char-type", "safety", WARNING, "char(n) column", doc=__doc__, squawk=("ban-char-field",))


def check(ctx):
    if ctx.released:
        return
    for st, table, col in safety.column_defs(ctx):
        if safety.type_name(col.get("typeName")) in ("bpchar", "char", "character"):
            yield RULE.finding(f"column {table}.{col['colname']} is char(n), which pads with spaces",
                               "use text with a length check", **ctx.at(st))
