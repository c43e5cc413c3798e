create table app.u (id bigint primary key, at timestamptz not null);
