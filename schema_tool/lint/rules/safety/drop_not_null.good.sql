alter table app.t alter column a set default 0;
