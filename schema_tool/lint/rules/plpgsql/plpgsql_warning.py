"""- **What**: plpgsql_check warns about a PL/pgSQL function or trigger
  function of a project schema (its "other" warnings): a variable that
  shadows a column or another variable, code that never runs, a function that
  may end without RETURN, an implicit cast that can fail, a target variable
  that gets too few or too many columns.
- **Why**: each is a likely bug that Postgres accepts silently. `supabase db
  lint` reports them at its `warning` level. plpgsql_check's extra warnings
  (unused variables and parameters) and its performance and security
  warnings are off: they are advice, and seed-fixed signatures keep
  parameters a body does not read.
- **Where**: as `plpgsql-error`: the statement that last creates or replaces
  the function, with the body line.
- **Fix**: correct the function in a new migration, or accept it with `--
  schema-tool: allow plpgsql-warning reason` above that `create function`.
- **Example**: a body with `return 1; raise notice 'never';` warns (unreachable
  code); without the dead statement it passes."""

from ...findings import WARNING, rule

RULE = rule("plpgsql-warning", "plpgsql", WARNING, "plpgsql_check warns about a PL/pgSQL function",
            doc=__doc__)
