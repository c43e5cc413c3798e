"""Bad input, table by table: one short line, the right exit code, nothing changed.

Every case runs the real command line the way a person in a hurry would: a
wrong directory, a bad option value, a bad file, a user without privileges.
Each asserts the exit code, that stderr is one `error: ...` line (no
traceback), and that the database is exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from conftest import REPO, query, run_cli, write

OK = "20260101000000_demo_ok.sql"


def snapshot(url: str):
    """What a half-done run would change: schemas, relations, roles, the ledger."""
    return query(
        url,
        "select (select array_agg(nspname order by nspname) from pg_namespace),"
        " (select count(*) from pg_class),"
        " (select array_agg(rolname order by rolname) from pg_roles),"
        " (select array_agg(datname order by datname) from pg_database)",
    )


def assert_one_line(result: subprocess.CompletedProcess, code: int, words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    # One line; a refusal lists each file it refuses on an indented line below.
    assert len(lines) == 1 or (lines[0].endswith(":") and len(lines) == 2 and lines[1].startswith("  ")), result.stderr
    assert lines[0].startswith("error: ") and all(len(line) < 300 for line in lines), lines
    assert words in result.stderr, result.stderr


def as_user(url: str, user: str) -> str:
    return re.sub(r"^postgresql://[^@/]*@", f"postgresql://{user}@", url, count=1)


@pytest.fixture
def weak_user(server, db_url):
    """A login role with no privilege beyond connecting (no CREATEDB, CREATEROLE)."""
    name = f"weak_{os.getpid()}"
    with psycopg.connect(server.admin_url, autocommit=True) as conn:
        conn.execute(f"drop role if exists {name}")
        conn.execute(f"create role {name} login nocreatedb nocreaterole")
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("revoke create on schema public from public")
    yield name
    with psycopg.connect(server.admin_url, autocommit=True) as conn:
        for row in conn.execute("select datname from pg_database where datname like 't\\_%'").fetchall():
            with psycopg.connect(server.admin_database_url(row[0]), autocommit=True) as db:
                db.execute(f"drop owned by {name}")
        conn.execute(f"drop role if exists {name}")


NON_UTF8 = b"select '\xff';\n"

# (name, files to write {path: text or bytes}, argv (URL appended where {url}), exit code, words)
CASES = [
    ("non-UTF-8 migration: migrate", {f"migrations/{OK}": NON_UTF8}, ["migrate", "--database-url", "{url}"], 2, "not UTF-8"),
    ("non-UTF-8 migration: status", {f"migrations/{OK}": NON_UTF8}, ["status", "--database-url", "{url}"], 2, "not UTF-8"),
    ("non-UTF-8 migration: dry run", {f"migrations/{OK}": NON_UTF8}, ["migrate", "--dry-run", "--database-url", "{url}"], 2, "not UTF-8"),
    ("non-UTF-8 migration: lint", {f"migrations/{OK}": NON_UTF8}, ["lint", "--only", "migration-fails"], 2, "not UTF-8"),
    ("non-UTF-8 migration: verify", {f"migrations/{OK}": NON_UTF8}, ["verify"], 2, "not UTF-8"),
    ("non-UTF-8 source: render", {"sql/20260101000000_demo.sql.j2": NON_UTF8}, ["render"], 2, "not UTF-8"),
    ("non-UTF-8 source: render --check", {"sql/20260101000000_demo.sql.j2": NON_UTF8}, ["render", "--check"], 2, "not UTF-8"),
    ("lock timeout not a duration", {f"migrations/{OK}": "select 1;\n"},
     ["migrate", "--lock-timeout", "abc", "--database-url", "{url}"], 2, "'abc' is not a duration"),
    ("lock timeout 0 waits forever", {f"migrations/{OK}": "select 1;\n"},
     ["migrate", "--lock-timeout", "0", "--database-url", "{url}"], 2, "wait forever"),
    ("negative lock wait", {f"migrations/{OK}": "select 1;\n"},
     ["migrate", "--lock-wait", "-5", "--database-url", "{url}"], 2, "--lock-wait"),
    ("statement_timeout in the URL", {f"migrations/{OK}": "create schema demo;\n"},
     ["migrate", "--database-url", "{url}&options=-c%20statement_timeout%3D1"], 2, "statement timeout"),
    ("bad statement_timeout in the URL", {f"migrations/{OK}": "create schema demo;\n"},
     ["migrate", "--database-url", "{url}&options=-c%20statement_timeout%3Dabc"], 2, "cannot connect"),
    ("malformed URL keeps its password", {f"migrations/{OK}": "select 1;\n"},
     ["migrate", "--database-url", "postgresql://u:pa%zzword@localhost/db"], 2, "bad database URL"),
    ("upper-case .SQL", {"migrations/20260101000000_demo.SQL": "create schema demo;\n"},
     ["migrate", "--database-url", "{url}"], 2, "lower case"),
    ("13-digit version is malformed", {"migrations/2026010100000_demo.sql": "create schema demo;\n"},
     ["status", "--database-url", "{url}"], 2, "malformed migration file name"),
    ("source without .j2", {"sql/demo/20260101000000_demo.sql": "create schema demo;\n"},
     ["render", "--check"], 2, "must end in .sql.j2"),
    ("empty migration", {f"migrations/{OK}": "-- nothing yet\n"},
     ["migrate", "--database-url", "{url}"], 1, "empty migration"),
    ("commit inside a file", {f"migrations/{OK}": "create schema demo;\ncommit;\n"},
     ["migrate", "--database-url", "{url}"], 1, "refusing to migrate, nothing was applied"),
    ("exclude an unknown module", {f"migrations/{OK}": "select 1;\n"},
     ["verify", "--exclude", "nosuchmodule"], 2, "--exclude nosuchmodule: no such module"),
    ("junit into a missing folder", {f"migrations/{OK}": "select 1;\n"},
     ["verify", "--junit", "/no/such/dir/x.xml"], 2, "--junit /no/such/dir/x.xml: no such directory"),
    ("unknown verb", {}, ["nosuchverb"], 2, "No such command"),
    ("--to not a version", {f"migrations/{OK}": "create schema demo;\n"},
     ["migrate", "--to", "abc", "--database-url", "{url}"], 2, "'abc' is not a migration version"),
    ("--to an unknown version", {f"migrations/{OK}": "create schema demo;\n"},
     ["migrate", "--to", "20990101000000", "--database-url", "{url}"], 2, "no local migration has that version"),
]


@pytest.mark.parametrize("name,files,argv,code,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_and_changes_nothing(project, db_url, name, files, argv, code, words):
    for relative, content in files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    before = snapshot(db_url)
    started = time.monotonic()
    result = run_cli(project, *[a.replace("{url}", db_url) for a in argv])
    assert_one_line(result, code, words)
    assert "pa%zzword" not in result.stderr
    assert time.monotonic() - started < 30  # pre-flight: fails before any real work
    assert snapshot(db_url) == before


@pytest.mark.parametrize("argv", [["render"], ["render", "--check"], ["lint"], ["new", "demo_x"], ["verify"], ["docs", "--check"]])
def test_outside_a_project_is_exit_2_not_a_green_build(tmp_path, argv):
    result = run_cli(tmp_path, *argv)
    assert_one_line(result, 2, "not a schema-tool project")
    assert "up to date" not in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_migrate_as_a_user_who_cannot_install_the_baseline(project, bare_db_url, weak_user):
    write(project / "migrations" / OK, "create schema demo;\n")
    before = snapshot(bare_db_url)
    result = run_cli(project, "migrate", "--database-url", as_user(bare_db_url, weak_user))
    assert_one_line(result, 2, f"no auth schema and {weak_user} is not a superuser")
    assert snapshot(bare_db_url) == before


def test_migrate_as_a_user_who_cannot_create_the_ledger(project, db_url, weak_user):
    write(project / "migrations" / OK, "select 1;\n")  # db_url has the baseline (auth): like Supabase
    before = snapshot(db_url)
    result = run_cli(project, "migrate", "--database-url", as_user(db_url, weak_user))
    assert_one_line(result, 2, "creating the ledger schema supabase_migrations")
    assert snapshot(db_url) == before


def test_verify_with_a_url_whose_user_cannot_create_databases(project, db_url, weak_user):
    write(project / "migrations" / OK, "select 1;\n")
    before = snapshot(db_url)
    result = run_cli(project, "verify", "--database-url", as_user(db_url, weak_user))
    assert_one_line(result, 2, "needs CREATEDB")
    assert snapshot(db_url) == before


def test_migrate_json_prints_an_error_object_on_stdout(project, db_url):
    write(project / "migrations" / OK, "create schema demo;\n")
    write(project / "migrations" / "20260102000000_demo_bad.sql", "create schema demo;\n")
    result = run_cli(project, "migrate", "--json", "--database-url", db_url)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert "42P06" in data["error"] and data["exit_code"] == 1
    assert data["file"].endswith("20260102000000_demo_bad.sql") and data["line"] == 1
    assert [a["version"] for a in data["applied"]] == ["20260101000000"]


def test_an_error_after_leading_comments_is_located_at_its_line(project, db_url):
    write(project / "migrations" / OK,
          "-- one\n-- two\n/* three */\ncreate table t (id int primary key);\n"
          "-- four\ninsert into t values (1), (1);\n")
    result = run_cli(project, "migrate", "--database-url", db_url)
    assert result.returncode == 1
    assert f"migrations/{OK}:6:1: 23505" in result.stderr


def test_server_notices_are_shown_with_the_file_name(project, db_url):
    write(project / "migrations" / OK,
          "do $$ begin raise notice 'run cron.schedule yourself'; raise warning 'careful'; end $$;\n")
    result = run_cli(project, "migrate", "--database-url", db_url)
    assert result.returncode == 0, result.stderr
    assert f"migrations/{OK}: notice: run cron.schedule yourself" in result.stderr
    assert f"migrations/{OK}: warning: careful" in result.stderr


def test_an_unexpected_error_is_one_line_with_a_debug_hint(monkeypatch, capsys, project):
    from schema_tool import cli, migrate

    def boom(*args, **kwargs):
        raise RuntimeError("something nobody expected\nsecond line")

    monkeypatch.setattr(migrate, "status", boom)
    monkeypatch.chdir(project)
    monkeypatch.setattr(cli, "DEBUG", False)
    monkeypatch.setattr(sys, "argv", ["schema-tool", "status", "--database-url", "postgresql://x@/y"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err == ("error: RuntimeError: something nobody expected second line"
                   " (rerun with --debug for the traceback)\n")
    monkeypatch.setattr(sys, "argv", ["schema-tool", "--debug", "status", "--database-url", "postgresql://x@/y"])
    with pytest.raises(RuntimeError):
        cli.main()


def test_sigterm_during_migrate_cancels_the_statement_and_rolls_back(project, db_url):
    write(project / "migrations" / OK, "create schema demo;\nselect pg_sleep(60);\n")
    before = snapshot(db_url)
    proc = subprocess.Popen([sys.executable, "-m", "schema_tool", "migrate", "--database-url", db_url],
                            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sleeping = "select count(*) from pg_stat_activity where query like 'select pg_sleep(60)%'"
    deadline = time.monotonic() + 30
    while query(db_url, sleeping) != [(1,)]:
        assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.poll() is not None else ""
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "error: interrupted (SIGTERM)"
    assert query(db_url, sleeping) == [(0,)]  # cancelled on the server, not left holding its locks
    after = snapshot(db_url)
    assert query(db_url, "select to_regnamespace('demo'),"
                         " (select count(*) from supabase_migrations.schema_migrations)") == [(None, 0)]
    assert after[0][2] == before[0][2]  # no roles lost or half-made


@pytest.mark.parametrize("argv", [["migrate", "--json"], ["migrate", "--dry-run", "--json"]])
def test_migrate_json_without_a_database_still_prints_json(project, argv):
    result = run_cli(project, *argv, env={"DATABASE_URL": ""})
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"].startswith("no database")


def test_a_short_password_is_redacted_without_mangling_the_message(project):
    result = run_cli(project, "status", "--database-url", "postgresql://a:b@/x?host=/nonexistent")
    assert_one_line(result, 2, "connection is bad")
