"""Findings, allow comments, output formats and the SQL text helpers."""

from __future__ import annotations

import json

from schema_tool import sqltext
from schema_tool.lint import findings as fnd
from schema_tool.lint import rules, select_rules

rules.load()


def finding(**kw):
    base = dict(rule="drop-table", message="m", fix="f", file="migrations/1_a.sql", line=3)
    base.update(kw)
    return fnd.Finding(**base)


def test_allow_on_the_statement_line_accepts():
    f = finding(line=1)
    fnd.accept_in_file([f], "drop table app.t; -- schema-tool: allow drop-table replaced by app.u\n")
    assert f.accepted and f.reason == "replaced by app.u"


def test_allow_in_comment_lines_directly_above_accepts():
    text = "-- schema-tool: allow drop-table replaced by app.u\n-- (see issue 12)\ndrop table app.t;\n"
    f = finding()
    fnd.accept_in_file([f], text)
    assert f.accepted


def test_allow_separated_by_a_blank_line_does_not_accept():
    text = "-- schema-tool: allow drop-table replaced by app.u\n\ndrop table app.t;\n"
    f = finding()
    fnd.accept_in_file([f], text)
    assert not f.accepted


def test_allow_for_another_rule_does_not_accept():
    text = "\n-- schema-tool: allow rename-table nope\ndrop table app.t;\n"
    f = finding()
    fnd.accept_in_file([f], text)
    assert not f.accepted


def test_allow_lists_several_rules_and_is_case_insensitive():
    text = "\n-- schema-tool: allow Rename-Table,drop-table two in one\ndrop table app.t;\n"
    f = finding()
    fnd.accept_in_file([f], text)
    assert f.accepted and f.reason == "two in one"


def test_allow_inside_a_string_is_not_a_comment():
    text = "select '\n-- schema-tool: allow drop-table not a comment\n';\ndrop table app.t;\n"
    assert sqltext.allow_comments(text) == []


def test_allow_problems_report_missing_reason_and_unknown_rule():
    text = "-- schema-tool: allow drop-table\n-- schema-tool: allow nope because\n-- schema-tool: allow\n"
    problems = [(p.rule, p.line) for p in fnd.allow_problems("x.sql", text)]
    assert problems == [
        ("allow-missing-reason", 1), ("allow-unknown-rule", 2), ("allow-missing-reason", 3),
    ]


def test_text_format_hides_accepted_and_summarises():
    out = fnd.format_text([finding(), finding(rule="rename-table", accepted=True, reason="r")])
    assert "migrations/1_a.sql:3: error drop-table: m" in out and "rename-table" not in out
    assert out.endswith("1 error(s), 0 warning(s), 1 accepted by allow comments")


def test_json_format_includes_accepted_with_reason_and_layer():
    data = json.loads(fnd.format_json([finding(accepted=True, reason="why")]))
    (item,) = data["findings"]
    assert item["reason"] == "why" and item["layer"] == "safety" and "match" not in item


def test_github_format_escapes_and_places_catalog_findings():
    out = fnd.format_github([
        finding(message="50% of rows\nnext"),
        finding(rule="rls-no-policy", file=None, line=None, object="app.t"),
    ])
    lines = out.splitlines()
    assert lines[0] == "::error file=migrations/1_a.sql,line=3,title=drop-table::50%25 of rows%0Anext Fix: f"
    assert lines[1] == "::warning title=rls-no-policy::app.t: m Fix: f"


def test_select_rules_accepts_ids_and_layers():
    assert select_rules(("drop-table",)) == {"drop-table"}
    assert "rls-disabled" in select_rules(("catalog",))
    assert select_rules(()) is None


def test_scan_knows_dollar_quotes_strings_and_comments():
    text = "select $$ -- no $$, 'it''s', \"a\"\"b\" /* c /* d */ e */ -- end\n"
    kinds = [s.kind for s in sqltext.scan(text)]
    assert kinds == ["dollar", "string", "ident", "block_comment", "line_comment"]


def test_no_transaction_marker():
    assert sqltext.is_transactional("create index i on t (a);\n")
    assert not sqltext.is_transactional("-- schema-tool: no-transaction\ncreate index concurrently i on t (a);\n")


def test_every_rule_is_documented():
    from pathlib import Path

    from schema_tool.lint import style

    root = Path(__file__).resolve().parents[1]
    style.register_style_rules(root)
    doc = (root / "docs" / "lint-rules.md").read_text()
    missing = [r for r in fnd.RULES if f"`{r}`" not in doc and f"`{r}` " not in doc]
    assert missing == []
