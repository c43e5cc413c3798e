"""- **What**: a column whose name looks sensitive (password, passwd, secret,
  token, api_key, private_key, ssn, credit_card, card_number, cvv, iban, ...
  and `*_password`, `*_token`, `*_secret`, with `_hash`/`_encrypted`
  suffixes) that anon can read: column privilege, schema usage, and RLS off
  or a select policy for anon/public.
- **Why**: credentials and identifiers leak to unauthenticated clients.
- **Fix**: grant anon only the public columns (`grant select (id, name) on
  ...`), or move the secret out of the API (Supabase Vault). Identity belongs
  to `auth.users`: no module stores passwords.
- **Example**: `password_hash` in a table granted to anon fails;
  `tokens_used`, `token_count` do not match."""

import re

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("sensitive-column", "catalog", ERROR, "sensitive-looking column readable by anon", doc=__doc__,
            splinter=("0023",))

SENSITIVE_EXACT = {
    "password", "passwd", "pwd", "passphrase", "secret", "secret_key", "private_key", "api_key", "apikey",
    "auth_key", "token", "jwt", "access_token", "refresh_token", "oauth_token", "session_token",
    "bearer_token", "auth_code", "session_key", "session_secret", "recovery_code", "backup_code",
    "verification_code", "otp", "two_factor", "ssn", "social_security", "social_security_number",
    "driver_license", "drivers_license", "passport_number", "national_id", "tax_id", "credit_card",
    "card_number", "cvv", "cvc", "bank_account", "account_number", "routing_number", "iban",
}
SENSITIVE_PATTERN = re.compile(
    r"^(.*_)?(password|passwd|secret|api_?key|private_key|token|ssn|credit_card|card_number)"
    r"(_hash|_hashed|_digest|_encrypted|_enc|_plain)?$"
)


def sensitive(column: str) -> bool:
    c = column.lower().replace("-", "_")
    return c in SENSITIVE_EXACT or SENSITIVE_PATTERN.match(c) is not None


def check(ctx):
    for schema, table, column in ctx.rows(
        f"""
        select n.nspname, c.relname, a.attname
        from pg_catalog.pg_attribute as a
        join pg_catalog.pg_class as c on c.oid = a.attrelid
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where a.attnum > 0 and not a.attisdropped
          and c.relkind in ('r', 'p', 'v', 'm', 'f') and {c.user_schema()}
          and pg_catalog.has_schema_privilege('anon', n.oid, 'usage')
          and pg_catalog.has_column_privilege('anon', c.oid, a.attnum, 'select')
          and (
              not c.relrowsecurity
              or exists (
                  select 1 from pg_catalog.pg_policy as p
                  where p.polrelid = c.oid and p.polcmd in ('r', '*')
                    and (p.polroles @> array[0::oid] or p.polroles @> array['anon'::regrole::oid])
              )
          )
        order by 1, 2, 3
        """
    ):
        if not sensitive(column):
            continue
        name = c.q(schema, table)
        yield RULE.finding(
            f"column {column} looks sensitive and anon can read it",
            f"revoke select on {name} from anon and grant only the public columns (`grant select (col, ...)`),"
            " or move the secret out of the API (e.g. Supabase Vault)",
            object=f"{name}.{column}", match=((name, column),),
        )


