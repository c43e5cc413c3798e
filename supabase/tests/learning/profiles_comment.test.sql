-- learning: the comment on learning.profiles says no other module reads it, and indeed no view, function or policy outside learning refers to it.
begin;
select plan(2);

select doesnt_match(obj_description('learning.profiles'::regclass, 'pg_class'), 'playground', 'the profiles comment no longer claims playground reads it');
select is(
    (
        select count(*)::int
        from pg_depend as d
        left join pg_rewrite as r on d.classid = 'pg_rewrite'::regclass and r.oid = d.objid
        left join pg_class as v on v.oid = r.ev_class
        left join pg_policy as p on d.classid = 'pg_policy'::regclass and p.oid = d.objid
        left join pg_class as pt on pt.oid = p.polrelid
        where d.refobjid = 'learning.profiles'::regclass
            and coalesce(v.relnamespace, pt.relnamespace) is not null
            and coalesce(v.relnamespace, pt.relnamespace) not in ('learning'::regnamespace, 'learning_private'::regnamespace)
    )
    + (
        select count(*)::int
        from pg_proc as f
        where f.pronamespace not in ('learning'::regnamespace, 'learning_private'::regnamespace, 'tests'::regnamespace)
            and f.prosrc ~ 'learning\.profiles'
    ),
    0,
    'no view, policy or function outside the learning module reads learning.profiles');

select * from finish();
rollback;
