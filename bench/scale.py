"""Scale benchmark: every module's hot paths under RLS, at realistic volume.

    .venv/bin/python bench/scale.py                 # SCALE=1: ~18M rows, see BENCHMARKS.md
    SCALE=0.1 .venv/bin/python bench/scale.py       # a tenth, for a quick look
    MODULES=playground,simulation RUNS=10 .venv/bin/python bench/scale.py

In one throwaway PostgreSQL (the embedded engine):
1. times applying every migration to an empty database (median of 3);
2. migrates a bench database, drops the secondary indexes of the module
   schemas, generates skewed data with bench/data/*.sql (psql, as the owner,
   session_replication_role = replica), recreates the indexes (HNSW timed
   apart), runs VACUUM ANALYZE and fills the playground's platform rollups;
3. runs every query of bench/queries/<module>.py RUNS times (after 2 warm-up
   runs) as an authenticated user (role authenticated, request.jwt.claims set
   as PostgREST sets them; a heavy and a typical user) and, for the same rows,
   as service_role, the two forms alternating run by run (so that load from
   other jobs hits both alike); captures EXPLAIN (ANALYZE, BUFFERS) of each into
   bench/plans/<module>__<query>.txt;
4. prints one table (query, rows, p50, p95, RLS/bypass ratio, index used,
   goal flags) and writes it to bench/results/scale-<SCALE>.md and .json.

Goals (issue 9): RLS overhead <= 1.3x; per-user reads <= 5 ms p50; dashboards
and analytics <= 100 ms p50; no Seq Scan of a table over 100k rows on a
per-user path; all migrations applied to an empty database <= 3 s.
Issue 20: per-user writes <= 5 ms p50 (timed with their BEGIN and ROLLBACK).

Env: SCALE (default 1), RUNS (default 20), MODULES (comma list, default all),
PREPARE=1 measures with server-side prepared statements (generic plans after 5 runs),
KEEP=1 leaves the server running and prints its URL (for poking at plans),
APPLY=<file.sql> applies a SQL file (proposed schema changes) after the load
and before the queries, to measure a fix (plans go to bench/plans/after-<file>/);
BENCH_URL=<url> skips migrate and load and measures an existing bench database
(one left by KEEP=1); TAG=<name> labels such a run's outputs.

A subset: `--module learning --module playground` (or MODULES=...) loads and
measures only those modules; `--only write` (or ONLY=write; a comma list of
kinds or query names) measures only those queries, e.g.
`SCALE=1 bench/scale.py --module learning,playground --only write`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import psycopg
from psycopg import sql as pgsql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from schema_tool import databases, engines  # noqa: E402
from schema_tool.migrate import migrate  # noqa: E402

BENCH = ROOT / "bench"
MODULES = ["learning", "playground", "aiml", "classroom", "simulation"]

GOAL_RATIO = 1.3
GOAL_PER_USER_MS = 5.0
GOAL_WRITE_MS = 5.0  # issue 20: every per-user write, in its rolled-back transaction
GOAL_DASHBOARD_MS = 100.0
GOAL_MIGRATE_S = 3.0
BIG_TABLE_ROWS = 100_000


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ----------------------------------------------------------------- query specs


@dataclass
class Query:
    """One hot query of a module.

    sql runs as the persona (role authenticated or anon, RLS on) the way the
    app sends it; svc_sql (default: sql) runs as service_role with the user
    filter spelled out so it returns the same rows (svc=False: not compared).
    Parameters come from the module's personas(): %(uid)s etc. kind decides
    the goal: per_user (5 ms), dashboard and search (100 ms), write (no goal,
    measured in a rolled-back transaction). platform=True: a whole-platform
    dashboard, run as service_role only.
    """

    name: str
    kind: str
    sql: str
    svc_sql: str | None = None
    svc: bool = True
    personas: tuple = ("heavy", "typical")
    note: str = ""
    role: str = "authenticated"  # or "anon"
    platform: bool = False  # service_role only: a whole-platform dashboard
    admin: bool = False  # the persona signs in as an admin (app_metadata.role = admin)
    requires: str = ""  # run only when this relation exists (a proposed schema change)


@dataclass
class Result:
    module: str
    query: str
    persona: str
    kind: str
    rows: int
    p50: float
    p95: float
    svc_p50: float | None
    svc_p95: float | None
    ratio: float | None
    indexes: list = field(default_factory=list)
    seq_scans: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    runs: int = 0
    note: str = ""


def load_module_queries(module: str):
    path = BENCH / "queries" / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"bench_queries_{module}", path)
    mod = importlib.util.module_from_spec(spec)
    mod.Query = Query
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


# ----------------------------------------------------------------- server side


def psql(srv, url: str, path: Path, variables: dict) -> float:
    cmd = [srv.psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    for k, v in variables.items():
        cmd += ["-v", f"{k}={v}"]
    cmd += ["-d", url, "-c", "set session_replication_role = replica", "-f", str(path)]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{path.name} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def time_migrations(srv, repeats: int = 3) -> list[float]:
    times = []
    for i in range(repeats):
        name = f"bench_migrate_{i}"
        databases.drop(srv, name)
        url = databases.create(srv, name)  # as on Supabase: the baseline, owned by postgres
        started = time.perf_counter()
        migrate(url, ROOT / "migrations")
        times.append(time.perf_counter() - started)
        databases.drop(srv, name)
    return times


SECONDARY_INDEXES = """
select ic.oid::regclass::text, pg_get_indexdef(i.indexrelid), am.amname, n.nspname, t.relname
from pg_index as i
join pg_class as ic on ic.oid = i.indexrelid
join pg_class as t on t.oid = i.indrelid
join pg_namespace as n on n.oid = t.relnamespace
join pg_am as am on am.oid = ic.relam
where n.nspname = any(%s)
  and not ic.relispartition
  and not exists (select 1 from pg_constraint as c where c.conindid = i.indexrelid)
