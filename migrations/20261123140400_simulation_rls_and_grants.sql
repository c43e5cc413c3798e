-- simulation: row level security and grants.
-- Access model (seed "Access Control": RBAC, resource ownership, public/
-- private content, admin-only moderation):
-- * public scenarios and their personas, scenes, scene-persona links and
--   reviews are readable by everyone, anon included; private ones only by
--   their creator (and admins, who moderate);
-- * scenario files (source material) only by the scenario's creator and admins;
-- * runs (user_progress), scene progress and conversation logs only by their
--   user (admins included: moderation covers content, not learners' data);
-- * reviews are written by their reviewer only, on public scenarios of others;
--   admins update/delete any;
-- * profiles (users) only by their owner and admins; the community reads
--   public_profiles.
-- me  = (select simulation_private.current_user_id())
-- adm = (select simulation_private.is_admin())

alter table simulation.users enable row level security;
alter table simulation.scenarios enable row level security;
alter table simulation.scenario_personas enable row level security;
alter table simulation.scenario_scenes enable row level security;
alter table simulation.scene_personas enable row level security;
alter table simulation.scenario_files enable row level security;
alter table simulation.user_progress enable row level security;
alter table simulation.scene_progress enable row level security;
alter table simulation.conversation_logs enable row level security;
alter table simulation.scenario_reviews enable row level security;

-- ---------------------------------------------------------------------------
-- users
-- ---------------------------------------------------------------------------

create policy "users: owner or admin can select"
on simulation.users
for select
to authenticated
using (auth_user_id = (select auth.uid()) or (select simulation_private.is_admin()));

create policy "users: member can create own profile"
on simulation.users
for insert
to authenticated
with check (auth_user_id = (select auth.uid()));

create policy "users: owner or admin can update"
on simulation.users
for update
to authenticated
using (auth_user_id = (select auth.uid()) or (select simulation_private.is_admin()))
with check (auth_user_id = (select auth.uid()) or (select simulation_private.is_admin()));

create policy "users: owner or admin can delete"
on simulation.users
for delete
to authenticated
using (auth_user_id = (select auth.uid()) or (select simulation_private.is_admin()));

-- ---------------------------------------------------------------------------
-- scenarios
-- ---------------------------------------------------------------------------

create policy "scenarios: anyone can select public"
on simulation.scenarios
for select
to anon
using (is_public);

create policy "scenarios: public, own or admin can select"
on simulation.scenarios
for select
to authenticated
using (is_public or created_by = (select simulation_private.current_user_id()) or (select simulation_private.is_admin()));

create policy "scenarios: member can create own"
on simulation.scenarios
for insert
to authenticated
with check (created_by = (select simulation_private.current_user_id()));

create policy "scenarios: owner or admin can update"
on simulation.scenarios
for update
to authenticated
using (created_by = (select simulation_private.current_user_id()) or (select simulation_private.is_admin()))
with check (created_by = (select simulation_private.current_user_id()) or (select simulation_private.is_admin()));

create policy "scenarios: owner or admin can delete"
on simulation.scenarios
for delete
to authenticated
using (created_by = (select simulation_private.current_user_id()) or (select simulation_private.is_admin()));

-- ---------------------------------------------------------------------------
-- children of a scenario: personas, scenes, scene_personas (public when the
-- scenario is), files (owner only)
-- ---------------------------------------------------------------------------

create policy "scenario_personas: anyone can select those of public scenarios"
on simulation.scenario_personas
for select
to anon
using (exists (
    select 1
    from simulation.scenarios as s
    where s.id = scenario_id
        and s.is_public
));

create policy "scenario_personas: those of visible scenarios can be selected"
on simulation.scenario_personas
for select
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and (s.is_public or s.created_by = (select simulation_private.current_user_id()))
    )
);

create policy "scenario_scenes: anyone can select those of public scenarios"
on simulation.scenario_scenes
for select
to anon
using (exists (
    select 1
    from simulation.scenarios as s
    where s.id = scenario_id
        and s.is_public
));

create policy "scenario_scenes: those of visible scenarios can be selected"
on simulation.scenario_scenes
for select
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and (s.is_public or s.created_by = (select simulation_private.current_user_id()))
    )
);

create policy "scene_personas: anyone can select those of public scenarios"
on simulation.scene_personas
for select
to anon
using (exists (
    select 1
    from simulation.scenarios as s
    where s.id = scenario_id
        and s.is_public
));

create policy "scene_personas: those of visible scenarios can be selected"
on simulation.scene_personas
for select
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and (s.is_public or s.created_by = (select simulation_private.current_user_id()))
    )
);

