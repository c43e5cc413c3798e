"""- **What**: `drop index` without `concurrently` of an index on an existing table.
- **Why**: it takes an ACCESS EXCLUSIVE lock on the index's table, and in a
  transactional migration that lock is held until the whole file commits:
  every read and write of the table waits through every later statement of
  the file (an index build after the drop blocks reads too).
- **Fix**: `drop index concurrently` cannot run in a transaction, and the
  Supabase CLI runs every file in one (see `no-transaction-file`). Put the drop
  last in its file, after every slow statement, so the lock lasts only from
  the drop to the commit, and accept it with `-- schema-tool: allow
  drop-index-not-concurrent <why the lock is short>`; or drop it by hand with
  `concurrently` and keep `drop index if exists` in the migration.
- **Example**: `drop index app.idx_t_a;` on a table of an earlier migration
  fails; dropping an index of a table created in the same file passes."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("drop-index-not-concurrent", "safety", ERROR, "drop index without concurrently on an existing table",
            doc=__doc__, squawk=("require-concurrent-index-deletion",))

SLOW = {"IndexStmt", "AlterTableStmt", "UpdateStmt", "InsertStmt", "DeleteStmt", "CreateTableAsStmt",
        "RefreshMatViewStmt", "DoStmt", "SelectStmt", "ReindexStmt", "ClusterStmt"}


def check(ctx):
    for i, st in enumerate(ctx.stmts):
        node = st.node
        if st.kind != "DropStmt" or node.get("removeType") != "OBJECT_INDEX" or node.get("concurrent"):
            continue
        for obj in node.get("objects") or ():
            key = safety.names(obj.get("List", {}).get("items"))
            table = ctx.tables.index_table(key)
            if table is not None and not ctx.existed(table):
                continue
            name = ".".join(p for p in key if p)
            on = f" on {'.'.join(p for p in table if p)}" if table else ""
            slow_after = ctx.transactional and any(s.kind in SLOW for s in ctx.stmts[i + 1 :])
            yield RULE.finding(
                f"drop index {name} locks its table{on} (ACCESS EXCLUSIVE: reads and writes wait) until the migration"
                " commits" + (", through the slower statements after it" if slow_after else ""),
                "drop it last in its file and accept the short lock with an allow comment, or drop it by hand"
                " with `concurrently` first", **ctx.at(st),
            )
