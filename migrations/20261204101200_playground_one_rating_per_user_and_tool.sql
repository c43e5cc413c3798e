-- playground: a tool's public rating counts each user once, and inactive tools
-- take no interactions (issue 15). One user inserting 1,000 rated interactions
-- moved a tool's average_rating (read by anon), also on inactive tools. For API
-- roles: an interaction with an inactive tool is refused (42501: inactive tools
-- cannot be used), and a user rates a tool once: a second rated interaction is
-- refused (23505); the user changes their rating by updating the rated one.
-- The service role (imports, the backend) is not limited.

-- it locks an existing table: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create function playground_private.check_interaction_tool_and_rating()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    if current_user not in ('anon', 'authenticated') then
        return new;
    end if;
    if tg_op = 'INSERT' and not exists (
        select 1
        from playground.ai_playground_toolkit_items as t
        where t.tool_name = new.tool_name
            and t.is_active
    ) then
        raise exception 'tool % is not active', new.tool_name
            using errcode = '42501', hint = 'inactive tools cannot be used';
    end if;
    -- a new rating (insert, or a first rating on an unrated interaction);
    -- changing an existing rating is always allowed
    if new.user_rating is not null
        and (tg_op = 'INSERT' or old.user_rating is null)
        and exists (
        select 1
        from playground.ai_playground_interactions as i
        where i.user_id = new.user_id
            and i.tool_name = new.tool_name
            and i.user_rating is not null
            and i.id <> new.id
    ) then
        raise exception 'tool % is already rated by this user', new.tool_name
            using errcode = '23505', hint = 'change the rating on the rated interaction instead';
    end if;
    return new;
end
$$;

comment on function playground_private.check_interaction_tool_and_rating() is
'Trigger function (before insert or update of user_rating on ai_playground_interactions): for API roles, refuses interactions with inactive tools (42501) and a second rated interaction of a user with one tool (23505), so a tool''s public average_rating and rating_count count each user once. SECURITY INVOKER, so current_user is the caller: under RLS the user sees their own interactions and only active tools, which is all the check needs. The service role is trusted. Uses idx_ai_playground_interactions_user_id_tool_name.';

revoke execute on function playground_private.check_interaction_tool_and_rating() from public, anon, authenticated;

create trigger check_interaction_tool_and_rating
before insert or update of user_rating on playground.ai_playground_interactions
for each row execute function playground_private.check_interaction_tool_and_rating();

comment on column playground.ai_playground_interactions.user_rating is
'The user''s rating of the tool, 1 to 5. One rated interaction per user and tool (server-checked for signed-in users, 23505 otherwise): change the rating by updating it.';
