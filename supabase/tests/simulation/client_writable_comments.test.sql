-- simulation: every table's comment (and so docs/) says which columns a client may
-- write and which facts the server owns (issue 15).
begin;
select plan(1);

select is_empty(
    $$select * from tests.tables_without_client_write_comment('simulation')$$,
    'every simulation table''s comment says what a client may write ("Client-writable ..." or "Client writes ...")');

select * from finish();
rollback;
