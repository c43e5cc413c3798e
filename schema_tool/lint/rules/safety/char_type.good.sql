create table app.u (id bigint primary key, code text check (char_length(code) = 3));
