-- Semantic search over content_chunks: ordering by cosine similarity, filters,
-- bad input, row level security of the caller, HNSW index use.
begin;
select plan(22);
set local search_path = aiml, public, extensions;
-- start from no chunks (demo data may hold some; rolled back at the end)
delete from content_chunks;

create temp table vec on commit drop as
select
    array_fill(0.1::real, array[1536])::extensions.vector as same,
    (array_fill(0.1::real, array[1000]) || array_fill(0::real, array[536]))::extensions.vector as close,
    (array_fill(0.1::real, array[768]) || array_fill(-0.1::real, array[768]))::extensions.vector as orthogonal;
grant select on vec to anon, authenticated;

insert into content_chunks (use_case_id, content_type, content_text, embedding, embedding_model)
select
    uc.id as use_case_id,
    v.content_type,
    v.content_text,
    case v.which when 'same' then vec.same when 'close' then vec.close when 'orthogonal' then vec.orthogonal end as embedding,
    case when v.which is not null then 'test-embedding' end as embedding_model
from vec,
    (
        values
        ('product-recommendations', 'theory', 'reco: same direction', 'same'),
        ('product-recommendations', 'tips', 'reco: close', 'close'),
        ('product-recommendations', 'description', 'reco: orthogonal', 'orthogonal'),
        ('product-recommendations', 'faq', 'reco: not embedded yet', null),
        ('fraud-detection', 'theory', 'fraud: same direction', 'same')
    ) as v (use_case, content_type, content_text, which)
inner join use_cases as uc on v.use_case = uc.use_case_id;
insert into content_chunks (content_type, content_text, embedding, embedding_model)
select 'guide' as content_type, 'general: close' as content_text, close, 'test-embedding' as embedding_model from vec;

select results_eq(
    $$select content_text from search_content_chunks((select same from vec), 10, 'product-recommendations')$$,
    array['reco: same direction', 'reco: close', 'reco: orthogonal'],
    'chunks of one use case come back most similar first; chunks without embedding are skipped');
select is(
    (select round(similarity::numeric, 4) from search_content_chunks((select same from vec), 1, 'product-recommendations')),
    1.0000,
    'an identical direction has similarity 1');
select is(
    (select round(similarity::numeric, 4) from search_content_chunks((select same from vec), 3, 'product-recommendations') where content_text = 'reco: close'),
    round(sqrt(1000.0 / 1536), 4),
    'similarity = 1 - cosine distance (sqrt(1000/1536) for the partial vector)');
select is(
    (select round(similarity::numeric, 4) from search_content_chunks((select same from vec), 3, 'product-recommendations') where content_text = 'reco: orthogonal'),
    0.0000,
    'an orthogonal vector has similarity 0');
select is(
    (select count(*)::int from search_content_chunks((select same from vec))),
    5,
    'without filters every embedded chunk is a candidate (default match count 10)');
select is(
    (select count(*)::int from search_content_chunks((select same from vec), 2)),
    2,
    'match count limits the rows');
select results_eq(
    $$select content_text from search_content_chunks((select same from vec), 10, null, 'theory')$$,
    $$select content_text from content_chunks where content_type = 'theory' and content_text like '%: same direction' order by id$$,
    'the content type filter keeps only theory chunks (equal similarity: ordered by id)');
select results_eq(
    $$select content_text from search_content_chunks((select same from vec), 10, 'fraud-detection', 'theory')$$,
    array['fraud: same direction'],
    'use case and content type filters combine');
select is(
    (select count(*)::int from search_content_chunks((select same from vec), 10, 'fraud-detection', 'tips')),
    0,
    'no match returns no rows');
select results_eq(
    $$select content_text from search_content_chunks((select orthogonal from vec), 1)$$,
    array['reco: orthogonal'],
    'a different query vector ranks its own nearest chunk first');

-- bad input
select results_eq(
    $$select content_text from search_content_chunks((select same from vec), 2)$$,
    $$select content_text from content_chunks where content_text like '%: same direction' order by id$$,
    'chunks of equal similarity come back in id order');
select throws_ok($$select * from search_content_chunks(null)$$, '22004', null, 'a null query embedding is rejected (22004)');
select throws_ok($$select * from search_content_chunks('[1,2,3]'::extensions.vector)$$, '22023', null, 'a query embedding of the wrong size is rejected (22023)');
select throws_ok($$select * from search_content_chunks((select same from vec), 0)$$, '22023', null, 'match count 0 is rejected (22023)');
select throws_ok($$select * from search_content_chunks((select same from vec), 101)$$, '22023', null, 'match count above 100 is rejected (22023)');
select throws_ok($$select * from search_content_chunks((select same from vec), 5, 'no-such-use-case')$$, '22023', null, 'an unknown use case is rejected (22023)');
select throws_ok($$select * from search_content_chunks((select same from vec), 5, null, 'poem')$$, '22023', null, 'an unknown content type is rejected (22023)');
select throws_ok(
    $$insert into content_chunks (content_type, content_text, embedding, embedding_model) values ('faq', 'short vector', '[1,2,3]', 'm')$$,
    '22000', null, 'a stored embedding must have 1536 dimensions (22000)');

-- row level security of the caller applies (SECURITY INVOKER)
select tests.authenticate_as_anon();
select is(
    (select count(*)::int from aiml.search_content_chunks((select same from vec))),
    5,
    'anon can search the public content');
select tests.clear_authentication();
create policy "test only: anon sees use-case chunks only"
on aiml.content_chunks as restrictive for select to anon using (use_case_id is not null);
select tests.authenticate_as_anon();
select is(
    (select count(*)::int from aiml.search_content_chunks((select same from vec))),
    4,
    'a policy hiding rows from the caller hides them from the search too');
select tests.clear_authentication();

-- the HNSW index serves the nearest-neighbour ordering
set local enable_seqscan = off;
create temp table plan_lines (line text) on commit drop;
do $$
declare
    r record;
begin
    for r in execute
        'explain select id from aiml.content_chunks order by embedding operator(extensions.<=>) '
        || quote_literal(array_fill(0.1::real, array[1536])::extensions.vector::text) || '::extensions.vector limit 5'
    loop
        insert into plan_lines values (r."QUERY PLAN");
    end loop;
end
$$;
select ok(exists (select 1 from plan_lines where line like '%idx_content_chunks_embedding%'),
    'nearest-neighbour search over content_chunks can use idx_content_chunks_embedding');
select ok(
    exists (select 1 from pg_indexes where schemaname = 'aiml' and indexname = 'idx_content_chunks_embedding' and indexdef like '%hnsw%vector_cosine_ops%'),
    'idx_content_chunks_embedding is HNSW with cosine ops, matching the search operator <=>');

select * from finish();
rollback;
