-- aiml: functions and triggers — updated_at stamps, the auth.uid() -> users.id
-- helper, the product category tree guard, inventory ledger, order totals,
-- semantic search over content_chunks and the DevLab code purge.

-- updated_at ------------------------------------------------------------------------

create function aiml_private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

comment on function aiml_private.set_updated_at() is
'Trigger function: sets updated_at to now() on every update.';
revoke execute on function aiml_private.set_updated_at() from public;

create trigger set_updated_at
before update on aiml.users
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.users is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.industries
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.industries is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.use_case_categories
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.use_case_categories is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.use_cases
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.use_cases is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.discovery_tools
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.discovery_tools is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.product_categories
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.product_categories is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.products
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.products is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.product_variants
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.product_variants is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.customer_segments
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.customer_segments is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.customers
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.customers is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.orders
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.orders is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.order_items
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.order_items is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.transactions
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.transactions is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.inventory
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.inventory is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.ab_tests
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.ab_tests is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.ab_test_results
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.ab_test_results is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.content_chunks
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.content_chunks is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.training_datasets
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.training_datasets is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.conversation_examples
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.conversation_examples is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.simulation_examples
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.simulation_examples is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.code_examples
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.code_examples is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.model_versions
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.model_versions is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.model_deployments
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.model_deployments is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.devlab_projects
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.devlab_projects is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.devlab_files
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.devlab_files is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.devlab_executions
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.devlab_executions is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.devlab_analyses
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.devlab_analyses is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.devlab_tests
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.devlab_tests is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.devlab_vulnerabilities
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.devlab_vulnerabilities is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.devlab_insights
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.devlab_insights is 'Stamps updated_at on every update.';

create trigger set_updated_at
before update on aiml.content_syncs
for each row execute function aiml_private.set_updated_at();
comment on trigger set_updated_at on aiml.content_syncs is 'Stamps updated_at on every update.';

-- current user ----------------------------------------------------------------------

create function aiml_private.current_user_id()
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
    select u.id
    from aiml.users as u
    where u.auth_user_id = (select auth.uid())
$$;
comment on function aiml_private.current_user_id() is
'aiml.users.id of the signed-in user (auth.uid()), null when not signed in or without a profile. SECURITY DEFINER so policies can use it without reading aiml.users under RLS; it only ever returns the caller''s own id. Use as (select aiml_private.current_user_id()).';
revoke execute on function aiml_private.current_user_id() from public, anon;
grant execute on function aiml_private.current_user_id() to authenticated, service_role;

create function aiml_private.sync_user_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    -- A signed-in user may only create or change their own profile (RLS
    -- checks it too, but only after this trigger has read auth.users).
    if (select auth.role()) = 'authenticated'
       and new.auth_user_id is distinct from (select auth.uid()) then
        raise exception 'aiml: a user can only create or change their own profile'
            using errcode = '42501';
    end if;
    select u.email into new.email
    from auth.users as u
    where u.id = new.auth_user_id;
    return new;
end
$$;
comment on function aiml_private.sync_user_email() is
'Trigger function: copies auth.users.email into aiml.users.email whenever a profile is created or changed. SECURITY DEFINER to read auth.users; rejects a signed-in caller acting on someone else''s profile.';
revoke execute on function aiml_private.sync_user_email() from public, anon;

create trigger sync_user_email
before insert or update on aiml.users
for each row execute function aiml_private.sync_user_email();
comment on trigger sync_user_email on aiml.users is
'users.email mirrors auth.users.email.';

-- product category tree -----------------------------------------------------------------

create function aiml_private.check_product_category_cycle()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if new.parent_category_id is not null and exists (
        with recursive ancestors (id) as (
            select new.parent_category_id
            union
            select pc.parent_category_id
            from aiml.product_categories as pc
            join ancestors as a on pc.id = a.id
            where pc.parent_category_id is not null
        )
        select 1 from ancestors where ancestors.id = new.id
    ) then
        raise exception 'aiml: product category % cannot have % as parent: that would make a cycle',
            new.category_id, new.parent_category_id
            using errcode = '23514';
    end if;
    return new;
end
$$;
comment on function aiml_private.check_product_category_cycle() is
'Trigger function: rejects a parent_category_id that is the category itself or one of its descendants (keeps product_categories a tree).';
revoke execute on function aiml_private.check_product_category_cycle() from public;

create trigger check_product_category_cycle
before update of parent_category_id on aiml.product_categories
for each row execute function aiml_private.check_product_category_cycle();
comment on trigger check_product_category_cycle on aiml.product_categories is
'Keeps the category hierarchy a tree.';

-- inventory ledger ----------------------------------------------------------------------

