create function app_private.touch() returns integer language sql set search_path = '' as $$ select 1 $$;
