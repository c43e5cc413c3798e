"""The statement splitter agrees with the Supabase CLI's parser (supabase/cli
pkg/parser) on every input: its test cases, rewritten here as ours, its quirks,
and every migration in the repo."""

from __future__ import annotations

import pytest

from schema_tool.migrations import Statement, load, split, tokens

from conftest import REPO

# Each case: the raw tokens the CLI's Split yields; their concatenation is the input.
TOKEN_CASES = {
    # line comments
    "line comment after a separator": ["END;", "-- comment"],
    "separator inside a line comment": ["SELECT --; 1"],
    "a lone dash starts no comment": ["- ;", "END"],
    "a line comment hides a block opener": ["-- /* \n;", " */ END"],
    # block comments
    "separator inside a block comment": ["SELECT /* ; */ 1;"],
    "nested block comments": ["SELECT /*; /*;*/ ;*/ 1"],
    "slash space star starts no block": ["/ * ;", " */ END"],
    "slash-star-slash closes the block (CLI quirk)": ["/*/ ;", " select 1"],
    # separators
    "bare separators": [";", "END;", ";"],
    "separator between spaces": ["BEGIN   ;", "  END"],
    "backslash escapes the next character": ["\\;;", "\\;"],
    # dollar quotes
    "named dollar tag": ["$tag$ any ; string$tag$"],
    "anonymous dollar tag": ["$$\"Dane's horse\"$$"],
    "a dollar in double quotes opens nothing": ["SELECT \"$\";", " $$"],
    "positional parameter is not a tag": ["select $1;", " select 2"],
    "unicode letters in a tag": ["$é$ ; $é$;", " select 1"],
    # quotes
    "separator in single quotes": ["SELECT ';' 1"],
    "doubled single quote": ["SELECT ';'';' 1"],
    "backslash in a string literal is literal": ["SELECT '\\';", " 1'"],
    "separator in double quotes": ['CREATE POLICY "cats;dogs" on cats_dogs;', " END"],
    "single quote in double quotes": ["CREATE POLICY \"cat's and dog's\" on cats_dogs;", " END"],
    "doubled double quote": ['CREATE POLICY "pet""name" on pets;', " END"],
    # parentheses
    "separator inside parentheses": [
        'CREATE RULE notify_me AS ON UPDATE TO mytable DO (NOTIFY mytable; SELECT "1");', "SELECT 1"],
    "literals inside parentheses": ["CREATE RULE notify_me AS ON UPDATE TO mytable DO (-- )\nSELECT ')';\n-- )\n)\n"],
    "the first ) closes every open parenthesis (CLI quirk)": ["select ((1);", " 2)"],
    # BEGIN ATOMIC
    "begin atomic body": [
        "CREATE FUNCTION add(a integer, b integer) RETURNS integer\nLANGUAGE SQL\nIMMUTABLE STRICT PARALLEL SAFE\n"
        "RETURNS NULL ON NULL INPUT\nBEGIN ATOMIC\n\tSELECT 'add';\n\tSELECT a + b;\nEND;"],
    "begin atomic is case-insensitive": ["begin atomic; select 'end'; end"],
    "begin atomic ignores literals": ["CREATE FUNCTION test() BEGIN\nATOMIC-- END;\n-- END;\nEND\n;"],
    "an atomic body ends at any 'end', even inside a word (CLI quirk)": [
        "begin atomic select extend;", " select 2;", " end"],
    "atomic as a column name is not begin atomic": [
        "alter table t add column atomic boolean;", " comment on column t.atomic is 'a flag';", " select 1"],
    "atomic after a word other than begin": ["select atomic from t;", " select 2"],
    "begin and atomic on separate lines": ["create function f() returns int language sql begin\n  atomic select 1; end;", " x"],
    "begin atomic with a comment between is not atomic": ["begin -- c\n atomic;", " select 1;", " end"],
    "schema-qualified atomic function name": [
        "CREATE OR REPLACE FUNCTION public.atomic_example()\nRETURNS INTEGER\nLANGUAGE plpgsql\nAS $$\nBEGIN\n"
        "  RETURN 1;\nEND;\n$$;",
        "\nGRANT EXECUTE ON FUNCTION public.atomic_example() TO authenticated;"],
    # a small schema: tables, indexes, a view with nested subqueries, a function, triggers
    "schema script": [
        'CREATE SCHEMA "blocks";',
        '\n\nCREATE TABLE "blocks"."block"\n(\n    uuid UUID PRIMARY KEY NOT NULL,\n    settings JSONB NOT NULL,\n'
        "    enabled BOOL DEFAULT TRUE NOT NULL\n);",
        '\n\nCREATE UNIQUE INDEX "block_uuid_uindex"\n    ON "blocks"."block" (uuid);',
        '\n\nCREATE VIEW "blocks"."block_count" AS\n    SELECT b."uuid",\n        ((SELECT COUNT(*) FROM "blocks"."block" p\n'
        '          WHERE p."uuid" = b."uuid") + (SELECT COALESCE(SUM((SELECT 1)), 0))) AS n\n    FROM "blocks"."block" b;',
        '\n\nCREATE OR REPLACE FUNCTION "blocks".delete_orphans()\n    RETURNS TRIGGER\nAS $$\nBEGIN\n'
        "    -- a comment; with a separator\n    DELETE FROM blocks.block WHERE NOT enabled;\n    RETURN NULL;\nEND;\n"
        "$$ LANGUAGE plpgsql;",
        '\n\nCREATE TRIGGER delete_orphans\nAFTER UPDATE OR DELETE\n    ON "blocks"."block"\nFOR EACH STATEMENT\n'
        'EXECUTE PROCEDURE "blocks".delete_orphans();',
        "\n",
    ],
}

