"""`schema-tool lint` end to end on a small project (tests/fixtures/lint/project):
exit codes, formats, --only, allow comments, --fix, --new-only."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from schema_tool.errors import CheckFailed, SchemaToolError, UsageError
from schema_tool.commands.lint import lint

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "tests" / "fixtures" / "lint" / "project"
BAD_MIGRATION = "20270101000100_app_index.sql"


@click.group()
def cli():
    """A throwaway group: the lead registers `lint` the same way."""


cli.add_command(lint)


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    shutil.copy(ROOT / ".sqlfluff", root / ".sqlfluff")
    shutil.copytree(ROOT / "sql" / "_macros", root / "sql" / "_macros")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SCHEMA_TOOL_LINT_CACHE", str(tmp_path / "cache"))
    return root


def run(*args: str):
    """Invoke like schema_tool.cli.main does: SchemaToolError -> its exit code."""
    result = CliRunner().invoke(cli, ["lint", *args])
    code = result.exit_code
    if isinstance(result.exception, SchemaToolError):
        code = result.exception.exit_code
    elif result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return code, result


def add_bad_migration(root: Path, allow: str = "") -> None:
    (root / "migrations" / BAD_MIGRATION).write_text(
        f"{allow}create index idx_notes_body on app.notes (body);\n"
    )


def test_clean_project_exits_0_with_every_layer(project):
    code, result = run()
    assert code == 0, result.output
    assert "0 error(s)" in result.output


def test_error_finding_exits_1_and_names_rule_file_line_and_fix(project):
    add_bad_migration(project)
    code, result = run("--only", "safety")
    assert code == 1 and isinstance(result.exception, CheckFailed)
    assert f"migrations/{BAD_MIGRATION}:1: error index-not-concurrent:" in result.output
    assert "fix: the build blocks writes to the table while it runs; accept that with `-- schema-tool: allow index-not-concurrent" in result.output


def test_following_the_index_hint_makes_the_error_go_away(project):
    """The fix text is an instruction that works: the allow comment it names accepts the finding."""
    add_bad_migration(project)
    _, result = run("--only", "index-not-concurrent")
    hint = next(line for line in result.output.splitlines() if line.strip().startswith("fix:"))
    allow = re.search(r"`(-- schema-tool: allow index-not-concurrent) <[^>]*>`", hint).group(1)
    add_bad_migration(project, f"{allow} notes is tiny, the lock lasts milliseconds\n")
    code, result = run("--only", "index-not-concurrent")
    assert code == 0, result.output


def test_allow_comment_accepts_and_json_shows_the_reason(project):
    add_bad_migration(project, "-- schema-tool: allow index-not-concurrent table is tiny, lock is brief\n")
    code, result = run("--only", "index-not-concurrent", "--format", "json")
    assert code == 0, result.output
    data = json.loads(result.output)
    (finding,) = data["findings"]
    assert finding["accepted"] and finding["reason"] == "table is tiny, lock is brief"
    assert data["summary"] == {"errors": 0, "warnings": 0, "accepted": 1}


def test_allow_comment_without_reason_is_an_error(project):
    add_bad_migration(project, "-- schema-tool: allow index-not-concurrent\n")
    code, result = run("--format", "json")
    rules = {(f["rule"], f["accepted"]) for f in json.loads(result.output)["findings"]}
    assert code == 1
    assert ("allow-missing-reason", False) in rules and ("index-not-concurrent", False) in rules


def test_allow_comment_with_unknown_rule_is_an_error(project):
    add_bad_migration(project, "-- schema-tool: allow index-not-concurent typo in the rule\n")
    code, result = run("--format", "json")
    assert code == 1
    assert "allow-unknown-rule" in {f["rule"] for f in json.loads(result.output)["findings"]}


def test_github_format_prints_annotations(project):
    add_bad_migration(project)
    code, result = run("--only", "safety", "--format", "github")
    assert code == 1
    assert f"::error file=migrations/{BAD_MIGRATION},line=1,title=index-not-concurrent::" in result.output


def test_catalog_findings_are_located_in_the_creating_migration(project):
    (project / "migrations" / BAD_MIGRATION).write_text("create table app.plain (id bigint primary key);\n")
    code, result = run("--only", "rls-disabled", "--format", "json")
    assert code == 1
    (finding,) = json.loads(result.output)["findings"]
    assert finding["object"] == "app.plain" and finding["file"] == f"migrations/{BAD_MIGRATION}"
    assert finding["line"] == 1 and finding["layer"] == "catalog"


def test_only_unknown_rule_is_a_usage_error(project):
    code, result = run("--only", "no-such-rule")
    assert code == 2 and isinstance(result.exception, UsageError)


def test_bad_format_is_a_click_usage_error(project):
    code, _ = run("--format", "xml")
    assert code == 2


def test_paths_limit_the_files(project):
    add_bad_migration(project)
    code, _ = run("--only", "safety", "sql")
    assert code == 0  # the bad migration has no source under sql/, so it is not selected
    code, _ = run("--only", "safety", "migrations")
    assert code == 1


def test_fix_rewrites_sources_and_tests_never_migrations(project):
    source = project / "sql" / "app" / "20270101000000_app_notes.sql.j2"
    migration = project / "migrations" / "20270101000000_app_notes.sql"
    test_file = project / "supabase" / "tests" / "app" / "notes.test.sql"
    source.write_text(source.read_text().replace("comment on table app.notes", "COMMENT ON table app.notes"))
    migration.write_text(migration.read_text().replace("comment on table app.notes", "COMMENT ON table app.notes"))
    test_file.write_text(test_file.read_text().replace("select plan(1)", "SELECT plan(1)"))
    before = migration.read_text()
    code, result = run("--only", "style", "--fix")
    assert code == 0, result.output
    assert "COMMENT ON" not in source.read_text() and "SELECT" not in test_file.read_text()
    assert migration.read_text() == before


def test_new_only_limits_to_files_changed_on_the_branch(project):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project,
                       check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    add_bad_migration(project)
    git("add", "-A")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "feature")
    code, _ = run("--only", "safety", "--new-only")
    assert code == 0  # the bad migration is already on main
    (project / "migrations" / "20270101000200_app_more.sql").write_text("drop table app.notes;\n")
    code, result = run("--only", "safety", "--new-only")
    assert code == 1
    assert "drop-table" in result.output and "index-not-concurrent" not in result.output


def test_style_results_are_cached_by_content_and_never_stale(project, tmp_path):
    test_file = project / "supabase" / "tests" / "app" / "notes.test.sql"
    code, _ = run("--only", "style")
    assert code == 0
    assert list((tmp_path / "cache").glob("*.json"))
    test_file.write_text(test_file.read_text().replace("select plan(1)", "SELECT plan(1)"))
    code, result = run("--only", "style")
    assert code == 1 and "style-cp01" in result.output
    code, result = run("--only", "style", "--no-cache")
    assert code == 1 and "style-cp01" in result.output


def test_catalog_finding_accepted_by_allow_comment_in_the_migration(project):
    (project / "migrations" / BAD_MIGRATION).write_text(
        "-- schema-tool: allow rls-disabled public reference data, read-only for everyone\n"
        "create table app.plain (id bigint primary key);\n"
    )
    code, result = run("--only", "rls-disabled", "--format", "json")
    assert code == 0, result.output
    (finding,) = json.loads(result.output)["findings"]
    assert finding["accepted"] and finding["reason"] == "public reference data, read-only for everyone"


def test_new_only_without_a_main_branch_is_a_usage_error(project):
    subprocess.run(["git", "init", "-q", "-b", "trunk"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "x"],
                   cwd=project, check=True)
    code, result = run("--only", "safety", "--new-only")
    assert code == 2 and "main" in str(result.exception)


def test_tests_style_sqlfluff_gives_pgtap_files_the_full_pass(project, monkeypatch):
    monkeypatch.delenv("SCHEMA_TOOL_LINT_TESTS", raising=False)
    test_file = project / "supabase" / "tests" / "app" / "notes.test.sql"
    # AM01 (distinct with group by) needs sqlfluff's parse tree: the token checks cannot see it.
    test_file.write_text(test_file.read_text().replace(
        "select plan(1)", "select distinct x from (values (1)) as v (x) group by x;\nselect plan(1)"))
    code, result = run("--only", "style", "supabase")
    assert code == 0, result.output
    code, result = run("--only", "style", "--tests-style", "sqlfluff", "supabase")
    assert code == 1 and "style-am01" in result.output, result.output
