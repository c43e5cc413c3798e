"""The README's examples, run as written, so the README cannot drift from the tool.

The walk-through "Writing a migration and its test" is done literally in a copy
of the project: every `$ schema-tool ...` line of its console blocks is run and
its output compared with the block's (digits match any number, `...` any lines,
a version the README shows stands for the one `new` really made), each sql
block is written to the file the text before it names, and each diff block is
applied to the file the text before it names.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text()
VERSION = re.compile(r"(?<!\d)\d{14}(?!\d)")
PATH_IN_TEXT = re.compile(r"`([\w./-]+\.(?:sql|sql\.j2))`")


def section(heading: str) -> str:
    start = README.index(f"\n{heading}\n")
    end = README.find("\n## ", start + 1)
    return README[start: end if end > 0 else None]


def blocks(text: str) -> list[tuple[str, str, str]]:
    """(language, body, the prose since the previous block) for each fenced block."""
    found, last = [], 0
    for match in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.MULTILINE | re.DOTALL):
        found.append((match.group(1), match.group(2), text[last: match.start()]))
        last = match.end()
    return found


def commands(body: str) -> list[tuple[str, list[str], int]]:
    """(command, expected output lines, expected exit code) for each `$ ` line."""
    steps = []
    for line in body.splitlines():
        if line.startswith("$ "):
            steps.append([line[2:].split("  #")[0].strip(), [], 0])
        elif (code := re.fullmatch(r"\[exit (\d+)\]", line)) and steps:
            steps[-1][2] = int(code.group(1))
        elif steps:
            steps[-1][1].append(line)
    return [tuple(s) for s in steps]


def output_pattern(expected: list[str]) -> re.Pattern:
    """Digits match any number, runs of spaces any spacing, `...` any lines."""
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
            continue
        escaped = "".join(r"\d+(?:\.\d+)?" if re.fullmatch(r"\d+(?:\.\d+)?", tok) else
                          r"\s+" if tok.isspace() else re.escape(tok)
                          for tok in re.findall(r"\d+(?:\.\d+)?|\s+|[^\d\s]+", line))
        parts.append(escaped + r"\n")
    return re.compile("".join(parts))


def run(cwd: Path, command: str, env: dict) -> subprocess.CompletedProcess:
    argv = shlex.split(command)
    assert Path(argv[0]).name == "schema-tool", f"the README runs {argv[0]}: teach this test to run it"
    return subprocess.run([sys.executable, "-m", "schema_tool", *argv[1:]], cwd=cwd, env={**os.environ, **env},
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)


def check(cwd: Path, command: str, expected: list[str], code: int, env: dict | None = None) -> str:
    result = run(cwd, command, env or {})
    assert result.returncode == code, f"$ {command}\n{result.stdout}"
    assert "Traceback" not in result.stdout
    assert output_pattern(expected).fullmatch(result.stdout), (
        f"$ {command}\nthe README shows:\n" + "\n".join(expected) + f"\nthe tool prints:\n{result.stdout}")
    return result.stdout


@pytest.fixture
def copy(tmp_path):
    """The project as a new user has it: a fresh copy, without .venv or docs/."""
    target = tmp_path / "project"
    shutil.copytree(REPO, target, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", ".git", "docs", "bench", ".pytest_cache", "__pycache__", "*.egg-info"))
    return target


def test_writing_a_migration_and_its_test_works_as_written(copy):
    steps = blocks(section("## Writing a migration and its test"))
    assert [lang for lang, _, _ in steps] == ["console", "sql", "console", "diff", "sql", "console"]
    shown_version = made_version = None

    def real(text: str) -> str:
        return text.replace(shown_version, made_version) if shown_version else text

    for lang, body, prose in steps:
        if lang == "console":
            for command, expected, code in commands(body):
                output = check(copy, real(command), expected, code)
                if command.split()[1:2] == ["new"]:
                    shown_version = VERSION.search("\n".join(expected)).group(0)
                    made_version = VERSION.search(output).group(0)
            continue
        target = copy / real(PATH_IN_TEXT.findall(prose)[0])  # the file the text names first
        if lang == "sql":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body)
        elif lang == "diff":
            text = target.read_text()
            removed = [line[1:] for line in body.splitlines() if line.startswith("-")]
            added = [line[1:] for line in body.splitlines() if line.startswith("+")]
            assert len(removed) == len(added)
            for old, new in zip(removed, added):
                assert old + "\n" in text, f"{target}: the README's diff removes a line it does not have:\n{old}"
                text = text.replace(old + "\n", new + "\n")
            target.write_text(text)
    assert made_version and (copy / "migrations").glob(f"{made_version}_*.sql")
    check(copy, "schema-tool render --check", ["...", ], 0)


def test_render_check_prints_what_the_readme_shows():
    (lang, body, _), *_ = blocks(section("### `schema-tool render [--check] [SOURCES...]`"))
    command, expected, code = commands(body)[0]
    check(REPO, command, expected, code)


def test_migrate_to_and_then_the_rest_prints_what_the_readme_shows(bare_db_url):
    (lang, body, _), *_ = blocks(section("### `schema-tool migrate [--database-url URL] [--to VERSION] [--dry-run [--max-locked-rows N] [--max-locked-bytes SIZE]] [--include-all] [--json]`"))
    steps = commands(body)
    assert steps[0][0].startswith("export DATABASE_URL=")
    for command, expected, code in steps[1:]:
        check(REPO, command, expected, code, env={"DATABASE_URL": bare_db_url})


def test_a_missing_or_unreachable_database_is_the_line_the_readme_shows(tmp_path):
    body = next(b for lang, b, _ in blocks(section("### `schema-tool migrate [--database-url URL] [--to VERSION] [--dry-run [--max-locked-rows N] [--max-locked-bytes SIZE]] [--include-all] [--json]`"))
                if "no database" in b)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    for command, expected, code in commands(body):
        result = subprocess.run([sys.executable, "-m", "schema_tool", *shlex.split(command)[1:]], cwd=REPO, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
        assert result.returncode == 2
        assert output_pattern(expected).fullmatch(result.stdout), result.stdout


def test_docker_without_docker_is_the_line_the_readme_shows():
    body = next(b for lang, b, _ in blocks(section(
        "### `schema-tool verify [--engine embedded|system|docker] [--database-url URL] [--keep] [--junit FILE] "
        "[--exclude MODULE] [--with-seed] [--no-cache] [--json]`")) if "--engine docker" in b)
    (command, expected, code), = commands(body)
    result = run(REPO, command, {"DOCKER_HOST": "unix:///nonexistent/docker.sock"})
    assert result.returncode == code
    shown = expected[0].split("(")[0]
    assert result.stdout.startswith(shown) and expected[0].split(")")[-1] in result.stdout


def test_the_make_verify_example_matches_the_repository():
    """The first-run output the README shows: its counts are the repository's
    (every plan is static, so no server is needed), each file row its plan."""
    text = section("## Two commands")
    body = next(b for lang, b, _ in blocks(text) if b.startswith("$ make verify\n"))
    plans = {
        p.relative_to(REPO).as_posix(): int(re.search(r"select plan\((\d+)\)", p.read_text()).group(1))
        for p in (REPO / "supabase" / "tests").rglob("*.sql")
    }
    rows = re.findall(r"^(supabase/tests/\S+)\s+(\d+)\s+0\s+[\d.]+$", body, re.MULTILINE)
    assert len(rows) >= 8
    assert {path: int(count) for path, count in rows} == {path: plans.get(path) for path, _ in rows}
    migrations = len(list((REPO / "migrations").glob("*.sql")))
    assert f"applied {migrations} migrations to embedded" in body
    assert re.search(rf"\), {migrations} migrations, {len(plans)} files, [\d.]+s\n", body)
    assert f"\n{sum(plans.values())} passed, 0 failed" in body
    assert f"abridged; {len(plans)} files" in text
