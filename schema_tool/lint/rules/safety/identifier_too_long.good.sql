create table app.u (id bigint primary key);

create index idx_u_id_short on app.u (id);
