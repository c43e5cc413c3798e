create table app.notes (id bigint primary key, body text not null, edited_at timestamptz);

create function app_private.note_length(p_id bigint) returns integer
language plpgsql set search_path = '' as $$
begin
    return (select length(n.body) from app.notes as n where n.id = p_id);
end
$$;

create function app_private.touch_note() returns trigger
language plpgsql set search_path = '' as $$
begin
    new.edited_at := now();
    return new;
end
$$;

create trigger notes_touch before update on app.notes
for each row execute function app_private.touch_note();

-- a statement trigger reading its transition table: checked with it
create function app_private.count_inserted() returns trigger
language plpgsql set search_path = '' as $$
begin
    perform count(i.body) from inserted as i;
    return null;
end
$$;

create trigger notes_count after insert on app.notes
referencing new table as inserted
for each statement execute function app_private.count_inserted();
