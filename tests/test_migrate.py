"""The migration engine against a real Postgres: ledger, atomicity, drift, concurrency."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import psycopg
import pytest

from schema_tool.errors import CheckFailed, UsageError
from schema_tool.migrate import MigrationFailed, migrate, status
from schema_tool.migrations import load, split, statements_digest

from conftest import REPO, query, run_cli, write

NOTES = """create schema demo;
create table demo.notes (
    id bigint generated always as identity primary key,
    body text not null
);
"""


def test_applies_pending_files_in_version_order_and_records_them(project, any_db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    write(project / "migrations" / "20260102000000_demo_rows.sql", "insert into demo.notes (body) values ('a');\n")
    result = migrate(any_db_url, project / "migrations")
    assert [a.version for a in result.applied] == ["20260101000000", "20260102000000"]
    assert not result.baseline_installed  # a Supabase database has it already
    assert query(any_db_url, "select body from demo.notes") == [("a",)]
    rows = query(any_db_url, "select version, name from supabase_migrations.schema_migrations order by 1")
    assert rows == [("20260101000000", "demo_schema"), ("20260102000000", "demo_rows")]
    # second run: nothing to do
    assert migrate(any_db_url, project / "migrations").applied == []


def test_ledger_rows_are_exactly_what_the_supabase_cli_writes(project, db_url):
    tricky = (
        "-- leading comment; with a semicolon\n"
        "create schema demo;\n"
        "create function demo.f() returns text language sql as $fn$ select 'a;b' $fn$;\n"
        "create function demo.g() returns int language sql begin atomic select 1; select 2; end;\n"
        "/* block ; comment */ select 'it''s; fine';\n"
        "-- trailing comment\n"
    )
    write(project / "migrations" / "20260101000000_tricky.sql", tricky)
    migrate(db_url, project / "migrations")
    # What pkg/parser.SplitAndTrim yields for this file: each token up to and
    # including ';' outside quotes, comments attached to the next statement,
    # right-trimmed of ';' and white space.
    expected = [
        "-- leading comment; with a semicolon\ncreate schema demo",
        "create function demo.f() returns text language sql as $fn$ select 'a;b' $fn$",
        "create function demo.g() returns int language sql begin atomic select 1; select 2; end",
        "/* block ; comment */ select 'it''s; fine'",
        "-- trailing comment",
    ]
    rows = query(db_url, "select version, name, statements from supabase_migrations.schema_migrations")
    assert rows == [("20260101000000", "tricky", expected)]
    columns = query(
        db_url,
        "select column_name, data_type from information_schema.columns"
        " where table_schema = 'supabase_migrations' and table_name = 'schema_migrations' order by ordinal_position",
    )
    assert columns == [("version", "text"), ("statements", "ARRAY"), ("name", "text")]
    history = query(db_url, "select version, checksum, duration_ms >= 0, tool_version from supabase_migrations.schema_tool_history")
    assert history[0][0] == "20260101000000"
    assert history[0][1] == load(project / "migrations")[0].checksum
    assert history[0][2] is True


def test_checksum_ignores_line_endings(project):
    a = write(project / "migrations" / "20260101000000_a.sql", "select 1;\nselect 2;\n")
    first = load(project / "migrations")[0].checksum
    a.write_bytes(b"select 1;\r\nselect 2;\r\n")
    assert load(project / "migrations")[0].checksum == first


def test_rows_written_by_the_supabase_cli_count_as_applied(project, db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    migration = load(project / "migrations")[0]
    # Simulate `supabase db push`: objects created, CLI ledger row, no schema-tool history.
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(open(project / "migrations" / "20260101000000_demo_schema.sql").read())
        conn.execute("create schema supabase_migrations")
        conn.execute("create table supabase_migrations.schema_migrations (version text not null primary key, statements text[], name text)")
        conn.execute(
            "insert into supabase_migrations.schema_migrations values (%s, %s, %s)",
            (migration.version, [s.text for s in migration.statements], migration.name),
        )
    assert [e.state for e in status(db_url, project / "migrations")] == ["applied"]
    assert migrate(db_url, project / "migrations").applied == []
    # ...and a local edit of a CLI-applied file is seen as drift.
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES + "create table demo.x (id int);\n")
    assert [e.state for e in status(db_url, project / "migrations")] == ["modified"]


def test_failing_statement_rolls_back_its_file_and_reports_file_line(project, db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    bad = write(
        project / "migrations" / "20260102000000_demo_bad.sql",
        "create table demo.tags (id int primary key);\n\ninsert into demo.tags values (1),\n    (1);\n",
    )
    with pytest.raises(MigrationFailed) as raised:
        migrate(db_url, project / "migrations")
    message = str(raised.value)
    assert f"{bad}:3:1: 23505" in message
    assert "duplicate key value violates unique constraint" in message
    assert "insert into demo.tags values (1)" in message
    # the first file stays applied, the failing one left no trace
    assert query(db_url, "select version from supabase_migrations.schema_migrations") == [("20260101000000",)]
    assert query(db_url, "select to_regclass('demo.tags')") == [(None,)]


def test_a_failure_amid_a_batch_names_its_statement_and_nothing_after_it_runs(project, db_url):
    # The statements go as one pipelined batch: the failing one is still the one reported.
    bad = write(
        project / "migrations" / "20260101000000_demo_mid.sql",
        "create schema demo;\ncreate table demo.a (id int primary key);\n"
        "insert into demo.a values (1);\ninsert into demo.a values (1);\n"
        "create table demo.after (id int);\nselect 1;\n",
    )
    with pytest.raises(MigrationFailed) as raised:
        migrate(db_url, project / "migrations")
    message = str(raised.value)
    assert f"{bad}:4:1: 23505" in message
    assert "    insert into demo.a values (1)\n" in message + "\n"
    assert query(db_url, "select to_regnamespace('demo')") == [(None,)]


@pytest.mark.parametrize("ender", ["commit", "-- done\n  END", "rollback", "prepare transaction 'x'"])
def test_commit_inside_a_file_is_refused_before_anything_runs(project, db_url, ender):
    write(project / "migrations" / "20260101000000_demo_ok.sql", "create schema ok;\n")
    bad = write(
        project / "migrations" / "20260102000000_demo_commit.sql",
        f"create schema demo;\n\n{ender};\ncreate table demo.after (id int);\n",
    )
    with pytest.raises(CheckFailed) as raised:
        migrate(db_url, project / "migrations")
    message = str(raised.value)
    assert message.startswith("refusing to migrate, nothing was applied")
    assert f"{bad}:{3 + ender.count(chr(10))}: this statement ends the file's transaction" in message
    # Parsed before running: not even the file before it, nor the statements before the commit.
    assert query(db_url, "select to_regnamespace('demo'), to_regnamespace('ok'),"
                         " to_regclass('supabase_migrations.schema_migrations')") == [(None, None, None)]


def test_rollback_to_savepoint_inside_a_file_is_allowed(project, db_url):
    write(project / "migrations" / "20260101000000_demo_sp.sql",
          "create schema demo;\nsavepoint a;\ncreate table demo.x (id int);\nrollback to savepoint a;\n")
    migrate(db_url, project / "migrations")
    assert query(db_url, "select to_regnamespace('demo')::text, to_regclass('demo.x')") == [("demo", None)]


def test_syntax_error_position_is_mapped_to_the_file_line_and_column(project, db_url):
    write(project / "migrations" / "20260101000000_typo.sql", "select 1;\n\ncreate tabel demo (id int);\n")
    result = run_cli(project, "migrate", "--database-url", db_url)
    assert result.returncode == 1
    assert "migrations/20260101000000_typo.sql:3:8: 42601 syntax error at or near \"tabel\"" in result.stderr


def test_checksum_drift_is_refused_before_anything_is_applied(project, db_url):
    first = write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    migrate(db_url, project / "migrations")
    first.write_text(NOTES + "-- edited after release\n")
    write(project / "migrations" / "20260102000000_demo_more.sql", "create table demo.more (id int primary key);\n")
    with pytest.raises(CheckFailed, match="20260101000000_demo_schema.sql: changed after it was applied"):
        migrate(db_url, project / "migrations")
    assert query(db_url, "select to_regclass('demo.more')") == [(None,)]


def test_applied_migration_missing_locally_is_refused(project, db_url):
    first = write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    migrate(db_url, project / "migrations")
    first.unlink()
    write(project / "migrations" / "20260102000000_other.sql", "create schema other;\n")
    result = run_cli(project, "migrate", "--database-url", db_url)
    assert result.returncode == 1
    assert "20260101000000_demo_schema.sql: applied to the database but missing locally" in result.stderr
    assert query(db_url, "select count(*) from pg_namespace where nspname = 'other'") == [(0,)]


def test_out_of_order_file_is_refused_unless_include_all(project, db_url):
    write(project / "migrations" / "20260102000000_demo_schema.sql", NOTES)
    migrate(db_url, project / "migrations")
    write(project / "migrations" / "20260101000000_early.sql", "create schema early;\n")
    refused = run_cli(project, "migrate", "--database-url", db_url)
    assert refused.returncode == 1
    assert "20260101000000_early.sql: pending but older than the newest applied migration" in refused.stderr
    allowed = run_cli(project, "migrate", "--database-url", db_url, "--include-all")
    assert allowed.returncode == 0, allowed.stderr
    assert query(db_url, "select count(*) from pg_namespace where nspname = 'early'") == [(1,)]


def test_installs_the_supabase_baseline_on_a_plain_postgres(project, bare_db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    result = migrate(bare_db_url, project / "migrations")
    assert result.baseline_installed
    assert query(bare_db_url, "select to_regclass('auth.users') is not null, to_regclass('demo.notes') is not null") == [
        (True, True)]


def test_dry_run_prints_the_plan_and_changes_nothing(project, bare_db_url):
    db_url = bare_db_url
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    result = run_cli(project, "migrate", "--database-url", db_url, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "would install the Supabase baseline" in result.stdout
    assert "would apply 20260101000000_demo_schema.sql" in result.stdout
    assert "create table demo.notes" in result.stdout
    assert query(db_url, "select count(*) from pg_namespace where nspname in ('demo', 'auth', 'supabase_migrations')") == [(0,)]


def test_to_version_stops_there(project, db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    write(project / "migrations" / "20260102000000_two.sql", "create schema two;\n")
    write(project / "migrations" / "20260103000000_three.sql", "create schema three;\n")
    result = migrate(db_url, project / "migrations", to="20260102000000")
    assert [a.version for a in result.applied] == ["20260101000000", "20260102000000"]
    with pytest.raises(UsageError, match="--to 20260109000000: no local migration"):
        migrate(db_url, project / "migrations", to="20260109000000")


def test_status_reports_each_state_as_json(project, db_url):
    a = write(project / "migrations" / "20260101000000_a.sql", "create schema a;\n")
    b = write(project / "migrations" / "20260102000000_b.sql", "create schema b;\n")
    write(project / "migrations" / "20260103000000_c.sql", "create schema c;\n")
    migrate(db_url, project / "migrations", to="20260102000000")
    a.write_text("create schema a; -- changed\n")
    b.unlink()
    write(project / "migrations" / "20260104000000_d.sql", "create schema d;\n")
    result = run_cli(project, "status", "--database-url", db_url, "--json")
    assert result.returncode == 1  # drift is a failed check
    states = {r["version"]: r["state"] for r in json.loads(result.stdout)}
    assert states == {
        "20260101000000": "modified",
        "20260102000000": "missing-locally",
        "20260103000000": "pending",
        "20260104000000": "pending",
    }


def test_baseline_is_skipped_on_a_database_that_already_has_auth(project, bare_db_url):
    db_url = bare_db_url
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("create schema auth")
        conn.execute("create table auth.marker (id int)")
    write(project / "migrations" / "20260101000000_a.sql", "create schema a;\n")
    result = migrate(db_url, project / "migrations")
    assert result.baseline_installed is False
    assert query(db_url, "select to_regclass('auth.users') is null, to_regclass('auth.marker') is not null") == [(True, True)]


def test_baseline_matches_supabase_auth_helpers(db_url, project):
    write(project / "migrations" / "20260101000000_a.sql", "select 1;\n")
    migrate(db_url, project / "migrations")
    claims = '{"sub": "8d0fd2b3-9ca6-4a3b-8d8a-5d4d0a1b2c3d", "role": "authenticated", "email": "a@example.com"}'
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("select set_config('request.jwt.claims', %s, false)", (claims,))
        row = conn.execute("select auth.uid()::text, auth.role(), auth.email(), auth.jwt() ->> 'email'").fetchone()
        assert row == ("8d0fd2b3-9ca6-4a3b-8d8a-5d4d0a1b2c3d", "authenticated", "a@example.com", "a@example.com")
        # the older per-claim settings win, as in Supabase's definitions
        conn.execute("select set_config('request.jwt.claim.sub', '00000000-0000-0000-0000-000000000001', false)")
        assert conn.execute("select auth.uid()::text").fetchone() == ("00000000-0000-0000-0000-000000000001",)
        roles = conn.execute(
            "select rolname, rolbypassrls from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by 1"
        ).fetchall()
        assert roles == [("anon", False), ("authenticated", False), ("authenticator", False), ("service_role", True)]


def test_non_transactional_file_runs_outside_a_transaction_and_is_recorded(project, db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    write(
        project / "migrations" / "20260102000000_demo_index.sql",
        "-- schema-tool: no-transaction\ncreate index concurrently idx_notes_body on demo.notes (body);\n",
    )
    migrate(db_url, project / "migrations")
    assert query(db_url, "select to_regclass('demo.idx_notes_body')::text") == [("demo.idx_notes_body",)]
    assert len(query(db_url, "select 1 from supabase_migrations.schema_migrations")) == 2


def test_failed_non_transactional_file_is_not_recorded(project, db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    write(
        project / "migrations" / "20260102000000_demo_index.sql",
        "-- schema-tool: no-transaction\ncreate index concurrently idx_a on demo.notes (body);\n"
        "create index concurrently idx_b on demo.missing (x);\n",
    )
    with pytest.raises(MigrationFailed, match="non-transactional"):
        migrate(db_url, project / "migrations")
    assert query(db_url, "select version from supabase_migrations.schema_migrations") == [("20260101000000",)]


def test_lock_timeout_stops_a_migration_queueing_behind_a_long_transaction(project, db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql", NOTES)
    migrate(db_url, project / "migrations")
    write(project / "migrations" / "20260102000000_demo_alter.sql", "alter table demo.notes add column extra text;\n")
    with psycopg.connect(db_url) as blocker:
        blocker.execute("select * from demo.notes")  # holds an access share lock, transaction open
        with pytest.raises(MigrationFailed, match="55P03"):
            migrate(db_url, project / "migrations", lock_timeout="200ms")
    assert len(query(db_url, "select 1 from supabase_migrations.schema_migrations")) == 1


def test_eight_concurrent_runners_apply_every_file_exactly_once(project, db_url):
    write(project / "migrations" / "20260101000000_demo_schema.sql",
          NOTES + "create table demo.runs (file text not null);\n")
    for i in range(2, 7):
        write(project / "migrations" / f"2026010{i}000000_step_{i}.sql",
              f"insert into demo.runs values ('{i}');\nselect pg_sleep(0.05);\n")
    procs = [
        subprocess.Popen([sys.executable, "-m", "schema_tool", "migrate", "--database-url", db_url],
                         cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(8)
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    assert query(db_url, "select file, count(*) from demo.runs group by file order by file") == [
        (str(i), 1) for i in range(2, 7)
    ]
    assert len(query(db_url, "select 1 from supabase_migrations.schema_migrations")) == 6


def test_connection_problems_are_one_clear_line_and_exit_2(project):
    write(project / "migrations" / "20260101000000_a.sql", "select 1;\n")
    no_url = run_cli(project, "migrate", env={"DATABASE_URL": ""})
    assert no_url.returncode == 2
    assert no_url.stderr.strip() == "error: no database: pass --database-url URL or set DATABASE_URL"
    bad = run_cli(project, "migrate", "--database-url", "not-a-url")
    assert bad.returncode == 2 and bad.stderr.startswith("error: bad database URL")
    assert len(bad.stderr.strip().splitlines()) == 1
    unreachable = run_cli(project, "migrate", "--database-url", "postgresql://postgres@127.0.0.1:1/postgres")
    assert unreachable.returncode == 2 and unreachable.stderr.startswith("error: cannot connect to the database")
    assert len(unreachable.stderr.strip().splitlines()) == 1


def test_bad_file_name_is_a_usage_error(project, db_url):
    write(project / "migrations" / "init.sql", "select 1;\n")
    result = run_cli(project, "migrate", "--database-url", db_url)
    assert result.returncode == 2
    assert "init.sql: malformed migration file name: must be <version>_<name>.sql" in result.stderr


def test_split_follows_the_supabase_cli_quirks():
    # parentheses hold semicolons; "atomic" opens a body only right after the
    # word BEGIN (a column named atomic does not), and only "end" closes it,
    # so an unclosed body runs to the end of the file and keeps its ';'.
    texts = [s.text for s in split("create table t (a int check (a > 0; b int);\nselect 1 as atomic;\n")]
    assert texts == ["create table t (a int check (a > 0; b int)", "select 1 as atomic"]
    assert [s.text for s in split("select 1;\nbegin atomic select 2;\n")] == ["select 1", "begin atomic select 2;"]


def test_amended_migration_accepts_the_released_bytes_and_nothing_else(project, db_url):
    released = "create schema demo;\n"
    path = write(project / "migrations" / "20260101000000_demo.sql", released)
    migrate(db_url, project / "migrations")
    old = load(project / "migrations")[0]
    path.write_text("select 1;\ncreate schema demo;\n")
    assert [e.state for e in status(db_url, project / "migrations")] == ["modified"]
    write(project / "amended-migrations.toml",
          f'[[amended]]\nversion = "20260101000000"\nprevious_checksums = ["{old.checksum}"]\n'
          f'previous_statements = ["{statements_digest([s.text for s in old.statements])}"]\n'
          'reason = "loads a library first"\n')
    assert [e.state for e in status(db_url, project / "migrations")] == ["applied"]
    assert migrate(db_url, project / "migrations").applied == []
    # The same database pushed by the Supabase CLI (no schema-tool facts): its statements count too.
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("truncate supabase_migrations.schema_tool_history")
    assert [e.state for e in status(db_url, project / "migrations")] == ["applied"]
    # Any other bytes are still drift.
    path.write_text("select 2;\ncreate schema demo;\n")
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("update supabase_migrations.schema_migrations set statements = array['create schema demo2']")
    assert [e.state for e in status(db_url, project / "migrations")] == ["modified"]


def test_the_repo_amendment_names_the_released_20261123120600():
    from schema_tool.migrations import load_amendments

    amendment = load_amendments(REPO / "migrations")["20261123120600"]
    current = next(m for m in load(REPO / "migrations") if m.version == "20261123120600")
    assert current.checksum not in amendment.previous_checksums
    assert "hnsw.iterative_scan" in amendment.reason
