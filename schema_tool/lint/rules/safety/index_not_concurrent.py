"""- **What**: `create index` without `concurrently` on an existing table.
- **Why**: the build holds a SHARE lock on the table until the migration
  commits: every insert, update and delete waits for the build and for every
  later statement of the file.
- **Fix**: the Supabase CLI runs every migration file in one transaction (see
  `no-transaction-file`), so `concurrently` cannot be used in a migration that
  `supabase db push` / `db reset` also apply. Write `create index if not exists
  ...`: on a table that is small, accept the short lock with `-- schema-tool:
  allow index-not-concurrent <table size, lock time>`; on a table that is big
  in production, first run the same statement with `concurrently` outside the
  migrations (the migration then finds the index built and takes no lock), and
  say so in the allow comment.
- **Example**: `create index idx_t_a on app.t (a);` fails; with an allow
  comment and a reason it is accepted; indexing a table created in the same
  migration passes."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("index-not-concurrent", "safety", ERROR, "create index without concurrently on an existing table",
            doc=__doc__, squawk=("require-concurrent-index-creation",))

PREBUILD_HINT = (
    "the build blocks writes to the table while it runs; accept that with "
    "`-- schema-tool: allow index-not-concurrent <table size, lock time>` on the line above. On a table that is "
    "big in production write `create index if not exists`, run the same statement with `concurrently` by hand "
    "before deploying (the migration then finds it built and takes no lock), and say so in the allow comment"
)


def check(ctx):
    for st in ctx.stmts:
        if st.kind == "IndexStmt" and not st.node.get("concurrent") and ctx.existing(st.node["relation"]):
            yield RULE.finding(
                f"create index on existing table {safety.name(st.node['relation'])} blocks writes to it until the"
                " migration commits",
                PREBUILD_HINT, **ctx.at(st),
            )
