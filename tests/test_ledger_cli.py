"""schema-tool's ledger never blocks a Supabase CLI command. Each test sends
the SQL the CLI sends (supabase/cli pkg/migration/history.go, used by
internal/migration/repair and squash; pkg/migration/queries/drop.sql for
`db reset --linked`) to a database schema-tool migrated, as `postgres`."""

from __future__ import annotations

import psycopg

from schema_tool.migrate import migrate, status
from schema_tool.migrations import load, split, statements_digest

from conftest import query, write

# The CLI's statements, verbatim.
TRUNCATE_VERSION_TABLE = "TRUNCATE supabase_migrations.schema_migrations"
UPSERT_MIGRATION_VERSION = (
    "INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES(%s, %s, %s)"
    " ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, statements = EXCLUDED.statements"
)
INSERT_MIGRATION_VERSION = (
    "INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES(%s, %s, %s)"
)
DELETE_MIGRATION_VERSION = "DELETE FROM supabase_migrations.schema_migrations WHERE version = ANY(%s)"
DELETE_MIGRATION_BEFORE = "DELETE FROM supabase_migrations.schema_migrations WHERE version <= %s"


def _project(project):
    write(project / "migrations" / "20260101000000_a.sql", "create schema a;\n")
    write(project / "migrations" / "20260102000000_b.sql", "create schema b;\n")
    return project / "migrations"


def _cli(url: str, *batch: tuple[str, tuple]) -> None:
    # pgconn.Batch: the statements run as one implicit transaction.
    with psycopg.connect(url) as conn:
        for text, params in batch:
            conn.execute(text, params or None)


def _states(url, migrations_dir):
    return [e.state for e in status(url, migrations_dir)]


def test_repair_applied_without_versions_truncates_and_rewrites_the_cli_table(project, db_url):
    migrations_dir = _project(project)
    migrate(db_url, migrations_dir)
    upserts = [(UPSERT_MIGRATION_VERSION, (m.version, m.name, [s.text for s in m.statements]))
               for m in load(migrations_dir)]
    _cli(db_url, (TRUNCATE_VERSION_TABLE, ()), *upserts)
    assert _states(db_url, migrations_dir) == ["applied", "applied"]
    assert migrate(db_url, migrations_dir).applied == []


def test_repair_reverted_without_versions_truncates_and_everything_is_pending(project, db_url):
    migrations_dir = _project(project)
    migrate(db_url, migrations_dir)
    _cli(db_url, (TRUNCATE_VERSION_TABLE, ()))
    assert _states(db_url, migrations_dir) == ["pending", "pending"]


def test_repair_reverted_with_versions_deletes_the_cli_rows(project, db_url):
    migrations_dir = _project(project)
    migrate(db_url, migrations_dir)
    _cli(db_url, (DELETE_MIGRATION_VERSION, (["20260102000000"],)))
    assert _states(db_url, migrations_dir) == ["applied", "pending"]
    # schema-tool applies it again and records it again (its stale fact is replaced).
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("drop schema b")
    assert [a.version for a in migrate(db_url, migrations_dir).applied] == ["20260102000000"]
    assert _states(db_url, migrations_dir) == ["applied", "applied"]


def test_migration_squash_deletes_older_rows_and_inserts_the_squashed_one(project, db_url):
    migrations_dir = _project(project)
    migrate(db_url, migrations_dir)
    (migrations_dir / "20260101000000_a.sql").unlink()
    squashed = "create schema a;\ncreate schema b;\n"
    (migrations_dir / "20260102000000_b.sql").write_text(squashed)
    _cli(db_url, (DELETE_MIGRATION_BEFORE, ("20260102000000",)),
         (INSERT_MIGRATION_VERSION, ("20260102000000", "b", [s.text for s in split(squashed)])))
    # The CLI row now describes the squashed file: schema-tool's old fact no longer applies.
    assert _states(db_url, migrations_dir) == ["applied"]


def test_db_reset_linked_truncates_every_migrations_table(project, db_url):
    migrations_dir = _project(project)
    migrate(db_url, migrations_dir)
    # drop.sql: truncate every table of schema supabase_migrations, cascade.
    with psycopg.connect(db_url, autocommit=True) as conn:
        for (table,) in conn.execute(
            "select relname from pg_class where relnamespace = 'supabase_migrations'::regnamespace and relkind = 'r'"
        ).fetchall():
            conn.execute(f"truncate supabase_migrations.{table} cascade")
    assert _states(db_url, migrations_dir) == ["pending", "pending"]


def test_a_ledger_with_the_old_foreign_key_is_migrated(project, db_url):
    migrations_dir = _project(project)
    migrate(db_url, migrations_dir)
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("alter table supabase_migrations.schema_tool_history drop column statements_digest")
        conn.execute(
            "alter table supabase_migrations.schema_tool_history add constraint schema_tool_history_version_fkey"
            " foreign key (version) references supabase_migrations.schema_migrations (version) on delete cascade")
    assert _states(db_url, migrations_dir) == ["applied", "applied"]  # read before the upgrade
    write(migrations_dir / "20260103000000_c.sql", "create schema c;\n")
    migrate(db_url, migrations_dir)
    assert query(db_url, "select count(*) from pg_constraint where conname = 'schema_tool_history_version_fkey'") == [(0,)]
    digests = query(db_url, "select version, statements_digest from supabase_migrations.schema_tool_history order by 1")
    assert digests == [(m.version, statements_digest([s.text for s in m.statements])) for m in load(migrations_dir)]
    _cli(db_url, (TRUNCATE_VERSION_TABLE, ()))  # the CLI's repair works now


def test_a_cli_rewrite_with_other_statements_is_judged_by_the_cli_row(project, db_url):
    migrations_dir = _project(project)
    migrate(db_url, migrations_dir)
    _cli(db_url, (UPSERT_MIGRATION_VERSION, ("20260101000000", "a", ["create schema other"])))
    assert _states(db_url, migrations_dir) == ["modified", "applied"]
