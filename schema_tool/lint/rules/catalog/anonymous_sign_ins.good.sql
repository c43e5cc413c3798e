create table app.notes (id bigint primary key, user_id uuid not null);
alter table app.notes enable row level security;
create policy "notes: signed-up owner can insert" on app.notes for insert to authenticated
with check (user_id = (select auth.uid()) and (select ((auth.jwt() ->> 'is_anonymous'))::boolean) is false);
create policy "notes: anyone can select" on app.notes for select to authenticated using (true);
