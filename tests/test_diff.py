"""diff: a hand-made change of every object kind is found, and its --sql draft round-trips."""

from __future__ import annotations

import json

import psycopg
import pytest

from schema_tool.diff import compare_catalogs, diff, read
from schema_tool.migrate import migrate

from conftest import REPO, _create_db, _drop_db, run_cli, write

BASE = """create schema demo;
create type demo.mood as enum ('happy', 'sad');
create table demo.notes (
    id bigint generated always as identity primary key,
    owner uuid not null,
    body text not null,
    mood demo.mood,
    created_at timestamptz not null default now(),
    constraint notes_body_check check (length(body) < 1000)
);
comment on table demo.notes is 'Notes.';
comment on column demo.notes.body is 'The text.';
create index idx_notes_owner on demo.notes (owner);
alter table demo.notes enable row level security;
create policy notes_select_own on demo.notes for select to authenticated using (owner = (select auth.uid()));
create function demo.touch() returns trigger language plpgsql as $$ begin new.created_at := now(); return new; end $$;
create trigger notes_touch before update on demo.notes for each row execute function demo.touch();
create function demo.note_count(p_owner uuid) returns bigint language sql stable
    as $$ select count(*) from demo.notes where owner = p_owner $$;
create view demo.note_list with (security_invoker = true) as select id, body from demo.notes;
grant select on demo.notes to authenticated;
grant select on demo.note_list to authenticated;
revoke execute on function demo.note_count(uuid) from public;
grant usage on schema demo to authenticated;
"""

# One hand-made change per object kind, as made in Studio or during an incident.
HAND_CHANGES = {
    "column": "alter table demo.notes add column title text default 'untitled'",
    "column default": "alter table demo.notes alter column created_at set default clock_timestamp()",
    "constraint": "alter table demo.notes drop constraint notes_body_check;"
                  " alter table demo.notes add constraint notes_body_check check (length(body) < 5000)",
    "index": "create index idx_notes_created_at on demo.notes (created_at desc)",
    "policy": "alter policy notes_select_own on demo.notes using (owner = (select auth.uid()) or body = 'public')",
    "function": "create or replace function demo.note_count(p_owner uuid) returns bigint language sql stable"
                " as $$ select count(*) from demo.notes where owner = p_owner and body <> '' $$",
    "view": "create or replace view demo.note_list with (security_invoker = true) as"
            " select id, body, created_at from demo.notes",
    "trigger": "drop trigger notes_touch on demo.notes",
    "grant": "grant insert on demo.notes to authenticated",
    "rls": "alter table demo.notes disable row level security",
    "comment": "comment on column demo.notes.body is 'The text, edited.'",
    "table": "create table demo.tags (id int primary key, name text not null)",
    "type": "alter type demo.mood add value 'calm'",
    "new function": "create function demo.hotfix() returns int language sql immutable as $$ select 1 $$",
    "new view": "create view demo.short_notes with (security_invoker = true) as"
                " select id from demo.notes where length(body) < 10",
    "new policy": "create policy notes_insert_own on demo.notes for insert to authenticated"
                  " with check (owner = (select auth.uid()))",
    "column grant": "grant update (body) on demo.notes to authenticated",
    "function grant": "grant execute on function demo.note_count(uuid) to authenticated",
    "trigger disabled": "alter table demo.notes disable trigger notes_touch",
    "function comment": "comment on function demo.touch() is 'Keeps created_at.'",
    "dropped column": "alter table demo.notes drop column mood",
    "not null": "alter table demo.notes alter column mood set not null",
    "dropped index": "drop index demo.idx_notes_owner",
}
EXPECTED = {
    "column": ("column", "demo.notes.title", "only in database"),
    "column default": ("column", "demo.notes.created_at", "differs"),
    "constraint": ("constraint", "demo.notes.notes_body_check", "differs"),
    "index": ("index", "demo.notes.idx_notes_created_at", "only in database"),
    "policy": ("policy", "demo.notes.notes_select_own", "differs"),
    "function": ("function", "demo.note_count(p_owner uuid)", "differs"),
    "view": ("view", "demo.note_list", "differs"),
    "trigger": ("trigger", "demo.notes.notes_touch", "only in files"),
    "grant": ("grant", "table demo.notes", "differs"),
    "rls": ("rls", "demo.notes", "differs"),
    "comment": ("comment", "column demo.notes.body", "differs"),
    "table": ("table", "demo.tags", "only in database"),
    "type": ("type", "demo.mood", "differs"),
    "new function": ("function", "demo.hotfix()", "only in database"),
    "new view": ("view", "demo.short_notes", "only in database"),
    "new policy": ("policy", "demo.notes.notes_insert_own", "only in database"),
    "column grant": ("grant", "column demo.notes.body", "only in database"),
    "function grant": ("grant", "function demo.note_count(p_owner uuid)", "differs"),
    "trigger disabled": ("trigger", "demo.notes.notes_touch", "differs"),
    "function comment": ("comment", "function demo.touch()", "only in database"),
    "dropped column": ("column", "demo.notes.mood", "only in files"),
    "not null": ("column", "demo.notes.mood", "differs"),
    "dropped index": ("index", "demo.notes.idx_notes_owner", "only in files"),
}


