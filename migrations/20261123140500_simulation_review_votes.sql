-- simulation: helpful votes on community reviews.
-- The seed keeps helpful_votes / total_votes on scenario_reviews but says
-- nothing of who votes. Members expect to vote once per review (and change
-- or withdraw their vote), so votes are rows here, one per review and voter,
-- and a trigger moves the review's counters by the difference. Counters set
-- before any vote (imported or seeded reviews) are kept and added to.

create table simulation.scenario_review_votes (
    review_id bigint not null,
    voter_id bigint not null default simulation_private.current_user_id(),
    is_helpful boolean not null,
    created_at timestamptz not null default now(),
    constraint scenario_review_votes_pkey primary key (review_id, voter_id),
    constraint scenario_review_votes_review_id_fkey foreign key (review_id)
        references simulation.scenario_reviews (id) on delete cascade,
    constraint scenario_review_votes_voter_id_fkey foreign key (voter_id)
        references simulation.users (id) on delete cascade
);

create index idx_scenario_review_votes_voter_id on simulation.scenario_review_votes (voter_id);

comment on table simulation.scenario_review_votes is
'One vote per member and review: helpful or not. Keeps scenario_reviews.helpful_votes and total_votes in step (trigger). A member sees and changes only their own votes, and cannot vote on their own review.';
comment on column simulation.scenario_review_votes.review_id is 'The review voted on.';
comment on column simulation.scenario_review_votes.voter_id is 'The voting member (profile id); defaults to the caller''s profile.';
comment on column simulation.scenario_review_votes.is_helpful is 'True for a helpful vote; every vote counts in total_votes.';
comment on column simulation.scenario_review_votes.created_at is 'When the vote was cast.';

create function simulation_private.scenario_review_votes_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update simulation.scenario_reviews as r
        set total_votes = greatest(r.total_votes - 1, 0),
            helpful_votes = greatest(r.helpful_votes - (case when old.is_helpful then 1 else 0 end), 0)
        where r.id = old.review_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update simulation.scenario_reviews as r
        set total_votes = r.total_votes + 1,
            helpful_votes = r.helpful_votes + (case when new.is_helpful then 1 else 0 end)
        where r.id = new.review_id;
    end if;
    return null;
end
$$;

comment on function simulation_private.scenario_review_votes_after_change() is
'Trigger function (after insert/update/delete on scenario_review_votes): moves the review''s total_votes and helpful_votes by the vote''s difference.';

revoke execute on function simulation_private.scenario_review_votes_after_change() from public, anon, authenticated;

create trigger scenario_review_votes_after_change
after insert or update or delete on simulation.scenario_review_votes
for each row execute function simulation_private.scenario_review_votes_after_change();

alter table simulation.scenario_review_votes enable row level security;

create policy "scenario_review_votes: voter can select own"
on simulation.scenario_review_votes
for select
to authenticated
using (voter_id = (select simulation_private.current_user_id()));

create policy "scenario_review_votes: member can vote on a visible review of others"
on simulation.scenario_review_votes
for insert
to authenticated
with check (
    voter_id = (select simulation_private.current_user_id())
    and exists (
        select 1
        from simulation.scenario_reviews as r
        where r.id = review_id
            and r.reviewer_id <> (select simulation_private.current_user_id())
    )
);

create policy "scenario_review_votes: voter can update own"
on simulation.scenario_review_votes
for update
to authenticated
using (voter_id = (select simulation_private.current_user_id()))
with check (voter_id = (select simulation_private.current_user_id()));

create policy "scenario_review_votes: voter can delete own"
on simulation.scenario_review_votes
for delete
to authenticated
using (voter_id = (select simulation_private.current_user_id()));

grant select, insert, delete on simulation.scenario_review_votes to authenticated;
-- A vote changes its mind, never its review or voter.
grant update (is_helpful) on simulation.scenario_review_votes to authenticated;
grant all on simulation.scenario_review_votes to service_role;
