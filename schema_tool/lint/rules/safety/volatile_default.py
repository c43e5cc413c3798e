"""- **What**: `add column` on an existing table with a volatile default
  (`gen_random_uuid()`, `random()`, `clock_timestamp()`, `nextval()`, ...), a
  serial type, an identity or a stored generated column.
- **Why**: Postgres rewrites the whole table under an ACCESS EXCLUSIVE lock (a
  constant or stable default such as `now()` does not, since Postgres 11).
- **Fix**: add the column without it, `alter column ... set default ...`
  afterwards (new rows only), backfill in batches.
- **Example**: `add column token uuid default gen_random_uuid()` fails; `add
  column created_at timestamptz default now()` passes."""

from ...findings import ERROR, rule
from ... import safety

RULE = rule("volatile-default", "safety", ERROR, "column with a volatile default added to an existing table",
            doc=__doc__, squawk=("adding-field-with-default",))

# Functions whose result differs per row: a default calling one makes
# `add column` rewrite the whole table under an ACCESS EXCLUSIVE lock.
VOLATILE_FUNCTIONS = {
    "random", "random_normal", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1",
    "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval",
    "txid_current", "pg_current_xact_id", "gen_random_bytes", "setseed",
}


def check(ctx):
    for st, node, cmd in ctx.table_cmds():
        col = (cmd.get("def") or {}).get("ColumnDef")
        if cmd.get("subtype") != "AT_AddColumn" or not col:
            continue
        constraints = safety.constraints(col)
        default = next((c.get("raw_expr") for c in constraints if c.get("contype") == "CONSTR_DEFAULT"), None)
        generated = {c.get("contype") for c in constraints} & {"CONSTR_IDENTITY", "CONSTR_GENERATED"}
        serial = safety.type_name(col.get("typeName")) in safety.SERIAL_TYPES
        volatile = sorted(safety.func_names(default) & VOLATILE_FUNCTIONS) if default is not None else []
        if volatile or generated or serial:
            why = (f"default {volatile[0]}()" if volatile else "a serial type" if serial
                   else "an identity or stored generated column")
            yield RULE.finding(
                f"adding {safety.name(node['relation'])}.{col.get('colname')} with {why} rewrites the whole table"
                " under an ACCESS EXCLUSIVE lock",
                "add the column without the default, set the default afterwards, backfill existing rows in batches",
                **ctx.at(st),
            )
