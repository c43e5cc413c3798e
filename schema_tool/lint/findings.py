"""The Rule and Finding types, the rule registry, allow comments and output
formats. The rules themselves are one module each under lint/rules/."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from .. import sqltext

ERROR = "error"
WARNING = "warning"


@dataclass(eq=False)
class Rule:
    """One lint rule: its id, layer, level and one-line title; its page in
    docs/lint-rules.md (`doc`, the rule module's docstring); the squawk rule
    ids and splinter lint numbers it covers; and its check, set by
    lint.rules.load() from the module's `check` function."""

    id: str
    layer: str  # "style" | "catalog" | "safety" | "plpgsql" | "allow"
    level: str
    title: str
    doc: str = ""
    squawk: tuple[str, ...] = ()
    splinter: tuple[str, ...] = ()
    check: Callable | None = None
    module: str = ""  # the module defining it (fixtures sit next to it)

    def finding(self, message: str, fix: str, **where) -> "Finding":
        return Finding(self.id, message, fix, **where)


RULES: dict[str, Rule] = {}


def rule(id: str, layer: str, level: str, title: str, doc: str | None = "", squawk: tuple[str, ...] = (),
         splinter: tuple[str, ...] = ()) -> Rule:
    r = Rule(id, layer, level, title, (doc or "").strip(), tuple(squawk), tuple(splinter))
    RULES[id] = r
    return r


LAYERS = ("style", "catalog", "safety", "plpgsql")


@dataclass
class Finding:
    """One finding. Its level is its rule's (RULES), never restated here."""

    rule: str
    message: str
    fix: str
    file: str | None = None  # posix path relative to the project root
    line: int | None = None
    object: str | None = None  # catalog findings: the database object
    accepted: bool = False
    reason: str | None = None
    # Catalog findings: names that a migration statement must all mention for
    # an allow comment above it to accept the finding (see docs/lint-rules.md).
    match: tuple[str, ...] = field(default=(), repr=False)

    def where(self) -> str:
        if self.file and self.line:
            place = f"{self.file}:{self.line}"
        elif self.file:
            place = self.file
        else:
            place = ""
        if self.object:
            return f"{self.object} ({place})" if place else self.object
        return place or "(repo)"

    @property
    def level(self) -> str:
        r = RULES.get(self.rule)
        return r.level if r else ERROR  # sqlfluff codes not registered yet are errors

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("match")
        d["level"] = self.level
        d["layer"] = RULES[self.rule].layer if self.rule in RULES else "style"
        return d

    def sort_key(self):
        return (self.file or "~", self.line or 0, self.object or "", self.rule)


def known_rule(rule_id: str) -> bool:
    return rule_id in RULES


def layer_of(rule_id: str) -> str:
    r = RULES.get(rule_id)
    return r.layer if r else "style"


# ------------------------------------------------------------------ allows


def file_allows(text: str) -> tuple[dict[int, list[sqltext.Allow]], set[int]]:
    """Allow comments by line, and the comment-only lines of the file."""
    by_line: dict[int, list[sqltext.Allow]] = {}
    for allow in sqltext.allow_comments(text):
        by_line.setdefault(allow.line, []).append(allow)
    return by_line, sqltext.comment_only_lines(text)


def allow_problems(rel_path: str, text: str) -> list[Finding]:
    """Findings about malformed allow comments in one file."""
    problems = []
    for allow in sqltext.allow_comments(text):
        if not allow.rules or not allow.reason:
            problems.append(Finding(
                "allow-missing-reason", "allow comment without a rule and a reason",
                "write `-- schema-tool: allow RULE why this is deliberate`", file=rel_path, line=allow.line,
            ))
        for r in allow.rules:
            if not known_rule(r) or layer_of(r) == "allow":
                problems.append(Finding(
                    "allow-unknown-rule", f"allow comment names unknown rule {r!r}",
                    "use a rule id from docs/lint-rules.md", file=rel_path, line=allow.line,
                ))
    return problems


def accept_in_file(findings: list[Finding], text: str) -> None:
    """Mark file findings accepted when an allow comment for their rule sits on
    their line or in the comment lines directly above it."""
    by_line, comment_lines = file_allows(text)
    if not by_line:
        return
    for f in findings:
        if f.line is None or layer_of(f.rule) == "allow":
            continue
        for line in sqltext.annotated_lines(f.line, comment_lines):
            for allow in by_line.get(line, ()):
                if f.rule.lower() in allow.rules and allow.reason:
                    f.accepted, f.reason = True, allow.reason
                    break
            if f.accepted:
                break


# ------------------------------------------------------------------ output


def summary(findings: list[Finding]) -> dict:
    return {
        "errors": sum(1 for f in findings if f.level == ERROR and not f.accepted),
        "warnings": sum(1 for f in findings if f.level == WARNING and not f.accepted),
        "accepted": sum(1 for f in findings if f.accepted),
    }


def format_text(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        if f.accepted:
            continue
        lines.append(f"{f.where()}: {f.level} {f.rule}: {f.message}")
        if f.fix:
            lines.append(f"    fix: {f.fix}")
    s = summary(findings)
    lines.append(
        f"{s['errors']} error(s), {s['warnings']} warning(s), {s['accepted']} accepted by allow comments"
    )
    return "\n".join(lines)


def format_json(findings: list[Finding]) -> str:
    return json.dumps(
        {"findings": [f.to_dict() for f in findings], "summary": summary(findings)},
        indent=2,
        sort_keys=True,
    )


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        if f.accepted:
            continue
        props = []
        if f.file:
            props.append(f"file={_gh_escape(f.file, True)}")
            if f.line:
                props.append(f"line={f.line}")
        props.append(f"title={_gh_escape(f.rule, True)}")
        message = f"{f.object}: {f.message}" if f.object else f.message
        if f.fix:
            message += f" Fix: {f.fix}"
        lines.append(f"::{f.level} {','.join(props)}::{_gh_escape(message)}")
    s = summary(findings)
    lines.append(f"{s['errors']} error(s), {s['warnings']} warning(s), {s['accepted']} accepted")
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}


def relpath(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
