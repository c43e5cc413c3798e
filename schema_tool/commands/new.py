"""`schema-tool new`: the next migration source."""

from __future__ import annotations

import click

from .common import project_root


@click.command("new")
@click.argument("name")
@click.option("--no-transaction", is_flag=True, help="Mark the migration to run outside a transaction (for create index concurrently).")
def new(name, no_transaction):
    """Create the next migration source, sql/[MODULE/]<version>_NAME.sql.j2.

    The version is the current UTC time (YYYYMMDDHHMMSS), or one more than the
    newest existing version if that is later, so it sorts after every other
    migration. A NAME that starts with a module folder's name (learning_...)
    goes into that folder. Then: write the SQL, `schema-tool render`, and add a
    pgTAP test under supabase/tests/<module>/.
    """
    from ..new import new_migration

    path = new_migration(project_root(), name, transactional=not no_transaction)
    click.echo(f"created {path.relative_to(project_root())}")
