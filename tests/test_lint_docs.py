"""docs/lint-rules.md is generated from the rules' own pages, and maps every
squawk rule and splinter lint to a rule of ours or to a reason."""

from __future__ import annotations

from pathlib import Path

from schema_tool.lint import docgen, rules
from schema_tool.lint.findings import RULES

ROOT = Path(__file__).resolve().parents[1]


def test_committed_page_is_what_the_generator_writes():
    assert docgen.is_current(ROOT), "docs/lint-rules.md is stale: run `schema-tool lint --write-docs`"


def test_every_rule_has_its_page_level_and_module():
    rules.load()
    for r in RULES.values():
        if r.id.startswith("style-") and not r.module:
            continue  # sqlfluff's own rules, documented in one table
        assert r.module and r.doc and "**What**" in r.doc and "**Fix**" in r.doc, r.id
        assert r.level in ("error", "warning"), r.id


def test_every_squawk_rule_and_splinter_lint_is_mapped():
    squawk, splinter = docgen.mapping_rows()
    assert len(squawk) == len(docgen.SQUAWK_RULES) and len(splinter) == 29
    assert [n for n, _name, _ours in splinter] == [f"{i:04d}" for i in range(1, 30)]
    for ident, ours in squawk + [(n, o) for n, _name, o in splinter]:
        assert ours.startswith("`") or ours.startswith("not adopted: "), ident
    claimed = {s for r in RULES.values() for s in r.squawk}
    assert claimed <= set(docgen.SQUAWK_RULES), claimed - set(docgen.SQUAWK_RULES)


def test_a_rule_id_in_the_page_appears_as_a_heading():
    page = (ROOT / "docs" / "lint-rules.md").read_text()
    for r in rules.of_layer("safety") + rules.of_layer("catalog"):
        assert f"### `{r.id}` ({r.level})" in page


def test_check_docs_notices_a_stale_page(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "lint-rules.md").write_text("# written by hand\n")
    assert not docgen.is_current(tmp_path)
    docgen.write(tmp_path)
    assert docgen.is_current(tmp_path)
