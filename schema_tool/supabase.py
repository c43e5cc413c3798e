"""What schema-tool knows of Supabase: its baseline objects and config.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import psycopg

from .errors import UsageError

BASELINE_SQL = Path(__file__).with_name("baseline.sql")


def has_auth(conn: psycopg.Connection) -> bool:
    return conn.execute("select exists (select 1 from pg_namespace where nspname = 'auth')").fetchone()[0]


def install_baseline(conn: psycopg.Connection) -> bool:
    """Install the Supabase baseline unless the database already has an auth schema.

    Returns True when it installed it. Runs in the caller's transaction.
    """
    if has_auth(conn):
        return False
    role, superuser = conn.execute(
        "select current_user, rolsuper from pg_roles where rolname = current_user").fetchone()
    if not superuser:
        raise UsageError(
            f"this database has no auth schema and {role} is not a superuser: the Supabase baseline"
            " (roles, auth.users, extensions) must be installed by a superuser; connect as one, or"
            " use a Supabase database"
        )
    conn.execute(BASELINE_SQL.read_text())
    return True


def exposed_schemas(project_root: Path) -> list[str]:
    """The schemas PostgREST exposes: supabase/config.toml [api] schemas."""
    config = project_root / "supabase" / "config.toml"
    if not config.exists():
        return ["public"]
    with config.open("rb") as fh:
        data = tomllib.load(fh)
    return list(data.get("api", {}).get("schemas", ["public"]))


def anonymous_sign_ins(project_root: Path) -> bool:
    """Does supabase/config.toml enable anonymous sign-ins ([auth] enable_anonymous_sign_ins)?"""
    config = project_root / "supabase" / "config.toml"
    if not config.exists():
        return False
    with config.open("rb") as fh:
        data = tomllib.load(fh)
    return bool(data.get("auth", {}).get("enable_anonymous_sign_ins", False))
