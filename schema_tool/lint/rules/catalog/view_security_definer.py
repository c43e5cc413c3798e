"""- **What**: a view in an exposed schema, without `security_invoker = true`,
  that reads (directly or through other views) a table with RLS.
- **Why**: the view runs with its owner's rights and bypasses the table's RLS.
- **Fix**: `create view ... with (security_invoker = true) as ...`.
- **Example**: `create view app.note_ids as select id from app.notes;` fails;
  `with (security_invoker = true)` passes."""

from ...findings import ERROR, rule
from ... import catalog as c

RULE = rule("view-security-definer", "catalog", ERROR, "view without security_invoker over RLS tables", doc=__doc__,
            splinter=("0010",))


def check(ctx):
    for schema, view, tables in ctx.rows(
        c.VIEW_DEPENDENCIES
        + f"""
        select n.nspname, v.relname,
               array_agg(distinct tn.nspname || '.' || t.relname order by tn.nspname || '.' || t.relname)
        from pg_catalog.pg_class as v
        join pg_catalog.pg_namespace as n on n.oid = v.relnamespace
        join deps on deps.view_oid = v.oid
        join pg_catalog.pg_class as t on t.oid = deps.rel_oid and t.relkind in ('r', 'p') and t.relrowsecurity
        join pg_catalog.pg_namespace as tn on tn.oid = t.relnamespace
        where v.relkind = 'v' and n.nspname = any(%(exposed)s) and {c.user_schema()}
          and coalesce((
              select lower(o.option_value) in ('true', 'on', 'yes', '1')
              from pg_catalog.pg_options_to_table(v.reloptions) as o
              where o.option_name = 'security_invoker'
          ), false) = false
        group by 1, 2
        order by 1, 2
        """
    ):
        name = c.q(schema, view)
        yield RULE.finding(
            f"view runs with its owner's rights and bypasses RLS on {', '.join(tables)}",
            "create it `with (security_invoker = true)` (or `alter view ... set (security_invoker = true)`)",
            object=name, match=((name,),),
        )