create policy "scenario_personas: scenario owner or admin can insert"
on simulation.scenario_personas
for insert
to authenticated
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_personas: scenario owner or admin can update"
on simulation.scenario_personas
for update
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
)
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_personas: scenario owner or admin can delete"
on simulation.scenario_personas
for delete
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_scenes: scenario owner or admin can insert"
on simulation.scenario_scenes
for insert
to authenticated
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_scenes: scenario owner or admin can update"
on simulation.scenario_scenes
for update
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
)
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_scenes: scenario owner or admin can delete"
on simulation.scenario_scenes
for delete
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scene_personas: scenario owner or admin can insert"
on simulation.scene_personas
for insert
to authenticated
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scene_personas: scenario owner or admin can update"
on simulation.scene_personas
for update
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
)
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scene_personas: scenario owner or admin can delete"
on simulation.scene_personas
for delete
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_files: scenario owner or admin can select"
on simulation.scenario_files
for select
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_files: scenario owner or admin can insert"
on simulation.scenario_files
for insert
to authenticated
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_files: scenario owner or admin can update"
on simulation.scenario_files
for update
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
)
with check (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

create policy "scenario_files: scenario owner or admin can delete"
on simulation.scenario_files
for delete
to authenticated
using (
    (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.created_by = (select simulation_private.current_user_id())
    )
);

-- ---------------------------------------------------------------------------
-- user_progress: the learner only
-- ---------------------------------------------------------------------------

create policy "user_progress: owner can select"
on simulation.user_progress
for select
to authenticated
using (user_id = (select simulation_private.current_user_id()));

create policy "user_progress: owner can insert for a visible scenario"
on simulation.user_progress
for insert
to authenticated
with check (
    user_id = (select simulation_private.current_user_id())
    and exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and (s.is_public or s.created_by = (select simulation_private.current_user_id()))
    )
);

create policy "user_progress: owner can update"
on simulation.user_progress
for update
to authenticated
using (user_id = (select simulation_private.current_user_id()))
with check (user_id = (select simulation_private.current_user_id()));

create policy "user_progress: owner can delete"
on simulation.user_progress
for delete
to authenticated
using (user_id = (select simulation_private.current_user_id()));

-- ---------------------------------------------------------------------------
-- scene_progress and conversation_logs: through the learner's run.
-- conversation_logs carries the run's user_id (kept equal to the run's user
-- by its composite foreign key), so rows are found by that column (no probe
-- into user_progress per row; (user_id, "timestamp") is indexed); writes still
-- check the run itself, so someone else's run is refused with 42501 whatever
-- user_id says. Admins do not read learners' conversations.
-- ---------------------------------------------------------------------------

create policy "scene_progress: owner of the run can select"
on simulation.scene_progress
for select
to authenticated
using (exists (
    select 1
    from simulation.user_progress as p
    where p.id = user_progress_id
        and p.user_id = (select simulation_private.current_user_id())
));

create policy "scene_progress: owner of the run can insert"
on simulation.scene_progress
for insert
to authenticated
with check (exists (
    select 1
    from simulation.user_progress as p
    where p.id = user_progress_id
        and p.user_id = (select simulation_private.current_user_id())
));

create policy "scene_progress: owner of the run can update"
on simulation.scene_progress
for update
to authenticated
using (exists (
    select 1
    from simulation.user_progress as p
    where p.id = user_progress_id
        and p.user_id = (select simulation_private.current_user_id())
))
with check (exists (
    select 1
    from simulation.user_progress as p
    where p.id = user_progress_id
        and p.user_id = (select simulation_private.current_user_id())
));

create policy "scene_progress: owner of the run can delete"
on simulation.scene_progress
for delete
to authenticated
using (exists (
    select 1
    from simulation.user_progress as p
    where p.id = user_progress_id
        and p.user_id = (select simulation_private.current_user_id())
));

create policy "conversation_logs: owner of the run can select"
on simulation.conversation_logs
for select
to authenticated
using (user_id = (select simulation_private.current_user_id()));

create policy "conversation_logs: owner of the run can insert"
on simulation.conversation_logs
for insert
to authenticated
with check (exists (
    select 1
    from simulation.user_progress as p
    where p.id = user_progress_id
        and p.user_id = (select simulation_private.current_user_id())
));

create policy "conversation_logs: owner of the run can update"
on simulation.conversation_logs
for update
to authenticated
using (user_id = (select simulation_private.current_user_id()))
with check (exists (
    select 1
    from simulation.user_progress as p
    where p.id = user_progress_id
        and p.user_id = (select simulation_private.current_user_id())
));

