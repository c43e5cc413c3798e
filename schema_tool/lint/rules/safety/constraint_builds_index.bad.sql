alter table app.t add constraint t_a_key unique (a);
