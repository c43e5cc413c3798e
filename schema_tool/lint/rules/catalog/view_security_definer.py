"""- **What**: a view in an exposed schema, without `security_invoker = true`,
  that reads (directly or through other views) a table with RLS.
- **Why**: the view runs with its owner's rights and bypasses the table's RLS.
- **Fix**: `create view ... with (security_invoker = true) as ...`.
- **Example**: `create view app.note_ids as select id from app.notes;` fails;
  `with (security_invoker = true)` passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("view-security-definer", "catalog", ERROR, "view without security_invoker over RLS tables", doc=__doc__,
            splinter=("0010",))


def check(ctx):
    for t in ctx.catalog.relations("v"):
        if t.schema not in ctx.exposed or t.security_invoker:
            continue
        tables = sorted({f"{r.schema}.{r.name}" for r in t.reads if r.kind in ("r", "p") and r.rls})
        if tables:
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                f"view runs with its owner's rights and bypasses RLS on {', '.join(tables)}",
                "create it `with (security_invoker = true)` (or `alter view ... set (security_invoker = true)`)",
                object=name, match=((name,),),
            )
