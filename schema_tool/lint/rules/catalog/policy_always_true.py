"""- **What**: a permissive insert/update/delete (or `all`) policy for anon,
  authenticated or public whose condition is always true (`true`, `1 = 1`, or
  no `with check` on insert).
- **Why**: it lets every client write every row. (`select ... using (true)` is
  allowed: public read is often deliberate.)
- **Fix**: restrict to the caller's rows.
- **Example**: `for delete to anon using (1 = 1)` fails; `for insert to
  authenticated with check (user_id = (select auth.uid()))` passes."""

import re

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("policy-always-true", "catalog", ERROR, "write policy that is always true", doc=__doc__,
            splinter=("0024",))


def always_true(expr: str | None) -> bool:
    if expr is None:
        return False
    return re.sub(r"[\s()]", "", expr.lower()) in ("true", "1=1")


def check(ctx):
    for table, policy in ctx.policies():
        command, roles, qual, with_check = policy.command, policy.roles, policy.using, policy.check
        if not policy.permissive or command == "select" or not any(r in ("public", "anon", "authenticated") for r in roles):
            continue
        true_using = command in ("update", "delete", "all") and (qual is None or always_true(qual))
        true_check = command in ("insert", "update", "all") and (
            always_true(with_check) or (with_check is None and command == "insert")
            or (with_check is None and always_true(qual))
        )
        if true_using or true_check:
            name = c.q(table.schema, table.name)
            yield RULE.finding(
                f"{command} policy lets {', '.join(roles)} write every row (its condition is always true)",
                "restrict the policy to the caller's rows, e.g. `user_id = (select auth.uid())`",
                object=f'{name} policy "{policy.name}"', match=((name, policy.name),),
            )
