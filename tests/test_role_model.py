"""The throwaway database is Supabase's role model, not a superuser's Postgres:
what the migrations and tests run as, and what each role may touch."""

from __future__ import annotations

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from schema_tool import pgtap
from schema_tool.migrate import migrate
from schema_tool.migrations import load

from conftest import REPO, query, write


def _as(url: str, role: str, sql: str):
    """Run sql after SET ROLE, in a transaction that is rolled back."""
    with psycopg.connect(url) as conn:
        conn.execute(f"set local role {role}")
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.rollback()


def test_postgres_is_not_a_superuser_and_has_what_supabase_gives_it(db_url):
    row = query(db_url, """
        select current_user, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls,
               (select rolsuper from pg_roles where rolname = 'supabase_admin'),
               (select datdba::regrole::text from pg_database where datname = current_database())
        from pg_roles r where r.rolname = current_user""")
    assert row == [("postgres", False, True, True, True, True, True, "postgres")]
    members = query(db_url, """
        select array_agg(b.rolname::text order by b.rolname) from pg_auth_members m
        join pg_roles b on b.oid = m.roleid join pg_roles u on u.oid = m.member
        where u.rolname = 'postgres'""")[0][0]
    assert {"anon", "authenticated", "service_role", "supabase_auth_admin"} <= set(members)


def test_postgres_cannot_do_what_only_a_superuser_can(db_url):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        query(db_url, "update pg_catalog.pg_class set relallvisible = 0 where oid = 'auth.users'::regclass")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        query(db_url, "alter system set work_mem = '1GB'")
    # ...but sets session_replication_role, as supautils allows on Supabase.
    with psycopg.connect(db_url) as conn:
        conn.execute("set local session_replication_role = replica")


def test_auth_users_belong_to_supabase_auth_admin_and_service_role_cannot_read_them(db_url):
    assert query(db_url, "select tableowner from pg_tables where schemaname = 'auth' and tablename = 'users'") == [
        ("supabase_auth_admin",)]
    assert query(db_url, "select count(*) >= 0 from auth.users") == [(True,)]  # postgres may
    for role in ("service_role", "authenticated", "anon"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _as(db_url, role, "select count(*) from auth.users")


def test_extensions_supautils_allows_are_created_by_postgres(db_url):
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("create extension if not exists pg_trgm with schema extensions")  # trusted
        conn.execute("create extension if not exists vector with schema extensions")  # preinstalled
        found = conn.execute(
            "select array_agg(extname::text order by extname) from pg_extension"
            " where extnamespace = 'extensions'::regnamespace").fetchone()[0]
    assert {"pg_trgm", "vector"} <= set(found)


def test_each_migration_runs_as_postgres_in_a_session_of_its_own(project, db_url):
    record = "insert into demo.sessions select pg_backend_pid(), current_user, session_user;\n"
    write(project / "migrations" / "20260101000000_demo_a.sql",
          "create schema demo;\ncreate table demo.sessions (pid int, role text, session_role text);\n"
          "set search_path = demo;\n" + record)
    write(project / "migrations" / "20260102000000_demo_b.sql",
          "select set_config('demo.flag', 'left behind', false);\n" + record)
    write(project / "migrations" / "20260103000000_demo_c.sql",
          "do $$ begin if current_setting('demo.flag', true) is not null and current_setting('demo.flag', true) <> ''"
          " then raise exception 'session state leaked'; end if; end $$;\n"
          "create table sessions_c (id int);\n" + record)
    migrate(db_url, project / "migrations")
    rows = query(db_url, "select count(distinct pid), array_agg(distinct role), array_agg(distinct session_role)"
                         " from demo.sessions")
    assert rows == [(3, ["postgres"], ["postgres"])]
    # file a's `set search_path = demo` did not reach file c: its table is in public
    assert query(db_url, "select to_regclass('public.sessions_c') is not null") == [(True,)]


def test_every_repo_migration_applies_alone_as_postgres_in_a_fresh_session(db_url):
    # One migrate per file: a resumed or staged deploy. 20261123120600 failed
    # this way before it loaded pgvector itself (amended-migrations.toml).
    migrations = load(REPO / "migrations")
    for m in migrations:
        result = migrate(db_url, REPO / "migrations", to=m.version)
        assert [a.version for a in result.applied] == [m.version]
    assert query(db_url, "select count(*) from supabase_migrations.schema_tool_history") == [(len(migrations),)]
    owners = query(db_url, "select distinct nspowner::regrole::text from pg_namespace where nspname in"
                           " ('learning', 'playground', 'aiml', 'classroom', 'simulation')")
    assert owners == [("postgres",)]


@pytest.fixture
def helpers_url(server, db_url):
    """db_url with supabase/tests/000_setup.sql committed, as `supabase test db --linked` leaves it."""
    name = conninfo_to_dict(db_url)["dbname"]
    with psycopg.connect(server.admin_database_url(name), autocommit=True) as conn:
        pgtap.install(conn)
    result = pgtap.run_file(server.psql(), db_url, REPO / "supabase" / "tests" / "000_setup.sql", REPO)
    assert result.passed, result.failures()
    return db_url


@pytest.mark.parametrize("role", ["anon", "authenticated"])
def test_api_roles_cannot_execute_the_test_helpers(helpers_url, role):
    for call in ("select tests.create_user('mint@example.com', '{\"role\": \"admin\"}')",
                 "select tests.get_user_id('x@example.com')",
                 "select tests.authenticate_as_service_role()"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _as(helpers_url, role, call)
    assert query(helpers_url, "select count(*) from auth.users where email = 'mint@example.com'") == [(0,)]


def test_an_api_session_cannot_create_users_even_with_execute(helpers_url, server):
    # Defence in depth: granted execute (as inside a test's transaction), an
    # API connection (session user authenticator) is still refused.
    name = conninfo_to_dict(helpers_url)["dbname"]
    api_url = server.database_url(name).replace("postgresql://postgres@", "postgresql://authenticator@", 1)
    with psycopg.connect(helpers_url, autocommit=True) as conn:
        conn.execute("grant usage on schema tests to anon")
        conn.execute("grant execute on function tests.create_user(text, jsonb, jsonb) to anon")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="test runner"):
        _as(api_url, "anon", "select tests.create_user('mint@example.com')")


def test_a_test_opens_the_helpers_only_inside_its_transaction(helpers_url):
    with psycopg.connect(helpers_url) as conn:
        conn.execute("select tests.create_user('t@example.com')")
        conn.execute("select tests.authenticate_as('t@example.com')")
        assert conn.execute("select current_user, tests.get_user_id('t@example.com') is not null").fetchone() == (
            "authenticated", True)
        conn.rollback()
    assert query(helpers_url, "select has_schema_privilege('authenticated', 'tests', 'usage'),"
                              " has_function_privilege('anon', 'tests.create_user(text, jsonb, jsonb)', 'execute')"
                 ) == [(False, False)]
