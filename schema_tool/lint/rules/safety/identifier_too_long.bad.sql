create table app.u (id bigint primary key);

create index idx_u_this_name_is_far_too_long_for_postgres_to_keep_it_whole_so_it_is_cut on app.u (id);
