create table app.u (id bigint primary key, at timestamp not null);
