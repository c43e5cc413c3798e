-- A/B tests: traffic split and variants shape, conversion_rate derived from
-- visitors and conversions (generated column), at most one winner per test.
begin;
select plan(17);
set local search_path = aiml, public, extensions;
-- start from no tests (demo data may hold some; rolled back at the end)
delete from ab_tests;

select lives_ok(
    $$insert into ab_tests (test_id, name, primary_kpi, traffic_split, variants, status)
      values ('ab-1', 'Checkout button colour', 'conversion_rate', '{"control": 50, "green": 30, "blue": 20}',
              '["control", "green", "blue"]', 'running')$$,
    'a test with a split summing to 100 is accepted');
select throws_ok($$insert into ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('ab-x', 'x', 'ctr', '{"a": 50, "b": 40}', '["a", "b"]')$$,
    '23514', null, 'a split summing to 90 is rejected (23514)');
select throws_ok($$insert into ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('ab-x', 'x', 'ctr', '{"a": 100}', '["a", "b"]')$$,
    '23514', null, 'a split with one variant is rejected (23514)');
select throws_ok($$insert into ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('ab-x', 'x', 'ctr', '{"a": "50", "b": 50}', '["a", "b"]')$$,
    '23514', null, 'a split with a non-numeric share is rejected (23514)');
select throws_ok($$insert into ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('ab-x', 'x', 'ctr', '{"a": 120, "b": -20}', '["a", "b"]')$$,
    '23514', null, 'a split with a negative share is rejected (23514)');
select throws_ok($$insert into ab_tests (test_id, name, primary_kpi, traffic_split, variants) values ('ab-x', 'x', 'ctr', '{"a": 50, "b": 50}', '["a"]')$$,
    '23514', null, 'fewer than two variants is rejected (23514)');
select throws_ok($$insert into ab_tests (test_id, name, primary_kpi, traffic_split, variants, status) values ('ab-x', 'x', 'ctr', '{"a": 50, "b": 50}', '["a", "b"]', 'live')$$,
    '23514', null, 'an unknown status is rejected (23514)');

insert into ab_test_results (test_id, variant_name, visitors, conversions)
select id, v.name, v.visitors, v.conversions
from ab_tests, (values ('control', 200, 30), ('green', 120, 24), ('blue', 0, 0)) as v (name, visitors, conversions)
where test_id = 'ab-1';

select is((select conversion_rate from ab_test_results where variant_name = 'control'), 0.150000::numeric,
    'conversion_rate = 30 / 200 = 0.15');
select is((select conversion_rate from ab_test_results where variant_name = 'green'), 0.200000::numeric,
    'conversion_rate = 24 / 120 = 0.2');
select is((select conversion_rate from ab_test_results where variant_name = 'blue'), null::numeric,
    'conversion_rate is null while there are no visitors');
update ab_test_results set visitors = 300, conversions = 31 where variant_name = 'blue';
select is((select conversion_rate from ab_test_results where variant_name = 'blue'), 0.103333::numeric,
    'conversion_rate follows updates (31 / 300 rounded to 6 decimals)');
select throws_ok($$update ab_test_results set conversion_rate = 0.9 where variant_name = 'blue'$$,
    '428C9', null, 'conversion_rate cannot be written (428C9)');
select throws_ok($$update ab_test_results set conversions = 301 where variant_name = 'blue'$$,
    '23514', null, 'more conversions than visitors is rejected (23514)');
select throws_ok($$insert into ab_test_results (test_id, variant_name) select id, 'control' from ab_tests where test_id = 'ab-1'$$,
    '23505', null, 'a variant name appears once per test (23505)');

update ab_test_results set is_winner = true where variant_name = 'green';
select throws_ok($$update ab_test_results set is_winner = true where variant_name = 'control'$$,
    '23505', null, 'a second winner for the same test is rejected (23505)');
select results_eq(
    $$select variant_name from ab_test_results order by conversion_rate desc nulls last, variant_name$$,
    array['green', 'control', 'blue'],
    'variants rank by conversion_rate');

delete from ab_tests where test_id = 'ab-1';
select is((select count(*)::int from ab_test_results), 0, 'deleting a test deletes its results');

select * from finish();
rollback;
