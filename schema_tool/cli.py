"""The schema-tool command line: the group, its commands (schema_tool.commands, one module
per verb) and main(), where every error becomes one line and an exit code."""

from __future__ import annotations

import os
import sys

import click

from . import __version__, errors
from .commands import COMMANDS
from .errors import SchemaToolError, Terminated, one_line

# Set by --debug (or SCHEMA_TOOL_DEBUG=1): let unexpected exceptions show their traceback.
DEBUG = bool(os.environ.get("SCHEMA_TOOL_DEBUG"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="schema-tool")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an unexpected error.")
def cli(debug):
    """Ordered raw-SQL migrations for Supabase/Postgres: render, migrate,
    verify and lint them.

    Exit codes: 0 ok, 1 checks failed, 2 usage or configuration error.
    """
    global DEBUG
    DEBUG = DEBUG or debug


for command in COMMANDS:
    cli.add_command(command)


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
