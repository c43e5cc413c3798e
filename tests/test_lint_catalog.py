"""Layer 2 (catalog advisories) against a real Postgres: every rule has a
fixture that triggers it and one that does not. One throwaway server for the
module; each fixture runs in a transaction that is rolled back."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from schema_tool.engines import throwaway
from schema_tool.lint import catalog, rules
from schema_tool.lint.findings import RULES, Finding
from schema_tool.lint.rules.catalog.sensitive_column import sensitive
from schema_tool.supabase import install_baseline

EXPOSED = ["public", "app", "pgmq_public"]
FIXTURE_RULES = sorted(r.id for r in rules.of_layer("catalog") if r.id != "migration-fails")
SETUP = """
create schema app;
grant usage on schema app to anon, authenticated, service_role;
create schema app_private;
revoke all on schema app_private from public;
"""


@pytest.fixture(scope="module")
def server():
    with throwaway("embedded") as srv:
        with psycopg.connect(srv.url, autocommit=True) as conn:
            with conn.transaction():
                install_baseline(conn)
        yield srv


@pytest.fixture
def conn(server):
    with psycopg.connect(server.url) as connection:
        yield connection
        connection.rollback()


@pytest.fixture
def admin_conn(server):
    with psycopg.connect(server.admin_url) as connection:
        yield connection
        connection.rollback()


# Fixtures that need what only a superuser may do here (a foreign-data wrapper:
# on Supabase the wrappers/postgres_fdw extensions, which supautils lets postgres create).
AS_SUPERUSER = {"foreign-table-exposed"}


def conn_for(request, rule_id: str):
    return request.getfixturevalue("admin_conn" if rule_id in AS_SUPERUSER else "conn")


def inspect(conn, sql: str) -> list:
    conn.execute(SETUP)
    conn.execute(sql)
    # the fixtures play a project with anonymous sign-ins on (anonymous-sign-ins)
    return catalog.inspect_conn(conn, EXPOSED, anonymous_sign_ins=True)


def fixture(rule_id: str, kind: str) -> Path:
    return rules.fixture(RULES[rule_id], kind)


def test_every_catalog_rule_has_both_fixtures_next_to_its_module():
    for rule_id in FIXTURE_RULES:
        for kind in ("bad", "good"):
            assert fixture(rule_id, kind).exists(), f"missing {fixture(rule_id, kind)}"


@pytest.mark.parametrize("rule_id", FIXTURE_RULES)
def test_rule_triggers_on_bad_fixture(request, rule_id):
    findings = inspect(conn_for(request, rule_id), fixture(rule_id, "bad").read_text())
    hits = [f for f in findings if f.rule == rule_id]
    assert hits, [(f.rule, f.object) for f in findings]
    assert all(f.object and f.message and f.fix and f.level == RULES[rule_id].level for f in hits)


@pytest.mark.parametrize("rule_id", FIXTURE_RULES)
def test_rule_silent_on_good_fixture(request, rule_id):
    findings = inspect(conn_for(request, rule_id), fixture(rule_id, "good").read_text())
    assert not [f for f in findings if f.rule == rule_id], [(f.rule, f.object) for f in findings]


def test_baseline_alone_has_no_findings(conn):
    assert inspect(conn, "select 1") == []


def test_per_row_auth_names_the_policy(conn):
    findings = inspect(conn, fixture("policy-per-row-auth", "bad").read_text())
    (finding,) = [f for f in findings if f.rule == "policy-per-row-auth"]
    assert finding.object == 'app.notes policy "notes: owner can select"'


def test_unindexed_fk_reports_each_uncovered_key(conn):
    findings = inspect(conn, fixture("fk-unindexed", "bad").read_text())
    objects = sorted(f.object for f in findings if f.rule == "fk-unindexed")
    assert objects == ["app.notes.notes_tenant_author_fkey", "app.notes.notes_user_id_fkey"]


def test_multiple_permissive_expands_public_and_all(conn):
    findings = inspect(conn, fixture("policy-multiple-permissive", "bad").read_text())
    objects = [f.object for f in findings if f.rule == "policy-multiple-permissive"]
    assert objects == ["app.notes (authenticated, select)"]


def test_sensitive_columns_are_matched_by_name_pattern():
    assert sensitive("password_hash") and sensitive("api_key") and sensitive("reset_token")
    assert not sensitive("tokens_used") and not sensitive("token_count")


def test_exposed_schemas_decide_rls_disabled(conn):
    findings = inspect(conn, "create table app_private.jobs (id bigint primary key);")
    assert not [f for f in findings if f.rule == "rls-disabled"]


def test_catalog_finding_is_located_at_the_creating_statement_and_accepted_by_allow():
    migrations = [
        ("migrations/1_a.sql", "create table app.notes (id bigint primary key);\n"),
        (
            "migrations/2_b.sql",
            "grant select on app.notes to anon;\n"
            "-- schema-tool: allow rls-disabled public reference data, read-only for everyone\n"
            "comment on table app.notes is 'x';\n",
        ),
    ]
    finding = Finding("rls-disabled", "m", "f", object="app.notes", match=(("app.notes",),))
    other = Finding("table-no-primary-key", "m", "f", object="app.notes", match=(("app.notes",),))
    catalog.locate_and_accept([finding, other], migrations)
    assert (finding.file, finding.line) == ("migrations/1_a.sql", 1)
    assert finding.accepted and finding.reason == "public reference data, read-only for everyone"
    assert not other.accepted


def test_allow_comment_must_sit_above_a_statement_naming_the_object():
    migrations = [
        ("migrations/1_a.sql",
         "-- schema-tool: allow rls-disabled wrong object\ncreate table app.other (id int);\n"
         "create table app.notes (id bigint primary key);\n"),
    ]
    finding = Finding("rls-disabled", "m", "f", object="app.notes", match=(("app.notes",),))
    catalog.locate_and_accept([finding], migrations)
    assert not finding.accepted and finding.line == 3


def test_failing_migration_is_a_finding_and_earlier_ones_are_inspected(tmp_path):
    (tmp_path / "20260101000000_a.sql").write_text(
        "create schema app;\ncreate table app.notes (id bigint primary key);\n"
    )
    (tmp_path / "20260101000100_b.sql").write_text("select 1;\nselect nope from app.notes;\n")
    findings = catalog.run(tmp_path, ["app"])
    (failure,) = [f for f in findings if f.rule == "migration-fails"]
    assert failure.file.endswith("20260101000100_b.sql") and failure.line == 2
    assert "rls-disabled" in {f.rule for f in findings}


def test_clean_migrations_have_no_migration_failure(tmp_path):
    (tmp_path / "20260101000000_a.sql").write_text("create schema app;\n")
    assert [f for f in catalog.run(tmp_path, ["app"]) if f.rule == "migration-fails"] == []


def test_partitions_follow_their_parent_unless_granted_directly(conn):
    findings = inspect(conn, """
        create table app.logs (id bigint, at date, primary key (id, at)) partition by range (at);
        alter table app.logs enable row level security;
        create policy "logs: authenticated can select" on app.logs for select to authenticated using (true);
        create table app.logs_2026 partition of app.logs for values from ('2026-01-01') to ('2027-01-01');
        alter table app.logs_2026 enable row level security;
        create table app.logs_2027 partition of app.logs for values from ('2027-01-01') to ('2028-01-01');
    """)
    assert not [f for f in findings if f.rule in ("rls-no-policy", "rls-disabled")]
    conn.execute("grant select on app.logs_2027 to anon")
    findings = catalog.inspect_conn(conn, EXPOSED, anonymous_sign_ins=True)
    assert [f.object for f in findings if f.rule == "rls-disabled"] == ["app.logs_2027"]
