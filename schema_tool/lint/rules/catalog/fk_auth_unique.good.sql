create table app_private.contacts (id bigint primary key, user_id uuid references auth.users (id));
create index idx_contacts_user_id on app_private.contacts (user_id);
