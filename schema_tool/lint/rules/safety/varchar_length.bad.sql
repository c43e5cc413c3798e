create table app.u (id bigint primary key, name varchar(100));
