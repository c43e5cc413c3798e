"""Render the Jinja2 migration sources in sql/ into migrations/.

sql/**/<version>_<name>.sql.j2  ->  migrations/<version>_<name>.sql
Folders whose name starts with "_" (sql/_macros/) hold macros, not migrations.
A released migration has no source any more (see release.py): render leaves
it alone and --check verifies its checksum instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .errors import UsageError
from .migrations import VERSION, read_text

SOURCE_SUFFIX = ".sql.j2"
MIGRATION_NAME = re.compile(r"^([0-9]+)_(.*)\.sql$")


@dataclass(frozen=True)
class RenderResult:
    written: list[str]
    unchanged: list[str]
    stale: list[str]  # committed file differs from what sql/ renders
    missing: list[str]  # rendered, but no committed file
    orphans: list[str]  # committed file with no source in sql/ and not released
    released: list[str] = ()  # released files (no source; checked by checksum)
    release_problems: list[str] = ()  # a released file changed or missing, a released source still present


def source_files(sql_dir: Path) -> list[Path]:
    if not sql_dir.is_dir():
        raise UsageError(f"{sql_dir}: no such folder (run it in the project's directory)")
    files = [
        p
        for p in sql_dir.rglob("*")
        if p.is_file() and not any(part.startswith("_") for part in p.relative_to(sql_dir).parts[:-1])
    ]
    for path in files:
        # A source render would silently skip: .sql (no .j2) or a wrong case.
        if path.name.lower().endswith((".sql", SOURCE_SUFFIX)) and not path.name.endswith(SOURCE_SUFFIX):
            raise UsageError(
                f"{path}: not rendered: a migration source must end in {SOURCE_SUFFIX} (rename it)"
            )
    sources = [p for p in files if p.name.endswith(SOURCE_SUFFIX)]
    by_target: dict[str, Path] = {}
    for path in sources:
        target = path.name[: -len(".j2")]
        match = MIGRATION_NAME.match(target)
        if not match or not VERSION.match(match.group(1)):
            raise UsageError(
                f"{path}: malformed source name: must be <version>_<name>.sql.j2 with a 14-digit"
                " UTC version YYYYMMDDHHMMSS (schema-tool new makes one)"
            )
        if target in by_target:
            raise UsageError(f"{path} and {by_target[target]} render to the same file {target}")
        by_target[target] = path
    versions: dict[str, Path] = {}
    for target, path in by_target.items():
        version = MIGRATION_NAME.match(target).group(1)
        if version in versions:
            raise UsageError(f"{path} and {versions[version]} share version {version}")
        versions[version] = path
    return sorted(by_target.values(), key=lambda p: p.name)


def environment(sql_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(sql_dir)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render_all(sql_dir: Path, only: tuple[Path, ...] = ()) -> dict[str, str]:
    """Return {migration file name: rendered SQL} for every source (or those under `only`)."""
    env = environment(sql_dir)
    rendered = {}
    wanted = [p.resolve() for p in only]
    for path in source_files(sql_dir):
        if wanted and not any(w == path.resolve() or w in path.resolve().parents for w in wanted):
            continue
        name = path.relative_to(sql_dir).as_posix()
        try:
            text = env.get_template(name).render()
        except UnicodeDecodeError:
            read_text(path)  # names the file and line
            raise
        except jinja2.TemplateError as exc:
            line = getattr(exc, "lineno", None)
            where = f"{path}:{line}" if line else str(path)
            raise UsageError(f"{where}: {exc.__class__.__name__}: {exc}") from exc
        if not text.endswith("\n"):
            text += "\n"
        rendered[path.name[: -len(".j2")]] = text
    return rendered


def render(
    sql_dir: Path, migrations_dir: Path, check: bool = False, only: tuple[Path, ...] = ()
) -> RenderResult:
    rendered = render_all(sql_dir, only)
    committed = {p.name for p in migrations_dir.glob("*.sql")} if migrations_dir.is_dir() else set()
    written, unchanged, stale, missing = [], [], [], []
    for name, text in rendered.items():
        target = migrations_dir / name
        if target.exists() and read_text(target) == text:
            unchanged.append(name)
            continue
        (stale if target.exists() else missing).append(name)
        if not check:
            migrations_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            written.append(name)
    from .release import check_released, read_manifest

    root = sql_dir.parent
    released = sorted(e.file for e in read_manifest(root))
    orphans = [] if only else sorted(committed - set(rendered) - set(released))
    problems = [] if only else check_released(root)
    return RenderResult(written, unchanged, stale, missing, orphans, released, problems)
