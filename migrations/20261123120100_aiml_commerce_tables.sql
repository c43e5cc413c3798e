-- aiml: commerce tables (product_categories, products, product_variants,
-- customer_segments, customers, orders, order_items, transactions,
-- inventory, inventory_movements). The triggers that keep order totals and
-- stock consistent are in the functions-and-triggers migration.

-- product_categories ----------------------------------------------------------

create table aiml.product_categories (
    id bigint generated always as identity,
    category_id text not null,
    name text not null,
    parent_category_id bigint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint product_categories_pkey primary key (id),
    constraint product_categories_category_id_key unique (category_id),
    constraint product_categories_parent_category_id_fkey foreign key (parent_category_id)
        references aiml.product_categories (id) on delete set null,
    constraint product_categories_category_id_check check (category_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint product_categories_name_check check (length(btrim(name)) > 0),
    constraint product_categories_parent_category_id_check check (parent_category_id <> id)
);
create index idx_product_categories_parent_category_id on aiml.product_categories (parent_category_id);

comment on table aiml.product_categories is 'Product category hierarchy (a tree: a trigger rejects cycles). Deleting a category makes its children top-level. Public catalogue.';
comment on column aiml.product_categories.id is 'Integer identity key.';
comment on column aiml.product_categories.category_id is 'Stable slug, e.g. electronics.';
comment on column aiml.product_categories.name is 'Display name.';
comment on column aiml.product_categories.parent_category_id is 'Parent category (aiml.product_categories.id), null for a top-level category; set null when the parent is deleted.';
comment on column aiml.product_categories.created_at is 'When the row was created.';
comment on column aiml.product_categories.updated_at is 'When the row was last changed (set by trigger).';

-- products --------------------------------------------------------------------

create table aiml.products (
    id bigint generated always as identity,
    product_id text not null,
    sku text not null,
    name text not null,
    description text,
    price numeric(12, 2) not null,
    category_id bigint,
    embedding extensions.vector(1536),
    visual_embedding extensions.vector(1536),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint products_pkey primary key (id),
    constraint products_product_id_key unique (product_id),
    constraint products_sku_key unique (sku),
    constraint products_category_id_fkey foreign key (category_id)
        references aiml.product_categories (id) on delete set null,
    constraint products_sku_check check (sku ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    constraint products_name_check check (length(btrim(name)) > 0),
    constraint products_price_check check (price >= 0)
);
create index idx_products_category_id on aiml.products (category_id);
create index idx_products_embedding on aiml.products
    using hnsw (embedding extensions.vector_cosine_ops);
create index idx_products_visual_embedding on aiml.products
    using hnsw (visual_embedding extensions.vector_cosine_ops);

comment on table aiml.products is 'Product catalogue of the demo shop, with text and image embeddings for recommendation and visual search (HNSW, cosine). Public catalogue.';
comment on column aiml.products.id is 'Integer identity key.';
comment on column aiml.products.product_id is 'Stable public product id, e.g. prod-0001.';
comment on column aiml.products.sku is 'Stock keeping unit, unique; letters, digits, "_" and "-".';
comment on column aiml.products.name is 'Product name.';
comment on column aiml.products.description is 'Product description.';
comment on column aiml.products.price is 'List price (>= 0, shop currency).';
comment on column aiml.products.category_id is 'Category (aiml.product_categories.id); not in the seed''s field list, added so the category hierarchy has products. Set null when the category is deleted.';
comment on column aiml.products.embedding is 'Text embedding (1536 dimensions, e.g. text-embedding-3-small), HNSW cosine index.';
comment on column aiml.products.visual_embedding is 'Image embedding projected to 1536 dimensions, HNSW cosine index.';
comment on column aiml.products.created_at is 'When the row was created.';
comment on column aiml.products.updated_at is 'When the row was last changed (set by trigger).';

-- product_variants -------------------------------------------------------------

create table aiml.product_variants (
    id bigint generated always as identity,
    variant_id text not null,
    product_id bigint not null,
    attributes jsonb not null default '{}'::jsonb,
    price numeric(12, 2),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint product_variants_pkey primary key (id),
    constraint product_variants_variant_id_key unique (variant_id),
    constraint product_variants_product_id_fkey foreign key (product_id)
        references aiml.products (id) on delete cascade,
    constraint product_variants_attributes_check check (jsonb_typeof(attributes) = 'object'),
    constraint product_variants_price_check check (price >= 0)
);
create index idx_product_variants_product_id on aiml.product_variants (product_id);

comment on table aiml.product_variants is 'Variants of a product (size, colour, ...). Public catalogue.';
comment on column aiml.product_variants.id is 'Integer identity key.';
comment on column aiml.product_variants.variant_id is 'Stable public variant id.';
comment on column aiml.product_variants.product_id is 'The product (aiml.products.id); variants go with it.';
comment on column aiml.product_variants.attributes is 'Variant attributes as a JSON object, e.g. {"size": "M", "color": "blue"}.';
comment on column aiml.product_variants.price is 'Variant price (>= 0); null means the product''s price.';
comment on column aiml.product_variants.created_at is 'When the row was created.';
comment on column aiml.product_variants.updated_at is 'When the row was last changed (set by trigger).';

-- customer_segments -------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.customer_segments (
    id bigint generated always as identity,
    segment_id text not null,
    name text not null,
    criteria jsonb not null default '{}'::jsonb,
    characteristics jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint customer_segments_pkey primary key (id),
    constraint customer_segments_segment_id_key unique (segment_id),
    constraint customer_segments_name_check check (length(btrim(name)) > 0),
    constraint customer_segments_criteria_check check (jsonb_typeof(criteria) = 'object'),
    constraint customer_segments_characteristics_check check (jsonb_typeof(characteristics) = 'object')
);

comment on table aiml.customer_segments is 'Customer segments produced by the segmentation use case. Service role only.';
comment on column aiml.customer_segments.id is 'Integer identity key.';
comment on column aiml.customer_segments.segment_id is 'Stable segment id, e.g. high-value.';
comment on column aiml.customer_segments.name is 'Display name.';
comment on column aiml.customer_segments.criteria is 'Rules that put a customer in the segment, JSON object.';
comment on column aiml.customer_segments.characteristics is 'Descriptive statistics of the segment, JSON object.';
comment on column aiml.customer_segments.created_at is 'When the row was created.';
comment on column aiml.customer_segments.updated_at is 'When the row was last changed (set by trigger).';

-- customers ---------------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.customers (
    id bigint generated always as identity,
    customer_id text not null,
    email text,
    total_orders integer not null default 0,
    total_spent numeric(14, 2) not null default 0,
    churn_probability numeric(5, 4),
    segment_id bigint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint customers_pkey primary key (id),
    constraint customers_customer_id_key unique (customer_id),
    constraint customers_segment_id_fkey foreign key (segment_id)
        references aiml.customer_segments (id) on delete set null,
    constraint customers_email_check check (email is null or email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    constraint customers_total_orders_check check (total_orders >= 0),
    constraint customers_total_spent_check check (total_spent >= 0),
    constraint customers_churn_probability_check check (churn_probability between 0 and 1)
);
create index idx_customers_segment_id on aiml.customers (segment_id);

comment on table aiml.customers is 'Customers of the demo shop (churn and segmentation use cases). Holds an email (PII): service role only. total_orders/total_spent are stored aggregates maintained by the backend (the synthetic data has history beyond aiml.orders).';
comment on column aiml.customers.id is 'Integer identity key.';
comment on column aiml.customers.customer_id is 'Stable public customer id.';
comment on column aiml.customers.email is 'Customer email (PII; null once anonymised).';
comment on column aiml.customers.total_orders is 'Number of orders (>= 0).';
comment on column aiml.customers.total_spent is 'Total spent (>= 0).';
comment on column aiml.customers.churn_probability is 'Predicted churn probability, 0 to 1.';
comment on column aiml.customers.segment_id is 'Segment (aiml.customer_segments.id); set null when the segment is deleted.';
comment on column aiml.customers.created_at is 'When the row was created.';
comment on column aiml.customers.updated_at is 'When the row was last changed (set by trigger).';

-- orders ----------------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.orders (
    id bigint generated always as identity,
    order_id text not null,
    customer_id bigint,
    status text not null default 'pending',
    total numeric(14, 2) not null default 0,
    shipping_address jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint orders_pkey primary key (id),
    constraint orders_order_id_key unique (order_id),
    constraint orders_customer_id_fkey foreign key (customer_id)
        references aiml.customers (id) on delete set null,
    constraint orders_status_check check (
        status in ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')
    ),
    constraint orders_total_check check (total >= 0),
    constraint orders_shipping_address_check check (
        shipping_address is null
        or (
            jsonb_typeof(shipping_address) = 'object'
            and shipping_address ?& array['line1', 'city', 'postal_code', 'country']
        )
    )
);
create index idx_orders_customer_id on aiml.orders (customer_id);
create index idx_orders_status_created_at on aiml.orders (status, created_at);

comment on table aiml.orders is 'Orders of the demo shop. total is always the sum of the order''s items (kept by trigger; a value written directly is replaced). Service role only.';
comment on column aiml.orders.id is 'Integer identity key.';
comment on column aiml.orders.order_id is 'Stable public order number.';
comment on column aiml.orders.customer_id is 'Customer (aiml.customers.id); set null when the customer is deleted so the order stays in the books.';
comment on column aiml.orders.status is 'pending, paid, shipped, delivered, cancelled or refunded.';
comment on column aiml.orders.total is 'Sum of quantity * unit_price over the order''s items (derived by trigger, >= 0).';
comment on column aiml.orders.shipping_address is 'Shipping address: JSON object with at least line1, city, postal_code, country.';
comment on column aiml.orders.created_at is 'When the order was placed.';
comment on column aiml.orders.updated_at is 'When the row was last changed (set by trigger).';

-- order_items -------------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.order_items (
    id bigint generated always as identity,
    order_id bigint not null,
    product_id bigint not null,
    quantity integer not null,
    unit_price numeric(12, 2) not null,
    line_total numeric(14, 2) generated always as (quantity * unit_price) stored,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint order_items_pkey primary key (id),
    constraint order_items_order_id_fkey foreign key (order_id)
        references aiml.orders (id) on delete cascade,
    constraint order_items_product_id_fkey foreign key (product_id)
        references aiml.products (id) on delete restrict,
    constraint order_items_quantity_check check (quantity > 0),
    constraint order_items_unit_price_check check (unit_price >= 0)
);
create index idx_order_items_order_id on aiml.order_items (order_id);
create index idx_order_items_product_id on aiml.order_items (product_id);

comment on table aiml.order_items is 'Order line items. Inserting, changing or deleting an item recomputes the order''s total. Service role only.';
comment on column aiml.order_items.id is 'Integer identity key.';
comment on column aiml.order_items.order_id is 'The order (aiml.orders.id); items go with it.';
comment on column aiml.order_items.product_id is 'The product (aiml.products.id); a product that was ordered cannot be deleted.';
comment on column aiml.order_items.quantity is 'Units ordered (> 0).';
comment on column aiml.order_items.unit_price is 'Price per unit (>= 0); when omitted on insert it is the product''s current price.';
comment on column aiml.order_items.line_total is 'quantity * unit_price (generated).';
comment on column aiml.order_items.created_at is 'When the row was created.';
comment on column aiml.order_items.updated_at is 'When the row was last changed (set by trigger).';

-- transactions ------------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.transactions (
    id bigint generated always as identity,
    transaction_id text not null,
    customer_id bigint,
    amount numeric(14, 2) not null,
    is_fraud boolean not null default false,
    fraud_score numeric(5, 4),
    device_fingerprint text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint transactions_pkey primary key (id),
    constraint transactions_transaction_id_key unique (transaction_id),
    constraint transactions_customer_id_fkey foreign key (customer_id)
        references aiml.customers (id) on delete set null,
    constraint transactions_amount_check check (amount >= 0),
    constraint transactions_fraud_score_check check (fraud_score between 0 and 1)
);
create index idx_transactions_customer_id on aiml.transactions (customer_id);
create index idx_transactions_is_fraud_created_at on aiml.transactions (is_fraud, created_at);

comment on table aiml.transactions is 'Payment transactions with fraud labels and scores (fraud detection use case). Service role only.';
comment on column aiml.transactions.id is 'Integer identity key.';
comment on column aiml.transactions.transaction_id is 'Stable public transaction id.';
comment on column aiml.transactions.customer_id is 'Paying customer (aiml.customers.id); not in the seed''s field list, added for fraud features; set null when the customer is deleted.';
comment on column aiml.transactions.amount is 'Amount (>= 0).';
comment on column aiml.transactions.is_fraud is 'Ground-truth fraud label (false until labelled fraudulent).';
comment on column aiml.transactions.fraud_score is 'Model fraud score, 0 to 1.';
comment on column aiml.transactions.device_fingerprint is 'Opaque device fingerprint hash from the payment client.';
comment on column aiml.transactions.created_at is 'When the transaction happened.';
comment on column aiml.transactions.updated_at is 'When the row was last changed (set by trigger).';

-- inventory ---------------------------------------------------------------------

create table aiml.inventory (
    id bigint generated always as identity,
    product_id bigint not null,
    current_stock integer not null default 0,
    reorder_point integer not null default 0,
    reorder_quantity integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint inventory_pkey primary key (id),
    constraint inventory_product_id_key unique (product_id),
    constraint inventory_product_id_fkey foreign key (product_id)
        references aiml.products (id) on delete cascade,
    constraint inventory_reorder_point_check check (reorder_point >= 0),
    constraint inventory_reorder_quantity_check check (reorder_quantity >= 0)
);

comment on table aiml.inventory is 'Stock level per product. current_stock changes only through aiml.inventory_movements (trigger); it can go below zero only through an explicit adjustment movement. Public catalogue (stock is shown in the shop).';
comment on column aiml.inventory.id is 'Integer identity key.';
comment on column aiml.inventory.product_id is 'The product (aiml.products.id), one inventory row per product; goes with the product.';
comment on column aiml.inventory.current_stock is 'Units in stock = sum of the product''s movements (maintained by trigger; direct writes are rejected).';
comment on column aiml.inventory.reorder_point is 'Reorder when current_stock falls to this level (>= 0).';
comment on column aiml.inventory.reorder_quantity is 'Units to reorder (>= 0).';
comment on column aiml.inventory.created_at is 'When the row was created.';
comment on column aiml.inventory.updated_at is 'When the row was last changed (set by trigger).';

-- inventory_movements -------------------------------------------------------------

-- schema-tool: allow rls-no-policy service role only (no anon/authenticated grants): see the rls-and-grants migration
create table aiml.inventory_movements (
    id bigint generated always as identity,
    product_id bigint not null,
    movement_type text not null,
    quantity integer not null,
    reference_id text,
    stock_after integer,
    created_at timestamptz not null default now(),
    constraint inventory_movements_pkey primary key (id),
    constraint inventory_movements_product_id_fkey foreign key (product_id)
        references aiml.products (id) on delete cascade,
    constraint inventory_movements_movement_type_check check (
        movement_type in ('receipt', 'return', 'transfer_in', 'sale', 'transfer_out', 'adjustment')
    ),
    constraint inventory_movements_quantity_check check (
        quantity <> 0
        and (movement_type not in ('receipt', 'return', 'transfer_in') or quantity > 0)
        and (movement_type not in ('sale', 'transfer_out') or quantity < 0)
    )
);
create index idx_inventory_movements_product_id_created_at
    on aiml.inventory_movements (product_id, created_at);
create index idx_inventory_movements_reference_id on aiml.inventory_movements (reference_id);

comment on table aiml.inventory_movements is 'Append-only stock ledger: each row changes aiml.inventory.current_stock by quantity (trigger; creates the inventory row when missing). Rows cannot be updated or deleted (corrections are new adjustment rows), except when their product is deleted.';
comment on column aiml.inventory_movements.id is 'Integer identity key.';
comment on column aiml.inventory_movements.product_id is 'The product (aiml.products.id); the ledger goes with the product.';
comment on column aiml.inventory_movements.movement_type is 'receipt, return, transfer_in (quantity > 0); sale, transfer_out (quantity < 0); adjustment (either sign, the only type allowed to take stock below zero).';
comment on column aiml.inventory_movements.quantity is 'Signed change in units (never 0; sign must match movement_type).';
comment on column aiml.inventory_movements.reference_id is 'External reference: order number, purchase order, stock-take id...';
comment on column aiml.inventory_movements.stock_after is 'current_stock right after this movement (set by trigger).';
comment on column aiml.inventory_movements.created_at is 'When the movement happened.';
