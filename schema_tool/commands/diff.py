"""`schema-tool diff`: a live database against what its applied migrations create."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import emit_json, migrations_dir, project_root


@click.command("diff")
@click.option("--database-url", envvar="DATABASE_URL", show_envvar=True, help="libpq URL of the live database.")
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
@click.option("--sql", "sql_file", type=click.Path(dir_okay=False, path_type=Path), is_flag=False, flag_value="-",
              default=None, help="Write a draft migration (to FILE, or stdout with `--sql -`) that brings the "
                                 "files up to what the database has, for review.")
@click.option("--engine", type=click.Choice(["embedded", "system", "docker"]), default="embedded", show_default=True,
              help="Throwaway server the migrations are applied to.")
@click.option("--shadow-url", help="Use this existing server instead of a throwaway one: diff creates a scratch "
                                   "database there and drops it afterwards.")
def diff(database_url, as_json, sql_file, engine, shadow_url):
    """Compare a live database with what its applied migrations create.

    A throwaway database is migrated to the versions the target's ledger says
    are applied; both catalogs are read with the same reader and every
    difference is reported per object (table, column, constraint, index,
    policy, function, view, trigger, grant, RLS flag, comment, type, schema),
    with both definitions. Platform schemas (auth, storage, extensions,
    supabase_*, ...) are not compared, nor what pyproject.toml lists in
    [tool.schema-tool] diff-ignore. Exit 0 when they match, 1 on drift.
    """
    from ..diff import diff as run, ignore_patterns

    result = run(database_url, migrations_dir(), ignore_patterns(project_root()), want_sql=sql_file is not None,
                 shadow_url=shadow_url, engine=engine)
    if sql_file is not None:
        if str(sql_file) == "-":
            click.echo(result.sql, nl=False)
        else:
            sql_file.write_text(result.sql)
    if as_json:
        emit_json({"drift": bool(result.differences), "applied": len(result.applied),
                   "missing_locally": result.missing_locally, "schemas": result.schemas,
                   "differences": [d.as_dict() for d in result.differences]})
    elif str(sql_file) != "-":
        for d in result.differences:
            click.echo(f"{d.kind} {d.name}: {d.change}")
            for label, text in (("files", d.files), ("database", d.database)):
                if text is None:
                    continue
                lines = text.splitlines() or [""]
                click.echo(f"  {label + ':':<10} {lines[0]}")
                for line in lines[1:]:
                    click.echo(f"  {'':<10} {line}")
        for v in result.missing_locally:
            click.echo(f"warning: {v} is applied on the database but has no local file: not compared", err=True)
        where = f", draft written to {sql_file}" if sql_file is not None else ""
        click.echo(f"{len(result.differences)} difference(s) in {len(result.schemas)} schema(s)"
                   f" against {len(result.applied)} applied migration(s){where}")
    sys.exit(1 if result.differences else 0)
