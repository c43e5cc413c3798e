"""Run pgTAP test files with psql, exactly as pg_prove does, and judge their TAP."""

from __future__ import annotations

import glob
import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

import psycopg
from tap.line import Bail, Diagnostic, Plan, Result
from tap.parser import Parser

from .errors import UsageError

# pg_prove's own psql switches, so a file behaves the same under both.
PSQL_ARGS = [
    "--no-psqlrc",
    "--no-align",
    "--quiet",
    "--pset", "pager=off",
    "--pset", "tuples_only=true",
    "--set", "ON_ERROR_STOP=1",
]
PGTAP_SQL_GLOBS = [
    "/usr/share/postgresql/*/extension/pgtap.sql",
    "/usr/share/postgresql/*/contrib/pgtap.sql",
]


@dataclass
class TestCase:
    number: int
    description: str
    ok: bool
    skip: bool = False
    todo: bool = False
    diagnostics: list[str] = field(default_factory=list)


@dataclass
class FileResult:
    path: str
    tests: list[TestCase] = field(default_factory=list)
    planned: int | None = None
    errors: list[str] = field(default_factory=list)  # file-level failures
    seconds: float = 0.0
    cached: bool = False  # served by verify's cache: passed before with exactly these inputs

    @property
    def failed_tests(self) -> list[TestCase]:
        return [t for t in self.tests if not t.ok and not t.todo]

    @property
    def passed(self) -> bool:
        return not self.errors and not self.failed_tests

    def failures(self) -> list[str]:
        messages = list(self.errors)
        for t in self.failed_tests:
            detail = "".join(f"\n      {d}" for d in t.diagnostics)
            messages.append(f"not ok {t.number} - {t.description}{detail}")
        return messages


# What a TAP producer prints. Anything else in psql's output (a uuid a fixture
# select printed, say) is not TAP: TAP::Parser (pg_prove) ignores it, and so do
# we. tap.py's own plan pattern would read "1234-..." as a plan.
TAP_LINE = re.compile(r"^(?:\d+\.\.\d+(?:\s*#.*)?|(?:not )?ok\b.*|#.*|Bail out!.*|TAP version \d+)$")


def tap_lines(output: str) -> str:
    return "".join(line for line in output.splitlines(keepends=True) if TAP_LINE.match(line.rstrip("\n")))


def parse_tap(path: str, stdout: str, stderr: str = "", returncode: int = 0) -> FileResult:
    """Judge one file's TAP output: a missing plan, a plan/count mismatch,
    `not ok`, a bail out or an error from psql are all failures."""
    result = FileResult(path)
    last: TestCase | None = None
    for line in Parser().parse_text(tap_lines(stdout)):
        if isinstance(line, Plan):
            if result.planned is not None:
                result.errors.append("more than one plan")
            result.planned = line.expected_tests
            if line.skip:
                result.planned = 0
        elif isinstance(line, Result):
            number = line.number or len(result.tests) + 1
            last = TestCase(number, line.description.lstrip("- ").strip(), line.ok, line.skip, line.todo)
            result.tests.append(last)
        elif isinstance(line, Diagnostic) and last is not None:
            last.diagnostics.append(line.text.lstrip("# ").rstrip())
        elif isinstance(line, Bail):
            result.errors.append(f"bail out: {line.reason}")
    if returncode != 0:
        message = " ".join(l.strip() for l in stderr.strip().splitlines() if l.strip()) or f"psql exited {returncode}"
        result.errors.append(f"error: {message}")
    if result.planned is None:
        if not result.errors:
            result.errors.append("no plan: the file printed no 1..N line (missing select plan(N)?)")
    elif result.planned != len(result.tests) and not any(e.startswith("error") for e in result.errors):
        result.errors.append(f"planned {result.planned} tests but ran {len(result.tests)}")
    return result


def run_file(psql: str, url: str, path: Path, root: Path) -> FileResult:
    started = time.perf_counter()
    rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    proc = subprocess.run(
        [psql, *PSQL_ARGS, "--dbname", url, "--file", rel],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"},
    )
    result = parse_tap(rel, proc.stdout, proc.stderr, proc.returncode)
    result.seconds = time.perf_counter() - started
    return result


def install(conn: psycopg.Connection) -> str:
    """Make pgTAP available in schema extensions: the extension when the server
    has its files, else Debian's plain pgtap.sql. Returns how."""
    present = conn.execute("select exists (select 1 from pg_proc where proname = 'no_plan')").fetchone()[0]
    if present:
        return "already installed"
    available = conn.execute(
        "select exists (select 1 from pg_available_extensions where name = 'pgtap')"
    ).fetchone()[0]
    conn.execute("create schema if not exists extensions")
    if available:
        conn.execute("create extension pgtap with schema extensions")
        return "extension"
    script = pgtap_script()
    with conn.transaction():
        conn.execute("set local search_path = extensions")
        conn.execute(script.read_text())
    return f"script {script}"


def pgtap_script() -> Path:
    override = os.environ.get("SCHEMA_TOOL_PGTAP_SQL")
    if override:
        return Path(override)
    found = sorted(p for pattern in PGTAP_SQL_GLOBS for p in glob.glob(pattern))
    if not found:
        raise UsageError(
            "pgTAP not found: this server has no pgtap extension and no pgtap.sql was found in"
            " /usr/share/postgresql/*/extension; install it with `apt-get install postgresql-15-pgtap`"
            " or point SCHEMA_TOOL_PGTAP_SQL at a pgtap.sql"
        )
    return Path(found[-1])


def test_files(tests_dir: Path, exclude: tuple[str, ...] = ()) -> tuple[list[Path], list[Path]]:
    """(setup files, test files): top-level *.sql that are not tests run first, in
    name order (000_setup.sql); then every **/*.test.sql in path order."""
    setup = sorted(p for p in tests_dir.glob("*.sql") if not p.name.endswith(".test.sql"))
    tests = sorted(
        p
        for p in tests_dir.rglob("*.test.sql")
        if not (p.relative_to(tests_dir).parts[0] in exclude)
    )
    return setup, tests


def junit_xml(results: list[FileResult]) -> str:
    suites = ET.Element("testsuites")
    for r in results:
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=r.path,
            tests=str(max(len(r.tests), 1)),
            failures=str(len(r.failed_tests)),
            errors=str(len(r.errors)),
            time=f"{r.seconds:.3f}",
        )
        for t in r.tests:
            case = ET.SubElement(suite, "testcase", classname=r.path, name=f"{t.number} - {t.description}")
            if t.skip:
                ET.SubElement(case, "skipped")
            elif not t.ok and not t.todo:
                failure = ET.SubElement(case, "failure", message=t.description)
                failure.text = "\n".join(t.diagnostics)
        for e in r.errors:
            case = ET.SubElement(suite, "testcase", classname=r.path, name="file")
            ET.SubElement(case, "error", message=e.splitlines()[0]).text = e
    return ET.tostring(suites, encoding="unicode")