create function aiml_private.guard_inventory_stock()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    -- Depth 1 means a direct write; the movement trigger writes at depth 2.
    if pg_trigger_depth() < 2 then
        if tg_op = 'INSERT' and new.current_stock <> 0 then
            raise exception 'aiml: inventory.current_stock starts at 0; record stock with an inventory_movements row'
                using errcode = '55000';
        elsif tg_op = 'UPDATE' and new.current_stock is distinct from old.current_stock then
            raise exception 'aiml: inventory.current_stock changes only through inventory_movements (use movement_type adjustment to correct it)'
                using errcode = '55000';
        end if;
    end if;
    return new;
end
$$;
comment on function aiml_private.guard_inventory_stock() is
'Trigger function: rejects direct writes of inventory.current_stock (only the inventory_movements trigger may change it).';
revoke execute on function aiml_private.guard_inventory_stock() from public;

create trigger guard_inventory_stock
before insert or update on aiml.inventory
for each row execute function aiml_private.guard_inventory_stock();
comment on trigger guard_inventory_stock on aiml.inventory is
'current_stock is derived from inventory_movements.';

create function aiml_private.apply_inventory_movement()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
    v_stock integer;
begin
    insert into aiml.inventory (product_id)
    values (new.product_id)
    on conflict (product_id) do nothing;

    select i.current_stock
    into v_stock
    from aiml.inventory as i
    where i.product_id = new.product_id
    for update;

    v_stock := v_stock + new.quantity;
    if v_stock < 0 and new.movement_type <> 'adjustment' then
        raise exception 'aiml: % of % units would take the stock of product % to %',
            new.movement_type, abs(new.quantity), new.product_id, v_stock
            using errcode = '23514',
                  hint = 'Only an adjustment movement may take stock below zero.';
    end if;

    update aiml.inventory as i
    set current_stock = v_stock
    where i.product_id = new.product_id;

    new.stock_after := v_stock;
    return new;
end
$$;
comment on function aiml_private.apply_inventory_movement() is
'Trigger function: applies a new inventory movement to aiml.inventory.current_stock (creating the inventory row when missing, locking it), rejects a non-adjustment movement that would take stock below zero, records stock_after.';
revoke execute on function aiml_private.apply_inventory_movement() from public;

create trigger apply_inventory_movement
before insert on aiml.inventory_movements
for each row execute function aiml_private.apply_inventory_movement();
comment on trigger apply_inventory_movement on aiml.inventory_movements is
'Keeps inventory.current_stock equal to the sum of movements.';

create function aiml_private.forbid_inventory_movement_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    -- Allowed only as the cascade of deleting the product (RI trigger, depth > 1).
    if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
        return old;
    end if;
    raise exception 'aiml: inventory_movements is an append-only ledger; record a correcting adjustment instead'
        using errcode = '55000';
end
$$;
comment on function aiml_private.forbid_inventory_movement_change() is
'Trigger function: inventory movements cannot be updated or deleted (except when their product is deleted).';
revoke execute on function aiml_private.forbid_inventory_movement_change() from public;

create trigger forbid_inventory_movement_change
before update or delete on aiml.inventory_movements
for each row execute function aiml_private.forbid_inventory_movement_change();
comment on trigger forbid_inventory_movement_change on aiml.inventory_movements is
'The stock ledger is append-only.';

-- order totals ------------------------------------------------------------------------

create function aiml_private.compute_order_total()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.total := coalesce(
        (select sum(oi.line_total) from aiml.order_items as oi where oi.order_id = new.id),
        0
    );
    return new;
end
$$;
comment on function aiml_private.compute_order_total() is
'Trigger function: sets orders.total to the sum of the order''s item line totals (a total written directly is replaced).';
revoke execute on function aiml_private.compute_order_total() from public;

create trigger compute_order_total
before insert or update on aiml.orders
for each row execute function aiml_private.compute_order_total();
comment on trigger compute_order_total on aiml.orders is
'orders.total is derived from order_items.';

create function aiml_private.default_order_item_price()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if new.unit_price is null then
        select p.price into new.unit_price
        from aiml.products as p
        where p.id = new.product_id;
    end if;
    return new;
end
$$;
comment on function aiml_private.default_order_item_price() is
'Trigger function: an order item without unit_price gets the product''s current price.';
revoke execute on function aiml_private.default_order_item_price() from public;

create trigger default_order_item_price
before insert or update on aiml.order_items
for each row execute function aiml_private.default_order_item_price();
comment on trigger default_order_item_price on aiml.order_items is
'unit_price defaults to the product price.';

