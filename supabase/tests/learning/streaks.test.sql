-- Streaks: learning_private.advance_streak with explicit dates (daily and
-- weekly advancement, reset after a gap, backdated activity), its caller
-- check, and the activity triggers that call it (lesson completion in the
-- user's time zone, assessment completion, learning sessions).
begin;
select plan(39);

select from tests.create_user('streak.daily@example.com');
select from tests.create_user('streak.weekly@example.com');
select from tests.create_user('streak.trigger@example.com');
select from tests.create_user('streak.other@example.com');

-- Daily --------------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-02')$$,
    $$values (1, 1, date '2026-03-02')$$,
    'daily: the first activity starts a streak of 1');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-02')$$,
    $$values (1, 1, date '2026-03-02')$$,
    'daily: more activity on the same day changes nothing');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-03')$$,
    $$values (2, 2, date '2026-03-03')$$,
    'daily: activity the next day advances the streak to 2');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-04')$$,
    $$values (3, 3, date '2026-03-04')$$,
    'daily: and the day after to 3');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-03')$$,
    $$values (3, 3, date '2026-03-04')$$,
    'daily: backdated activity (before last_activity_date) is ignored');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-06')$$,
    $$values (1, 3, date '2026-03-06')$$,
    'daily: a missed day resets the current streak to 1 and keeps the longest');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-07')$$,
    $$values (2, 3, date '2026-03-07')$$,
    'daily: the new streak grows again without touching the longest');
select results_eq(
    $$select current_streak, longest_streak
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-08')$$,
    $$values (3, 3)$$,
    'daily: equalling the longest streak');
select results_eq(
    $$select current_streak, longest_streak
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-03-09')$$,
    $$values (4, 4)$$,
    'daily: beating it raises longest_streak');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-04-01')$$,
    $$values (1, 4, date '2026-04-01')$$,
    'daily: a long gap resets to 1');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning.user_streaks where user_id = tests.get_user_id('streak.daily@example.com')$$,
    $$values (1, 4, date '2026-04-01')$$,
    'daily: the stored row matches what the function returned');
select results_eq(
    $$select current_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-05-01')$$,
    $$values (1, date '2026-05-01')$$,
    'daily: month boundaries count as days too (reset after April)');
select results_eq(
    $$select current_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-05-02')$$,
    $$values (2, date '2026-05-02')$$,
    'daily: May 1 -> May 2 advances');

-- Weekly (ISO weeks, Monday start) ----------------------------------------------------
select tests.clear_authentication();
update learning.user_streaks set streak_type = 'weekly' where user_id = tests.get_user_id('streak.weekly@example.com');
select tests.authenticate_as_service_role();
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2026-03-04')$$,
    $$values (1, 1, date '2026-03-04')$$,
    'weekly: the first activity (Wednesday) starts a streak of 1');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2026-03-08')$$,
    $$values (1, 1, date '2026-03-08')$$,
    'weekly: activity later in the same week (Sunday) keeps the streak and moves last_activity_date');
select results_eq(
    $$select current_streak, longest_streak
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2026-03-09')$$,
    $$values (2, 2)$$,
    'weekly: the next Monday is the next week: streak 2');
select results_eq(
    $$select current_streak, longest_streak
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2026-03-21')$$,
    $$values (3, 3)$$,
    'weekly: any day of the following week advances to 3 (12 days later)');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2026-04-06')$$,
    $$values (1, 3, date '2026-04-06')$$,
    'weekly: skipping a whole week resets to 1, keeps longest 3');
select results_eq(
    $$select current_streak, last_activity_date
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2026-03-30')$$,
    $$values (1, date '2026-04-06')$$,
    'weekly: activity in an earlier week is ignored');
select results_eq(
    $$select current_streak, longest_streak
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2027-01-04')$$,
    $$values (1, 3)$$,
    'weekly: across the year boundary after a gap: reset');
select results_eq(
    $$select current_streak
      from learning_private.advance_streak(tests.get_user_id('streak.weekly@example.com'), date '2027-01-11')$$,
    $$values (2)$$,
    'weekly: consecutive weeks across the year boundary advance');

-- Bad input and callers ---------------------------------------------------------------
select throws_ok(
    $$select learning_private.advance_streak(null, date '2026-03-02')$$,
    '22004', null, 'a null user id is rejected (22004)');
select throws_ok(
    $$select learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), null)$$,
    '22004', null, 'a null activity date is rejected (22004)');
select throws_ok(
    $$select learning_private.advance_streak('00000000-0000-4000-c000-000000000000', date '2026-03-02')$$,
    '23503', null, 'an unknown user id is rejected (23503)');
select tests.authenticate_as('streak.other@example.com');
select throws_ok(
    $$select learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-05-03')$$,
    '42501', null, 'a signed-in user cannot call advance_streak (42501)');
select tests.authenticate_as_anon();
select throws_ok(
    $$select learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-05-03')$$,
    '42501', null, 'anon cannot call advance_streak (42501)');
select tests.clear_authentication();
select results_eq(
    $$select current_streak, longest_streak, last_activity_date
      from learning.user_streaks where user_id = tests.get_user_id('streak.daily@example.com')$$,
    $$values (2, 4, date '2026-05-02')$$,
    'the rejected calls wrote nothing');
