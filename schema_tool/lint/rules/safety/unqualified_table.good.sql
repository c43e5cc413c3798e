create table app.notes (id bigint primary key);
create temporary table scratch (id bigint);
