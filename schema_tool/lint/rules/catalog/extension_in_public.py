"""- **What**: an extension installed in schema `public`.
- **Why**: its functions and types appear in the exposed API schema.
- **Fix**: `create extension if not exists x with schema extensions;`."""

from ...findings import ERROR, rule

RULE = rule("extension-in-public", "catalog", ERROR, "extension installed in public", doc=__doc__, splinter=("0014",))


def check(ctx):
    for (extension,) in ctx.rows(
        """
        select e.extname
        from pg_catalog.pg_extension as e
        join pg_catalog.pg_namespace as n on n.oid = e.extnamespace
        where n.nspname = 'public'
        order by 1
        """
    ):
        yield RULE.finding(
            f"extension {extension} is installed in schema public, where its objects are exposed through the API",
            f"create extension if not exists {extension} with schema extensions;",
            object=f"extension {extension}", match=((extension,),),
        )
