"""Databases on a throwaway server: created and dropped by the superuser,
owned by `postgres` and given the Supabase baseline, as on Supabase."""

from __future__ import annotations

import psycopg
from psycopg import sql as pgsql

from .engines import Server
from .supabase import install_baseline


def create(server: Server, name: str, template: str | None = None) -> str:
    """Create a database and return its URL as `postgres`.

    On schema-tool's own servers the superuser creates it, owned by `postgres`
    (Supabase's `postgres` database is), and installs the baseline into it
    unless it is a copy of a template. On a server given by URL it is created
    as that URL's role; `migrate` installs the baseline there when needed.
    """
    query = pgsql.SQL("create database {}").format(pgsql.Identifier(name))
    own = server.engine != "url"
    if template:
        query += pgsql.SQL(" template {}").format(pgsql.Identifier(template))
        if own and int((server.version or "0").split(".")[0]) >= 15:
            # A file copy, not a page-by-page copy through the WAL: far faster
            # for a migrated database (its checkpoints are cheap here: fsync=off).
            query += pgsql.SQL(" strategy file_copy")
    if own:
        query += pgsql.SQL(" owner postgres")
    with psycopg.connect(server.admin_url, autocommit=True) as admin:
        admin.execute(query)
    if own and not template:
        with psycopg.connect(server.admin_database_url(name), autocommit=True) as conn:
            with conn.transaction():
                install_baseline(conn)
    return server.database_url(name)


def drop(server: Server, name: str) -> None:
    with psycopg.connect(server.admin_url, autocommit=True) as admin:
        admin.execute(pgsql.SQL("drop database if exists {} with (force)").format(pgsql.Identifier(name)))
