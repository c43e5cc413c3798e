"""verify: a throwaway database, every migration, every pgTAP test, a summary."""

from __future__ import annotations

import os
import queue
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from . import cache, databases, engines, pgtap
from .cache import CacheUnusable
from .errors import UsageError
from .migrate import connect, migrate
from .migrations import AMENDMENTS_FILE, load
from .release import released_versions


@dataclass
class VerifyResult:
    engine: str
    server_version: str
    migrations_applied: int
    pgtap_install: str
    files: list[pgtap.FileResult] = field(default_factory=list)
    seeds: list[str] = field(default_factory=list)
    url: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    stop_command: str = ""  # with keep: how to stop the throwaway server
    cache: str = ""  # what the cache served: "" (not used), none, template, template+N files, all
    cache_notes: list[str] = field(default_factory=list)
    migrations_cached: int = 0  # applied earlier, in the cached template this run started from

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.files)

    @property
    def test_count(self) -> int:
        return sum(len(f.tests) for f in self.files)

    @property
    def failed_count(self) -> int:
        return sum(len(f.failed_tests) + len(f.errors) for f in self.files)


TEMPLATE = "schema_tool_template"  # in a cached cluster: the migrated database, never tested in
PREFIX = "schema_tool_prefix"  # schema_tool_prefix_<i>: a copy after the first i migrations


def verify(
    root: Path,
    engine: str = "embedded",
    database_url: str | None = None,
    keep: bool = False,
    exclude: tuple[str, ...] = (),
    with_seed: bool = False,
    progress=lambda message: None,
    jobs: int = min(4, os.cpu_count() or 1),
    use_cache: bool = True,
) -> VerifyResult:
    """Apply every migration to a new database and run every pgTAP test file against it.

    With a database URL, the work happens in a new database on that server,
    dropped afterwards (unless keep); the database named by the URL is untouched.
    On a local engine (embedded, system) the cache serves the migrated cluster
    and the files that passed with exactly the same inputs (see cache.py).
    """
    timings = {}
    started = time.perf_counter()
    plan = None
    notes = []  # what the cache did, also in --json

    def note(message: str) -> None:
        notes.append(message)
        progress(message)

    # --keep leaves the database to look at: a plain run, no cached template beside it.
    if use_cache and not database_url and not keep and engine in ("embedded", "system"):
        plan = cache_plan(root, engine, exclude, with_seed, note)
    setup, tests = pgtap.test_files(root / "supabase" / "tests", exclude)
    if plan:
        known = [plan.results.get(plan.result_key(path)) for path in setup + tests]
        if all(known) and plan.hit and plan.hit[0] == len(plan.keys) - 1:
            # Nothing changed: no server at all.
            for result in known:
                result.cached = True
            note(f"cache: migrated template and all {len(known)} test files unchanged ({plan.root})")
            timings["total"] = time.perf_counter() - started
            meta = plan.hit[2]
            return VerifyResult(engine, meta.get("server_version", "?"), 0, "cached", known,
                                [str(p.relative_to(root)) for p in seed_files(root, exclude)] if with_seed else [],
                                None, timings, "", cache="all", cache_notes=notes,
                                migrations_cached=len(plan.keys) - 1)
    with ExitStack() as stack:
        server = None
        if database_url:
            server = engines.existing(database_url)
        elif plan and plan.hit:
            try:
                server = stack.enter_context(engines.throwaway(
                    engine, keep=keep, data_from=plan.hit[1], copy_data=plan.copy_data))
            except (CacheUnusable, UsageError) as exc:  # a copy that will not start is not worth a failure
                note(f"cache: not used ({str(exc).splitlines()[0]}); cold run")
                if isinstance(exc, UsageError):
                    plan.templates.discard(plan.hit[1])
                plan.hit = None
        if server is None:
            server = stack.enter_context(engines.throwaway(engine, keep=keep))
        timings["server"] = time.perf_counter() - started
        with connect(server.admin_url) as admin:
            version = admin.execute("show server_version").fetchone()[0]

        t = time.perf_counter()
        if plan:
            template, applied, saved = plan.migrate(server, root / "migrations", note)
            if saved:  # the template is saved after the run: test in a copy
                dbname = f"schema_tool_verify_{secrets.token_hex(4)}"
                url = databases.create(server, dbname, template=template)
            else:  # nothing to save and the server is thrown away
                dbname, url = template, server.database_url(template)
        else:
            dbname = f"schema_tool_verify_{secrets.token_hex(4)}"
            url = databases.create(server, dbname)
            applied = len(migrate(url, root / "migrations", exclude=exclude).applied)
            saved = {}
        if database_url and not keep:
            stack.callback(_drop_database, server, dbname)
        timings["migrate"] = time.perf_counter() - t
        where = engine if not database_url else "url"
        progress(f"applied {applied} migrations to {where} PostgreSQL {version}")

        seeds = []
        if with_seed:
            seeds = apply_seeds(url, root, exclude)

        # pgTAP is not on supautils' list for a reason: the superuser installs it.
        with connect(server.admin_database_url(dbname)) as conn:
            how = pgtap.install(conn)
        psql = server.psql()
        t = time.perf_counter()
        files = [pgtap.run_file(psql, url, path, root) for path in setup]
        todo, cached = tests, {}
        if plan:
            cached = {path: plan.results.get(plan.result_key(path)) for path in tests}
            cached = {path: r for path, r in cached.items() if r}
            todo = [path for path in tests if path not in cached]
        # The clones serve only this run: dropped unless the whole server goes.
        clones = _clones(server, dbname, min(jobs, len(todo)) - 1, stack, drop=bool(database_url) or keep)
        ran = dict(zip(todo, run_parallel(psql, [url] + clones, todo, root)))
        for result in cached.values():
            result.cached = True
        files += [ran.get(path) or cached[path] for path in tests]
        timings["tests"] = time.perf_counter() - t
        if plan:
            for path, result in zip(setup + tests, files):
                if not getattr(result, "cached", False):
                    plan.results.put(plan.result_key(path), result)
            if saved and not keep:
                for name in [dbname, *(f"{dbname}_{i + 2}" for i in range(len(clones)))]:
                    _drop_database(server, name)
                plan.save(server, saved, version, note)
        timings["total"] = time.perf_counter() - started
        reused = "" if not plan else ("template" if plan.hit else "none")
        return VerifyResult(
            where,
            version,
            applied,
            how,
            files,
            seeds,
            url if keep else None,
            timings,
            server.stop_command if keep else "",
            cache=reused if not cached else f"{reused}+{len(cached)} files",
            cache_notes=notes,
            migrations_cached=(len(plan.keys) - 1 - applied) if plan else 0,
        )


