"""Migration files on disk: naming, checksums and statement splitting.

A migration is `<version>_<name>.sql` with a version of digits (the Supabase
CLI's rule). Statements are split exactly as the Supabase CLI splits them
(pkg/parser: semicolons outside quotes, comments, dollar quotes, parentheses and
BEGIN ATOMIC bodies; each piece right-trimmed of ';' then of white space), so
the ledger rows either tool writes are identical. The tokenizer below is a
port of the CLI's state machine, quirks included (tests/test_split.py).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import sqltext
from .errors import UsageError

FILE_NAME = re.compile(r"^([0-9]+)_(.*)\.sql$")
# The version every file here uses: a UTC timestamp, YYYYMMDDHHMMSS.
VERSION = re.compile(r"^[0-9]{14}$")


@dataclass(frozen=True)
class Statement:
    text: str  # as the Supabase CLI stores it
    offset: int  # character offset of `text` in the file

    def is_comment_only(self) -> bool:
        return self.code_start() == len(self.text)

    def code(self) -> str:
        """The statement from its first character that is not white space or a comment."""
        return self.text[self.code_start():]

    def code_offset(self) -> int:
        """Offset in the file of the statement's first character that is not
        white space or a comment (where an error without a position points)."""
        i = self.code_start()
        return self.offset + (i if i < len(self.text) else 0)

    def code_start(self) -> int:
        """Index in `text` of the first character that is not white space or
        a comment; len(text) when there is none."""
        return sqltext.skip_trivia(self.text, 0)


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

    @cached_property
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


AMENDMENTS_FILE = "amended-migrations.toml"


@dataclass(frozen=True)
class Amendment:
    """A released migration edited after release: the bytes it replaces still count as applied."""

    version: str
    previous_checksums: frozenset[str]
    previous_statements: frozenset[str]
    reason: str


def statements_digest(statements: list[str]) -> str:
    """sha256 of statements joined by the record separator (chr 30): how
    amended-migrations.toml and schema_tool_history name a CLI ledger row."""
    return hashlib.sha256(chr(30).join(statements).encode()).hexdigest()


def load_amendments(migrations_dir: Path) -> dict[str, Amendment]:
    """The project's amended-migrations.toml (beside the migrations folder), by version."""
    path = migrations_dir.parent / AMENDMENTS_FILE
    if not path.exists():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: {exc}") from exc
    amendments = {}
    for entry in data.get("amended", []):
        version = str(entry.get("version", ""))
        if not version.isdigit() or not str(entry.get("reason", "")).strip():
            raise UsageError(f"{path}: every [[amended]] entry needs a version and a reason")
        amendments[version] = Amendment(
            version,
            frozenset(entry.get("previous_checksums", [])),
            frozenset(entry.get("previous_statements", [])),
            entry["reason"].strip(),
        )
    return amendments


def load(migrations_dir: Path, exclude: tuple[str, ...] = ()) -> list[Migration]:
    """Every migration in the folder, in version order, less those of the
    excluded modules (files named <version>_<module>_<what>.sql)."""
    if not migrations_dir.is_dir():
        raise UsageError(f"{migrations_dir}: no such migrations folder")
    migrations: dict[str, Migration] = {}
    for path in sorted(migrations_dir.iterdir()):
        if path.suffix.lower() == ".sql" and path.suffix != ".sql":
            # The Supabase CLI reads only *.sql: a .SQL file would silently never run.
            raise UsageError(f"{path}: the extension must be .sql in lower case, or the file is never applied")
        if path.suffix != ".sql":
            continue
        match = FILE_NAME.match(path.name)
        if not match or not VERSION.match(match.group(1)):
            raise UsageError(
                f"{path}: malformed migration file name: must be <version>_<name>.sql with a 14-digit"
                " UTC version YYYYMMDDHHMMSS (schema-tool new makes one)"
            )
        version, name = match.groups()
        if version in migrations:
            raise UsageError(f"{path} and {migrations[version].path} share version {version}")
        migrations[version] = Migration(version, name, path, read_text(path))
    kept = [m for m in migrations.values() if not any(m.name.startswith(f"{x}_") for x in exclude)]
    return sorted(kept, key=lambda m: int(m.version))


def read_text(path: Path) -> str:
    """A SQL file's text; a file that is not UTF-8 (or unreadable) is one clear error."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise UsageError(
            f"{path}:{line}: not UTF-8 (byte 0x{exc.object[exc.start]:02x}); save the file as UTF-8"
        ) from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from exc


def split(sql: str) -> list[Statement]:
    """Split SQL into statements the way the Supabase CLI's parser does."""
    statements = []
    start = 0
    for end in _token_ends(sql):
        token = sql[start:end]
        text = _go_trim_space(token.rstrip(";"))
        if text:
            lead = len(token) - len(token.lstrip(_GO_SPACE))
            statements.append(Statement(text, start + lead))
        start = end
    return statements


