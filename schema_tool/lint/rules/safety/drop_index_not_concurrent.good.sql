create table app.u (id bigint primary key, a integer);
create index idx_u_a on app.u (a);
drop index app.idx_u_a;
