"""Layer 4 (plpgsql_check) against a real Postgres with the extension: the
system engine (Debian's PostgreSQL 15 with postgresql-15-plpgsql-check).
Each rule's bad fixture is reported and its good one is not; a planted
problem in a project is located at its migration's file and line; where no
engine has the extension the layer is a note, not a failure."""

from __future__ import annotations

import psycopg
import pytest

from conftest import write
from schema_tool.lint import lint, plpgsql, rules
from schema_tool.lint.findings import RULES
from schema_tool.supabase import install_baseline

pytestmark = pytest.mark.skipif(
    not plpgsql.engine_has_extension("system"),
    reason="the system engine has no plpgsql_check (apt-get install postgresql-15-plpgsql-check)",
)

FIXTURE_RULES = sorted(r.id for r in rules.of_layer("plpgsql"))
SETUP = """
create schema app;
create schema app_private;
"""


@pytest.fixture
def conn(system_server):
    # plpgsql_check is created by the throwaway's superuser, as lint does
    with psycopg.connect(system_server.admin_url) as connection:
        with connection.transaction():
            install_baseline(connection)
        yield connection
        connection.rollback()


def check(conn, sql: str) -> list[plpgsql.Problem]:
    conn.execute("savepoint fixture")
    try:
        conn.execute(SETUP)
        conn.execute(sql)
        return plpgsql.check_conn(conn)
    finally:
        conn.execute("rollback to savepoint fixture")


def findings_of(conn, rule_id: str, kind: str):
    sql = rules.fixture(RULES[rule_id], kind).read_text()
    return plpgsql.to_findings(check(conn, sql), [("migrations/1_fixture.sql", sql)])


def test_every_plpgsql_rule_has_both_fixtures_next_to_its_module():
    assert FIXTURE_RULES == ["plpgsql-error", "plpgsql-warning"]
    for rule_id in FIXTURE_RULES:
        for kind in ("bad", "good"):
            assert rules.fixture(RULES[rule_id], kind).exists()


@pytest.mark.parametrize("rule_id", FIXTURE_RULES)
def test_rule_triggers_on_bad_fixture(conn, rule_id):
    hits = [f for f in findings_of(conn, rule_id, "bad") if f.rule == rule_id]
    assert hits
    assert all(f.object and f.message and f.fix and f.file and f.line for f in hits)


@pytest.mark.parametrize("rule_id", FIXTURE_RULES)
def test_rule_silent_on_good_fixture(conn, rule_id):
    found = findings_of(conn, rule_id, "good")
    assert [(f.rule, f.message) for f in found] == []


def test_errors_name_function_sqlstate_and_line_and_trigger_columns(conn):
    found = findings_of(conn, "plpgsql-error", "bad")
    by_object = {f.object: f for f in found if f.rule == "plpgsql-error"}
    column = by_object["app_private.note_length(bigint)"]
    assert column.message.startswith("42703 column n.missing_column does not exist")
    # the create statement is on line 3; the bad line is line 3 of the body, file line 6
    assert (column.file, column.line) == ("migrations/1_fixture.sql", 3)
    assert "line 3 of its body (migrations/1_fixture.sql:6)" in column.message
    trigger = by_object["app_private.touch_note()"]
    assert "no_such_column" in trigger.message and "trigger notes_touch on app.notes" in trigger.message
    assert trigger.line == 10 and "migrations/1_fixture.sql:13" in trigger.message


def test_transition_table_is_passed_to_the_check(conn):
    # without newtable => 'inserted', plpgsql_check cannot see the relation
    sql = SETUP + rules.fixture(RULES["plpgsql-error"], "good").read_text()
    conn.execute("savepoint t")
    try:
        conn.execute(sql)
        conn.execute("create extension if not exists plpgsql_check schema extensions")
        bare = conn.execute(
            "select message from extensions.plpgsql_check_function_tb("
            "'app_private.count_inserted()'::regprocedure, 'app.notes'::regclass)"
        ).fetchall()
        assert bare and "inserted" in bare[0][0]
        assert plpgsql.check_conn(conn) == []
    finally:
        conn.execute("rollback to savepoint t")


