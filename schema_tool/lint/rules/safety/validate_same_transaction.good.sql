alter table app.t add constraint t_parent_fkey foreign key (parent_id) references app.t (id) not valid;
