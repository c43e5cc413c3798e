"""- **What**: an identifier (table, column, index, constraint, policy,
  function, ... name) longer than 63 bytes.
- **Why**: Postgres silently truncates it to 63 bytes (NAMEDATALEN - 1): the
  object in the database is not the name in the source, so a later `drop
  policy "<the full name>"` or a test naming it misses, and two long names
  sharing their first 63 bytes collide.
- **Released files**: a released migration cannot change, so its long name is
  fixed by a later migration that renames the object (by its truncated name);
  the rule then knows the name is gone and stays quiet.
- **Fix**: a shorter name (abbreviate the columns of an index, not the table).
- **Example**: `create index idx_<64 characters> on app.t (a);` fails; a name
  of 63 bytes or fewer passes."""

from __future__ import annotations

import re

from .... import sqltext
from ...findings import ERROR, rule

RULE = rule("identifier-too-long", "safety", ERROR, "identifier longer than 63 bytes", doc=__doc__,
            squawk=("identifier-too-long",))

LIMIT = 63
WORD = re.compile(r"(?<![\w$])[A-Za-z_][A-Za-z0-9_$]*")


def truncated(name: str) -> str:
    return name.encode("utf-8")[:LIMIT].decode("utf-8", "ignore")


def long_identifiers(sql: str):
    """(offset, name) of every identifier token over the limit, outside
    literals, comments and function bodies (Postgres's lexer truncates them,
    so the parse tree only ever holds the short form)."""
    spans = sqltext.scan(sql)
    masked = list(sql)
    for s in spans:
        if s.kind != "ident":
            for i in range(s.start, s.end):
                if masked[i] != "\n":
                    masked[i] = " "
    for s in spans:
        if s.kind == "ident":
            name = sql[s.start + 1 : s.end - 1].replace('""', '"')
            if len(name.encode("utf-8")) > LIMIT:
                yield s.start, name
            for i in range(s.start, s.end):
                masked[i] = " "
    for m in WORD.finditer("".join(masked)):
        if len(m.group(0).encode("utf-8")) > LIMIT:
            yield m.start(), m.group(0).lower()


def renamed_later(ctx) -> set[str]:
    """Names that a later migration renames away (old names of `alter ... rename to`)."""
    names = set()
    for _src, stmts in ctx.later:
        for st in stmts:
            if st.kind == "RenameStmt":
                node = st.node
                for old in (node.get("subname"), (node.get("relation") or {}).get("relname")):
                    if old:
                        names.add(old)
    return names


def check(ctx):
    starts = sqltext.line_starts(ctx.src.sql)
    later = None
    for offset, name in long_identifiers(ctx.src.sql):
        short = truncated(name)
        if ctx.released:
            later = renamed_later(ctx) if later is None else later
            if short in later:
                continue
        yield RULE.finding(
            f"identifier \"{name}\" is {len(name.encode('utf-8'))} bytes: Postgres truncates it to \"{short}\"",
            "use a name of 63 bytes or fewer" + (" (a released file: rename the object in a new migration)"
                                                 if ctx.released else ""),
            file=ctx.src.rel, line=sqltext.line_of(starts, offset),
        )
