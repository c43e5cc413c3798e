"""- **What**: a SECURITY DEFINER function without `set search_path`.
- **Why**: the caller's search_path decides what unqualified names mean inside
  a function running with its owner's rights.
- **Fix**: `set search_path = ''` and qualify every name in the body.
- **Example**: `... security definer as $$ select 1 $$` fails; `... security
  definer set search_path = '' as ...` passes."""

from ...findings import ERROR, rule

RULE = rule("definer-search-path", "catalog", ERROR, "SECURITY DEFINER function with a mutable search_path",
            doc=__doc__, splinter=("0011",))


def check(ctx):
    for f in ctx.catalog.functions:
        if f.security_definer and f.search_path is None:
            yield RULE.finding(
                "SECURITY DEFINER function without a fixed search_path: a caller's objects can hijack it",
                "add `set search_path = ''` to the function and qualify every name in its body",
                object=f.signature, match=((f"{f.schema}.{f.name}",),),
            )
