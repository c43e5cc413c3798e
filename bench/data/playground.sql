-- bench data: playground. Sizes at SCALE=1: 530k sessions (skewed users),
-- ~5M interactions (1-60 per session, mean ~10), 200k creations, shares,
-- achievements of the 20k most active users (one row per definition).
-- Session counters (interaction_count) are set from the generated rows;
-- error_count / avg_response_time_ms are left at their defaults.
select setseed(0.22);
select round(530000 * :scale)::integer as sessions \gset

create temp table np as
select row_number() over (order by organization_name) - 1 as k, id
from playground.synthetic_nonprofit_profiles;
select count(*) as nprofiles from np \gset

create temp table tools as
select row_number() over (order by sort_order, tool_name) as k, tool_name
from playground.ai_playground_toolkit_items
where is_active;
select count(*) as ntools from tools \gset

insert into playground.ai_playground_sessions (id, user_id, activity_type, nonprofit_profile_id, session_start,
                                               session_end, device_type, browser, interaction_count, metadata,
                                               created_at, updated_at)
select md5('ps-' || i)::uuid,
       bench.uid(bench.skew(bench.h(i, 'ps-u'), :users)),
       (array['prompt_building', 'ai_simulation', 'tool_exploration', 'content_creation',
              'nonprofit_scenario', 'data_analysis', 'free_exploration'])[1 + i % 7],
       case when i % 10 = 0 then np.id end,
       x.t,
       case when i % 50 <> 0 then x.t + interval '1 second' * (60 + floor(3540 * bench.h(i, 'ps-d'))) end,
       (array['desktop', 'desktop', 'mobile', 'tablet'])[1 + i % 4],
       'Chrome 131',
       x.k,
       '{}',
       x.t, x.t
from generate_series(1, :sessions) as i
cross join lateral (
    select now() - interval '365 days' * bench.h(i, 'ps-t') as t,
           least(60, 1 + floor(-ln(1 - bench.h(i, 'ps-k')) * 9))::integer as k
) as x
left join np on np.k = i % :nprofiles;

insert into playground.ai_playground_interactions (session_id, user_id, interaction_type, tool_name, sequence_number,
                                                   response_time_ms, tokens_used, success, success_score,
                                                   error_message, user_rating, metadata, created_at, updated_at)
select s.id, s.user_id,
       (array['prompt_submit', 'prompt_submit', 'prompt_submit', 'prompt_refine', 'tool_open', 'tool_use',
              'simulation_run', 'content_generate', 'creation_save', 'feedback_submit'])[1 + floor(10 * r.a)::integer],
       t.tool_name,
       q,
       least(3600000, 150 + floor(-ln(1 - r.b) * 900))::integer,
       50 + floor(2000 * r.c)::integer,
       r.d >= 0.05,
       case when r.d >= 0.05 then 50 + floor(50 * r.c)::integer end,
       case when r.d < 0.05 then 'upstream timeout' end,
       case when r.e < 0.05 then 1 + floor(r.e * 100)::integer end,
       jsonb_build_object('prompt_length', floor(1000 * r.c)::integer),
       s.session_start + interval '20 seconds' * q,
       s.session_start + interval '20 seconds' * q
from playground.ai_playground_sessions as s
cross join lateral generate_series(1, s.interaction_count) as q
cross join lateral (
    -- correlated on (session, q): fresh random values for every row (a Memoize node
    -- would otherwise reuse them)
    select random() as a, random() as b, random() as c, random() as d, random() as e, random() as f, s.id as sid, q as sq
) as r
join tools as t on t.k = 1 + floor(:ntools * r.f * r.f)::integer;

insert into playground.ai_playground_creations (id, user_id, title, description, creation_type, content, tool_name,
                                                quality_score, complexity_level, view_count, use_count,
                                                sharing_level, is_template, template_category, is_published,
                                                published_at, tags, created_at, updated_at)
select md5('pc-' || j)::uuid,
       bench.uid(bench.skew(bench.h(j, 'pc-u'), :users)),
       'Creation ' || j,
       'A creation made in the playground',
       (array['prompt', 'prompt_chain', 'simulation', 'chatbot', 'workflow', 'document', 'analysis', 'image', 'other'])[1 + j % 9],
       '{"text": "..."}',
       t.tool_name,
       j % 101,
       (array['beginner', 'intermediate', 'advanced', 'expert'])[1 + j % 4],
       j % 500, j % 50,
       case when j % 10 < 7 then 'private' when j % 10 < 9 then 'public' else 'shared' end,
       j % 20 = 0,
       case when j % 20 = 0 then 'fundraising' end,
       j % 10 = 7,
       case when j % 10 = 7 then x.t end,
       array['tag' || (j % 30), 'tag' || (j % 7)],
       x.t, x.t
from generate_series(1, round(200000 * :scale)::integer) as j
cross join lateral (select now() - interval '365 days' * bench.h(j, 'pc-t') as t) as x
join tools as t on t.k = 1 + j % :ntools;

insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id)
select distinct c.id, bench.uid(1 + floor(bench.h(hashtext(c.id::text) + r, 'sh') * :users)::integer)
from playground.ai_playground_creations as c
cross join generate_series(1, 2) as r
where c.sharing_level = 'shared'
  and bench.uid(1 + floor(bench.h(hashtext(c.id::text) + r, 'sh') * :users)::integer) <> c.user_id;

-- achievements of the most active users: one row per active definition
insert into playground.ai_playground_achievements (user_id, achievement_type, category, badge_level, points,
                                                   progress_current, progress_target, unlocked_at, is_shared,
                                                   created_at, updated_at)
select bench.uid(u), d.achievement_type, d.category, d.badge_level, d.points,
       x.p, d.target_value,
       case when x.p >= d.target_value then now() - interval '300 days' * bench.h(u, d.achievement_type) end,
       x.p >= d.target_value and u % 10 = 0,
       now() - interval '330 days', now()
from generate_series(1, least(:users, round(20000 * :scale)::integer)) as u
cross join playground.ai_playground_achievement_definitions as d
cross join lateral (
    select floor(d.target_value * 2 * bench.h(u, 'pa-' || d.achievement_type) * (1 + 100.0 / u))::integer as p
) as x
where d.is_active;

-- the loads above ran with the triggers off: fill the per-user counters the
-- way a restore would be repaired (bench/scale.py refreshes the platform
-- rollups once the indexes are back)
select playground_private.rebuild_user_stats();
select playground_private.rebuild_achievement_counters();
