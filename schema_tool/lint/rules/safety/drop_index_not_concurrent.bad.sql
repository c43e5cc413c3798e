-- the lock of the drop lasts through the index build after it
drop index app.idx_t_a;
create index idx_t_b on app.t (b);
