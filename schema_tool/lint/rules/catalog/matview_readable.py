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
    usage = {s.name: s for s in ctx.catalog.schemas}
    for t in ctx.catalog.relations("m"):
        schema = usage.get(t.schema)
        roles = [r for r in ("anon", "authenticated") if t.granted(r, "select") and schema is not None
                 and any(g.role in (r, "public") and g.privilege == "usage" for g in schema.grants)]
        if roles:
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                f"materialized view is readable by {', '.join(roles)}: it has no RLS, every row is visible",
                f"revoke select on {name} from anon, authenticated; serve it through a security invoker function"
                " or view that filters rows", object=name, match=((name,),),
            )
