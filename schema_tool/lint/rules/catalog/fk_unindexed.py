"""- **What**: a foreign key whose columns are not the leading columns (in any
  order) of a valid, non-partial index.
- **Why**: deleting/updating a referenced row scans the referencing table;
  joins on the key are slow.
- **Fix**: `create index idx_<table>_<cols> on s.t (<cols>);` (the message gives it).
- **Example**: `user_id uuid references auth.users (id)` without an index
  fails; `create index idx_notes_user_id_id on app.notes (user_id, id);` passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("fk-unindexed", "catalog", ERROR, "foreign key without a covering index", doc=__doc__, splinter=("0001",))


def check(ctx):
    for schema, table, constraint, columns in ctx.rows(
        f"""
        select n.nspname, c.relname, k.conname,
               array(
                   select a.attname
                   from unnest(k.conkey) with ordinality as u(attnum, ord)
                   join pg_catalog.pg_attribute as a on a.attrelid = k.conrelid and a.attnum = u.attnum
                   order by u.ord
               )
        from pg_catalog.pg_constraint as k
        join pg_catalog.pg_class as c on c.oid = k.conrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where k.contype = 'f' and not c.relispartition and {c.user_schema()}
          and {c.NOT_EXTENSION_MEMBER.format(oid='c.oid')}
          and not exists (
              select 1
              from pg_catalog.pg_index as i
              where i.indrelid = k.conrelid and i.indisvalid and i.indpred is null
                and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] @> k.conkey
                and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] <@ k.conkey
          )
        order by 1, 2, 3
        """
    ):
        name = c.q(schema, table)
        cols = ", ".join(columns)
        yield RULE.finding(
            f"foreign key {constraint} ({cols}) has no index with those leading columns:"
            " deletes on the referenced table scan this one",
            f"create index idx_{table}_{'_'.join(columns)} on {name} ({cols});",
            object=f"{name}.{constraint}", match=((name, constraint), (name,)),
        )
