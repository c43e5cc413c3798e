"""`schema-tool status`: every migration's state against the ledger."""

from __future__ import annotations

import sys

import click

from .common import DATABASE_URL_OPTION, emit_json, migrations_dir


@click.command("status")
@DATABASE_URL_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def status(database_url, as_json):
    """Show every migration as applied, pending, modified, missing-locally or out-of-order.

    Exits 1 when a migration is modified, missing locally or out of order.
    """
    from .. import migrate as engine

    entries = engine.status(database_url, migrations_dir())
    rows = [
        {"version": e.version, "name": e.name, "state": e.state,
         "applied_at": e.applied_at, "applied_by_supabase_cli": e.applied_by_cli}
        for e in entries
    ]
    if as_json:
        emit_json(rows)
    else:
        width = max([len(r["name"]) for r in rows] + [4])
        click.echo(f"{'version':<16} {'name':<{width}} {'state':<16} applied_at")
        for r in rows:
            applied = r["applied_at"].strftime("%Y-%m-%d %H:%M:%S") if r["applied_at"] else (
                "(supabase cli)" if r["applied_by_supabase_cli"] else "")
            click.echo(f"{r['version']:<16} {r['name']:<{width}} {r['state']:<16} {applied}")
        counts = {}
        for r in rows:
            counts[r["state"]] = counts.get(r["state"], 0) + 1
        click.echo(", ".join(f"{n} {state}" for state, n in sorted(counts.items())) or "no migrations")
    if any(e.state in ("modified", "missing-locally", "out-of-order") for e in entries):
        sys.exit(1)
