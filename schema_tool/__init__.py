"""schema-tool: ordered raw-SQL migrations for Supabase/Postgres."""

__version__ = "0.1.0"
