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
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and c.relrowsecurity and not c.relispartition
          and n.nspname = any(%(exposed)s) and {c.user_schema()}
          and not exists (select 1 from pg_catalog.pg_policy as p where p.polrelid = c.oid)
        order by 1, 2
        """
    ):
        name = c.q(schema, table)
        yield RULE.finding(
            f"table {name} has RLS enabled but no policy: only service_role can use it",
            "add policies for the roles that need it, or accept with an allow comment if only the backend uses it",
            object=name, match=((name,),),
        )
