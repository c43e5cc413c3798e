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
    for t in ctx.relations(["pgmq"], "r", "p"):
        if t.name.startswith("q_") and not t.rls and (
                t.granted("anon", "select") or t.granted("authenticated", "select")):
            name = f"pgmq.{t.name}"
            yield RULE.finding(
                "queue table without RLS is readable by API clients while pgmq_public is exposed",
                f"alter table {name} enable row level security; add policies for who may read it",
                object=name, match=((name,),),
            )
