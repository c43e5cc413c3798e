create table app_private.search_settings (id bigint primary key, parser text not null, owner_table regclass);
