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


def test_release_compiles_a_source_for_good_and_guards_it_by_checksum(project):
    from schema_tool.release import released_cutoff, released_versions

    write(project / "sql" / "demo" / "20260101000000_demo_notes.sql.j2", SOURCE)
    write(project / "sql" / "demo" / "20260102000000_demo_more.sql.j2", "select 1;\n")
    result = run_cli(project, "release", "20260101000000")
    assert result.returncode == 0, result.stderr
    assert "released migrations/20260101000000_demo_notes.sql" in result.stdout
    migration = project / "migrations" / "20260101000000_demo_notes.sql"
    assert "enable row level security" in migration.read_text()
    assert not (project / "sql" / "demo" / "20260101000000_demo_notes.sql.j2").exists()
    assert released_versions(project) == {"20260101000000"} and released_cutoff(project) == "20260101000000"
    manifest = (project / "sql" / "released.txt").read_text()
    assert "20260101000000" in manifest and "20260101000000_demo_notes.sql" in manifest

    # macros are free to change now: nothing released renders from them
    macros = project / "sql" / "_macros" / "common.sql.j2"
    macros.write_text(macros.read_text().replace("enable row level security", "enable row level security /* x */"))
    run_cli(project, "render")
    check = run_cli(project, "render", "--check")
    assert check.returncode == 0, check.stderr
    assert "1 released ones match their checksums" in check.stdout

    # a released file is guarded by its checksum, one byte is enough
    migration.write_bytes(migration.read_bytes() + b" ")
    check = run_cli(project, "render", "--check")
    assert check.returncode == 1
    assert "migrations/20260101000000_demo_notes.sql: changed after it was released" in check.stderr


def test_release_follows_version_order_and_refuses_a_stale_file(project):
    write(project / "sql" / "20260101000000_a.sql.j2", "select 1;\n")
    write(project / "sql" / "20260102000000_b.sql.j2", "select 2;\n")
    result = run_cli(project, "release", "20260102000000")
    assert result.returncode == 2 and "release 20260101000000 first" in result.stderr
    write(project / "migrations" / "20260101000000_a.sql", "select 'edited by hand';\n")
    result = run_cli(project, "release", "20260101000000")
    assert result.returncode == 2 and "differs from what its source renders" in result.stderr
    assert (project / "sql" / "20260101000000_a.sql.j2").exists()
    assert run_cli(project, "release").returncode == 2


def test_a_source_left_for_a_released_migration_fails_the_check(project):
    write(project / "sql" / "20260101000000_a.sql.j2", "select 1;\n")
    assert run_cli(project, "release", "--all").returncode == 0
    write(project / "sql" / "20260101000000_a.sql.j2", "select 1;\n")
    check = run_cli(project, "render", "--check")
    assert check.returncode == 1 and "the source of a released migration" in check.stderr


def test_new_finds_a_module_whose_sources_are_all_released(project):
    write(project / "supabase" / "config.toml", '[api]\nschemas = ["public", "demo"]\n')
    write(project / "migrations" / "20260101000000_demo_notes.sql", "select 1;\n")
    result = run_cli(project, "new", "demo_add_tags")
    assert result.returncode == 0, result.stderr
    assert "created sql/demo/" in result.stdout
