-- playground: row level security, policies and grants.
--
-- Access rules (seed): own sessions and interactions; creations by their
-- sharing settings; achievements own + shared; toolkit items, nonprofit
-- profiles and achievement definitions public read while active, managed by
-- admins. "Admin" is the JWT claim app_metadata.role = 'admin' (never
-- user_metadata); service_role bypasses RLS. Admins also read every user's
-- creations and achievements so that the security_invoker analytics views
-- give them whole-platform figures. Sessions and interactions are the
-- exception: their select policies are owner-only, because an admin OR in
-- the policy keeps the user_id index out of every user's query (BENCHMARKS.md
-- P1); the views read them for admins through the SECURITY DEFINER readers
-- playground_private.platform_sessions() / platform_interactions().
alter table playground.ai_playground_toolkit_items enable row level security;
alter table playground.synthetic_nonprofit_profiles enable row level security;
alter table playground.ai_playground_sessions enable row level security;
alter table playground.ai_playground_interactions enable row level security;
alter table playground.ai_playground_creations enable row level security;
alter table playground.ai_playground_creation_shares enable row level security;
alter table playground.ai_playground_achievement_definitions enable row level security;
alter table playground.ai_playground_achievements enable row level security;

------------------------------------------------------------------------------
-- catalogues: toolkit items, nonprofit profiles, achievement definitions
------------------------------------------------------------------------------
create policy "anon can select active"
on playground.ai_playground_toolkit_items
for select
to anon
using (is_active);

create policy "authenticated can select active, admins all"
on playground.ai_playground_toolkit_items
for select
to authenticated
using (is_active or (select playground_private.is_admin()));

create policy "admins can insert"
on playground.ai_playground_toolkit_items
for insert
to authenticated
with check ((select playground_private.is_admin()));

create policy "admins can update"
on playground.ai_playground_toolkit_items
for update
to authenticated
using ((select playground_private.is_admin()))
with check ((select playground_private.is_admin()));

create policy "admins can delete"
on playground.ai_playground_toolkit_items
for delete
to authenticated
using ((select playground_private.is_admin()));

create policy "anon can select active"
on playground.synthetic_nonprofit_profiles
for select
to anon
using (is_active);

create policy "authenticated can select active, admins all"
on playground.synthetic_nonprofit_profiles
for select
to authenticated
using (is_active or (select playground_private.is_admin()));

create policy "admins can insert"
on playground.synthetic_nonprofit_profiles
for insert
to authenticated
with check ((select playground_private.is_admin()));

create policy "admins can update"
on playground.synthetic_nonprofit_profiles
for update
to authenticated
using ((select playground_private.is_admin()))
with check ((select playground_private.is_admin()));

create policy "admins can delete"
on playground.synthetic_nonprofit_profiles
for delete
to authenticated
using ((select playground_private.is_admin()));

create policy "anon can select active"
on playground.ai_playground_achievement_definitions
for select
to anon
using (is_active);

create policy "authenticated can select active, admins all"
on playground.ai_playground_achievement_definitions
for select
to authenticated
using (is_active or (select playground_private.is_admin()));

create policy "admins can insert"
on playground.ai_playground_achievement_definitions
for insert
to authenticated
with check ((select playground_private.is_admin()));

create policy "admins can update"
on playground.ai_playground_achievement_definitions
for update
to authenticated
using ((select playground_private.is_admin()))
with check ((select playground_private.is_admin()));

create policy "admins can delete"
on playground.ai_playground_achievement_definitions
for delete
to authenticated
using ((select playground_private.is_admin()));

------------------------------------------------------------------------------
-- sessions: owner selects (admins: platform_sessions()), inserts, updates; no delete
------------------------------------------------------------------------------
create policy "owner can select"
on playground.ai_playground_sessions
for select
to authenticated
using (user_id = (select auth.uid()));

create policy "owner can insert"
on playground.ai_playground_sessions
for insert
to authenticated
with check (user_id = (select auth.uid()));

create policy "owner can update"
on playground.ai_playground_sessions
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));

------------------------------------------------------------------------------
-- interactions: owner selects (admins: platform_interactions()), inserts,
-- updates feedback/rating; no delete
------------------------------------------------------------------------------
create policy "owner can select"
on playground.ai_playground_interactions
for select
to authenticated
using (user_id = (select auth.uid()));

create policy "owner can insert"
on playground.ai_playground_interactions
for insert
to authenticated
with check (user_id = (select auth.uid()));

create policy "owner can update"
on playground.ai_playground_interactions
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));

------------------------------------------------------------------------------
-- creations: by sharing settings; owner manages
------------------------------------------------------------------------------
create policy "anon can select public"
on playground.ai_playground_creations
for select
to anon
using (sharing_level = 'public');

create policy "owner, public, shared-with or admin can select"
on playground.ai_playground_creations
for select
to authenticated
using (
    user_id = (select auth.uid())
    or sharing_level = 'public'
    or (
        sharing_level = 'shared'
        and exists (
            select 1
            from playground.ai_playground_creation_shares sh
            where sh.creation_id = ai_playground_creations.id
                and sh.shared_with_user_id = (select auth.uid())
        )
    )
    or (select playground_private.is_admin())
);

create policy "owner can insert"
on playground.ai_playground_creations
for insert
to authenticated
with check (user_id = (select auth.uid()));

create policy "owner can update"
on playground.ai_playground_creations
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));

