"""- **What**: `begin`, `start transaction`, `commit`, `rollback` or `end` in a
  transactional migration.
- **Why**: both `schema-tool migrate` and the Supabase CLI run the file in a
  transaction already: a `commit` ends it early (what follows runs outside it,
  and the ledger row no longer commits with the file), a `begin` opens nothing
  (a warning) and a `begin` without `commit` is the classic uncommitted file.
  `schema-tool migrate` refuses a commit or rollback at run time; this says so
  before.
- **Fix**: remove them; one file is one transaction. Savepoints are fine."""

from ...findings import ERROR, rule

RULE = rule("transaction-control", "safety", ERROR, "transaction control statement in a migration", doc=__doc__,
            squawk=("transaction-nesting", "ban-uncommitted-transaction"))

KINDS = {"TRANS_STMT_BEGIN": "begin", "TRANS_STMT_START": "start transaction", "TRANS_STMT_COMMIT": "commit",
         "TRANS_STMT_ROLLBACK": "rollback", "TRANS_STMT_PREPARE": "prepare transaction",
         "TRANS_STMT_COMMIT_PREPARED": "commit prepared", "TRANS_STMT_ROLLBACK_PREPARED": "rollback prepared"}


def check(ctx):
    if not ctx.transactional:
        return
    for st in ctx.stmts:
        if st.kind == "TransactionStmt" and st.node.get("kind") in KINDS:
            yield RULE.finding(
                f"{KINDS[st.node['kind']]} inside a migration, which already runs in one transaction",
                "remove it: each migration file is one transaction", **ctx.at(st),
            )
