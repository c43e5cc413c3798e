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

from . import databases, engines, pgtap
from .migrate import connect, migrate


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

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.files)

    @property
    def test_count(self) -> int:
        return sum(len(f.tests) for f in self.files)

    @property
    def failed_count(self) -> int:
        return sum(len(f.failed_tests) + len(f.errors) for f in self.files)


def verify(
    root: Path,
    engine: str = "embedded",
    database_url: str | None = None,
    keep: bool = False,
    exclude: tuple[str, ...] = (),
    with_seed: bool = False,
    progress=lambda message: None,
    jobs: int = min(4, os.cpu_count() or 1),
) -> VerifyResult:
    """Apply every migration to a new database and run every pgTAP file against it.

    With a database URL, the work happens in a new database on that server,
    dropped afterwards (unless keep); the database named by the URL is untouched.
    """
    timings = {}
    started = time.perf_counter()
    with ExitStack() as stack:
        if database_url:
            server = engines.existing(database_url)
        else:
            server = stack.enter_context(engines.throwaway(engine, keep=keep))
        timings["server"] = time.perf_counter() - started
        dbname = f"schema_tool_verify_{secrets.token_hex(4)}"
        with connect(server.admin_url) as admin:
            version = admin.execute("show server_version").fetchone()[0]
        url = databases.create(server, dbname)
        if database_url and not keep:
            stack.callback(_drop_database, server, dbname)

        t = time.perf_counter()
        result = migrate(url, root / "migrations", exclude=exclude)
        timings["migrate"] = time.perf_counter() - t
        progress(f"applied {len(result.applied)} migrations to {engine if not database_url else 'url'} PostgreSQL {version}")

        seeds = []
        if with_seed:
            seeds = apply_seeds(url, root, exclude)

        # pgTAP is not on supautils' list for a reason: the superuser installs it.
        with connect(server.admin_database_url(dbname)) as conn:
            how = pgtap.install(conn)
        psql = server.psql()
        setup, tests = pgtap.test_files(root / "supabase" / "tests", exclude)
        t = time.perf_counter()
        files = [pgtap.run_file(psql, url, path, root) for path in setup]
        # The clones serve only this run: dropped unless the whole server goes.
        urls = [url] + _clones(server, dbname, min(jobs, len(tests)) - 1, stack, drop=bool(database_url) or keep)
        files += _run_parallel(psql, urls, tests, root)
        timings["tests"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - started
        return VerifyResult(
            engine if not database_url else "url",
            version,
            len(result.applied),
            how,
            files,
            seeds,
            url if keep else None,
            timings,
            server.stop_command if keep else "",
        )


def _clones(server: engines.Server, source: str, count: int, stack: ExitStack, drop: bool) -> list[str]:
    """Copies of the migrated database (CREATE DATABASE ... TEMPLATE), one per extra job."""
    urls = []
    for i in range(count):
        name = f"{source}_{i + 2}"
        urls.append(databases.create(server, name, template=source))
        if drop:
            stack.callback(_drop_database, server, name)
    return urls


def _run_parallel(psql: str, urls: list[str], tests: list[Path], root: Path) -> list[pgtap.FileResult]:
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
        for path in sorted((root / "supabase" / "seeds").glob("*.sql")):
            if path.stem in exclude:
                continue
            with conn.transaction():
                conn.execute(path.read_text())
            applied.append(str(path.relative_to(root)))
    return applied


def _drop_database(server: engines.Server, dbname: str) -> None:
    try:
        databases.drop(server, dbname)
    except (psycopg.Error, Exception):  # noqa: BLE001 - the server may be gone already
        pass
