-- bench data: simulation. Sizes at SCALE=1: 40k profiles, 5k scenarios
-- (3 personas, 5 scenes each), 212k runs (skewed users, popular scenarios),
-- ~600k scene progress rows, ~2M conversation log rows over 12 monthly
-- partitions, 50k reviews.
select setseed(0.44);
select least(:users, round(40000 * :scale))::integer as sim_users,
       greatest(200, round(5000 * :scale))::integer as scenarios,
       round(212000 * :scale)::integer as runs \gset

select simulation_private.create_conversation_log_partitions(11, now() - interval '11 months');

insert into simulation.users (id, auth_user_id, email, full_name, username, role, created_at, updated_at)
overriding system value
select k, bench.uid(k), 'user' || k || '@bench.example', 'Bench User ' || k, 'user' || k,
       case when k % 1000 = 5 then 'admin' when k % 100 = 7 then 'teacher' else 'student' end::simulation.user_role,
       now() - interval '300 days', now()
from generate_series(1, :sim_users) as k;

insert into simulation.scenarios (id, title, description, challenge, industry, learning_objectives, source_type,
                                  student_role, category, difficulty_level, estimated_duration, tags,
                                  rating_avg, rating_count, is_public, is_template, usage_count,
                                  created_by, created_at, updated_at)
overriding system value
select s,
       (array['Market entry', 'Supply chain crisis', 'Pricing strategy', 'Merger integration', 'Digital transformation',
              'Customer churn', 'Seasonal contracts', 'Fundraising round'])[1 + s % 8] || ' case ' || s,
       'A business case study', 'The main challenge',
       (array['retail', 'agriculture', 'fintech', 'healthcare', 'logistics', 'energy', 'media', 'education', 'travel', 'manufacturing'])[1 + s % 10],
       '["Analyze the market", "Recommend a strategy"]', 'pdf_upload', 'CEO',
       (array['strategy', 'operations', 'finance', 'marketing', 'leadership', 'ethics', 'innovation', 'hr'])[1 + (s / 3) % 8],
       (array['beginner', 'intermediate', 'advanced'])[1 + s % 3], 60,
       jsonb_build_array('tag' || (s % 25), 'tag' || (s % 4)),
       round((1 + 4 * bench.h(s, 'sr'))::numeric, 2), s % 40,
       s % 10 < 7, s % 50 = 0, 0,
       1 + ((s - 1) * 37) % least(:sim_users, 2000),
       now() - interval '340 days' * bench.h(s, 'sc-t'), now()
from generate_series(1, :scenarios) as s;

insert into simulation.scenario_personas (id, scenario_id, name, role, background, primary_goals, personality_traits)
overriding system value
select (s - 1) * 3 + p, s, (array['Wanjohi', 'Amina', 'Carlos', 'Mei', 'Olu', 'Sofia'])[1 + (s + p) % 6] || ' ' || s,
       (array['CEO', 'CFO', 'Marketing director'])[p], 'Background', '["grow revenue"]', '{"analytical": 8, "creative": 6}'
from generate_series(1, :scenarios) as s cross join generate_series(1, 3) as p;

insert into simulation.scenario_scenes (id, scenario_id, title, description, user_goal, scene_order, max_attempts,
                                        success_threshold, goal_criteria)
overriding system value
select (s - 1) * 5 + o, s, 'Scene ' || o, 'What happens in this scene', 'Reach the goal', o, 5, 0.7,
       '{"key_topics": ["market analysis"], "success_threshold": 0.75}'
from generate_series(1, :scenarios) as s cross join generate_series(1, 5) as o;

insert into simulation.scene_personas (scene_id, persona_id, scenario_id, involvement_level)
select (s - 1) * 5 + o, (s - 1) * 3 + p, s, case when p = 1 then 'key' else 'participant' end
from generate_series(1, :scenarios) as s cross join generate_series(1, 5) as o cross join generate_series(1, 2) as p;

insert into simulation.scenario_files (scenario_id, file_path, file_size, original_content, processing_status, processing_log)
select s, 'cases/' || s || '.pdf', 100000, 'Extracted text', 'completed', '{"errors": [], "warnings": []}'
from generate_series(1, :scenarios) as s;

create temp table runs as
select r, x.u, x.s, x.started,
       row_number() over (partition by x.u, x.s order by r) as rn,
       bench.h(r, 'run-status') as st,
       least(80, 1 + floor(-ln(1 - bench.h(r, 'run-m')) * 9))::integer as m