FUNCTION_NAMES_WITH_ATOMIC = ["fn_atomic", "atomic_fn", "my_atomic_thing", "xatomicx", "fn_ATomiC"]


@pytest.mark.parametrize("expected", TOKEN_CASES.values(), ids=TOKEN_CASES.keys())
def test_tokens_match_the_cli(expected):
    assert tokens("".join(expected)) == expected


@pytest.mark.parametrize("name", FUNCTION_NAMES_WITH_ATOMIC)
def test_atomic_inside_an_identifier_is_not_begin_atomic(name):
    expected = [
        f"CREATE OR REPLACE FUNCTION {name}()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$;",
        "\nSELECT 1;",
    ]
    assert tokens("".join(expected)) == expected


def test_statements_are_right_trimmed_of_separators_then_white_space_like_split_and_trim():
    sql = "\tBEGIN; ;;  select 1 ;;\n-- tail\n"
    assert [s.text for s in split(sql)] == ["BEGIN", "select 1", "-- tail"]


def test_go_white_space_only_is_trimmed():
    # Python's str.strip() would also strip \x1f; Go's strings.TrimSpace keeps it.
    assert [s.text for s in split("select 1\x1f;")] == ["select 1\x1f"]
    assert [s.text for s in split("\u00a0select 1\u3000;")] == ["select 1"]


def test_the_atomic_column_edge_case_gives_three_ledger_statements():
    sql = "alter table t add column atomic boolean;\ncomment on column t.atomic is 'a flag';\nselect 1;\n"
    assert [s.text for s in split(sql)] == [
        "alter table t add column atomic boolean", "comment on column t.atomic is 'a flag'", "select 1"]


def test_statement_offsets_point_at_the_statement_in_the_file():
    sql = "  create schema a;\n\n  -- c\n  create schema b;"
    for s in split(sql):
        assert sql[s.offset:].startswith(s.text)


@pytest.mark.parametrize("migration", load(REPO / "migrations"), ids=lambda m: m.version)
def test_every_repo_migration_tokens_reassemble_and_end_at_separators(migration):
    parts = tokens(migration.sql)
    assert "".join(parts) == migration.sql
    assert all(p.endswith(";") for p in parts[:-1])
    for s in migration.statements:
        assert migration.sql[s.offset:].startswith(s.text)


@pytest.mark.parametrize("text, code", [
    ("select 1", "select 1"),
    ("  -- a note\n  /* block */ select 1", "select 1"),
    ("/* outer /* inner */ still a comment */ select 1", "select 1"),
    ("-- only a comment", ""),
    ("/* unterminated /* */", ""),
])
def test_a_statement_s_code_starts_after_its_leading_comments_nested_ones_too(text, code):
    statement = Statement(text, 10)
    assert statement.code() == code
    assert statement.is_comment_only() == (code == "")
    assert statement.code_offset() == 10 + (len(text) - len(code) if code else 0)
