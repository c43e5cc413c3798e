"""aiml: semantic search (HNSW), per-user logs and DevLab, commerce analytics."""

Query = globals()["Query"]  # injected by bench/scale.py


def personas(conn):
    rows = conn.execute("""
        with c as (select user_id, count(*) as n from aiml.use_case_executions group by 1)
        select (select user_id from c order by n desc, user_id limit 1),
               (select user_id from c order by n, user_id limit 1 offset (select count(*) / 2 from c))
    """).fetchone()
    qvec = conn.execute("select v::text from bench.query_vectors where i = 1").fetchone()[0]
    use_case = conn.execute("""select uc.use_case_id from aiml.use_cases uc
                               join aiml.content_chunks c on c.use_case_id = uc.id
                               group by 1 order by count(*) desc, 1 limit 1""").fetchone()[0]
    out = {}
    for name, aid in zip(("heavy", "typical"), rows):
        uid, = conn.execute("select auth_user_id from aiml.users where id = %s", (aid,)).fetchone()
        n = conn.execute("select count(*) from aiml.use_case_executions where user_id = %s", (aid,)).fetchone()[0]
        project = conn.execute("""
            select p.id from aiml.devlab_projects p left join aiml.devlab_executions e on e.project_id = p.id
            where p.user_id = %s group by p.id order by count(e.id) desc, p.id limit 1""", (aid,)).fetchone()
        out[name] = {"uid": str(uid), "aiml_user_id": aid, "label": f"({n} use case runs)",
                     "project_id": project[0] if project else -1, "qvec": qvec, "use_case": use_case}
    return out


def platform(name, sql, note=""):
    return Query(name, "dashboard", sql, personas=("heavy",), platform=True, svc=False, note=note)


QUERIES = [
    Query("semantic_search", "search",
          "select id, content_type, similarity from aiml.search_content_chunks(%(qvec)s::extensions.vector, 10)",
          personas=("typical",), note="top 10 of all chunks by cosine distance (HNSW)"),
    Query("semantic_search_use_case", "search",
          """select id, content_type, similarity
             from aiml.search_content_chunks(%(qvec)s::extensions.vector, 10, %(use_case)s)""",
          personas=("typical",), note="filtered by one use case: HNSW + filter"),
    Query("similar_products", "search",
          """select id, name, price
             from aiml.products
             order by embedding operator(extensions.<=>) %(qvec)s::extensions.vector
             limit 10""",
          personas=("typical",)),
    Query("similar_products_anon", "search",
          """select id, name, price
             from aiml.products
             order by embedding operator(extensions.<=>) %(qvec)s::extensions.vector
             limit 10""",
          personas=("typical",), role="anon"),
    Query("my_executions", "per_user",
          """select use_case_id, confidence, latency_ms, created_at
             from aiml.use_case_executions
             order by created_at desc
             limit 20""",
          """select use_case_id, confidence, latency_ms, created_at
             from aiml.use_case_executions
             where user_id = %(aiml_user_id)s
             order by created_at desc
             limit 20""",
          note="RLS only (policy: user_id = current_user_id())"),
    Query("my_executions_filtered", "per_user",
          """select use_case_id, confidence, latency_ms, created_at
             from aiml.use_case_executions
             where user_id = %(aiml_user_id)s
             order by created_at desc
             limit 20""",
          note="same list with the user filter spelled out"),
    Query("my_events", "per_user",
          """select event_type, properties, created_at
             from aiml.analytics_events
             order by created_at desc
             limit 50""",
          """select event_type, properties, created_at
             from aiml.analytics_events
             where user_id = %(aiml_user_id)s
             order by created_at desc
             limit 50"""),
    Query("my_projects", "per_user",
          "select id, name, language, updated_at from aiml.devlab_projects order by updated_at desc",
          "select id, name, language, updated_at from aiml.devlab_projects where user_id = %(aiml_user_id)s order by updated_at desc"),
    Query("project_files", "per_user",
          """select file_path, language, file_type
             from aiml.devlab_files
             where project_id = %(project_id)s
             order by file_path""",
          note="policy: project_id in (my projects)"),
    Query("project_executions", "per_user",
          """select id, status, execution_time_ms, created_at
             from aiml.devlab_executions
             where project_id = %(project_id)s
             order by created_at desc
             limit 20"""),
    Query("use_cases_by_industry", "per_user",
          """select uc.use_case_id, uc.display_name, uc.is_dynamic
             from aiml.use_cases uc
             join aiml.industries i on i.id = uc.industry_id
             where i.industry_id = 'fintech'
             order by uc.display_name""",
          personas=("typical",)),
    Query("run_use_case", "write",
          """insert into aiml.use_case_executions (use_case_id, user_id, input_data, confidence, latency_ms)
             values (1, %(aiml_user_id)s, '{"q": "x"}', 0.9, 120)""",
          svc=False, note="rolled back"),
    platform("execution_queue",
             """select id, project_id, language, created_at
                from aiml.devlab_executions
                where status = 'queued'
                order by created_at
                limit 20""", "the sandbox runner polls this"),
    platform("top_products_30d",
             """select oi.product_id, sum(oi.line_total) as revenue, sum(oi.quantity) as units
                from aiml.order_items oi
                join aiml.orders o on o.id = oi.order_id
                where o.created_at >= now() - interval '30 days'
                  and o.status in ('paid', 'shipped', 'delivered')
                group by oi.product_id
                order by revenue desc
                limit 20"""),
    platform("fraud_daily_30d",
             """select date_trunc('day', created_at) as day, count(*) as transactions,
                       count(*) filter (where is_fraud) as fraud, avg(fraud_score) as avg_score
                from aiml.transactions
                where created_at >= now() - interval '30 days'
                group by 1 order by 1"""),
    platform("use_case_stats_30d",
             """select use_case_id, count(*) as runs, avg(latency_ms) as avg_latency, avg(confidence) as avg_confidence
                from aiml.use_case_executions
                where created_at >= now() - interval '30 days'
                group by 1 order by 2 desc"""),
]
