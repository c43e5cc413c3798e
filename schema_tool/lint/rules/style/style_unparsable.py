"""- **What**: sqlfluff's grammar cannot parse a statement, so its style is not
  checked (e.g. `set local request.jwt.claims = '...'`).
- **Why**: usually a gap in sqlfluff's postgres grammar, not an error: the
  parse check (`parse-error`) says whether Postgres accepts the file.
- **Fix**: none needed when Postgres accepts it; an equivalent form sqlfluff
  knows (`select set_config('request.jwt.claims', '...', true);`) gets it checked."""

from ...findings import WARNING, rule

RULE = rule("style-unparsable", "style", WARNING, "sqlfluff cannot parse a statement", doc=__doc__)
