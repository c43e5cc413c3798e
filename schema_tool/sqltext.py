"""SQL text without a parser, shared by migrate and lint: a lexer that knows
where strings, quoted identifiers, dollar-quoted bodies and comments are, and
the `-- schema-tool: ...` directives written in line comments.

A directive is a `--` line comment (indented or not, alone on its line or
after code) whose text starts with `schema-tool:`; the same text inside a
string or a function body is not one. `schema-tool migrate` and every lint
layer read directives through `directives()` only, so they always agree on
what a file says. (Statement splitting, the Supabase CLI's way, lives in
schema_tool.migrations.)

It works on plain SQL and on Jinja2 sources alike (Jinja tags are just text
to it), which is what the allow comments and the indentation check need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$")


@dataclass(frozen=True)
class Span:
    kind: str  # "line_comment" | "block_comment" | "string" | "dollar" | "ident"
    start: int
    end: int  # exclusive


def scan(text: str) -> list[Span]:
    """Spans of comments, literals and quoted identifiers, in order.

    Unterminated constructs run to the end of the text (the parse check
    reports them; here we only need to know what is not code).
    """
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            spans.append(Span("line_comment", i, j))
            i = j
        elif c == "/" and text.startswith("/*", i):
            j = skip_block_comment(text, i)
            spans.append(Span("block_comment", i, j))
            i = j
        elif c == "'":
            # E'...' strings treat backslash as an escape.
            escapes = i > 0 and text[i - 1] in "eE" and (i < 2 or not (text[i - 2].isalnum() or text[i - 2] == "_"))
            j = _closing_quote(text, i, escapes)
            spans.append(Span("string", i, min(j + 1, n)))
            i = j + 1
        elif c == '"':
            j = _closing_quote(text, i)
            spans.append(Span("ident", i, min(j + 1, n)))
            i = j + 1
        elif c == "$" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = _DOLLAR.match(text, i)
            if m:
                tag = m.group(0)
                j = text.find(tag, m.end())
                j = n if j < 0 else j + len(tag)
                spans.append(Span("dollar", i, j))
                i = j
            else:
                i += 1
        else:
            i += 1
    return spans


def _closing_quote(text: str, start: int, backslash_escapes: bool = False) -> int:
    """Offset of the quote that closes the one at start (a doubled quote is
    part of the text); len(text) or beyond when it is never closed."""
    quote, j, n = text[start], start + 1, len(text)
    while j < n:
        if backslash_escapes and text[j] == "\\":
            j += 2
            continue
        if text[j] == quote:
            if j + 1 < n and text[j + 1] == quote:
                j += 2
                continue
            break
        j += 1
    return j


PSQL_META = re.compile(r"^[ \t]*\\.*$", re.MULTILINE)


def blank_psql_meta(text: str) -> str:
    """psql meta-command lines (backslash commands such as `\\set`) as
    spaces: Postgres's parser and scanner read the rest, offsets and lines
    unchanged."""
    return PSQL_META.sub(lambda m: " " * len(m.group(0)), text)


def line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def line_of(starts: list[int], offset: int) -> int:
    """1-based line number of a character offset."""
    lo, hi = 0, len(starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1


def skip_trivia(text: str, offset: int) -> int:
    """First offset at or after `offset` that is not whitespace or a comment."""
    n = len(text)
    i = offset
    while i < n:
        if text[i].isspace():
            i += 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            i = skip_block_comment(text, i)
        else:
            break
    return i


def skip_block_comment(text: str, i: int) -> int:
    """The offset after the block comment starting at i: they nest in PostgreSQL."""
    depth, n = 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            depth += 1
            i += 2
        elif text.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return n


# ---------------------------------------------------------------- directives

DIRECTIVE = re.compile(r"^--\s*schema-tool:\s*(.*?)\s*$")
ALLOW = re.compile(r"^allow\b\s*(.*)$", re.IGNORECASE)
NO_TRANSACTION = "no-transaction"


@dataclass(frozen=True)
class Directive:
    line: int  # 1-based line of the comment
    text: str  # what follows `schema-tool:`, stripped


@dataclass(frozen=True)
class Allow:
    line: int
    rules: tuple[str, ...]  # lower-case rule ids
    reason: str


def directives(text: str) -> list[Directive]:
    """Every `-- schema-tool: ...` line comment of the file, in order."""
    starts = line_starts(text)
    found = []
    for span in scan(text):
        if span.kind == "line_comment":
            m = DIRECTIVE.match(text[span.start : span.end])
            if m:
                found.append(Directive(line_of(starts, span.start), m.group(1)))
    return found


def allow_comments(text: str) -> list[Allow]:
    """Every `-- schema-tool: allow RULE[,RULE...] reason` directive."""
    found = []
    for d in directives(text):
        a = ALLOW.match(d.text)
        if not a:
            continue
        parts = a.group(1).strip().split(None, 1)
        rules = tuple(r.strip().lower() for r in parts[0].split(",") if r.strip()) if parts else ()
        reason = parts[1].strip() if len(parts) > 1 else ""
        found.append(Allow(d.line, rules, reason))
    return found


def no_transaction_line(text: str) -> int | None:
    """Line of the `-- schema-tool: no-transaction` directive, if the file has one."""
    return next((d.line for d in directives(text) if d.text.lower() == NO_TRANSACTION), None)


def is_transactional(text: str) -> bool:
    """False for a file marked `-- schema-tool: no-transaction` (run statement by statement)."""
    return no_transaction_line(text) is None


def comment_only_lines(text: str) -> set[int]:
    """Line numbers (1-based) whose only content is a `--` comment."""
    return {
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().startswith("--")
    }


def annotated_lines(line: int, comment_lines: set[int]) -> list[int]:
    """The line itself plus the contiguous comment-only lines directly above it."""
    lines = [line]
    above = line - 1
    while above in comment_lines:
        lines.append(above)
        above -= 1
    return lines


def normalize(sql: str) -> str:
    """Lower-case, without double quotes, whitespace collapsed: for name search."""
    return re.sub(r"\s+", " ", sql.replace('"', "").lower())


def mentions(normalized_sql: str, name: str) -> bool:
    name = normalize(name).strip()
    if not name:
        return False
    return re.search(r"(?<![\w.$])" + re.escape(name) + r"(?![\w$])", normalized_sql) is not None
