"""- **What**: a view or materialized view in an exposed schema that reads `auth.users`.
- **Why**: emails, phone numbers and metadata of every user can leak through the API.
- **Fix**: read a profile table; keep auth.users views in a private schema.
- **Example**: `create view app.people ... from auth.users` fails; in `app_private` it passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("view-auth-users", "catalog", ERROR, "view in an exposed schema exposes auth.users", doc=__doc__,
            splinter=("0002",))


def check(ctx):
    for schema, view in ctx.rows(
        c.VIEW_DEPENDENCIES
        + f"""
        select distinct n.nspname, v.relname
        from pg_catalog.pg_class as v
        join pg_catalog.pg_namespace as n on n.oid = v.relnamespace
        join deps on deps.view_oid = v.oid
        where v.relkind in ('v', 'm') and n.nspname = any(%(exposed)s) and {c.user_schema()}
          and deps.rel_oid = 'auth.users'::regclass
        order by 1, 2
        """
    ):
        name = c.q(schema, view)
        yield RULE.finding(
            "view in an exposed schema reads auth.users: emails and metadata of every user can leak",
            "read a profile table instead, or move the view to a private schema", object=name, match=((name,),),
        )