def tokens(sql: str) -> list[str]:
    """The CLI's raw tokens (parser.Split): each up to and including its ';',
    comments and white space kept."""
    out, start = [], 0
    for end in _token_ends(sql):
        out.append(sql[start:end])
        start = end
    return out


# Go's unicode.IsSpace (strings.TrimSpace): Python's str.strip() also strips
# \x1c-\x1f, which Go keeps.
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _go_trim_space(text: str) -> str:
    return text.strip(_GO_SPACE)


def _is_identifier_char(c: str) -> bool:
    category = unicodedata.category(c)
    return category[0] == "L" or category == "Nd" or c in "_$"


def _is_begin_atomic(sql: str, start: int, end: int) -> bool:
    """After a c/C: does the token so far end with BEGIN <space> ATOMIC, both whole words?"""
    offset = end - 6
    if offset < start or sql[offset:end].lower() != "atomic":
        return False
    if offset > start and _is_identifier_char(sql[offset - 1]):
        return False
    prefix_end = offset
    while prefix_end > start and sql[prefix_end - 1] in _GO_SPACE:
        prefix_end -= 1
    begin = prefix_end - 5
    if begin < start or sql[begin:prefix_end].lower() != "begin":
        return False
    return begin == start or not _is_identifier_char(sql[begin - 1])


# The CLI's tokenizer (pkg/parser/state.go) is a state machine fed one
# character at a time; each state below answers the same questions with the
# same windows on the token read so far (sql[start:end]), so odd inputs split
# as they do there: `/*/` closes a comment, the first `)` closes every open
# parenthesis, a BEGIN ATOMIC body ends at the first `end` outside quotes,
# even inside a word. States are tuples: (kind, ...).
_READY = ("ready",)


def _ready_next(c: str, sql: str, start: int, end: int):
    if c == "$":
        return ("tag", end - 1)
    if c in "'\"":
        return ("quote", c, False)
    if c == "-":
        return ("comment",)
    if c == "/":
        return ("block", 0)
    if c == "\\":
        return ("escape",)
    if c == ";":
        return None  # emit the token
    if c == "(":
        return ("atomic", _READY, ")")
    if c in "cC" and _is_begin_atomic(sql, start, end):
        return ("atomic", _READY, "end")
    return _READY


def _next(state, c: str, sql: str, start: int, end: int):
    kind = state[0]
    if kind == "ready":
        return _ready_next(c, sql, start, end)
    if kind == "dollar":
        delimiter = state[1]
        return _READY if sql[end - len(delimiter):end] == delimiter else state
    if kind == "quote":
        _, delimiter, escape = state
        if escape:
            if c == delimiter:
                return ("quote", delimiter, False)
            return _ready_next(c, sql, start, end)
        return ("quote", delimiter, True) if c == delimiter else state
    if kind == "comment":
        return ("dollar", "\n") if c == "-" else _ready_next(c, sql, start, end)
    if kind == "block":
        depth = state[1]
        window = sql[end - 2:end]
        if window == "/*":
            return ("block", depth + 1)
        if depth == 0:
            return _ready_next(c, sql, start, end)
        if window == "*/":
            return _READY if depth == 1 else ("block", depth - 1)
        return state
    if kind == "tag":
        if c == "$":
            return ("dollar", sql[state[1]:end])
        if c.isalpha() or unicodedata.category(c) == "Nd" or c == "_":
            return state
        return _ready_next(c, sql, start, end)
    if kind == "escape":
        return _READY
    # atomic: the inner state reads the character; a separator inside does not count
    _, inner, delimiter = state
    current = _next(inner, c, sql, start, end)
    if current is not None:
        inner = current
    if inner[0] == "ready" and sql[end - len(delimiter):end].lower() == delimiter:
        return _READY
    return ("atomic", inner, delimiter)


def _token_ends(sql: str):
    """Yield the end offset (exclusive) of each token, as the CLI's tokenizer emits them."""
    state, start, i, n = _READY, 0, 0, len(sql)
    while i < n:
        if state is _READY:
            # Fast path: nothing but these characters changes the ready state.
            match = _READY_EVENTS.search(sql, i)
            if match is None:
                break
            i = match.start()
        elif state[0] == "dollar":
            # A dollar quote or line comment ends where its delimiter is next
            # complete (its window checked from the next character on).
            delimiter = state[1]
            close = sql.find(delimiter, i + 1 - len(delimiter)) if i + 1 - len(delimiter) >= start else -1
            if close < 0:
                break
            i, state = close + len(delimiter), _READY
            continue
        state = _next(state, sql[i], sql, start, i + 1)
        i += 1
        if state is None:
            yield i
            state, start = _READY, i
    if start < n:
        yield n


_READY_EVENTS = re.compile(r"[$'\"\-/\\;(cC]")
