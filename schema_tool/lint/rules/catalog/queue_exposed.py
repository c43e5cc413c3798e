"""- **What**: a Supabase Queues (pgmq) queue table `pgmq.q_<name>` without row
  level security that anon or authenticated can select, while the
  `pgmq_public` schema is exposed in `[api] schemas`.
- **Why**: through `pgmq_public`'s functions and the grants on the queue,
  every client can read (and pop) every message of the queue.
- **Fix**: `alter table pgmq.q_<name> enable row level security;` and policies
  for who may read and send, or revoke the grants.
- **Example**: `grant select on pgmq.q_jobs to authenticated` with RLS off and
  `pgmq_public` exposed fails; with RLS on it passes."""

from ...findings import ERROR, rule

RULE = rule("queue-exposed", "catalog", ERROR, "queue readable through the API without RLS", doc=__doc__,
            splinter=("0019",))


def check(ctx):
    if "pgmq_public" not in ctx.exposed:
        return
    for (table,) in ctx.rows(
        """
        select c.relname
        from pg_catalog.pg_class as c
        join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
        where n.nspname = 'pgmq' and c.relkind in ('r', 'p') and c.relname like 'q\\_%%'
          and not c.relrowsecurity
          and (pg_catalog.has_table_privilege('anon', c.oid, 'select')
               or pg_catalog.has_table_privilege('authenticated', c.oid, 'select'))
        order by 1
        """
    ):
        name = f"pgmq.{table}"
        yield RULE.finding(
            "queue table without RLS is readable by API clients while pgmq_public is exposed",
            f"alter table {name} enable row level security; add policies for who may read it",
            object=name, match=((name,),),
        )
