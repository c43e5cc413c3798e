"""Layer 1 (style): every enabled sqlfluff rule, the indentation rule and the
parse checks each have a fixture that triggers them and one that does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schema_tool.lint import rules, style
from schema_tool.lint.rules.style.style_indent import indent_findings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "lint" / "style"
ENABLED = style.register_style_rules(ROOT)


RULE_FIXTURES = rules.HERE / "style"  # fixtures of schema-tool's own style rules, next to them


def lint_fixture(name: str, tmp_path: Path | None = None):
    path = FIXTURES / name if (FIXTURES / name).exists() else RULE_FIXTURES / name
    job = style.Job(str(ROOT), str(path), f"fixtures/{name}", templated=name.endswith(".j2"), fix=False)
    return style.lint_file(job)[1]


def fixture_name(code: str, kind: str) -> str:
    plain = f"{code}.{kind}.sql"
    return plain if (FIXTURES / plain).exists() else plain + ".j2"


def test_every_enabled_sqlfluff_rule_has_both_fixtures():
    for code in ENABLED:
        for kind in ("bad", "good"):
            assert (FIXTURES / fixture_name(code, kind)).exists(), f"missing fixture for {code} ({kind})"


@pytest.mark.parametrize("code", ENABLED)
def test_sqlfluff_rule_triggers_on_bad_fixture(code):
    rules = {f.rule for f in lint_fixture(fixture_name(code, "bad"))}
    assert f"style-{code.lower()}" in rules


@pytest.mark.parametrize("code", ENABLED)
def test_sqlfluff_rule_silent_on_good_fixture(code):
    rules = {f.rule for f in lint_fixture(fixture_name(code, "good"))}
    assert f"style-{code.lower()}" not in rules
    assert "parse-error" not in rules


def test_house_style_rule_set_excludes_the_rules_that_fight_it():
    for code in ("LT02", "LT05", "LT07", "LT08", "RF01", "AL03", "AL08"):
        assert code not in ENABLED


def test_style_findings_are_errors_with_line_and_fix():
    (finding,) = [f for f in lint_fixture("CP01.bad.sql") if f.rule == "style-cp01"]
    assert finding.level == "error" and finding.line == 1 and finding.fix


def test_indent_rule_flags_three_spaces():
    findings = [f for f in lint_fixture("style_indent.bad.sql") if f.rule == "style-indent"]
    assert [f.line for f in findings] == [2]


def test_indent_rule_accepts_bracket_alignment_and_function_bodies():
    assert not [f for f in lint_fixture("style_indent.good.sql") if f.rule == "style-indent"]


def test_indent_rule_flags_tabs_and_skips_jinja_tags():
    text = "{% set x = [1,\n      2] %}\nselect\n\tid\nfrom app.t;\n"
    assert [f.line for f in indent_findings("x", text, templated=True)] == [4]


def test_sqlfluff_grammar_gap_is_a_warning_not_an_error():
    findings = [f for f in lint_fixture("style_unparsable.bad.sql") if f.rule == "style-unparsable"]
    assert findings and all(f.level == "warning" for f in findings)
    assert not [f for f in lint_fixture("style_unparsable.good.sql") if f.rule == "style-unparsable"]


def test_parse_error_uses_postgres_parser_with_line():
    (finding,) = style.parse_check("x.sql", "select 1;\nselect id fro app.t;\n")
    assert finding.rule == "parse-error" and finding.level == "error" and finding.line == 2
    assert not style.parse_check("x.sql", (RULE_FIXTURES / "parse_error.good.sql").read_text())
    assert style.parse_check("x.sql", (RULE_FIXTURES / "parse_error.bad.sql").read_text())


def test_parse_check_ignores_psql_meta_commands():
    assert not style.parse_check("t.sql", "\\set ON_ERROR_STOP 1\nselect 1;\n")


def test_jinja_sources_import_shared_macros(tmp_path):
    source = tmp_path / "src.sql.j2"
    source.write_text(
        '{% import "_macros/common.sql.j2" as m %}\n'
        "create table app.t (\n    id bigint primary key\n);\n\n"
        "{{ m.enable_rls('app', 't') }}\n"
    )
    job = style.Job(str(ROOT), str(source), "src.sql.j2", templated=True, fix=False)
    assert style.lint_file(job)[1] == []


def test_broken_template_is_a_parse_error(tmp_path):
    source = tmp_path / "src.sql.j2"
    source.write_text('{% import "_macros/nope.sql.j2" as m %}\nselect 1;\n')
    job = style.Job(str(ROOT), str(source), "src.sql.j2", templated=True, fix=False)
    assert "parse-error" in {f.rule for f in style.lint_file(job)[1]}


def test_fix_rewrites_the_file_and_leaves_no_fixable_finding(tmp_path):
    target = tmp_path / "bad.sql"
    shutil.copy(FIXTURES / "CP01.bad.sql", target)
    job = style.Job(str(ROOT), str(target), "bad.sql", templated=False, fix=True)
    _, findings, changed = style.lint_file(job)
    assert changed and target.read_text() == "select id from app.t;\n"
    assert not [f for f in findings if f.rule == "style-cp01"]


def test_parallel_run_returns_every_file():
    jobs = [
        style.Job(str(ROOT), str(FIXTURES / n), n, templated=False, fix=False)
        for n in ("CP01.bad.sql", "CP01.good.sql", "LT01.bad.sql")
    ]
    results = style.run_jobs(jobs, processes=2).result()
    assert sorted(r[0] for r in results) == sorted(j.rel for j in jobs)


# ----------------------------------------------------------- pgTAP tests: token-level checks

from schema_tool.lint import token_styled, tokenstyle  # noqa: E402


def token_rules(text: str) -> set[str]:
    return {f.rule for f in tokenstyle.check("supabase/tests/x.test.sql", text, set(ENABLED))}


@pytest.mark.parametrize("code", tokenstyle.CODES)
def test_token_check_agrees_with_sqlfluff_on_its_fixtures(code):
    assert code in ENABLED
    assert f"style-{code.lower()}" in token_rules((FIXTURES / f"{code}.bad.sql").read_text())
    assert not token_rules((FIXTURES / f"{code}.good.sql").read_text())


def test_token_check_is_silent_on_the_repos_tests_and_migrations():
    # they pass sqlfluff: a token-level finding there would be a false positive
    # (the rendered migrations may end in blank lines: LT12 aside)
    for path in sorted((ROOT / "supabase" / "tests").rglob("*.sql")):
        assert not token_rules(path.read_text()), path
    for path in sorted((ROOT / "migrations").glob("*.sql")):
        assert token_rules(path.read_text()) <= {"style-lt12"}, path


def test_token_check_details():
    assert "style-cv05" not in token_rules("update app.t set a = null where b = 1;\n")
    assert "style-cv05" in token_rules("select 1 from app.t where b = null;\n")
    assert not token_rules("select 1 as a;  -- two spaces before a comment are fine\n")
    assert "style-lt01" in token_rules("select 1 as a; \n")  # trailing whitespace
    assert not token_rules("select 'a  \nb' as s;\n")  # not inside a string
    assert "style-lt01" in token_rules("select x::text from app.t where y=1;\n")
    assert not token_rules("select x from app.t order by e operator(extensions.<=>) $1;\n")
    assert not token_rules("grant insert (a, b), update (b) on app.t to authenticated;\n")
    noqa = "-- noqa: disable=all\nSELECT 1;\n-- noqa: enable=all\nselect 1;\nSELECT 2; -- noqa: CP01\n"
    assert not token_rules(noqa)
    assert "style-cp01" in token_rules(noqa + "SELECT 3;\n")


def test_tests_get_token_checks_unless_fix_or_full_pass():
    assert token_styled("supabase/tests/a/b.test.sql", fix=False)
    assert not token_styled("supabase/tests/a/b.test.sql", fix=True)
    assert not token_styled("sql/app/20270101000000_app_x.sql.j2", fix=False)
    assert not token_styled("supabase/tests/a/b.test.sql", fix=False, tests_style="sqlfluff")
