"""- **What**: a table has policies but RLS is off.
- **Why**: the policies look like protection but are ignored.
- **Fix**: `alter table ... enable row level security;`.
- **Example**: `create policy ... on app.notes ...` without enabling RLS fails."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("policy-rls-disabled", "catalog", ERROR, "policies present while RLS is off", doc=__doc__,
            splinter=("0007",))


def check(ctx):
    for t in ctx.tables():
        if t.policies and not t.rls:
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                f"table {name} has policies but row level security is off, so they are ignored",
                f"alter table {name} enable row level security", object=name, match=((name,),),
            )
