"""schema-tool docs: the reference generated from the migrated database."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schema_tool import docs as docs_lib
from schema_tool.catalog import Column, Constraint, Policy, Table
from schema_tool.cli import cli

from conftest import run_cli, write

CONFIG = """[api]
enabled = true
schemas = ["public", "graphql_public", "demo"]
"""

MIGRATION = """create schema demo;
comment on schema demo is 'Demo module: authors and their notes.';

create schema demo_private;

create type demo.mood as enum ('happy', 'sad', 'curious');
comment on type demo.mood is 'How the author felt.';

create table demo.authors (
    id uuid primary key references auth.users (id) on delete cascade,
    name text not null,
    constraint authors_name_check check (length(name) between 1 and 80)
);
comment on table demo.authors is 'People who write notes.';
comment on column demo.authors.name is 'Display name.';

create table demo.notes (
    id bigint generated always as identity primary key,
    author_id uuid not null references demo.authors (id) on delete cascade,
    body text not null default '',
    mood demo.mood,
    created_at timestamptz not null default now(),
    unique (author_id, body)
);
comment on table demo.notes is 'Notes, private to their author.';
comment on column demo.notes.author_id is 'Who wrote it.';
comment on constraint notes_author_id_fkey on demo.notes is 'Cascade: a note is its author''s.';
create index idx_notes_author_id on demo.notes (author_id);

alter table demo.authors enable row level security;
alter table demo.notes enable row level security;
create policy "notes: author can select" on demo.notes
    for select to authenticated using (author_id = (select auth.uid()));
create policy "notes: author can insert" on demo.notes
    for insert to authenticated with check (author_id = (select auth.uid()));
grant select, insert on demo.notes to authenticated;
grant update (body, mood) on demo.notes to authenticated;

create function demo_private.touch() returns trigger language plpgsql set search_path = '' as $$
begin
    return new;
end $$;
create trigger touch_note before update on demo.notes for each row execute function demo_private.touch();

create view demo.note_counts with (security_invoker = true) as
    select author_id, count(*) as notes from demo.notes group by author_id;
comment on view demo.note_counts is 'Notes per author.';

create function demo.note_count(p_author uuid) returns bigint
    language sql stable security definer set search_path = ''
    as $$ select count(*) from demo.notes where author_id = p_author $$;
comment on function demo.note_count(uuid) is 'How many notes an author wrote.';
revoke execute on function demo.note_count(uuid) from public, anon;
grant execute on function demo.note_count(uuid) to authenticated;
"""

MIGRATION_NAME = "20260101000000_demo_notes.sql"


def run_docs(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`schema-tool docs ...` through the real command line (registered by the CLI's group)."""
    if "docs" in cli.commands or "docs" in getattr(cli, "lazy", {}):
        return run_cli(cwd, "docs", *args, env=env)
    # Until the command is registered in schema_tool/cli.py: the same group and error handling.
    code = ("import sys; from schema_tool.cli import cli, main; from schema_tool.docs import docs;"
            " cli.add_command(docs); sys.argv[0] = 'schema-tool'; main()")
    return subprocess.run(
        [sys.executable, "-c", code, "docs", *args],
        cwd=cwd, capture_output=True, text=True, timeout=180, env={**os.environ, **(env or {})},
    )


