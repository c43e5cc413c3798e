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

WRITE_OR_READ = ("select", "insert", "update", "delete")


def check(ctx):
    names = []
    for t in ctx.tables(exposed_only=True):
        if not t.rls:
            names.append(c.q(t.schema, t.name))
        # a partition is reachable through the API only with a grant of its own
        names += [c.q(t.schema, p.name) for p in t.partitions if not p.rls and any(
            g.role in (role, "public") and g.privilege in WRITE_OR_READ for g in p.grants
            for role in ("anon", "authenticated"))]
    for name in sorted(names):
        yield RULE.finding(
            f"table {name} is exposed through the API without row level security",
            f"alter table {name} enable row level security; then add policies",
            object=name, match=((name,),),
        )
