"""- **What**: with anonymous sign-ins enabled (`supabase/config.toml`
  `[auth] enable_anonymous_sign_ins = true`), a permissive write policy
  (insert, update, delete, all) for `authenticated` or `public` that does not
  decide about anonymous users: its condition never reads the JWT's
  `is_anonymous` claim. Silent while anonymous sign-ins are off (the
  default here): then every `authenticated` user signed up for real.
- **Why**: an anonymous user gets the same `authenticated` role as a
  permanent one; a policy written for signed-up people lets anyone who
  clicks "continue as guest" write, with a throwaway identity.
- **Fix**: add `(select (auth.jwt() ->> 'is_anonymous')::boolean) is false`
  to the condition (or a restrictive policy saying so for the table), or
  accept with an allow comment when guests may write.
- **Example**: with anonymous sign-ins on, `for insert to authenticated with
  check (user_id = (select auth.uid()))` fails; adding `and (select
  (auth.jwt() ->> 'is_anonymous')::boolean) is false` passes."""

from ...findings import WARNING, rule
from ... import catalog as c

RULE = rule("anonymous-sign-ins", "catalog", WARNING, "write policy that does not distinguish anonymous users",
            doc=__doc__, splinter=("0012",))


def check(ctx):
    if not ctx.anonymous_sign_ins:
        return
    policies = ctx.policies()
    guarded = {  # tables with a restrictive policy about is_anonymous
        table.key for table, p in policies
        if not p.permissive and any("is_anonymous" in e for e in (p.using, p.check) if e)
    }
    for table, p in policies:
        if not p.permissive or p.command == "select" or table.key in guarded:
            continue
        if not any(r in ("public", "authenticated") for r in p.roles):
            continue
        if any("is_anonymous" in e for e in (p.using, p.check) if e):
            continue
        name = c.q(table.schema, table.name)
        yield RULE.finding(
            "anonymous sign-ins are on and this write policy lets anonymous users in like signed-up ones",
            "add `(select (auth.jwt() ->> 'is_anonymous')::boolean) is false` to its condition, or accept with an"
            " allow comment if guests may write",
            object=f'{name} policy "{p.name}"', match=((name, p.name),),
        )
