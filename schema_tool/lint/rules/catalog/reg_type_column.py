"""- **What**: a table column of a `reg*` type that stores an object id
  (`regproc`, `regprocedure`, `regoper`, `regoperator`, `regconfig`,
  `regdictionary`, `regnamespace`, `regcollation`).
- **Why**: the stored value is an OID, which `pg_upgrade` does not carry over
  for these types: it refuses to upgrade a database that has such a column,
  which blocks Supabase's Postgres upgrades of the project.
- **Fix**: store the name as `text` (cast with `::regproc` when reading).
  (`regclass`, `regtype` and `regrole` are fine: pg_upgrade keeps them.)
- **Example**: `parser regconfig` fails; `parser text` passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("reg-type-column", "catalog", ERROR, "column of a reg* type pg_upgrade cannot keep", doc=__doc__,
            splinter=("0018",))

TYPES = ["regcollation", "regconfig", "regdictionary", "regnamespace", "regoper", "regoperator", "regproc",
         "regprocedure"]


def check(ctx):
    for t in ctx.catalog.relations("r", "p", "m"):
        for col in sorted(t.columns, key=lambda col: col.name):
            # element_type is unqualified exactly for the types of pg_catalog
            if col.element_type in TYPES and not col.is_array:
                name = c.q(t.schema, t.name)
                yield RULE.finding(
                    f"column {col.name} is {col.element_type}: pg_upgrade refuses a database with such a column",
                    "store the name as text instead", object=f"{name}.{col.name}", match=((name, col.name),),
                )
