"""- **What**: an extension installed in schema `public`.
- **Why**: its functions and types appear in the exposed API schema.
- **Fix**: `create extension if not exists x with schema extensions;`."""

from ...findings import ERROR, rule

RULE = rule("extension-in-public", "catalog", ERROR, "extension installed in public", doc=__doc__, splinter=("0014",))


def check(ctx):
    for e in ctx.catalog.extensions:
        if e.schema != "public":
            continue
        yield RULE.finding(
            f"extension {e.name} is installed in schema public, where its objects are exposed through the API",
            f"create extension if not exists {e.name} with schema extensions;",
            object=f"extension {e.name}", match=((e.name,),),
        )
