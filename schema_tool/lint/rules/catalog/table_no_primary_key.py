"""- **What**: a table (any project schema) without a primary key.
- **Why**: no row identity for the API, upserts or logical replication.
- **Fix**: add one (`id bigint generated always as identity primary key`).
- **Example**: `create table app_private.log (message text);` fails."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("table-no-primary-key", "catalog", ERROR, "table without a primary key", doc=__doc__, splinter=("0004",))


def check(ctx):
    for t in ctx.tables():
        if t.primary_key is None:
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                f"table {name} has no primary key",
                "add a primary key (replication, upserts and the API's row identity need one)",
                object=name, match=((name,),),
            )
