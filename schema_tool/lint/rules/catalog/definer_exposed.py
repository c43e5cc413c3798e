"""- **What**: a SECURITY DEFINER function in an exposed schema.
- **Why**: PostgREST exposes it as an RPC (`/rest/v1/rpc/<name>`) that runs
  with its owner's rights, bypassing RLS. This covers splinter's 0029 (such a
  function executable by authenticated) and more: here any definer function
  in an exposed schema is an error, whoever may execute it.
- **Fix**: move it to `<module>_private`; call it from a SECURITY INVOKER
  function in the exposed schema.
- **Example**: `create function app.f() ... security definer` fails; in `app_private` it passes."""

from ...findings import ERROR, rule

RULE = rule("definer-exposed", "catalog", ERROR, "SECURITY DEFINER function in an exposed schema", doc=__doc__,
            splinter=("0029",))


def check(ctx):
    for f in ctx.catalog.functions:
        schema = f.schema
        if f.security_definer and schema in ctx.exposed:
            who = " (authenticated can execute it)" if f.executable_by("authenticated") else ""
            yield RULE.finding(
                f"SECURITY DEFINER function in exposed schema {schema}: callable through the API with its owner's"
                f" rights{who}",
                f"move it to a private schema (e.g. {schema}_private) and call it from a SECURITY INVOKER wrapper",
                object=f.signature, match=((f"{schema}.{f.name}",),),
            )
