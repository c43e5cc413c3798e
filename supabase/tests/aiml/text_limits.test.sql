-- aiml: every text column has an upper length limit (the seed's "all text fields use appropriate length limits"): none is left without one, the limits are validated, and an over-long identifier, output or theory text is rejected (23514) while text at the limit is accepted.
begin;
select plan(12);
set local search_path = aiml, public, extensions;

-- A column is bounded by a validated CHECK on it that caps its length, lists
-- its values, or matches it against an anchored pattern without + or * or {n,}.
create function tests.aiml_unbounded_text_columns() returns text[]
language sql stable
as $$
    select coalesce(array_agg(format('%s.%s', c.relname, a.attname) order by c.relname, a.attname), '{}')
    from pg_class as c
    join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace = 'aiml'::regnamespace
        and c.relkind in ('r', 'p')
        and not c.relispartition
        and a.atttypid = 'text'::regtype
        and not exists (
            select 1
            from pg_constraint as k
            cross join lateral (select pg_get_constraintdef(k.oid) as def) as d
            where k.conrelid = c.oid
                and k.contype = 'c'
                and k.convalidated
                and k.conkey @> array[a.attnum]
                and (
                    d.def ~ format('length\((btrim\()?%s\)?\) (<=|<|BETWEEN)', a.attname)
                    or d.def ~ format('\(+%s = ANY \(ARRAY\[', a.attname)
                    or (d.def ~ format('%s ~ ''\^[^''+*]*\$''', a.attname) and d.def !~ ',\}')
                )
        )
$$;

select is(tests.aiml_unbounded_text_columns(), '{}'::text[], 'no aiml text column is left without an upper length limit');
select is((select count(*)::int from pg_constraint where connamespace = 'aiml'::regnamespace and conname like '%\_length\_check' and not convalidated), 0,
    'every length limit is validated (checked on the existing rows too)');
select is((select count(*)::int from pg_constraint where connamespace = 'aiml'::regnamespace and conname like '%\_length\_check'
            and coalesce(obj_description(oid, 'pg_constraint'), '') !~ 'at most'), 0,
    'every length limit says its bound in its comment');
select is(
    (select array_agg(conname::text order by conname) from pg_constraint where connamespace = 'aiml'::regnamespace and conname in (
        'ab_tests_test_id_length_check', 'orders_order_id_length_check', 'transactions_transaction_id_length_check',
        'products_product_id_length_check', 'customers_customer_id_length_check', 'customer_segments_segment_id_length_check',
        'product_variants_variant_id_length_check', 'devlab_projects_project_id_length_check')),
    array['ab_tests_test_id_length_check', 'customer_segments_segment_id_length_check', 'customers_customer_id_length_check',
        'devlab_projects_project_id_length_check', 'orders_order_id_length_check', 'product_variants_variant_id_length_check',
        'products_product_id_length_check', 'transactions_transaction_id_length_check'],
    'the seed''s identifiers have length limits');
select is(pg_get_constraintdef((select oid from pg_constraint where conname = 'devlab_executions_output_length_check')), 'CHECK ((char_length(output) <= 1048576))', 'devlab_executions.output is at most 1 MiB of characters');
select is(pg_get_constraintdef((select oid from pg_constraint where conname = 'devlab_executions_error_length_check')), 'CHECK ((char_length(error) <= 1048576))', 'devlab_executions.error is at most 1 MiB of characters');

-- behaviour on reference rows (as postgres: the checks hold for every role)
select throws_ok($$update use_cases set theory_content = repeat('x', 100001) where use_case_id = 'review-sentiment'$$, '23514', null,
    'use_cases.theory_content over 100,000 characters is rejected (23514)');
select lives_ok($$update use_cases set theory_content = repeat('x', 100000) where use_case_id = 'review-sentiment'$$,
    'use_cases.theory_content of exactly 100,000 characters is accepted');
select throws_ok($$update industries set description = repeat('d', 10001) where industry_id = (select min(industry_id) from industries)$$, '23514', null,
    'industries.description over 10,000 characters is rejected (23514)');
select throws_ok($$update discovery_tools set model_prompt_template = repeat('p', 20001) where tool_id = (select min(tool_id) from discovery_tools)$$, '23514', null,
    'discovery_tools.model_prompt_template over 20,000 characters is rejected (23514)');
select throws_ok($$update use_cases set use_case_id = repeat('a', 101) where use_case_id = 'review-sentiment'$$, '23514', null,
    'an identifier over 100 characters is rejected (23514)');
select throws_ok($$update industries set icon = repeat('i', 101) where industry_id = (select min(industry_id) from industries)$$, '23514', null,
    'an icon over 100 characters is rejected (23514)');

select * from finish();
rollback;