from generate_series(1, :runs) as r
cross join lateral (
    select bench.skew(bench.h(r, 'run-u'), :sim_users) as u,
           1 + floor(:scenarios * bench.h(r, 'run-s') * bench.h(r, 'run-s'))::integer as s,
           now() - interval '330 days' * bench.h(r, 'run-t') as started
) as x;

insert into simulation.user_progress (id, user_id, scenario_id, current_scene_id, simulation_status, scenes_completed,
                                      total_attempts, hints_used, completion_percentage, total_time_spent,
                                      session_count, final_score, started_at, completed_at, last_activity,
                                      created_at, updated_at)
overriding system value
select r, u, s, (s - 1) * 5 + y.k, y.status,
       (select coalesce(jsonb_agg((s - 1) * 5 + o), '[]') from generate_series(1, y.done) as o),
       m, m / 10, y.done * 20.0, 60 * m, 1 + m / 10,
       case when y.status = 'completed' then 50 + 50 * st end,
       started,
       case when y.status = 'completed' then started + interval '2 minutes' * m end,
       started + interval '2 minutes' * m,
       started, started + interval '2 minutes' * m
from runs
cross join lateral (
    select case when rn = 1 and st < 0.3 then 'in_progress' when st < 0.8 then 'completed' else 'abandoned' end::simulation.simulation_status as status,
           case when rn = 1 and st < 0.3 then 1 + floor(st * 13)::integer when st < 0.8 then 5 else 2 end as k,
           case when rn = 1 and st < 0.3 then floor(st * 13)::integer when st < 0.8 then 5 else 1 end as done
) as y;

insert into simulation.scene_progress (user_progress_id, scene_id, status, attempts, goal_achieved, time_spent,
                                       messages_sent, ai_responses, goal_achievement_score, started_at, completed_at)
select p.id, (p.scenario_id - 1) * 5 + o,
       case when (p.scenario_id - 1) * 5 + o = p.current_scene_id and p.simulation_status = 'in_progress'
            then 'in_progress' else 'completed' end::simulation.scene_status,
       1 + o % 3, true, 120, 3, 3, 0.8, p.started_at, p.last_activity
from simulation.user_progress as p
cross join lateral generate_series(1, (p.current_scene_id - (p.scenario_id - 1) * 5)::integer) as o;

insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, sender_name, persona_id,
                                          message_content, message_order, attempt_number, is_hint,
                                          ai_context_used, ai_model_version, processing_time, user_reaction,
                                          led_to_progress, "timestamp")
select p.id,
       (p.scenario_id - 1) * 5 + 1 + ((q - 1) * 5 / runs.m),
       case when q % 2 = 1 then 'user' else 'ai_persona' end::simulation.message_type,
       case when q % 2 = 1 then 'Learner' else 'Persona' end,
       case when q % 2 = 0 then (p.scenario_id - 1) * 3 + 1 + q % 3 end,
       repeat('A message in the simulation. ', 4),
       q, 1, false,
       case when q % 2 = 0 then '{"system_prompt_version": "2.1"}'::jsonb else '{}'::jsonb end,
       case when q % 2 = 0 then 'gpt-4o' end,
       case when q % 2 = 0 then 1.5 end,
       (array['positive', 'neutral', 'negative'])[1 + q % 3],
       q % 10 = 0,
       p.started_at + interval '2 minutes' * q
from simulation.user_progress as p
join runs on runs.r = p.id
cross join lateral generate_series(1, runs.m) as q;

insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating, review_text, pros, cons, helpful_votes, total_votes)
select distinct on (x.s, x.u) x.s, x.u, 1 + j % 5, 'A review', '["clear"]', '["long"]', j % 5, j % 5 + j % 9
from generate_series(1, round(50000 * :scale)::integer) as j
cross join lateral (
    select 1 + floor(:scenarios * bench.h(j, 'rv-s') * bench.h(j, 'rv-s'))::integer as s,
           bench.skew(bench.h(j, 'rv-u'), :sim_users) as u
) as x
join simulation.scenarios as sc on sc.id = x.s and sc.is_public and sc.created_by <> x.u
order by x.s, x.u;

select setval(pg_get_serial_sequence('simulation.' || t, 'id'), (select max(id) from simulation.users))
from (values ('users')) as v (t);
select setval(pg_get_serial_sequence('simulation.scenarios', 'id'), :scenarios);
select setval(pg_get_serial_sequence('simulation.scenario_personas', 'id'), :scenarios * 3);
select setval(pg_get_serial_sequence('simulation.scenario_scenes', 'id'), :scenarios * 5);
select setval(pg_get_serial_sequence('simulation.user_progress', 'id'), :runs);
