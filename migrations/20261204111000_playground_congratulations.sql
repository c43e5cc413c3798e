-- playground: congratulations, the seed's "social features (sharing,
-- congratulations)". Until now ai_playground_achievements.congratulations_count
-- was a counter nobody could move. Now:
-- * ai_playground_congratulations holds one row per person and achievement
--   (primary key (achievement_id, user_id));
-- * a signed-in user congratulates an achievement of someone else that they
--   can see shared (unlocked and is_shared), never their own; they may take
--   it back (delete); nothing can be edited;
-- * congratulations_count is the server's: triggers (SECURITY DEFINER, in
--   playground_private) move it on insert and delete; nobody writes it.
-- The checks live in a BEFORE INSERT trigger, so they hold for every role
-- (service_role included) and give one answer (42501) whether the
-- achievement does not exist, is not shared or is the caller's own: an id
-- reveals nothing.

create table playground.ai_playground_congratulations (
    achievement_id uuid not null,
    user_id uuid not null default auth.uid(),
    created_at timestamptz not null default now(),
    constraint ai_playground_congratulations_pkey primary key (achievement_id, user_id),
    constraint ai_playground_congratulations_achievement_id_fkey foreign key (achievement_id)
        references playground.ai_playground_achievements (id) on delete cascade,
    constraint ai_playground_congratulations_user_id_fkey foreign key (user_id)
        references auth.users (id) on delete cascade
);

create index idx_ai_playground_congratulations_user_id
    on playground.ai_playground_congratulations (user_id);

comment on table playground.ai_playground_congratulations is
'Congratulations on shared achievements (the seed''s social features): one per person and achievement. A signed-in user congratulates someone else''s unlocked, shared achievement (never their own) and may take it back; rows are never edited. The congratulator and the achievement''s owner read a row. ai_playground_achievements.congratulations_count counts them, kept by trigger. Clients write only achievement_id.';
comment on column playground.ai_playground_congratulations.achievement_id is 'The congratulated achievement (someone else''s, unlocked and shared when congratulated). Deleting it deletes its congratulations.';
comment on column playground.ai_playground_congratulations.user_id is 'Who congratulates: always the signed-in user (default auth.uid(); set by the server).';
comment on column playground.ai_playground_congratulations.created_at is 'When (set by the server).';
comment on index playground.idx_ai_playground_congratulations_user_id is 'A user''s own congratulations (select and delete policies, cascade from auth.users).';

create function playground_private.before_congratulation_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_caller uuid := (select auth.uid());
begin
    -- a member congratulates as themself; service_role / postgres may name anyone
    if v_caller is not null then
        new.user_id := v_caller;
    end if;
    new.created_at := now();
    if new.user_id is null or not exists (
        select 1
        from playground.ai_playground_achievements as a
        where a.id = new.achievement_id
            and a.is_shared
            and a.unlocked_at is not null
            and a.user_id <> new.user_id
    ) then
        raise exception 'playground: this achievement cannot be congratulated'
            using errcode = '42501',
                  hint = 'Congratulate an unlocked, shared achievement of someone else.';
    end if;
    return new;
end
$$;

comment on function playground_private.before_congratulation_insert() is
'Trigger (before insert on ai_playground_congratulations): sets user_id to the caller (auth.uid(), when there is one) and created_at to now(), and refuses (42501, one message for every case) unless the achievement exists, is unlocked and shared, and belongs to someone else. SECURITY DEFINER so it sees achievements the caller''s policies hide and answers them all alike.';

create function playground_private.after_congratulation_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op = 'INSERT' then
        update playground.ai_playground_achievements as a
        set congratulations_count = a.congratulations_count + 1
        where a.id = new.achievement_id;
    else
        update playground.ai_playground_achievements as a
        set congratulations_count = greatest(a.congratulations_count - 1, 0)
        where a.id = old.achievement_id;
    end if;
    return null;
end
$$;

comment on function playground_private.after_congratulation_change() is
'Trigger (after insert or delete on ai_playground_congratulations): moves ai_playground_achievements.congratulations_count by one. SECURITY DEFINER: users cannot write achievements.';

revoke execute on function playground_private.before_congratulation_insert() from public, anon, authenticated;
revoke execute on function playground_private.after_congratulation_change() from public, anon, authenticated;

create trigger before_congratulation_insert
before insert on playground.ai_playground_congratulations
for each row execute function playground_private.before_congratulation_insert();

create trigger after_congratulation_change
after insert or delete on playground.ai_playground_congratulations
for each row execute function playground_private.after_congratulation_change();

alter table playground.ai_playground_congratulations enable row level security;

create policy "congratulator or achievement owner can select"
on playground.ai_playground_congratulations
for select
to authenticated
using (
    user_id = (select auth.uid())
    or exists (
        select 1
        from playground.ai_playground_achievements as a
        where a.id = achievement_id
            and a.user_id = (select auth.uid())
    )
);

create policy "user can congratulate others' shared achievements"
on playground.ai_playground_congratulations
for insert
to authenticated
with check (
    user_id = (select auth.uid())
    and exists (
        select 1
        from playground.ai_playground_achievements as a
        where a.id = achievement_id
            and a.is_shared
            and a.unlocked_at is not null
            and a.user_id <> (select auth.uid())
    )
);

create policy "congratulator can take it back"
on playground.ai_playground_congratulations
for delete
to authenticated
using (user_id = (select auth.uid()));

grant select, delete on playground.ai_playground_congratulations to authenticated;
grant insert (achievement_id) on playground.ai_playground_congratulations to authenticated;
grant select, insert, delete on playground.ai_playground_congratulations to service_role;

comment on column playground.ai_playground_achievements.congratulations_count is
'Congratulations received from other users: the number of rows in ai_playground_congratulations for this achievement, kept by trigger (server-owned: nobody writes it).';
