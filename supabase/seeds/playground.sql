-- Demo data for the playground module (supabase db reset / local development).
-- Applies after all migrations on a fresh database, as postgres. Reference
-- data (toolkit, achievement definitions, nonprofit profiles) comes from the
-- migrations; this file adds three demo people and some activity:
--   ada.playground@example.com   active learner (sessions over two weeks, creations, achievements)
--   ben.playground@example.com   newcomer (one session, forks Ada's public prompt)
--   cleo.playground@example.com  platform admin (app_metadata.role = admin)
-- Times are relative to now() so the 7-day daily metrics show data.
-- Idempotent: fixed ids and on conflict do nothing. No explicit transaction:
-- every statement stands alone, so the file works whether or not the runner
-- wraps it in one.

insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        email_confirmed_at, created_at, updated_at)
values
    ('b1a90000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'ada.playground@example.com',
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Ada Okafor"}',
     now() - interval '30 days', now() - interval '30 days', now()),
    ('b1a90000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'ben.playground@example.com',
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Ben Lindqvist"}',
     now() - interval '3 days', now() - interval '3 days', now()),
    ('b1a90000-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'cleo.playground@example.com',
     '{"provider": "email", "providers": ["email"], "role": "admin"}', '{"full_name": "Cleo Martin"}',
     now() - interval '60 days', now() - interval '60 days', now())
on conflict (id) do nothing;

-- sessions: Ada on 6 different days, one still active; Ben once
insert into playground.ai_playground_sessions (id, user_id, activity_type, nonprofit_profile_id,
                                               session_start, session_end, device_type, browser)
values
    ('b1a90001-0000-4000-8000-000000000001', 'b1a90000-0000-4000-8000-000000000001', 'prompt_building', null,
     now() - interval '14 days', now() - interval '14 days' + interval '35 minutes', 'desktop', 'Firefox 132'),
    ('b1a90001-0000-4000-8000-000000000002', 'b1a90000-0000-4000-8000-000000000001', 'nonprofit_scenario',
     (select id from playground.synthetic_nonprofit_profiles where organization_name = 'Harvest Share Food Bank'),
     now() - interval '9 days', now() - interval '9 days' + interval '50 minutes', 'desktop', 'Firefox 132'),
    ('b1a90001-0000-4000-8000-000000000003', 'b1a90000-0000-4000-8000-000000000001', 'ai_simulation',
     (select id from playground.synthetic_nonprofit_profiles where organization_name = 'Youth Forward Mentoring'),
     now() - interval '5 days', now() - interval '5 days' + interval '25 minutes', 'tablet', 'Safari 18'),
    ('b1a90001-0000-4000-8000-000000000004', 'b1a90000-0000-4000-8000-000000000001', 'content_creation', null,
     now() - interval '3 days', now() - interval '3 days' + interval '40 minutes', 'desktop', 'Firefox 132'),
    ('b1a90001-0000-4000-8000-000000000005', 'b1a90000-0000-4000-8000-000000000001', 'data_analysis', null,
     now() - interval '1 day', now() - interval '1 day' + interval '20 minutes', 'desktop', 'Firefox 132'),
    ('b1a90001-0000-4000-8000-000000000006', 'b1a90000-0000-4000-8000-000000000001', 'tool_exploration', null,
     now() - interval '10 minutes', null, 'mobile', 'Chrome 131'),
    ('b1a90001-0000-4000-8000-000000000007', 'b1a90000-0000-4000-8000-000000000002', 'free_exploration', null,
     now() - interval '2 days', now() - interval '2 days' + interval '15 minutes', 'mobile', 'Chrome 131')
on conflict (id) do nothing;

-- interactions (sequence numbers and session / tool statistics come from triggers)
insert into playground.ai_playground_interactions (id, session_id, user_id, interaction_type, tool_name,
                                                   response_time_ms, tokens_used, success, success_score,
                                                   error_message, user_rating, metadata, created_at)
select v.id::uuid, v.session_id::uuid, v.user_id::uuid, v.interaction_type, v.tool_name,
       v.response_time_ms, v.tokens_used, v.success, v.success_score, v.error_message, v.user_rating,
       v.metadata::jsonb, s.session_start + v.after
