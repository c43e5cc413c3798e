"""- **What**: a migration marked `-- schema-tool: no-transaction`.
- **Why**: `schema-tool migrate` runs it statement by statement, but the
  Supabase CLI sends each file and its ledger row as one implicitly
  transactional batch (supabase/cli `pkg/migration/file.go`, issue #2898):
  `supabase db push` and `supabase db reset` fail on `concurrently` there, so
  the repository stops working with the CLI.
- **Fix**: keep the file transactional (see `index-not-concurrent`). A
  repository deployed only with `schema-tool migrate` may accept it:
  `-- schema-tool: allow no-transaction-file <why>` above the marker.
- **Example**: a file starting with `-- schema-tool: no-transaction` fails;
  with the allow comment above the marker it is accepted. The marker may be
  indented: migrate and lint read it with the same function."""

from .... import sqltext
from ...findings import ERROR, rule
from ... import safety

RULE = rule("no-transaction-file", "safety", ERROR, "migration marked no-transaction: the Supabase CLI cannot apply it",
            doc=__doc__)


def check(ctx):
    line = sqltext.no_transaction_line(ctx.src.sql)
    if line is not None:
        yield RULE.finding(
            f"{safety.CLI_ONE_TRANSACTION} with its ledger row (supabase/cli#2898): this no-transaction file fails there",
            "keep migrations transactional (see index-not-concurrent for big indexes), or accept with "
            "`-- schema-tool: allow no-transaction-file <why only schema-tool migrate applies it>`",
            file=ctx.src.rel, line=line,
        )