create policy "owner can delete"
on playground.ai_playground_creations
for delete
to authenticated
using (user_id = (select auth.uid()));

------------------------------------------------------------------------------
-- creation shares: the creation owner manages; the recipient sees and leaves
------------------------------------------------------------------------------
create policy "owner or recipient can select"
on playground.ai_playground_creation_shares
for select
to authenticated
using (
    shared_with_user_id = (select auth.uid())
    or playground_private.owns_creation(creation_id)
);

create policy "creation owner can insert"
on playground.ai_playground_creation_shares
for insert
to authenticated
with check (playground_private.owns_creation(creation_id));

create policy "owner or recipient can delete"
on playground.ai_playground_creation_shares
for delete
to authenticated
using (
    shared_with_user_id = (select auth.uid())
    or playground_private.owns_creation(creation_id)
);

------------------------------------------------------------------------------
-- achievements: own + shared; owner toggles is_shared; awarded by function
------------------------------------------------------------------------------
create policy "owner, shared or admin can select"
on playground.ai_playground_achievements
for select
to authenticated
using (
    user_id = (select auth.uid())
    or (is_shared and unlocked_at is not null)
    or (select playground_private.is_admin())
);

create policy "owner can update"
on playground.ai_playground_achievements
for update
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));

------------------------------------------------------------------------------
-- grants
------------------------------------------------------------------------------
grant usage on schema playground to anon, authenticated, service_role;
grant usage on schema playground_private to authenticated, service_role;

-- catalogues: anyone reads (RLS: active rows); admins (authenticated + claim) manage
grant select on
    playground.ai_playground_toolkit_items,
    playground.synthetic_nonprofit_profiles,
    playground.ai_playground_achievement_definitions
    to anon, authenticated;
grant insert, update, delete on
    playground.ai_playground_toolkit_items,
    playground.synthetic_nonprofit_profiles,
    playground.ai_playground_achievement_definitions
    to authenticated;

-- sessions: statistics columns are written by triggers only
grant select on playground.ai_playground_sessions to authenticated;
grant insert (id, user_id, activity_type, nonprofit_profile_id, session_start, session_end,
              device_type, browser, metadata)
    on playground.ai_playground_sessions to authenticated;
grant update (activity_type, session_end, device_type, browser, metadata)
    on playground.ai_playground_sessions to authenticated;

-- interactions: recorded once; afterwards only feedback and rating change
grant select on playground.ai_playground_interactions to authenticated;
grant insert (id, session_id, user_id, interaction_type, tool_name, response_time_ms,
              tokens_used, success, success_score, error_message, user_feedback,
              user_rating, metadata)
    on playground.ai_playground_interactions to authenticated;
grant update (user_feedback, user_rating)
    on playground.ai_playground_interactions to authenticated;

-- creations: counters and quality_score belong to the platform
grant select on playground.ai_playground_creations to anon, authenticated;
grant insert (id, user_id, session_id, parent_id, title, description, creation_type, content,
              tool_name, complexity_level, sharing_level, is_template, template_category,
              is_published, tags, metadata)
    on playground.ai_playground_creations to authenticated;
grant update (title, description, creation_type, content, tool_name, complexity_level,
              sharing_level, is_template, template_category, is_published, tags, metadata)
    on playground.ai_playground_creations to authenticated;
grant delete on playground.ai_playground_creations to authenticated;

grant select, insert, delete on playground.ai_playground_creation_shares to authenticated;

-- achievements: owners may only share them
grant select on playground.ai_playground_achievements to authenticated;
grant update (is_shared) on playground.ai_playground_achievements to authenticated;

-- service_role: everything
grant select, insert, update, delete on all tables in schema playground to service_role;

-- analytics views: signed-in users (their own figures) and service_role
grant select on
    playground.ai_playground_user_engagement,
    playground.ai_playground_tool_analytics,
    playground.ai_playground_creation_analytics,
    playground.ai_playground_daily_metrics,
    playground.ai_playground_user_funnel,
    playground.ai_playground_performance_metrics
    to authenticated, service_role;
revoke insert, update, delete on
    playground.ai_playground_user_engagement,
    playground.ai_playground_tool_analytics,
    playground.ai_playground_creation_analytics,
    playground.ai_playground_daily_metrics,
    playground.ai_playground_user_funnel,
    playground.ai_playground_performance_metrics
    from service_role;

-- functions: nothing for public / anon; the seed functions for signed-in users
revoke execute on all functions in schema playground from public, anon;
revoke execute on all functions in schema playground_private from public, anon;
grant execute on function
    playground.get_user_recent_activity(uuid, integer),
    playground.calculate_user_skill_level(uuid),
    playground.get_recommended_tools(uuid, integer),
    playground.track_tool_usage(uuid, uuid, text, text, integer, boolean, jsonb),
    playground.check_and_award_achievements(uuid)
    to authenticated, service_role;
-- private helpers the invoker functions, views and policies call
grant execute on function
    playground_private.is_admin(),
    playground_private.is_platform_viewer(),
    playground_private.assert_can_act_for(uuid),
    playground_private.owns_creation(uuid),
    playground_private.award_achievements(uuid)
    to authenticated, service_role;
-- platform readers: the analytics views call them for admins; they check the caller
grant execute on function
    playground_private.platform_sessions(),
    playground_private.platform_interactions()
    to authenticated, service_role;
