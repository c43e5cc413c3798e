-- proposed (simulation): conversation_logs carries its run's user_id.
-- The policy then filters on a column of the row (no EXISTS probe into
-- user_progress per row or hashed set of all the user's runs), and
-- "my latest messages across runs" gets an index: (user_id, "timestamp")
-- on every monthly partition. A composite foreign key keeps user_id equal to
-- the run's user; the existing check trigger fills it in.
alter table simulation.user_progress
    add constraint user_progress_id_user_id_key unique (id, user_id);

alter table simulation.conversation_logs add column user_id bigint;
update simulation.conversation_logs as l
set user_id = p.user_id
from simulation.user_progress as p
where p.id = l.user_progress_id;
alter table simulation.conversation_logs alter column user_id set not null;
alter table simulation.conversation_logs
    add constraint conversation_logs_user_progress_id_user_id_fkey
    foreign key (user_progress_id, user_id) references simulation.user_progress (id, user_id)
    on delete cascade on update cascade;
create index idx_conversation_logs_user_id_timestamp
    on simulation.conversation_logs (user_id, "timestamp");

create or replace function simulation_private.conversation_logs_fill_user_id()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    select p.user_id into new.user_id
    from simulation.user_progress as p
    where p.id = new.user_progress_id;
    return new;
end
$$;
revoke execute on function simulation_private.conversation_logs_fill_user_id() from public, anon, authenticated;
create trigger conversation_logs_fill_user_id
before insert or update of user_progress_id on simulation.conversation_logs
for each row execute function simulation_private.conversation_logs_fill_user_id();

alter policy "conversation_logs: owner of the run can select" on simulation.conversation_logs
    using (user_id = (select simulation_private.current_user_id()));
