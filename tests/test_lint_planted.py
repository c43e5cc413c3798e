"""Planted copies of what squawk found in this repository before lint did:
each problem is put back into a copy of the real migrations, and the safety
layer must report it at that file and line (allow comments applied, as
`schema-tool lint` applies them). The catalog-level findings (splinter) are
planted by the bad fixtures next to each catalog rule."""

from __future__ import annotations

from pathlib import Path

from schema_tool import sqltext
from schema_tool.lint import safety
from schema_tool.lint.findings import accept_in_file

ROOT = Path(__file__).resolve().parents[1]
ROLLUPS = "migrations/20261123191000_playground_platform_rollups.sql"
VOTES = "migrations/20261123140500_simulation_review_votes.sql"
RENAME = "migrations/20261204120100_simulation_review_vote_policy_name.sql"
KEYS = "migrations/20261123191400_simulation_policy_shape_keys.sql"
COVERING = "migrations/20261123191600_classroom_covering_rls_indexes.sql"


def migrations() -> dict[str, str]:
    return {f"migrations/{p.name}": p.read_text(encoding="utf-8") for p in sorted((ROOT / "migrations").glob("*.sql"))}


def lint(texts: dict[str, str]) -> list:
    safety.read_released_through(ROOT)  # the repository's sql/released.txt, as `schema-tool lint` reads it
    sources = [safety.Source(rel.split("/")[1].split("_", 1)[0], Path(rel), rel, sql, sqltext.is_transactional(sql))
               for rel, sql in texts.items()]
    found = safety.check(sources)
    for rel, sql in texts.items():
        accept_in_file([f for f in found if f.file == rel], sql)
    return [f for f in found if not f.accepted]


def line_of(text: str, snippet: str) -> int:
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def plant(texts: dict[str, str], rel: str, old: str, new: str) -> str:
    assert texts[rel].count(old) == 1, old
    texts[rel] = texts[rel].replace(old, new)
    return texts[rel]


def test_repository_as_committed_is_clean():
    assert lint(migrations()) == []


def test_drop_index_without_concurrently_is_reported_where_planted():
    texts = migrations()
    text = plant(texts, COVERING, "-- schema-tool: allow drop-index-not-concurrent after both builds: the ACCESS"
                 " EXCLUSIVE lock lasts from here to the commit, milliseconds\ndrop index classroom.idx_ai_usage_logs",
                 "drop index classroom.idx_ai_usage_logs")
    (f,) = lint(texts)
    assert (f.rule, f.file, f.line) == ("drop-index-not-concurrent", COVERING,
                                        line_of(text, "drop index classroom.idx_ai_usage_logs"))


def test_drop_before_a_later_build_says_the_lock_lasts_through_it():
    texts = migrations()
    drop = ("-- schema-tool: allow drop-index-not-concurrent after both builds: the ACCESS EXCLUSIVE lock lasts from"
            " here to the commit, milliseconds\ndrop index classroom.idx_analytics_events_tenant_id_created_at;\n")
    text = plant(texts, COVERING, drop, "")
    text = plant(texts, COVERING, "-- schema-tool: allow index-not-concurrent inserts of usage logs",
                 "drop index classroom.idx_analytics_events_tenant_id_created_at;\n\n"
                 "-- schema-tool: allow index-not-concurrent inserts of usage logs")
    (f,) = lint(texts)
    assert (f.rule, f.line) == ("drop-index-not-concurrent",
                                line_of(text, "drop index classroom.idx_analytics_events_tenant_id_created_at"))
    assert "through the slower statements after it" in f.message


def test_index_name_over_63_bytes_is_reported_where_planted():
    texts = migrations()
    long_name = "idx_ai_playground_platform_user_engagement_total_interactions_user_id"
    text = plant(texts, ROLLUPS, "create index idx_ai_playground_platform_user_engagement_interactions_user_id",
                 f"create index {long_name}")
    (f,) = lint(texts)
    assert (f.rule, f.file, f.line) == ("identifier-too-long", ROLLUPS, line_of(text, f"create index {long_name}"))


def test_released_policy_name_is_reported_until_a_later_migration_renames_it():
    texts = migrations()
    del texts[RENAME]
    (f,) = lint(texts)
    assert (f.rule, f.file) == ("identifier-too-long", VOTES)
    assert f.line == line_of(texts[VOTES], 'create policy "scenario_review_votes: member can vote on a visible')


def test_not_valid_key_validated_in_the_same_file_is_reported_where_planted():
    texts = migrations()
    validate = ("alter table simulation.scene_progress validate constraint"
                " scene_progress_user_progress_id_user_id_fkey;\n")
    text = plant(texts, KEYS, "-- schema-tool: allow index-not-concurrent scenarios is a small",
                 validate + "\n-- schema-tool: allow index-not-concurrent scenarios is a small")
    (f,) = lint(texts)
    assert (f.rule, f.file, f.line) == ("validate-same-transaction", KEYS, line_of(text, validate.strip()))


def test_missing_timeouts_are_reported_at_the_first_lock():
    texts = migrations()
    text = plant(texts, COVERING, "set local lock_timeout = '5s';\nset local statement_timeout = '5min';\n", "")
    (f,) = lint(texts)
    assert (f.rule, f.file) == ("timeout-missing", COVERING)
    assert f.line == line_of(text, "create index if not exists idx_analytics_events_tenant_id_created_at_covering")


def test_pgtap_helper_without_search_path_is_reported_in_the_setup_file(tmp_path):
    """The catalog layer sees what `supabase test db` installs: a helper of
    supabase/tests/000_setup.sql loses its `set search_path` (splinter 0011)."""
    from schema_tool.lint import catalog
    from schema_tool.lint.findings import relpath
    from schema_tool.supabase import exposed_schemas

    setup = (ROOT / "supabase" / "tests" / "000_setup.sql").read_text(encoding="utf-8")
    head = "create or replace function tests.clear_authentication() returns void\nlanguage plpgsql\n"
    planted = setup.replace(head + "set search_path = ''\n", head)
    assert planted != setup
    (tmp_path / "supabase" / "tests").mkdir(parents=True)
    copy = tmp_path / "supabase" / "tests" / "000_setup.sql"
    copy.write_text(planted, encoding="utf-8")
    found = catalog.run(ROOT / "migrations", exposed_schemas(ROOT), "embedded", (copy,))
    statements = [(f"migrations/{p.name}", p.read_text(encoding="utf-8"))
                  for p in sorted((ROOT / "migrations").glob("*.sql"))]
    statements.append((relpath(copy, tmp_path), planted))
    catalog.locate_and_accept([f for f in found if f.match], statements)
    open_findings = [f for f in found if not f.accepted]
    (f,) = open_findings
    assert (f.rule, f.file, f.line) == ("function-search-path", "supabase/tests/000_setup.sql",
                                        line_of(planted, "create or replace function tests.clear_authentication"))
