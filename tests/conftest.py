"""Fixtures: real throwaway Postgres servers, fresh databases, small projects.

One server per engine per session; each test gets its own database. Tests that
need the repo's schema get a copy of a template database that was migrated
once (CREATE DATABASE ... TEMPLATE), so they never see each other's rows.

The servers are Supabase's role model: tests connect as `postgres`, which is
not a superuser; `supabase_admin` (server.admin_url) only creates and drops
databases, as on Supabase.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from schema_tool import databases, engines

REPO = Path(__file__).resolve().parent.parent


pytest_plugins = ["pytester"]


@pytest.fixture(scope="session", autouse=True)
def verify_cache(tmp_path_factory):
    """verify's cache of templates and results, private to this session: a
    test never sees a template or a passed file from a run outside it."""
    path = tmp_path_factory.mktemp("verify-cache")
    os.environ["SCHEMA_TOOL_VERIFY_CACHE"] = str(path)
    return path


@pytest.fixture(scope="session")
def server(supabase_server):
    """The default engine: the embedded PostgreSQL 18 (the package's pytest
    plugin, schema_tool.pytest_plugin, starts it; engine from pyproject)."""
    return supabase_server


@pytest.fixture(scope="session")
def system_server():
    """Debian's PostgreSQL 15 (the `system` engine)."""
    with engines.throwaway("system") as srv:
        yield srv


def _create_db(srv, template: str | None = None) -> str:
    name = f"t_{secrets.token_hex(5)}"
    databases.create(srv, name, template)
    return name


def _drop_db(srv, name: str) -> None:
    databases.drop(srv, name)


@pytest.fixture(params=["embedded", "system"])
def any_server(request):
    """Run the test on both engines (PostgreSQL 18 and 15)."""
    return request.getfixturevalue("server" if request.param == "embedded" else "system_server")


@pytest.fixture
def db_url(server):
    """A new database on the embedded server: the Supabase baseline and nothing
    else, reached as `postgres` (like a new Supabase project)."""
    name = _create_db(server)
    yield server.database_url(name)
    _drop_db(server, name)


@pytest.fixture
def bare_db_url(server):
    """A new, empty database (no baseline) reached as the superuser: a plain
    Postgres, where migrate installs the baseline itself."""
    name = f"t_{secrets.token_hex(5)}"
    with psycopg.connect(server.admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    yield server.admin_database_url(name)
    _drop_db(server, name)


@pytest.fixture
def any_db_url(any_server):
    name = _create_db(any_server)
    yield any_server.database_url(name)
    _drop_db(any_server, name)


@pytest.fixture(scope="session")
def migrated_template(supabase_template):
    """A database with every repo migration applied, used only as a template
    (the plugin's supabase_template: migrations/ of this repo)."""
    return supabase_template


@pytest.fixture
def migrated_db_url(server, migrated_template):
    """A fresh copy of the fully migrated repo database."""
    name = _create_db(server, template=migrated_template)
    yield server.database_url(name)
    _drop_db(server, name)


@pytest.fixture
def project(tmp_path):
    """An empty schema-tool project: sql/, migrations/, supabase/tests/ with the test helpers."""
    (tmp_path / "sql" / "_macros").mkdir(parents=True)
    shutil.copy(REPO / "sql" / "_macros" / "common.sql.j2", tmp_path / "sql" / "_macros")
    (tmp_path / "migrations").mkdir()
    (tmp_path / "supabase" / "tests").mkdir(parents=True)
    shutil.copy(REPO / "supabase" / "tests" / "000_setup.sql", tmp_path / "supabase" / "tests")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def run_cli(cwd: Path, *args: str, env: dict | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run the real command line, as a pipeline would."""
    return subprocess.run(
        [sys.executable, "-m", "schema_tool", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def query(url: str, text: str, params=None):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(text, params).fetchall()
