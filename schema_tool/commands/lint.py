"""`schema-tool lint`: style, catalog, safety and plpgsql checks."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CheckFailed
from .common import project_root


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for people, json for tools (includes accepted findings), github for annotations.")
@click.option("--only", "only", multiple=True, metavar="RULE",
              help="Run only this rule (repeatable); a layer name (style, catalog, safety, plpgsql) selects its rules.")
@click.option("--new-only", is_flag=True,
              help="Only files changed since the merge-base with main, or untracked (review a branch).")
@click.option("--fix", is_flag=True,
              help="Apply sqlfluff's fixes to sql/ and supabase/tests/ (never to migrations/).")
@click.option("--engine", default="embedded", show_default=True,
              help="Throwaway Postgres for the catalog checks: embedded, system or docker.")
@click.option("--plpgsql-engine", default="auto", show_default=True,
              type=click.Choice(["auto", "embedded", "system", "docker"]),
              help="Throwaway Postgres for plpgsql_check: auto (the --engine one when it has the extension,"
                   " else system), embedded, system or docker.")
@click.option("--processes", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for sqlfluff.")
@click.option("--tests-style", type=click.Choice(["tokens", "sqlfluff"]), default="tokens", show_default=True,
              envvar="SCHEMA_TOOL_LINT_TESTS",
              help="Style pass for pgTAP tests: tokens = the fast token-level checks (pglast's scanner);"
                   " sqlfluff = sqlfluff's full pass, as the migration sources get (slower; e.g. nightly).")
@click.option("--no-cache", is_flag=True,
              help="Re-lint every file with sqlfluff (results are otherwise cached by content, never stale).")
@click.option("--write-docs", is_flag=True, help="Write docs/lint-rules.md from the rules' own pages, then stop.")
@click.option("--check-docs", is_flag=True, help="Exit 1 when docs/lint-rules.md is not what --write-docs writes.")
def lint(paths, fmt, only, new_only, fix, engine, plpgsql_engine, processes, tests_style, no_cache, write_docs,
         check_docs):
    """Lint SQL sources and migrations: style, Supabase security, migration safety.

    \b
    1. style    sqlfluff (.sqlfluff), 4-space indentation; every file parses
    2. catalog  migrate into a throwaway database, inspect it like
                Supabase's database advisors (RLS, policies, indexes,
                SECURITY DEFINER functions, views, extensions, columns)
    3. safety   pglast over each migration: locks and breaking changes
    4. plpgsql  plpgsql_check over every PL/pgSQL function and trigger, as
                `supabase db lint` (skipped with a note without the extension)

    PATHS limits the files (default: sql/, migrations/, supabase/). Accept a
    deliberate finding with `-- schema-tool: allow RULE reason` on the
    statement's line or the comment lines directly above it. Exit status:
    0 clean, 1 an error-level finding, 2 usage error. Rules:
    docs/lint-rules.md.
    """
    from ..lint import FORMATTERS, docgen
    from ..lint import lint as run_lint

    if write_docs or check_docs:
        if check_docs and not docgen.is_current(project_root()):
            raise CheckFailed("lint: docs/lint-rules.md is stale; run `schema-tool lint --write-docs`")
        if write_docs:
            click.echo(f"wrote {docgen.write(project_root())}")
        return
    result = run_lint(project_root(), tuple(paths), tuple(only), new_only, fix, engine, processes, not no_cache,
                      plpgsql_engine, tests_style)
    for note in result.notes:
        click.echo(note, err=True)
    for name in result.fixed:
        click.echo(f"fixed {name}", err=True)
    click.echo(FORMATTERS[fmt](result.findings))
    if result.errors:
        raise CheckFailed(f"lint: {result.errors} error-level finding(s)")
