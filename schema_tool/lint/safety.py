"""Layer 3: migration safety.

Each migration is parsed with pglast (Postgres's own parser) and every
statement that locks or breaks a live database is flagged. Tables are tracked
across files in version order: a table "existed before" a migration when an
earlier migration created it, or when no migration creates it at all (it came
with the platform, e.g. auth.users). A table created by the migration itself
(or by a later one) is new, and changes to it are exempt.
"""

from __future__ import annotations

import json
import re

from dataclasses import dataclass
from pathlib import Path

from pglast.parser import ParseError, parse_sql_json

from . import sqltext
from .findings import ERROR, WARNING, Finding, rule

INDEX_NOT_CONCURRENT = rule("index-not-concurrent", "safety", ERROR, "create index without concurrently on an existing table")
CONSTRAINT_NOT_VALID = rule("constraint-not-valid", "safety", ERROR, "foreign key or check added to an existing table without not valid")
SET_NOT_NULL = rule("set-not-null", "safety", ERROR, "set not null on an existing column")
ADD_COLUMN_NOT_NULL = rule("add-column-not-null", "safety", ERROR, "not null column added without a default")
COLUMN_TYPE_CHANGE = rule("column-type-change", "safety", ERROR, "column type changed on an existing table")
DROP_TABLE = rule("drop-table", "safety", ERROR, "existing table dropped")
DROP_COLUMN = rule("drop-column", "safety", ERROR, "column dropped from an existing table")
RENAME_TABLE = rule("rename-table", "safety", ERROR, "existing table renamed")
RENAME_COLUMN = rule("rename-column", "safety", ERROR, "column of an existing table renamed")
VOLATILE_DEFAULT = rule("volatile-default", "safety", ERROR, "column with a volatile default added to an existing table")
CONCURRENTLY_IN_TRANSACTION = rule("concurrently-in-transaction", "safety", ERROR, "concurrently inside a transactional migration")
NO_TRANSACTION_FILE = rule("no-transaction-file", "safety", ERROR, "migration marked no-transaction: the Supabase CLI cannot apply it")
ENUM_ADD_VALUE = rule("enum-add-value", "safety", WARNING, "enum value added in an unsafe way")
PARSE_ERROR = rule("parse-error", "style", ERROR, "file does not parse")

