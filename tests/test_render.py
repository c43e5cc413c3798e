"""render, render --check and new."""

from __future__ import annotations

from datetime import datetime, timezone

from schema_tool.new import next_version

from conftest import run_cli, write

SOURCE = """{% import "_macros/common.sql.j2" as m %}
create schema demo;
create table demo.notes (
    id bigint primary key,
    user_id uuid not null,
    updated_at timestamptz not null default now()
);
{{ m.enable_rls('demo', 'notes') }}
"""


def test_render_writes_migrations_from_sources(project):
    write(project / "sql" / "demo" / "20260101000000_demo_notes.sql.j2", SOURCE)
    result = run_cli(project, "render")
    assert result.returncode == 0, result.stderr
    text = (project / "migrations" / "20260101000000_demo_notes.sql").read_text()
    assert "alter table demo.notes enable row level security;" in text
    assert "{%" not in text
    again = run_cli(project, "render", "--check")
    assert again.returncode == 0 and "1 migrations up to date" in again.stdout


def test_render_check_names_a_stale_file_after_a_macro_change(project):
    write(project / "sql" / "demo" / "20260101000000_demo_notes.sql.j2", SOURCE)
    run_cli(project, "render")
    macros = project / "sql" / "_macros" / "common.sql.j2"
    macros.write_text(macros.read_text().replace("enable row level security", "enable row level security /* changed */"))
    result = run_cli(project, "render", "--check")
    assert result.returncode == 1
    assert "migrations/20260101000000_demo_notes.sql: differs from what sql/ renders" in result.stderr
    assert "/* changed */" not in (project / "migrations" / "20260101000000_demo_notes.sql").read_text()


def test_render_check_names_unrendered_and_orphan_files(project):
    write(project / "sql" / "20260101000000_a.sql.j2", "select 1;\n")
    write(project / "migrations" / "20250101000000_handwritten.sql", "select 2;\n")
    result = run_cli(project, "render", "--check")
    assert result.returncode == 1
    assert "migrations/20260101000000_a.sql: not rendered yet" in result.stderr
    assert "migrations/20250101000000_handwritten.sql: has no source in sql/" in result.stderr


def test_undefined_variable_is_an_error_with_file_and_line(project):
    write(project / "sql" / "20260101000000_a.sql.j2", "select 1;\nselect {{ nope }};\n")
    result = run_cli(project, "render")
    assert result.returncode == 2
    assert "20260101000000_a.sql.j2" in result.stderr and "'nope' is undefined" in result.stderr


def test_new_creates_a_source_whose_version_sorts_last(project):
    write(project / "sql" / "demo" / "29990101000000_demo_future.sql.j2", "select 1;\n")
    result = run_cli(project, "new", "demo_add_tags")
    assert result.returncode == 0, result.stderr
    assert "created sql/demo/29990101000001_demo_add_tags.sql.j2" in result.stdout
    assert (project / "sql" / "demo" / "29990101000001_demo_add_tags.sql.j2").exists()


def test_next_version_is_the_clock_when_it_is_later(project):
    write(project / "sql" / "20200101000000_old.sql.j2", "select 1;\n")
    now = datetime(2026, 11, 23, 12, 30, 45, tzinfo=timezone.utc)
    assert next_version(project, now) == "20261123123045"


def test_new_rejects_a_bad_name(project):
    result = run_cli(project, "new", "Bad Name")
    assert result.returncode == 2 and "use lower-case letters" in result.stderr
