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


def test_keep_leaves_the_server_running_and_prints_its_url(project):
    (project / "migrations" / "20260101000000_demo.sql").write_text("create schema demo;\n")
    result = run_cli(project, "verify", "--keep")
    assert result.returncode == 0, result.stderr
    line = next(l for l in result.stdout.splitlines() if l.startswith("kept running: "))
    url = line.removeprefix("kept running: ")
    try:
        with psycopg.connect(url) as conn:
            assert conn.execute("select to_regnamespace('demo')::text").fetchone() == ("demo",)
    finally:
        host = psycopg.conninfo.conninfo_to_dict(url)["host"]
        data = Path(host) / "data"
        user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*user, str(engines.embedded_bin_dir() / "pg_ctl"), "-D", str(data), "stop", "-m", "immediate"], capture_output=True)
        subprocess.run(["rm", "-rf", host])


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
