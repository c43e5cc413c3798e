"""- **What**: a migration (or a setup file of supabase/tests, which `supabase
  test db` runs before the tests) fails to apply on a fresh database.
- **Why**: it will fail in production too. The catalog checks still run on the
  migrations before it.
- **Fix**: the message carries Postgres's error at `file:line`."""

from ...findings import ERROR, rule

RULE = rule("migration-fails", "catalog", ERROR, "a migration fails to apply", doc=__doc__,
            squawk=("ban-duplicate-column-assignments",))
