-- playground: reference data shipped by the migrations (toolkit items,
-- achievement definitions, synthetic nonprofit profiles), as anon sees it.
begin;
select plan(13);

select tests.authenticate_as_anon();

select set_eq(
    $$select distinct organization_type from playground.synthetic_nonprofit_profiles where is_active$$,
    array['animal_welfare', 'arts_culture', 'community_development', 'disaster_relief', 'education',
          'environmental', 'faith_based', 'food_security', 'healthcare', 'housing_homelessness',
          'human_rights', 'international_development', 'mental_health', 'senior_services',
          'youth_development'],
    'an active synthetic nonprofit profile exists for each of the 15 organisation types');
select is(
    (select count(*)::int from playground.synthetic_nonprofit_profiles
        where is_active and (jsonb_array_length(practice_scenarios) = 0 or cardinality(learning_objectives) = 0)),
    0,
    'every shipped profile has practice scenarios and learning objectives');
select is(
    (select count(*)::int from playground.synthetic_nonprofit_profiles p
        where exists (select 1 from jsonb_array_elements(p.practice_scenarios) e
                    where e ? 'suggested_tool'
                        and not exists (select 1 from playground.ai_playground_toolkit_items t
                                        where t.tool_name = e ->> 'suggested_tool'))),
    0,
    'every suggested_tool of a practice scenario is a toolkit item');
select set_eq(
    $$select distinct difficulty_level from playground.synthetic_nonprofit_profiles$$,
    array['beginner', 'intermediate', 'advanced', 'expert'],
    'profiles cover every difficulty level for progression');
select set_eq(
    $$select distinct organization_size from playground.synthetic_nonprofit_profiles$$,
    array['micro', 'small', 'medium', 'large'],
    'profiles cover every organisation size');
select cmp_ok(
    (select count(*)::int from playground.synthetic_nonprofit_profiles where is_featured), '>=', 1,
    'at least one profile is featured');

select cmp_ok(
    (select count(*)::int from playground.ai_playground_toolkit_items where is_active), '>=', 10,
    'at least 10 active toolkit items ship with the migrations');
select set_eq(
    $$select distinct category from playground.ai_playground_toolkit_items where is_active$$,
    array['prompt_engineering', 'simulation', 'content_generation', 'data_analysis',
          'automation', 'evaluation', 'communication', 'learning'],
    'every tool category has an active tool');
select is(
    (select row(category, difficulty_level, is_active)::text from playground.ai_playground_toolkit_items
        where tool_name = 'prompt_builder'),
    row('prompt_engineering', 'beginner', true)::text,
    'prompt_builder (used by the seed''s example) is an active beginner prompt tool');
select ok(
    (select bool_or(is_beta) and bool_or(is_premium) from playground.ai_playground_toolkit_items),
    'the catalogue has beta and premium tools');
select cmp_ok(
    (select count(*)::int from playground.ai_playground_achievement_definitions where is_active), '>=', 20,
    '20+ achievement types');
select set_eq(
    $$select distinct category from playground.ai_playground_achievement_definitions$$,
    array['getting_started', 'exploration', 'creation', 'mastery', 'social', 'consistency'],
    'achievement definitions cover every category');
select is(
    (select count(*)::int from playground.ai_playground_achievement_definitions a
        join playground.ai_playground_achievement_definitions b
        on a.metric = b.metric and a.target_value = b.target_value and a.achievement_type <> b.achievement_type),
    0,
    'no two achievements reward the same metric at the same target');

select * from finish();
rollback;
