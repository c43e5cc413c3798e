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


def anon_can_select(table, column) -> bool:
    """anon (or PUBLIC) holds select on the table or on the column."""
    return table.granted("anon", "select") or any(
        g.role in ("anon", "public") and g.privilege == "select" for g in column.grants)


def anon_sees_rows(table) -> bool:
    """No RLS, or a select policy that applies to anon."""
    return not table.rls or any(
        p.command in ("select", "all") and ("public" in p.roles or "anon" in p.roles) for p in table.policies)


def check(ctx):
    usage = {s.name for s in ctx.catalog.schemas
             if any(g.role in ("anon", "public") and g.privilege == "usage" for g in s.grants)}
    for t in ctx.catalog.tables:
        if t.schema not in usage or not anon_sees_rows(t):
            continue
        for col in sorted(t.columns, key=lambda col: col.name):
            if not sensitive(col.name) or not anon_can_select(t, col):
                continue
            name = c.q(t.schema, t.name)
            yield RULE.finding(
                f"column {col.name} looks sensitive and anon can read it",
                f"revoke select on {name} from anon and grant only the public columns (`grant select (col, ...)`),"
                " or move the secret out of the API (e.g. Supabase Vault)",
                object=f"{name}.{col.name}", match=((name, col.name),),
            )
