"""Plan regression guard for the hot paths measured by bench/scale.py.

Timings belong to the benchmark (BENCHMARKS.md); these tests only pin the
*shape* of the plans: on a tiny fixture, with sequential scans disabled so
the planner must show which index it would use at scale, each hot query run
as the signed-in user (role authenticated, request.jwt.claims set the way
PostgREST sets them, RLS on) uses the index it was designed for. A change to
a policy, an index or a view that silently loses the index fails here.
"""

from __future__ import annotations

import json
import re

import psycopg
import pytest

USER = "00000000-0000-4000-8000-000000000001"
OTHER = "00000000-0000-4000-8000-000000000002"


@pytest.fixture
def db(migrated_db_url):
    """The migrated database with 50 auth users and a few thousand rows in the hot tables (loaded as the
    owner without triggers), analyzed: enough rows for the planner to prefer a selective index."""
    with psycopg.connect(migrated_db_url, autocommit=True) as conn:
        conn.execute("set session_replication_role = replica")
        tenant, lesson = "20000000-0000-4000-8000-000000000001", "30000000-0000-4000-8000-000000000001"
        users = "(select case when g = 1 then %s::uuid else md5('u' || g)::uuid end as id, g from generate_series(1, 50) g)"
        statements = [
            (f"insert into auth.users (id, email) select id, 'u' || g || '@example.com' from {users} u", (USER,)),
            # learning
            (f"insert into learning.profiles (id, email) select id, 'u' || g || '@example.com' from {users} u", (USER,)),
            (f"""insert into learning.notifications (user_id, title, message, created_at)
                 select u.id, 'n' || i, 'm', now() - i * interval '1 hour'
                 from {users} u, generate_series(1, 40) i""", (USER,)),
            # playground: one session per user, 40 interactions each
            (f"""insert into playground.ai_playground_sessions (id, user_id, interaction_count)
                 select md5('s' || g)::uuid, id, 40 from {users} u""", (USER,)),
            (f"""insert into playground.ai_playground_interactions
                     (session_id, user_id, interaction_type, tool_name, sequence_number, created_at)
                 select md5('s' || g)::uuid, u.id, 'prompt_submit', 'prompt_builder', i, now() - i * interval '1 minute'
                 from {users} u, generate_series(1, 40) i""", (USER,)),
            # classroom: one tenant, 20 lessons, progress of every member in every lesson
            ("insert into classroom.tenants (id, name, slug) values (%s, 'T', 't')", (tenant,)),
            (f"""insert into classroom.users (id, tenant_id, email, role)
                 select id, %s, 'u' || g || '@example.com', 'STUDENT' from {users} u""", (tenant, USER)),
            ("""insert into classroom.lessons (tenant_id, id, title, status)
                select %s, case when l = 1 then %s::uuid else md5('l' || l)::uuid end, 'L' || l, 'PUBLISHED'
                from generate_series(1, 20) l""", (tenant, lesson)),
            ("""insert into classroom.student_progress (tenant_id, student_id, lesson_id, completion_percent)
                select u.tenant_id, u.id, l.id, 50 from classroom.users u, classroom.lessons l""", None),
            # simulation: 50 profiles, one public scenario, one run each, 40 messages per run
            (f"""insert into simulation.users (auth_user_id, email, username)
                 select id, 'u' || g || '@example.com', 'user' || g from {users} u""", (USER,)),
            ("""insert into simulation.scenarios (title, created_by, is_public)
                select 'S', min(id), true from simulation.users""", None),
            ("""insert into simulation.scenario_scenes (scenario_id, title, scene_order)
                select id, 'Scene', 1 from simulation.scenarios""", None),
            ("""insert into simulation.user_progress (user_id, scenario_id, current_scene_id)
                select u.id, s.id, sc.id from simulation.users u, simulation.scenarios s, simulation.scenario_scenes sc""",
             None),
            ("""insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, message_content,
                                                          message_order, "timestamp")
                select p.id, p.current_scene_id, 'user', 'hello', i, now() - i * interval '1 minute'
                from simulation.user_progress p, generate_series(1, 40) i""", None),
        ]
        for statement, params in statements:
            conn.execute(statement, params)
        conn.execute("analyze")
    return migrated_db_url


