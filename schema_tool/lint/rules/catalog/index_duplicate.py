"""- **What**: two indexes on the same table with the same columns, operator
  classes, collations, order, expressions, predicate and access method.
- **Why**: every write maintains both for nothing.
- **Fix**: drop all but one (keep the one backing a constraint).
- **Example**: `idx_notes_slug (slug)` and `idx_notes_slug_again (slug)` fail;
  `(slug)` and `(lower(slug))` pass."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("index-duplicate", "catalog", ERROR, "duplicate indexes", doc=__doc__, splinter=("0009",))


def check(ctx):
    for schema, table, indexes in ctx.rows(
        f"""
        select n.nspname, c.relname, array_agg(ic.relname::text order by ic.relname)
        from pg_catalog.pg_index as i
        join pg_catalog.pg_class as ic on ic.oid = i.indexrelid
        join pg_catalog.pg_class as c on c.oid = i.indrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where {c.user_schema()}
        group by n.nspname, c.relname, i.indrelid, i.indkey::text, i.indclass::text,
                 i.indcollation::text, i.indoption::text, ic.relam,
                 coalesce(pg_catalog.pg_get_expr(i.indexprs, i.indrelid), ''),
                 coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '')
        having count(*) > 1
        order by 1, 2, 3
        """
    ):
        name = c.q(schema, table)
        yield RULE.finding(
            f"indexes {', '.join(indexes)} on {name} are identical: every write maintains both",
            "drop all but one of them (keep the one backing a constraint)",
            object=f"{name} ({', '.join(indexes)})", match=tuple((i,) for i in indexes),
        )
