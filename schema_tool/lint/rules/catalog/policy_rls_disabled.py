"""- **What**: a table has policies but RLS is off.
- **Why**: the policies look like protection but are ignored.
- **Fix**: `alter table ... enable row level security;`.
- **Example**: `create policy ... on app.notes ...` without enabling RLS fails."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("policy-rls-disabled", "catalog", ERROR, "policies present while RLS is off", doc=__doc__,
            splinter=("0007",))


def check(ctx):
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relrowsecurity and {c.user_schema()}
          and exists (select 1 from pg_catalog.pg_policy as p where p.polrelid = c.oid)
        order by 1, 2
        """
    ):
        name = c.q(schema, table)
        yield RULE.finding(
            f"table {name} has policies but row level security is off, so they are ignored",
            f"alter table {name} enable row level security", object=name, match=((name,),),
        )
