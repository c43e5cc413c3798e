"""- **What**: a table in an exposed schema without row level security (a
  partition only when it has grants of its own).
- **Why**: PostgREST serves it to anyone holding a grant; with RLS off every
  row is visible/writable.
- **Fix**: `alter table s.t enable row level security;` and add policies.
- **Example**: `create table app.notes (id bigint primary key);` in exposed
  `app` fails; add `alter table app.notes enable row level security;` and it passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("rls-disabled", "catalog", ERROR, "table in an exposed schema without RLS", doc=__doc__,
            splinter=("0013",))


def check(ctx):
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p')
          and n.nspname = any(%(exposed)s) and {c.user_schema()}
          and not c.relrowsecurity and {c.NOT_EXTENSION_MEMBER.format(oid='c.oid')}
          and (
              -- a partition is reachable through the API only with a grant of its own
              not c.relispartition
              or pg_catalog.has_table_privilege('anon', c.oid, 'select, insert, update, delete')
              or pg_catalog.has_table_privilege('authenticated', c.oid, 'select, insert, update, delete')
          )
        order by 1, 2
        """
    ):
        name = c.q(schema, table)
        yield RULE.finding(
            f"table {name} is exposed through the API without row level security",
            f"alter table {name} enable row level security; then add policies",
            object=name, match=((name,),),
        )
