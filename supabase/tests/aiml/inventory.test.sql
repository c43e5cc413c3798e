-- Inventory: current_stock is the sum of inventory_movements, kept by trigger;
-- only an explicit adjustment may take stock below zero; the ledger is append-only.
begin;
select plan(27);
set local search_path = aiml, public, extensions;

insert into products (product_id, sku, name, price) values ('inv-p1', 'INV-P1', 'Inventory test product', 9.99);

-- receipts create the inventory row
select lives_ok(
    $$insert into inventory_movements (product_id, movement_type, quantity, reference_id)
      select id, 'receipt', 10, 'PO-1' from products where product_id = 'inv-p1'$$,
    'a receipt for a product without inventory row is accepted');
select is((select current_stock from inventory where product_id = (select id from products where product_id = 'inv-p1')), 10,
    'the receipt created the inventory row with current_stock 10');
select is((select stock_after from inventory_movements where reference_id = 'PO-1'), 10,
    'the movement records stock_after = 10');

insert into inventory_movements (product_id, movement_type, quantity, reference_id)
select id, 'sale' as movement_type, -3 as quantity, 'ORD-1' as reference_id from products where product_id = 'inv-p1';
select is((select current_stock from inventory where product_id = (select id from products where product_id = 'inv-p1')), 7,
    'a sale of 3 takes stock to 7');

select throws_ok(
    $$insert into inventory_movements (product_id, movement_type, quantity, reference_id)
      select id, 'sale', -8, 'ORD-2' from products where product_id = 'inv-p1'$$,
    '23514', null,
    'a sale of 8 with 7 in stock is rejected (23514)');
select throws_ok(
    $$insert into inventory_movements (product_id, movement_type, quantity)
      select id, 'transfer_out', -8 from products where product_id = 'inv-p1'$$,
    '23514', null,
    'a transfer_out below zero is rejected (23514)');
select is((select current_stock from inventory where product_id = (select id from products where product_id = 'inv-p1')), 7,
    'after the rejected movements stock is still 7');
select is((select count(*)::int from inventory_movements where product_id = (select id from products where product_id = 'inv-p1')), 2,
    'rejected movements wrote nothing');

select lives_ok(
    $$insert into inventory_movements (product_id, movement_type, quantity, reference_id)
      select id, 'adjustment', -8, 'COUNT-1' from products where product_id = 'inv-p1'$$,
    'an explicit adjustment may take stock below zero');
select is((select current_stock from inventory where product_id = (select id from products where product_id = 'inv-p1')), -1,
    'after the adjustment stock is -1');
select throws_ok(
    $$insert into inventory_movements (product_id, movement_type, quantity)
      select id, 'sale', -1 from products where product_id = 'inv-p1'$$,
    '23514', null,
    'a sale while stock is negative is rejected (23514)');

insert into inventory_movements (product_id, movement_type, quantity)
select id, m.t, m.q from products, (values ('return', 2), ('transfer_in', 4), ('adjustment', 1)) as m (t, q)
where product_id = 'inv-p1';
select is((select current_stock from inventory where product_id = (select id from products where product_id = 'inv-p1')), 6,
    'return +2, transfer_in +4, adjustment +1 take stock to 6');
select is(
    (select current_stock from inventory where product_id = (select id from products where product_id = 'inv-p1')),
    (select sum(quantity)::int from inventory_movements where product_id = (select id from products where product_id = 'inv-p1')),
    'current_stock equals the sum of the movements');

-- sign and type checks
select throws_ok($$insert into inventory_movements (product_id, movement_type, quantity) select id, 'sale', 3 from products where product_id = 'inv-p1'$$,
    '23514', null, 'a sale with a positive quantity is rejected (23514)');
select throws_ok($$insert into inventory_movements (product_id, movement_type, quantity) select id, 'receipt', -3 from products where product_id = 'inv-p1'$$,
    '23514', null, 'a receipt with a negative quantity is rejected (23514)');
select throws_ok($$insert into inventory_movements (product_id, movement_type, quantity) select id, 'adjustment', 0 from products where product_id = 'inv-p1'$$,
    '23514', null, 'a zero quantity is rejected (23514)');
select throws_ok($$insert into inventory_movements (product_id, movement_type, quantity) select id, 'theft', -1 from products where product_id = 'inv-p1'$$,
    '23514', null, 'an unknown movement type is rejected (23514)');
select throws_ok($$insert into inventory_movements (product_id, movement_type, quantity) values (-42, 'receipt', 1)$$,
    '23503', null, 'a movement for a missing product is rejected (23503)');

-- direct writes of current_stock
select throws_ok(
    $$update inventory set current_stock = 100 where product_id = (select id from products where product_id = 'inv-p1')$$,
    '55000', null, 'a direct update of current_stock is rejected (55000)');
select lives_ok(
    $$update inventory set reorder_point = 2, reorder_quantity = 20 where product_id = (select id from products where product_id = 'inv-p1')$$,
    'reorder settings can be changed directly');
insert into products (product_id, sku, name, price) values ('inv-p2', 'INV-P2', 'Second inventory product', 1);
select throws_ok(
    $$insert into inventory (product_id, current_stock) select id, 5 from products where product_id = 'inv-p2'$$,
    '55000', null, 'an inventory row cannot start with stock (55000)');
select lives_ok(
    $$insert into inventory (product_id, reorder_point) select id, 3 from products where product_id = 'inv-p2'$$,
    'an inventory row starting at 0 is accepted');

-- append-only ledger
select throws_ok($$update inventory_movements set quantity = 100 where reference_id = 'PO-1'$$,
    '55000', null, 'a movement cannot be updated (55000)');
select throws_ok($$delete from inventory_movements where reference_id = 'PO-1'$$,
    '55000', null, 'a movement cannot be deleted (55000)');

-- deleting the product removes its ledger and stock row
select lives_ok($$delete from products where product_id = 'inv-p1'$$,
    'a product with movements can be deleted');
select is((select count(*)::int from inventory_movements where reference_id in ('PO-1', 'ORD-1', 'COUNT-1')), 0,
    'its movements went with it');
select is((select count(*)::int from inventory i join products p on p.id = i.product_id where p.product_id = 'inv-p1'), 0,
    'its inventory row went with it');

select * from finish();
rollback;
