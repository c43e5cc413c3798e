-- playground: every table's comment (and so docs/) says which columns a client may
-- write and which facts the server owns (issue 15).
begin;
select plan(1);

select is_empty(
    $$select c.relname
      from pg_class as c
      join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname = 'playground'
        and c.relkind in ('r', 'p')
        and not c.relispartition
        and coalesce(obj_description(c.oid, 'pg_class'), '') !~* '(client[- ]writ|clients write)'
      order by 1$$,
    'every playground table''s comment says what a client may write ("Client-writable ..." or "Client writes ...")');

select * from finish();
rollback;
