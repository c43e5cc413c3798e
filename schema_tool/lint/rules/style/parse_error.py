"""- **What**: a file does not parse: a plain SQL file (migration, pgTAP test,
  seed) rejected by Postgres's parser (pglast; psql meta-commands such as
  `\\set` are ignored), or a Jinja source that does not render (missing macro,
  undefined variable).
- **Why**: Postgres (or `schema-tool render`) will reject it; nothing after it runs.
- **Fix**: correct the syntax at the reported line.
- **Example**: `select id fro app.t;` fails; `select id from app.t;` passes."""

from __future__ import annotations

from ...findings import ERROR, Finding, rule

RULE = rule("parse-error", "style", ERROR, "file does not parse", doc=__doc__, squawk=("syntax-error",))


def finding(rel: str, sql: str, exc) -> Finding:
    """The finding for a pglast ParseError raised on `sql`."""
    line = None
    location = exc.args[1] if len(exc.args) > 1 else None
    if isinstance(location, int) and location > 0:
        line = sql[: location - 1].count("\n") + 1
    message = exc.args[0] if exc.args else str(exc)
    return RULE.finding(
        f"Postgres cannot parse this file: {message}",
        "correct the SQL syntax (this is what Postgres itself will reject)", file=rel, line=line,
    )
