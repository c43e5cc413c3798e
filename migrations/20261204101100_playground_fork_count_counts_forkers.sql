-- playground: fork_count counts the people who forked a creation, not the
-- forks (issue 15). One account could raise someone else's fork_count (a
-- public counter) by forking 50 times. Now only a user's first fork of a
-- creation counts.

-- it locks an existing table: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create or replace function playground_private.after_creation_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    -- Recounted, not incremented: exact however many forks one statement inserts.
    update playground.ai_playground_creations as c
    set fork_count = (
        select count(distinct f.user_id)::integer
        from playground.ai_playground_creations as f
        where f.parent_id = c.id
            and f.user_id <> c.user_id
    )
    where c.id = new.parent_id
        and c.user_id <> new.user_id;
    return null;
end
$$;

comment on function playground_private.after_creation_insert() is
'Trigger (after insert on ai_playground_creations with a parent_id): recounts the parent''s fork_count as the number of other users with a fork of it (a version is not a fork; a second fork by the same user adds nothing), so one account cannot inflate it. Uses idx_ai_playground_creations_parent_id.';

comment on column playground.ai_playground_creations.fork_count is
'How many other users forked this creation (each counted once, by trigger). Server-owned.';

-- Counts already inflated by repeated forks are recounted once.
update playground.ai_playground_creations as c
set fork_count = (
    select count(distinct f.user_id)::integer
    from playground.ai_playground_creations as f
    where f.parent_id = c.id
        and f.user_id <> c.user_id
)
where c.fork_count > 0;