def cache_plan(root: Path, engine: str, exclude, with_seed: bool, progress):
    """The cache's view of this run, or None (with one line saying why) when it cannot be used."""
    try:
        return CachePlan(root, engine, exclude, with_seed)
    except CacheUnusable as exc:
        progress(f"cache: not used ({exc}); cold run")
        return None


class CachePlan:
    """Keys of this run's migrations and test files, and the entry to start from."""

    def __init__(self, root: Path, engine: str, exclude, with_seed: bool):
        self.root = cache.cache_root()
        self.templates = cache.Templates(self.root)
        self.results = cache.Results(self.root)
        self.results.prune()
        bin_dir = engines.local_bin_dir(engine)
        self.migrations = load(root / "migrations", exclude)
        self.keys = cache.prefix_keys(cache.server_identity(engine, bin_dir), self.migrations,
                                      root / AMENDMENTS_FILE)
        released = released_versions(root)
        self.released = 0  # how many leading migrations are released (never edited again)
        while self.released < len(self.migrations) and self.migrations[self.released].version in released:
            self.released += 1
        self.hit = self.templates.lookup(self.keys)
        tests_dir = root / "supabase" / "tests"
        setup, _ = pgtap.test_files(tests_dir, exclude)
        seeds = seed_files(root, exclude) if with_seed else []
        # A test may read now(): its result holds for the day it ran (UTC).
        day = time.strftime("%Y-%m-%d", time.gmtime())
        self._common = cache.digest(
            self.keys[-1], cache.pgtap_identity(bin_dir), cache.code_digest(cache.RESULT_CODE), day,
            *(f"{p.relative_to(root)}\0{p.read_text()}" for p in setup),
            "seeds", *(f"{p.name}\0{p.read_text()}" for p in seeds))
        self.root_dir = root
        self.exclude = tuple(exclude)

    def result_key(self, path: Path) -> str:
        return cache.digest(self._common, path.relative_to(self.root_dir), path.read_bytes())

    def migrate(self, server: engines.Server, folder: Path, note) -> tuple[str, int, dict]:
        """Bring TEMPLATE to every migration from the cached prefix, keeping
        copies at two prefixes for the next run: the released migrations (an
        edit of any unreleased one starts there) and all but the last (the
        usual edit). Returns (template, migrations applied now, {key:
        database} to save, empty when the cache already has it all)."""
        n = len(self.keys) - 1
        want = sorted({i for i in (self.released, n - 1) if 0 <= i < n})
        kept = {}
        k = 0
        if self.hit:
            k, entry, meta = self.hit
            restored = meta["databases"][self.keys[k]]
            for key, name in meta["databases"].items():
                valid = key in self.keys[:k + 1] and self.keys.index(key) in want
                if name not in (restored, TEMPLATE) and valid:
                    kept[key] = name
                elif name != restored:
                    _drop_database(server, name)
            if restored != TEMPLATE:
                databases.create(server, TEMPLATE, template=restored)
                if k in want:
                    kept[self.keys[k]] = restored
                else:
                    _drop_database(server, restored)
            note(f"cache: reusing a template with {k} of {n} migrations applied ({entry})")
        else:
            databases.create(server, TEMPLATE)
        url = server.database_url(TEMPLATE)
        applied = 0
        for i in want:
            if i < k or self.keys[i] in kept:
                continue
            if i > k:
                applied += len(migrate(url, folder, to=self.migrations[i - 1].version, exclude=self.exclude).applied)
            name = f"{PREFIX}_{i}"
            _drop_database(server, name)
            databases.create(server, name, template=TEMPLATE)
            kept[self.keys[i]] = name
        if k == n:
            return TEMPLATE, 0, {}
        applied += len(migrate(url, folder, exclude=self.exclude).applied)
        return TEMPLATE, applied, {**kept, self.keys[n]: TEMPLATE}

    def copy_data(self, entry: Path, target: Path) -> None:
        """The cached data directory, less the prefix copies when the template
        is complete: nothing will connect to them, and this cluster is not saved."""
        k, _, meta = self.hit
        skip = ()
        if k == len(self.keys) - 1:
            skip = [oid for name, oid in meta.get("oids", {}).items() if name != TEMPLATE]
        self.templates.copy_out(entry, target, skip)

    def save(self, server: engines.Server, saved: dict, version: str, progress) -> None:
        with connect(server.admin_url) as admin:
            oids = dict(admin.execute("select datname, oid::text from pg_database").fetchall())
        try:
            added = self.templates.save(self.keys[-1], server.stop_into, {
                "databases": saved, "server_version": version,
                "oids": {name: oids[name] for name in saved.values()}})
            progress("cache: saved the migrated template" if added else "cache: template saved by another run")
        except CacheUnusable as exc:
            progress(f"cache: not saved ({exc})")


