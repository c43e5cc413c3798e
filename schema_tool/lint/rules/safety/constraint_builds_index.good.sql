create unique index if not exists idx_t_a on app.t (a);
-- schema-tool: allow index-not-concurrent fixture
alter table app.t add constraint t_a_key unique using index idx_t_a;
