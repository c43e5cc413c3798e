"""The click layer: one module per verb, as graphile-migrate's src/commands/<verb>.ts.

Every click command lives here and nowhere else; the domain modules (render,
migrate, verify, lint, docs, diff, ...) know nothing of click. Each command
imports its domain module inside the function, so `schema-tool --help` stays
fast and a verb never pays for another's libraries (sqlfluff, pglast).
"""

from __future__ import annotations

from .diff import diff
from .docs import docs
from .lint import lint
from .migrate import migrate_command
from .new import new
from .release import release
from .render import render
from .repair import repair_command
from .status import status
from .types import types_command
from .verify import verify_command

COMMANDS = (render, release, new, migrate_command, status, verify_command, types_command, docs, lint, repair_command,
            diff)
