"""- **What**: a SECURITY DEFINER function that anon can execute (directly or
  through PUBLIC, which Postgres grants EXECUTE on every new function), in any
  project schema.
- **Why**: anyone without signing in runs code with the owner's rights.
- **Fix**: `revoke execute on function f(...) from public, anon;` then grant
  to who needs it; if anon must call it, accept with an allow comment saying why.
- **Example**: a definer function without the revoke fails; with it passes."""

from ...findings import ERROR, rule
from .functions import functions

RULE = rule("definer-anon-execute", "catalog", ERROR, "SECURITY DEFINER function executable by anon", doc=__doc__,
            splinter=("0028",))


def check(ctx):
    for schema, fname, signature, _config, definer, _exposed, anon, _auth in functions(ctx):
        if definer and anon:
            yield RULE.finding(
                "SECURITY DEFINER function is executable by anon (Postgres grants EXECUTE to PUBLIC by default)",
                f"revoke execute on function {signature} from public, anon; "
                "or accept with an allow comment saying why anon must call it",
                object=signature, match=((f"{schema}.{fname}",),),
            )
