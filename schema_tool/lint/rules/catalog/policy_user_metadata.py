"""- **What**: a policy reads `user_metadata` (or `raw_user_meta_data`).
- **Why**: users can edit their own user_metadata, so they can grant themselves access.
- **Fix**: use `app_metadata` or a membership table.
- **Example**: `(select auth.jwt() -> 'user_metadata' ->> 'tenant_id')` fails; `'app_metadata'` passes."""

import re

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("policy-user-metadata", "catalog", ERROR, "policy reads user_metadata", doc=__doc__, splinter=("0015",))

USER_METADATA = re.compile(r"user_meta_?data", re.IGNORECASE)


def check(ctx):
    for table, policy in ctx.policies():
        qual, with_check = policy.using, policy.check
        if any(USER_METADATA.search(e) for e in (qual, with_check) if e):
            name = c.q(table.schema, table.name)
            yield RULE.finding(
                "policy reads user_metadata, which every user can change about themself",
                "authorize from app_metadata (`(select auth.jwt()) -> 'app_metadata'`) or a membership table",
                object=f'{name} policy "{policy.name}"', match=((name, policy.name),),
            )
