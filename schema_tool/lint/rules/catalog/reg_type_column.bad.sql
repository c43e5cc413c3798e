create table app_private.search_settings (id bigint primary key, parser regconfig not null);
