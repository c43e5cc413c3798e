create function app_private.plus_one(p_value integer) returns integer
language plpgsql set search_path = '' as $$
begin
    return p_value + 1;
end
$$;
