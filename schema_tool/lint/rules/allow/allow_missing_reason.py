"""- **What**: an allow comment without a rule or without a reason.
- **Why**: an accepted finding must say why it is deliberate, for the next reader.
- **Fix**: `-- schema-tool: allow RULE why this is deliberate`."""

from ...findings import ERROR, rule

RULE = rule("allow-missing-reason", "allow", ERROR, "allow comment without a reason", doc=__doc__)
