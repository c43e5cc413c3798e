"""schema_tool.catalog: one typed reader of pg_catalog, against the migrated repo database."""

from __future__ import annotations

import psycopg
import pytest

from schema_tool.catalog import (
    COMMANDS, Catalog, Grant, is_platform_schema, project_schemas, read_catalog,
)


@pytest.fixture(scope="module")
def catalog(server, migrated_template) -> Catalog:
    with psycopg.connect(server.database_url(migrated_template), autocommit=True) as conn:
        return read_catalog(conn)


@pytest.fixture(scope="module")
def learning(server, migrated_template) -> Catalog:
    with psycopg.connect(server.database_url(migrated_template), autocommit=True) as conn:
        return read_catalog(conn, ["learning", "learning_private"], search_path="learning")


def test_default_schemas_are_the_projects_not_the_platforms(server, migrated_template):
    with psycopg.connect(server.database_url(migrated_template), autocommit=True) as conn:
        names = project_schemas(conn)
    for module in ("learning", "learning_private", "playground", "aiml", "classroom", "simulation"):
        assert module in names
    for platform in ("auth", "extensions", "pg_catalog", "information_schema", "supabase_migrations", "tests"):
        assert platform not in names
    assert is_platform_schema("pg_toast") and is_platform_schema("graphql_public")


def test_tables_carry_rls_comments_columns_and_constraints(learning):
    courses = learning.table("learning", "courses")
    assert courses.kind == "r" and courses.rls and courses.comment.startswith("Courses.")
    tags = courses.column("tags")
    assert tags.type == "text[]" and tags.is_array and tags.element_type == "text"
    assert tags.not_null and tags.default == "'{}'::text[]"
    level = courses.column("difficulty_level")
    assert level.is_enum and level.element_type == "learning.difficulty_level" and level.type == "difficulty_level"
    assert courses.column("created_by").not_null is False
    assert courses.primary_key.columns == ("id",)
    fk = next(c for c in courses.constraints if c.name == "courses_created_by_fkey")
    assert (fk.kind, fk.ref_schema, fk.ref_table, fk.ref_columns, fk.on_delete) == (
        "f", "learning", "profiles", ("id",), "set null")
    assert {c.name for c in courses.constraints_of("c")} >= {"courses_title_check", "courses_tags_check"}
    gin = next(i for i in courses.indexes if i.name == "idx_courses_tags")
    assert gin.method_and_keys == "gin (tags)" and not gin.unique


def test_policies_use_the_one_command_map(learning):
    courses = learning.table("learning", "courses")
    policy = next(p for p in courses.policies if p.name == "courses: anon can read published")
    assert policy.command == "select" and policy.roles == ("anon",) and policy.permissive
    assert "is_published" in policy.using and policy.check is None
    assert set(COMMANDS.values()) == {"select", "insert", "update", "delete", "all"}


def test_grants_come_from_the_acl(learning):
    courses = learning.table("learning", "courses")
    assert Grant("anon", "select") in courses.grants
    assert not any(g.role == "anon" and g.privilege == "delete" for g in courses.grants)


def test_functions_have_signature_security_config_body_and_grants(learning):
    fn = next(f for f in learning.functions if f.key[:2] == ("learning_private", "handle_new_user"))
    assert fn.security_definer and fn.language == "plpgsql" and fn.returns == "trigger"
    assert fn.search_path == '""' and "insert" in fn.body.lower()
    assert not fn.executable_by("anon") and not fn.executable_by("authenticated")
    local_date = next(f for f in learning.functions if f.name == "local_date")
    assert local_date.arguments and all(a.mode == "in" for a in local_date.arguments)


def test_views_matviews_triggers_and_types(catalog):
    views = catalog.relations("v")
    assert views and all(v.definition for v in views)
    assert any(v.security_invoker for v in views)
    assert any(t.triggers for t in catalog.relations("r"))
    enum = next(t for t in catalog.types if t.key == ("learning", "difficulty_level"))
    assert enum.kind == "e" and enum.labels == ("Beginner", "Intermediate", "Advanced")


def test_partitions_hang_on_their_parent_only(catalog):
    parents = catalog.relations("p")
    assert parents and all(p.partition_key for p in parents)
    names = {t.name for t in catalog.tables}
    assert not any(part.name in names for p in parents for part in p.partitions)


def test_two_reads_compare_equal_and_key_by_identity(server, migrated_db_url, catalog):
    with psycopg.connect(migrated_db_url, autocommit=True) as conn:
        again = read_catalog(conn)
        assert again == catalog and hash(again.tables[0]) == hash(catalog.tables[0])
        conn.execute("comment on table learning.courses is 'changed'")
        conn.execute("create materialized view learning.course_titles as select id, title from learning.courses")
        conn.execute("create type learning.pair as (a int, b text[])")
        changed = read_catalog(conn)
    matview = changed.table("learning", "course_titles")
    assert matview.kind == "m" and matview.is_view and "FROM courses" in matview.definition.replace("learning.", "")
    pair = next(t for t in changed.types if t.key == ("learning", "pair"))
    assert pair.kind == "c" and pair.attributes == (("a", "integer"), ("b", "text[]"))
    before, after = catalog.by_key(), changed.by_key()
    assert set(after) - set(before) == {("view", "learning", "course_titles"), ("type", "learning", "pair")}
    differs = [k for k in before if before[k] != after[k]]
    assert differs == [("table", "learning", "courses")]
