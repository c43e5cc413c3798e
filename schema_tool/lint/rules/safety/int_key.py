"""- **What**: a primary key, identity or serial column of type `integer` or
  `smallint`.
- **Why**: a key that runs out (2^31 rows over a table's life, counting
  rolled-back inserts) stops every insert, and widening it later rewrites the
  table and every table referencing it. (squawk's rules flag every int
  column; a counter or a score in `integer` is fine, a key is what grows.)
- **Released files**: checked in files after the release cut-off only.
- **Fix**: `bigint generated always as identity`."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("int-key", "safety", ERROR, "integer or smallint key", doc=__doc__,
            squawk=("prefer-bigint-over-int", "prefer-bigint-over-smallint"))

SMALL = {"int4", "int2", "integer", "smallint", "serial", "serial4", "smallserial", "serial2"}


def _primary_columns(st) -> set[str]:
    cols = set()
    for elt in st.node.get("tableElts") or ():
        con = elt.get("Constraint")
        if con and con.get("contype") == "CONSTR_PRIMARY":
            cols |= set(safety.strings(con.get("keys")))
    return cols


def check(ctx):
    if ctx.released:
        return
    for st, table, col in safety.column_defs(ctx):
        t = safety.type_name(col.get("typeName"))
        if t not in SMALL:
            continue
        kinds = {c.get("contype") for c in safety.constraints(col)}
        is_key = (t.startswith(("serial", "smallserial")) or kinds & {"CONSTR_PRIMARY", "CONSTR_IDENTITY"}
                  or (st.kind == "CreateStmt" and col["colname"] in _primary_columns(st)))
        if is_key:
            yield RULE.finding(f"key column {table}.{col['colname']} is {t}: it can run out",
                               "use bigint generated always as identity", **ctx.at(st))
