"""The schema-tool command line: a thin click layer over the library modules."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click

from . import __version__, errors
from .errors import SchemaToolError, Terminated, UsageError, one_line

# Set by --debug (or SCHEMA_TOOL_DEBUG=1): let unexpected exceptions show their traceback.
DEBUG = bool(os.environ.get("SCHEMA_TOOL_DEBUG"))


def project_root() -> Path:
    """The project: the nearest directory (this one or a parent) with both sql/ and migrations/."""
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / "sql").is_dir() and (candidate / "migrations").is_dir():
            return candidate
    raise UsageError(
        f"not a schema-tool project: no sql/ and migrations/ folders in {here} or a parent"
        " (run it in the project's directory)"
    )


def migrations_root() -> Path:
    """Where migrations/ is for the verbs that only read it (migrate, status): the
    project, or the nearest directory with a migrations/ folder (a deploy image
    may ship migrations/ without sql/)."""
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / "migrations").is_dir():
            return candidate
    raise UsageError(f"no migrations/ folder in {here} or a parent (run it in the project's directory)")


def check_version(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[0-9]{14}", value):
        raise click.BadParameter(f"{value!r} is not a migration version (14 digits, YYYYMMDDHHMMSS)", param_hint="--to")
    return value


DURATION = re.compile(r"^\s*\d+(\.\d+)?\s*(us|ms|s|min|h|d)?\s*$")


def check_lock_timeout(ctx, param, value: str) -> str:
    """A Postgres duration, checked before connecting; 0 (wait forever) is refused."""
    if not DURATION.match(value):
        raise click.BadParameter(f"{value!r} is not a duration (e.g. 5s, 500ms, 1min)")
    if float(re.match(r"\s*([\d.]+)", value).group(1)) == 0:
        raise click.BadParameter("0 would let a migration wait forever for its locks; give a duration such as 5s")
    return value.strip()


def emit_json(data) -> None:
    click.echo(json.dumps(data, indent=2, sort_keys=True, default=str))


class LazyGroup(click.Group):
    """Commands whose modules import heavy libraries (sqlfluff, pglast) load on use."""

    lazy = {"lint": "schema_tool.lint.command:lint", "docs": "schema_tool.docs:docs",
            "repair": "schema_tool.repair:repair_command", "diff": "schema_tool.diff.command:diff"}

    def list_commands(self, ctx):
        import importlib.util

        present = {n for n, target in self.lazy.items() if importlib.util.find_spec(target.split(":")[0])}
        return sorted({*super().list_commands(ctx), *present})

    def get_command(self, ctx, name):
        if name in self.lazy and name not in self.commands:
            import importlib

            module, attr = self.lazy[name].split(":")
            try:
                self.add_command(getattr(importlib.import_module(module), attr), name)
            except (ImportError, AttributeError) as exc:
                raise SchemaToolError(f"command {name} is unavailable: {exc}") from exc
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="schema-tool")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an unexpected error.")
def cli(debug):
    """Ordered raw-SQL migrations for Supabase/Postgres: render, migrate,
    verify and lint them.

    Exit codes: 0 ok, 1 checks failed, 2 usage or configuration error.
    """
    global DEBUG
    DEBUG = DEBUG or debug


@cli.command()
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
    from .render import render as do_render

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


@cli.command()
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
    from .release import release as do_release

    for entry in do_release(project_root(), tuple(versions), everything):
        click.echo(f"released migrations/{entry.file} (sha256 {entry.sha256[:12]})")


DATABASE_URL_OPTION = click.option(
    "--database-url",
    envvar="DATABASE_URL",
    show_envvar=True,
    help="libpq URL of the database, e.g. postgresql://user:pass@host:5432/postgres.",
)


def migrations_dir() -> Path:
    return migrations_root() / "migrations"


@cli.command()
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
    from .new import new_migration

    path = new_migration(project_root(), name, transactional=not no_transaction)
    click.echo(f"created {path.relative_to(project_root())}")


@cli.command("migrate")
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
    from . import migrate as engine

    if dry_run:
        from . import plan

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


@cli.command()
@DATABASE_URL_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def status(database_url, as_json):
    """Show every migration as applied, pending, modified, missing-locally or out-of-order.

    Exits 1 when a migration is modified, missing locally or out of order.
    """
    from . import migrate as engine

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


@cli.command("verify")
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
    from .pgtap import junit_xml
    from .verify import verify

    import psycopg

    root = project_root()
    # Pre-flight: fail in a second, not after the whole run.
    if junit:
        check_writable(junit, "--junit")
    check_modules(root, exclude)
    from .migrations import load

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
            "migrations_applied": result.migrations_applied, "passed": result.passed,
            "tests": result.test_count, "failed": result.failed_count, "url": result.url,
            "timings": result.timings, "cache": result.cache, "cache_notes": result.cache_notes,
            "files": [{"path": f.path, "planned": f.planned, "tests": len(f.tests),
                       "failed": [x for x in f.failures()], "seconds": round(f.seconds, 3),
                       "cached": f.cached} for f in result.files],
        })
    else:
        print_verify_summary(result)
    sys.exit(0 if result.passed else 1)


@cli.command("types")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 when a committed type file is stale.")
@click.option("--engine", type=click.Choice(["embedded", "system", "docker"]), default="embedded", show_default=True,
              help="Throwaway server to migrate (the committed files are generated with embedded, PostgreSQL 18).")
def types_command(check, engine):
    """Generate client types from the migrated database.

    Applies every migration to a throwaway Postgres, reads the schemas that
    supabase/config.toml [api] exposes and writes
    supabase/types/database.types.ts (the `Database` type supabase-js takes:
    createClient<Database>(), with Tables Row/Insert/Update/Relationships,
    Views, Functions Args/Returns, Enums, CompositeTypes per schema) and
    supabase/types/database_types.py (TypedDicts Row/Insert/Update per table,
    Literal enums). --check (run by make lint) exits 1 when they are stale.
    """
    from .errors import CheckFailed
    from .types import build_types

    result = build_types(project_root(), check=check, engine=engine)
    if check and result.stale:
        raise CheckFailed("stale, run schema-tool types: " + ", ".join(result.stale))
    for path in result.written:
        click.echo(f"wrote {path}")
    if not result.written:
        click.echo(f"{len(result.unchanged)} type files up to date")


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
    click.echo(f"PostgreSQL {result.server_version} ({result.engine}), {result.migrations_applied} migrations, "
               f"{len(result.files)} files, {result.timings.get('total', 0):.1f}s")
    if result.url:
        click.echo(f"kept running: {result.url}")
        if getattr(result, "stop_command", None):
            click.echo(f"stop it with: {result.stop_command}")
    click.echo(f"{passed} passed, {result.failed_count} failed")


def check_writable(path: Path, option: str) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{option} {path}: no such directory {parent}")
    if path.is_dir():
        raise UsageError(f"{option} {path}: is a directory")
    if not os.access(path if path.exists() else parent, os.W_OK):
        raise UsageError(f"{option} {path}: not writable")


def known_modules(root: Path) -> set[str]:
    """Module names: sql/<module>/ folders and supabase/tests/<module>/ folders."""
    folders = [root / "sql", root / "supabase" / "tests"]
    return {p.name for f in folders if f.is_dir() for p in f.iterdir() if p.is_dir() and not p.name.startswith("_")}


def check_modules(root: Path, names) -> None:
    modules = known_modules(root)
    unknown = [n for n in names if n not in modules]
    if unknown:
        raise UsageError(
            f"--exclude {unknown[0]}: no such module (modules: {', '.join(sorted(modules)) or 'none'})"
        )


def main():
    import signal

    try:
        cli(standalone_mode=False)
    except click.UsageError as exc:  # bad option or argument: one line, and where help is
        where = exc.ctx.command_path if exc.ctx else "schema-tool"
        click.echo(f"error: {one_line(exc.format_message())} (see {where} --help)", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"error: {one_line(exc.format_message())}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SchemaToolError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort) as exc:  # click turns Ctrl-C into Abort
        by_sigterm = isinstance(exc, Terminated) or errors.terminated
        click.echo("error: interrupted" + (" (SIGTERM)" if by_sigterm else ""), err=True)
        sys.exit(128 + (signal.SIGTERM if by_sigterm else signal.SIGINT))
    except BrokenPipeError:
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the one place unexpected errors become a line
        if DEBUG:
            raise
        click.echo(f"error: {type(exc).__name__}: {one_line(exc)} (rerun with --debug for the traceback)", err=True)
        sys.exit(2)
