"""Throwaway servers: both engines start, and nothing is left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from schema_tool import engines
from schema_tool.errors import UsageError

from conftest import REPO, run_cli


def _postgres_processes_for(directory: Path) -> list[str]:
    out = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if str(directory) in line and "postgres" in line]


@pytest.mark.parametrize("engine", ["embedded", "system"])
def test_server_runs_unprivileged_and_is_deleted_on_exit(engine):
    with engines.throwaway(engine) as srv:
        with psycopg.connect(srv.admin_url) as conn:
            owner = conn.execute("select pg_catalog.pg_stat_file('PG_VERSION')").fetchone()
            assert owner is not None
        directory = srv.directory
        assert directory.exists()
        if os.geteuid() == 0:
            assert directory.stat().st_uid != 0  # PostgreSQL refuses root: runs as postgres/nobody
    assert not directory.exists()
    assert _postgres_processes_for(directory) == []


def test_server_is_deleted_when_the_block_fails():
    with pytest.raises(RuntimeError):
        with engines.throwaway("embedded") as srv:
            directory = srv.directory
            raise RuntimeError("boom")
    assert not directory.exists()
    assert _postgres_processes_for(directory) == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_server_is_deleted_on_ctrl_c_and_sigterm(tmp_path, sig):
    script = (
        "import sys, time\n"
        "from schema_tool import engines\n"
        "with engines.throwaway('embedded') as srv:\n"
        "    print(srv.directory, flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    directory = Path(proc.stdout.readline().strip())
    assert directory.exists()
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert not directory.exists()
    assert _postgres_processes_for(directory) == []


def test_two_servers_at_once_do_not_collide():
    with engines.throwaway("embedded") as a, engines.throwaway("embedded") as b:
        assert a.url != b.url
        for srv in (a, b):
            with psycopg.connect(srv.url) as conn:
                assert conn.execute("select 1").fetchone() == (1,)


def test_keep_leaves_one_database_running_and_prints_how_to_stop_it(project):
    (project / "migrations" / "20260101000000_demo.sql").write_text("create schema demo;\n")
    for name in ("a", "b", "c"):  # enough files for parallel copies of the database
        (project / "supabase" / "tests" / f"{name}.test.sql").write_text(
            "begin; select plan(1); select ok(true); select * from finish(); rollback;\n")
    result = run_cli(project, "verify", "--keep", "--jobs", "3")
    assert result.returncode == 0, result.stderr
    url = next(l for l in result.stdout.splitlines() if l.startswith("kept running: ")).removeprefix("kept running: ")
    stop = next(l for l in result.stdout.splitlines() if l.startswith("stop it with: ")).removeprefix("stop it with: ")
    host = psycopg.conninfo.conninfo_to_dict(url)["host"]
    try:
        with psycopg.connect(url) as conn:
            assert conn.execute("select to_regnamespace('demo')::text").fetchone() == ("demo",)
            names = [r[0] for r in conn.execute("select datname from pg_database where not datistemplate and datname <> 'postgres'")]
        assert names == [psycopg.conninfo.conninfo_to_dict(url)["dbname"]]  # the parallel copies are gone
    finally:
        stopped = subprocess.run(stop, shell=True, capture_output=True, text=True)
    assert stopped.returncode == 0, stopped.stderr
    assert not Path(host).exists() and _postgres_processes_for(Path(host)) == []


def test_root_runs_the_server_from_a_checkout_only_root_can_enter(tmp_path):
    """A clone under /root is mode 0700: the postgres user cannot reach its .venv."""
    if os.geteuid() != 0:
        pytest.skip("needs root: only root runs the server as another user (postgres/nobody)")
    import tempfile

    clone = Path(tempfile.mkdtemp())  # 0700, like /root
    cache = Path(tempfile.mkdtemp())
    os.chmod(cache, 0o755)
    try:
        assert clone.stat().st_mode & 0o777 == 0o700
        site = clone / "venv" / "site-packages"
        installed = engines.embedded_bin_dir().parent.parent
        site.mkdir(parents=True)
        for name in (installed.name, installed.name + ".libs"):
            if (installed.parent / name).exists():
                subprocess.run(["cp", "-al", str(installed.parent / name), str(site)], check=True)
        project = clone / "project"
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{REPO}", str(project)], check=True)
        # The clone's own package and the wheel copy inside the 0700 tree come first.
        env = {"PYTHONPATH": f"{site}:{project}", "SCHEMA_TOOL_BIN_CACHE": str(cache / "bin")}
        script = (
            "from schema_tool import engines\n"
            "import psycopg\n"
            "print(engines.embedded_bin_dir())\n"
            "with engines.throwaway('embedded') as s:\n"
            "    print(s.bin_dir)\n"
            "    print(psycopg.connect(s.url).execute('select current_user').fetchone()[0])\n"
        )
        result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True,
                                env={**os.environ, **env}, timeout=120)
        assert result.returncode == 0, result.stderr
        source, used, user = result.stdout.split()
        assert source.startswith(str(site)) and used.startswith(str(cache / "bin")) and user == "postgres"
        # The cache is root's and writable by no one else.
        assert (cache / "bin").stat().st_uid == 0 and (cache / "bin").stat().st_mode & 0o022 == 0
    finally:
        subprocess.run(["rm", "-rf", str(clone), str(cache)])


def test_a_user_who_is_not_root_runs_the_server_as_itself(tmp_path):
    """No user switch and no binary cache: the server runs from the installation."""
    import site
    import shutil

    python, user = sys.executable, []
    if os.geteuid() == 0:  # as root, test it as nobody, with a Python nobody can run
        user = ["runuser", "-u", "nobody", "--"]
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        candidates = [sys.executable, f"/usr/bin/python{version}", f"/usr/local/bin/python{version}", "/usr/bin/python3"]
        python = next((c for c in candidates if c and subprocess.run(
            [*user, c, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True
        ).stdout.strip() == str(tuple(sys.version_info[:2]))), None)
        if python is None:
            pytest.skip(f"no Python {sys.version_info[0]}.{sys.version_info[1]} that nobody may run")
    script = (
        "import os, psycopg\n"
        "from schema_tool import engines\n"
        "with engines.throwaway('embedded') as s:\n"
        "    assert s.bin_dir == engines.embedded_bin_dir(), s.bin_dir\n"
        "    print(os.geteuid() != 0, s.directory.stat().st_uid == os.geteuid())\n"
    )
    path = [str(REPO), *site.getsitepackages()]
    shared = None
    if user:  # a checkout in a 0700 folder (/root): give nobody a readable copy (hard links) of the code
        import tempfile

        shared = Path(tempfile.mkdtemp())
        os.chmod(shared, 0o755)
        subprocess.run(["cp", "-al", str(REPO / "schema_tool"), str(shared)], check=True)
        for i, packages in enumerate(site.getsitepackages()):
            subprocess.run(["cp", "-al", packages, str(shared / f"site{i}")], check=True)
        path = [str(shared), *(str(shared / f"site{i}") for i in range(len(site.getsitepackages())))]
    try:
        result = subprocess.run([*user, python, "-c", script], cwd="/", capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": ":".join(path), "HOME": "/tmp"}, timeout=120)
    finally:
        if shared:
            subprocess.run(["rm", "-rf", str(shared)])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupting_verify_during_initdb_leaves_no_directory(project, sig):
    import tempfile

    tmp = Path(tempfile.mkdtemp())
    os.chmod(tmp, 0o755)
    (project / "migrations" / "20260101000000_demo.sql").write_text("select 1;\n")
    try:
        proc = subprocess.Popen([sys.executable, "-m", "schema_tool", "verify"], cwd=project,
                                env={**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(REPO)},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while not list(tmp.glob("schema-tool-pg-*/data/base")):  # initdb is writing the data directory
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.02)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 128 + sig, err
        assert "Traceback" not in err
        assert list(tmp.iterdir()) == []
        assert _postgres_processes_for(tmp) == []
    finally:
        subprocess.run(["rm", "-rf", str(tmp)])


def test_docker_engine_without_a_docker_engine_says_so(project, monkeypatch):
    (project / "migrations" / "20260101000000_demo.sql").write_text("select 1;\n")
    result = run_cli(project, "verify", "--engine", "docker", env={"DOCKER_HOST": "unix:///nonexistent/docker.sock"})
    assert result.returncode == 2
    assert result.stderr.startswith("error: engine docker: no Docker engine is answering")
    assert "use --engine embedded" in result.stderr


def test_system_engine_without_binaries_says_what_to_install(monkeypatch):
    monkeypatch.setattr(engines.glob, "glob", lambda pattern: [])
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(UsageError, match="no PostgreSQL server binaries found"):
        engines.system_bin_dir()


def test_a_bin_cache_the_server_user_cannot_reach_is_one_clear_error(tmp_path, monkeypatch):
    if os.geteuid() != 0:
        pytest.skip("needs root: only root runs the server as another user (postgres/nobody)")
    import tempfile

    private = Path(tempfile.mkdtemp())  # 0700
    try:
        (private / "pkg").mkdir()
        subprocess.run(["cp", "-al", str(engines.embedded_bin_dir().parent), str(private / "pkg")], check=True)
        monkeypatch.setenv("SCHEMA_TOOL_BIN_CACHE", str(private / "cache"))
        with pytest.raises(UsageError, match="cannot reach the server binary cache; set SCHEMA_TOOL_BIN_CACHE"):
            engines.start_local(private / "pkg" / "pginstall" / "bin", "embedded")
    finally:
        subprocess.run(["rm", "-rf", str(private)])
