"""- **What**: a SECURITY DEFINER function without `set search_path`.
- **Why**: the caller's search_path decides what unqualified names mean inside
  a function running with its owner's rights.
- **Fix**: `set search_path = ''` and qualify every name in the body.
- **Example**: `... security definer as $$ select 1 $$` fails; `... security
  definer set search_path = '' as ...` passes."""

from ...findings import ERROR, rule
from .functions import fixed_search_path, functions

RULE = rule("definer-search-path", "catalog", ERROR, "SECURITY DEFINER function with a mutable search_path",
            doc=__doc__, splinter=("0011",))


def check(ctx):
    for schema, fname, signature, config, definer, *_ in functions(ctx):
        if definer and not fixed_search_path(config):
            yield RULE.finding(
                "SECURITY DEFINER function without a fixed search_path: a caller's objects can hijack it",
                "add `set search_path = ''` to the function and qualify every name in its body",
                object=signature, match=((f"{schema}.{fname}",),),
            )
