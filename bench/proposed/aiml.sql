-- proposed (aiml): semantic search that the HNSW index can serve.
-- 1. order by the distance alone inside the search (", c.id" as a second
--    sort key and the planner's blindness to detoasting 6 kB vectors made it
--    sort every chunk: a sequential scan of all embeddings per search);
-- 2. hnsw.iterative_scan = relaxed_order (pgvector >= 0.8) so a filtered
--    search (use case / content type) keeps scanning the graph until it has
--    p_match_count rows instead of returning fewer;
-- 3. ties and the relaxed order are resolved by re-sorting the k rows found.
create or replace function aiml.search_content_chunks(
    p_query_embedding extensions.vector,
    p_match_count integer default 10,
    p_use_case text default null,
    p_content_type text default null
)
returns table (
    id bigint,
    use_case_id bigint,
    discovery_tool_id bigint,
    content_type text,
    content_text text,
    similarity double precision
)
language plpgsql
stable
security invoker
set search_path = ''
set hnsw.iterative_scan = 'relaxed_order'
as $$
#variable_conflict use_column
declare
    v_use_case_id bigint;
begin
    if p_query_embedding is null then
        raise exception 'aiml.search_content_chunks: query embedding is required'
            using errcode = '22004';
    end if;
    if extensions.vector_dims(p_query_embedding) <> 1536 then
        raise exception 'aiml.search_content_chunks: query embedding has % dimensions, expected 1536',
            extensions.vector_dims(p_query_embedding)
            using errcode = '22023';
    end if;
    if p_match_count is null or p_match_count not between 1 and 100 then
        raise exception 'aiml.search_content_chunks: match count must be between 1 and 100 (got %)', p_match_count
            using errcode = '22023';
    end if;
    if p_content_type is not null
       and p_content_type not in ('description', 'theory', 'tips', 'keywords', 'faq', 'example', 'guide') then
        raise exception 'aiml.search_content_chunks: unknown content type %', p_content_type
            using errcode = '22023';
    end if;
    if p_use_case is not null then
        select uc.id into v_use_case_id
        from aiml.use_cases as uc
        where uc.use_case_id = p_use_case;
        if v_use_case_id is null then
            raise exception 'aiml.search_content_chunks: unknown use case %', p_use_case
                using errcode = '22023';
        end if;
    end if;

    return query
    select f.id, f.use_case_id, f.discovery_tool_id, f.content_type, f.content_text, 1 - f.distance
    from (
        select c.id, c.use_case_id, c.discovery_tool_id, c.content_type, c.content_text,
               c.embedding operator(extensions.<=>) p_query_embedding as distance
        from aiml.content_chunks as c
        where c.embedding is not null
          and (v_use_case_id is null or c.use_case_id = v_use_case_id)
          and (p_content_type is null or c.content_type = p_content_type)
        order by c.embedding operator(extensions.<=>) p_query_embedding
        limit p_match_count
    ) as f
    order by f.distance, f.id;
end
$$;

-- RLS-only newest-first lists (same cause and cure as learning.notifications):
alter table aiml.use_case_executions alter column user_id set (n_distinct = 100);
alter table aiml.analytics_events alter column user_id set (n_distinct = 100);
analyze aiml.use_case_executions;
analyze aiml.analytics_events;
