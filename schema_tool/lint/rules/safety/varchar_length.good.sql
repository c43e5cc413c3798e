create table app.u (id bigint primary key, name text check (char_length(name) <= 100));
