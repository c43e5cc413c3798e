"""`schema-tool types`: client types from the migrated database."""

from __future__ import annotations

import click

from .common import project_root


@click.command("types")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 when a committed type file is stale.")
@click.option("--engine", type=click.Choice(["embedded", "system", "docker"]), default="embedded", show_default=True,
              help="Throwaway server to migrate (the committed files are generated with embedded, PostgreSQL 18).")
def types_command(check, engine):
    """Generate client types from the migrated database.

    Applies every migration to a throwaway Postgres, reads the schemas that
    supabase/config.toml [api] exposes and writes
    supabase/types/database.types.ts (the `Database` type supabase-js takes:
    createClient<Database>(), with Tables Row/Insert/Update/Relationships,
    Views, Functions Args/Returns, Enums, CompositeTypes per schema) and
    supabase/types/database_types.py (TypedDicts Row/Insert/Update per table,
    Literal enums). --check (run by make lint) exits 1 when they are stale.
    """
    from ..errors import CheckFailed
    from ..types import build_types

    result = build_types(project_root(), check=check, engine=engine)
    if check and result.stale:
        raise CheckFailed("stale, run schema-tool types: " + ", ".join(result.stale))
    for path in result.written:
        click.echo(f"wrote {path}")
    if not result.written:
        click.echo(f"{len(result.unchanged)} type files up to date")
