"""- **What**: `alter table ... add primary key` or `add unique` on an existing
  table without `using index`.
- **Why**: Postgres builds the index under an ACCESS EXCLUSIVE lock (reads
  and writes wait for the whole build), unlike `create index`.
- **Fix**: build a unique index first (`create unique index if not exists`,
  pre-built `concurrently` on a big table, see `index-not-concurrent`), then
  `add constraint ... primary key using index` / `unique using index`, which
  only takes the lock for a moment.
- **Example**: `alter table app.t add constraint t_a_key unique (a);` fails;
  `... unique using index idx_t_a;` passes."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("constraint-builds-index", "safety", ERROR, "primary key or unique constraint added without using index",
            doc=__doc__, squawk=("adding-serial-primary-key-field", "disallowed-unique-constraint"))


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        con = (cmd.get("def") or {}).get("Constraint")
        if cmd.get("subtype") == "AT_AddConstraint" and con and con.get("contype") in (
            "CONSTR_PRIMARY", "CONSTR_UNIQUE"
        ) and not con.get("indexname"):
            kind = "primary key" if con["contype"] == "CONSTR_PRIMARY" else "unique constraint"
            yield RULE.finding(
                f"adding a {kind} to existing table {safety.name(node['relation'])} builds its index under an"
                " ACCESS EXCLUSIVE lock",
                "create the unique index first, then add the constraint `using index`", **ctx.at(st),
            )
