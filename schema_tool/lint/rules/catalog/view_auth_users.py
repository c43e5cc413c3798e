"""- **What**: a view or materialized view in an exposed schema that reads `auth.users`.
- **Why**: emails, phone numbers and metadata of every user can leak through the API.
- **Fix**: read a profile table; keep auth.users views in a private schema.
- **Example**: `create view app.people ... from auth.users` fails; in `app_private` it passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("view-auth-users", "catalog", ERROR, "view in an exposed schema exposes auth.users", doc=__doc__,
            splinter=("0002",))


def check(ctx):
    for t in ctx.catalog.relations("v", "m"):
        if t.schema in ctx.exposed and any((r.schema, r.name) == ("auth", "users") for r in t.reads):
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                "view in an exposed schema reads auth.users: emails and metadata of every user can leak",
                "read a profile table instead, or move the view to a private schema", object=name, match=((name,),),
            )
