create function app_private.touch() returns integer language sql as $$ select 1 $$;
