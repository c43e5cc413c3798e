"""Core benchmarks (not tests): verify cold and warm against the floor, lint cold, ledger overhead.

    .venv/bin/python bench/bench_core.py [--runs 3] [--no-lint]

1. `schema-tool verify --no-cache` on the whole repo (cold), median of N runs,
   against the floor: initdb + start + `psql -1 -f` of every migration as the
   non-superuser `postgres` (no tests, no ledger), median of N; and against
   the floor with the tests (the floor, then every pgTAP file with psql, two
   at a time, as pg_prove -j2 would run them).
2. verify warm, in a copy of the repo with a cache of its own: nothing changed
   (every file served from the cache), and one test file edited (the usual
   edit: the cached migrated cluster is copied and started, that file runs).
3. `schema-tool lint --no-cache` of the whole repo (cold, 1 run).
4. Ledger overhead: 500 tiny migrations applied by `schema-tool migrate` vs.
   `psql -1 -f` of their concatenation (one session), and vs. `psql -1 -f`
   of each file (a session per file, as migrate), on the same server.
Prints the load average and a Markdown table to paste into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict


from schema_tool import databases, engines, pgtap
from schema_tool.migrate import migrate
from schema_tool.verify import run_parallel

ROOT = Path(__file__).resolve().parent.parent
EDITED = Path("supabase/tests/learning/streaks.test.sql")  # the test file the warm run edits


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def verify(cwd: Path, *args: str, env: dict | None = None) -> float:
    cmd = [sys.executable, "-m", "schema_tool", "verify", *args]
    return timed(lambda: subprocess.run(cmd, cwd=cwd, check=True, capture_output=True,
                                        env={**os.environ, **(env or {})}))


def repo_copy(tmp: Path) -> Path:
    """What verify reads: migrations, tests, the released list, amendments."""
    copy = tmp / "repo"
    shutil.copytree(ROOT / "migrations", copy / "migrations")
    shutil.copytree(ROOT / "supabase", copy / "supabase", symlinks=True)
    (copy / "sql").mkdir()
    shutil.copy(ROOT / "sql" / "released.txt", copy / "sql")
    if (ROOT / "amended-migrations.toml").exists():
        shutil.copy(ROOT / "amended-migrations.toml", copy)
    return copy


def verify_warm(runs: int) -> tuple[float, list[float], list[float]]:
    """(first run filling an empty cache, warm runs with nothing changed, warm runs after a test edit)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = repo_copy(Path(tmp))
        env = {"SCHEMA_TOOL_VERIFY_CACHE": str(Path(tmp) / "cache")}
        first = verify(copy, env=env)
        unchanged, edited = [], []
        for i in range(runs):
            unchanged.append(verify(copy, env=env))
            with (copy / EDITED).open("a") as fh:
                fh.write(f"-- edit {i}\n")
            edited.append(verify(copy, env=env))
        return first, unchanged, edited


def psql_file(psql: str, url: str, path: Path, single: bool = True) -> None:
    """`psql -1 -f` (or without -1), stopping at the first error."""
    subprocess.run([psql, "-X", "-q", *(["-1"] if single else []), "-v", "ON_ERROR_STOP=1", "-d", url,
                    "-f", str(path)], check=True, capture_output=True, cwd=ROOT)


def psql_migrations(srv: engines.Server) -> None:
    """The floor's work: `psql -1 -f` of every migration into the server's
    database (its postgres database has the baseline)."""
    psql = srv.psql()
    for f in sorted((ROOT / "migrations").glob("*.sql")):
        psql_file(psql, srv.url, f)


def floor() -> float:
    def run():
        with engines.throwaway("embedded") as srv:
            psql_migrations(srv)

    return timed(run)


def floor_with_tests(jobs: int = 2) -> float:
    """The floor, then what a hand-written script with pg_prove -j2 does: pgTAP
    installed, the setup files, then every test file with psql, two at a time
    on two copies of the migrated database (verify's own runner, no cache)."""
    setup, tests = pgtap.test_files(ROOT / "supabase" / "tests")

    def run():
        with engines.throwaway("embedded") as srv:
            psql_migrations(srv)
            dbname = conninfo_to_dict(srv.url)["dbname"]
            with psycopg.connect(srv.admin_database_url(dbname), autocommit=True) as conn:
                pgtap.install(conn)
            psql = srv.psql()
            results = [pgtap.run_file(psql, srv.url, f, ROOT) for f in setup]
            urls = [srv.url] + [databases.create(srv, f"floor_{i}", template=dbname) for i in range(1, jobs)]
            results += run_parallel(psql, urls, tests, ROOT)
            failed = [r.path for r in results if not r.passed]
            assert not failed, f"the floor's tests failed: {failed}"

    return timed(run)


