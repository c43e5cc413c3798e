"""Core benchmarks (not tests): verify cold vs. the floor, and ledger overhead.

    .venv/bin/python bench/bench_core.py [--runs 5]

1. `schema-tool verify` cold on the whole repo, median of N runs, against the
   floor: initdb + start + `psql -1 -f` of every migration (no tests, no ledger).
2. Ledger overhead: 500 tiny migrations applied by `schema-tool migrate` vs.
   `psql -1 -f` of their concatenation, on the same server.
3. With --lint: `schema-tool lint` of the whole repo, warm and cold cache.
Prints a Markdown table to paste into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from schema_tool import databases, engines
from schema_tool.migrate import migrate

ROOT = Path(__file__).resolve().parent.parent


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def verify_cold() -> float:
    cmd = [sys.executable, "-m", "schema_tool", "verify"]
    return timed(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True))


def floor() -> float:
    files = sorted((ROOT / "migrations").glob("*.sql"))

    def run():
        with engines.throwaway("embedded") as srv:  # its postgres database has the baseline
            psql = srv.psql()
            for f in files:
                subprocess.run([psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-d", srv.url, "-f", str(f)],
                               check=True, capture_output=True)

    return timed(run)


def lint_whole_repo(cold: bool) -> float:
    """All three layers of `schema-tool lint` on the repo; cold = no sqlfluff cache."""
    cmd = [sys.executable, "-m", "schema_tool", "lint", *(["--no-cache"] if cold else [])]
    return timed(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True))


def ledger_overhead(count: int = 500) -> tuple[float, float]:
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
        databases.create(srv, "tool")  # with the baseline: measure the ledger, not it
        psql = srv.psql()
        plain = timed(lambda: subprocess.run(
            [psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-d", srv.database_url("plain"), "-f", str(Path(tmp) / "all.sql")],
            check=True, capture_output=True))
        tool_url = srv.database_url("tool")
        tool = timed(lambda: migrate(tool_url, folder))
        return plain, tool


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lint", action="store_true", help="also time schema-tool lint (cold takes minutes)")
    args = parser.parse_args()
    verify_runs = [verify_cold() for _ in range(args.runs)]
    floor_runs = [floor() for _ in range(args.runs)]
    ledger = [ledger_overhead() for _ in range(max(1, args.runs // 2))]
    v, f = statistics.median(verify_runs), statistics.median(floor_runs)
    plain = statistics.median(p for p, _ in ledger)
    tool = statistics.median(t for _, t in ledger)
    print(f"machine: {platform.machine()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, Python {platform.python_version()}")
    print(f"migrations: {len(list((ROOT / 'migrations').glob('*.sql')))}, runs: {args.runs}")
    print()
    print("| benchmark | median | goal | result |")
    print("|---|---|---|---|")
    print(f"| verify cold, whole repo | {v:.2f} s | <= 5 s | {'met' if v <= 5 else 'missed'} |")
    print(f"| floor: initdb + start + psql -1 -f each migration | {f:.2f} s | | verify/floor = {v / f:.2f}x |")
    print(f"| 500 tiny migrations, schema-tool migrate | {tool:.2f} s | | |")
    print(f"| 500 tiny migrations, psql -1 -f concatenation | {plain:.2f} s | | ratio = {tool / plain:.2f}x (goal <= 1.5x) |")
    if args.lint:
        warm = statistics.median(lint_whole_repo(cold=False) for _ in range(args.runs))
        cold = lint_whole_repo(cold=True)
        print(f"| schema-tool lint, whole repo, sqlfluff cache warm | {warm:.2f} s | <= 10 s | {'met' if warm <= 10 else 'missed'} |")
        print(f"| schema-tool lint, whole repo, cold (--no-cache, 1 run) | {cold:.2f} s | <= 10 s | {'met' if cold <= 10 else 'missed'} |")


if __name__ == "__main__":
    main()
