"""- **What**: plpgsql_check warns about a PL/pgSQL function or trigger
  function of a project schema (its "other" and "extra" warnings): an unused
  variable, a variable that shadows a column or another variable, code that
  never runs, a function that may end without RETURN, an implicit cast that
  can fail, a target that gets too few or too many columns, a parameter never
  read.
- **Why**: each is a likely bug that Postgres accepts silently. `supabase db
  lint` reports them at its `warning` level (plpgsql_check's defaults). Its
  performance warnings (a VOLATILE function that could be STABLE, a
  `select into` that casts) and security warnings are off, as in Supabase's
  lint: advice about speed, not defects.
- **Where**: as `plpgsql-error`: the statement that last creates or replaces
  the function, with the body line.
- **Fix**: correct the function in a new migration, or accept it with `--
  schema-tool: allow plpgsql-warning reason` above that `create function`.
- **Example**: a body declaring `v_unused integer;` that it never uses warns
  (00000 unused variable "v_unused"); without the declaration it passes."""

from ...findings import WARNING, rule

RULE = rule("plpgsql-warning", "plpgsql", WARNING, "plpgsql_check warns about a PL/pgSQL function",
            doc=__doc__)
