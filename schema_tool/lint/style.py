"""Layer 1: style and syntax.

- The Jinja sources of unreleased migrations (sql/**/*.sql.j2) are linted with
  sqlfluff, configured by the repo's .sqlfluff (postgres dialect; the Jinja
  templater finds sql/_macros). Each sqlfluff rule is the lint rule
  `style-<CODE>`; its violations are errors.
- The pgTAP tests (supabase/tests/**/*.sql) get the token-level form of those
  rules (tokenstyle.py, pglast's scanner: 0.4 CPU s instead of sqlfluff's 40),
  reported under the same ids; `--fix` or `--tests-style sqlfluff` runs
  sqlfluff's full pass on them instead.
- `style-indent`: indentation is spaces in multiples of 4 (outside literals,
  function bodies and comments). It replaces sqlfluff's LT02, whose postgres
  layout fights the house style (see .sqlfluff).
- `parse-error`: every plain SQL file (migrations/, supabase/) must parse with
  Postgres's own parser (pglast); a Jinja source must render. Where sqlfluff's
  grammar cannot parse valid Postgres, the statement is reported as the warning
  `style-unparsable` (its style is then not checked).

Files are linted in worker processes. Results are cached by content: the
key is a hash of everything a result depends on (the file's bytes and path,
.sqlfluff, the Jinja macro folders for sources, the sqlfluff/sqlfluffrs
versions and this layer's own code), so a cached result can never be stale;
`--no-cache` (or SCHEMA_TOOL_LINT_CACHE=off) bypasses it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import sqltext
from ..migrations import read_text
from . import tokenstyle
from .findings import ERROR, Finding, rule
from .rules.style import parse_error, style_unparsable
from .rules.style.style_indent import indent_findings

# sqlfluff codes that are not style rules of their own.
TEMPLATE_CODES = {"TMP", "LXR"}
UNPARSABLE_CODES = {"PRS"}


@dataclass(frozen=True)
class Job:
    root: str
    path: str
    rel: str
    templated: bool  # Jinja source in sql/
    fix: bool
    tokens: bool = False  # a pgTAP test: token-level checks (tokenstyle.py), not sqlfluff


def sqlfluff_config(root: Path, templated: bool):
    from sqlfluff.core import FluffConfig

    overrides = {} if templated else {"templater": "raw"}
    return FluffConfig.from_path(str(root), overrides=overrides)


_CODES: dict[str, list[str]] = {}


def register_style_rules(root: Path) -> list[str]:
    """Register `style-<code>` for every sqlfluff rule the config enables."""
    if str(root) not in _CODES:
        from sqlfluff.core import Linter

        pack = Linter(config=sqlfluff_config(root, True)).get_rulepack()
        for r in pack.rules:
            rule(f"style-{r.code.lower()}", "style", ERROR, (r.description or r.code).strip().splitlines()[0])
        _CODES[str(root)] = sorted(r.code for r in pack.rules)
    return _CODES[str(root)]


# ----------------------------------------------------------- sqlfluff

_LINTERS: dict[tuple[str, bool], object] = {}


def _linter(root: str, templated: bool):
    key = (root, templated)
    if key not in _LINTERS:  # one per worker process and run
        from sqlfluff.core import Linter

        _LINTERS[key] = Linter(config=sqlfluff_config(Path(root), templated))
    return _LINTERS[key]


def _violations(job: Job, linted) -> list[Finding]:
    findings = []
    for v in linted.get_violations():
        code = v.rule_code()
        desc = v.desc().splitlines()[0] if v.desc() else code
        line = v.line_no or None
        if code in TEMPLATE_CODES:
            findings.append(parse_error.RULE.finding(
                f"template does not render: {desc}",
                "fix the Jinja (the macros live in sql/_macros)", file=job.rel, line=line,
            ))
        elif code in UNPARSABLE_CODES:
            findings.append(style_unparsable.RULE.finding(
                f"sqlfluff cannot parse this statement, its style is not checked: {desc}",
                "if Postgres accepts it this is a gap in sqlfluff's grammar; otherwise fix the syntax",
                file=job.rel, line=line,
            ))
        else:
            findings.append(Finding(
                f"style-{code.lower()}", f"{desc} [{code}, column {v.line_pos}]",
                "`schema-tool lint --fix` corrects it" if v.fixes else "edit the SQL as the message says",
                file=job.rel, line=line,
            ))
    return findings


def lint_file(job: Job) -> tuple[str, list[Finding], bool]:
    """Lint (and with job.fix, fix) one file. Returns (rel, findings, changed)."""
    path = Path(job.path)
    text = read_text(path)
    if job.tokens and not job.fix:
        return job.rel, token_lint(job.rel, text, register_style_rules(Path(job.root))), False
    linter = _linter(job.root, job.templated)
    changed = False
    if job.fix:
        linted = linter.lint_string(text, fname=job.path, fix=True)
        fixed, _ok = linted.fix_string()
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            text, changed = fixed, True
    linted = linter.lint_string(text, fname=job.path)
    findings = _violations(job, linted) + indent_findings(job.rel, text, job.templated)
    return job.rel, findings, changed


def token_lint(rel: str, text: str, codes: list[str]) -> list[Finding]:
    """The pgTAP tests' style pass: the token-level checks of the sqlfluff
    rules in `codes` (lint/tokenstyle.py) and the indentation rule."""
    return tokenstyle.check(rel, text, set(codes)) + indent_findings(rel, text, False)


# ----------------------------------------------------------- parse check

def parse_check(rel: str, text: str) -> list[Finding]:
    """Postgres's parser over a plain SQL file (psql meta-commands blanked)."""
    from pglast.parser import ParseError, parse_sql_json

    cleaned = sqltext.blank_psql_meta(text)
    try:
        parse_sql_json(cleaned)
    except ParseError as exc:
        return [parse_error.finding(rel, cleaned, exc)]
    return []


