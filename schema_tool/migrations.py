"""Migration files on disk: naming, checksums and statement splitting.

A migration is `<version>_<name>.sql` with a version of digits (the Supabase
CLI's rule). Statements are split exactly as the Supabase CLI splits them
(pkg/parser: semicolons outside quotes, comments, dollar quotes, parentheses and
BEGIN ATOMIC bodies; each piece right-trimmed of ';' then of white space), so
the ledger rows either tool writes are identical.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import sqltext
from .errors import UsageError

FILE_NAME = re.compile(r"^([0-9]+)_(.*)\.sql$")


@dataclass(frozen=True)
class Statement:
    text: str  # as the Supabase CLI stores it
    offset: int  # character offset of `text` in the file

    def is_comment_only(self) -> bool:
        return not strip_comments(self.text).strip()


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    path: Path
    sql: str = field(repr=False)

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def display_path(self) -> str:
        """The path relative to the working directory when it is below it."""
        try:
            return str(self.path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(self.path)

    @property
    def transactional(self) -> bool:
        return sqltext.is_transactional(self.sql)

    @cached_property
    def checksum(self) -> str:
        """sha256 of the file with line endings normalised to \\n."""
        normalised = self.sql.replace("\r\n", "\n").replace("\r", "\n")
        return hashlib.sha256(normalised.encode()).hexdigest()

    @cached_property
    def statements(self) -> list[Statement]:
        return split(self.sql)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in the file."""
        before = self.sql[:offset]
        line = before.count("\n") + 1
        return line, offset - (before.rfind("\n") + 1) + 1


def load(migrations_dir: Path, exclude: tuple[str, ...] = ()) -> list[Migration]:
    """Every migration in the folder, in version order, less those of the
    excluded modules (files named <version>_<module>_<what>.sql)."""
    if not migrations_dir.is_dir():
        raise UsageError(f"{migrations_dir}: no such migrations folder")
    migrations: dict[str, Migration] = {}
    for path in sorted(migrations_dir.glob("*.sql")):
        match = FILE_NAME.match(path.name)
        if not match:
            raise UsageError(
                f"{path}: migration file names must be <digits>_<name>.sql (Supabase CLI's rule)"
            )
        version, name = match.groups()
        if version in migrations:
            raise UsageError(f"{path} and {migrations[version].path} share version {version}")
        migrations[version] = Migration(version, name, path, path.read_text(encoding="utf-8"))
    kept = [m for m in migrations.values() if not any(m.name.startswith(f"{x}_") for x in exclude)]
    return sorted(kept, key=lambda m: int(m.version))


def split(sql: str) -> list[Statement]:
    """Split SQL into statements the way the Supabase CLI's parser does."""
    statements = []
    start = 0
    for end in _token_ends(sql):
        token = sql[start:end]
        text = token.rstrip(";").strip()
        if text:
            lead = len(token) - len(token.lstrip())
            statements.append(Statement(text, start + lead))
        start = end
    return statements


def _token_ends(sql: str):
    """Yield the end offset (exclusive) of each token, as the CLI's tokenizer emits them."""
    i, n = 0, len(sql)
    token_start = 0
    while i < n:
        i = _skip_to_separator(sql, i, token_start)
        if i >= n:
            break
        i += 1  # include the ';'
        yield i
        token_start = i
    if token_start < n:
        yield n


def _skip_to_separator(sql: str, i: int, token_start: int, closer: str | None = None) -> int:
    """Advance from i to the next ';' outside any quoted state (or, with closer,
    to just past the closer) and return its index (len(sql) if none)."""
    n = len(sql)
    while i < n:
        c = sql[i]
        if closer is not None and sql[i : i + len(closer)].lower() == closer.lower():
            return i + len(closer)
        if c == ";" and closer is None:
            return i
        if c in "'\"":
            i = _skip_quote(sql, i + 1, c)
            continue
        if c == "-" and sql.startswith("--", i):
            newline = sql.find("\n", i + 2)
            i = n if newline < 0 else newline + 1
            continue
        if c == "/" and sql.startswith("/*", i):
            i = _skip_block_comment(sql, i)
            continue
        if c == "$":
            tag = re.match(r"\$[A-Za-z0-9_]*\$", sql[i:])
            if tag:
                close = sql.find(tag.group(0), i + len(tag.group(0)))
                i = n if close < 0 else close + len(tag.group(0))
                continue
        if c == "\\":
            i += 2
            continue
        if c == "(" and closer is None:
            i = _skip_to_separator(sql, i + 1, token_start, closer=")")
            continue
        if closer is None and c in "cC" and i >= 6 and sql[i - 5 : i + 1].lower() == "atomic":
            if i - 5 > token_start and sql[i - 6].isspace():
                i = _skip_to_separator(sql, i + 1, token_start, closer="end")
                continue
        i += 1
    return n


def _skip_quote(sql: str, i: int, quote: str) -> int:
    n = len(sql)
    while i < n:
        if sql[i] == quote:
            if i + 1 < n and sql[i + 1] == quote:
                i += 2
                continue
            return i + 1
        i += 1
    return n


def _skip_block_comment(sql: str, i: int) -> int:
    depth, n = 0, len(sql)
    while i < n:
        if sql.startswith("/*", i):
            depth += 1
            i += 2
        elif sql.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return n


def strip_comments(sql: str) -> str:
    """The SQL with -- and /* */ comments removed (quotes respected)."""
    out, i, n = [], 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"":
            j = _skip_quote(sql, i + 1, c)
            out.append(sql[i:j])
            i = j
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            i = n if newline < 0 else newline
        elif sql.startswith("/*", i):
            i = _skip_block_comment(sql, i)
        elif c == "$" and (tag := re.match(r"\$[A-Za-z0-9_]*\$", sql[i:])):
            close = sql.find(tag.group(0), i + len(tag.group(0)))
            j = n if close < 0 else close + len(tag.group(0))
            out.append(sql[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)
