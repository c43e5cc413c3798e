"""What the commands share: finding the project, printing JSON, the common options."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import click

from ..errors import UsageError


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


DATABASE_URL_OPTION = click.option(
    "--database-url",
    envvar="DATABASE_URL",
    show_envvar=True,
    help="libpq URL of the database, e.g. postgresql://user:pass@host:5432/postgres.",
)


def migrations_dir() -> Path:
    return migrations_root() / "migrations"


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
