create table app.notes (id bigint primary key, user_id uuid not null);
alter table app.notes enable row level security;
create policy "notes: owner can insert" on app.notes for insert to authenticated
with check (user_id = (select auth.uid()));
