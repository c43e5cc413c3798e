"""Layer 3: migration safety, the engine.

Each migration is parsed with pglast (Postgres's own parser); each safety
rule (lint/rules/safety/, one module per rule) looks at the statements of one
file through a `FileContext`. Tables are tracked across files in version
order: a table "existed before" a migration when an earlier migration created
it, or when no migration creates it at all (it came with the platform, e.g.
auth.users). A table created by the migration itself (or by a later one) is
new, and changes to it are exempt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pglast.parser import ParseError, parse_sql_json

from .. import sqltext
from .findings import Finding
from .rules import of_layer
from .rules.style import parse_error

# Released migrations (this version and every earlier one) have run in
# production and never change. The style pass skips them, and rules about
# design choices (column types) look only at newer files: a finding there
# could only be fixed by rewriting a live table. Read from the project's
# release manifest (sql/released.txt, schema-tool release) when lint starts.
RELEASED_THROUGH = "0"

# `supabase db push` / `db reset` send each file and its ledger row as one
# implicitly transactional batch (supabase/cli pkg/migration/file.go; #2898),
# so a statement that cannot run in a transaction block fails there, whatever
# schema-tool's marker says.
CLI_ONE_TRANSACTION = "the Supabase CLI (`supabase db push`, `db reset`) runs every migration file in one transaction"
NO_TRANSACTION_HINT = (
    f"{CLI_ONE_TRANSACTION}, so concurrently cannot work in a migration there either: drop concurrently and "
    "see index-not-concurrent, or mark the file `-- schema-tool: no-transaction` if it is only ever applied "
    "by `schema-tool migrate` (no-transaction-file)"
)


SERIAL_TYPES = {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"}


def released(version: str) -> bool:
    return int(version) <= int(RELEASED_THROUGH)


def read_released_through(root: Path) -> None:
    """Take the cut-off from the project's release manifest (none: nothing is released)."""
    from ..release import released_cutoff

    global RELEASED_THROUGH
    RELEASED_THROUGH = released_cutoff(root) or "0"


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


def strings(items) -> list[str]:
    return [i["String"]["sval"] for i in items or () if "String" in i]


def key(rv: dict) -> tuple[str | None, str]:
    schema = rv.get("schemaname")
    return (schema.lower() if schema else None, rv["relname"].lower())


def name(rv: dict) -> str:
    return f"{rv['schemaname']}.{rv['relname']}" if rv.get("schemaname") else rv["relname"]


def names(items) -> tuple[str | None, str]:
    parts = [p.lower() for p in strings(items)]
    return (parts[-2] if len(parts) > 1 else None, parts[-1])


class Tables:
    """When each table was born: the version of the migration that created it,
    "" for a table no migration creates (it existed before all of them)."""

    def __init__(self) -> None:
        self.born: dict[tuple[str | None, str], str] = {}
        self.indexes: dict[tuple[str | None, str], tuple[str | None, str]] = {}  # index -> its table

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

    def index_table(self, key) -> tuple[str | None, str] | None:
        """The table of an index a migration created (None when unknown)."""
        if key in self.indexes:
            return self.indexes[key]
        if key[0] is None:
            return next((t for (s, n), t in self.indexes.items() if n == key[1]), None)
        return self.indexes.get((None, key[1]))

    def existed_before(self, key, version: str) -> bool:
        return self.lookup(key) < version


def collect_tables(parsed: list[tuple["Source", list[Stmt]]]) -> Tables:
    """First pass: where every table is created (in version order)."""
    tables = Tables()
    for src, stmts in parsed:
        for st in stmts:
            node = st.node
            if st.kind == "CreateStmt":
                tables.create(key(node["relation"]), src.version)
            elif st.kind == "CreateTableAsStmt" and node.get("into"):
                tables.create(key(node["into"]["rel"]), src.version)
            elif st.kind == "IndexStmt" and node.get("idxname"):
                table = key(node["relation"])
                tables.indexes.setdefault((table[0], node["idxname"].lower()), table)
            elif st.kind == "RenameStmt" and node.get("renameType") == "OBJECT_INDEX" and node.get("relation"):
                old = key(node["relation"])
                table = tables.index_table(old)
                if table:
                    tables.indexes[(old[0], node["newname"].lower())] = table
            elif st.kind == "RenameStmt" and node.get("renameType") == "OBJECT_TABLE" and node.get("relation"):
                schema = node["relation"].get("schemaname")
                tables.rename(key(node["relation"]), (schema.lower() if schema else None, node["newname"].lower()))
    return tables


