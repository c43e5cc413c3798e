"""- **What**: a line indented by something other than a multiple of 4 spaces, or
  with a tab.
- **Why**: the house style indents by 4 spaces. This replaces sqlfluff's LT02,
  whose postgres layout fights hanging indents of DDL continuation lines.
- **Exempt**: lines starting inside a string, a `$$` body, a block comment or a
  Jinja tag; continuation lines aligned with the content of a still-open
  bracket (`values\n    ('a',\n     'b')`).
- **Fix**: re-indent by 4 spaces per level (not fixed by `--fix`).
- **Example**: `select\n   id\nfrom app.t;` fails (3 spaces); `select\n    id\nfrom app.t;` passes."""

from __future__ import annotations

import bisect
import re

from .... import sqltext
from ...findings import ERROR, Finding, rule

RULE = rule("style-indent", "style", ERROR, "indentation is not a multiple of 4 spaces", doc=__doc__)

_JINJA_TAG = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)


def indent_findings(rel: str, text: str, templated: bool) -> list[Finding]:
    """Lines indented by something other than a multiple of 4 spaces.

    Exempt: lines that start inside a string, a dollar-quoted body, a block
    comment or a Jinja tag; and continuation lines aligned with the content
    of a still-open bracket (`values ('a',\n        'b')` style alignment).
    """
    skip = [(s.start, s.end) for s in sqltext.scan(text) if s.kind != "line_comment"]
    if templated:
        skip += [(m.start(), m.end()) for m in _JINJA_TAG.finditer(text)]
    masked = list(text)
    for a, b in skip:
        for i in range(a, b):
            if masked[i] != "\n":
                masked[i] = "_"
    for span in sqltext.scan(text):  # comments may hold brackets too
        if span.kind == "line_comment":
            for i in range(span.start, span.end):
                masked[i] = "_"
    merged: list[list[int]] = []
    for a, b in sorted(skip):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    span_starts = [a for a, _ in merged]
    masked_lines = "".join(masked).split("\n")
    findings = []
    stack: list[set[int]] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start = offset
        offset += len(line) + 1
        k = bisect.bisect_left(span_starts, start + 1) - 1
        inside = k >= 0 and merged[k][0] < start < merged[k][1]
        if not inside and line.strip():
            lead = line[: len(line) - len(line.lstrip())]
            why = None
            if "\t" in lead:
                why = "a tab"
            elif len(lead) % 4 and not any(len(lead) in cols for cols in stack):
                why = f"{len(lead)} spaces"
            if why:
                findings.append(RULE.finding(
                    f"indented with {why}; the house style indents by 4 spaces",
                    "indent with multiples of 4 spaces (one level per nesting)", file=rel, line=number,
                ))
        code = masked_lines[number - 1]
        for col, ch in enumerate(code):
            if ch in "([":
                after = len(code) - len(code[col + 1 :].lstrip()) if code[col + 1 :].strip() else col + 1
                stack.append({col + 1, after})
            elif ch in ")]" and stack:
                stack.pop()
    return findings


