"""schema-tool lint: SQL style, Supabase security advisories, migration safety.

Public API:
    lint(root, paths=(), only=(), new_only=False, fix=False, engine="embedded",
         processes=2, use_cache=True) -> LintResult
    Finding, RULES, FORMATTERS

Three layers (docs/lint-rules.md documents every rule):
  1. style   - sqlfluff with the repo's .sqlfluff, 4-space indentation, and
               every file parsing (style.py);
  2. catalog - migrate into a throwaway database and inspect pg_catalog like
               Supabase's advisors (catalog.py);
  3. safety  - pglast over each migration: what locks or breaks a live
               database (safety.py).
A finding is accepted by `-- schema-tool: allow RULE reason` (findings.py).
"""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..migrations import read_text
from . import catalog, safety, style  # noqa: F401 - importing registers the rules
from .findings import FORMATTERS, LAYERS, RULES, Finding, accept_in_file, allow_problems, layer_of, relpath
from .sqltext import is_transactional

__all__ = ["lint", "LintResult", "Finding", "RULES", "FORMATTERS", "select_rules", "collect_files"]


@dataclass
class LintResult:
    findings: list[Finding]
    files: int = 0
    fixed: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.level == "error" and not f.accepted)


@dataclass(frozen=True)
class Files:
    sources: list[Path]  # sql/**/*.sql.j2 (Jinja)
    migrations: list[Path]  # migrations/*.sql
    plain: list[Path]  # supabase/**/*.sql (tests, seeds)


def collect_files(root: Path) -> Files:
    sql_dir, mig_dir, sup_dir = root / "sql", root / "migrations", root / "supabase"
    sources = sorted(
        p for p in sql_dir.rglob("*.sql.j2")
        if not any(part.startswith("_") for part in p.relative_to(sql_dir).parts[:-1])
    ) if sql_dir.is_dir() else []
    migrations = sorted(mig_dir.glob("*.sql")) if mig_dir.is_dir() else []
    mig_resolved = mig_dir.resolve()
    plain = []
    if sup_dir.is_dir():
        for p in sorted(sup_dir.rglob("*.sql")):
            resolved = p.resolve()
            if resolved.parent == mig_resolved or mig_resolved in resolved.parents:
                continue  # supabase/migrations is the same files as migrations/
            plain.append(p)
    return Files(sources, migrations, plain)


def style_scope(rel: str) -> bool:
    """Files sqlfluff lints (and --fix rewrites): the Jinja sources and the
    pgTAP tests. Migrations are rendered from the sources (their style is the
    sources' style, and released ones never change); seeds are data. Those
    are only checked to parse."""
    return rel.startswith("sql/") or rel.startswith("supabase/tests/")


def _counterpart(rel: str) -> str | None:
    """sql/<module>/<name>.sql.j2 <-> migrations/<name>.sql (by file name)."""
    name = rel.rsplit("/", 1)[-1]
    if rel.startswith("sql/") and name.endswith(".sql.j2"):
        return "migrations/" + name[: -len(".j2")]
    return None


def select_rules(only: tuple[str, ...]) -> set[str] | None:
    """Rule ids selected by --only (exact ids, or a layer: style/catalog/safety)."""
    if not only:
        return None
    wanted: set[str] = set()
    for item in only:
        key = item.strip().lower()
        if key in RULES:
            wanted.add(key)
        elif key in LAYERS:
            wanted |= {r.id for r in RULES.values() if r.layer == key}
        else:
            raise UsageError(
                f"--only {item}: unknown rule (see docs/lint-rules.md; layers: {', '.join(LAYERS)})"
            )
    return wanted