create function aiml_private.refresh_order_total()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    -- Touching the order fires compute_order_total on it.
    update aiml.orders as o
    set total = o.total
    where o.id in (
        case when tg_op <> 'INSERT' then old.order_id end,
        case when tg_op <> 'DELETE' then new.order_id end
    );
    return null;
end
$$;
comment on function aiml_private.refresh_order_total() is
'Trigger function: after an order item changes, recomputes the total of its order (old and new order when an item moves).';
revoke execute on function aiml_private.refresh_order_total() from public;

create trigger refresh_order_total
after insert or update or delete on aiml.order_items
for each row execute function aiml_private.refresh_order_total();
comment on trigger refresh_order_total on aiml.order_items is
'Keeps orders.total equal to the sum of its items.';

-- semantic search --------------------------------------------------------------------
-- search_content_chunks runs with hnsw.iterative_scan = relaxed_order
-- (pgvector >= 0.8): a filtered search (use case, content type) keeps walking
-- the HNSW graph until it has p_match_count rows instead of returning fewer;
-- the order it yields is relaxed, so the rows found are re-sorted.

-- search_content_chunks sets hnsw.iterative_scan, which pgvector defines from 0.8.0
-- on (older versions reject the setting at every call): fail here, not at run time.
do $$
begin
    if (
        select string_to_array(split_part(e.extversion, '-', 1), '.')::integer[]
        from pg_catalog.pg_extension as e
        where e.extname = 'vector'
    ) < array[0, 8] then
        raise exception 'aiml needs pgvector 0.8.0 or later (hnsw.iterative_scan); run: alter extension vector update'
            using errcode = '0A000';
    end if;
end
$$;

-- Evaluating a vector value loads pgvector's library into this session, which
-- defines hnsw.iterative_scan: only a superuser may name a parameter that is not
-- defined yet in a function's SET clause, and on Supabase this file runs as
-- postgres, possibly in a session of its own. Added after release: see
-- amended-migrations.toml.
select '[0]'::extensions.vector;

create function aiml.search_content_chunks(
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
set "hnsw.iterative_scan" = 'relaxed_order'
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

    -- The inner query orders by the distance alone, the order the HNSW index
    -- yields (a second sort key such as c.id makes the planner sort every
    -- chunk instead: a sequential scan of all embeddings per search). Ties and
    -- the relaxed order of the iterative scan are resolved by re-sorting the
    -- p_match_count rows found.
    return query
    select
        f.id,
        f.use_case_id,
        f.discovery_tool_id,
        f.content_type,
        f.content_text,
        1 - f.distance as similarity
    from (
        select
            c.id,
            c.use_case_id,
            c.discovery_tool_id,
            c.content_type,
            c.content_text,
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
comment on function aiml.search_content_chunks(extensions.vector, integer, text, text) is
'Semantic search over aiml.content_chunks: the p_match_count (1-100) chunks closest to a 1536-dimension query embedding by cosine distance (HNSW index), optionally only those of one use case (p_use_case = use_cases.use_case_id slug) and/or one content_type. similarity = 1 - cosine distance; rows of equal similarity in id order. Runs with hnsw.iterative_scan = relaxed_order (pgvector >= 0.8) so a filtered search still returns up to p_match_count rows. SECURITY INVOKER: row level security of the caller applies.';
revoke execute on function aiml.search_content_chunks(extensions.vector, integer, text, text) from public;
grant execute on function aiml.search_content_chunks(extensions.vector, integer, text, text)
    to anon, authenticated, service_role;

-- DevLab code purge -----------------------------------------------------------------

create function aiml.purge_devlab_code_marked_for_deletion(
    p_grace_period interval default interval '0'
)
returns integer
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    v_count integer;
begin
    if p_grace_period is null or p_grace_period < interval '0' then
        raise exception 'aiml.purge_devlab_code_marked_for_deletion: grace period must be zero or positive (got %)', p_grace_period
            using errcode = '22023';
    end if;

    with purged as (
        delete from aiml.devlab_projects as p
        where p.marked_for_deletion_at is not null
          and p.marked_for_deletion_at <= now() - p_grace_period
        returning 1
    )
    select count(*) into v_count from purged;

    return v_count;
end
$$;
comment on function aiml.purge_devlab_code_marked_for_deletion(interval) is
'Deletes every DevLab project whose marked_for_deletion_at is at least p_grace_period old (default: immediately), with its files, executions, analyses, tests, vulnerabilities and insights (cascade). Returns the number of projects purged. SECURITY INVOKER: the service role (scheduled job) purges all marked projects, a signed-in user only their own.';
revoke execute on function aiml.purge_devlab_code_marked_for_deletion(interval) from public, anon;
grant execute on function aiml.purge_devlab_code_marked_for_deletion(interval) to authenticated, service_role;
