"""schema-tool lint: SQL style, Supabase security advisories, migration safety.

Public API:
    lint(root, paths=(), only=(), new_only=False, fix=False, engine="embedded",
         processes=2, use_cache=True, plpgsql_engine="auto") -> LintResult
    Finding, RULES, FORMATTERS

Four layers, each an engine running its rules (lint/rules/<layer>/, one
module per rule; docs/lint-rules.md is generated from them, lint/docgen.py):
  1. style   - sqlfluff with the repo's .sqlfluff, 4-space indentation, and
               every file parsing (style.py);
  2. catalog - migrate into a throwaway database and inspect pg_catalog like
               Supabase's advisors (catalog.py);
  3. safety  - pglast over each migration: what locks or breaks a live
               database (safety.py);
  4. plpgsql - plpgsql_check over every PL/pgSQL function and trigger of the
               migrated database, as `supabase db lint` (plpgsql.py); where
               the engine lacks the extension, on the system engine, or
               skipped with a note.
A finding is accepted by `-- schema-tool: allow RULE reason` (findings.py).
"""

from __future__ import annotations

import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import sqltext
from ..errors import UsageError
from ..migrations import read_text
from . import catalog, plpgsql, rules, safety, style
from .findings import FORMATTERS, LAYERS, RULES, Finding, accept_in_file, allow_problems, layer_of, relpath

__all__ = ["lint", "LintResult", "Finding", "RULES", "FORMATTERS", "select_rules", "collect_files"]


@dataclass
class LintResult:
    findings: list[Finding]
    files: int = 0
    fixed: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # for people, on stderr: a layer skipped or narrowed

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
    """Files sqlfluff lints (and --fix rewrites): the Jinja sources of
    unreleased migrations and the pgTAP tests; each SQL text once.
    Migrations are rendered from the sources (their style is the sources'
    style); released sources are frozen (sql/released.txt) and need no
    style pass; seeds are data. Those are only checked to parse."""
    if rel.startswith("sql/"):
        version = rel.rsplit("/", 1)[-1].split("_", 1)[0]
        return not (version.isdigit() and safety.released(version))
    return rel.startswith("supabase/tests/")


def token_styled(rel: str, fix: bool, tests_style: str = "tokens") -> bool:
    """pgTAP tests get the token-level style checks (lint/tokenstyle.py), not
    sqlfluff's parse: that parse was 40 of a cold lint's 60 CPU seconds.
    `--fix` (sqlfluff's fixes) and tests_style "sqlfluff" (`--tests-style
    sqlfluff`, the full pass, e.g. for a nightly job) give them sqlfluff again."""
    return rel.startswith("supabase/tests/") and not fix and tests_style != "sqlfluff"


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


@dataclass
class Plan:
    """What one run lints: the files, the selection and the rules."""

    root: Path
    files: Files
    rel: dict[Path, str]
    texts: dict[str, str]
    selected: set[str] | None
    wanted: set[str] | None

    def chosen(self, path: Path) -> bool:
        return self.selected is None or self.rel[path] in self.selected

    def want(self, layer: str) -> bool:
        return self.wanted is None or any(RULES[r].layer == layer for r in self.wanted if r in RULES)

    def text(self, path: Path) -> str:
        return self.texts[self.rel[path]]


def plan(root: Path, paths: tuple[Path, ...], only: tuple[str, ...], new_only: bool) -> Plan:
    safety.read_released_through(root)
    rules.load()
    if _validate_only(only):
        style.register_style_rules(root)
    wanted = select_rules(only)
    files = collect_files(root)
    rel = {p: relpath(p, root) for p in [*files.sources, *files.migrations, *files.plain]}
    selected: set[str] | None = None
    if paths:
        selected = set()
        for given in paths:
            given = given.resolve()
            if not given.exists():
                raise UsageError(f"{given}: no such file or folder")
            selected |= {r for p, r in rel.items() if p.resolve() == given or given in p.resolve().parents}
    if new_only:
        changed = git_changed_files(root)
        selected = changed if selected is None else selected & changed
    if selected is not None:
        selected = {r for r in rel.values() if r in selected or _counterpart(r) in selected} | {
            c for r in selected if (c := _counterpart(r))
        }
    texts = {r: read_text(p) for p, r in rel.items()}
    return Plan(root, files, rel, texts, selected, wanted)