@pytest.fixture
def demo(project, server, db_url):
    """A project with one migration, applied to db_url."""
    write(project / "migrations" / "20260101000000_demo.sql", BASE)
    migrate(db_url, project / "migrations")
    return project


def execute(url, text):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(text)


def roundtrip_is_clean(project, server, db_url, sql):
    """Apply the draft to a fresh database migrated from the files: it then reads as the target."""
    name = _create_db(server)
    try:
        files_url = server.database_url(name)
        migrate(files_url, project / "migrations")
        execute(files_url, sql)
        with psycopg.connect(files_url, autocommit=True) as a, psycopg.connect(db_url, autocommit=True) as b:
            schemas = ["demo", "public"]
            return compare_catalogs(read(a, schemas), read(b, schemas))
    finally:
        _drop_db(server, name)


def test_a_database_migrated_from_the_files_has_no_drift(demo, server, db_url):
    result = diff(db_url, demo / "migrations", shadow_url=server.admin_url)
    assert result.differences == []
    assert result.applied == ["20260101000000"]


@pytest.mark.parametrize("change", sorted(HAND_CHANGES))
def test_a_hand_made_change_is_found_and_its_draft_round_trips(demo, server, db_url, change):
    execute(db_url, HAND_CHANGES[change])
    result = diff(db_url, demo / "migrations", want_sql=True, shadow_url=server.admin_url)
    found = {(d.kind, d.name, d.change) for d in result.differences}
    assert EXPECTED[change] in found, found
    assert roundtrip_is_clean(demo, server, db_url, result.sql) == [], result.sql


def test_all_changes_at_once_round_trip(demo, server, db_url):
    # one change per object: these touch what others already changed
    together = [c for c in HAND_CHANGES if c not in ("dropped column", "not null", "trigger disabled")]
    for change in together:
        execute(db_url, HAND_CHANGES[change])
    result = diff(db_url, demo / "migrations", want_sql=True, shadow_url=server.admin_url)
    assert {EXPECTED[c] for c in together} <= {(d.kind, d.name, d.change) for d in result.differences}
    assert roundtrip_is_clean(demo, server, db_url, result.sql) == [], result.sql


def test_only_versions_the_ledger_lists_are_compared(demo, server, db_url):
    write(demo / "migrations" / "20260102000000_demo_more.sql", "create table demo.pending (id int);\n")
    assert diff(db_url, demo / "migrations", shadow_url=server.admin_url).differences == []


def test_cli_exit_codes_json_and_ignore_config(demo, server, db_url):
    clean = run_cli(demo, "diff", "--database-url", db_url, "--shadow-url", server.admin_url)
    assert clean.returncode == 0, clean.stderr
    assert "0 difference(s)" in clean.stdout
    execute(db_url, HAND_CHANGES["policy"])
    drift = run_cli(demo, "diff", "--database-url", db_url, "--shadow-url", server.admin_url, "--json")
    assert drift.returncode == 1, drift.stderr
    out = json.loads(drift.stdout)
    assert out["drift"] is True
    policy = next(d for d in out["differences"] if d["kind"] == "policy")
    assert policy["object"] == "demo.notes.notes_select_own" and policy["change"] == "differs"
    assert "body = 'public'" in policy["database"] and "body = 'public'" not in policy["files"]
    text = run_cli(demo, "diff", "--database-url", db_url, "--shadow-url", server.admin_url)
    assert "policy demo.notes.notes_select_own: differs" in text.stdout
    assert "  files:" in text.stdout and "  database:" in text.stdout
    draft = run_cli(demo, "diff", "--database-url", db_url, "--shadow-url", server.admin_url, "--sql", "-")
    assert "create policy notes_select_own on demo.notes" in draft.stdout
    write(demo / "pyproject.toml", '[tool.schema-tool]\ndiff-ignore = ["demo.notes.notes_select_*"]\n')
    ignored = run_cli(demo, "diff", "--database-url", db_url, "--shadow-url", server.admin_url)
    assert ignored.returncode == 0, ignored.stdout
    write(demo / "pyproject.toml", '[tool.schema-tool]\ndiff-ignore = ["demo"]\n')
    assert run_cli(demo, "diff", "--database-url", db_url, "--shadow-url", server.admin_url).returncode == 0


def test_platform_schemas_are_not_compared(demo, server, db_url):
    execute(db_url, "create table auth.extra (id int); create schema supabase_functions")
    assert diff(db_url, demo / "migrations", shadow_url=server.admin_url).differences == []