-- Even if execute were granted, a signed-in user could only act for themself.
grant execute on function learning_private.advance_streak(uuid, date) to authenticated;
select tests.authenticate_as('streak.weekly@example.com');
select throws_ok(
    $$select learning_private.advance_streak(tests.get_user_id('streak.daily@example.com'), date '2026-05-03')$$,
    '42501', null, 'the caller check refuses a signed-in user acting for another user (42501)');
select tests.clear_authentication();
revoke execute on function learning_private.advance_streak(uuid, date) from authenticated;

-- Triggers: learning activity advances the streak --------------------------------------
insert into learning.courses (id, title, is_published) values ('00000000-0000-4000-c000-00000000c001', 'Streak course', true);
insert into learning.lessons (id, course_id, title, order_index, is_published)
select ('00000000-0000-4000-c000-0000000010' || lpad(g::text, 2, '0'))::uuid, '00000000-0000-4000-c000-00000000c001', 'L' || g, g, true
from generate_series(1, 4) as g;
insert into learning.assessments (id, title, is_published) values ('00000000-0000-4000-c000-000000003001', 'Challenge', true);
update learning.profiles set timezone = 'Asia/Tokyo' where id = tests.get_user_id('streak.trigger@example.com');

-- Lesson completed 2026-03-01 23:30 UTC = 2026-03-02 08:30 in Tokyo.
insert into learning.user_progress (user_id, lesson_id, course_id, completed, completed_at)
values (tests.get_user_id('streak.trigger@example.com'), '00000000-0000-4000-c000-000000001001',
        '00000000-0000-4000-c000-00000000c001', true, timestamptz '2026-03-01 23:30:00+00');
select results_eq(
    $$select current_streak, last_activity_date from learning.user_streaks where user_id = tests.get_user_id('streak.trigger@example.com')$$,
    $$values (1, date '2026-03-02')$$,
    'completing a lesson starts the streak on the local day of completed_at (Tokyo: March 2)');

-- An uncompleted progress row is not activity.
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (tests.get_user_id('streak.trigger@example.com'), '00000000-0000-4000-c000-000000001002', '00000000-0000-4000-c000-00000000c001', false);
select results_eq(
    $$select current_streak, last_activity_date from learning.user_streaks where user_id = tests.get_user_id('streak.trigger@example.com')$$,
    $$values (1, date '2026-03-02')$$,
    'an uncompleted progress row does not advance the streak');

update learning.user_progress set completed = true, completed_at = timestamptz '2026-03-03 01:00:00+00'
where lesson_id = '00000000-0000-4000-c000-000000001002';
select results_eq(
    $$select current_streak, last_activity_date from learning.user_streaks where user_id = tests.get_user_id('streak.trigger@example.com')$$,
    $$values (2, date '2026-03-03')$$,
    'completing a lesson by update the next local day advances the streak to 2');

update learning.user_progress set completed = false where lesson_id = '00000000-0000-4000-c000-000000001002';
select is(
    (select current_streak from learning.user_streaks where user_id = tests.get_user_id('streak.trigger@example.com')),
    2, 'un-completing a lesson does not lower the streak (activity happened)');

-- Completing an assessment attempt the next day.
insert into learning.assessment_attempts (user_id, assessment_id, status, started_at, completed_at)
values (tests.get_user_id('streak.trigger@example.com'), '00000000-0000-4000-c000-000000003001', 'completed',
        timestamptz '2026-03-04 02:00:00+00', timestamptz '2026-03-04 02:30:00+00');
select results_eq(
    $$select current_streak, last_activity_date from learning.user_streaks where user_id = tests.get_user_id('streak.trigger@example.com')$$,
    $$values (3, date '2026-03-04')$$,
    'completing an assessment attempt advances the streak');

-- Recording a learning session two days later (the backend imports past days): reset.
select tests.authenticate_as_service_role();
insert into learning.learning_analytics (user_id, session_duration, session_date)
values (tests.get_user_id('streak.trigger@example.com'), 1200, date '2026-03-06');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date from learning.user_streaks where user_id = tests.get_user_id('streak.trigger@example.com')$$,
    $$values (1, 3, date '2026-03-06')$$,
    'a learning session after a missed day resets the streak to 1 (longest stays 3)');
insert into learning.learning_analytics (user_id, session_duration, session_date)
values (tests.get_user_id('streak.trigger@example.com'), 600, date '2026-03-07');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date from learning.user_streaks where user_id = tests.get_user_id('streak.trigger@example.com')$$,
    $$values (2, 3, date '2026-03-07')$$,
    'a learning session the next day advances it');

-- The user records today's session themself; a forged day is refused (issue 15).
select tests.authenticate_as('streak.trigger@example.com');
select throws_ok(
    $$insert into learning.learning_analytics (user_id, session_duration, session_date)
      values (auth.uid(), 600, (now() at time zone 'UTC')::date - 365)$$,
    '23514', null, 'a user cannot backdate a session to build a streak');
select throws_ok(
    $$insert into learning.learning_analytics (user_id, session_duration, session_date)
      values (auth.uid(), 600, (now() at time zone 'UTC')::date + 30)$$,
    '23514', null, 'a user cannot record a future session to freeze a streak');
select lives_ok(
    $$insert into learning.learning_analytics (user_id, session_duration) values (auth.uid(), 600)$$,
    'a user records today''s session');
select results_eq(
    $$select current_streak, last_activity_date from learning.user_streaks where user_id = auth.uid()$$,
    $$values (1, current_date)$$,
    'today''s session, months after the last one, starts a new streak of 1');

select tests.clear_authentication();
select * from finish();
rollback;
