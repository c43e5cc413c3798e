"""Layer 3 (migration safety, pglast): each rule has a fixture migration that
triggers it and one that does not. Every fixture runs as migration 2, after
base.sql (migration 1) created the tables that "existed before"."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema_tool.lint import safety
from schema_tool.lint.findings import RULES
from schema_tool.lint.sqltext import is_transactional

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint" / "safety"
SAFETY_RULES = sorted(r.id for r in RULES.values() if r.layer == "safety")


def source(version: str, name: str, sql: str) -> safety.Source:
    return safety.Source(version, Path(name), f"migrations/{version}_{name}", sql, is_transactional(sql))


def run(sql: str, base: bool = True) -> list:
    sources = [source("2", "case.sql", sql)]
    if base:
        sources.insert(0, source("1", "base.sql", (FIXTURES / "base.sql").read_text()))
    return safety.check(sources)


def test_every_safety_rule_has_both_fixtures():
    for rule_id in SAFETY_RULES:
        for kind in ("bad", "good"):
            assert (FIXTURES / f"{rule_id}.{kind}.sql").exists(), f"missing {rule_id}.{kind}.sql"


@pytest.mark.parametrize("rule_id", SAFETY_RULES)
def test_rule_triggers_on_bad_fixture(rule_id):
    findings = run((FIXTURES / f"{rule_id}.bad.sql").read_text())
    hits = [f for f in findings if f.rule == rule_id]
    assert hits, findings
    assert all(f.file == "migrations/2_case.sql" and f.line >= 1 and f.fix for f in hits)


@pytest.mark.parametrize("rule_id", SAFETY_RULES)
def test_rule_silent_on_good_fixture(rule_id):
    findings = run((FIXTURES / f"{rule_id}.good.sql").read_text())
    assert not [f for f in findings if f.rule == rule_id], findings


def test_base_migration_itself_is_clean():
    assert safety.check([source("1", "base.sql", (FIXTURES / "base.sql").read_text())]) == []


def test_table_not_created_by_any_migration_existed_before():
    (finding,) = run("create index idx_users_email on auth.users (email);", base=False)
    assert finding.rule == "index-not-concurrent"


def test_table_created_by_a_later_migration_is_not_existing():
    sources = [
        source("1", "early.sql", "create index idx_n_a on app.n (a);"),
        source("2", "late.sql", "create table app.n (id bigint primary key, a integer);"),
    ]
    assert safety.check(sources) == []


def test_renamed_new_table_stays_new_and_renamed_old_table_stays_old():
    sources = [
        source("1", "a.sql", (FIXTURES / "base.sql").read_text()),
        source("2", "b.sql", "-- schema-tool: allow rename-table fixture\nalter table app.t rename to u;"),
        source("3", "c.sql", "create index idx_u_a on app.u (a);"),
    ]
    assert [f.rule for f in safety.check(sources)] == ["rename-table", "index-not-concurrent"]


def test_finding_line_is_the_statement_line_not_the_comment_above():
    sql = "-- a comment\n\n-- another\nalter table app.t drop column b;\n"
    (finding,) = run(sql)
    assert finding.line == 4


def test_enum_value_used_in_same_transaction_is_an_error():
    findings = run("alter type app.mood add value 'meh';\nselect 'meh'::app.mood;\n")
    (finding,) = [f for f in findings if f.rule == "enum-add-value"]
    assert finding.level == "error" and "55P04" in finding.message


def test_enum_value_placed_before_another_is_a_warning():
    (finding,) = run((FIXTURES / "enum-add-value.bad.sql").read_text())
    assert finding.level == "warning"


def test_enum_created_in_same_migration_is_exempt():
    sql = "create type app.e as enum ('a');\nalter type app.e add value 'b' before 'a';\nselect 'b'::app.e;\n"
    assert run(sql) == []


def test_serial_and_identity_columns_added_to_existing_table_are_flagged():
    findings = run("alter table app.t add column n bigserial, add column m bigint generated always as identity;")
    assert [f.rule for f in findings] == ["volatile-default", "volatile-default"]


def test_unparsable_migration_is_a_parse_error_with_line():
    (finding,) = safety.check([source("1", "x.sql", "select 1;\ncreate tabel app.x ();\n")])
    assert finding.rule == "parse-error" and finding.line == 2


def test_only_files_limits_reports_but_tables_are_still_tracked():
    sources = [
        source("1", "base.sql", (FIXTURES / "base.sql").read_text()),
        source("2", "case.sql", "drop table app.t;"),
    ]
    assert safety.check(sources, only_files={"migrations/1_base.sql"}) == []
    assert [f.rule for f in safety.check(sources, only_files={"migrations/2_case.sql"})] == ["drop-table"]


def test_non_ascii_text_keeps_lines_right():
    (finding,) = run("select 'é' as x;\n\ndrop table app.t;\n")
    assert finding.line == 3