def run_safety(pl: Plan) -> list[Finding]:
    """Layer 3 over every migration (reported for the chosen ones)."""
    sources = [
        safety.Source(p.name.split("_", 1)[0], p, pl.rel[p], pl.text(p), sqltext.is_transactional(pl.text(p)))
        for p in pl.files.migrations
    ]
    return safety.check(sources, {pl.rel[p] for p in pl.files.migrations if pl.chosen(p)})


def run_catalog(pl: Plan, engine: str, also=None) -> list[Finding]:
    """Layer 2, located at the statements that create each object (`also`:
    see catalog.run)."""
    from ..supabase import anonymous_sign_ins, exposed_schemas

    migrations = pl.files.migrations
    if not migrations or (pl.selected is not None and not any(pl.rel[p] in pl.selected for p in migrations)):
        return []
    setup = tuple(sorted(p for p in pl.files.plain if _setup_file(pl.rel[p])))
    found = catalog.run(pl.root / "migrations", exposed_schemas(pl.root), engine, setup,
                        anonymous_sign_ins(pl.root), also)
    for f in found:
        if f.file:
            f.file = relpath(Path(f.file), pl.root)
    statements = [(pl.rel[p], pl.text(p)) for p in [*migrations, *setup]]
    catalog.locate_and_accept([f for f in found if f.match], statements)
    return [f for f in found if pl.selected is None or f.file in pl.selected]


def start_plpgsql(pl: Plan, engine: str, choice: str) -> plpgsql.Layer:
    """Layer 4; its `in_place` goes to catalog.run when both share a server.
    On a server of its own (the lint engine lacks plpgsql_check: here the
    embedded one), it runs at once in a forked process, while the catalog
    layer migrates its own server: one after the other they were 7 s of a
    cold lint's critical path. Call before any thread starts (fork)."""
    layer = plpgsql.Layer(engine, choice, share=pl.want("catalog"))
    if not layer.shared and layer.engine is not None:
        layer.alone = _Alone(pl, layer)
    return layer


class _Alone:
    """finish_plpgsql in a forked child; `result()` returns (findings, notes)."""

    def __init__(self, pl: Plan, layer: plpgsql.Layer):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=self._child, args=(pl, layer, send), daemon=True,
                                       name="schema-tool-lint-plpgsql")
        self.process.start()
        send.close()

    @staticmethod
    def _child(pl: Plan, layer: plpgsql.Layer, send) -> None:
        try:
            found = _finish_plpgsql(pl, layer)
            send.send((found, layer.notes, None))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the parent
            send.send(([], layer.notes, exc))
        finally:
            send.close()

    def result(self) -> tuple[list[Finding], list[str]]:
        try:
            found, notes, exc = self.receive.recv()
        except EOFError:
            raise RuntimeError("lint: the plpgsql layer's process ended without a result") from None
        finally:
            self.process.join()
        if exc is not None:
            raise exc
        return found, notes


def finish_plpgsql(pl: Plan, layer: plpgsql.Layer) -> list[Finding]:
    alone = getattr(layer, "alone", None)
    if alone is None:
        return _finish_plpgsql(pl, layer)
    found, layer.notes = alone.result()
    return found


def _finish_plpgsql(pl: Plan, layer: plpgsql.Layer) -> list[Finding]:
    migrations = pl.files.migrations
    if not migrations or (pl.selected is not None and not any(pl.rel[p] in pl.selected for p in migrations)):
        return []
    setup = tuple(sorted(p for p in pl.files.plain if _setup_file(pl.rel[p])))
    found = layer.finish(pl.root / "migrations", [(pl.rel[p], pl.text(p)) for p in [*migrations, *setup]], setup)
    return [f for f in found if pl.selected is None or f.file in pl.selected]


def _setup_file(rel: str) -> bool:
    """supabase/tests/*.sql that are not tests: run before the tests (000_setup.sql)."""
    return rel.count("/") == 2 and rel.startswith("supabase/tests/") and not rel.endswith(".test.sql")


