"""`schema-tool verify`: migrate a throwaway Postgres and run every pgTAP test."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import UsageError, one_line
from .common import check_modules, check_writable, emit_json, project_root


@click.command("verify")
@click.option("--engine", type=click.Choice(["embedded", "system", "docker"]), default="embedded", show_default=True,
              help="Throwaway server: embedded = PostgreSQL 18 wheel with pgvector; system = the installed "
                   "PostgreSQL (pg_config/PATH/Debian); docker = Supabase image via testcontainers.")
@click.option("--database-url", help="Use this existing server instead: verify works in a new database "
              "it creates there and drops afterwards; the database in the URL is never touched.")
@click.option("--keep", is_flag=True, help="Leave the server and database running and print the URL.")
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Also write a JUnit XML report here.")
@click.option("--exclude", multiple=True, metavar="MODULE", help="Skip a module's migrations and tests "
              "(e.g. --exclude aiml on PostgreSQL 15, which has no pgvector here). Repeatable.")
@click.option("--with-seed", is_flag=True, help="Apply supabase/seeds/*.sql before the tests, as `supabase db reset` would.")
@click.option("--jobs", "-j", type=click.IntRange(1, 16), default=None,
              help="Test files run in parallel on this many copies of the migrated database (default: cores, max 4).")
@click.option("--no-cache", is_flag=True, help="A clean run: neither read nor write the cache of migrated "
              "templates and passed test files ($XDG_CACHE_HOME/schema-tool).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def verify_command(engine, database_url, keep, junit, exclude, with_seed, jobs, no_cache, as_json):
    """Start a throwaway Postgres, apply every migration, run every pgTAP test.

    Runs supabase/tests/*.sql setup files first (000_setup.sql: the test
    helpers), then every supabase/tests/**/*.test.sql in path order, each with
    psql exactly as pg_prove runs it. Prints a summary per file; exits 1 when a
    test fails, a plan is missing or wrong, or a file errors.
    """
    from ..pgtap import junit_xml
    from ..verify import verify

    import psycopg

    root = project_root()
    # Pre-flight: fail in a second, not after the whole run.
    if junit:
        check_writable(junit, "--junit")
    check_modules(root, exclude)
    from ..migrations import load

    load(root / "migrations", tuple(exclude))  # names a bad file before a server starts
    progress = (lambda m: None) if as_json else (lambda m: click.echo(m, err=True))
    options = {"jobs": jobs} if jobs else {}
    try:
        result = verify(root, engine, database_url, keep, tuple(exclude), with_seed, progress,
                        use_cache=not no_cache, **options)
    except psycopg.errors.InsufficientPrivilege as exc:
        raise UsageError(
            f"verify --database-url: {one_line(exc)}; verify creates (and drops) its own database,"
            " so the URL's user needs CREATEDB"
        ) from exc
    if junit:
        junit.write_text(junit_xml(result.files))
    if as_json:
        emit_json({
            "engine": result.engine, "server_version": result.server_version,
            "migrations_applied": result.migrations_applied, "migrations_cached": result.migrations_cached,
            "passed": result.passed,
            "tests": result.test_count, "failed": result.failed_count, "url": result.url,
            "timings": result.timings, "cache": result.cache, "cache_notes": result.cache_notes,
            "files": [{"path": f.path, "planned": f.planned, "tests": len(f.tests),
                       "failed": [x for x in f.failures()], "seconds": round(f.seconds, 3),
                       "cached": f.cached} for f in result.files],
        })
    else:
        print_verify_summary(result)
    sys.exit(0 if result.passed else 1)


def print_verify_summary(result) -> None:
    width = max([len(f.path) for f in result.files] + [5])
    click.echo(f"{'file':<{width}}  tests  failed  seconds")
    for f in result.files:
        failed = len(f.failed_tests) + len(f.errors)
        mark = ("" if f.passed else "  FAIL") + ("  cached" if f.cached else "")
        click.echo(f"{f.path:<{width}}  {len(f.tests):>5}  {failed:>6}  {f.seconds:>7.2f}{mark}")
    for f in result.files:
        for message in f.failures():
            click.echo(f"{f.path}: {message}", err=True)
    passed = result.test_count - sum(len(f.failed_tests) for f in result.files)
    migrations = f"{result.migrations_applied + result.migrations_cached} migrations"
    if result.migrations_cached:
        migrations += f" ({result.migrations_cached} from the cache)"
    click.echo(f"PostgreSQL {result.server_version} ({result.engine}), {migrations}, "
               f"{len(result.files)} files, {result.timings.get('total', 0):.1f}s")
    if result.url:
        click.echo(f"kept running: {result.url}")
        if getattr(result, "stop_command", None):
            click.echo(f"stop it with: {result.stop_command}")
    click.echo(f"{passed} passed, {result.failed_count} failed")


