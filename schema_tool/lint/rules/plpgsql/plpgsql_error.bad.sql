create table app.notes (id bigint primary key, body text not null, edited_at timestamptz);

create function app_private.note_length(p_id bigint) returns integer
language plpgsql set search_path = '' as $$
begin
    return (select length(n.missing_column) from app.notes as n where n.id = p_id);
end
$$;

create function app_private.touch_note() returns trigger
language plpgsql set search_path = '' as $$
begin
    new.no_such_column := now();
    return new;
end
$$;

create trigger notes_touch before update on app.notes
for each row execute function app_private.touch_note();
