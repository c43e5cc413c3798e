-- learning: nothing one account can farm or forge (issue 15, second part;
-- 20261205101000, 20261205101100).
-- Each attack is performed and shown to fail or to have no effect: a renamed
-- course does not reward again, last_accessed (read by the author) is the
-- server's time, switching streak type does not bridge a gap, an author's
-- edit that completes a learner's enrollment does not show the author the
-- learner's achievement, a forged JWT role claim grants nothing, profile
-- input is bounded and courses.updated_at is the server's.
begin;
select plan(16);

select tests.create_user('lf-alice@example.com');
select tests.create_user('lf-bob@example.com');
select tests.create_user('lf-carol@example.com');
create function tests.lf_err(p_sql text) returns text
language plpgsql
as $$
begin
    execute p_sql;
    return 'ok';
exception when others then
    return sqlstate;
end
$$;
grant execute on function tests.lf_err(text) to authenticated;

-- alice's course: two published lessons
insert into learning.courses (id, title, is_published, created_by)
values ('00000000-0000-4000-e000-00000000c001', 'Alice course', true, tests.get_user_id('lf-alice@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published)
values ('00000000-0000-4000-e000-000000001001', '00000000-0000-4000-e000-00000000c001', 'L1', 1, true),
        ('00000000-0000-4000-e000-000000001002', '00000000-0000-4000-e000-00000000c001', 'L2', 2, true);

------------------------------------------------ the author's edit completes bob

select tests.authenticate_as('lf-bob@example.com');
insert into learning.course_enrollments (user_id, course_id)
values (auth.uid(), '00000000-0000-4000-e000-00000000c001');
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (auth.uid(), '00000000-0000-4000-e000-000000001001', '00000000-0000-4000-e000-00000000c001', true);
select tests.authenticate_as('lf-alice@example.com');
delete from learning.lessons where id = '00000000-0000-4000-e000-000000001002';
select tests.clear_authentication();
select is(
    (select count(*)::int from learning.audit_log
        where table_name = 'achievements' and actor_id = tests.get_user_id('lf-alice@example.com')),
    1,
    'deleting the lesson bob had not done completed his enrollment: his achievement is logged with alice as actor');
select tests.authenticate_as('lf-alice@example.com');
select is(
    (select count(*)::int from learning.audit_log where table_name = 'achievements'),
    0,
    'attack: alice does not read bob''s achievement through audit_log');

------------------------------------------------ one reward per learner and course

update learning.courses set title = 'Alice course, renamed' where id = '00000000-0000-4000-e000-00000000c001';
select tests.authenticate_as('lf-bob@example.com');
update learning.course_enrollments set status = 'paused' where course_id = '00000000-0000-4000-e000-00000000c001';
update learning.course_enrollments set status = 'completed' where course_id = '00000000-0000-4000-e000-00000000c001';
select is(
    (select row(count(*), sum(points))::text from learning.achievements where user_id = auth.uid() and type = 'course_completed'),
    row(1, 100)::text,
    'attack: re-completing a renamed course awards nothing again (1 achievement, 100 points)');
select is(
    (select count(*)::int from learning.notifications where user_id = auth.uid() and type = 'achievement'),
    1,
    'and sends no second notification');

------------------------------------------------ last_accessed is the server's time

update learning.course_enrollments set last_accessed = timestamptz '2020-01-01'
where course_id = '00000000-0000-4000-e000-00000000c001';
select is(
    (select last_accessed = now() from learning.course_enrollments where course_id = '00000000-0000-4000-e000-00000000c001'),
    true,
    'attack: a client-chosen last_accessed is replaced by now()');
select tests.authenticate_as('lf-alice@example.com');
select is(
    (select last_accessed = now() from learning.course_learners('00000000-0000-4000-e000-00000000c001')),
    true,
    'the author reads the server''s time in course_learners');

------------------------------------------------ forged JWT role claim

select tests.authenticate_as('lf-bob@example.com');
select set_config('request.jwt.claims',
    (current_setting('request.jwt.claims')::jsonb || '{"role": "service_role"}')::text, true);
select is(
    tests.lf_err($$select count(*) from learning.course_learners('00000000-0000-4000-e000-00000000c001')$$),
    '42501',
    'attack: a JWT role claim of service_role does not list another author''s learners (42501)');

------------------------------------------------ streak type switching

select tests.authenticate_as_service_role();
select is(
    (select max(s.current_streak) from (
        select (learning_private.advance_streak(tests.get_user_id('lf-carol@example.com'), current_date - g)).current_streak
        from generate_series(9, 5, -1) g
    ) s),
    5,
    'carol has a daily streak of 5 ending 5 days ago');
select tests.authenticate_as('lf-carol@example.com');
update learning.user_streaks set streak_type = 'weekly' where user_id = auth.uid();
select is(
    (select row(current_streak, longest_streak)::text from learning.user_streaks where user_id = auth.uid()),
    row(0, 5)::text,
    'attack: switching to weekly (to bridge the 5-day gap) restarts the current streak; longest stays 5');
insert into learning.learning_analytics (user_id, session_duration) values (auth.uid(), 30);
update learning.user_streaks set streak_type = 'daily' where user_id = auth.uid();
insert into learning.learning_analytics (user_id, session_duration) values (auth.uid(), 30);
select is(
    (select current_streak from learning.user_streaks where user_id = auth.uid()),
    1,
    'attack: activity recorded as weekly, then switching back to daily, leaves a daily streak of 1, not 6');
select tests.authenticate_as('lf-bob@example.com');

------------------------------------------------ references to what one cannot see

select tests.clear_authentication();
insert into learning.courses (id, title, is_published, created_by)
values ('00000000-0000-4000-e000-00000000c003', 'Alice draft', false, tests.get_user_id('lf-alice@example.com'));
select tests.authenticate_as('lf-bob@example.com');
select is(
    tests.lf_err($$insert into learning.user_feedback (user_id, course_id, rating, feedback_text)
                   values (auth.uid(), '00000000-0000-4000-e000-00000000c003', 1, 'visit evil.example')$$)
    || '/' ||
    tests.lf_err($$insert into learning.user_feedback (user_id, course_id, rating)
                   values (auth.uid(), '00000000-0000-4000-e000-0000000000ff', 1)$$),
    '42501/42501',
    'attack: feedback on someone else''s unpublished draft is refused, with the same error as for a course that does not exist');
select is(
    tests.lf_err($$insert into learning.chat_history (user_id, course_id, question)
                   values (auth.uid(), '00000000-0000-4000-e000-00000000c003', 'q')$$),
    '42501',
    'chat_history cannot name an invisible course either (42501)');

------------------------------------------------ bounded profile, server updated_at

select is(
    tests.lf_err($$update learning.profiles set learning_goals = array(select repeat('g', 100) from generate_series(1, 200))
                    where id = auth.uid()$$),
    '22001',
    'attack: a 20 KB learning_goals array is refused (22001)');
select is(
    tests.lf_err($$update learning.profiles set avatar_url = 'https://x.example/' || repeat('a', 5000) where id = auth.uid()$$),
    '22001',
    'attack: a 5,000-character avatar_url (shown to authors) is refused (22001)');
select lives_ok(
    $$update learning.profiles set full_name = 'Bob', learning_goals = '{SQL}' where id = auth.uid()$$,
    'an ordinary profile update still works');
select tests.authenticate_as('lf-alice@example.com');
insert into learning.courses (id, title, created_at, updated_at)
values ('00000000-0000-4000-e000-00000000c002', 'Fresh', now() - interval '5 years', now() - interval '5 years');
select is(
    (select (created_at = now() and updated_at = now()) from learning.courses where id = '00000000-0000-4000-e000-00000000c002'),
    true,
    'attack: client-chosen created_at and updated_at of a new course are replaced by now()');

select * from finish();
rollback;
