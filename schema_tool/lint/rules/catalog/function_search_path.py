"""- **What**: a function (SECURITY INVOKER; definer functions are
  `definer-search-path`) of a project schema, the pgTAP helpers in `tests`
  included, without `set search_path`.
- **Why**: what its unqualified names mean depends on the caller's
  search_path: the same call reads another table, or fails, for another
  session; a trigger function runs with whatever path the writer has.
  splinter reports it (WARN) for every such function.
- **Fix**: `set search_path = ''` and qualify every name in the body (or
  `set search_path = <schema>, pg_catalog` for a body that reads its own
  schema unqualified).
- **Example**: `create function app.f() returns int language sql as $$ select
  1 $$;` fails; with `set search_path = ''` it passes."""

from ...findings import WARNING, rule

RULE = rule("function-search-path", "catalog", WARNING, "function with a mutable search_path", doc=__doc__,
            splinter=("0011",))


def check(ctx):
    for f in ctx.catalog.functions:
        if not f.security_definer and f.search_path is None:
            yield RULE.finding(
                "function without a fixed search_path: its unqualified names depend on the caller's",
                "add `set search_path = ''` and qualify the names in its body",
                object=f.signature, match=((f"{f.schema}.{f.name}",),),
            )
