"""Layer 3 (migration safety, pglast): each rule has a fixture migration that
triggers it and one that does not. Every fixture runs as migration 2, after
base.sql (migration 1) created the tables that "existed before"."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema_tool.lint import rules, safety
from schema_tool.sqltext import is_transactional

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint" / "safety"
SAFETY_RULES = sorted(r.id for r in rules.of_layer("safety"))
# Fixture migrations are newer than the release cut-off, as new work is.
V1, V2, V3 = "20990101000001", "20990101000002", "20990101000003"


def source(version: str, name: str, sql: str) -> safety.Source:
    version = {"1": V1, "2": V2, "3": V3}.get(version, version)
    return safety.Source(version, Path(name), f"migrations/{version}_{name}", sql, is_transactional(sql))


def check(sources, **kw) -> list:
    """Findings, less timeout-missing (which every lock-taking fixture also triggers)."""
    return [f for f in safety.check(sources, **kw) if f.rule != "timeout-missing"]


def run(sql: str, base: bool = True, timeouts: bool = False) -> list:
    sources = [source("2", "case.sql", sql)]
    if base:
        sources.insert(0, source("1", "base.sql", (FIXTURES / "base.sql").read_text()))
    return safety.check(sources) if timeouts else check(sources)


def fixture(rule_id: str, kind: str) -> Path:
    return rules.fixture(rules.RULES[rule_id], kind)


def test_every_safety_rule_has_both_fixtures_next_to_its_module():
    for rule_id in SAFETY_RULES:
        for kind in ("bad", "good"):
            assert fixture(rule_id, kind).exists(), f"missing {fixture(rule_id, kind)}"


@pytest.mark.parametrize("rule_id", SAFETY_RULES)
def test_rule_triggers_on_bad_fixture(rule_id):
    findings = run(fixture(rule_id, "bad").read_text(), timeouts=True)
    hits = [f for f in findings if f.rule == rule_id]
    assert hits, findings
    assert all(f.file == f"migrations/{V2}_case.sql" and f.line >= 1 and f.fix for f in hits)


@pytest.mark.parametrize("rule_id", SAFETY_RULES)
def test_rule_silent_on_good_fixture(rule_id):
    findings = run(fixture(rule_id, "good").read_text(), timeouts=True)
    assert not [f for f in findings if f.rule == rule_id], findings


def test_base_migration_itself_is_clean():
    assert check([source("1", "base.sql", (FIXTURES / "base.sql").read_text())]) == []


def test_table_not_created_by_any_migration_existed_before():
    (finding,) = run("create index idx_users_email on auth.users (email);", base=False)
    assert finding.rule == "index-not-concurrent"


def test_table_created_by_a_later_migration_is_not_existing():
    sources = [
        source("1", "early.sql", "create index idx_n_a on app.n (a);"),
        source("2", "late.sql", "create table app.n (id bigint primary key, a integer);"),
    ]
    assert check(sources) == []


def test_renamed_new_table_stays_new_and_renamed_old_table_stays_old():
    sources = [
        source("1", "a.sql", (FIXTURES / "base.sql").read_text()),
        source("2", "b.sql", "-- schema-tool: allow rename-table fixture\nalter table app.t rename to u;"),
        source("3", "c.sql", "create index idx_u_a on app.u (a);"),
    ]
    assert [f.rule for f in check(sources)] == ["rename-table", "index-not-concurrent"]


def test_finding_line_is_the_statement_line_not_the_comment_above():
    sql = "-- a comment\n\n-- another\nalter table app.t drop column b;\n"
    (finding,) = run(sql)
    assert finding.line == 4


def test_enum_value_used_in_same_transaction_is_an_error():
    findings = run("alter type app.mood add value 'meh';\nselect 'meh'::app.mood;\n")
    (finding,) = [f for f in findings if f.rule == "enum-value-same-transaction"]
    assert finding.level == "error" and "55P04" in finding.message


def test_enum_value_placed_before_another_is_a_warning():
    (finding,) = run(fixture("enum-add-value", "bad").read_text())
    assert finding.level == "warning"


def test_enum_created_in_same_migration_is_exempt():
    sql = "create type app.e as enum ('a');\nalter type app.e add value 'b' before 'a';\nselect 'b'::app.e;\n"
    assert run(sql) == []


def test_serial_and_identity_columns_added_to_existing_table_are_flagged():
    findings = run("alter table app.t add column n bigserial, add column m bigint generated always as identity;")
    assert [f.rule for f in findings if f.rule != "serial-type"] == ["volatile-default", "volatile-default"]


def test_unparsable_migration_is_a_parse_error_with_line():
    (finding,) = check([source("1", "x.sql", "select 1;\ncreate tabel app.x ();\n")])
    assert finding.rule == "parse-error" and finding.line == 2


def test_only_files_limits_reports_but_tables_are_still_tracked():
    sources = [
        source("1", "base.sql", (FIXTURES / "base.sql").read_text()),
        source("2", "case.sql", "drop table app.t;"),
    ]
    assert check(sources, only_files={f"migrations/{V1}_base.sql"}) == []
    assert [f.rule for f in check(sources, only_files={f"migrations/{V2}_case.sql"})] == ["drop-table"]


def test_non_ascii_text_keeps_lines_right():
    (finding,) = run("select 'é' as x;\n\ndrop table app.t;\n")
    assert finding.line == 3


def test_rules_keep_their_level_and_findings_do_not_restate_it():
    findings = run("alter type app.mood add value 'meh';\nselect 'meh'::app.mood;\n")
    (finding,) = findings
    assert finding.rule == "enum-value-same-transaction" and finding.level == "error"
    assert "level" not in vars(finding)


def test_indented_no_transaction_marker_is_read_the_same_by_lint_and_migrate():
    from schema_tool.migrations import Migration

    sql = "    -- schema-tool: no-transaction\ncreate index concurrently idx_t_a on app.t (a);\n"
    assert not Migration("2", "case", Path("2_case.sql"), sql).transactional
    rules_found = {f.rule for f in run(sql)}
    assert "no-transaction-file" in rules_found and "concurrently-in-transaction" not in rules_found
    in_string = "select '\n-- schema-tool: no-transaction\n';\n"
    assert Migration("2", "case", Path("2_case.sql"), in_string).transactional
    assert "no-transaction-file" not in {f.rule for f in run(in_string)}


def test_long_identifier_in_released_file_is_quiet_once_a_later_migration_renames_it(monkeypatch):
    monkeypatch.setattr(safety, "RELEASED_THROUGH", "20200101000000")  # as sql/released.txt would say
    long_name = "p" * 70
    released = safety.Source("20200101000000", Path("a.sql"), "migrations/20200101000000_a.sql",
                             f'create table app.n (id bigint primary key);\ncreate policy "{long_name}" on app.n'
                             " for select using (true);\n", True)
    rename = source("3", "c.sql", f'alter policy "{"p" * 63}" on app.n rename to "short";\n')
    assert [(f.rule, f.line) for f in check([released])] == [("identifier-too-long", 2)]
    assert [f for f in check([released, rename]) if f.rule == "identifier-too-long"] == []


def test_drop_index_message_says_the_lock_lasts_through_later_work():
    (finding,) = [f for f in run(fixture("drop-index-not-concurrent", "bad").read_text())
                  if f.rule == "drop-index-not-concurrent"]
    assert finding.line == 2 and "through the slower statements after it" in finding.message


def test_timeout_settings_must_come_before_the_first_lock():
    late = "alter table app.t add column c text;\nset local lock_timeout = '5s';\nset local statement_timeout = '1min';\n"
    (finding,) = [f for f in run(late, timeouts=True) if f.rule == "timeout-missing"]
    assert finding.line == 1
    via_set_config = ("select set_config('lock_timeout', '5s', true), set_config('statement_timeout', '1min', true);\n"
                      "alter table app.t add column c text;\n")
    assert not [f for f in run(via_set_config, timeouts=True) if f.rule == "timeout-missing"]
