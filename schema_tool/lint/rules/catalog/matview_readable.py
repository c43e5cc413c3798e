"""- **What**: a materialized view that anon or authenticated can select
  (privilege on it and usage on its schema).
- **Why**: materialized views have no RLS: every row is visible.
- **Fix**: revoke select from anon and authenticated; serve it through a
  function or view that filters.
- **Example**: `grant select on app.totals to authenticated;` fails."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("matview-readable", "catalog", ERROR, "materialized view readable by anon/authenticated", doc=__doc__,
            splinter=("0016",))


def check(ctx):
    for schema, view, roles in ctx.rows(
        f"""
        select n.nspname, c.relname,
               array(
                   select r from unnest(array['anon', 'authenticated']) as r
                   where pg_catalog.has_table_privilege(r, c.oid, 'select')
                     and pg_catalog.has_schema_privilege(r, n.oid, 'usage')
               )
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind = 'm' and {c.user_schema()}
        order by 1, 2
        """
    ):
        if roles:
            name = c.q(schema, view)
            yield RULE.finding(
                f"materialized view is readable by {', '.join(roles)}: it has no RLS, every row is visible",
                f"revoke select on {name} from anon, authenticated; serve it through a security invoker function"
                " or view that filters rows", object=name, match=((name,),),
            )