# ----------------------------------------------------------- cache


def cache_dir() -> Path | None:
    setting = os.environ.get("SCHEMA_TOOL_LINT_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "schema-tool" / "lint"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def environment_digest(root: Path) -> dict[bool, str]:
    """Hash of every input besides the file itself, for plain and Jinja files."""
    h = hashlib.sha256()
    for part in (_version("sqlfluff"), _version("sqlfluffrs"), _version("pglast")):
        h.update(part.encode() + b"\0")
    # The code a style result depends on: this layer, the Finding type, the
    # SQL lexer and the style rules (not the other layers: changing a
    # catalog rule must not throw the style cache away).
    lint_dir = Path(__file__).parent
    for module in (__file__, lint_dir / "findings.py", lint_dir / "tokenstyle.py", sqltext.__file__,
                   *sorted((lint_dir / "rules" / "style").glob("*.py"))):
        h.update(Path(module).read_bytes())
    config = root / ".sqlfluff"
    h.update(config.read_bytes() if config.exists() else b"")
    plain = h.copy().hexdigest()
    sql_dir = root / "sql"
    if sql_dir.is_dir():
        for p in sorted(sql_dir.rglob("*")):
            rel_parts = p.relative_to(sql_dir).parts
            if p.is_file() and any(part.startswith("_") for part in rel_parts[:-1]):
                h.update(p.relative_to(sql_dir).as_posix().encode() + b"\0" + p.read_bytes())
    return {False: plain, True: h.hexdigest()}


def _cache_key(job: Job, digest: dict[bool, str]) -> str:
    h = hashlib.sha256(digest[job.templated].encode())
    h.update(b"tokens\0" if job.tokens else b"sqlfluff\0")
    h.update(job.rel.encode() + b"\0")
    h.update(Path(job.path).read_bytes())
    return h.hexdigest()


def _cache_get(directory: Path, key: str) -> list[Finding] | None:
    try:
        data = json.loads((directory / f"{key}.json").read_text())
    except (OSError, ValueError):
        return None
    return [Finding(**{k: v for k, v in d.items() if k != "level"}) for d in data]


def _cache_put(directory: Path, key: str, findings: list[Finding]) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / f".{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps([
            {k: v for k, v in asdict(f).items() if k not in ("match", "accepted", "reason")} for f in findings
        ]))
        tmp.replace(directory / f"{key}.json")
    except OSError:
        pass  # a cache that cannot be written is just not used


def run_jobs(jobs: list[Job], processes: int = 2, root: Path | None = None, use_cache: bool = True):
    """Lint the jobs, in parallel worker processes when there are several.

    Returns a future-like object: call .result() for [(rel, findings, changed)].
    Work starts at once, so the caller can do other things meanwhile.
    """
    directory = cache_dir() if use_cache and root is not None else None
    done: list[tuple[str, list[Finding], bool]] = []
    todo: list[tuple[Job, str | None]] = []
    digest = environment_digest(root) if directory else None
    for job in jobs:
        key = _cache_key(job, digest) if directory and not job.fix else None
        cached = _cache_get(directory, key) if key else None
        if cached is not None:
            done.append((job.rel, cached, False))
        else:
            todo.append((job, key))

    def store(result, key):
        if key:
            _cache_put(directory, key, result[1])
        return result

    # token-level jobs take milliseconds: run in the caller's thread, at result()
    inline = [(j, k) for j, k in todo if j.tokens and not j.fix]
    todo = [(j, k) for j, k in todo if not (j.tokens and not j.fix)]
    if processes <= 1 or len(todo) <= 1:
        return _Done(done + [store(lint_file(j), k) for j, k in todo], inline, store)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    todo.sort(key=lambda jk: -Path(jk[0].path).stat().st_size)
    pool = ProcessPoolExecutor(max_workers=min(processes, len(todo)), mp_context=multiprocessing.get_context("fork"))
    futures = [(pool.submit(lint_file, j), k) for j, k in todo]
    return _Pending(pool, futures, done + [], store, inline)


class _Done:
    def __init__(self, results, inline=(), store=None):
        self.results, self.inline, self.store = results, inline, store

    def result(self):
        return self.results + [self.store(lint_file(j), k) for j, k in self.inline]


class _Pending:
    def __init__(self, pool, futures, done, store, inline=()):
        self.pool, self.futures, self.done, self.store, self.inline = pool, futures, done, store, inline

    def result(self):
        try:
            here = [self.store(lint_file(j), k) for j, k in self.inline]
            return self.done + here + [self.store(f.result(), k) for f, k in self.futures]
        finally:
            self.pool.shutdown()
