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


def covers(index, columns: tuple[str, ...]) -> bool:
    """The index's leading columns are the foreign key's, in any order."""
    leading = index.columns[:len(columns)]
    return index.valid and not index.partial and len(leading) == len(columns) and set(leading) == set(columns)


def check(ctx):
    for t in ctx.tables():
        for k in sorted(t.constraints_of("f"), key=lambda k: k.name):
            if any(covers(i, k.columns) for i in t.indexes):
                continue
            name = c.q(t.schema, t.name)
            cols = ", ".join(k.columns)
            yield RULE.finding(
                f"foreign key {k.name} ({cols}) has no index with those leading columns:"
                " deletes on the referenced table scan this one",
                f"create index idx_{t.name}_{'_'.join(k.columns)} on {name} ({cols});",
                object=f"{name}.{k.name}", match=((name, k.name), (name,)),
            )
