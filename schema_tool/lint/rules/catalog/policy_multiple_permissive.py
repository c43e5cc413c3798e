"""- **What**: more than one permissive policy for the same table, role and
  command (`for all` counts for each command; a policy without `to` counts for
  anon and authenticated).
- **Why**: Postgres evaluates every one of them for every row.
- **Fix**: one policy per role and command; OR the conditions. Restrictive
  policies are not counted.
- **Example**: `"owner can select" ... to authenticated` plus `"public can be
  read" for all using (public)` fails; a single `using (user_id = (select
  auth.uid()) or public)` passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("policy-multiple-permissive", "catalog", ERROR, "several permissive policies for one role and command",
            doc=__doc__, splinter=("0006",))


def check(ctx):
    permissive: dict[tuple[str, str, str], list[str]] = {}
    for table, policy in ctx.policies():
        if not policy.permissive:
            continue
        expanded = set()
        for r in policy.roles:
            expanded |= {"anon", "authenticated"} if r == "public" else {r}
        command = policy.command
        for r in expanded:
            for each in (("select", "insert", "update", "delete") if command == "all" else (command,)):
                permissive.setdefault((c.q(table.schema, table.name), r, each), []).append(policy.name)
    for (name, role_name, command), policies in sorted(permissive.items()):
        if len(policies) > 1:
            yield RULE.finding(
                f"{len(policies)} permissive policies for {role_name} {command}: "
                + ", ".join(f'"{p}"' for p in policies) + " (each is evaluated for every row)",
                "combine them into one policy per role and command (OR the conditions)",
                object=f"{name} ({role_name}, {command})", match=tuple((name, p) for p in policies),
            )
