"""- **What**: two indexes on the same table with the same columns, operator
  classes, collations, order, expressions, predicate and access method.
- **Why**: every write maintains both for nothing.
- **Fix**: drop all but one (keep the one backing a constraint).
- **Example**: `idx_notes_slug (slug)` and `idx_notes_slug_again (slug)` fail;
  `(slug)` and `(lower(slug))` pass."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("index-duplicate", "catalog", ERROR, "duplicate indexes", doc=__doc__, splinter=("0009",))


def check(ctx):
    for t in ctx.catalog.tables:
        same: dict[str, list[str]] = {}
        for index in t.indexes:  # the same method, keys, operator classes, order and predicate
            same.setdefault(index.method_and_keys, []).append(index.name)
        for indexes in sorted(names for names in same.values() if len(names) > 1):
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                f"indexes {', '.join(indexes)} on {name} are identical: every write maintains both",
                "drop all but one of them (keep the one backing a constraint)",
                object=f"{name} ({', '.join(indexes)})", match=tuple((i,) for i in indexes),
            )
