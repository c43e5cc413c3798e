"""release: compile a migration for good, as graphile-migrate commits one.

A Jinja source (sql/<module>/<version>_<name>.sql.j2) exists only until its
migration is released. `release` renders it into migrations/ one last time,
deletes the source and records the released file's sha256 in the manifest
sql/released.txt. From then on the released SQL has exactly one copy, guarded
by its checksum (`render --check` fails when its bytes change), and macros are
free to change: no released migration renders from them any more.

The manifest lives in sql/, not migrations/: the Supabase CLI warns about
every file in migrations/ that is not a `<version>_<name>.sql`.

Releases follow version order: a migration is released only when every older
source is (so "released" is a cut-off version, which lint relies on).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .render import MIGRATION_NAME, render_all, source_files

MANIFEST = Path("sql") / "released.txt"
HEADER = """\
# Released migrations: their sources are gone; these bytes never change.
# Written by `schema-tool release`; `schema-tool render --check` verifies every line.
# version        sha256 of migrations/<file>                                       file
"""


@dataclass(frozen=True)
class Released:
    version: str
    sha256: str
    file: str  # name under migrations/


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(root: Path) -> list[Released]:
    path = root / MANIFEST
    if not path.exists():
        return []
    entries = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        match = MIGRATION_NAME.match(parts[2]) if len(parts) == 3 else None
        if not match or match.group(1) != parts[0] or len(parts[1]) != 64:
            raise UsageError(f"{MANIFEST}:{number}: expected `<version> <sha256> <version>_<name>.sql`")
        entries.append(Released(*parts))
    return entries


def write_manifest(root: Path, entries: list[Released]) -> None:
    lines = [f"{e.version}   {e.sha256}   {e.file}" for e in sorted(entries, key=lambda e: e.version)]
    (root / MANIFEST).write_text(HEADER + "\n".join(lines) + "\n")


def released_versions(root: Path) -> set[str]:
    """The versions whose migrations are released (never edited again; fixes are new migrations)."""
    return {e.version for e in read_manifest(root)}


def released_cutoff(root: Path) -> str | None:
    """The newest released version: every migration up to it is released."""
    versions = released_versions(root)
    return max(versions, key=int) if versions else None


def check_released(root: Path) -> list[str]:
    """Problems with released migrations: a file missing or changed, a source still present."""
    problems = []
    sources = {MIGRATION_NAME.match(p.name[: -len(".j2")]).group(1): p for p in source_files(root / "sql")}
    for entry in read_manifest(root):
        path = root / "migrations" / entry.file
        if not path.exists():
            problems.append(f"migrations/{entry.file}: released but missing")
        elif sha256_of(path) != entry.sha256:
            problems.append(f"migrations/{entry.file}: changed after it was released (sha256 differs from {MANIFEST})")
        if entry.version in sources:
            problems.append(f"{sources[entry.version].relative_to(root)}: the source of a released migration"
                            " (delete it: released SQL lives only in migrations/)")
    return problems


def release(root: Path, versions: tuple[str, ...] = (), everything: bool = False) -> list[Released]:
    """Release the migrations of `versions` (or every unreleased source): render, record, delete the source."""
    sources = {MIGRATION_NAME.match(p.name[: -len(".j2")]).group(1): p for p in source_files(root / "sql")}
    done = read_manifest(root)
    already = {e.version for e in done}
    wanted = sorted(sources if everything else versions, key=int)
    if not wanted:
        raise UsageError("release: name the VERSIONs to release (or --all)")
    for version in wanted:
        if version in already:
            raise UsageError(f"release: {version} is already released")
        if version not in sources:
            raise UsageError(f"release: no source sql/**/{version}_*.sql.j2")
    older = [v for v in sources if int(v) < int(wanted[-1]) and v not in wanted]
    if older:
        raise UsageError(f"release: release {', '.join(sorted(older, key=int))} first (releases follow version order)")
    rendered = render_all(root / "sql", tuple(sources[v] for v in wanted))
    entries = []
    for version in wanted:
        name = sources[version].name[: -len(".j2")]
        target = root / "migrations" / name
        if target.exists() and target.read_text() != rendered[name]:
            raise UsageError(f"release: migrations/{name} differs from what its source renders"
                             " (run schema-tool render and review the change first)")
        entries.append(Released(version, "", name))
    released = []
    for entry in entries:
        target = root / "migrations" / entry.file
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rendered[entry.file])
        released.append(Released(entry.version, sha256_of(target), entry.file))
    write_manifest(root, done + released)
    for entry in released:
        sources[entry.version].unlink()
    return released
