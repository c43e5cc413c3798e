"""`schema-tool render`: sql/ into migrations/."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import emit_json, project_root


@click.command("render")
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if migrations/ differs from what sql/ renders.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def render(sources, check, as_json):
    """Render the Jinja2 sources in sql/ into migrations/.

    SOURCES limits rendering to those files or folders (default: all of sql/).
    Every sql/**/<version>_<name>.sql.j2 becomes migrations/<version>_<name>.sql.
    Rendering is deterministic and fails on an undefined variable. --check (run
    in CI) fails when a committed file differs from its source, and when a
    released migration (no source; sql/released.txt) differs from its checksum.
    """
    from ..render import render as do_render

    root = project_root()
    result = do_render(root / "sql", root / "migrations", check=check, only=sources)
    if as_json:
        emit_json(result.__dict__)
    problems = []
    if check:
        problems += [f"migrations/{n}: differs from what sql/ renders" for n in result.stale]
        problems += [f"migrations/{n}: not rendered yet (run schema-tool render)" for n in result.missing]
    problems += [f"migrations/{n}: has no source in sql/ and is not released" for n in result.orphans]
    problems += list(result.release_problems)
    if not as_json:
        for name in result.written:
            click.echo(f"wrote migrations/{name}")
        for line in problems:
            click.echo(line, err=True)
        if not problems:
            click.echo(f"{len(result.unchanged) + len(result.written)} migrations up to date"
                       + (f", {len(result.released)} released ones match their checksums" if result.released else ""))
    if problems:
        sys.exit(1)
