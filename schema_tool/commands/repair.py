"""`schema-tool repair`: mark migrations applied or reverted in the ledger."""

from __future__ import annotations

import click

from .common import emit_json, migrations_dir


@click.command("repair")
@click.argument("versions", nargs=-1, required=True)
@click.option("--status", type=click.Choice(["applied", "reverted"]), required=True,
              help="applied: record VERSION as applied (from its local file); reverted: remove it from the ledger.")
@click.option("--database-url", envvar="DATABASE_URL", show_envvar=True, help="libpq URL of the database.")
@click.option("--reason", help="Why: kept in supabase_migrations.schema_tool_repairs with who and when.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def repair_command(versions, status, database_url, reason, as_json):
    """Mark migrations applied or reverted in the ledger without running them.

    The Supabase CLI's `migration repair`: applied upserts the CLI's row
    (version, name, statements) from the local file and schema-tool's checksum
    beside it (so an applied file edited on purpose is accepted from now on);
    reverted deletes the rows. Every repair is logged with who, when and
    --reason. Nothing in the schema is changed.
    """
    from ..repair import repair

    done = repair(database_url, migrations_dir(), list(versions), status, reason)
    if as_json:
        emit_json([d.__dict__ for d in done])
        return
    for d in done:
        note = ""
        if d.status == "applied" and d.previous_checksum and d.previous_checksum != d.checksum:
            note = " (checksum of the edited file accepted)"
        elif d.status == "applied" and d.was_recorded:
            note = " (was already recorded; rewritten from the file)"
        elif d.status == "reverted" and not d.was_recorded:
            note = " (was not recorded)"
        click.echo(f"{d.version}{'_' + d.name if d.name else ''}: {d.status}{note}")
    click.echo(f"repaired {len(done)} version(s) => {status}" + (f": {reason}" if reason else ""))