order by n.nspname, t.relname, ic.relname
"""


def load_data(srv, url: str, scale: float, modules: list[str]) -> dict:
    timings: dict = {}
    users = max(1000, round(100_000 * scale))
    variables = {"scale": scale, "users": users}
    with psycopg.connect(srv.admin_url, autocommit=True) as admin:  # server settings: the superuser's
        admin.execute("alter system set max_wal_size = '8GB'")
        admin.execute("alter system set checkpoint_timeout = '30min'")
        admin.execute("select pg_reload_conf()")
    with psycopg.connect(url, autocommit=True) as conn:
        schemas = [m for m in MODULES]
        indexes = conn.execute(SECONDARY_INDEXES, (schemas,)).fetchall()
        for name, _, _, _, _ in indexes:
            conn.execute(f"drop index {name}")
    log(f"dropped {len(indexes)} secondary indexes for the load")
    timings["load"] = {}
    files = ["00_common"] + [m for m in MODULES if m in modules]
    for f in files:
        log(f"generating {f} ...")
        timings["load"][f] = round(psql(srv, url, BENCH / "data" / f"{f}.sql", variables), 1)
        log(f"  {f}: {timings['load'][f]} s")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("set maintenance_work_mem = '2GB'")
        conn.execute("set max_parallel_maintenance_workers = 2")
        started = time.perf_counter()
        for name, ddl, am, _, _ in indexes:
            if am != "hnsw":
                # a partitioned table's index: without ONLY it is built on every partition
                conn.execute(ddl.replace(" ON ONLY ", " ON "))
        timings["btree_gin_indexes_s"] = round(time.perf_counter() - started, 1)
        log(f"recreated {sum(1 for i in indexes if i[2] != 'hnsw')} btree/gin indexes in {timings['btree_gin_indexes_s']} s")
        timings["hnsw"] = {}
        for name, ddl, am, nsp, rel in indexes:
            if am == "hnsw":
                col = re.search(r"USING hnsw \((\w+)", ddl)
                rows = conn.execute(
                    f"select count(*) from {nsp}.{rel} where {col.group(1) if col else 'true'} is not null"
                ).fetchone()[0]
                started = time.perf_counter()
                conn.execute(ddl)
                took = round(time.perf_counter() - started, 1)
                timings["hnsw"][name] = {"seconds": took, "rows": rows}
                log(f"HNSW {name} over {rows} rows: {took} s")
        started = time.perf_counter()
        conn.execute("vacuum (analyze)")
        timings["vacuum_analyze_s"] = round(time.perf_counter() - started, 1)
        log(f"vacuum analyze: {timings['vacuum_analyze_s']} s")
        if "playground" in modules:
            # the whole-platform rollups, as the scheduled job fills them (needs the indexes)
            started = time.perf_counter()
            conn.execute("select count(*) from playground_private.refresh_platform_rollups()")
            for (table,) in conn.execute(
                    "select format('%I.%I', schemaname, tablename) from pg_tables"
                    " where schemaname = 'playground' and tablename like 'ai_playground_platform_%'").fetchall():
                conn.execute(f"analyze {table}")
            timings["rollup_refresh_s"] = round(time.perf_counter() - started, 1)
            log(f"playground rollups refreshed: {timings['rollup_refresh_s']} s")
        # The load dirtied gigabytes of shared buffers and WAL: without a checkpoint here the
        # spread checkpoint (and backends evicting dirty buffers) runs during the first
        # module's writes, which then measure the load's write-back, not their own work.
        started = time.perf_counter()
        with psycopg.connect(srv.admin_url, autocommit=True) as admin:
            admin.execute("checkpoint")
        timings["checkpoint_s"] = round(time.perf_counter() - started, 1)
        log(f"checkpoint after the load: {timings['checkpoint_s']} s")
        timings["rows"] = dict(
            conn.execute(
                """select n.nspname || '.' || c.relname, c.reltuples::bigint
                   from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
                   where n.nspname = any(%s) and c.relkind in ('r', 'p') and not c.relispartition
                   order by 2 desc""",
                (MODULES + ["auth"],),
            ).fetchall()
        )
        # conversation_logs is partitioned: its parent has reltuples -1
        parts = conn.execute(
            """select count(*), coalesce(sum(c.reltuples), 0)::bigint from pg_inherits as i
               join pg_class as c on c.oid = i.inhrelid
               where i.inhparent = 'simulation.conversation_logs'::regclass and c.reltuples > 0"""
        ).fetchone()
        timings["rows"]["simulation.conversation_logs"] = parts[1]
        timings["conversation_log_partitions_with_rows"] = parts[0]
    return timings


# ----------------------------------------------------------------- measuring


def claims(uid: str | None, role: str, admin: bool = False) -> str:
    body = {"role": role, "aud": "authenticated" if role == "authenticated" else role}
    if uid:
        body["sub"] = uid
        body["email"] = "bench@example.com"
        body["app_metadata"] = {"provider": "email", **({"role": "admin"} if admin else {})}
    return json.dumps(body)


def act_as(conn, role: str, uid: str | None, admin: bool = False) -> None:
    conn.execute(pgsql.SQL("set role {}").format(pgsql.Identifier(role)))
    conn.execute("select set_config('request.jwt.claims', %s, false)", (claims(uid, role, admin),))


def reset_role(conn) -> None:
    conn.execute("reset role")
    conn.execute("select set_config('request.jwt.claims', '', false)")


def timed_runs(conn, text: str, params: dict, runs: int, write: bool) -> tuple[list[float], int]:
    times = []
    nrows = 0

    def once():
        nonlocal nrows
        started = time.perf_counter()
        if write:
            with conn.transaction(force_rollback=True):
                cur = conn.execute(text, params)
                nrows = len(cur.fetchall()) if cur.description else cur.rowcount
        else:
            cur = conn.execute(text, params)
            nrows = len(cur.fetchall())
        return (time.perf_counter() - started) * 1000

    first = once()
    if first < 5000:  # a second warm-up, unless one run already takes seconds
        first = once()
    n = runs if first < 500 else max(3, min(runs, 5))
    for _ in range(n):
        times.append(once())
    return times, nrows


def paired_runs(conn, auth, svc, params: dict, runs: int, write: bool):
    """RLS and bypass runs alternated (auth, svc, auth, svc, ...), so that load from
    other jobs on the machine, a checkpoint or autovacuum hits both forms alike and
    the ratio stays meaningful on a busy machine. auth/svc: (sql, set-up callable)."""
    times = {"auth": [], "svc": []}
    rows = {"auth": 0, "svc": 0}

    def once(which):
        text, setup = auth if which == "auth" else svc
        setup()
        started = time.perf_counter()
        if write:
            with conn.transaction(force_rollback=True):
                cur = conn.execute(text, params)
                n = len(cur.fetchall()) if cur.description else cur.rowcount
        else:
            cur = conn.execute(text, params)
            n = len(cur.fetchall())
        rows[which] = n
        return (time.perf_counter() - started) * 1000

    first = max(once("auth"), once("svc"))
    if first < 5000:  # a second warm-up, unless one run already takes seconds
        first = max(once("auth"), once("svc"))
    n = runs if first < 500 else max(3, min(runs, 5))
    for _ in range(n):
        for which in ("auth", "svc"):
            times[which].append(once(which))
    return times["auth"], rows["auth"], times["svc"], rows["svc"]


def explain(conn, text: str, params: dict, write: bool) -> str:
    q = "explain (analyze, buffers) " + text
    if write:
        with conn.transaction(force_rollback=True):
            rows = conn.execute(q, params).fetchall()
    else:
        rows = conn.execute(q, params).fetchall()
    return "\n".join(r[0] for r in rows)


INDEX_RE = re.compile(r"(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)")
SEQ_RE = re.compile(r"Seq Scan on (\S+)")


def parse_plan(plan: str, sizes: dict) -> tuple[list[str], list[str]]:
    indexes = []
    for _, name in INDEX_RE.findall(plan):
        if name not in indexes:
            indexes.append(name)
    seqs = []
    for name in SEQ_RE.findall(plan):
        rows = sizes.get(name, 0)
        if rows > BIG_TABLE_ROWS and name not in seqs:
            seqs.append(name)
    if "Function Scan on" in plan and not indexes:
        indexes.append("(inside function)")
    return indexes, seqs


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def selected(q: Query, only: list[str]) -> bool:
    """--only: a query is measured when its name, or its kind, is listed (empty: all).
    A kind selects the per-user queries only: a whole-platform job (the rollups'
    refresh, a minute a run at SCALE=1) is measured when named."""
    return not only or q.name in only or (q.kind in only and not q.platform)


def run_module(url: str, module: str, runs: int, plans_dir: Path, sizes: dict,
               only: list[str] | None = None) -> list[Result]:
    mod = load_module_queries(module)
    results: list[Result] = []
    # PREPARE=1: server-side prepared statements after 5 runs (psycopg's default, PostgREST's
    # db-prepared-statements); default off: every run planned with its values (custom plans),
    # as through Supavisor in transaction mode.
    prepare = 5 if os.environ.get("PREPARE") == "1" else None
    with psycopg.connect(url, autocommit=True, prepare_threshold=prepare) as conn:
        try:
            personas = mod.personas(conn)
        except Exception as exc:  # noqa: BLE001 - report and go on with the other modules
            log(f"{module}: choosing personas failed, module skipped: {exc!r}")
            return [Result(module, "(personas)", "-", "-", -1, float("nan"), float("nan"), None, None, None,
                           flags=["ERROR"], note=repr(exc))]
        log(f"{module}: personas " + ", ".join(f"{k}={v.get('label', '')}" for k, v in personas.items()))
        for q in mod.QUERIES:
            if not selected(q, only or []):
                continue
            if q.requires and conn.execute("select to_regclass(%s)", (q.requires,)).fetchone()[0] is None:
                continue
            write = q.kind == "write"
            plan_texts = []
            for persona_name in q.personas:
                persona = personas[persona_name]
                params = dict(persona)
                missing = sorted(k for k in re.findall(r"%\((\w+)\)s", q.sql) if params.get(k) is None)
                if missing:  # e.g. a student with no attempt left on any question at a small SCALE
                    log(f"  {module}.{q.name} [{persona_name}] skipped: this user has no {', '.join(missing)}")
                    continue
                try:
                    if q.platform:
                        act_as(conn, "service_role", None)
                        auth_times, nrows = timed_runs(conn, q.sql, params, runs, write)
                        plan = explain(conn, q.sql, params, write)
                        svc_times = None
                    else:
                        def as_user():
                            if q.role == "anon":
                                act_as(conn, "anon", None)
                            else:
                                act_as(conn, "authenticated", persona["uid"], admin=q.admin)

                        def as_service():
                            act_as(conn, "service_role", None)

                        svc_times = None
                        svc_plan = None
                        if q.svc:
                            auth_times, nrows, svc_times, svc_rows = paired_runs(
                                conn, (q.sql, as_user), (q.svc_sql or q.sql, as_service), params, runs, write)
                            svc_plan = explain(conn, q.svc_sql or q.sql, params, write)
                            as_user()
                        else:
                            as_user()
                            auth_times, nrows = timed_runs(conn, q.sql, params, runs, write)
                        plan = explain(conn, q.sql, params, write)
                        q_note = ""
                        if q.svc and svc_rows != nrows:
                            q_note = f"service_role returned {svc_rows} rows"
                except psycopg.Error as exc:
                    reset_role(conn)
                    log(f"  {module}.{q.name} [{persona_name}] FAILED: {str(exc).splitlines()[0]}")
                    results.append(Result(module, q.name, persona_name, q.kind, -1, float("nan"), float("nan"),
                                          None, None, None, flags=["ERROR"], note=str(exc).splitlines()[0]))
                    continue
                reset_role(conn)
                indexes, seqs = parse_plan(plan, sizes)
                p50, p95 = statistics.median(auth_times), pct(auth_times, 0.95)
                r = Result(module, q.name, persona_name, q.kind, nrows, p50, p95, None, None, None,
                           indexes, seqs, runs=len(auth_times), note=q.note)
                if svc_times:
                    r.svc_p50 = statistics.median(svc_times)
                    r.svc_p95 = pct(svc_times, 0.95)
                    r.ratio = p50 / r.svc_p50 if r.svc_p50 > 0 else None
                    if q_note:
                        r.note = (r.note + "; " if r.note else "") + q_note
                r.flags = flags_for(r, q)
                results.append(r)
                who = "service_role (platform)" if q.platform else (
                    "anon" if q.role == "anon" else f"authenticated as {persona_name} user {persona.get('label', '')}"
                    + (" with app_metadata.role = admin" if q.admin else ""))
                header = (f"-- {module}.{q.name} [{q.kind}] {who}\n-- {q.note}\n" if q.note else
                          f"-- {module}.{q.name} [{q.kind}] {who}\n")
                plan_texts.append(header + q.sql.strip() + "\n\n" + plan + "\n")
                if not q.platform and q.svc and svc_plan is not None:
                    plan_texts.append(f"-- same rows as service_role (RLS bypassed)\n" + (q.svc_sql or q.sql).strip()
                                      + "\n\n" + svc_plan + "\n")
                log(f"  {module}.{q.name} [{persona_name}] rows={nrows} p50={p50:.2f}ms"
                    + (f" svc={r.svc_p50:.2f}ms ratio={r.ratio:.2f}" if r.ratio else "")
                    + (f" flags={','.join(r.flags)}" if r.flags else ""))
            if plan_texts:
                (plans_dir / f"{module}__{q.name}.txt").write_text("\n\n".join(plan_texts))
    return results


def flags_for(r: Result, q: Query) -> list[str]:
    flags = []
    if q.kind == "per_user" and r.p50 > GOAL_PER_USER_MS:
        flags.append(f">{GOAL_PER_USER_MS:g}ms")
    if q.kind == "write" and not q.platform and r.p50 > GOAL_WRITE_MS:
        flags.append(f">{GOAL_WRITE_MS:g}ms")
    if q.kind in ("dashboard", "search") and r.p50 > GOAL_DASHBOARD_MS:
        flags.append(f">{GOAL_DASHBOARD_MS:g}ms")
    if r.ratio is not None and r.ratio > GOAL_RATIO and r.p50 - (r.svc_p50 or 0) > 0.5:
        # sub-millisecond differences are noise, not RLS overhead
        flags.append(f"RLS x{r.ratio:.1f}")
    if q.kind == "per_user" and r.seq_scans:
        flags.append("SEQ " + ",".join(r.seq_scans))
    return flags


# ----------------------------------------------------------------- reporting


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, float) and v != v:
        return "n/a"
    return f"{v:.{digits}f}"


def table(results: list[Result]) -> str:
    lines = [
        "| query | user | kind | rows | p50 ms | p95 ms | bypass p50 ms | RLS/bypass | index used | flags |",
        "|---|---|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.module}.{r.query} | {r.persona} | {r.kind} | {r.rows} | {fmt(r.p50, 2)} | {fmt(r.p95, 2)} | "
            f"{fmt(r.svc_p50, 2)} | {fmt(r.ratio, 2)} | {', '.join(r.indexes[:3]) or '-'}"
            f"{' +' + str(len(r.indexes) - 3) if len(r.indexes) > 3 else ''} | "
            f"{'**' + '; '.join(r.flags) + '**' if r.flags else 'ok'} |"
        )
    return "\n".join(lines)


def machine() -> dict:
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "memory": mem,
        "cpu": next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                     if l.startswith("model name")), platform.processor()),
        "loadavg_start": os.getloadavg(),
        "python": platform.python_version(),
    }


def measure(url: str, modules: list[str], runs: int, apply_file: str | None, info: dict,
            only: list[str] | None = None) -> list[Result]:
    plans_dir = BENCH / "plans"
    if apply_file:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(Path(apply_file).read_text())
            conn.execute("analyze")
        info["applied"] = apply_file
        log(f"applied {apply_file}")
        plans_dir = plans_dir / ("after-" + Path(apply_file).stem)
    if os.environ.get("TAG"):  # changes applied by hand before this run
        plans_dir = BENCH / "plans" / ("after-" + os.environ["TAG"])
    plans_dir.mkdir(parents=True, exist_ok=True)
    sizes = {}
    with psycopg.connect(url, autocommit=True) as conn:
        for rel, n in conn.execute(
                "select c.relname, max(c.reltuples)::bigint from pg_class c where c.relkind in ('r', 'p') group by 1"):
            sizes[rel] = n
    results: list[Result] = []
    for module in modules:
        results += run_module(url, module, runs, plans_dir, sizes, only)
    return results


def split_list(values: list[str]) -> list[str]:
    return [v for item in values for v in item.split(",") if v]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="scale benchmark (see the module docstring)")
    parser.add_argument("--module", action="append", default=[], help="module(s) to load and measure")
    parser.add_argument("--only", action="append", default=[], help="query kinds or names to measure")
    args = parser.parse_args(argv)
    scale = float(os.environ.get("SCALE", "1"))
    runs = int(os.environ.get("RUNS", "20"))
    modules = split_list(args.module) or [m for m in os.environ.get("MODULES", ",".join(MODULES)).split(",") if m]
    unknown = sorted(set(modules) - set(MODULES))
    if unknown:
        print(f"error: unknown module(s): {', '.join(unknown)} (known: {', '.join(MODULES)})", file=sys.stderr)
        return 2
    only = split_list(args.only) or [o for o in os.environ.get("ONLY", "").split(",") if o]
    keep = os.environ.get("KEEP") == "1"
    apply_file = os.environ.get("APPLY")
    out_dir = BENCH / "results"
    out_dir.mkdir(exist_ok=True)
    started_all = time.perf_counter()
    info = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "scale": scale, "runs": runs,
            "machine": machine(), "command": " ".join(
                [f"SCALE={scale:g}"] + ([f"MODULES={','.join(modules)}"] if len(modules) < 5 else [])
                + [".venv/bin/python bench/scale.py"] + ([f"--only {','.join(only)}"] if only else []))}
    existing = os.environ.get("BENCH_URL")
    if existing:
        # queries only, against a database a previous KEEP=1 run left behind
        info["postgres"] = psycopg.connect(existing).execute("select version()").fetchone()[0]
        info["migrate_s"] = []
        info["load"] = {"total_s": 0}
        results = measure(existing, modules, runs, apply_file, info, only)
    else:
        with engines.throwaway("embedded", keep=keep, in_memory=False) as srv:
            with psycopg.connect(srv.url, autocommit=True) as conn:
                info["postgres"] = conn.execute("select version()").fetchone()[0]
                info["shared_buffers"] = conn.execute("show shared_buffers").fetchone()[0]
            log(info["postgres"])
            mig = time_migrations(srv)
            info["migrate_s"] = [round(t, 2) for t in mig]
            log(f"all migrations on an empty database: {', '.join(f'{t:.2f}' for t in mig)} s")
            url = databases.create(srv, "bench")
            migrate(url, ROOT / "migrations")
            gen_started = time.perf_counter()
            info["load"] = load_data(srv, url, scale, modules)
            info["load"]["total_s"] = round(time.perf_counter() - gen_started, 1)
            results = measure(url, modules, runs, apply_file, info, only)
            if keep:
                log(f"server kept running: BENCH_URL='{url}'")
    info["loadavg_end"] = os.getloadavg()
    info["total_s"] = round(time.perf_counter() - started_all, 1)
    text = table(results)
    print()
    print(text)
    print()
    if info["migrate_s"]:
        mig_med = statistics.median(info["migrate_s"])
        print(f"migrations on an empty database: median {mig_med:.2f} s (goal <= {GOAL_MIGRATE_S:g} s)"
              + ("" if mig_med <= GOAL_MIGRATE_S else "  **MISSED**"))
    print(f"load: {info['load']['total_s']} s, total: {info['total_s']} s, "
          f"loadavg start {info['machine']['loadavg_start']} end {info['loadavg_end']}")
    tag = f"scale-{scale:g}" + ("" if not apply_file else "-" + Path(apply_file).stem)
    if only or len(modules) < len(MODULES):  # a subset never overwrites a whole run's results
        tag += "-" + "-".join(modules if len(modules) < len(MODULES) else ["all"]) + "".join(f"-{o}" for o in only)
    if os.environ.get("TAG"):
        tag = f"scale-{scale:g}-{os.environ['TAG']}"
    (out_dir / f"{tag}.md").write_text(
        f"# {info['command']}\n\n{info['date']}, {info['postgres']}\n\n{text}\n")
    (out_dir / f"{tag}.json").write_text(json.dumps(
        {"info": info, "results": [r.__dict__ for r in results]}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
