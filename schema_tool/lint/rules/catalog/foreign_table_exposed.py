"""- **What**: a foreign table (`create foreign table`, postgres_fdw, wrappers)
  in an exposed schema that anon or authenticated can select.
- **Why**: foreign tables have no row level security: every remote row is
  readable through the API by whoever holds the grant.
- **Fix**: keep foreign tables in a private schema and serve what clients may
  see through a security invoker view or function over a table with RLS.
- **Example**: `create foreign table app.remote (...) server s;` granted to
  authenticated fails; in `app_private` it passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("foreign-table-exposed", "catalog", ERROR, "foreign table readable through the API", doc=__doc__,
            splinter=("0017",))


def check(ctx):
    for t in ctx.relations([s for s in ctx.schemas if s in ctx.exposed], "f"):
        if t.granted("anon", "select") or t.granted("authenticated", "select"):
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                "foreign table in an exposed schema is readable through the API, and foreign tables have no RLS",
                "move it to a private schema; expose only filtered rows through a view or function",
                object=name, match=((name,),),
            )
