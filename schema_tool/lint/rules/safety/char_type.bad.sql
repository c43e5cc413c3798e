create table app.u (id bigint primary key, code char(3));
