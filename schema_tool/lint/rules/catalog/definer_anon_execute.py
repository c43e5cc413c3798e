"""- **What**: a SECURITY DEFINER function that anon can execute (directly or
  through PUBLIC, which Postgres grants EXECUTE on every new function), in any
  project schema.
- **Why**: anyone without signing in runs code with the owner's rights.
- **Fix**: `revoke execute on function f(...) from public, anon;` then grant
  to who needs it; if anon must call it, accept with an allow comment saying why.
- **Example**: a definer function without the revoke fails; with it passes."""

from ...findings import ERROR, rule

RULE = rule("definer-anon-execute", "catalog", ERROR, "SECURITY DEFINER function executable by anon", doc=__doc__,
            splinter=("0028",))


def check(ctx):
    for f in ctx.catalog.functions:
        if f.security_definer and f.executable_by("anon"):
            yield RULE.finding(
                "SECURITY DEFINER function is executable by anon (Postgres grants EXECUTE to PUBLIC by default)",
                f"revoke execute on function {f.signature} from public, anon; "
                "or accept with an allow comment saying why anon must call it",
                object=f.signature, match=((f"{f.schema}.{f.name}",),),
            )