create policy "conversation_logs: owner of the run can delete"
on simulation.conversation_logs
for delete
to authenticated
using (user_id = (select simulation_private.current_user_id()));

-- ---------------------------------------------------------------------------
-- scenario_reviews
-- ---------------------------------------------------------------------------

create policy "scenario_reviews: anyone can select those of public scenarios"
on simulation.scenario_reviews
for select
to anon
using (exists (
    select 1
    from simulation.scenarios as s
    where s.id = scenario_id
        and s.is_public
));

create policy "scenario_reviews: public, own or admin can select"
on simulation.scenario_reviews
for select
to authenticated
using (
    reviewer_id = (select simulation_private.current_user_id())
    or (select simulation_private.is_admin())
    or exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.is_public
    )
);

create policy "scenario_reviews: member can review public scenarios of others"
on simulation.scenario_reviews
for insert
to authenticated
with check (
    reviewer_id = (select simulation_private.current_user_id())
    and exists (
        select 1
        from simulation.scenarios as s
        where s.id = scenario_id
            and s.is_public
            and s.created_by <> (select simulation_private.current_user_id())
    )
);

create policy "scenario_reviews: reviewer or admin can update"
on simulation.scenario_reviews
for update
to authenticated
using (reviewer_id = (select simulation_private.current_user_id()) or (select simulation_private.is_admin()))
with check (reviewer_id = (select simulation_private.current_user_id()) or (select simulation_private.is_admin()));

create policy "scenario_reviews: reviewer or admin can delete"
on simulation.scenario_reviews
for delete
to authenticated
using (reviewer_id = (select simulation_private.current_user_id()) or (select simulation_private.is_admin()));

-- ---------------------------------------------------------------------------
-- grants
-- ---------------------------------------------------------------------------

grant usage on schema simulation to anon, authenticated, service_role;
-- Policies, column defaults and public_profiles call the private helpers.
grant usage on schema simulation_private to anon, authenticated, service_role;

grant execute on function simulation_private.current_user_id() to authenticated, service_role;
grant execute on function simulation_private.is_admin() to authenticated, service_role;
revoke execute on function simulation_private.public_profiles() from public;
grant execute on function simulation_private.public_profiles() to anon, authenticated, service_role;

grant select on simulation.scenarios to anon;
grant select on simulation.scenario_personas to anon;
grant select on simulation.scenario_scenes to anon;
grant select on simulation.scene_personas to anon;
grant select on simulation.scenario_reviews to anon;
grant select on simulation.public_profiles to anon, authenticated, service_role;

grant select, insert, update, delete on simulation.users to authenticated;
grant select, insert, update, delete on simulation.scenarios to authenticated;
grant select, insert, update, delete on simulation.scenario_personas to authenticated;
grant select, insert, update, delete on simulation.scenario_scenes to authenticated;
grant select, insert, update, delete on simulation.scene_personas to authenticated;
grant select, insert, update, delete on simulation.scenario_files to authenticated;
grant select, insert, update, delete on simulation.user_progress to authenticated;
grant select, insert, update, delete on simulation.scene_progress to authenticated;
grant select, insert, update, delete on simulation.conversation_logs to authenticated;
grant select, insert, update, delete on simulation.scenario_reviews to authenticated;

grant all on simulation.users to service_role;
grant all on simulation.scenarios to service_role;
grant all on simulation.scenario_personas to service_role;
grant all on simulation.scenario_scenes to service_role;
grant all on simulation.scene_personas to service_role;
grant all on simulation.scenario_files to service_role;
grant all on simulation.user_progress to service_role;
grant all on simulation.scene_progress to service_role;
grant all on simulation.conversation_logs to service_role;
grant all on simulation.scenario_reviews to service_role;

revoke execute on function simulation.clone_scenario(bigint, text) from public, anon;
revoke execute on function simulation.start_simulation(bigint) from public, anon;
revoke execute on function simulation.submit_scene_attempt(bigint, double precision, integer, double precision, text) from public, anon;
revoke execute on function simulation.use_hint(bigint) from public, anon;
grant execute on function simulation.clone_scenario(bigint, text) to authenticated, service_role;
grant execute on function simulation.start_simulation(bigint) to authenticated, service_role;
grant execute on function simulation.submit_scene_attempt(bigint, double precision, integer, double precision, text) to authenticated, service_role;
grant execute on function simulation.use_hint(bigint) to authenticated, service_role;
