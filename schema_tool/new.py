"""new: the next migration source, with a version that sorts after every other."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from .errors import UsageError
from .migrations import FILE_NAME
from .render import SOURCE_SUFFIX, source_files

NAME = re.compile(r"^[a-z][a-z0-9_]*$")

TEMPLATE = """{no_transaction}-- {name}: say in one line what this migration does and why.
{{% import "_macros/common.sql.j2" as m %}}

"""


def next_version(root: Path, now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    stamp = int(now.strftime("%Y%m%d%H%M%S"))
    versions = [int(FILE_NAME.match(p.name[: -len(".j2")]).group(1)) for p in source_files(root / "sql")]
    versions += [int(m.group(1)) for p in (root / "migrations").glob("*.sql") if (m := FILE_NAME.match(p.name))]
    return str(max([stamp, *(v + 1 for v in versions)]))


def new_migration(root: Path, name: str, transactional: bool = True) -> Path:
    if not NAME.match(name):
        raise UsageError(f"migration name {name!r}: use lower-case letters, digits and _, starting with a letter")
    module_dirs = [p.name for p in (root / "sql").iterdir() if p.is_dir() and not p.name.startswith("_")]
    folder = next((root / "sql" / d for d in module_dirs if name.startswith(f"{d}_")), root / "sql")
    path = folder / f"{next_version(root)}_{name}{SOURCE_SUFFIX}"
    marker = "" if transactional else "-- schema-tool: no-transaction\n"
    path.write_text(TEMPLATE.format(name=name, no_transaction=marker))
    return path