def test_planted_problem_is_reported_at_its_migration_and_fails_lint(project):
    write(project / "migrations" / "20260101000000_app_notes.sql",
          "create schema app;\n"
          "create table app.notes (id bigint primary key, body text);\n")
    write(project / "migrations" / "20260101000100_app_functions.sql",
          "-- the function\n"
          "create function app.note_body(p_id bigint) returns text\n"
          "language plpgsql set search_path = '' as $$\n"
          "begin\n"
          "    return (select n.title from app.notes as n where n.id = p_id);\n"
          "end\n"
          "$$;\n")
    result = lint(project, only=("plpgsql",), plpgsql_engine="system")
    (finding,) = result.findings
    assert finding.rule == "plpgsql-error" and finding.level == "error" and result.errors == 1
    assert (finding.file, finding.line) == ("migrations/20260101000100_app_functions.sql", 2)
    assert "42703" in finding.message and "(migrations/20260101000100_app_functions.sql:5)" in finding.message


def test_a_later_create_or_replace_is_where_the_finding_is_and_allow_accepts_it(project):
    write(project / "migrations" / "20260101000000_app.sql",
          "create schema app;\n"
          "create function app.f() returns int language plpgsql as $$ begin return 1; end $$;\n")
    write(project / "migrations" / "20260101000100_app_f.sql",
          "-- schema-tool: allow plpgsql-error the table is created at run time by a job\n"
          "create or replace function app.f() returns int language plpgsql as $$\n"
          "begin\n"
          "    return (select count(*) from app.created_later);\n"
          "end\n"
          "$$;\n")
    result = lint(project, only=("plpgsql",), plpgsql_engine="system")
    (finding,) = result.findings
    assert (finding.file, finding.line) == ("migrations/20260101000100_app_f.sql", 2)
    assert finding.accepted and result.errors == 0


def test_without_the_extension_the_layer_is_a_note_not_a_failure(project, monkeypatch):
    write(project / "migrations" / "20260101000000_app.sql", "create schema app;\n")
    monkeypatch.setattr(plpgsql, "engine_has_extension", lambda engine, name=plpgsql.EXTENSION: False)
    result = lint(project, only=("plpgsql",))
    assert result.findings == [] and result.errors == 0
    (note,) = result.notes
    assert "skipped" in note and "postgresql-15-plpgsql-check" in note


def test_a_role_that_may_not_create_the_extension_gets_a_note_not_a_crash(conn):
    conn.execute("savepoint r")
    try:
        conn.execute("set local role authenticated")
        with pytest.raises(plpgsql.Unavailable, match="could not create plpgsql_check as authenticated"):
            plpgsql.check_conn(conn)
    finally:
        conn.execute("rollback to savepoint r")


def test_on_the_catalog_engine_it_checks_the_catalog_layers_database(project, monkeypatch):
    write(project / "migrations" / "20260101000000_app.sql",
          "create schema app;\n"
          "create function app.f() returns int language plpgsql set search_path = '' as $$\n"
          "begin\n"
          "    return (select count(*) from app.missing);\n"
          "end\n"
          "$$;\n")
    started = []
    monkeypatch.setattr(plpgsql, "run", lambda *a, **k: started.append(a) or ([], None))
    result = lint(project, only=("plpgsql", "catalog"), engine="system")
    assert started == []  # no second server: the catalog layer's database was checked
    (finding,) = [f for f in result.findings if f.rule == "plpgsql-error"]
    assert (finding.file, finding.line) == ("migrations/20260101000000_app.sql", 2)
    assert "42P01" in finding.message and "(migrations/20260101000000_app.sql:4)" in finding.message
