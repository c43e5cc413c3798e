-- Catalogue: reference data inserted by migration, use-case rules, the product
-- category tree, and the seed's key relationships queried as written.
begin;
select plan(26);
set local search_path = aiml, public, extensions;

select set_eq(
    $$select industry_id from industries$$,
    array['ecommerce', 'fintech', 'retail', 'healthcare', 'travel', 'hospitality', 'entertainment', 'manufacturing', 'real-estate'],
    'the 9 industries of the seed exist');
select set_eq(
    $$select name from industries$$,
    array['E-commerce', 'Fintech', 'Retail', 'Healthcare', 'Travel', 'Hospitality', 'Entertainment', 'Manufacturing', 'Real Estate'],
    'industries carry the seed''s names');
select set_eq(
    $$select name from use_case_categories$$,
    array[
        'Product Discovery', 'Logistics', 'Personalization', 'Pricing & Fraud', 'Marketing Intelligence',
        'Product Intelligence', 'Creative & AR', 'Gamification', 'Analytics'
    ],
    'the 9 use-case categories of the seed exist');
select results_eq(
    $$select display_order from use_case_categories order by display_order$$,
    $$select generate_series(0, 8)$$,
    'categories have distinct display orders 0-8');
select cmp_ok((select count(*)::int from use_cases), '>=', 30, 'there are 30+ use cases');
select is(
    (select count(*)::int from industries i where not exists (select 1 from use_cases u where u.industry_id = i.id)),
    0, 'every industry has use cases');
select is(
    (select count(*)::int from use_case_categories c where not exists (select 1 from use_cases u where u.category_id = c.id)),
    0, 'every category has use cases');
select is(
    (select count(*)::int from use_cases where is_dynamic and api_endpoint is null),
    0, 'every dynamic use case has an API endpoint');
select cmp_ok((select count(*)::int from use_cases where is_dynamic), '>=', 1, 'the catalogue has dynamic use cases');
select cmp_ok((select count(*)::int from use_cases where not is_dynamic), '>=', 1, 'the catalogue has static use cases');
select set_has(
    $$select tool_id from discovery_tools$$,
    $$values ('color-predictor'), ('bill-negotiator')$$,
    'the discovery tools the seed names exist');

-- the seed's key relationships, queried as written
select is(
    (select count(*)::int from (select i.name, count(u.id) as use_cases from industries as i inner join use_cases as u on i.id = u.industry_id group by i.name) as x),
    9,
    'Industries (1) --< (Many) Use Cases');
select lives_ok(
    $$select u.display_name, count(e.id) from use_cases u left join use_case_executions e on e.use_case_id = u.id group by u.display_name$$,
    'Use Cases (1) --< (Many) Use Case Executions');
select lives_ok(
    $$select t.name, count(e.id) from discovery_tools t left join discovery_tool_executions e on e.tool_id = t.id group by t.name$$,
    'Discovery Tools (1) --< (Many) Discovery Tool Executions');

-- rules
select throws_ok(
    $$insert into use_cases (use_case_id, display_name, industry_id, category_id, is_dynamic)
      select 'live-thing', 'Live thing', i.id, c.id, true from industries i, use_case_categories c where i.industry_id = 'retail' and c.category_id = 'analytics'$$,
    '23514', null, 'a dynamic use case without API endpoint is rejected (23514)');
select throws_ok(
    $$insert into use_cases (use_case_id, display_name, industry_id, category_id)
      select 'Bad Slug', 'Bad', i.id, c.id from industries i, use_case_categories c where i.industry_id = 'retail' and c.category_id = 'analytics'$$,
    '23514', null, 'a use_case_id that is not a slug is rejected (23514)');
select throws_ok(
    $$update use_cases set descriptions = '{"short": 42}' where use_case_id = 'fraud-detection'$$,
    '23514', null, 'descriptions.short must be a string (23514)');
select throws_like(
    $$delete from industries where industry_id = 'fintech'$$,
    '%foreign key constraint "use_cases_industry_id_fkey"%',
    'an industry with use cases cannot be deleted (on delete restrict)');
select throws_ok(
    $$insert into discovery_tools (tool_id, name, category, interaction_type) values ('x-tool', 'X', 'fun', 'telepathy')$$,
    '23514', null, 'an unknown interaction type is rejected (23514)');

-- product category tree
insert into product_categories (category_id, name) values ('pc-root', 'Root');
insert into product_categories (category_id, name, parent_category_id) select 'pc-mid' as category_id, 'Mid' as name, id from product_categories where category_id = 'pc-root';
insert into product_categories (category_id, name, parent_category_id) select 'pc-leaf' as category_id, 'Leaf' as name, id from product_categories where category_id = 'pc-mid';
select throws_ok(
    $$update product_categories set parent_category_id = (select id from product_categories where category_id = 'pc-leaf') where category_id = 'pc-root'$$,
    '23514', null, 'making a category the child of its own descendant is rejected (23514)');
select throws_ok(
    $$update product_categories set parent_category_id = id where category_id = 'pc-mid'$$,
    '23514', null, 'a category cannot be its own parent (23514)');
select lives_ok(
    $$update product_categories set parent_category_id = (select id from product_categories where category_id = 'pc-root') where category_id = 'pc-leaf'$$,
    'moving a category elsewhere in the tree is accepted');
insert into products (product_id, sku, name, price, category_id) select 'pc-prod' as product_id, 'PC-PROD' as sku, 'Thing' as name, 3 as price, id from product_categories where category_id = 'pc-mid';
delete from product_categories where category_id = 'pc-root';
select is(
    (select count(*)::int from product_categories where category_id in ('pc-mid', 'pc-leaf') and parent_category_id is null),
    2, 'deleting a category makes its children top-level');
delete from product_categories where category_id = 'pc-mid';
select is((select category_id from products where product_id = 'pc-prod'), null::bigint,
    'deleting a category keeps its products, uncategorised');
select throws_ok($$insert into products (product_id, sku, name, price) values ('neg', 'NEG', 'Neg', -1)$$,
    '23514', null, 'a negative price is rejected (23514)');
select throws_ok($$insert into product_variants (variant_id, product_id, attributes) select 'v-x', id, '["M"]' from products where product_id = 'pc-prod'$$,
    '23514', null, 'variant attributes must be a JSON object (23514)');

select * from finish();
rollback;