def func_names(node) -> set[str]:
    """Names of every function called anywhere in an expression tree."""
    found: set[str] = set()

    def walk(n):
        if isinstance(n, dict):
            for k, v in n.items():
                if k == "FuncCall":
                    names = strings(v.get("funcname"))
                    if names:
                        found.add(names[-1].lower())
                walk(v)
        elif isinstance(n, list):
            for item in n:
                walk(item)

    walk(node)
    return found


def type_name(type_name: dict | None) -> str:
    names = strings((type_name or {}).get("names"))
    return names[-1].lower() if names else ""


def constraints(col: dict) -> list[dict]:
    return [c["Constraint"] for c in col.get("constraints") or () if "Constraint" in c]



@dataclass
class FileContext:
    """One migration file as a safety rule sees it."""

    src: Source
    stmts: list[Stmt]
    tables: Tables
    later: list[tuple[Source, list[Stmt]]] = field(default_factory=list)  # the files after it

    @property
    def transactional(self) -> bool:
        return self.src.transactional

    @property
    def released(self) -> bool:
        return released(self.src.version)

    def existing(self, rv: dict) -> bool:
        """Did the table of this RangeVar exist before this migration?"""
        return self.tables.existed_before(key(rv), self.src.version)

    def existed(self, key: tuple[str | None, str]) -> bool:
        return self.tables.existed_before(key, self.src.version)

    def at(self, st: Stmt) -> dict:
        return {"file": self.src.rel, "line": st.line}

    def text(self, st: Stmt) -> str:
        return self.src.sql[st.offset : st.end]

    def table_cmds(self, existing_only: bool = True):
        """(statement, AlterTableStmt node, AlterTableCmd) of every `alter table`
        on a table (existing ones only, by default)."""
        for st in self.stmts:
            node = st.node
            if st.kind == "AlterTableStmt" and node.get("objtype") == "OBJECT_TABLE":
                if existing_only and not self.existing(node["relation"]):
                    continue
                for cmd in node.get("cmds") or ():
                    yield st, node, cmd.get("AlterTableCmd", {})


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
                findings.append(parse_error.finding(src.rel, src.sql, exc))
    tables = collect_tables(parsed)
    rules = [r for r in of_layer("safety") if r.check]
    for i, (src, stmts) in enumerate(parsed):
        if only_files is not None and src.rel not in only_files:
            continue
        ctx = FileContext(src, stmts, tables, parsed[i + 1 :])
        for r in rules:
            findings += r.check(ctx)
    return findings


def column_defs(ctx):
    """(statement, table name, ColumnDef) of every column a file defines or
    retypes: create table, add column, alter column type."""
    for st in ctx.stmts:
        node = st.node
        if st.kind == "CreateStmt":
            for elt in node.get("tableElts") or ():
                if "ColumnDef" in elt:
                    yield st, name(node["relation"]), elt["ColumnDef"]
        elif st.kind == "AlterTableStmt" and node.get("objtype") == "OBJECT_TABLE":
            for cmd in node.get("cmds") or ():
                c = cmd.get("AlterTableCmd", {})
                col = (c.get("def") or {}).get("ColumnDef")
                if col and c.get("subtype") in ("AT_AddColumn", "AT_AlterColumnType"):
                    yield st, name(node["relation"]), {**col, "colname": col.get("colname") or c.get("name")}


def type_modifiers(type_name: dict | None) -> list:
    return [m.get("A_Const", {}).get("ival", {}).get("ival") for m in (type_name or {}).get("typmods") or ()]
