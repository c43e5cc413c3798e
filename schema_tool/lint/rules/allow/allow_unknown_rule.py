"""- **What**: an allow comment names a rule that does not exist (a typo, or a
  layer-level id such as `allow-missing-reason`, which cannot be allowed).
- **Why**: it accepts nothing, while looking as if it did.
- **Fix**: use an id from this page."""

from ...findings import ERROR, rule

RULE = rule("allow-unknown-rule", "allow", ERROR, "allow comment names an unknown rule", doc=__doc__)
