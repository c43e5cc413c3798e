"""pytest fixtures for applications built on these migrations (entry point `pytest11`).

Installed with the package, active in any pytest run:

    def test_owner_reads_own_course(supabase_db):
        alice = supabase_db.create_user("alice@example.com")
        supabase_db.as_user("alice@example.com")
        supabase_db.execute("insert into learning.courses (title) values ('Intro')")
        assert supabase_db.execute("select count(*) from learning.courses").fetchone()[0] == 1

- `supabase_server` (session): a throwaway Postgres set up as Supabase (the
  role model of `schema-tool verify`), on the engine of the `schema_tool_engine`
  ini option or `--schema-tool-engine` (embedded, system or docker).
- `supabase_template` (session): the name of a database migrated once with the
  project's migrations (`schema_tool_migrations`, default `<rootdir>/migrations`).
- `supabase_db_url`: a fresh copy of that database for this test, as `postgres`.
- `supabase_db`: a `SupabaseDB` on that copy: `execute()`, `create_user()`,
  `as_user()`, `as_anon()`, `as_service_role()`, `as_postgres()`, with the
  request settings PostgREST gives each role (the same as the pgTAP helpers of
  supabase/tests/000_setup.sql).
"""

from __future__ import annotations

import contextlib
import json
import secrets
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

ENGINES = ("embedded", "system", "docker")


def pytest_addoption(parser):
    group = parser.getgroup("schema-tool", "schema-tool: a throwaway Supabase database per test")
    group.addoption("--schema-tool-engine", choices=ENGINES, default=None,
                    help="Throwaway server for the supabase_* fixtures (default: ini schema_tool_engine, or embedded).")
    parser.addini("schema_tool_engine", "Throwaway server for the supabase_* fixtures: embedded, system or docker.",
                  default="embedded")
    parser.addini("schema_tool_migrations", "Folder of migrations the supabase_template fixture applies "
                  "(relative to the rootdir).", default="migrations")


class SupabaseDB:
    """One connection to a test's own database, acting as any Supabase role."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def execute(self, query, params=None) -> psycopg.Cursor:
        return self.conn.execute(query, params)

    def create_user(self, email: str, app_metadata: dict | None = None,
                    user_metadata: dict | None = None) -> str:
        """An auth user as Supabase Auth creates one (email confirmed); returns its id."""
        with self._as_owner():
            return str(self.conn.execute(
                """insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                                           email_confirmed_at, created_at, updated_at)
                   values (gen_random_uuid(), 'authenticated', 'authenticated', %s,
                           '{"provider": "email", "providers": ["email"]}'::jsonb || %s::jsonb,
                           %s::jsonb, now(), now(), now())
                   returning id""",
                (email, json.dumps(app_metadata or {}), json.dumps(user_metadata or {})),
            ).fetchone()[0])

    def as_user(self, email: str) -> str:
        """Act as the signed-in user: role authenticated, the JWT claims PostgREST sets. Returns the id."""
        with self._as_owner():
            row = self.conn.execute(
                "select id, email, raw_app_meta_data, raw_user_meta_data, is_anonymous"
                " from auth.users where email = %s", (email,)).fetchone()
        if row is None:
            raise LookupError(f"no auth user with email {email!r}: create it with create_user() first")
        user_id, mail, app_metadata, user_metadata, anonymous = row
        self._become("authenticated", {
            "sub": str(user_id), "role": "authenticated", "aud": "authenticated", "email": mail,
            "app_metadata": app_metadata or {}, "user_metadata": user_metadata or {},
            "is_anonymous": bool(anonymous),
        })
        return str(user_id)

    def as_anon(self) -> None:
        self._become("anon", {"role": "anon"})

    def as_service_role(self) -> None:
        self._become("service_role", {"role": "service_role"})

    def as_postgres(self) -> None:
        """Back to the connection's own role (postgres, as migrations and `supabase test db` run)."""
        self.conn.execute("reset role")
        self.conn.execute("select set_config('request.jwt.claims', '', false)")

    def _become(self, role: str, claims: dict) -> None:
        self.as_postgres()
        self.conn.execute("select set_config('request.jwt.claims', %s, false)", (json.dumps(claims),))
        self.conn.execute(sql.SQL("set role {}").format(sql.Identifier(role)))

    @contextlib.contextmanager
    def _as_owner(self):
        """Run a step as the connection's own role, then act as before."""
        role = self.conn.execute("select current_user").fetchone()[0]
        claims = self.conn.execute("select current_setting('request.jwt.claims', true)").fetchone()[0]
        self.conn.execute("reset role")
        try:
            yield
        finally:
            if role != self.conn.info.user:
                self.conn.execute("select set_config('request.jwt.claims', %s, false)", (claims or "",))
                self.conn.execute(sql.SQL("set role {}").format(sql.Identifier(role)))


@pytest.fixture(scope="session")
def supabase_server(request):
    from schema_tool import engines

    engine = request.config.getoption("--schema-tool-engine") or request.config.getini("schema_tool_engine")
    if engine not in ENGINES:
        raise pytest.UsageError(f"schema_tool_engine = {engine!r}: choose one of {', '.join(ENGINES)}")
    with engines.throwaway(engine) as server:
        yield server


@pytest.fixture(scope="session")
def supabase_template(request, supabase_server) -> str:
    from schema_tool import databases
    from schema_tool.migrate import migrate

    folder = Path(request.config.rootpath) / request.config.getini("schema_tool_migrations")
    if not folder.is_dir():
        raise pytest.UsageError(f"schema_tool_migrations: {folder} is not a folder of migrations")
    name = f"schema_tool_template_{secrets.token_hex(4)}"
    url = databases.create(supabase_server, name)
    migrate(url, folder)
    with psycopg.connect(supabase_server.admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("alter database {} is_template true").format(sql.Identifier(name)))
    return name


@pytest.fixture
def supabase_db_url(supabase_server, supabase_template):
    from schema_tool import databases

    name = f"schema_tool_test_{secrets.token_hex(5)}"
    url = databases.create(supabase_server, name, template=supabase_template)
    yield url
    databases.drop(supabase_server, name)


@pytest.fixture
def supabase_db(supabase_db_url):
    with psycopg.connect(supabase_db_url, autocommit=True) as conn:
        yield SupabaseDB(conn)
