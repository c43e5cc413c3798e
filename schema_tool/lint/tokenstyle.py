"""The house style of the pgTAP tests, checked on Postgres's own tokens.

sqlfluff parses every statement into a full tree before its rules run; on the
pgTAP tests (70 files, 15,000 lines) that was 40 CPU seconds of a cold lint,
for files whose style matters less than the migrations' (they are never
shipped to a database that keeps them). This module checks the part of the
house style that is visible on tokens, with pglast's scanner (the lexer of
Postgres itself, milliseconds per file), and reports it under the same rule
ids as sqlfluff, so allow comments and `--only` work alike:

- style-cp01..cp05: keywords, identifiers, function names, literals and
  type names are lower case (quoted identifiers and strings are free);
- style-lt01: no trailing whitespace; no space before `,` `;` `)` `]` or after
  `(` `[`; `::` and `.` touch both sides; one space after a comma and between
  tokens on a line; comparison and multi-character operators have a space on
  both sides;
- style-lt06: no space between a function's name and its bracket (in
  expressions); style-lt10: `select distinct` on one line; style-lt11: set
  operators (`union all`) on a line of their own;
- style-lt12 / style-lt13: one final newline, no leading blank lines;
- style-cv03: no comma before `from`; style-cv04: `count(*)`, not `count(1)`;
  style-cv05: `is null`, not `= null` (an assignment `set a = null` is fine);
- style-cv06: the last statement ends with `;`; style-st12: no `;;`.

Not checked on tests (they need sqlfluff's parse tree): aliasing (AL02, AL04,
AL05, AL09, AL10), ambiguity (AM01, AM06), structure (ST03 unused CTE, ST08
`distinct(`). `--fix` and `--tests-style sqlfluff` give the tests
sqlfluff's full pass again.
sqlfluff's `-- noqa` comments are honoured (`disable=all` / `enable=all`
ranges, and a line's own `-- noqa` or `-- noqa: CODE,...`).
"""

from __future__ import annotations

import re

from .. import sqltext
from .findings import Finding

# The sqlfluff rules this module checks (each where tokens show it).
CODES = ("CP01", "CP02", "CP03", "CP04", "CP05", "CV03", "CV04", "CV05", "CV06",
         "LT01", "LT06", "LT10", "LT11", "LT12", "LT13", "ST12")

_NOQA = re.compile(r"--\s*noqa\s*(?::\s*(.*))?$", re.IGNORECASE)

_LITERAL_KEYWORDS = {"NULL_P", "TRUE_P", "FALSE_P"}
_COMPARISON = {"ASCII_61", "ASCII_60", "ASCII_62", "NOT_EQUALS", "LESS_EQUALS", "GREATER_EQUALS"}
_OPEN = {"ASCII_40", "ASCII_91"}
_CLOSE = {"ASCII_41", "ASCII_93"}
_COMMA, _SEMI, _DOT, _CAST = "ASCII_44", "ASCII_59", "ASCII_46", "TYPECAST"
_TYPE_AFTER = {"TYPECAST"}
_TYPE_KEYWORDS = {"BIGINT", "INT_P", "INTEGER", "SMALLINT", "BOOLEAN_P", "REAL", "FLOAT_P", "DOUBLE_P", "NUMERIC",
                  "DECIMAL_P", "DEC", "VARCHAR", "CHAR_P", "CHARACTER", "TIMESTAMP", "TIME", "INTERVAL", "BIT"}
# Tokens after which a word followed by `(` is a function call (LT06).
_EXPRESSION_START = {"SELECT", "ASCII_44", "ASCII_40", "THEN", "ELSE", "WHEN", "AND", "OR", "NOT", "RETURNING",
                     "WHERE", "Op", "ASCII_43", "ASCII_45", "ASCII_42", "ASCII_47", "EQUALS_GREATER", *_COMPARISON}