from (
    values
        ('b1a90002-0000-4000-8000-000000000001', 'b1a90001-0000-4000-8000-000000000001', 'b1a90000-0000-4000-8000-000000000001',
         'tool_open', 'concept_explainer', 180, 120, true, null, null, 5, '{"topic": "tokens"}', interval '2 minutes'),
        ('b1a90002-0000-4000-8000-000000000002', 'b1a90001-0000-4000-8000-000000000001', 'b1a90000-0000-4000-8000-000000000001',
         'prompt_submit', 'prompt_builder', 240, 310, true, 72, null, 4, '{"prompt_length": 150}', interval '6 minutes'),
        ('b1a90002-0000-4000-8000-000000000003', 'b1a90001-0000-4000-8000-000000000001', 'b1a90000-0000-4000-8000-000000000001',
         'prompt_refine', 'prompt_builder', 260, 290, true, 85, null, 5, '{"prompt_length": 210}', interval '12 minutes'),
        ('b1a90002-0000-4000-8000-000000000004', 'b1a90001-0000-4000-8000-000000000002', 'b1a90000-0000-4000-8000-000000000001',
         'prompt_submit', 'data_insights', 1450, 820, true, 78, null, 4, '{"rows": 1200}', interval '10 minutes'),
        ('b1a90002-0000-4000-8000-000000000005', 'b1a90001-0000-4000-8000-000000000002', 'b1a90000-0000-4000-8000-000000000001',
         'content_generate', 'donor_email_assistant', 980, 640, true, 88, null, 5, '{"emails": 3}', interval '30 minutes'),
        ('b1a90002-0000-4000-8000-000000000006', 'b1a90001-0000-4000-8000-000000000003', 'b1a90000-0000-4000-8000-000000000001',
         'simulation_run', 'ai_simulator', 6200, 2400, false, null, 'Simulation timed out after 6 s', null, '{"personas": 2}', interval '5 minutes'),
        ('b1a90002-0000-4000-8000-000000000007', 'b1a90001-0000-4000-8000-000000000003', 'b1a90000-0000-4000-8000-000000000001',
         'simulation_run', 'ai_simulator', 3100, 2100, true, 81, null, 4, '{"personas": 2}', interval '12 minutes'),
        ('b1a90002-0000-4000-8000-000000000008', 'b1a90001-0000-4000-8000-000000000004', 'b1a90000-0000-4000-8000-000000000001',
         'content_generate', 'content_generator', 890, 560, true, 90, null, 5, '{"channel": "newsletter"}', interval '8 minutes'),
        ('b1a90002-0000-4000-8000-000000000009', 'b1a90001-0000-4000-8000-000000000004', 'b1a90000-0000-4000-8000-000000000001',
         'prompt_submit', 'grant_writer', 2300, 1500, true, 76, null, null, '{"section": "need statement"}', interval '20 minutes'),
        ('b1a90002-0000-4000-8000-000000000010', 'b1a90001-0000-4000-8000-000000000005', 'b1a90000-0000-4000-8000-000000000001',
         'prompt_submit', 'data_insights', 1200, 700, true, 80, null, 4, '{"rows": 800}', interval '4 minutes'),
        ('b1a90002-0000-4000-8000-000000000011', 'b1a90001-0000-4000-8000-000000000006', 'b1a90000-0000-4000-8000-000000000001',
         'tool_open', 'response_evaluator', 300, 150, true, null, null, null, '{}', interval '3 minutes'),
        ('b1a90002-0000-4000-8000-000000000012', 'b1a90001-0000-4000-8000-000000000007', 'b1a90000-0000-4000-8000-000000000002',
         'prompt_submit', 'prompt_builder', 310, 200, true, 60, null, 3, '{"prompt_length": 80}', interval '4 minutes'),
        ('b1a90002-0000-4000-8000-000000000013', 'b1a90001-0000-4000-8000-000000000007', 'b1a90000-0000-4000-8000-000000000002',
         'tool_use', 'scenario_roleplay', 1900, 900, true, 70, null, null, '{}', interval '9 minutes')
) as v (id, session_id, user_id, interaction_type, tool_name, response_time_ms, tokens_used, success,
        success_score, error_message, user_rating, metadata, after)
join playground.ai_playground_sessions s on s.id = v.session_id::uuid
on conflict (id) do nothing;

