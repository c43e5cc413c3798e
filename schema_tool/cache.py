"""verify's cache: migrated clusters (templates) and passed test files (results).

Under $XDG_CACHE_HOME/schema-tool (default ~/.cache/schema-tool):

    templates/<key>/data       a cleanly stopped data directory whose databases
                               hold the baseline and a prefix of the migrations
    templates/<key>/meta.json  {"databases": {prefix key: database name}, ...}
    templates/.lock            flock: shared while an entry is copied out,
                               exclusive while one is added or evicted
    results/<key>.json         one passed test file, keyed by everything it reads

A prefix key chains the baseline, the code that bootstraps a cluster and
applies migrations, the server binary and the migrations in order:
key[0] = H(those), key[i] = H(key[i-1], name and bytes of migration i). So a
changed or added migration reuses the longest cached prefix. An entry is
written to a temporary directory and renamed into place (atomic), and only
the newest MAX_TEMPLATES entries stay (least recently used go first).
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from .pgtap import PGTAP_SQL_GLOBS, FileResult, TestCase

FORMAT = "1"
MAX_TEMPLATES = 4
RESULT_DAYS = 3  # passed results older than this are removed
PACKAGE = Path(__file__).resolve().parent
# The code whose change changes what a cached cluster holds.
CLUSTER_CODE = ("baseline.sql", "supabase.py", "engines.py", "databases.py", "migrate.py", "migrations.py",
                "sqltext.py", "cache.py")
# ... and what a test file's result depends on beyond the database.
RESULT_CODE = ("pgtap.py", "verify.py")


class CacheUnusable(Exception):
    """The cache directory cannot be used: verify runs cold."""


def cache_root() -> Path:
    """$SCHEMA_TOOL_VERIFY_CACHE (the tool's own tests isolate it so), else
    $XDG_CACHE_HOME/schema-tool, else ~/.cache/schema-tool."""
    if os.environ.get("SCHEMA_TOOL_VERIFY_CACHE"):
        return Path(os.environ["SCHEMA_TOOL_VERIFY_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "schema-tool"


def digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


def _stat_identity(path: Path) -> str:
    st = path.stat()
    return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"


def server_identity(engine: str, bin_dir: Path) -> str:
    """The engine and its server binary (path, size, mtime), and who runs it."""
    return f"{engine}|{_stat_identity(bin_dir / 'postgres')}|root={os.geteuid() == 0}"


def pgtap_identity(bin_dir: Path) -> str:
    """The pgTAP files verify could install from (extension or plain script)."""
    patterns = [str(bin_dir.parent / "share" / "**" / "extension" / "pgtap*"),
                "/usr/share/postgresql/*/extension/pgtap*", *PGTAP_SQL_GLOBS]
    found = sorted({p for pattern in patterns for p in glob.glob(pattern, recursive=True)})
    override = os.environ.get("SCHEMA_TOOL_PGTAP_SQL")
    if override and Path(override).exists():
        found.append(override)
    return "|".join(_stat_identity(Path(p)) for p in found)


def code_digest(names) -> str:
    return digest(*(name + (PACKAGE / name).read_text() for name in names))


def prefix_keys(server: str, migrations, amendments: Path) -> list[str]:
    """key[i]: the cluster after the first i migrations (key[0]: the baseline alone)."""
    keys = [digest(FORMAT, server, code_digest(CLUSTER_CODE),
                   amendments.read_bytes() if amendments.exists() else b"")]
    for m in migrations:
        keys.append(digest(keys[-1], m.file_name, m.path.read_bytes()))
    return keys


class Templates:
    """Cached clusters. Every method raises CacheUnusable (never OSError)."""

    def __init__(self, root: Path, limit: int = MAX_TEMPLATES):
        self.dir = root / "templates"
        self.limit = limit
        try:
            self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._lock_path = self.dir / ".lock"
            self._lock_path.touch()
            probe = tempfile.mkdtemp(prefix=".probe-", dir=self.dir)
            os.rmdir(probe)
        except OSError as exc:
            raise CacheUnusable(f"{self.dir}: {exc.strerror or exc}") from exc

    @contextlib.contextmanager
    def _lock(self, kind: int):
        with open(self._lock_path, "a") as fh:
            fcntl.flock(fh, kind)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def entries(self) -> list[tuple[Path, dict]]:
        found = []
        for entry in self.dir.iterdir():
            if entry.name.startswith("."):
                continue
            try:
                found.append((entry, json.loads((entry / "meta.json").read_text())))
            except (OSError, ValueError):
                continue
        return found

    def lookup(self, keys: list[str]) -> tuple[int, Path, dict] | None:
        """(k, entry, meta) for the longest prefix keys[:k+1] some entry holds."""
        index = {}
        try:
            for entry, meta in self.entries():
                for key in meta.get("databases", {}):
                    index.setdefault(key, (entry, meta))
        except OSError as exc:
            raise CacheUnusable(f"{self.dir}: {exc.strerror or exc}") from exc
        for k in range(len(keys) - 1, -1, -1):
            if keys[k] in index:
                return (k, *index[keys[k]])
        return None

    def copy_out(self, entry: Path, target: Path, skip_databases=()) -> None:
        """Copy an entry's data directory to target (shared lock: no eviction
        meanwhile), less the directories of the databases (oids) in skip_databases."""
        with self._lock(fcntl.LOCK_SH):
            data = entry / "data"
            if not data.is_dir():
                raise CacheUnusable(f"{entry.name}: evicted meanwhile")
            try:
                if not skip_databases:
                    _cp([data], target)
                else:
                    _mkdir_like(data, target)
                    _cp([p for p in data.iterdir() if p.name != "base"], target, into=True)
                    _mkdir_like(data / "base", target / "base")
                    _cp([p for p in (data / "base").iterdir() if p.name not in skip_databases], target / "base",
                        into=True)
            except OSError as exc:
                raise CacheUnusable(f"copying {entry.name}: {exc}") from exc
            with contextlib.suppress(OSError):
                os.utime(entry)  # least recently used goes first

    def save(self, key: str, move_data, meta: dict) -> bool:
        """Add an entry: move_data(path) puts a stopped data directory at path.
        Returns False when another run saved the same key first."""
        try:
            staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.dir))
            try:
                move_data(staging / "data")
                (staging / "meta.json").write_text(json.dumps({**meta, "created": time.time()}))
                with self._lock(fcntl.LOCK_EX):
                    target = self.dir / key
                    if target.exists():
                        return False
                    os.rename(staging, target)
                    self._evict(keep=target)
                return True
            finally:
                if staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
        except OSError as exc:
            raise CacheUnusable(f"{self.dir}: {exc.strerror or exc}") from exc

    def discard(self, entry: Path) -> None:
        """Remove an entry that did not work (this run then saves a good one)."""
        with contextlib.suppress(OSError), self._lock(fcntl.LOCK_EX):
            shutil.rmtree(entry, ignore_errors=True)

    def _evict(self, keep: Path) -> None:
        """Under the exclusive lock: the oldest entries beyond the limit, and
        staging directories a killed run left (older than an hour)."""
        entries = sorted((e for e in self.dir.iterdir() if not e.name.startswith(".")),
                         key=lambda e: e.stat().st_mtime, reverse=True)
        for entry in [e for e in entries if e != keep][max(self.limit - 1, 0):]:
            shutil.rmtree(entry, ignore_errors=True)
        for stale in self.dir.glob(".tmp-*"):
            with contextlib.suppress(OSError):
                if time.time() - stale.stat().st_mtime > 3600:
                    shutil.rmtree(stale, ignore_errors=True)


def _mkdir_like(source: Path, target: Path) -> None:
    st = source.stat()
    os.mkdir(target, st.st_mode & 0o7777)
    os.chown(target, st.st_uid, st.st_gid) if os.geteuid() == 0 else None


def _cp(sources: list[Path], target: Path, into: bool = False) -> None:
    """cp -a: modes and (as root) the server user's ownership kept; reflinks where the file system can."""
    if not sources:
        return
    done = subprocess.run(["cp", "-a", "--reflink=auto", *map(str, sources), str(target) + ("/" if into else "")],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise OSError(done.stderr.strip())


class Results:
    """Passed test files by key; a failure is never cached."""

    def __init__(self, root: Path):
        self.dir = root / "results"
        try:
            self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise CacheUnusable(f"{self.dir}: {exc.strerror or exc}") from exc

    def get(self, key: str) -> FileResult | None:
        try:
            data = json.loads((self.dir / f"{key}.json").read_text())
        except (OSError, ValueError):
            return None
        tests = [TestCase(**t) for t in data.pop("tests")]
        return FileResult(**data, tests=tests)

    def put(self, key: str, result: FileResult) -> None:
        if not result.passed:
            return
        with contextlib.suppress(OSError):
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.dir)
            with os.fdopen(fd, "w") as fh:
                json.dump(asdict(result), fh)
            os.rename(tmp, self.dir / f"{key}.json")

    def prune(self) -> None:
        cutoff = time.time() - RESULT_DAYS * 86400
        with contextlib.suppress(OSError):
            for path in self.dir.iterdir():
                with contextlib.suppress(OSError):
                    if path.stat().st_mtime < cutoff:
                        path.unlink()
