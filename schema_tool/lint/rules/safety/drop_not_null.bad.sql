alter table app.t alter column a drop not null;
