"""`schema-tool docs`: docs/ from the migrated database."""

from __future__ import annotations

import click

from ..errors import CheckFailed
from .common import project_root


@click.command("docs")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 naming every file of docs/ that is stale or missing.")
@click.option("--engine", type=click.Choice(["embedded", "system", "docker"]), default="embedded", show_default=True,
              help="Throwaway server to migrate (the committed docs are generated with embedded, PostgreSQL 18).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def docs(check, engine, as_json):
    """Generate docs/ from the migrated database: a page per module, ER diagrams.

    Applies every migration to a throwaway Postgres, reads pg_catalog back and
    writes docs/index.md, docs/<module>.md (tables, columns, keys, indexes, RLS
    policies in plain words, grants, triggers, views, functions, enums) and ER
    diagrams as Mermaid (docs/<module>*.mmd, also inline) and as SVG drawn by
    Graphviz's dot (docs/<module>*.svg; needs the graphviz package), and
    docs/schema/<module>.sql, the module's current schema as a normalised
    schema-only pg_dump (the pg_dump beside the server). --check
    (run in CI) exits 1 when docs/ differs from what the migrations give; it
    needs no Graphviz.
    """
    from ..docs import build_docs

    root = project_root()
    progress = (lambda m: None) if as_json else (lambda m: click.echo(m, err=True))
    result = build_docs(root, check=check, engine=engine, progress=progress)
    if as_json:
        import json

        click.echo(json.dumps({key: getattr(result, key) for key in (
            "written", "unchanged", "removed", "stale", "missing", "extra")} | {
            "seconds": round(result.seconds, 3), "problems": result.problems}, indent=2, sort_keys=True))
        if check and result.problems:
            raise SystemExit(1)
        return
    if check:
        if result.problems:
            raise CheckFailed("docs/ is stale:\n  " + "\n  ".join(result.problems))
        click.echo(f"docs/ is up to date ({len(result.unchanged)} files, {result.seconds:.1f}s)")
        return
    for name in result.written:
        click.echo(f"wrote docs/{name}")
    for name in result.removed:
        click.echo(f"removed docs/{name}")
    click.echo(f"{len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.removed)} removed"
               f" ({result.seconds:.1f}s)")
