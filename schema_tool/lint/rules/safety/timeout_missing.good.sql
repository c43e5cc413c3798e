set local lock_timeout = '5s';
set local statement_timeout = '60s';
alter table app.t add column c text;
