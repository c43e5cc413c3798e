"""`schema-tool release`: render a migration for good and delete its source."""

from __future__ import annotations

import click

from .common import project_root


@click.command("release")
@click.argument("versions", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Release every migration that still has a source.")
def release(versions, everything):
    """Release migrations for good: render, record the checksum, delete the source.

    Each VERSION's source sql/**/<VERSION>_<name>.sql.j2 is rendered into
    migrations/ one last time, its sha256 is recorded in sql/released.txt and
    the source is deleted: released SQL has one copy, which `render --check`
    guards by its checksum, and macros are free to change. Releases follow
    version order. Fixes to a released migration are new migrations.
    """
    from ..release import release as do_release

    for entry in do_release(project_root(), tuple(versions), everything):
        click.echo(f"released migrations/{entry.file} (sha256 {entry.sha256[:12]})")