def make_demo_project(root: Path) -> Path:
    (root / "sql").mkdir(parents=True)
    (root / "migrations").mkdir()
    write(root / "supabase" / "config.toml", CONFIG)
    write(root / "migrations" / MIGRATION_NAME, MIGRATION)
    return root


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A demo project whose docs/ was generated once by `schema-tool docs`."""
    if not shutil.which("dot"):
        pytest.skip("Graphviz's dot is not installed: these tests draw the SVG diagrams (make docs installs it)")
    root = make_demo_project(tmp_path_factory.mktemp("docs-project"))
    result = run_docs(root)
    assert result.returncode == 0, result.stderr
    return root, result


@pytest.fixture
def fresh_copy(generated, tmp_path):
    root, _ = generated
    copy = tmp_path / "project"
    shutil.copytree(root, copy)
    return copy


def section(text: str, heading: str) -> str:
    """The text under a markdown heading, up to the next heading of the same or a higher level."""
    level = len(heading.split(" ", 1)[0])
    rest = text[text.index(heading + "\n") + len(heading) + 1:]
    match = re.search(r"^#{1,%d} " % level, rest, re.MULTILINE)
    return rest[: match.start()] if match else rest


def test_docs_writes_index_module_page_mermaid_and_svg(generated):
    root, result = generated
    names = sorted(p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*") if p.is_file())
    assert names == ["demo.md", "demo.mmd", "demo.svg", "index.md", "schema/demo.sql"]
    assert "wrote docs/demo.md" in result.stdout and "5 written" in result.stdout


def test_the_current_schema_of_a_module_is_one_normalised_dump(generated, fresh_copy):
    root, _ = generated
    dump = (root / "docs" / "schema" / "demo.sql").read_text()
    assert dump.startswith(docs_lib.SQL_HEADER)
    assert "CREATE TABLE demo.notes (" in dump and "CREATE FUNCTION demo_private.touch()" in dump
    assert 'CREATE POLICY "notes: author can select" ON demo.notes' in dump
    assert "GRANT SELECT,INSERT ON TABLE demo.notes TO authenticated;" in dump
    assert "Dumped by" not in dump and "\\restrict" not in dump and "auth.users (" not in dump
    # a hand edit is stale, and --check names it
    path = fresh_copy / "docs" / "schema" / "demo.sql"
    path.write_text(path.read_text().replace("CREATE TABLE demo.notes", "CREATE TABLE demo.notez"))
    result = run_docs(fresh_copy, "--check")
    assert result.returncode == 1 and "docs/schema/demo.sql: stale" in result.stderr


def test_index_lists_exposed_modules_with_their_schema_comment(generated):
    root, _ = generated
    index = (root / "docs" / "index.md").read_text()
    assert "## [demo](demo.md)" in index
    assert "Demo module: authors and their notes." in index
    assert "| [`demo`](demo.md) | 2 | 1 | 2 | [SVG](demo.svg) |" in index
    assert "public" not in index.split("# Schema reference", 1)[1].split("|---", 1)[1].split("##", 1)[0]
    assert f"1 migrations applied" in index and MIGRATION_NAME[:-4] in index


def test_module_page_describes_columns_keys_and_foreign_keys(generated):
    root, _ = generated
    page = (root / "docs" / "demo.md").read_text()
    notes = section(page, "### `notes`")
    assert "Notes, private to their author." in notes
    assert "| `id` (PK) | `bigint` | not null | `generated always as identity` |  |" in notes
    assert "| `author_id` (FK) | `uuid` | not null |  | Who wrote it. |" in notes
    assert "| `body` | `text` | not null | `''::text` |  |" in notes
    assert "| `mood` | `mood` | null |  |  |" in notes
    assert "- primary key (`id`)" in notes
    assert "- unique (`author_id`, `body`) `notes_author_id_body_key`" in notes
    assert ("- (`author_id`) → [`authors`](#authors) (`id`), on delete cascade — `notes_author_id_fkey`"
            " — Cascade: a note is its author's.") in notes
    assert "- `idx_notes_author_id`: `btree (author_id)`" in notes
    authors = section(page, "### `authors`")
    assert "- (`id`) → `auth.users` (`id`), on delete cascade" in authors
    assert "`authors_name_check`: `CHECK (((length(name) >= 1) AND (length(name) <= 80)))`" in authors


def test_module_page_says_who_may_do_what_under_rls(generated):
    root, _ = generated
    notes = section((root / "docs" / "demo.md").read_text(), "### `notes`")
    assert ("- **notes: author can select**: `authenticated` may select rows where"
            " `author_id = (select auth.uid())`.") in notes
    assert ("- **notes: author can insert**: `authenticated` may insert rows that satisfy"
            " `author_id = (select auth.uid())`.") in notes
    # a column-level grant names its columns: what a client may write
    assert "**Grants**: `authenticated`: select, insert, update (body, mood)." in notes
    assert "anon" not in notes.split("**Grants**", 1)[1].split("\n", 1)[0]
    authors = section((root / "docs" / "demo.md").read_text(), "### `authors`")
    assert "enabled, no policies: only roles that bypass RLS" in authors
    assert "- `touch_note`: `before update, for each row executes demo_private.touch()`" in notes


def test_module_page_documents_views_functions_and_enums(generated):
    root, _ = generated
    page = (root / "docs" / "demo.md").read_text()
    view = section(page, "### `note_counts`")
    assert "Notes per author." in view and "`security_invoker`: it runs with the caller's rights" in view
    assert "| `notes` | `bigint` |  |" in view
    function = section(page, "### `note_count(p_author uuid)`")
    assert "How many notes an author wrote." in function
    assert "returns `bigint`; language sql; stable; **security definer**; `search_path=\"\"`" in function
    assert "executable by: `authenticated`\n" in function
    assert "### `demo_private.touch()`" in page
    assert "- `mood` (enum): `happy`, `sad`, `curious` — How the author felt." in page
    assert "private helpers in `demo_private` (not exposed)" in page


def test_er_diagram_is_mermaid_in_the_page_and_in_a_file(generated):
    root, _ = generated
    mmd = (root / "docs" / "demo.mmd").read_text()
    assert mmd.splitlines()[1] == "erDiagram"
    assert "    notes {\n        bigint id PK\n        uuid author_id FK, UK\n" not in mmd  # composite unique is not UK
    assert "        uuid author_id FK\n" in mmd and "        mood mood\n" in mmd
    assert '    authors ||--o{ notes : "author_id"' in mmd
    assert '    "auth.users" ||--o| authors : "id"' in mmd  # one user, at most one author
    page = (root / "docs" / "demo.md").read_text()
    assert "```mermaid\n" + mmd.rstrip() + "\n```" in page
    assert "![demo ER diagram](demo.svg)" in page


def test_er_diagram_svg_is_drawn_by_graphviz_and_names_its_source(generated):
    root, _ = generated
    svg = (root / "docs" / "demo.svg").read_text()
    assert svg.startswith("<?xml") and "<svg" in svg and "Generated by graphviz" in svg
    assert "notes" in svg and "authors" in svg and "author_id" in svg
    assert docs_lib.SVG_MARK.search(svg)


def test_check_passes_on_fresh_docs_and_the_output_is_deterministic(generated):
    root, _ = generated
    before = {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    result = run_docs(root, "--check")
    assert result.returncode == 0, result.stderr
    assert "docs/ is up to date (5 files" in result.stdout
    again = run_docs(root)  # a second full generation on a new server changes nothing
    assert again.returncode == 0 and "0 written, 5 unchanged" in again.stdout
    assert {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == before


def test_check_fails_naming_a_hand_edited_page_and_changes_nothing(fresh_copy):
    page = fresh_copy / "docs" / "demo.md"
    page.write_text(page.read_text().replace("Display name.", "Display name (edited)."))
    result = run_docs(fresh_copy, "--check")
    assert result.returncode == 1
    assert "docs/demo.md: stale" in result.stderr
    assert "index.md" not in result.stderr
    assert "(edited)" in page.read_text()
    as_json = run_docs(fresh_copy, "--check", "--json")
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert report["stale"] == ["demo.md"] and report["missing"] == [] and report["written"] == []


def test_check_fails_when_a_migration_changes_the_schema(fresh_copy):
    write(fresh_copy / "migrations" / "20260102000000_demo_note_title.sql",
          "alter table demo.notes add column title text;\n")
    result = run_docs(fresh_copy, "--check")
    assert result.returncode == 1
    for name in ("demo.md", "demo.mmd", "demo.svg", "index.md"):
        assert f"docs/{name}: stale" in result.stderr
    rewrite = run_docs(fresh_copy)
    assert rewrite.returncode == 0, rewrite.stderr
    assert "| `title` | `text` | null |" in (fresh_copy / "docs" / "demo.md").read_text()
    assert run_docs(fresh_copy, "--check").returncode == 0


def test_check_names_missing_and_leftover_files_and_needs_no_graphviz(fresh_copy):
    (fresh_copy / "docs" / "demo.svg").unlink()
    write(fresh_copy / "docs" / "old.md", docs_lib.MD_HEADER + "# a module that is gone\n")
    write(fresh_copy / "docs" / "lint-rules.md", "# written by hand or by another tool\n")
    result = run_docs(fresh_copy, "--check", env={"PATH": "/nonexistent"})
    assert result.returncode == 1, result.stderr
    assert "docs/demo.svg: missing" in result.stderr
    assert "docs/old.md: no longer generated" in result.stderr
    assert "lint-rules.md" not in result.stderr
    no_dot = run_docs(fresh_copy, env={"PATH": "/nonexistent"})
    assert no_dot.returncode == 2 and "Graphviz's dot is not installed: apt-get install graphviz" in no_dot.stderr
    assert (fresh_copy / "docs" / "old.md").exists() and not (fresh_copy / "docs" / "demo.svg").exists()
    rewrite = run_docs(fresh_copy)
    assert rewrite.returncode == 0, rewrite.stderr
    assert "removed docs/old.md" in rewrite.stdout and "wrote docs/demo.svg" in rewrite.stdout
    assert (fresh_copy / "docs" / "lint-rules.md").exists()
    assert "[Lint rules](lint-rules.md)" in (fresh_copy / "docs" / "index.md").read_text()


def test_docs_outside_a_project_is_a_usage_error(tmp_path):
    result = run_docs(tmp_path)
    assert result.returncode == 2
    assert "not a schema-tool project" in result.stderr


# ------------------------------------------------------------- without a database


def column(name: str, identity: str = "") -> Column:
    return Column(name, "bigint", "bigint", False, "b", True, None, identity, "", None)


def table(name: str, refs: tuple[str, ...] = (), migration: str = "") -> Table:
    columns = [column("id", "a")] + [column(f"{ref}_id") for ref in refs]
    constraints = [Constraint(f"{name}_pkey", "p", ("id",), "PRIMARY KEY (id)")] + [
        Constraint(f"{name}_{ref}_id_fkey", "f", (f"{ref}_id",), "", ref_schema="m", ref_table=ref,
                   ref_columns=("id",), on_delete="cascade", on_update="no action")
        for ref in refs
    ]
    return Table("m", name, "r", "postgres", None, columns=tuple(columns), constraints=tuple(constraints))


def test_large_modules_are_split_into_areas_by_the_migration_that_created_the_tables():
    tables = [table("orders", ("customers",)), table("customers"), table("items", ("orders",)),
              table("runs"), table("run_logs", ("runs",)), table("run_steps", ("runs",)),
              table("lonely_log", ("runs",))]
    module = docs_lib.Module("m", None, [], tables, [], [], [])
    created = {("m", n): "20260101000000_m_commerce_tables" for n in ("orders", "customers", "items")}
    created |= {("m", n): "20260102000000_m_runs" for n in ("runs", "run_logs", "run_steps")}
    created[("m", "lonely_log")] = "20260103000000_m_logging"
    module.areas = docs_lib.find_areas(module, created)
    # the one-table area joins the area it is linked to
    assert [(a.slug, a.title, a.tables) for a in module.areas] == [
        ("m-commerce", "Commerce", ["customers", "items", "orders"]),
        ("m-runs", "Runs", ["lonely_log", "run_logs", "run_steps", "runs"]),
    ]
    diagrams = docs_lib.module_diagrams(module)
    assert [d.slug for d in diagrams] == ["m", "m-commerce", "m-runs"]
    assert "cluster_m-commerce" in diagrams[0].dot
    assert "runs" not in diagrams[1].dot and '"orders":"customers_id.out":e -> "customers":"id.in":w' in diagrams[1].dot


def test_a_table_most_others_reference_is_named_on_the_column_not_drawn():
    hub_refs = [table(f"t{i}", ("profiles",)) for i in range(docs_lib.HUB_MIN_REFERENCES)]
    module = docs_lib.Module("m", None, [], [table("profiles"), *hub_refs], [], [], [])
    module.hubs = docs_lib.find_hubs(module)
    assert module.hubs == {"profiles": docs_lib.HUB_MIN_REFERENCES}
    module.areas = docs_lib.find_areas(module, {})
    [diagram] = docs_lib.module_diagrams(module)
    assert "-> " not in diagram.dot and "→ profiles" in diagram.dot
    assert '"→ profiles"' in diagram.mermaid and "||--o{" not in diagram.mermaid


@pytest.mark.parametrize(
    "policy, words",
    [
        (Policy("p", "select", ("public",), True, "true", None), "everyone (public) may select rows where `true`."),
        (Policy("p", "select", ("anon", "authenticated"), True, None, None),
         "`anon` and `authenticated` may select all rows."),
        (Policy("p", "update", ("authenticated",), True, "(owner = ( SELECT auth.uid() AS uid))",
                "(owner = ( SELECT auth.uid() AS uid))"),
         "`authenticated` may update rows where `owner = (select auth.uid())` (and the updated row must still satisfy it)."),
        (Policy("p", "all", ("authenticated",), True, "(a = 1)", "(b = 2)"),
         "`authenticated` may select, insert, update and delete rows where `a = 1`; new and updated rows must satisfy `b = 2`."),
        (Policy("p", "delete", ("authenticated",), False, "(tenant_id = 1)", None),
         "(restrictive, narrows what the permissive policies allow): `authenticated` may only delete rows where `tenant_id = 1`."),
    ],
)
def test_policies_read_as_who_may_do_what(policy, words):
    assert docs_lib.policy_words(policy).endswith(words)


@pytest.mark.parametrize(
    "pg_type, mermaid",
    [("timestamp with time zone", "timestamptz"), ("numeric(12,2)", "numeric"), ("character varying(80)", "varchar(80)"),
     ("text[]", "text[]"), ("extensions.vector(1536)", "vector(1536)"), ('"Odd type"', "_Odd_type_")],
)
def test_mermaid_types_are_valid_mermaid_words(pg_type, mermaid):
    assert docs_lib.mermaid_type(pg_type) == mermaid
