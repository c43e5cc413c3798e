"""`schema-tool migrate`: apply pending migrations, or show the plan with --dry-run."""

from __future__ import annotations

import sys

import click

from ..errors import SchemaToolError
from .common import DATABASE_URL_OPTION, check_lock_timeout, check_version, emit_json, migrations_dir


@click.command("migrate")
@DATABASE_URL_OPTION
@click.option("--to", "to", metavar="VERSION", callback=lambda ctx, param, value: check_version(value),
              help="Apply pending migrations up to and including VERSION.")
@click.option("--dry-run", is_flag=True, help="Print the plan and the SQL; change nothing.")
@click.option("--include-all", is_flag=True, help="Also apply pending migrations older than the newest applied one.")
@click.option("--lock-timeout", default="5s", show_default=True, callback=check_lock_timeout,
              help="lock_timeout while migrating (a positive duration: 5s, 500ms, 1min), so a migration"
                   " never queues behind a long transaction.")
@click.option("--lock-wait", default=60.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds to wait for another migration run to finish.")
@click.option("--max-locked-rows", type=click.IntRange(min=0), metavar="N", help="With --dry-run: exit 1 when a statement rewrites "
              "or scans a table of more than N rows (estimate) under a lock that blocks writes (default flag: 100000).")
@click.option("--max-locked-bytes", metavar="SIZE", help="With --dry-run: the same for a table bigger than SIZE "
              "(e.g. 500MB; default flag: 100MB).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def migrate_command(database_url, to, dry_run, include_all, lock_timeout, lock_wait, max_locked_rows,
                    max_locked_bytes, as_json):
    """Apply pending migrations in migrations/ to DATABASE_URL.

    Each file runs in one transaction with its ledger row (a file with the line
    `-- schema-tool: no-transaction` runs statement by statement). Concurrent
    runs are serialised by an advisory lock. Before applying anything it refuses
    drift: an applied file whose checksum changed, an applied version missing
    locally, a pending file older than the newest applied one. On a plain
    Postgres it first installs schema-tool's Supabase baseline (auth schema,
    roles). The ledger is the Supabase CLI's, so `supabase db push` agrees.
    """
    from .. import migrate as engine

    if dry_run:
        from .. import plan

        try:
            result = engine.dry_run(database_url, migrations_dir(), to, include_all)
            steps = plan.for_target(database_url, result.to_apply, max_locked_rows, max_locked_bytes)
        except SchemaToolError as exc:
            if as_json:
                emit_json({"error": str(exc), "exit_code": exc.exit_code})
            raise
        flagged = [s for s in steps if s.flagged]
        if as_json:
            emit_json({
                "problems": result.problems,
                "baseline_needed": result.baseline_needed,
                "to_apply": [m.file_name for m in result.to_apply],
                "plan": plan.as_json(steps),
                "flagged": len(flagged),
            })
        else:
            for line in result.problems:
                click.echo(line, err=True)
            if result.baseline_needed:
                click.echo("-- would install the Supabase baseline (no auth schema on this database)")
            for line in plan.render_text(steps):
                click.echo(line)
            if not result.to_apply and not result.problems:
                click.echo("nothing to apply: the database is up to date")
            elif result.to_apply:
                click.echo(f"{len(result.to_apply)} migration(s), {len(steps)} step(s), {len(flagged)} flagged")
        stop = flagged and (max_locked_rows is not None or max_locked_bytes is not None)
        if stop and not as_json:
            click.echo(f"error: {len(flagged)} statement(s) would scan or rewrite a table over the threshold"
                       " under a lock that blocks the application; nothing was applied", err=True)
        sys.exit(1 if result.problems or stop else 0)

    try:
        result = engine.migrate(database_url, migrations_dir(), to, include_all, lock_timeout, lock_wait,
                                notify=engine.print_notice)
    except SchemaToolError as exc:
        if as_json:  # a pipeline parsing stdout gets an object either way
            emit_json({
                "error": str(exc), "exit_code": exc.exit_code,
                "file": getattr(exc, "file", None), "line": getattr(exc, "line", None),
                "applied": [a.__dict__ for a in getattr(exc, "applied", [])],
            })
        raise
    if as_json:
        emit_json({
            "baseline_installed": result.baseline_installed,
            "applied": [a.__dict__ for a in result.applied],
        })
        return
    if result.baseline_installed:
        click.echo("installed the Supabase baseline (auth schema, roles anon/authenticated/service_role)")
    for a in result.applied:
        click.echo(f"applied {a.version}_{a.name} ({a.duration_ms:.1f} ms)")
    click.echo(f"{len(result.applied)} migration(s) applied; the database is up to date"
               + (f" to {to}" if to else ""))
