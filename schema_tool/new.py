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


def module_names(root: Path) -> list[str]:
    """Module folders of sql/, and the modules of migrations/ (`<version>_<module>_...`) whose sources are released.
    Longest first, so `aiml_x` never lands in a module `ai`."""
    names = {p.name for p in (root / "sql").iterdir() if p.is_dir() and not p.name.startswith("_")}
    from .supabase import exposed_schemas

    try:
        exposed = set(exposed_schemas(root))
    except (OSError, ValueError):  # no or unreadable config: folders only
        exposed = set()
    for path in (root / "migrations").glob("*.sql"):
        match = FILE_NAME.match(path.name)
        if match:
            names |= {m for m in exposed if match.group(2).startswith(f"{m}_")}
    return sorted(names, key=lambda n: (-len(n), n))


def new_migration(root: Path, name: str, transactional: bool = True) -> Path:
    if not NAME.match(name):
        raise UsageError(f"migration name {name!r}: use lower-case letters, digits and _, starting with a letter")
    folder = root / "sql"
    module = next((m for m in module_names(root) if name.startswith(f"{m}_")), None)
    if module:
        folder = folder / module
        folder.mkdir(parents=True, exist_ok=True)  # once every source of a module is released, its folder is gone
    path = folder / f"{next_version(root)}_{name}{SOURCE_SUFFIX}"
    marker = "" if transactional else "-- schema-tool: no-transaction\n"
    path.write_text(TEMPLATE.format(name=name, no_transaction=marker))
    return path