# Functions whose result differs per row: a default calling one makes
# `add column` rewrite the whole table under an ACCESS EXCLUSIVE lock.
VOLATILE_FUNCTIONS = {
    "random", "random_normal", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1",
    "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval",
    "txid_current", "pg_current_xact_id", "gen_random_bytes", "setseed",
}
SERIAL_TYPES = {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"}

# `supabase db push` / `db reset` send each file and its ledger row as one
# implicitly transactional batch (supabase/cli pkg/migration/file.go; #2898),
# so a statement that cannot run in a transaction block fails there, whatever
# schema-tool's marker says.
CLI_ONE_TRANSACTION = "the Supabase CLI (`supabase db push`, `db reset`) runs every migration file in one transaction"
PREBUILD_HINT = (
    "the build blocks writes to the table while it runs; accept that with "
    "`-- schema-tool: allow index-not-concurrent <table size, lock time>` on the line above. On a table that is "
    "big in production write `create index if not exists`, run the same statement with `concurrently` by hand "
    "before deploying (the migration then finds it built and takes no lock), and say so in the allow comment"
)
NO_TRANSACTION_HINT = (
    f"{CLI_ONE_TRANSACTION}, so concurrently cannot work in a migration there either: drop concurrently and "
    "see index-not-concurrent, or mark the file `-- schema-tool: no-transaction` if it is only ever applied "
    "by `schema-tool migrate` (no-transaction-file)"
)


@dataclass(frozen=True)
class Source:
    """One migration file as layer 3 sees it."""

    version: str
    path: Path
    rel: str  # path shown in findings
    sql: str
    transactional: bool


@dataclass(frozen=True)
class Stmt:
    kind: str  # the parse node's name, e.g. "AlterTableStmt"
    node: dict
    offset: int  # character offset of the statement's first token
    end: int  # character offset just past the statement
    line: int


def statements(sql: str) -> list[Stmt]:
    """Parse with Postgres's parser (pglast, JSON output: fast); byte offsets
    converted to character offsets."""
    parsed = json.loads(parse_sql_json(sql))
    raw = sql.encode("utf-8")
    ascii_only = len(raw) == len(sql)
    starts = sqltext.line_starts(sql)

    def chars(byte_offset: int) -> int:
        return byte_offset if ascii_only else len(raw[:byte_offset].decode("utf-8", "replace"))

    out = []
    for r in parsed.get("stmts", ()):
        loc = r.get("stmt_location", 0)
        length = r.get("stmt_len") or (len(raw) - loc)
        ((kind, node),) = r["stmt"].items()
        first = sqltext.skip_trivia(sql, chars(loc))
        out.append(Stmt(kind, node, first, chars(loc + length), sqltext.line_of(starts, first)))
    return out


def parse_error(rel: str, sql: str, exc: ParseError) -> Finding:
    line = None
    location = exc.args[1] if len(exc.args) > 1 else None
    if isinstance(location, int) and location > 0:
        line = sql[: location - 1].count("\n") + 1
    message = exc.args[0] if exc.args else str(exc)
    return Finding(
        PARSE_ERROR.id, ERROR, f"Postgres cannot parse this file: {message}",
        "correct the SQL syntax (this is what Postgres itself will reject)", file=rel, line=line,
    )


def _strings(items) -> list[str]:
    return [i["String"]["sval"] for i in items or () if "String" in i]


def _key(rv: dict) -> tuple[str | None, str]:
    schema = rv.get("schemaname")
    return (schema.lower() if schema else None, rv["relname"].lower())


def _name(rv: dict) -> str:
    return f"{rv['schemaname']}.{rv['relname']}" if rv.get("schemaname") else rv["relname"]


def _names(items) -> tuple[str | None, str]:
    parts = [p.lower() for p in _strings(items)]
    return (parts[-2] if len(parts) > 1 else None, parts[-1])


class Tables:
    """When each table was born: the version of the migration that created it,
    "" for a table no migration creates (it existed before all of them)."""

    def __init__(self) -> None:
        self.born: dict[tuple[str | None, str], str] = {}

    def lookup(self, key) -> str:
        schema, name = key
        if key in self.born:
            return self.born[key]
        if schema is None:  # unqualified: any schema with that name
            found = [v for (s, n), v in self.born.items() if n == name]
            return min(found) if found else ""
        return self.born.get((None, name), "")

    def create(self, key, version: str) -> None:
        self.born.setdefault(key, version)

    def rename(self, old, new) -> None:
        self.born.setdefault(new, self.lookup(old))

    def existed_before(self, key, version: str) -> bool:
        return self.lookup(key) < version


def collect_tables(parsed: list[tuple["Source", list[Stmt]]]) -> Tables:
    """First pass: where every table is created (in version order)."""
    tables = Tables()
    for src, stmts in parsed:
        for st in stmts:
            node = st.node
            if st.kind == "CreateStmt":
                tables.create(_key(node["relation"]), src.version)
            elif st.kind == "CreateTableAsStmt" and node.get("into"):
                tables.create(_key(node["into"]["rel"]), src.version)
            elif st.kind == "RenameStmt" and node.get("renameType") == "OBJECT_TABLE" and node.get("relation"):
                schema = node["relation"].get("schemaname")
                tables.rename(_key(node["relation"]), (schema.lower() if schema else None, node["newname"].lower()))
    return tables


def _func_names(node) -> set[str]:
    """Names of every function called anywhere in an expression tree."""
    found: set[str] = set()

    def walk(n):
        if isinstance(n, dict):
            for k, v in n.items():
                if k == "FuncCall":
                    names = _strings(v.get("funcname"))
                    if names:
                        found.add(names[-1].lower())
                walk(v)
        elif isinstance(n, list):
            for item in n:
                walk(item)

    walk(node)
    return found


def _type_name(type_name: dict | None) -> str:
    names = _strings((type_name or {}).get("names"))
    return names[-1].lower() if names else ""


def _constraints(col: dict) -> list[dict]:
    return [c["Constraint"] for c in col.get("constraints") or () if "Constraint" in c]


class Checker:
    def __init__(self, src: Source, stmts: list[Stmt], tables: Tables) -> None:
        self.src = src
        self.stmts = stmts
        self.tables = tables
        self.findings: list[Finding] = []
        self.enums_created: set[tuple[str | None, str]] = set()

    def add(self, rule_, st: Stmt, message: str, fix: str, level: str | None = None) -> None:
        self.findings.append(
            Finding(rule_.id, level or rule_.level, message, fix, file=self.src.rel, line=st.line)
        )

    def existing(self, rv: dict) -> bool:
        return self.tables.existed_before(_key(rv), self.src.version)

    def run(self) -> list[Finding]:
        if not self.src.transactional:
            marker = re.search(r"^--\s*schema-tool:\s*no-transaction\s*$", self.src.sql, re.MULTILINE)
            line = self.src.sql.count("\n", 0, marker.start()) + 1 if marker else 1
            self.findings.append(Finding(
                NO_TRANSACTION_FILE.id, ERROR,
                f"{CLI_ONE_TRANSACTION} with its ledger row (supabase/cli#2898): this no-transaction file fails there",
                "keep migrations transactional (see index-not-concurrent for big indexes), or accept with "
                "`-- schema-tool: allow no-transaction-file <why only schema-tool migrate applies it>`",
                file=self.src.rel, line=line,
            ))
        for i, st in enumerate(self.stmts):
            node, kind = st.node, st.kind
            if kind == "IndexStmt":
                self.index(st, node)
            elif kind == "AlterTableStmt" and node.get("objtype") == "OBJECT_TABLE":
                if self.existing(node["relation"]):
                    for cmd in node.get("cmds") or ():
                        self.alter_cmd(st, node, cmd.get("AlterTableCmd", {}))
            elif kind == "DropStmt":
                self.drop(st, node)
            elif kind == "RenameStmt":
                self.rename(st, node)
            elif kind == "CreateEnumStmt":
                self.enums_created.add(_names(node["typeName"]))
            elif kind == "AlterEnumStmt" and node.get("newVal") is not None and not node.get("oldVal"):
                self.enum_value(st, node, self.stmts[i + 1 :])
        return self.findings

    def index(self, st: Stmt, node: dict) -> None:
        table = _name(node["relation"])
        if node.get("concurrent"):
            if self.src.transactional:
                self.add(
                    CONCURRENTLY_IN_TRANSACTION, st,
                    f"create index concurrently on {table} cannot run inside the migration's transaction",
                    NO_TRANSACTION_HINT,
                )
        elif self.existing(node["relation"]):
            self.add(
                INDEX_NOT_CONCURRENT, st,
                f"create index on existing table {table} blocks writes to it while the index builds",
                PREBUILD_HINT,
            )

    def alter_cmd(self, st: Stmt, node: dict, cmd: dict) -> None:
        table = _name(node["relation"])
        sub = cmd.get("subtype")
        definition = cmd.get("def") or {}
        column = cmd.get("name")
        if sub == "AT_AddColumn" and "ColumnDef" in definition:
            self.add_column(st, table, definition["ColumnDef"])
        elif sub == "AT_AddConstraint" and "Constraint" in definition:
            con = definition["Constraint"]
            if con.get("contype") in ("CONSTR_FOREIGN", "CONSTR_CHECK") and not con.get("skip_validation"):
                kind = "foreign key" if con["contype"] == "CONSTR_FOREIGN" else "check constraint"
                name = f" {con['conname']}" if con.get("conname") else ""
                self.add(
                    CONSTRAINT_NOT_VALID, st,
                    f"adding {kind}{name} to existing table {table} scans it while holding a lock",
                    "add it `not valid`, then `alter table ... validate constraint ...` in a later migration",
                )
        elif sub == "AT_SetNotNull":
            self.add(
                SET_NOT_NULL, st,
                f"set not null on {table}.{column} scans the whole table under an ACCESS EXCLUSIVE lock",
                "add `check (col is not null) not valid`, validate it in a later migration, then set not null",
            )
        elif sub == "AT_AlterColumnType":
            self.add(
                COLUMN_TYPE_CHANGE, st,
                f"changing the type of {table}.{column} rewrites the table and breaks clients reading it",
                "add a new column, backfill it in batches, switch readers, then drop the old one",
            )
        elif sub == "AT_DropColumn":
            self.add(
                DROP_COLUMN, st,
                f"dropping {table}.{column} breaks every client and view still using it",
                "stop using the column in a release first; drop it in a later migration with an allow comment",
            )

    def add_column(self, st: Stmt, table: str, col: dict) -> None:
        constraints = _constraints(col)
        types = {c.get("contype") for c in constraints}
        default = next((c.get("raw_expr") for c in constraints if c.get("contype") == "CONSTR_DEFAULT"), None)
        generated = types & {"CONSTR_IDENTITY", "CONSTR_GENERATED"}
        serial = _type_name(col.get("typeName")) in SERIAL_TYPES
        colname = col.get("colname")
        if "CONSTR_NOTNULL" in types and default is None and not generated and not serial:
            self.add(
                ADD_COLUMN_NOT_NULL, st,
                f"adding not null column {table}.{colname} without a default fails on a table with rows",
                "give it a constant default, or add it nullable, backfill, then set not null safely",
            )
        volatile = sorted(_func_names(default) & VOLATILE_FUNCTIONS) if default is not None else []
        if volatile or generated or serial:
            why = (
                f"default {volatile[0]}()" if volatile
                else "a serial type" if serial
                else "an identity or stored generated column"
            )
            self.add(
                VOLATILE_DEFAULT, st,
                f"adding {table}.{colname} with {why} rewrites the whole table under an ACCESS EXCLUSIVE lock",
                "add the column without the default, set the default afterwards, backfill existing rows in batches",
            )

    def drop(self, st: Stmt, node: dict) -> None:
        remove = node.get("removeType")
        if remove == "OBJECT_INDEX" and node.get("concurrent") and self.src.transactional:
            self.add(
                CONCURRENTLY_IN_TRANSACTION, st,
                "drop index concurrently cannot run inside the migration's transaction",
                NO_TRANSACTION_HINT,
            )
        if remove != "OBJECT_TABLE":
            return
        for obj in node.get("objects") or ():
            key = _names(obj.get("List", {}).get("items"))
            if self.tables.existed_before(key, self.src.version):
                name = f"{key[0]}.{key[1]}" if key[0] else key[1]
                self.add(
                    DROP_TABLE, st,
                    f"dropping existing table {name} destroys its data and breaks its clients",
                    "stop using it in a release first; drop it later with an allow comment giving the reason",
                )

    def rename(self, st: Stmt, node: dict) -> None:
        relation = node.get("relation")
        if not relation or not self.existing(relation):
            return
        table = _name(relation)
        if node.get("renameType") == "OBJECT_TABLE":
            self.add(
                RENAME_TABLE, st,
                f"renaming existing table {table} to {node['newname']} breaks clients using the old name",
                "create the new name as a view or new table, migrate clients, then drop the old one",
            )
        elif node.get("renameType") == "OBJECT_COLUMN":
            self.add(
                RENAME_COLUMN, st,
                f"renaming {table}.{node.get('subname')} to {node['newname']} breaks clients using the old name",
                "add the new column, write both, migrate readers, then drop the old column",
            )

    def enum_value(self, st: Stmt, node: dict, later: list[Stmt]) -> None:
        key = _names(node["typeName"])
        if key in self.enums_created:
            return
        type_name = ".".join(p for p in key if p)
        value = node["newVal"]
        if self.src.transactional:
            literal = "'" + value.replace("'", "''") + "'"
            for other in later:
                if literal in self.src.sql[other.offset : other.end]:
                    self.add(
                        ENUM_ADD_VALUE, st,
                        f"enum value {literal} added to {type_name} is used in the same transaction (fails with 55P04)",
                        "use the new value in a later migration (or mark this file `-- schema-tool: no-transaction`)",
                        level=ERROR,
                    )
                    return
        if node.get("newValNeighbor"):
            self.add(
                ENUM_ADD_VALUE, st,
                f"enum value '{value}' is inserted {'after' if node.get('newValIsAfter') else 'before'}"
                f" '{node['newValNeighbor']}' in {type_name}: existing ordering comparisons change meaning",
                "append the value at the end (no before/after), or accept with an allow comment",
            )


def check(sources: list[Source], only_files: set[str] | None = None) -> list[Finding]:
    """Layer 3 over the migrations (all of them are read to track tables; only
    files in `only_files`, when given, are reported). A file that does not
    parse is a `parse-error` finding."""
    ordered = sorted(sources, key=lambda s: (int(s.version), s.rel))
    parsed: list[tuple[Source, list[Stmt]]] = []
    findings: list[Finding] = []
    for src in ordered:
        try:
            parsed.append((src, statements(src.sql)))
        except ParseError as exc:
            if only_files is None or src.rel in only_files:
                findings.append(parse_error(src.rel, src.sql, exc))
    tables = collect_tables(parsed)
    for src, stmts in parsed:
        if only_files is not None and src.rel not in only_files:
            continue
        findings += Checker(src, stmts, tables).run()
    return findings
