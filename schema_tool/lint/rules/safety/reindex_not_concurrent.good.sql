create table app.u (id bigint primary key);
