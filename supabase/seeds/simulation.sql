-- Demo data for the simulation module (AI Agent Education Platform).
-- Applied by `supabase db reset` after all migrations, as postgres.
-- People: Amina (scenario author), Brian (learner), Chloe (admin),
-- Daniel (learner with a private profile). Passwords are Supabase Auth's
-- business; these demo users have none (sign in with a magic link locally).

insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        email_confirmed_at, created_at, updated_at)
values
    ('00000000-0000-4000-8004-000000000001', 'authenticated', 'authenticated', 'amina.sim@example.com',
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Amina Otieno"}', now(), now(), now()),
    ('00000000-0000-4000-8004-000000000002', 'authenticated', 'authenticated', 'brian.sim@example.com',
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Brian Mwangi"}', now(), now(), now()),
    ('00000000-0000-4000-8004-000000000003', 'authenticated', 'authenticated', 'chloe.sim@example.com',
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Chloe Admin"}', now(), now(), now()),
    ('00000000-0000-4000-8004-000000000004', 'authenticated', 'authenticated', 'daniel.sim@example.com',
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Daniel Kim"}', now(), now(), now())
on conflict (id) do nothing;

insert into simulation.users (auth_user_id, email, full_name, username, bio, role, reputation_score,
                              profile_public, allow_contact, is_verified)
values
    ('00000000-0000-4000-8004-000000000001', 'amina.sim@example.com', 'Amina Otieno', 'amina',
     'Business school lecturer writing East African case studies.', 'teacher', 4.6, true, true, true),
    ('00000000-0000-4000-8004-000000000002', 'brian.sim@example.com', 'Brian Mwangi', 'brian',
     'MBA student.', 'student', 3.2, true, false, true),
    ('00000000-0000-4000-8004-000000000003', 'chloe.sim@example.com', 'Chloe Admin', 'chloe_admin',
     'Community moderator.', 'admin', 5.0, true, false, true),
    ('00000000-0000-4000-8004-000000000004', 'daniel.sim@example.com', 'Daniel Kim', 'daniel',
     null, 'user', 0.0, false, false, false);

-- Scenarios: a public template by Amina, a private draft by Amina, and a
-- public scenario by Daniel that does not allow remixes.
insert into simulation.scenarios (title, description, challenge, industry, learning_objectives, source_type,
                                  student_role, category, difficulty_level, estimated_duration, tags,
                                  pdf_title, pdf_source, processing_version, is_public, is_template,
                                  allow_remixes, created_by)
values
    ('KasKazi Network: Seasonal Contracts Crisis',
     'A Nairobi logistics start-up loses its largest seasonal contract and must rethink its growth plan.',
     'Replace 40% of revenue within two quarters without breaking the company''s cash position.',
     'Logistics',
     '["Analyze market dynamics and competitive landscape", "Develop strategic recommendations for business growth", "Evaluate financial implications of strategic decisions"]',
     'pdf_upload', 'Newly hired strategy consultant', 'Strategy', 'intermediate', 60,
     '["strategy", "africa", "logistics", "cash-flow"]',
     'KasKazi Network Case Study', 'Strathmore Business School', '2.1', true, true, true,
     (select id from simulation.users where username = 'amina')),
    ('Draft: Retail Pricing Dilemma',
     'Unfinished draft about a supermarket chain''s pricing war.',
     'Defend margins against a discount entrant.',
     'Retail', '["Evaluate pricing strategies"]', 'manual', 'Pricing analyst', 'Marketing', 'beginner', 30,
     '["pricing", "retail"]', null, null, null, false, false, true,
     (select id from simulation.users where username = 'amina')),
    ('Clinic Expansion Decision',
     'A rural clinic network weighs opening three new sites.',
     'Decide where to expand with limited donor funding.',
     'Healthcare', '["Assess expansion options", "Build a funding case"]', 'manual', 'Operations director',
     'Operations', 'advanced', 45, '["healthcare", "expansion"]', null, null, null, true, false, false,
     (select id from simulation.users where username = 'daniel'));

insert into simulation.scenario_personas (scenario_id, name, role, background, correlation, primary_goals, personality_traits)
select s.id, v.name, v.role, v.background, v.correlation, v.goals::jsonb, v.traits::jsonb
from simulation.scenarios as s
cross join (values
    ('Wanjohi', 'Founder & CEO', 'Founded KasKazi in 2015 after a decade in freight forwarding.',
     'Owns the decision to diversify away from seasonal contracts.',
     '["Protect the company''s reputation", "Find new anchor clients"]',
     '{"analytical": 7, "creative": 8, "assertive": 8, "collaborative": 6, "detail_oriented": 5, "risk_taking": 7, "empathetic": 6, "decisive": 8}'),
    ('Grace Njeri', 'CFO', 'Former auditor; cautious about new debt.',
     'Controls the cash runway that limits every option.',
     '["Keep six months of runway", "Avoid new debt"]',
     '{"analytical": 9, "creative": 4, "assertive": 6, "collaborative": 7, "detail_oriented": 9, "risk_taking": 2, "empathetic": 5, "decisive": 6}'),
    ('Otieno', 'Head of Operations', 'Runs the truck fleet and the warehouse team.',
     'Knows which routes are profitable.',
     '["Keep drivers employed", "Improve fleet utilisation"]',
     '{"analytical": 6, "creative": 5, "assertive": 5, "collaborative": 9, "detail_oriented": 7, "risk_taking": 4, "empathetic": 9, "decisive": 5}')
) as v(name, role, background, correlation, goals, traits)
where s.title = 'KasKazi Network: Seasonal Contracts Crisis';

insert into simulation.scenario_scenes (scenario_id, title, description, user_goal, scene_order, estimated_duration,
                                        max_attempts, success_threshold, goal_criteria, hint_triggers,
                                        scene_context, persona_instructions)
select s.id, v.title, v.description, v.goal, v.scene_order, v.duration, v.max_attempts, v.threshold,
       v.criteria::jsonb, v.hints::jsonb, v.context, v.instructions::jsonb
from simulation.scenarios as s
cross join (values
    ('Crisis Assessment', 'The contract loss has just been announced at the Monday meeting.',
     'Establish the financial impact of the lost contract.', 1, 15, 3, 0.7,
     '{"key_topics_covered": ["crisis assessment", "financial impact"], "interaction_requirements": ["engage with the CFO"], "success_indicators": ["asks relevant questions"]}',
     '[{"after_turns": 6, "hint": "Ask Grace about the cash runway."}]',
     'Monday leadership meeting, tense atmosphere.',
     '{"Wanjohi": "Be defensive about the contract loss.", "Grace Njeri": "Share numbers only when asked precisely."}'),
    ('Market Options', 'Exploring new customer segments with the founder.',
     'Identify two credible new markets.', 2, 20, 4, 0.75,
     '{"key_topics": ["market analysis", "competitive positioning"], "required_interactions": ["@ceo", "@operations"], "success_threshold": 0.75, "completion_indicators": ["demonstrates understanding"]}',
     '[{"after_attempts": 2, "hint": "Think about agricultural exporters."}]',
     'Site visit at the main depot.',
     '{"Otieno": "Mention under-used refrigerated trucks."}'),
    ('Board Recommendation', 'Presenting the plan to the board.',
     'Make a funded recommendation.', 3, 25, 3, 0.8,
     '{"key_topics": ["financial planning"], "completion_indicators": ["asks strategic questions"]}',
     '[]', 'Quarterly board meeting.', '{}')
) as v(title, description, goal, scene_order, duration, max_attempts, threshold, criteria, hints, context, instructions)
where s.title = 'KasKazi Network: Seasonal Contracts Crisis';

insert into simulation.scene_personas (scene_id, persona_id, involvement_level)
select sc.id, pe.id, v.level
from (values
    ('Crisis Assessment', 'Wanjohi', 'key'),
    ('Crisis Assessment', 'Grace Njeri', 'key'),
    ('Market Options', 'Wanjohi', 'key'),
    ('Market Options', 'Otieno', 'participant'),
    ('Board Recommendation', 'Grace Njeri', 'participant'),
    ('Board Recommendation', 'Otieno', 'mentioned')
) as v(scene_title, persona_name, level)
join simulation.scenario_scenes as sc on sc.title = v.scene_title
join simulation.scenario_personas as pe on pe.name = v.persona_name and pe.scenario_id = sc.scenario_id;

insert into simulation.scenario_scenes (scenario_id, title, user_goal, scene_order)
select s.id, 'Site Shortlist', 'Shortlist three sites.', 1
from simulation.scenarios as s
where s.title = 'Clinic Expansion Decision';

insert into simulation.scenario_files (scenario_id, file_path, file_size, file_type, original_content,
                                       processed_content, processing_status, processing_log, processed_at)
select s.id, 'scenarios/kaskazi/kaskazi-case.pdf', 482133, 'application/pdf',
       'KasKazi Network was founded in 2015...', '{"personas": 3, "scenes": 3}', 'completed',
       '{"llamaparse_status": "success", "openai_analysis": "completed", "personas_extracted": 3, "scenes_generated": 3, "processing_time": 45.2, "errors": [], "warnings": ["Low confidence on persona background for Otieno"]}',
       now()
from simulation.scenarios as s
where s.title = 'KasKazi Network: Seasonal Contracts Crisis';

-- Brian's run: scene 1 completed, now in scene 2.
insert into simulation.user_progress (user_id, scenario_id, current_scene_id, simulation_status, scenes_completed,
                                      total_attempts, hints_used, orchestrator_data, completion_percentage,
                                      total_time_spent, session_count, started_at, last_activity)
select u.id, s.id, sc2.id, 'in_progress', jsonb_build_array(sc1.id), 3, 1,
       '{"current_turn": 15, "max_turns": 20, "system_prompt_version": "2.1", "persona_states": {"wanjohi": {"engagement_level": "high", "topics_discussed": ["seasonal contracts", "market expansion"]}}, "scene_context": {"key_points_covered": ["crisis assessment", "financial impact"], "user_understanding_level": 0.75}}',
       33.33, 1260, 2, now() - interval '2 days', now() - interval '1 hour'
from simulation.users as u
join simulation.scenarios as s on s.title = 'KasKazi Network: Seasonal Contracts Crisis'
join simulation.scenario_scenes as sc1 on sc1.scenario_id = s.id and sc1.scene_order = 1
join simulation.scenario_scenes as sc2 on sc2.scenario_id = s.id and sc2.scene_order = 2
where u.username = 'brian';

insert into simulation.scene_progress (user_progress_id, scene_id, status, attempts, hints_used, goal_achieved,
                                       time_spent, messages_sent, ai_responses, goal_achievement_score,
                                       interaction_quality, scene_feedback, started_at, completed_at)
select p.id, sc.id, v.status::simulation.scene_status, v.attempts, v.hints, v.achieved, v.time_spent,
       v.sent, v.responses, v.score, v.quality, v.feedback,
       now() - v.started, case when v.status = 'completed' then now() - v.started + interval '20 minutes' end
from simulation.user_progress as p
join simulation.users as u on u.id = p.user_id and u.username = 'brian'
join simulation.scenario_scenes as sc on sc.scenario_id = p.scenario_id
join (values
    (1, 'completed', 2, 1, true, 900, 3, 3, 0.82, 0.7, 'Good questions to the CFO about runway.', interval '2 days'),
    (2, 'in_progress', 1, 0, false, 360, 1, 1, 0.4, 0.6, null, interval '1 hour 10 minutes')
) as v(scene_order, status, attempts, hints, achieved, time_spent, sent, responses, score, quality, feedback, started)
    on v.scene_order = sc.scene_order;

insert into simulation.conversation_logs (user_progress_id, scene_id, message_type, sender_name, persona_id,
                                          message_content, message_order, attempt_number, is_hint,
                                          ai_context_used, ai_model_version, processing_time, user_reaction,
                                          led_to_progress, "timestamp")
select p.id, sc.id, v.kind::simulation.message_type, v.sender,
       (select pe.id from simulation.scenario_personas as pe where pe.scenario_id = p.scenario_id and pe.name = v.sender),
       v.content, v.msg_order, v.attempt, v.kind = 'hint', v.ctx::jsonb, v.model, v.ptime, v.reaction,
       v.progress, now() - v.ago
from simulation.user_progress as p
join simulation.users as u on u.id = p.user_id and u.username = 'brian'
join simulation.scenario_scenes as sc on sc.scenario_id = p.scenario_id
join (values
    (1, 'user', 'Brian', 'Grace, how many months of runway do we have without the contract?', 1, 1, '{}', null, null, null, false, interval '2 days'),
    (1, 'ai_persona', 'Grace Njeri', 'About four months, if we freeze hiring today.', 2, 1,
     '{"system_prompt_version": "2.1", "persona_context": {"name": "Grace Njeri", "current_mood": "concerned", "topics_aware_of": ["seasonal contracts", "financial pressure"]}, "scene_context": {"turn_number": 2, "user_understanding": 0.6, "key_points_needed": ["market diversification", "risk mitigation"]}}',
     'gpt-4o-2024-08-06', 1.8, 'neutral', true, interval '2 days' - interval '1 minute'),
    (2, 'hint', 'System', 'Think about which of your trucks sit idle in the off season.', 1, 1, '{}', null, null, null, false, interval '1 hour 5 minutes'),
    (2, 'user', 'Brian', 'Otieno, which trucks are idle between harvests?', 2, 1, '{}', null, null, null, false, interval '1 hour')
) as v(scene_order, kind, sender, content, msg_order, attempt, ctx, model, ptime, reaction, progress, ago)
    on v.scene_order = sc.scene_order;

-- Reviews: Brian and Chloe review Amina's public template.
insert into simulation.scenario_reviews (scenario_id, reviewer_id, rating, review_text, pros, cons, use_case,
                                         helpful_votes, total_votes)
select s.id, u.id, v.rating, v.review, v.pros::jsonb, v.cons::jsonb, v.use_case, v.helpful, v.total
from (values
    ('brian', 5, 'Realistic personas; the CFO pushes back like a real one.', '["realistic personas", "clear goals"]', '["scene 3 is short"]', 'MBA strategy class', 4, 5),
    ('chloe_admin', 4, 'Solid case, good template for others.', '["well structured"]', '[]', 'Template for authors', 1, 1)
) as v(username, rating, review, pros, cons, use_case, helpful, total)
join simulation.users as u on u.username = v.username
join simulation.scenarios as s on s.title = 'KasKazi Network: Seasonal Contracts Crisis';

-- Daniel finds Brian's review helpful (counters move from 4/5 to 5/6).
insert into simulation.scenario_review_votes (review_id, voter_id, is_helpful)
select r.id, v.id, true
from simulation.scenario_reviews as r
join simulation.users as b on b.id = r.reviewer_id and b.username = 'brian'
join simulation.users as v on v.username = 'daniel';
