"""The repository's own migrations and tests, as the Supabase CLI and pg_prove see them."""

from __future__ import annotations

import shutil
import subprocess

import psycopg
import pytest

from schema_tool.migrations import load
from schema_tool import pgtap

from conftest import REPO, query, run_cli


def test_supabase_migrations_are_the_same_files_as_migrations():
    supabase = REPO / "supabase" / "migrations"
    ours = sorted(p.name for p in (REPO / "migrations").glob("*.sql"))
    assert ours, "the repo has migrations"
    assert sorted(p.name for p in supabase.glob("*.sql")) == ours
    for name in ours:
        assert (supabase / name).read_bytes() == (REPO / "migrations" / name).read_bytes()


def test_committed_migrations_are_what_sql_renders():
    result = run_cli(REPO, "render", "--check")
    assert result.returncode == 0, result.stderr


def test_every_migration_is_named_for_its_module():
    modules = {"learning", "playground", "aiml", "classroom", "simulation"}
    for m in load(REPO / "migrations"):
        assert m.name.split("_")[0] in modules, m.file_name


def test_template_copies_are_isolated(server, migrated_template):
    from conftest import _create_db, _drop_db

    a, b = _create_db(server, migrated_template), _create_db(server, migrated_template)
    try:
        url_a, url_b = server.database_url(a), server.database_url(b)
        with psycopg.connect(url_a, autocommit=True) as conn:
            conn.execute("insert into auth.users (id, email) values (gen_random_uuid(), 'only-in-a@example.com')")
        assert query(url_b, "select count(*) from auth.users where email = 'only-in-a@example.com'") == [(0,)]
        applied = query(url_b, "select count(*) from supabase_migrations.schema_migrations")[0][0]
        assert applied == len(load(REPO / "migrations"))
    finally:
        _drop_db(server, a)
        _drop_db(server, b)


@pytest.mark.skipif(shutil.which("pg_prove") is None, reason="pg_prove is installed by make (.ci/ensure-pgtap)")
def test_the_same_files_pass_under_pg_prove(server, migrated_db_url):
    with psycopg.connect(migrated_db_url, autocommit=True) as conn:
        pgtap.install(conn)
    setup, tests = pgtap.test_files(REPO / "supabase" / "tests")
    files = [str(p.relative_to(REPO)) for p in setup + tests]
    info = psycopg.conninfo.conninfo_to_dict(migrated_db_url)
    where = ["--host", info["host"], "--port", str(info.get("port", 5432)), "--username", info["user"], "--dbname", info["dbname"]]
    proc = subprocess.run(["pg_prove", *where, *files], cwd=REPO, capture_output=True, text=True,
                          env={"PATH": f"{server.bin_dir}:/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "All tests successful." in proc.stdout


def test_demo_seed_files_apply_cleanly_after_the_migrations(migrated_db_url):
    from schema_tool.verify import apply_seeds

    applied = apply_seeds(migrated_db_url, REPO)
    assert applied == sorted(str(p.relative_to(REPO)) for p in (REPO / "supabase" / "seeds").glob("*.sql"))
    assert query(migrated_db_url, "select count(*) > 0 from auth.users") == [(True,)]


@pytest.mark.parametrize("target", ["verify", "test", "lint", "verify-15"])
def test_only_docs_needs_graphviz(target):
    """Graphviz draws the ER diagrams; nothing else may install or require it."""
    plan = subprocess.run(["make", "-n", "-B", target], cwd=REPO, capture_output=True, text=True)
    assert plan.returncode == 0, plan.stderr
    assert "graphviz" not in plan.stdout.lower()
    docs = subprocess.run(["make", "-n", "-B", "docs"], cwd=REPO, capture_output=True, text=True).stdout
    assert "ensure-graphviz" in docs
