"""docs/lint-rules.md, generated: the page template (lint-rules.md.in) with
each rule's own page (its module docstring) per layer, and the table that
maps every squawk rule and every splinter lint to our rule or to the reason
it does not apply. `schema-tool lint --write-docs` writes it; `--check-docs`
(and tests/test_lint_docs.py) fail when the committed page is stale."""

from __future__ import annotations

from pathlib import Path

from . import rules
from .findings import RULES, Rule

TEMPLATE = Path(__file__).with_name("lint-rules.md.in")
PAGE = Path("docs") / "lint-rules.md"

# Every rule squawk has (crates/squawk_linter/src/rules, docs/docs/*.md).
SQUAWK_RULES = (
    "adding-field-with-default", "adding-foreign-key-constraint", "adding-not-nullable-field",
    "adding-required-field", "adding-serial-primary-key-field", "ban-alter-domain-with-add-constraint",
    "ban-char-field", "ban-concurrent-index-creation-in-transaction", "ban-create-domain-with-constraint",
    "ban-drop-column", "ban-drop-database", "ban-drop-not-null", "ban-drop-table",
    "ban-duplicate-column-assignments", "ban-truncate-cascade", "ban-uncommitted-transaction",
    "changing-column-type", "constraint-missing-not-valid", "disallowed-unique-constraint",
    "identifier-too-long", "prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-identity",
    "prefer-repack", "prefer-robust-stmts", "prefer-text-field", "prefer-timestamptz", "renaming-column",
    "renaming-table", "require-concurrent-index-creation", "require-concurrent-index-deletion",
    "require-concurrent-partition-detach", "require-concurrent-reindex", "require-enum-value-ordering",
    "require-lock-timeout", "require-statement-timeout", "require-table-schema", "require-timeout-settings",
    "syntax-error", "transaction-nesting",
)

# Every splinter lint (supabase/splinter lints/ and docs/), by number.
SPLINTER_LINTS = {
    "0001": "unindexed_foreign_keys", "0002": "auth_users_exposed", "0003": "auth_rls_initplan",
    "0004": "no_primary_key", "0005": "unused_index", "0006": "multiple_permissive_policies",
    "0007": "policy_exists_rls_disabled", "0008": "rls_enabled_no_policy", "0009": "duplicate_index",
    "0010": "security_definer_view", "0011": "function_search_path_mutable",
    "0012": "auth_allow_anonymous_sign_ins", "0013": "rls_disabled_in_public", "0014": "extension_in_public",
    "0015": "rls_references_user_metadata", "0016": "materialized_view_in_api", "0017": "foreign_table_in_api",
    "0018": "unsupported_reg_types", "0019": "insecure_queue_exposed_in_api", "0020": "table_bloat",
    "0021": "fkey_to_auth_unique", "0022": "extension_versions_outdated", "0023": "sensitive_columns_exposed",
    "0024": "rls_policy_always_true", "0025": "public_bucket_allows_listing",
    "0026": "pg_graphql_anon_table_exposed", "0027": "pg_graphql_authenticated_table_exposed",
    "0028": "anon_security_definer_function_executable",
    "0029": "authenticated_security_definer_function_executable",
}

# Why a squawk rule or splinter lint has no rule of ours.
NOT_ADOPTED = {
    "ban-create-domain-with-constraint": (
        "a domain created in a migration is new: no column uses it yet, and its check costs what a column check"
        " costs; what is unsafe is adding a constraint to a domain in use later, which `domain-add-constraint`"
        " catches"
    ),
    "prefer-robust-stmts": (
        "each migration runs once, recorded in the ledger, in one transaction (under `schema-tool migrate` and the"
        " Supabase CLI alike): a failed file leaves nothing behind, so `if not exists` guards buy nothing; where a"
        " statement is pre-run by hand (`concurrently`), the house style already says `if not exists`"
    ),
    "require-enum-value-ordering": (
        "the opposite of our advice: this repository's enums are labels that no query orders (`<`, `>`), so"
        " appending is safe and placing a value with before/after is what `enum-add-value` warns about"
    ),
    "0005": "needs the usage statistics of a live production database (pg_stat_user_indexes); a throwaway"
            " database built by the migrations has none. BENCHMARKS.md checks index use of the hot queries instead",
    "0020": "needs a live database's table statistics and dead rows; a freshly migrated database has no bloat",
    "0025": "this repository creates no storage buckets and its throwaway database has no `storage` schema: there"
            " is no bucket to list. A project adding storage policies should add the rule with them",
    "0026": "every table anon can select here is deliberate public data behind RLS (`rls-disabled`,"
            " `sensitive-column`); GraphQL introspection shows the same names and columns PostgREST's OpenAPI does",
    "0027": "as 0026, for authenticated: the module docs list what each role may read",
}


def _section(r: Rule) -> str:
    refs = []
    if r.splinter:
        refs.append("splinter " + ", ".join(r.splinter))
    if r.squawk:
        refs.append("squawk " + ", ".join(f"`{s}`" for s in r.squawk))
    suffix = f" [{'; '.join(refs)}]" if refs else ""
    return f"### `{r.id}` ({r.level}){suffix}\n{r.title[0].upper() + r.title[1:]}.\n\n{r.doc}\n"


def mapping_rows() -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(squawk id, ours) and (number, splinter name, ours) for every rule of both tools."""
    rules.load()
    ours_sq: dict[str, list[str]] = {}
    ours_sp: dict[str, list[str]] = {}
    for r in RULES.values():
        for s in r.squawk:
            ours_sq.setdefault(s, []).append(f"`{r.id}`")
        for n in r.splinter:
            ours_sp.setdefault(n, []).append(f"`{r.id}`")
    squawk = [(s, ", ".join(ours_sq[s]) if s in ours_sq else f"not adopted: {NOT_ADOPTED[s]}") for s in SQUAWK_RULES]
    splinter = [
        (n, name, ", ".join(ours_sp[n]) if n in ours_sp else f"not adopted: {NOT_ADOPTED[n]}")
        for n, name in SPLINTER_LINTS.items()
    ]
    return squawk, splinter


def _mapping() -> str:
    squawk, splinter = mapping_rows()
    out = [
        "## Coming from squawk or splinter",
        "",
        "Every squawk rule and every splinter lint, and the rule of ours that covers it (or why none does).",
        "squawk runs on the migration text, as our safety layer does; splinter on a live database, as our",
        "catalog layer does on the throwaway one. A rule named here may be stricter or narrower: its page says.",
        "",
        "| squawk rule | schema-tool |",
        "|---|---|",
        *[f"| `{s}` | {ours} |" for s, ours in squawk],
        "",
        "| splinter lint | name | schema-tool |",
        "|---|---|---|",
        *[f"| {n} | `{name}` | {ours} |" for n, name, ours in splinter],
    ]
    return "\n".join(out)


def render() -> str:
    rules.load()
    text = TEMPLATE.read_text(encoding="utf-8")
    for layer in ("allow", "style", "catalog", "safety", "plpgsql"):
        pages = "\n".join(_section(r) for r in sorted(rules.of_layer(layer), key=lambda r: r.id))
        text = text.replace(f"{{{{rules {layer}}}}}", pages.rstrip("\n"))
    return text.replace("{{mapping}}", _mapping())


def write(root: Path) -> Path:
    path = root / PAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path


def is_current(root: Path) -> bool:
    path = root / PAGE
    return path.exists() and path.read_text(encoding="utf-8") == render()
