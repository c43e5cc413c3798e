create table app_private.contacts (id bigint primary key, phone text references auth.users (phone));
create index idx_contacts_phone on app_private.contacts (phone);