def lint_cold() -> float:
    """All three layers of `schema-tool lint` on the repo, no sqlfluff cache."""
    cmd = [sys.executable, "-m", "schema_tool", "lint", "--no-cache"]
    return timed(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True))


def ledger_overhead(count: int = 500) -> tuple[float, float, float]:
    """(psql of the concatenation in one session, psql -1 -f of each file, schema-tool migrate)."""
    with engines.throwaway("embedded") as srv, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "migrations"
        folder.mkdir()
        bodies = []
        for i in range(count):
            body = f"create table bench_t{i} (id int primary key);\ninsert into bench_t{i} values ({i});\n"
            (folder / f"{20000101000000 + i}_t{i}.sql").write_text(body)
            bodies.append(body)
        (Path(tmp) / "all.sql").write_text("".join(bodies).replace("bench_t", "plain_t"))
        databases.create(srv, "plain")
        databases.create(srv, "each")
        databases.create(srv, "tool")  # with the baseline: measure the ledger, not it
        psql = srv.psql()
        plain = timed(lambda: psql_file(psql, srv.database_url("plain"), Path(tmp) / "all.sql"))
        each = timed(lambda: [psql_file(psql, srv.database_url("each"), f) for f in sorted(folder.glob("*.sql"))])
        tool_url = srv.database_url("tool")
        tool = timed(lambda: migrate(tool_url, folder))
        return plain, each, tool


def met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-lint", action="store_true", help="skip the cold lint")
    args = parser.parse_args()
    load_before = load()
    cold, floors, tested = [], [], []
    for _ in range(args.runs):  # interleaved, so a load spike hits all three
        cold.append(verify(ROOT, "--no-cache"))
        floors.append(floor())
        tested.append(floor_with_tests())
    first, unchanged, edited = verify_warm(args.runs)
    lint = None if args.no_lint else lint_cold()
    ledger = [ledger_overhead() for _ in range(max(1, args.runs // 2))]
    v, f, ft = statistics.median(cold), statistics.median(floors), statistics.median(tested)
    same, edit = statistics.median(unchanged), statistics.median(edited)
    plain = statistics.median(p for p, _, _ in ledger)
    each = statistics.median(e for _, e, _ in ledger)
    tool = statistics.median(t for _, _, t in ledger)
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {platform.machine()}, {nproc} cores, Python {platform.python_version()}")
    print(f"migrations: {len(list((ROOT / 'migrations').glob('*.sql')))}, runs: {args.runs}, "
          f"load average (1, 5, 15 min) before: {load_before}, after: {load()}")
    print()
    print("| benchmark | median | goal | result |")
    print("|---|---|---|---|")
    print(f"| floor: initdb + start + `psql -1 -f` of each migration as `postgres` (no tests) | {f:.2f} s | | |")
    print(f"| `verify --no-cache` (cold), whole repo | {v:.2f} s | <= 1.5x floor ({1.5 * f:.2f} s) "
          f"| {v / f:.2f}x, {met(v <= 1.5 * f)} |")
    print(f"| floor with the tests: the floor, then every pgTAP file with psql, 2 at a time (pg_prove -j2) "
          f"| {ft:.2f} s | | `verify --no-cache` at {v / ft:.2f}x of it |")
    print(f"| `verify`, empty cache (cold, then saves the template; 1 run) | {first:.2f} s | | |")
    print(f"| `verify` warm, nothing changed | {same:.2f} s | <= 1.5 s | {met(same <= 1.5)} |")
    print(f"| `verify` warm, one test file edited | {edit:.2f} s | <= 1.5 s | {met(edit <= 1.5)} |")
    if lint is not None:
        print(f"| `lint --no-cache` (cold), whole repo (1 run) | {lint:.2f} s | <= 10 s | {met(lint <= 10)} |")
    print(f"| 500 tiny migrations, `schema-tool migrate` | {tool:.2f} s | | |")
    print(f"| 500 tiny migrations, `psql -1 -f` of their concatenation | {plain:.2f} s | | "
          f"ratio {tool / plain:.2f}x (goal <= 1.5x: {met(tool <= 1.5 * plain)}) |")
    print(f"| 500 tiny migrations, `psql -1 -f` of each file (a session per file, as `migrate`) | {each:.2f} s | | "
          f"`migrate` at {tool / each:.2f}x of it |")


if __name__ == "__main__":
    main()
