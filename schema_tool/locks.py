"""Which table lock a statement takes, and whether it reads or rewrites the table.

Parsed with pglast (Postgres's own parser). Lock levels are PostgreSQL's
(docs: "Explicit Locking", and each command's page). `work` says what the
statement does to the existing rows while it holds the lock:
  rewrite  the table is copied (type change, volatile default, vacuum full, cluster)
  scan     every row is read (index build, validating a constraint, set not null)
  ''       catalog only: the lock is held for an instant
Used by the deploy plan (`migrate --dry-run`); independent of lint.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from pglast.parser import ParseError, parse_sql_json

ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"
EXCLUSIVE = "EXCLUSIVE"
SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE"
SHARE = "SHARE"
SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE"
ROW_EXCLUSIVE = "ROW EXCLUSIVE"
ACCESS_SHARE = "ACCESS SHARE"
STRENGTH = [ACCESS_SHARE, "ROW SHARE", ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE,
            EXCLUSIVE, ACCESS_EXCLUSIVE]

VOLATILE_FUNCTIONS = {
    "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp",
    "timeofday", "nextval", "gen_random_bytes", "txid_current",
}


def blocks(lock: str | None) -> str:
    """What the application cannot do while the lock is held: 'reads and writes', 'writes' or ''."""
    if lock == ACCESS_EXCLUSIVE:
        return "reads and writes"
    if lock in (EXCLUSIVE, SHARE_ROW_EXCLUSIVE, SHARE):
        return "writes"
    return ""


@dataclass(frozen=True)
class TableLock:
    table: str  # as written: schema.name or name
    lock: str
    work: str  # rewrite | scan | ''
    why: str  # the part of the statement that takes it


def _ident(name: str) -> str:
    """As Postgres would need it written (so to_regclass finds a mixed-case name)."""
    return name if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) else '"' + name.replace('"', '""') + '"'


def _name(rv: dict) -> str:
    rel = _ident(rv["relname"])
    return f"{_ident(rv['schemaname'])}.{rel}" if rv.get("schemaname") else rel


def _strongest(a: str, b: str) -> str:
    return a if STRENGTH.index(a) >= STRENGTH.index(b) else b


def _calls_volatile(node) -> bool:
    if isinstance(node, dict):
        if "FuncCall" in node:
            names = [n["String"]["sval"] for n in node["FuncCall"].get("funcname", ()) if "String" in n]
            if names and names[-1].lower() in VOLATILE_FUNCTIONS:
                return True
        return any(_calls_volatile(v) for v in node.values())
    if isinstance(node, list):
        return any(_calls_volatile(v) for v in node)
    return False


def _alter_cmd(cmd: dict) -> tuple[str, str, str, list[str]]:
    """(lock, work, why, other tables locked) of one ALTER TABLE subcommand."""
    sub = cmd.get("subtype", "")
    definition = cmd.get("def") or {}
    column = cmd.get("name") or ""
    if sub == "AT_AddColumn" and "ColumnDef" in definition:
        col = definition["ColumnDef"]
        volatile = _calls_volatile(col.get("constraints") or [])
        refs = [_name(c["Constraint"]["pktable"]) for c in col.get("constraints") or ()
                if c.get("Constraint", {}).get("contype") == "CONSTR_FOREIGN"]
        return ACCESS_EXCLUSIVE, "rewrite" if volatile else "", f"add column {col.get('colname')}", refs
    if sub == "AT_AddConstraint" and "Constraint" in definition:
        con = definition["Constraint"]
        kind = con.get("contype")
        valid = not con.get("skip_validation")
        name = con.get("conname") or kind.removeprefix("CONSTR_").lower()
        if kind == "CONSTR_FOREIGN":
            return SHARE_ROW_EXCLUSIVE, "scan" if valid else "", f"add foreign key {name}", [_name(con["pktable"])]
        if kind == "CONSTR_CHECK":
            return ACCESS_EXCLUSIVE, "scan" if valid else "", f"add check {name}", []
        if kind in ("CONSTR_PRIMARY", "CONSTR_UNIQUE", "CONSTR_EXCLUSION"):
            using_index = bool(con.get("indexname"))
            return ACCESS_EXCLUSIVE, "" if using_index else "scan", f"add {name}", []
        return ACCESS_EXCLUSIVE, "", f"add constraint {name}", []
    if sub == "AT_ValidateConstraint":
        return SHARE_UPDATE_EXCLUSIVE, "scan", f"validate constraint {column}", []
    if sub == "AT_SetNotNull":
        return ACCESS_EXCLUSIVE, "scan", f"set not null on {column}", []
    if sub == "AT_AlterColumnType":
        return ACCESS_EXCLUSIVE, "rewrite", f"type of {column}", []
    if sub in ("AT_SetStatistics", "AT_ClusterOn", "AT_DropCluster", "AT_SetOptions", "AT_ResetOptions",
               "AT_SetRelOptions", "AT_ResetRelOptions"):
        return SHARE_UPDATE_EXCLUSIVE, "", sub.removeprefix("AT_"), []
    if sub in ("AT_EnableTrig", "AT_DisableTrig", "AT_EnableTrigAll", "AT_DisableTrigAll", "AT_EnableTrigUser",
               "AT_DisableTrigUser", "AT_EnableAlwaysTrig", "AT_EnableReplicaTrig"):
        return SHARE_ROW_EXCLUSIVE, "", sub.removeprefix("AT_"), []
    if sub in ("AT_SetLogged", "AT_SetUnLogged", "AT_SetTableSpace"):
        return ACCESS_EXCLUSIVE, "rewrite", sub.removeprefix("AT_"), []
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", sub.removeprefix("AT_")).lower()
    return ACCESS_EXCLUSIVE, "", words or "alter table", []


def classify_node(kind: str, node: dict) -> list[TableLock]:
    """The table locks of one parsed statement (empty when it locks no existing table)."""
    if kind == "IndexStmt":
        table = _name(node["relation"])
        if node.get("concurrent"):
            return [TableLock(table, SHARE_UPDATE_EXCLUSIVE, "scan", "create index concurrently")]
        return [TableLock(table, SHARE, "scan", f"create index {node.get('idxname') or ''}".strip())]
    if kind == "AlterTableStmt" and node.get("objtype") in ("OBJECT_TABLE", "OBJECT_MATVIEW"):
        table = _name(node["relation"])
        lock, work, whys, others = ACCESS_SHARE, "", [], []
        for item in node.get("cmds") or ():
            c_lock, c_work, why, refs = _alter_cmd(item.get("AlterTableCmd", {}))
            lock = _strongest(lock, c_lock)
            if c_work == "rewrite" or (c_work == "scan" and work != "rewrite"):
                work = c_work
            whys.append(why)
            others += refs
        out = [TableLock(table, lock, work, "alter table: " + ", ".join(whys))]
        out += [TableLock(r, SHARE_ROW_EXCLUSIVE, "", f"referenced by a foreign key of {table}") for r in others]
        return out
    if kind == "CreateStmt":
        refs = []
        for elt in node.get("tableElts") or ():
            for c in (elt.get("ColumnDef", {}).get("constraints") or []) + ([elt] if "Constraint" in elt else []):
                con = c.get("Constraint", {})
                if con.get("contype") == "CONSTR_FOREIGN":
                    refs.append(_name(con["pktable"]))
        new = _name(node["relation"])
        return [TableLock(r, SHARE_ROW_EXCLUSIVE, "", f"referenced by a foreign key of new table {new}")
                for r in dict.fromkeys(refs)]
    if kind == "CreateTrigStmt":
        return [TableLock(_name(node["relation"]), SHARE_ROW_EXCLUSIVE, "", f"create trigger {node.get('trigname')}")]
    if kind in ("CreatePolicyStmt", "AlterPolicyStmt"):
        verb = "create" if kind == "CreatePolicyStmt" else "alter"
        return [TableLock(_name(node["table"]), ACCESS_EXCLUSIVE, "", f"{verb} policy {node.get('policy_name')}")]
    if kind == "DropStmt" and node.get("removeType") in ("OBJECT_TABLE", "OBJECT_POLICY", "OBJECT_TRIGGER"):
        out = []
        for obj in node.get("objects") or ():
            parts = [p["String"]["sval"] for p in obj.get("List", {}).get("items", ()) if "String" in p]
            if node["removeType"] != "OBJECT_TABLE":
                parts = parts[:-1]  # drop policy/trigger NAME on TABLE: the table is the rest
            if parts:
                out.append(TableLock(".".join(_ident(p) for p in parts), ACCESS_EXCLUSIVE, "",
                                     f"drop {node['removeType'].removeprefix('OBJECT_').lower()}"))
        return out
    if kind == "TruncateStmt":
        return [TableLock(_name(r["RangeVar"]), ACCESS_EXCLUSIVE, "", "truncate") for r in node.get("relations", ())]
    if kind == "RenameStmt" and node.get("relation") and node.get("renameType") in (
            "OBJECT_TABLE", "OBJECT_COLUMN", "OBJECT_TABCONSTRAINT"):
        return [TableLock(_name(node["relation"]), ACCESS_EXCLUSIVE, "", "rename")]
    if kind == "ClusterStmt" and node.get("relation"):
        return [TableLock(_name(node["relation"]), ACCESS_EXCLUSIVE, "rewrite", "cluster")]
    if kind == "VacuumStmt":
        full = any(o.get("DefElem", {}).get("defname") == "full" for o in node.get("options") or ())
        if full:
            return [TableLock(_name(r["VacuumRelation"]["relation"]), ACCESS_EXCLUSIVE, "rewrite", "vacuum full")
                    for r in node.get("rels") or ()]
        return []
    if kind == "RefreshMatViewStmt":
        table = _name(node["relation"])
        if node.get("concurrent"):
            return [TableLock(table, EXCLUSIVE, "scan", "refresh materialized view concurrently")]
        return [TableLock(table, ACCESS_EXCLUSIVE, "rewrite", "refresh materialized view")]
    if kind in ("UpdateStmt", "DeleteStmt"):
        verb = "update" if kind == "UpdateStmt" else "delete"
        return [TableLock(_name(node["relation"]), ROW_EXCLUSIVE, "scan" if not node.get("whereClause") else "",
                          f"{verb}{'' if node.get('whereClause') else ' every row'}")]
    if kind == "InsertStmt":
        return [TableLock(_name(node["relation"]), ROW_EXCLUSIVE, "", "insert")]
    if kind == "LockStmt":
        modes = {1: ACCESS_SHARE, 2: "ROW SHARE", 3: ROW_EXCLUSIVE, 4: SHARE_UPDATE_EXCLUSIVE, 5: SHARE,
                 6: SHARE_ROW_EXCLUSIVE, 7: EXCLUSIVE, 8: ACCESS_EXCLUSIVE}
        mode = modes.get(node.get("mode", 8), ACCESS_EXCLUSIVE)
        return [TableLock(_name(r["RangeVar"]), mode, "", "lock table") for r in node.get("relations", ())]
    return []


def classify(sql: str) -> list[TableLock]:
    """The table locks of one SQL statement (or several); [] when it does not parse."""
    try:
        parsed = json.loads(parse_sql_json(sql))
    except ParseError:
        return []
    out = []
    for raw in parsed.get("stmts", ()):
        ((kind, node),) = raw["stmt"].items()
        out += classify_node(kind, node)
    return out