def seed_files(root: Path, exclude: tuple[str, ...] = ()) -> list[Path]:
    return [p for p in sorted((root / "supabase" / "seeds").glob("*.sql")) if p.stem not in exclude]


def _clones(server: engines.Server, source: str, count: int, stack: ExitStack, drop: bool) -> list[str]:
    """Copies of the migrated database (CREATE DATABASE ... TEMPLATE), one per extra job."""
    urls = []
    for i in range(count):
        name = f"{source}_{i + 2}"
        urls.append(databases.create(server, name, template=source))
        if drop:
            stack.callback(_drop_database, server, name)
    return urls


def run_parallel(psql: str, urls: list[str], tests: list[Path], root: Path) -> list[pgtap.FileResult]:
    """Run test files on as many databases as there are URLs; results in file order.
    Each file runs alone in its own transaction, so a database serves one file at a time."""
    free: queue.Queue[str] = queue.Queue()
    for url in urls:
        free.put(url)

    def run(path: Path) -> pgtap.FileResult:
        url = free.get()
        try:
            return pgtap.run_file(psql, url, path, root)
        finally:
            free.put(url)

    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(run, tests))


def apply_seeds(url: str, root: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    """Apply supabase/seeds/*.sql in name order (less <module>.sql of excluded
    modules), each in one transaction."""
    applied = []
    with connect(url) as conn:
        for path in seed_files(root, exclude):
            with conn.transaction():
                conn.execute(path.read_text())
            applied.append(str(path.relative_to(root)))
    return applied


def _drop_database(server: engines.Server, dbname: str) -> None:
    try:
        databases.drop(server, dbname)
    except (psycopg.Error, Exception):  # noqa: BLE001 - the server may be gone already
        pass
