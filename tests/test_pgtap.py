"""TAP judging (every failure kind) and verify end to end on real servers."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import pytest

from schema_tool.pgtap import parse_tap

from conftest import REPO, run_cli, write

# The shared setup file (copied into every demo project) checks its own helpers.
SETUP_TESTS = int(re.search(r"select plan\((\d+)\)", (REPO / "supabase/tests/000_setup.sql").read_text())[1])


def test_all_ok_with_plan_passes():
    r = parse_tap("f", "1..2\nok 1 - a\nok 2 - b\n")
    assert r.passed and r.planned == 2 and [t.description for t in r.tests] == ["a", "b"]


def test_not_ok_fails_and_keeps_its_diagnostics():
    r = parse_tap("f", '1..2\nok 1 - a\nnot ok 2 - b\n# Failed test 2: "b"\n#   have: 1\n#   want: 2\n')
    assert not r.passed
    assert r.failures() == ['not ok 2 - b\n      Failed test 2: "b"\n      have: 1\n      want: 2']


def test_non_tap_output_lines_are_ignored_not_read_as_plans():
    r = parse_tap("f", "1..1\n1234567-89ab-cdef\n10..20 something\nok 1 - a\n")
    assert r.passed and r.planned == 1


def test_missing_plan_fails():
    r = parse_tap("f", "ok 1 - a\n")
    assert r.failures() == ["no plan: the file printed no 1..N line (missing select plan(N)?)"]


def test_plan_count_mismatch_fails():
    r = parse_tap("f", "1..3\nok 1 - a\nok 2 - b\n")
    assert r.failures() == ["planned 3 tests but ran 2"]


def test_error_in_file_fails_with_psqls_message():
    r = parse_tap("f", "1..2\nok 1 - a\n", 'psql:f:7: ERROR:  relation "nope" does not exist\nLINE 1: select * from nope;', 3)
    assert not r.passed
    assert r.failures()[0].startswith('error: psql:f:7: ERROR:  relation "nope" does not exist')


def test_bail_out_fails():
    r = parse_tap("f", "1..2\nok 1 - a\nBail out! database gone\n")
    assert "bail out: database gone" in r.failures()


def test_todo_failure_does_not_fail_and_skip_passes():
    r = parse_tap("f", "1..2\nnot ok 1 - later # TODO not yet\nok 2 - skipped # SKIP no pgvector\n")
    assert r.passed


def test_verify_runs_setup_then_tests_and_reports_each_failure(project):
    write(project / "migrations" / "20260101000000_demo.sql", "create schema demo;\ncreate table demo.t (id int primary key);\n")
    write(project / "supabase" / "tests" / "demo" / "good.test.sql",
          "begin;\nselect plan(2);\nselect has_table('demo', 't', 't exists');\n"
          "select tests.create_user('a@example.com') is not null as created \\gset\n"
          "select ok(tests.get_user_id('a@example.com') is not null, 'helper user exists');\n"
          "select * from finish();\nrollback;\n")
    write(project / "supabase" / "tests" / "demo" / "bad.test.sql",
          "begin;\nselect plan(3);\nselect ok(false, 'deliberately false');\nselect ok(true, 'fine');\nselect * from finish();\nrollback;\n")
    write(project / "supabase" / "tests" / "demo" / "broken.test.sql",
          "begin;\nselect plan(1);\nselect * from demo.nope;\nrollback;\n")
    write(project / "supabase" / "tests" / "demo" / "noplan.test.sql", "select 1;\n")
    result = run_cli(project, "verify", "--junit", str(project / "junit.xml"))
    assert result.returncode == 1
    out = result.stdout
    assert "supabase/tests/000_setup.sql" in out and "supabase/tests/demo/good.test.sql" in out
    assert "bad.test.sql: not ok 1 - deliberately false" in result.stderr
    assert "bad.test.sql: planned 3 tests but ran 2" in result.stderr
    assert 'broken.test.sql: error: psql:supabase/tests/demo/broken.test.sql:3: ERROR:  relation "demo.nope" does not exist' in result.stderr
    assert "noplan.test.sql: no plan" in result.stderr
    assert out.strip().splitlines()[-1] == f"{SETUP_TESTS + 3} passed, 4 failed"
    suites = ET.parse(project / "junit.xml").getroot()
    assert {s.get("name") for s in suites} >= {"supabase/tests/demo/bad.test.sql", "supabase/tests/demo/broken.test.sql"}
    assert sum(int(s.get("failures")) for s in suites) == 1


def test_verify_passes_on_both_engines_and_json_reports_totals(project):
    write(project / "migrations" / "20260101000000_demo.sql", "create schema demo;\n")
    write(project / "supabase" / "tests" / "demo" / "ok.test.sql",
          "begin;\nselect plan(1);\nselect has_schema('demo', 'demo schema');\nselect * from finish();\nrollback;\n")
    import subprocess

    from schema_tool.engines import system_bin_dir

    system = subprocess.run([str(system_bin_dir() / "postgres"), "--version"], capture_output=True, text=True)
    system_major = system.stdout.split()[2].split(".")[0]  # "postgres (PostgreSQL) 15.18 (Debian ...)" -> "15"
    for engine, major in (("embedded", "18"), ("system", system_major)):
        result = run_cli(project, "verify", "--engine", engine, "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["passed"] and data["failed"] == 0 and data["tests"] == SETUP_TESTS + 1
        assert data["server_version"].startswith(major)


def test_verify_with_database_url_leaves_the_named_database_untouched(project, server):
    write(project / "migrations" / "20260101000000_demo.sql", "create schema demo;\n")
    before = run_cli(project, "verify", "--database-url", server.admin_url)  # a plain Postgres's superuser
    assert before.returncode == 0, before.stderr
    import psycopg

    with psycopg.connect(server.admin_url) as conn:
        assert conn.execute("select to_regnamespace('demo')").fetchone() == (None,)
        leftovers = conn.execute("select count(*) from pg_database where datname like 'schema_tool_verify_%'").fetchone()
        assert leftovers == (0,)


def test_exclude_skips_a_modules_migrations_and_tests(project):
    write(project / "migrations" / "20260101000000_vec_needs_pgvector.sql", "create extension nope_not_here;\n")
    write(project / "supabase" / "tests" / "vec" / "x.test.sql", "select plan(1);\nselect ok(false, 'never runs');\n")
    write(project / "migrations" / "20260102000000_demo_schema.sql", "create schema demo;\n")
    result = run_cli(project, "verify", "--exclude", "vec")
    assert result.returncode == 0, result.stderr
    assert "vec/x.test.sql" not in result.stdout
