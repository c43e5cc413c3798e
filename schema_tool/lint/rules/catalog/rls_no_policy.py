"""- **What**: RLS enabled on a table in an exposed schema, but no policy.
- **Why**: only service_role can use it; usually a forgotten policy.
  Deliberate for backend-only tables: accept with an allow comment.
- **Fix**: add policies for the roles that need it.
- **Example**: RLS on `app.notes` with no policy fails; with `create policy
  "notes: authenticated can select" on app.notes for select to authenticated
  using (true);` it passes."""

from ...findings import WARNING, rule
from ... import catalog as c

RULE = rule("rls-no-policy", "catalog", WARNING, "RLS enabled without any policy", doc=__doc__, splinter=("0008",))


def check(ctx):
    for t in ctx.tables(exposed_only=True):
        if t.rls and not t.policies:
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                f"table {name} has RLS enabled but no policy: only service_role can use it",
                "add policies for the roles that need it, or accept with an allow comment if only the backend uses it",
                object=name, match=((name,),),
            )
