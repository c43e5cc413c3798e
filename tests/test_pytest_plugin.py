"""The pytest plugin shipped in the package: a user's test file that uses only
the documented fixtures runs green in a fresh project, and RLS holds there."""

from __future__ import annotations

import textwrap

MIGRATION = """\
create schema app;
grant usage on schema app to anon, authenticated, service_role;
create table app.notes (
    id bigint generated always as identity primary key,
    owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
    body text not null
);
create index idx_notes_owner_id on app.notes (owner_id);
alter table app.notes enable row level security;
grant select, insert on app.notes to authenticated;
grant all on app.notes to service_role;
create policy "notes: owners select their own" on app.notes for select to authenticated
    using (owner_id = (select auth.uid()));
create policy "notes: owners insert their own" on app.notes for insert to authenticated
    with check (owner_id = (select auth.uid()));
"""

USER_TESTS = '''\
import psycopg
import pytest


def test_owner_sees_only_own_notes(supabase_db):
    supabase_db.create_user("alice@example.com")
    supabase_db.create_user("bob@example.com")
    supabase_db.as_user("alice@example.com")
    supabase_db.execute("insert into app.notes (body) values ('mine')")
    supabase_db.as_user("bob@example.com")
    assert supabase_db.execute("select count(*) from app.notes").fetchone()[0] == 0
    supabase_db.as_user("alice@example.com")
    assert supabase_db.execute("select body from app.notes").fetchall() == [("mine",)]


def test_anon_is_refused(supabase_db):
    supabase_db.as_anon()
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        supabase_db.execute("select * from app.notes")


def test_service_role_bypasses_rls_but_not_auth_users(supabase_db):
    supabase_db.create_user("carol@example.com")
    supabase_db.as_user("carol@example.com")
    supabase_db.execute("insert into app.notes (body) values ('x')")
    supabase_db.as_service_role()
    assert supabase_db.execute("select count(*) from app.notes").fetchone()[0] == 1
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        supabase_db.execute("select * from auth.users")


def test_each_test_gets_its_own_copy(supabase_db):
    assert supabase_db.execute("select count(*) from app.notes").fetchone()[0] == 0


def test_the_connection_is_postgres_not_a_superuser(supabase_db_url):
    with psycopg.connect(supabase_db_url) as conn:
        user, superuser = conn.execute(
            "select current_user, rolsuper from pg_roles where rolname = current_user").fetchone()
    assert (user, superuser) == ("postgres", False)
'''


def test_a_users_test_file_runs_green_with_the_documented_fixtures(pytester):
    (pytester.path / "migrations").mkdir()
    (pytester.path / "migrations" / "20260101000000_app_notes.sql").write_text(MIGRATION)
    pytester.makepyfile(test_notes=USER_TESTS)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=5)


def test_a_failing_rls_expectation_fails(pytester):
    (pytester.path / "migrations").mkdir()
    (pytester.path / "migrations" / "20260101000000_app_notes.sql").write_text(
        MIGRATION.replace("using (owner_id = (select auth.uid()))", "using (true)"))
    pytester.makepyfile(test_notes=USER_TESTS)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "-k", "owner_sees_only_own_notes")
    result.assert_outcomes(failed=1)


def test_the_migrations_folder_is_configurable_and_checked(pytester):
    pytester.makeini(textwrap.dedent("""\
        [pytest]
        schema_tool_migrations = db/migrations
    """))
    pytester.makepyfile(test_x="def test_x(supabase_db):\n    pass\n")
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*schema_tool_migrations: */db/migrations is not a folder of migrations*"])


def test_the_readme_example_runs_green(pytester):
    """The README's plugin example, run as written in a fresh project."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme.split("## Testing your application with pytest", 1)[1]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    (pytester.path / "migrations").mkdir()
    (pytester.path / "migrations" / "20260101000000_app_notes.sql").write_text(MIGRATION)
    pytester.makepyfile(test_readme_example=example)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_the_fixtures_work_on_the_system_engine(pytester):
    (pytester.path / "migrations").mkdir()
    (pytester.path / "migrations" / "20260101000000_app_notes.sql").write_text(MIGRATION)
    pytester.makepyfile(test_notes=USER_TESTS)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "--schema-tool-engine", "system")
    result.assert_outcomes(passed=5)