def git_changed_files(root: Path, base: str = "main") -> set[str]:
    """Files changed on this branch: vs the merge-base with `base`, plus untracked."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
        if done.returncode:
            raise UsageError(f"--new-only: git {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    toplevel = Path(git("rev-parse", "--show-toplevel").strip())
    untracked = git("ls-files", "--others", "--exclude-standard", "--full-name").split("\n")
    changed = [p for p in untracked if p]
    has_head = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "-q", "HEAD"],
                              capture_output=True).returncode == 0
    if has_head:
        merge_base = None
        for ref in (base, f"origin/{base}"):
            done = subprocess.run(["git", "-C", str(root), "merge-base", "HEAD", ref], capture_output=True, text=True)
            if done.returncode == 0:
                merge_base = done.stdout.strip()
                break
        if merge_base is None:
            raise UsageError(f"--new-only: no branch {base} (or origin/{base}) to compare with")
        changed += [p for p in git("diff", "--name-only", merge_base).split("\n") if p]
    out = set()
    for p in changed:
        out.add(relpath(toplevel / p, root))
    return out


def _validate_only(only: tuple[str, ...]) -> bool:
    """Fail fast on an unknown --only item; True when sqlfluff's rule list is
    needed to resolve them (a `style-<code>` id)."""
    needs_style = False
    for item in only:
        key = item.strip().lower()
        if key in RULES or key in LAYERS:
            continue
        if key.startswith("style-"):
            needs_style = True
            continue
        raise UsageError(f"--only {item}: unknown rule (see docs/lint-rules.md; layers: {', '.join(LAYERS)})")
    return needs_style


def lint(
    root: Path,
    paths: tuple[Path, ...] = (),
    only: tuple[str, ...] = (),
    new_only: bool = False,
    fix: bool = False,
    engine: str = "embedded",
    processes: int = 2,
    use_cache: bool = True,
) -> LintResult:
    """Run the three layers; returns every finding (accepted ones marked).

    Order, for speed: sqlfluff workers are forked first (before any thread),
    then a thread runs the safety layer and parse checks and collects the
    workers' results while the main thread runs the catalog layer (which
    mostly waits for initdb and the migrations).
    """
    root = root.resolve()
    started = time.perf_counter()
    timings: dict[str, float] = {}
    registered = False
    if _validate_only(only):
        style.register_style_rules(root)
        registered = True
    wanted = select_rules(only)

    def want(layer: str) -> bool:
        return wanted is None or any(RULES[r].layer == layer for r in wanted if r in RULES)

    files = collect_files(root)
    rel = {p: relpath(p, root) for p in [*files.sources, *files.migrations, *files.plain]}
    selected: set[str] | None = None
    if paths:
        selected = set()
        for given in paths:
            given = given.resolve()
            if not given.exists():
                raise UsageError(f"{given}: no such file or folder")
            for p, r in rel.items():
                if p.resolve() == given or given in p.resolve().parents:
                    selected.add(r)
    if new_only:
        changed = git_changed_files(root)
        selected = changed if selected is None else selected & changed
    if selected is not None:
        selected = {r for r in rel.values() if r in selected or _counterpart(r) in selected} | {
            c for r in selected if (c := _counterpart(r))
        }

    def chosen(path: Path) -> bool:
        return selected is None or rel[path] in selected

    texts: dict[str, str] = {}

    def text_of(path: Path) -> str:
        r = rel[path]
        if r not in texts:
            texts[r] = read_text(path)
        return texts[r]

    findings: list[Finding] = []
    fixed: list[str] = []

    # 1. sqlfluff in worker processes (forked now, before the catalog thread).
    pending = None
    if want("style"):
        jobs = [
            style.Job(str(root), str(p), rel[p], templated=p in files.sources, fix=fix)
            for p in [*files.sources, *files.plain] if chosen(p) and style_scope(rel[p])
        ]
        pending = style.run_jobs(jobs, processes, root, use_cache)

    migrations = files.migrations
    mig_sources = [(rel[p], text_of(p)) for p in migrations]

    # 2. in a thread: migration safety, parse checks, collecting sqlfluff's
    #    results (pure Python, or waiting on the workers).
    local: dict[str, object] = {"findings": [], "wanted": wanted}

    def local_work() -> None:
        try:
            out: list[Finding] = []
            if (want("safety") or want("style")) and migrations:
                t = time.perf_counter()
                sources = [
                    safety.Source(p.name.split("_", 1)[0], p, rel[p], text_of(p), is_transactional(text_of(p)))
                    for p in migrations
                ]
                out += safety.check(sources, {rel[p] for p in migrations if chosen(p)})
                timings["safety"] = time.perf_counter() - t
            if not registered:  # style-<code> ids, for allow comments and --only style
                style.register_style_rules(root)
                local["wanted"] = select_rules(only)
            if want("style"):
                t = time.perf_counter()
                for p in files.plain:
                    if chosen(p):
                        out += style.parse_check(rel[p], text_of(p))
                for r, file_findings, changed in pending.result():
                    out += file_findings
                    if changed:
                        fixed.append(r)
                        texts.pop(r, None)
                timings["style"] = time.perf_counter() - t
            local["findings"] = out
        except BaseException as exc:  # re-raised in the main thread
            local["error"] = exc

    for path in [*files.sources, *files.migrations, *files.plain]:
        text_of(path)  # read every file once, before the thread starts
    worker = threading.Thread(target=local_work, name="schema-tool-lint", daemon=True)
    worker.start()

    # 3. catalog advisories on a throwaway database (main thread: the engine
    #    installs signal handlers), mostly waiting for initdb and migrations.
    cat: list[Finding] = []
    try:
        if want("catalog") and migrations and (selected is None or any(rel[p] in selected for p in migrations)):
            from ..supabase import exposed_schemas

            t = time.perf_counter()
            cat = catalog.run(root / "migrations", exposed_schemas(root), engine)
            timings["catalog"] = time.perf_counter() - t
    finally:
        worker.join()
    if "error" in local:
        raise local["error"]
    findings += local["findings"]
    wanted = local["wanted"]
    for f in cat:
        if f.file:
            f.file = relpath(Path(f.file), root)
    catalog.locate_and_accept([f for f in cat if f.match], mig_sources)
    if selected is not None:
        cat = [f for f in cat if f.file in selected]
    findings += cat

    # Allow comments: malformed ones are findings; well-formed ones accept.
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        if f.file and f.line and layer_of(f.rule) != "catalog":
            by_file.setdefault(f.file, []).append(f)
    for p, r in rel.items():
        if not chosen(p):
            continue
        text = text_of(p)
        if r in by_file:
            accept_in_file(by_file[r], text)
        if wanted is None:
            findings += allow_problems(r, text)

    if wanted is not None:
        findings = [f for f in findings if f.rule in wanted]
    findings.sort(key=Finding.sort_key)
    timings["total"] = time.perf_counter() - started
    return LintResult(findings, len([p for p in rel if chosen(p)]), fixed, timings)
