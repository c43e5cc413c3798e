create table app.logs (id bigint, at date) partition by range (at);
create table app.logs_2025 partition of app.logs for values from ('2025-01-01') to ('2026-01-01');
alter table app.logs detach partition app.logs_2025;
