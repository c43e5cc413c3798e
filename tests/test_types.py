"""schema-tool types: the committed client types match the migrations, compile
against supabase-js, and reject wrong column names and wrong types."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from schema_tool.types import OUTPUTS, read_exposed, render_all

REPO = Path(__file__).resolve().parent.parent
TS_FILE = REPO / "supabase" / "types" / "database.types.ts"
PY_FILE = REPO / "supabase" / "types" / "database_types.py"
NODE_PACKAGES = ["typescript@5", "@supabase/supabase-js@2"]


@pytest.fixture(scope="module")
def generated(server, migrated_template) -> dict[str, str]:
    with psycopg.connect(server.database_url(migrated_template), autocommit=True) as conn:
        catalog, schemas = read_exposed(conn, REPO)
    return render_all(catalog, schemas)


def test_committed_type_files_are_what_the_migrations_give(generated):
    for relative, text in generated.items():
        assert (REPO / relative).read_text() == text, f"{relative} is stale: run schema-tool types"


def test_typescript_has_the_supabase_js_shape(generated):
    ts = generated["supabase/types/database.types.ts"]
    assert "export type Database = {" in ts
    for section in ("Tables:", "Views:", "Functions:", "Enums:", "CompositeTypes:", "Relationships:"):
        assert section in ts
    assert 'enrollment_status: "active" | "completed" | "paused" | "dropped"' in ts
    industries = ts.split("      industries: {", 1)[1].split("Relationships:", 1)[0]
    insert = industries.split("Insert: {", 1)[1].split("}", 1)[0]
    assert "id?: never" in insert  # generated always as identity: never written by a client
    assert "industry_id: string" in insert  # not null, no default: required
    assert "icon?: string | null" in insert  # nullable: optional


def test_python_types_mark_required_insert_columns(generated, tmp_path):
    path = tmp_path / "database_types.py"
    path.write_text(generated["supabase/types/database_types.py"])
    spec = importlib.util.spec_from_file_location("database_types", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    insert = module.LearningCoursesInsert
    assert "title" in insert.__required_keys__  # not null, no default
    assert "id" in insert.__optional_keys__ and "description" in insert.__optional_keys__
    assert module.LearningCoursesUpdate.__required_keys__ == frozenset()
    assert "title" in module.LearningCoursesRow.__required_keys__


@pytest.fixture(scope="module")
def node_project(tmp_path_factory) -> Path:
    """typescript and supabase-js from npm, installed once in a cache folder."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the TypeScript compile test needs node and npm")
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "schema-tool" / "types-node"
    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / "node_modules" / ".bin" / "tsc").exists():
        (cache / "package.json").write_text('{"name": "schema-tool-types-check", "private": true}\n')
        subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", *NODE_PACKAGES],
                       cwd=cache, check=True, capture_output=True, text=True)
    work = tmp_path_factory.mktemp("ts")
    (work / "node_modules").symlink_to(cache / "node_modules")
    shutil.copy(TS_FILE, work / "database.types.ts")
    (work / "tsconfig.json").write_text(
        '{"compilerOptions": {"strict": true, "noEmit": true, "module": "nodenext",'
        ' "moduleResolution": "nodenext", "target": "es2022", "skipLibCheck": true}, "files": ["app.ts"]}\n'
    )
    return work


def compile_ts(work: Path, body: str) -> subprocess.CompletedProcess:
    (work / "app.ts").write_text(
        'import { createClient } from "@supabase/supabase-js"\n'
        'import type { Database, Tables, TablesInsert } from "./database.types"\n'
        'const client = createClient<Database>("http://localhost:54321", "anon-key")\n'
        'const learning = client.schema("learning")\n'
        f"export async function app(): Promise<unknown> {{\n{body}\n}}\n"
    )
    return subprocess.run([str(work / "node_modules" / ".bin" / "tsc"), "-p", str(work)],
                          capture_output=True, text=True)


def test_a_supabase_js_program_compiles_against_the_types(node_project):
    result = compile_ts(node_project, """
  const { data } = await learning.from("courses").select("id, title, difficulty_level").eq("is_published", true)
  const titles: string[] = (data ?? []).map((c) => c.title)
  const level: Database["learning"]["Enums"]["difficulty_level"] | undefined = data?.[0]?.difficulty_level
  const course: TablesInsert<"learning", "courses"> = { title: "Intro" }
  await learning.from("courses").insert(course)
  const { data: roster } = await learning.rpc("course_learners", { p_course_id: "00000000-0000-0000-0000-000000000000" })
  const row: Tables<"learning", "courses"> | undefined = undefined
  return [titles, level, roster?.[0]?.status, row]
""")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("body, error", [
    ('return learning.from("courses").insert({ title: 123 })', "not assignable to type 'string'"),
    ('return learning.from("courses").update({ no_such_column: 1 })', "no_such_column"),
    ('return learning.from("no_such_table").select("*")', "No overload matches this call"),
    ('const { data } = await learning.from("courses").select("id"); return data![0].title', "Property 'title' does not exist"),
    ('const { data } = await learning.from("courses").select("title"); const n: number = data![0].title; return n',
     "not assignable to type 'number'"),
    ('return learning.rpc("course_learners", { p_course_id: 5 })', "not assignable to type 'string'"),
    ('const c: TablesInsert<"learning", "courses"> = { description: "no title" }; return c', "title"),
], ids=["wrong-type", "wrong-column", "wrong-table", "unselected-column", "wrong-result-type", "wrong-arg-type",
        "missing-required"])
def test_wrong_usage_fails_to_compile(node_project, body, error):
    result = compile_ts(node_project, body)
    assert result.returncode != 0, f"compiled although it should not:\n{body}"
    assert error in result.stdout, result.stdout


def test_types_check_names_a_stale_file(tmp_path, monkeypatch, generated):
    for relative in OUTPUTS:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
    assert set(OUTPUTS) == set(generated)
    result = subprocess.run(
        [sys.executable, "-m", "schema_tool", "types", "--check"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 2 and "migrations" in result.stderr and "Traceback" not in result.stderr
