"""- **What**: a migration that takes a lock on an existing table (alter, index,
  drop, rename, truncate, trigger, policy, lock) without first setting both
  `lock_timeout` and `statement_timeout`.
- **Why**: a statement waiting for its lock queues every later query of the
  table behind it: one long transaction elsewhere and the application stops.
  `schema-tool migrate` sets a lock timeout itself (`--lock-timeout`), but
  `supabase db push` does not, and neither bounds a statement that runs for
  minutes while holding its lock.
- **Released files**: checked only in files after the release cut-off
  (listed in `sql/released.txt`): a released file has run and cannot gain a setting.
- **Fix**: start the file with `set local lock_timeout = '5s';` and `set local
  statement_timeout = '...';` (`set local` ends with the file's transaction,
  under both tools; `select set_config('lock_timeout', '5s', true)` is the
  same). Before the first statement that locks.
- **Example**: `alter table app.t add column c text;` alone fails; after the
  two `set local` lines it passes."""

from __future__ import annotations

from ...findings import ERROR, rule
from ... import safety

RULE = rule("timeout-missing", "safety", ERROR, "existing table locked without lock_timeout and statement_timeout",
            doc=__doc__, squawk=("require-lock-timeout", "require-statement-timeout", "require-timeout-settings"))

SETTINGS = ("lock_timeout", "statement_timeout")


def _sets(ctx, st) -> set[str]:
    """Which timeouts this statement sets (SET [LOCAL] or set_config())."""
    if st.kind == "VariableSetStmt" and st.node.get("name") in SETTINGS and st.node.get("kind") == "VAR_SET_VALUE":
        return {st.node["name"]}
    if st.kind == "SelectStmt":
        text = ctx.text(st).lower()
        return {s for s in SETTINGS if "set_config" in text and f"'{s}'" in text}
    return set()


def _locked_table(ctx, st) -> dict | None:
    """The existing table this statement locks, if any (its RangeVar)."""
    node, kind = st.node, st.kind
    rv = None
    if kind in ("AlterTableStmt", "IndexStmt", "CreateTrigStmt", "CreatePolicyStmt", "AlterPolicyStmt"):
        rv = node.get("relation") or node.get("table")
    elif kind == "RenameStmt":
        rv = node.get("relation")
    elif kind in ("TruncateStmt", "LockStmt"):
        rels = node.get("relations") or ()
        rv = rels[0].get("RangeVar") if rels else None
    elif kind == "DropStmt" and node.get("removeType") in ("OBJECT_TABLE", "OBJECT_INDEX", "OBJECT_TRIGGER",
                                                            "OBJECT_POLICY"):
        return _drop_target(ctx, node)
    if rv and "relname" in rv and ctx.existing(rv):
        return rv
    return None


def _drop_target(ctx, node) -> dict | None:
    for obj in node.get("objects") or ():
        items = safety.strings(obj.get("List", {}).get("items"))
        if node.get("removeType") in ("OBJECT_TRIGGER", "OBJECT_POLICY"):
            items = items[:-1]  # the table, less the trigger's or policy's name
        if not items:
            continue
        key = (items[-2].lower() if len(items) > 1 else None, items[-1].lower())
        if node.get("removeType") == "OBJECT_INDEX":
            key = ctx.tables.index_table(key) or key
        if ctx.existed(key):
            return {"schemaname": key[0], "relname": key[1]}
    return None


def check(ctx):
    if ctx.released:
        return
    have: set[str] = set()
    for st in ctx.stmts:
        have |= _sets(ctx, st)
        table = _locked_table(ctx, st)
        if table is not None:
            missing = [s for s in SETTINGS if s not in have]
            if missing:
                yield RULE.finding(
                    f"this statement locks existing table {safety.name(table)} before {' and '.join(missing)}"
                    " is set: it may queue every query of the table behind a long wait",
                    "start the file with `set local lock_timeout = '5s';` and `set local statement_timeout = '...';`",
                    **ctx.at(st),
                )
            return
