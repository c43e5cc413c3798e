begin;
alter table app.t add column c text;
commit;
