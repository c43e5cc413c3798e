-- playground: each of the seed's five helper functions that is SECURITY INVOKER says in its comment why (the seed asked for SECURITY DEFINER), so docs/ shows it.
begin;
select plan(2);

select cmp_ok((select count(*)::int from pg_proc where pronamespace = 'playground'::regnamespace
            and proname in ('get_user_recent_activity', 'calculate_user_skill_level', 'get_recommended_tools', 'track_tool_usage', 'check_and_award_achievements')
            and not prosecdef), '>=', 4, 'the seed helper functions are SECURITY INVOKER');
select is((select array_agg(proname::text order by proname) from pg_proc where pronamespace = 'playground'::regnamespace
            and proname in ('get_user_recent_activity', 'calculate_user_skill_level', 'get_recommended_tools', 'track_tool_usage', 'check_and_award_achievements')
            and not prosecdef
            and coalesce(obj_description(oid, 'pg_proc'), '') !~ 'SECURITY INVOKER on purpose, where the seed says SECURITY DEFINER'), null,
    'each SECURITY INVOKER one says in its comment why it is not SECURITY DEFINER');

select * from finish();
rollback;
