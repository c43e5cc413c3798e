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
    for schema, table, constraint, target in ctx.rows(
        f"""
        select n.nspname, r.relname, k.conname, rn.nspname || '.' || t.relname
        from pg_catalog.pg_constraint as k
        join pg_catalog.pg_class as r on r.oid = k.conrelid
        join pg_catalog.pg_namespace as n on n.oid = r.relnamespace
        join pg_catalog.pg_class as t on t.oid = k.confrelid
        join pg_catalog.pg_namespace as rn on rn.oid = t.relnamespace
        join pg_catalog.pg_index as i on i.indexrelid = k.conindid
        where k.contype = 'f' and rn.nspname = 'auth' and i.indisunique and not i.indisprimary
          and {c.user_schema()}
        order by 1, 2, 3
        """
    ):
        name = c.q(schema, table)
        yield RULE.finding(
            f"foreign key {constraint} references a unique key of {target} that is not its primary key",
            f"reference {target} by its primary key (id) instead",
            object=f"{name}.{constraint}", match=((name, constraint), (name,)),
        )
