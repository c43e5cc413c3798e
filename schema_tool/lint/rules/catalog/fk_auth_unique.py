"""- **What**: a foreign key that references a unique constraint of the `auth`
  schema other than its primary key (e.g. `auth.users (email)` or `(phone)`).
- **Why**: Supabase Auth owns those tables and changes their unique
  constraints in its own upgrades (they are not promised to stay); a
  foreign key on one blocks that upgrade, and an email or phone is not an
  identity: it changes, and the row follows the new owner of the address.
- **Fix**: reference `auth.users (id)`, and read the email through it.
- **Example**: `email text references auth.users (email)` fails;
  `user_id uuid references auth.users (id)` passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("fk-auth-unique", "catalog", ERROR, "foreign key to a non-primary unique key in auth", doc=__doc__,
            splinter=("0021",))


def check(ctx):
    for t in ctx.tables():
        for k in sorted(t.constraints_of("f"), key=lambda k: k.name):
            if k.ref_schema != "auth" or k.ref_primary:
                continue
            name, target = c.q(t.schema, t.name), f"{k.ref_schema}.{k.ref_table}"
            yield RULE.finding(
                f"foreign key {k.name} references a unique key of {target} that is not its primary key",
                f"reference {target} by its primary key (id) instead",
                object=f"{name}.{k.name}", match=((name, k.name), (name,)),
            )
