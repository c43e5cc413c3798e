-- playground: the seed's "Function Security: SECURITY DEFINER for controlled
-- access" became SECURITY INVOKER for its five helper functions; the reason
-- was only in a migration's header. It now ends each function's comment, so
-- docs/ shows it. Appended to whatever the comment says at deploy time, and
-- only to a function that is SECURITY INVOKER then (a later change to
-- SECURITY DEFINER would make the sentence false, so it is skipped).

do $$
declare
    v_fn regprocedure;
    v_comment text;
    v_reason constant text :=
        'SECURITY INVOKER on purpose, where the seed says SECURITY DEFINER for controlled access: the control is row level security, which applies to what an invoker function reads and writes, so a user acting through it can reach only their own rows (and admins or service_role what their policies allow). The few writes a user may not make directly (statistics, counters, achievements) go through SECURITY DEFINER helpers in playground_private that check the caller; an exposed definer function would bypass RLS for every caller and have to re-implement every policy.';
begin
    for v_fn in
        select p.oid::regprocedure
        from pg_catalog.pg_proc as p
        where p.pronamespace = 'playground'::regnamespace
            and p.proname in ('get_user_recent_activity', 'calculate_user_skill_level', 'get_recommended_tools',
                              'track_tool_usage', 'check_and_award_achievements')
            and not p.prosecdef
    loop
        v_comment := coalesce(pg_catalog.obj_description(v_fn, 'pg_proc'), '');
        continue when strpos(v_comment, 'SECURITY INVOKER on purpose') > 0;
        execute format('comment on function %s is %L', v_fn, ltrim(v_comment || ' ' || v_reason));
    end loop;
end
$$;
