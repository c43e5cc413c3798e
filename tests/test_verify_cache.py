"""verify's cache of migrated templates and passed test files (schema_tool/cache.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schema_tool import cache
from schema_tool.migrations import load

from conftest import run_cli, write

TEST = "begin; select plan(1); select results_eq('select x from public.b', array[{value}]); select * from finish(); rollback;\n"


@pytest.fixture
def cached_project(project, tmp_path_factory):
    """A project with two migrations and a test reading what the second inserts,
    with a cache of its own."""
    write(project / "migrations" / "20260101000000_a.sql", "create table public.a (id int);\n")
    write(project / "migrations" / "20260102000000_b.sql", "create table public.b (x int);\ninsert into public.b values (1);\n")
    write(project / "supabase" / "tests" / "b.test.sql", TEST.format(value=1))
    return project, {"SCHEMA_TOOL_VERIFY_CACHE": str(tmp_path_factory.mktemp("cache"))}


def verify_json(project: Path, env: dict, *args: str) -> tuple[dict, str]:
    result = run_cli(project, "verify", "--json", *args, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    data = json.loads(result.stdout)
    return data, "\n".join(data["cache_notes"])


def test_a_changed_migration_is_applied_again_from_the_longest_cached_prefix(cached_project):
    project, env = cached_project
    first, log = verify_json(project, env)
    assert first["passed"] and first["cache"] == "none" and first["migrations_applied"] == 2
    assert first["migrations_cached"] == 0
    assert "cache: saved the migrated template" in log

    warm, log = verify_json(project, env)
    assert warm["passed"] and warm["cache"] == "all"
    assert all(f["cached"] for f in warm["files"])

    # The second migration now inserts 2: the cached template (which holds 1)
    # and the cached pass must both be refused, so the old test fails...
    write(project / "migrations" / "20260102000000_b.sql", "create table public.b (x int);\ninsert into public.b values (2);\n")
    changed, log = verify_json(project, env)
    assert not changed["passed"]
    assert "reusing a template with 1 of 2 migrations applied" in log
    assert changed["migrations_applied"] == 1 and changed["migrations_cached"] == 1
    assert not any(f["cached"] for f in changed["files"])
    # ... and a test that expects 2 passes, and is then served from the cache.
    write(project / "supabase" / "tests" / "b.test.sql", TEST.format(value=2))
    fixed, _ = verify_json(project, env)
    assert fixed["passed"] and fixed["cache"] == "template"
    again, _ = verify_json(project, env)
    assert again["passed"] and again["cache"] == "all"


def test_an_added_migration_reuses_the_whole_cached_template(cached_project):
    project, env = cached_project
    assert verify_json(project, env)[0]["passed"]
    write(project / "migrations" / "20260103000000_c.sql", "create table public.c (id int);\n")
    result, log = verify_json(project, env)
    assert result["passed"] and result["migrations_applied"] == 1 and result["migrations_cached"] == 2
    assert "reusing a template with 2 of 3 migrations applied" in log


def test_a_changed_test_file_runs_again_and_the_others_are_served(cached_project):
    project, env = cached_project
    write(project / "supabase" / "tests" / "other.test.sql", "begin; select plan(1); select ok(true); select * from finish(); rollback;\n")
    assert verify_json(project, env)[0]["passed"]
    write(project / "supabase" / "tests" / "other.test.sql", "begin; select plan(1); select ok(false); select * from finish(); rollback;\n")
    result, _ = verify_json(project, env)
    files = {f["path"]: f for f in result["files"]}
    assert not result["passed"] and result["cache"] == "template+1 files"
    assert files["supabase/tests/b.test.sql"]["cached"] and not files["supabase/tests/other.test.sql"]["cached"]
    # A failure is never cached: the next run tries it again.
    result, _ = verify_json(project, env)
    assert not result["passed"] and not {f["path"]: f for f in result["files"]}["supabase/tests/other.test.sql"]["cached"]


def test_no_cache_neither_reads_nor_writes_it(cached_project):
    project, env = cached_project
    result, log = verify_json(project, env, "--no-cache")
    assert result["passed"] and result["cache"] == "" and "cache" not in log
    assert not Path(env["SCHEMA_TOOL_VERIFY_CACHE"]).exists() or not any(Path(env["SCHEMA_TOOL_VERIFY_CACHE"]).iterdir())
    first = run_cli(project, "verify", env=env)
    assert "cache: saved the migrated template" in first.stderr
    second = run_cli(project, "verify", env=env)
    assert "cache: migrated template and all 2 test files unchanged" in second.stderr
    assert "  cached" in second.stdout
    clean = run_cli(project, "verify", "--no-cache", env=env)
    assert "cache" not in clean.stdout + clean.stderr


def test_an_unusable_cache_is_one_line_and_a_cold_run(cached_project, tmp_path):
    project, _ = cached_project
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    result = run_cli(project, "verify", env={"SCHEMA_TOOL_VERIFY_CACHE": str(blocker)})
    assert result.returncode == 0, result.stderr
    lines = [l for l in result.stderr.splitlines() if l.startswith("cache:")]
    assert len(lines) == 1 and "cold run" in lines[0]
    assert "Traceback" not in result.stderr


def test_two_verifies_at_once_share_the_cache_without_corrupting_it(cached_project):
    project, env = cached_project
    cmd = [sys.executable, "-m", "schema_tool", "verify", "--json"]

    runs = [subprocess.Popen(cmd, cwd=project, env={**os.environ, **env}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        out, err = run.communicate(timeout=240)
        assert run.returncode == 0, err
        assert json.loads(out)["passed"]
    entries = [e for e in (Path(env["SCHEMA_TOOL_VERIFY_CACHE"]) / "templates").iterdir() if not e.name.startswith(".")]
    assert len(entries) == 1
    assert not list((Path(env["SCHEMA_TOOL_VERIFY_CACHE"]) / "templates").glob(".tmp-*"))
    result, _ = verify_json(project, env)
    assert result["passed"] and result["cache"] == "all"
    shutil.rmtree(Path(env["SCHEMA_TOOL_VERIFY_CACHE"]) / "results")  # the template alone serves the next run
    result, _ = verify_json(project, env)
    assert result["passed"] and result["cache"] == "template"


def test_the_key_covers_the_baseline_the_server_and_every_migration(project, tmp_path, monkeypatch):
    write(project / "migrations" / "20260101000000_a.sql", "create table public.a (id int);\n")
    write(project / "migrations" / "20260102000000_b.sql", "create table public.b (x int);\n")
    migrations = load(project / "migrations")
    amendments = project / "amended-migrations.toml"
    keys = cache.prefix_keys("embedded|postgres", migrations, amendments)
    assert len(keys) == 3 and len(set(keys)) == 3
    assert cache.prefix_keys("embedded|postgres", migrations, amendments) == keys
    assert cache.prefix_keys("system|postgres", migrations, amendments)[0] != keys[0]
    write(project / "migrations" / "20260102000000_b.sql", "create table public.b (y int);\n")
    changed = cache.prefix_keys("embedded|postgres", load(project / "migrations"), amendments)
    assert changed[:2] == keys[:2] and changed[2] != keys[2]
    # A changed baseline (or bootstrap code) changes every key.
    package = tmp_path / "package"
    shutil.copytree(cache.PACKAGE, package)
    (package / "baseline.sql").write_text((package / "baseline.sql").read_text() + "\n-- changed\n")
    monkeypatch.setattr(cache, "PACKAGE", package)
    rebased = cache.prefix_keys("embedded|postgres", migrations, amendments)
    assert not set(rebased) & set(keys)


def test_the_oldest_templates_are_evicted(tmp_path):
    templates = cache.Templates(tmp_path, limit=2)

    def fake(path: Path) -> None:
        (path / "base").mkdir(parents=True)

    for i, key in enumerate(["k1", "k2", "k3"]):
        assert templates.save(key, fake, {"databases": {key: "schema_tool_template"}})

        os.utime(templates.dir / key, (time.time() - 100 + i, time.time() - 100 + i))
    assert sorted(e.name for e, _ in templates.entries()) == ["k2", "k3"]
    assert templates.lookup(["k0", "k1"]) is None
    assert templates.lookup(["k0", "k2", "kx"])[0] == 1
    assert not templates.save("k3", fake, {"databases": {}})  # already there: kept as it is


def test_a_cached_cluster_that_will_not_start_is_one_line_and_a_cold_run(cached_project):
    project, env = cached_project
    assert verify_json(project, env)[0]["passed"]
    templates = Path(env["SCHEMA_TOOL_VERIFY_CACHE"]) / "templates"
    entry = next(e for e in templates.iterdir() if not e.name.startswith("."))
    (entry / "data" / "PG_VERSION").write_text("7\n")  # a data directory no server accepts
    shutil.rmtree(Path(env["SCHEMA_TOOL_VERIFY_CACHE"]) / "results")
    result, log = verify_json(project, env)
    assert result["passed"]
    assert "cold run" in log and result["cache"] == "none"
    assert "cache: saved the migrated template" in log  # the broken entry was replaced
    assert verify_json(project, env)[0]["cache"] == "all"
