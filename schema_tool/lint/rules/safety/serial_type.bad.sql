create table app.u (id bigserial primary key);
