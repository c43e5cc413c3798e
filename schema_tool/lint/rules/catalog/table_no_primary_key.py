"""- **What**: a table (any project schema) without a primary key.
- **Why**: no row identity for the API, upserts or logical replication.
- **Fix**: add one (`id bigint generated always as identity primary key`).
- **Example**: `create table app_private.log (message text);` fails."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("table-no-primary-key", "catalog", ERROR, "table without a primary key", doc=__doc__, splinter=("0004",))


def check(ctx):
    for schema, table in ctx.rows(
        f"""
        select n.nspname, c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition and {c.user_schema()}
          and {c.NOT_EXTENSION_MEMBER.format(oid='c.oid')}
          and not exists (
              select 1 from pg_catalog.pg_constraint as k
              where k.conrelid = c.oid and k.contype = 'p'
          )
        order by 1, 2
        """
    ):
        name = c.q(schema, table)
        yield RULE.finding(
            f"table {name} has no primary key",
            "add a primary key (replication, upserts and the API's row identity need one)",
            object=name, match=((name,),),
        )