-- creations: a public prompt (published template), its second version, a
-- workflow shared with Ben, a private draft; Ben forks the public prompt
insert into playground.ai_playground_creations (id, user_id, session_id, parent_id, title, description,
                                                creation_type, content, tool_name, quality_score,
                                                complexity_level, view_count, use_count, sharing_level,
                                                is_template, template_category, is_published, tags, created_at)
values
    ('b1a90003-0000-4000-8000-000000000001', 'b1a90000-0000-4000-8000-000000000001', 'b1a90001-0000-4000-8000-000000000001', null,
     'Adoption listing writer', 'Turns shelter intake notes into a warm, honest adoption listing.',
     'prompt', '{"prompt": "You are a volunteer writer for an animal shelter. From these intake notes: {{notes}} write a 120-word adoption listing..."}',
     'prompt_builder', 84, 'beginner', 42, 9, 'public', true, 'animal_welfare', true,
     '{animals,adoption,listings}', now() - interval '14 days'),
    ('b1a90003-0000-4000-8000-000000000003', 'b1a90000-0000-4000-8000-000000000001', 'b1a90001-0000-4000-8000-000000000004', null,
     'Donor thank-you workflow', 'Drafts thank-you emails per gift band for review by the development lead.',
     'workflow', '{"steps": ["segment gifts", "draft email", "human review"]}',
     'donor_email_assistant', 79, 'intermediate', 5, 1, 'shared', false, null, false,
     '{donors,email,fundraising}', now() - interval '3 days'),
    ('b1a90003-0000-4000-8000-000000000004', 'b1a90000-0000-4000-8000-000000000001', 'b1a90001-0000-4000-8000-000000000005', null,
     'Pantry demand notes', 'Draft analysis of seasonal demand (private).',
     'analysis', '{"notes": "Peaks in November and January"}',
     'data_insights', null, 'intermediate', 0, 0, 'private', false, null, false,
     '{food,forecasting}', now() - interval '1 day')
on conflict (id) do nothing;

-- second version of Ada's prompt (parent = her own creation: version 2)
insert into playground.ai_playground_creations (id, user_id, session_id, parent_id, title, creation_type,
                                                content, tool_name, quality_score, complexity_level,
                                                sharing_level, tags, created_at)
values
    ('b1a90003-0000-4000-8000-000000000002', 'b1a90000-0000-4000-8000-000000000001', 'b1a90001-0000-4000-8000-000000000004',
     'b1a90003-0000-4000-8000-000000000001', 'Adoption listing writer v2', 'prompt',
     '{"prompt": "You are a volunteer writer... Keep it under 100 words and mention vaccination status."}',
     'prompt_builder', 88, 'beginner', 'public', '{animals,adoption,listings}', now() - interval '3 days')
on conflict (id) do nothing;

insert into playground.ai_playground_creation_shares (creation_id, shared_with_user_id)
values ('b1a90003-0000-4000-8000-000000000003', 'b1a90000-0000-4000-8000-000000000002')
on conflict do nothing;

-- Ben forks Ada's public prompt (the fork trigger counts it on the original)
insert into playground.ai_playground_creations (id, user_id, session_id, parent_id, title, creation_type,
                                                content, tool_name, complexity_level, sharing_level, tags, created_at)
values
    ('b1a90003-0000-4000-8000-000000000005', 'b1a90000-0000-4000-8000-000000000002', 'b1a90001-0000-4000-8000-000000000007',
     'b1a90003-0000-4000-8000-000000000001', 'Adoption listing writer (cats only)', 'prompt',
     '{"prompt": "You are a volunteer writer for a cat rescue..."}',
     'prompt_builder', 'beginner', 'private', '{animals,cats}', now() - interval '2 days')
on conflict (id) do nothing;

-- achievements: awarded the way the application does, as service_role
-- (claims set and cleared inside one statement)
do $$
begin
    perform set_config('request.jwt.claims', '{"role": "service_role"}', true);
    perform playground.check_and_award_achievements('b1a90000-0000-4000-8000-000000000001');
    perform playground.check_and_award_achievements('b1a90000-0000-4000-8000-000000000002');
    perform set_config('request.jwt.claims', '', true);
end
$$;

-- Ada shares her first achievements with the community
update playground.ai_playground_achievements
   set is_shared = true
 where user_id = 'b1a90000-0000-4000-8000-000000000001'
   and achievement_type in ('first_session', 'first_public_creation')
   and unlocked_at is not null;