def start_style(pl: Plan, fix: bool, processes: int, use_cache: bool, tests_style: str = "tokens"):
    """Start sqlfluff on the style scope in worker processes (forked before any thread)."""
    files = pl.files
    jobs = [
        style.Job(str(pl.root), str(p), pl.rel[p], templated=p in files.sources, fix=fix,
                  tokens=token_styled(pl.rel[p], fix, tests_style))
        for p in [*files.sources, *files.plain] if pl.chosen(p) and style_scope(pl.rel[p])
    ]
    return style.run_jobs(jobs, processes, pl.root, use_cache)


def finish_style(pl: Plan, pending, fixed: list[str]) -> list[Finding]:
    """Parse checks of the plain files, the tests' token-level style checks
    and sqlfluff's results."""
    style.register_style_rules(pl.root)  # style-<code> ids, for allow comments and --only
    out = []
    for p in pl.files.plain:
        if pl.chosen(p):
            out += style.parse_check(pl.rel[p], pl.text(p))
    for r, file_findings, changed in pending.result():
        out += file_findings
        if changed:
            fixed.append(r)
            pl.texts[r] = (pl.root / r).read_text(encoding="utf-8")  # allow comments are read from the fixed text
    return out


def accept(pl: Plan, findings: list[Finding]) -> list[Finding]:
    """Allow comments: well-formed ones accept file findings; malformed ones are findings."""
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        if f.file and f.line and layer_of(f.rule) != "catalog":
            by_file.setdefault(f.file, []).append(f)
    extra = []
    for p, r in pl.rel.items():
        if pl.chosen(p):
            if r in by_file:
                accept_in_file(by_file[r], pl.text(p))
            if pl.wanted is None:
                extra += allow_problems(r, pl.text(p))
    return findings + extra


def lint(
    root: Path,
    paths: tuple[Path, ...] = (),
    only: tuple[str, ...] = (),
    new_only: bool = False,
    fix: bool = False,
    engine: str = "embedded",
    processes: int = 2,
    use_cache: bool = True,
    plpgsql_engine: str = "auto",
    tests_style: str = "tokens",
) -> LintResult:
    """Run the three layers; returns every finding (accepted ones marked).

    Processes are forked first, before any thread: the plpgsql layer's own
    server (when the lint engine lacks plpgsql_check) and sqlfluff's workers
    (the unreleased Jinja sources). A thread then runs the safety layer,
    another the tests' token-level style checks and collects sqlfluff's
    results, while the main thread runs the catalog layer (the engine installs
    signal handlers; it mostly waits for initdb and the migrations). When the
    lint engine has plpgsql_check, the plpgsql layer runs on the catalog's
    database instead.
    """
    started = time.perf_counter()
    pl = plan(root.resolve(), paths, only, new_only)
    timings: dict[str, float] = {}
    fixed: list[str] = []

    def timed(name, fn, *args):
        t = time.perf_counter()
        try:
            return fn(*args)
        finally:
            timings[name] = time.perf_counter() - t

    pg = start_plpgsql(pl, engine, plpgsql_engine) if pl.want("plpgsql") else None
    pending = start_style(pl, fix, processes, use_cache, tests_style) if pl.want("style") else None
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="schema-tool-lint") as threads:
        local = [
            threads.submit(timed, "safety", run_safety, pl) if pl.want("safety") or pl.want("style") else None,
            threads.submit(timed, "style", finish_style, pl, pending, fixed) if pending else None,
        ]
        cat = timed("catalog", run_catalog, pl, engine, pg.in_place if pg and pg.shared else None) \
            if pl.want("catalog") else []
        checked = timed("plpgsql", finish_plpgsql, pl, pg) if pg else []
        findings = [f for future in local if future for f in future.result()] + cat + checked
    pl.wanted = select_rules(only)  # now with the style-<code> ids
    findings = accept(pl, findings)
    if pl.wanted is not None:
        findings = [f for f in findings if f.rule in pl.wanted]
    findings.sort(key=Finding.sort_key)
    timings["total"] = time.perf_counter() - started
    return LintResult(findings, len([p for p in pl.rel if pl.chosen(p)]), fixed, timings,
                      pg.notes if pg else [])
