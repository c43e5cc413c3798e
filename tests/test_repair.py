"""repair: the Supabase CLI's `migration repair` rows, plus who and why."""

from __future__ import annotations

import json

import psycopg

from schema_tool.migrate import migrate, status
from schema_tool.migrations import load

from conftest import query, run_cli, write

A = "create schema demo;\ncreate table demo.a (id int);\n"
B = "create table demo.b (id int);\n-- a comment\nselect 1;\n"


def execute(url, text):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(text)


def ledger(url):
    return query(url, "select version, name, statements from supabase_migrations.schema_migrations order by 1")


def test_applied_writes_the_clis_row_and_logs_who_and_why(project, db_url):
    write(project / "migrations" / "20260101000000_a.sql", A)
    write(project / "migrations" / "20260102000000_b.sql", B)
    migrate(db_url, project / "migrations", to="20260101000000")
    execute(db_url, "create table demo.b (id int)")  # applied by hand during an incident
    r = run_cli(project, "repair", "20260102000000", "--status", "applied", "--database-url", db_url,
                "--reason", "applied by hand in incident 42", env={"SCHEMA_TOOL_APPLIED_BY": "ops-alice"})
    assert r.returncode == 0, r.stderr
    assert "20260102000000_b: applied" in r.stdout
    # exactly what `supabase migration repair --status applied` upserts
    b = load(project / "migrations")[1]
    assert ledger(db_url)[1] == ("20260102000000", "b", ["create table demo.b (id int)", "-- a comment\nselect 1"])
    assert ledger(db_url)[1][2] == [s.text for s in b.statements]
    assert query(db_url, "select version, status, reason, repaired_by from supabase_migrations.schema_tool_repairs") == [
        ("20260102000000", "applied", "applied by hand in incident 42", "ops-alice")]
    assert [e.state for e in status(db_url, project / "migrations")] == ["applied", "applied"]
    assert migrate(db_url, project / "migrations").applied == []


def test_reverted_deletes_the_rows_and_logs_it(project, db_url):
    write(project / "migrations" / "20260101000000_a.sql", A)
    write(project / "migrations" / "20260102000000_b.sql", B)
    migrate(db_url, project / "migrations")
    execute(db_url, "drop table demo.b")  # reverted by hand
    r = run_cli(project, "repair", "20260102000000", "--status", "reverted", "--database-url", db_url,
                "--reason", "rolled back by hand", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["status"] == "reverted"
    assert [v for v, *_ in ledger(db_url)] == ["20260101000000"]
    assert query(db_url, "select version from supabase_migrations.schema_tool_history") == [("20260101000000",)]
    assert query(db_url, "select status, reason from supabase_migrations.schema_tool_repairs") == [
        ("reverted", "rolled back by hand")]
    # the next migrate applies it again
    assert [a.version for a in migrate(db_url, project / "migrations").applied] == ["20260102000000"]


def test_reverted_needs_no_local_file(project, db_url):
    write(project / "migrations" / "20260101000000_a.sql", A)
    migrate(db_url, project / "migrations")
    execute(db_url, "insert into supabase_migrations.schema_migrations (version, name) values ('20250101000000', 'gone')")
    r = run_cli(project, "repair", "20250101000000", "--status", "reverted", "--database-url", db_url)
    assert r.returncode == 0, r.stderr
    assert [v for v, *_ in ledger(db_url)] == ["20260101000000"]


def test_applied_refuses_a_version_without_a_file_in_one_line(project, db_url):
    write(project / "migrations" / "20260101000000_a.sql", A)
    r = run_cli(project, "repair", "20260101000000", "20990101000000", "--status", "applied", "--database-url", db_url)
    assert r.returncode == 2
    assert r.stderr.strip() == "error: no local migration file for 20990101000000: cannot mark it applied"
    assert query(db_url, "select to_regclass('supabase_migrations.schema_migrations')") == [(None,)]


def test_a_deliberately_edited_file_is_accepted_with_its_reason(project, db_url):
    path = write(project / "migrations" / "20260101000000_a.sql", A)
    migrate(db_url, project / "migrations")
    old = load(project / "migrations")[0].checksum
    path.write_text(A + "comment on table demo.a is 'fixed typo';\n")
    execute(db_url, "comment on table demo.a is 'fixed typo'")
    assert status(db_url, project / "migrations")[0].state == "modified"
    r = run_cli(project, "repair", "20260101000000", "--status", "applied", "--database-url", db_url,
                "--reason", "comment typo fixed in place")
    assert r.returncode == 0, r.stderr
    assert "checksum of the edited file accepted" in r.stdout
    assert status(db_url, project / "migrations")[0].state == "applied"
    new = load(project / "migrations")[0].checksum
    assert query(db_url, "select checksum, previous_checksum, reason from supabase_migrations.schema_tool_repairs") == [
        (new, old, "comment typo fixed in place")]
    assert query(db_url, "select checksum from supabase_migrations.schema_tool_history") == [(new,)]
    # the CLI's upsert rewrites name and statements from the file as it is now
    assert ledger(db_url)[0][2][-1] == "comment on table demo.a is 'fixed typo'"


def test_a_bad_version_is_a_usage_error(project, db_url):
    write(project / "migrations" / "20260101000000_a.sql", A)
    r = run_cli(project, "repair", "v1", "--status", "reverted", "--database-url", db_url)
    assert r.returncode == 2 and "not a migration version" in r.stderr