def plan_as_user(url: str, query: str, params=None, role: str = "authenticated") -> str:
    with psycopg.connect(url) as conn:
        conn.execute("set enable_seqscan = off")
        conn.execute(f"set role {role}")
        claims = {"sub": USER, "role": role} if role == "authenticated" else {"role": role}
        conn.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))
        rows = conn.execute("explain " + query, params).fetchall()
        conn.rollback()
    return "\n".join(r[0] for r in rows)


def uses_index(plan: str, pattern: str) -> bool:
    return re.search(r"(Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)? (using|on) \S*" + pattern, plan) is not None


def test_playground_own_interactions_list_uses_a_user_id_index(db):
    plan = plan_as_user(
        db,
        """select id, tool_name, created_at from playground.ai_playground_interactions
           where user_id = %s order by created_at desc limit 50""",
        (USER,),
    )
    # (user_id, created_at desc) at scale; on the fixture (user_id, tool_name) + sort is as cheap
    assert uses_index(plan, r"idx_ai_playground_interactions_user_id_\w+"), plan


def test_playground_session_interactions_use_session_sequence_key(db):
    plan = plan_as_user(
        db,
        """select sequence_number, tool_name from playground.ai_playground_interactions
           where session_id = '10000000-0000-4000-8000-000000000001' order by sequence_number""",
    )
    assert uses_index(plan, "ai_playground_interactions_session_id_sequence_number_key"), plan


def test_learning_notifications_rls_only_list_uses_user_created_at_index(db):
    # the app sends no user filter: RLS (user_id = (select auth.uid())) must reach the index
    plan = plan_as_user(
        db, "select id, title, created_at from learning.notifications order by created_at desc limit 20"
    )
    assert uses_index(plan, "idx_notifications_user_id_created_at"), plan


def test_classroom_seed_student_dashboard_uses_tenant_student_index(db):
    plan = plan_as_user(
        db,
        """select l.title, sp.completion_percent, sp.updated_at
           from classroom.student_progress sp join classroom.lessons l on sp.lesson_id = l.id
           where sp.student_id = %s and sp.completion_percent > 0
           order by sp.updated_at desc""",
        (USER,),
    )
    assert uses_index(plan, "(idx_student_progress_tenant_id_student_id_updated_at|student_progress_tenant_id_student_id_lesson_id_key)"), plan


def test_simulation_run_conversation_uses_user_progress_index_on_partitions(db):
    with psycopg.connect(db) as conn:
        run_id = conn.execute(
            """select p.id from simulation.user_progress p join simulation.users u on u.id = p.user_id
               where u.auth_user_id = %s""", (USER,)).fetchone()[0]
    plan = plan_as_user(
        db,
        """select message_order, message_content from simulation.conversation_logs
           where user_progress_id = %s order by "timestamp", message_order""",
        (run_id,),
    )
    # the parent's index idx_conversation_logs_user_progress_id exists on every partition
    # under a generated name: conversation_logs_pYYYYMM_user_progress_id_timestamp_idx
    assert uses_index(plan, r"(conversation_logs_\w*user_progress_id\w*)"), plan


def test_aiml_nearest_chunks_use_hnsw_index(db):
    plan = plan_as_user(
        db,
        """select id from aiml.content_chunks
           order by embedding operator(extensions.<=>) (array_fill(0.1, array[1536])::extensions.vector(1536))
           limit 10""",
        role="anon",
    )
    assert uses_index(plan, "idx_content_chunks_embedding"), plan


# Proposed in BENCHMARKS.md ("Scale: hot paths under RLS"); they pass once the change is in the migrations.


def test_playground_rls_only_interactions_list_uses_a_user_id_index(db):
    plan = plan_as_user(
        db, "select id, tool_name, created_at from playground.ai_playground_interactions order by created_at desc limit 50"
    )
    assert uses_index(plan, r"idx_ai_playground_interactions_user_id_\w+"), plan


def test_simulation_latest_messages_across_runs_use_a_user_index(db):
    plan = plan_as_user(
        db, 'select message_content from simulation.conversation_logs order by "timestamp" desc limit 50'
    )
    assert uses_index(plan, r"conversation_logs_\w*user_id_timestamp\w*"), plan
