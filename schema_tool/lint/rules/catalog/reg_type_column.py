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
    for schema, table, column, type_name in ctx.rows(
        f"""
        select n.nspname, c.relname, a.attname, t.typname
        from pg_catalog.pg_attribute as a
        join pg_catalog.pg_class as c on c.oid = a.attrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        join pg_catalog.pg_type as t on t.oid = a.atttypid
        where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'm')
          and t.typname = any(%(types)s) and t.typnamespace = 'pg_catalog'::regnamespace
          and {c.user_schema()}
        order by 1, 2, 3
        """,
        types=TYPES,
    ):
        name = c.q(schema, table)
        yield RULE.finding(
            f"column {column} is {type_name}: pg_upgrade refuses a database with such a column",
            "store the name as text instead", object=f"{name}.{column}", match=((name, column),),
        )
