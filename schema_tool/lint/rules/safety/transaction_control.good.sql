savepoint before_c;
alter table app.t add column c text;
release savepoint before_c;