# ... and these words before `(` are not functions (`grant select (a), update (b)`).
_NOT_FUNCTIONS = {"EXISTS", "VALUES", "ROW", "IN_P", "SELECT", "INSERT", "UPDATE", "REFERENCES"}
_CLAUSES = {"SET", "WHERE", "ON", "HAVING", "WHEN", "AND", "OR", "NOT", "SELECT", "RETURNING", "ASCII_59"}  # a word after `::` is a type name (CP05)


def _noqa(text: str) -> tuple[set[int], dict[int, set[str] | None]]:
    """Lines under `-- noqa: disable=all`, and each line's own `-- noqa` codes
    (None: every code)."""
    disabled, per_line = set(), {}
    off = False
    for number, line in enumerate(text.split("\n"), start=1):
        m = _NOQA.search(line)
        arg = (m.group(1) or "").strip().lower() if m else ""
        if m and arg.startswith("disable=all"):
            off = True
        elif m and arg.startswith("enable=all"):
            off = False
        elif m:
            per_line[number] = {c.strip().upper() for c in arg.split(",") if c.strip()} or None
        if off:
            disabled.add(number)
    return disabled, per_line


def check(rel: str, text: str, enabled: set[str]) -> list[Finding]:
    """Token-level style findings for one plain SQL file (codes in `enabled`)."""
    from pglast.parser import ParseError, scan

    cleaned = sqltext.blank_psql_meta(text)
    try:
        tokens = [t for t in scan(cleaned) if t.name not in ("SQL_COMMENT", "C_COMMENT")]
    except ParseError:
        return []  # the parse check (parse-error) reports it
    starts = sqltext.line_starts(text)
    disabled, per_line = _noqa(text)
    found: list[tuple[int, str, str, int]] = []

    def report(pos: int, code: str, message: str) -> None:
        if code in enabled:
            number = sqltext.line_of(starts, pos)
            found.append((number, code, message, pos - starts[number - 1] + 1))

    # Case (CP01-CP05).
    prev = None
    for i, t in enumerate(tokens):
        word = cleaned[t.start : t.end + 1]
        if word[:1].isalpha() and word != word.lower() and t.name not in ("SCONST", "BCONST", "XCONST"):
            nxt = tokens[i + 1].name if i + 1 < len(tokens) else None
            if t.name in _LITERAL_KEYWORDS:
                report(t.start, "CP04", f"Boolean/null literals must be lower case: {word}")
            elif (prev is not None and prev.name in _TYPE_AFTER) or t.name in _TYPE_KEYWORDS:
                report(t.start, "CP05", f"Datatypes must be lower case: {word}")
            elif nxt == "ASCII_40" and t.kind != "RESERVED_KEYWORD":
                report(t.start, "CP03", f"Function names must be lower case: {word}")
            elif t.kind != "NO_KEYWORD":
                report(t.start, "CP01", f"Keywords must be lower case: {word}")
            else:
                report(t.start, "CP02", f"Unquoted identifiers must be lower case: {word}")
        prev = t

    # Spacing and punctuation (LT01, LT04, CV03, CV05, ST12).
    clause = None  # `set a = null` assigns; only a comparison to null is CV05
    prev_of = {b.start: (cleaned[a.start:a.end + 1].lower() if a.name == "IDENT" else a.name)
               for a, b in zip(tokens, tokens[1:])}
    for a, b in zip(tokens, tokens[1:]):
        if a.name in _CLAUSES:
            clause = a.name
        gap = cleaned[a.end + 1 : b.start]
        inline = "\n" not in gap and "--" not in gap and "/*" not in gap
        if b.name == _SEMI and a.name == _SEMI:
            report(b.start, "ST12", "Consecutive semicolons (an empty statement)")
        if a.name == _COMMA and b.name == "FROM":
            report(a.start, "CV03", "Trailing comma in select statement is forbidden")
        if clause != "SET" and ((a.name in ("ASCII_61", "NOT_EQUALS") and b.name == "NULL_P") or (
            b.name in ("ASCII_61", "NOT_EQUALS") and a.name == "NULL_P"
        )):
            report(a.start, "CV05", "Comparison to null with an operator: use `is null` / `is not null`")
        if b.name == "DISTINCT" and a.name == "SELECT" and "\n" in gap:
            report(b.start, "LT10", "'select' modifiers (distinct) must be on the same line as 'select'")
        if a.name in ("UNION", "INTERSECT", "EXCEPT") and b.name not in ("ALL", "DISTINCT") and "\n" not in gap:
            report(b.start, "LT11", "Set operators must be surrounded by newlines")
        if b.name in ("UNION", "INTERSECT", "EXCEPT") and "\n" not in gap:
            report(b.start, "LT11", "Set operators must be surrounded by newlines")
        if a.name in ("ALL", "DISTINCT") and prev_of.get(a.start) in ("UNION", "INTERSECT", "EXCEPT") \
                and "\n" not in gap:
            report(b.start, "LT11", "Set operators must be surrounded by newlines")
        if a.name == "ASCII_40" and b.name == "ICONST" and prev_of.get(a.start) == "count" \
                and cleaned[b.start:b.end + 1] in ("0", "1"):
            report(b.start, "CV04", "Use consistent syntax to express 'count number of rows': count(*)")
        if b.name == "ASCII_40" and gap and inline and a.kind != "RESERVED_KEYWORD" and a.name not in _NOT_FUNCTIONS \
                and prev_of.get(a.start) in _EXPRESSION_START:
            report(a.end + 1, "LT06", "Function name not immediately followed by parenthesis")
        if not inline:
            continue
        if gap and (b.name in (_COMMA, _SEMI) or b.name in _CLOSE or a.name in _OPEN
                    or _CAST in (a.name, b.name) or _DOT in (a.name, b.name)):
            report(a.end + 1, "LT01", f"Unnecessary whitespace before {cleaned[b.start:b.end + 1]!r}")
        elif a.name == _COMMA and gap != " ":
            report(a.end + 1, "LT01", "Expected a single space after a comma")
        elif len(gap) > 1:
            report(a.end + 2, "LT01", "Expected only single space before " + repr(cleaned[b.start:b.end + 1]))
        elif not gap and (op := _spaced(a, b)):
            report(b.start, "LT01", f"Expected single whitespace around {cleaned[op.start:op.end + 1]!r}")

    # Lines (LT01 trailing whitespace, LT12, LT13, CV06).
    strings = [(t.start, t.end) for t in tokens if t.name in ("SCONST", "BCONST", "XCONST", "IDENT")]
    k = 0
    for number, start in enumerate(starts, start=1):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line != line.rstrip(" \t"):
            pos = start + len(line.rstrip(" \t"))
            while k < len(strings) and strings[k][1] < pos:
                k += 1
            if not (k < len(strings) and strings[k][0] < pos <= strings[k][1]):
                report(pos, "LT01", "Unnecessary trailing whitespace")
    if text and (not text.endswith("\n") or text.endswith("\n\n")):
        report(max(len(text) - 1, 0), "LT12", "Files must end with a single trailing newline")
    if text.startswith(("\n", " \n", "\t\n")):
        report(0, "LT13", "Files must not begin with newlines or whitespace")
    if tokens and tokens[-1].name != _SEMI:
        report(tokens[-1].start, "CV06", "Statements must end with a semi-colon")

    out = []
    for number, code, message, column in sorted(found):
        own = per_line.get(number, set())
        if number in disabled or (number in per_line and (own is None or code in own)):
            continue
        out.append(Finding(
            f"style-{code.lower()}", f"{message} [{code}, column {column}]",
            "edit the SQL as the message says (`schema-tool lint --fix` runs sqlfluff's fixes)",
            file=rel, line=number,
        ))
    return out


def _spaced(a, b):
    """The operator that needs whitespace on both sides, when a and b touch."""
    for t, other in ((a, b), (b, a)):
        if t.name in _COMPARISON or (t.name == "Op" and other.name not in (_DOT, *_CLOSE, *_OPEN)):
            return t
    return None
