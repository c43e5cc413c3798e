"""- **What**: plpgsql_check finds an error in a PL/pgSQL function or trigger
  function of a project schema: a column, table or function that does not
  exist, `new.<column>` that the trigger's table lacks, a type that cannot be
  assigned, a wrong number of arguments. Checked on the migrated throwaway
  database (layer `plpgsql`, lint/plpgsql.py), trigger functions once per
  trigger with its table and transition tables.
- **Why**: Postgres parses a PL/pgSQL body only when it first runs: the
  migration applies, the function fails in production on its first call,
  and only where a test happens to call it. `supabase db lint` reports these
  as `error`.
- **Where**: the statement of migrations/ that last creates or replaces the
  function; the message gives the SQLSTATE, plpgsql_check's message and the
  line of the body (and its line in the file).
- **Fix**: a new migration that replaces the function (released migrations are
  never edited). A deliberate one (e.g. a table created later at run time) is
  accepted by `-- schema-tool: allow plpgsql-error reason` above that
  `create function` statement.
- **Needs**: the plpgsql_check extension on the lint engine, or on the system
  engine (`apt-get install postgresql-15-plpgsql-check`); otherwise the layer
  is skipped with a note.
- **Example**: `create function app.f() returns int language plpgsql as $$
  begin return (select missing from app.notes limit 1); end $$;` fails
  (42703 column "missing" does not exist); naming a real column passes."""

from ...findings import ERROR, rule

RULE = rule("plpgsql-error", "plpgsql", ERROR, "plpgsql_check finds an error in a PL/pgSQL function",
            doc=__doc__)
