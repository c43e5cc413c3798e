-- Orders: total is the sum of the items' line totals (trigger), unit_price
-- defaults to the product price, line_total is generated.
begin;
select plan(22);
set local search_path = aiml, public, extensions;

insert into products (product_id, sku, name, price)
values ('ord-p1', 'ORD-P1', 'Widget', 10.00), ('ord-p2', 'ORD-P2', 'Gadget', 2.50);
insert into customers (customer_id, email) values ('ord-c1', 'c1@shop.example');
insert into orders (order_id, customer_id, total)
select 'ORD-T1' as order_id, id, 999 as total from customers where customer_id = 'ord-c1';
insert into orders (order_id) values ('ORD-T2');

select is((select total from orders where order_id = 'ORD-T1'), 0.00::numeric,
    'a new order''s total is 0 whatever total was written');

insert into order_items (order_id, product_id, quantity)
select o.id as order_id, p.id as product_id, 2 as quantity from orders as o, products as p where o.order_id = 'ORD-T1' and p.product_id = 'ord-p1';
select is((select unit_price from order_items oi join products p on p.id = oi.product_id where p.product_id = 'ord-p1'), 10.00::numeric,
    'an item without unit_price gets the product price');
select is((select line_total from order_items oi join products p on p.id = oi.product_id where p.product_id = 'ord-p1'), 20.00::numeric,
    'line_total = quantity * unit_price');
select is((select total from orders where order_id = 'ORD-T1'), 20.00::numeric,
    'adding an item updates the order total');

insert into order_items (order_id, product_id, quantity, unit_price)
select o.id as order_id, p.id as product_id, 4 as quantity, 2.25 as unit_price from orders as o, products as p where o.order_id = 'ORD-T1' and p.product_id = 'ord-p2';
select is((select total from orders where order_id = 'ORD-T1'), 29.00::numeric,
    'a second item with its own unit_price (4 x 2.25) makes the total 29.00');

update order_items set quantity = 3
where product_id = (select id from products where product_id = 'ord-p1');
select is((select total from orders where order_id = 'ORD-T1'), 39.00::numeric,
    'changing a quantity updates the total');

update orders set total = 1 where order_id = 'ORD-T1';
select is((select total from orders where order_id = 'ORD-T1'), 39.00::numeric,
    'writing total directly is overridden by the derived value');

update order_items set order_id = (select id from orders where order_id = 'ORD-T2')
where product_id = (select id from products where product_id = 'ord-p2');
select is((select total from orders where order_id = 'ORD-T1'), 30.00::numeric,
    'moving an item out of an order lowers its total');
select is((select total from orders where order_id = 'ORD-T2'), 9.00::numeric,
    'moving an item into an order raises its total');

delete from order_items where product_id = (select id from products where product_id = 'ord-p2');
select is((select total from orders where order_id = 'ORD-T2'), 0.00::numeric,
    'deleting the last item brings the total back to 0');

select is(
    (
        select count(*)::int from orders as o
        where o.total <> coalesce((select sum(oi.quantity * oi.unit_price) from order_items as oi where oi.order_id = o.id), 0)
    ),
    0,
    'every order total equals the sum of its items');

-- bad input
select throws_ok($$insert into order_items (order_id, product_id, quantity) select o.id, p.id, 0 from orders o, products p where o.order_id = 'ORD-T1' and p.product_id = 'ord-p1'$$,
    '23514', null, 'quantity 0 is rejected (23514)');
select throws_ok($$insert into order_items (order_id, product_id, quantity, unit_price) select o.id, p.id, 1, -1 from orders o, products p where o.order_id = 'ORD-T1' and p.product_id = 'ord-p1'$$,
    '23514', null, 'a negative unit_price is rejected (23514)');
select throws_ok($$insert into order_items (order_id, product_id, quantity) select o.id, -1, 1 from orders o where o.order_id = 'ORD-T1'$$,
    '23502', null, 'an item for a missing product has no price and is rejected (23502)');
select is((select total from orders where order_id = 'ORD-T1'), 30.00::numeric,
    'rejected items left the total unchanged');
select throws_ok($$update orders set status = 'lost' where order_id = 'ORD-T1'$$,
    '23514', null, 'an unknown status is rejected (23514)');
select throws_ok($$update orders set shipping_address = '{"city": "Lyon"}' where order_id = 'ORD-T1'$$,
    '23514', null, 'a shipping address without line1/postal_code/country is rejected (23514)');
select lives_ok($$update orders set shipping_address = '{"line1": "1 rue de la Paix", "city": "Lyon", "postal_code": "69001", "country": "FR"}' where order_id = 'ORD-T1'$$,
    'a complete shipping address is accepted');

-- deletes
select throws_like($$delete from products where product_id = 'ord-p1'$$,
    '%foreign key constraint "order_items_product_id_fkey"%',
    'a product that was ordered cannot be deleted (restrict: 23001 on 18, 23503 before)');
delete from customers where customer_id = 'ord-c1';
select is((select customer_id from orders where order_id = 'ORD-T1'), null::bigint,
    'deleting the customer keeps the order without customer');
delete from orders where order_id = 'ORD-T1';
select is((select count(*)::int from order_items oi join products p on p.id = oi.product_id where p.product_id = 'ord-p1'), 0,
    'deleting an order deletes its items');
select is((select total from orders where order_id = 'ORD-T2'), 0.00::numeric,
    'other orders are untouched');

select * from finish();
rollback;
