"""The deploy plan of `migrate --dry-run`: locks, tables, live sizes, flags."""

from __future__ import annotations

import json

import psycopg

from schema_tool.locks import ACCESS_EXCLUSIVE, SHARE, SHARE_UPDATE_EXCLUSIVE, blocks, classify
from schema_tool.migrate import migrate
from schema_tool.plan import parse_size

from conftest import run_cli, write

SCHEMA = """create schema demo;
create table demo.big (id bigint primary key, v int);
create table demo.empty (id bigint primary key, v int);
"""
INDEXES = """create index idx_big_v on demo.big (v);
create index idx_empty_v on demo.empty (v);
comment on table demo.big is 'big';
"""


def setup(project, url, rows=300_000):
    write(project / "migrations" / "20260101000000_demo.sql", SCHEMA)
    migrate(url, project / "migrations")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"insert into demo.big select g, g % 100 from generate_series(1, {rows}) g")
        conn.execute("analyze demo.big, demo.empty")
    write(project / "migrations" / "20260102000000_demo_indexes.sql", INDEXES)


def test_an_index_build_on_a_large_table_is_flagged_and_not_on_an_empty_one(project, db_url):
    setup(project, db_url)
    r = run_cli(project, "migrate", "--database-url", db_url, "--dry-run", "--json")
    assert r.returncode == 0, r.stderr  # no threshold given: flagged, not failing
    out = json.loads(r.stdout)
    steps = {s["table"]: s for s in out["plan"] if s["table"]}
    big, empty = steps["demo.big"], steps["demo.empty"]
    assert big["lock"] == "SHARE" and big["blocks"] == "writes" and big["work"] == "scan"
    assert 250_000 < big["rows"] < 350_000 and big["bytes"] > 5_000_000
    assert big["flagged"] and "scans demo.big" in big["reason"]
    assert not empty["flagged"] and empty["rows"] == 0
    assert out["flagged"] == 1
    comment = [s for s in out["plan"] if s["statement"].startswith("comment on")]
    assert comment and comment[0]["lock"] is None
    # nothing was applied
    with psycopg.connect(db_url) as conn:
        assert conn.execute("select to_regclass('demo.idx_big_v')").fetchone() == (None,)


def test_a_threshold_makes_the_dry_run_fail_before_deploying(project, db_url):
    setup(project, db_url, rows=20_000)
    ok = run_cli(project, "migrate", "--database-url", db_url, "--dry-run", "--max-locked-rows", "50000")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    stop = run_cli(project, "migrate", "--database-url", db_url, "--dry-run", "--max-locked-rows", "10000")
    assert stop.returncode == 1
    assert "! " in stop.stdout and "scans demo.big (20000 rows" in stop.stdout
    assert "which blocks writes" in stop.stdout
    by_size = run_cli(project, "migrate", "--database-url", db_url, "--dry-run", "--max-locked-bytes", "100kB")
    assert by_size.returncode == 1


def test_text_plan_lists_lock_table_and_size_per_statement(project, db_url):
    setup(project, db_url, rows=1000)
    r = run_cli(project, "migrate", "--database-url", db_url, "--dry-run")
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert "-- would apply 20260102000000_demo_indexes.sql" in lines
    row = next(ln for ln in lines if "demo.big" in ln and "create index" in ln)
    assert "SHARE" in row and "1000" in row
    assert "1 migration(s), 3 step(s), 0 flagged" in lines


def test_lock_classification():
    assert classify("create index concurrently i on t (v)")[0].lock == SHARE_UPDATE_EXCLUSIVE
    assert classify("create index i on t (v)")[0].lock == SHARE
    add = classify("alter table t add column c uuid default gen_random_uuid()")[0]
    assert (add.lock, add.work) == (ACCESS_EXCLUSIVE, "rewrite")
    assert classify("alter table t add column c int default 0")[0].work == ""
    assert classify("alter table t add constraint c check (v > 0) not valid")[0].work == ""
    assert classify("alter table t alter column v set not null")[0].work == "scan"
    fk = classify("alter table t add constraint f foreign key (x) references s.u (id)")
    assert [(x.table, x.lock) for x in fk] == [("t", "SHARE ROW EXCLUSIVE"), ("s.u", "SHARE ROW EXCLUSIVE")]
    assert classify("create policy p on s.t for select using (true)")[0].lock == ACCESS_EXCLUSIVE
    assert blocks(ACCESS_EXCLUSIVE) == "reads and writes" and blocks(SHARE_UPDATE_EXCLUSIVE) == ""
    assert classify('create index i on "Demo"."Big Table" (v)')[0].table == '"Demo"."Big Table"'
    assert classify('drop table s."T"')[0].table == 's."T"'
    assert parse_size("500MB") == 500 * 1024**2 and parse_size("1048576") == 1048576
