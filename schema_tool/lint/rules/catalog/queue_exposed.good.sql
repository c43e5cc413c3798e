create schema pgmq;
create table pgmq.q_jobs (msg_id bigint primary key, message jsonb);
alter table pgmq.q_jobs enable row level security;
grant usage on schema pgmq to authenticated;
grant select on pgmq.q_jobs to authenticated;
