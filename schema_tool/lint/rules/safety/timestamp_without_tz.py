"""- **What**: a column of type `timestamp` (without time zone).
- **Why**: it stores a wall-clock reading without saying where: the same
  instant reads differently per session time zone, and comparisons with
  `now()` convert using the session's zone.
- **Released files**: checked in files after the release cut-off only.
- **Fix**: `timestamptz`."""

from ...findings import WARNING, rule
from ... import safety

RULE = rule("timestamp-without-tz", "safety", WARNING, "timestamp without time zone column", doc=__doc__,
            squawk=("prefer-timestamptz",))


def check(ctx):
    if ctx.released:
        return
    for st, table, col in safety.column_defs(ctx):
        if safety.type_name(col.get("typeName")) == "timestamp":
            yield RULE.finding(f"column {table}.{col['colname']} is timestamp without time zone",
                               "use timestamptz", **ctx.at(st))
