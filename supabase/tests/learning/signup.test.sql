-- Account lifecycle: the signup trigger on auth.users creates the profile
-- and the streak row, email changes are copied, profile input is validated,
-- updated_at is maintained, and deleting the auth user removes the person's
-- learning rows while the courses they authored stay (author set to null).
begin;
select plan(25);

select from tests.create_user('signup.ada@example.com', '{}', '{"full_name": "Ada Lovelace", "avatar_url": "https://example.com/ada.png"}');
select from tests.create_user('signup.plain@example.com');
select from tests.create_user('signup.learner@example.com');

select results_eq(
    $$select email, full_name, avatar_url, learning_goals, preferred_language, timezone
        from learning.profiles where id = tests.get_user_id('signup.ada@example.com')$$,
    $$values ('signup.ada@example.com'::text, 'Ada Lovelace'::text, 'https://example.com/ada.png'::text, '{}'::text[], 'en'::text, 'UTC'::text)$$,
    'signup creates the profile with email, full_name and avatar_url from user_metadata and defaults');
select results_eq(
    $$select full_name, avatar_url from learning.profiles where id = tests.get_user_id('signup.plain@example.com')$$,
    $$values (null::text, null::text)$$,
    'signup without metadata creates a bare profile');
select results_eq(
    $$select current_streak, longest_streak, last_activity_date, streak_type::text
        from learning.user_streaks where user_id = tests.get_user_id('signup.ada@example.com')$$,
    $$values (0, 0, null::date, 'daily'::text)$$,
    'signup creates the streak row at zero, daily');
select lives_ok(
    $$insert into auth.users (id, email, raw_user_meta_data) values ('00000000-0000-4000-d000-000000000001', null, '{"name": "Phone User"}')$$,
    'a user without email (phone signup) can sign up');
select results_eq(
    $$select email, full_name from learning.profiles where id = '00000000-0000-4000-d000-000000000001'$$,
    $$values (null::text, 'Phone User'::text)$$,
    'the profile takes user_metadata.name when full_name is missing');

-- Email changes are copied.
update auth.users set email = 'signup.ada.new@example.com' where id = tests.get_user_id('signup.ada@example.com');
select is(
    (select email from learning.profiles where id = tests.get_user_id('signup.ada.new@example.com')),
    'signup.ada.new@example.com', 'an email change on auth.users is copied to the profile');

-- Profile validation (as the owner).
select tests.authenticate_as('signup.plain@example.com');
select throws_ok(
    $$update learning.profiles set timezone = 'Mars/Olympus_Mons' where id = auth.uid()$$,
    '22023', 'unknown time zone: Mars/Olympus_Mons', 'an unknown time zone is rejected (22023)');
select lives_ok(
    $$update learning.profiles set timezone = 'America/New_York' where id = auth.uid()$$,
    'a known IANA time zone is accepted');
select throws_ok(
    $$update learning.profiles set preferred_language = 'English' where id = auth.uid()$$,
    '23514', null, 'a preferred_language that is not a BCP 47 tag is rejected (23514)');
select lives_ok(
    $$update learning.profiles set preferred_language = 'pt-BR' where id = auth.uid()$$,
    'a BCP 47 language tag with region is accepted');
select throws_ok(
    $$update learning.profiles set learning_goals = array['sql', null] where id = auth.uid()$$,
    '23514', null, 'learning_goals with a null element is rejected (23514)');
select throws_ok(
    $$update learning.profiles set timezone = null where id = auth.uid()$$,
    '23502', null, 'a null time zone is rejected (23502)');
select results_eq(
    $$select timezone, preferred_language, learning_goals from learning.profiles where id = auth.uid()$$,
    $$values ('America/New_York'::text, 'pt-BR'::text, '{}'::text[])$$,
    'only the valid changes were written');
select tests.clear_authentication();

-- updated_at is maintained (the row is first aged as postgres).
update learning.profiles set updated_at = now() - interval '1 day' where id = tests.get_user_id('signup.plain@example.com');
select tests.authenticate_as('signup.plain@example.com');
update learning.profiles set bio = 'Hello' where id = auth.uid();
select is(
    (select updated_at from learning.profiles where id = auth.uid()),
    now(), 'updating a profile sets updated_at to now()');
select tests.clear_authentication();

insert into learning.courses (id, title, created_by, is_published, updated_at)
values ('00000000-0000-4000-d000-00000000c001', 'Ada''s course', tests.get_user_id('signup.ada.new@example.com'), true, now() - interval '1 day');
update learning.courses set title = 'Ada''s first course' where id = '00000000-0000-4000-d000-00000000c001';
select is(
    (select updated_at from learning.courses where id = '00000000-0000-4000-d000-00000000c001'),
    now(), 'updating a course sets updated_at to now()');
select is(
    (select count(*)::int from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where c.relnamespace = 'learning'::regnamespace and t.tgname = 'set_updated_at'
        and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'updated_at')),
    0, 'set_updated_at triggers exist only on tables with updated_at');
select is(
    (select count(*)::int from pg_class c
        where c.relnamespace = 'learning'::regnamespace and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped)
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'set_updated_at')),
    0, 'every learning table with updated_at has the set_updated_at trigger');

-- Deleting an auth user.
insert into learning.lessons (id, course_id, title, order_index, is_published)
values ('00000000-0000-4000-d000-000000001001', '00000000-0000-4000-d000-00000000c001', 'Lesson', 1, true);
insert into learning.course_enrollments (user_id, course_id)
values (tests.get_user_id('signup.learner@example.com'), '00000000-0000-4000-d000-00000000c001');
insert into learning.user_progress (user_id, lesson_id, course_id, completed)
values (tests.get_user_id('signup.learner@example.com'), '00000000-0000-4000-d000-000000001001', '00000000-0000-4000-d000-00000000c001', true);
insert into learning.chat_history (user_id, question) values (tests.get_user_id('signup.learner@example.com'), 'Hi?');
insert into learning.learning_analytics (user_id, session_date) values (tests.get_user_id('signup.learner@example.com'), date '2026-02-01');
insert into learning.ai_interactions (user_id, interaction_type) values (tests.get_user_id('signup.learner@example.com'), 'chat');
insert into learning.user_feedback (user_id, course_id, rating) values (tests.get_user_id('signup.learner@example.com'), '00000000-0000-4000-d000-00000000c001', 5);
insert into learning.assessments (id, title, is_published) values ('00000000-0000-4000-d000-000000003001', 'Q', true);
insert into learning.assessment_attempts (user_id, assessment_id) values (tests.get_user_id('signup.learner@example.com'), '00000000-0000-4000-d000-000000003001');

select is(
    (select count(*)::int from learning.achievements where user_id = tests.get_user_id('signup.learner@example.com')),
    1, 'fixture: the learner completed the course (achievement awarded)');

create temporary table deleted_learner on commit drop as
select tests.get_user_id('signup.learner@example.com') as id;
delete from auth.users where email = 'signup.learner@example.com';

select is(
    (select sum(n)::int from (
        select count(*) as n from learning.profiles where id = (select id from deleted_learner)
        union all
        select count(*) from learning.user_streaks where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.course_enrollments where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.user_progress where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.chat_history where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.learning_analytics where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.ai_interactions where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.user_feedback where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.assessment_attempts where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.achievements where user_id = (select id from deleted_learner)
        union all
        select count(*) from learning.notifications where user_id = (select id from deleted_learner)
    ) as counts),
    0, 'deleting an auth user deletes their profile, streak, enrollments, progress, chat, analytics, AI log, feedback, attempts, achievements and notifications');

delete from auth.users where email = 'signup.ada.new@example.com';
select results_eq(
    $$select title, created_by from learning.courses where id = '00000000-0000-4000-d000-00000000c001'$$,
    $$values ('Ada''s first course'::text, null::uuid)$$,
    'deleting an author keeps their course, with created_by set to null');
select is(
    (select count(*)::int from learning.lessons where course_id = '00000000-0000-4000-d000-00000000c001'),
    1, 'the orphaned course keeps its lessons');

-- An orphaned course is managed by service_role only.
select tests.authenticate_as('signup.plain@example.com');
with t as (update learning.courses set title = 'Claimed' where id = '00000000-0000-4000-d000-00000000c001' returning 1)
select is(count(*)::int, 0, 'no user can update an orphaned course (0 rows)') from t;
select tests.clear_authentication();

-- Idempotent signup: the trigger (after insert, end of statement) finds the
-- profile the statement already wrote and keeps it.
select lives_ok(
    $$with u as (insert into auth.users (id, email) values ('00000000-0000-4000-d000-000000000002', 'signup.again@example.com') returning id)
        insert into learning.profiles (id, email) select id, 'x@example.com' from u on conflict (id) do nothing$$,
    'a profile written in the same statement as the auth user does not make signup fail');
select is(
    (select email from learning.profiles where id = '00000000-0000-4000-d000-000000000002'),
    'x@example.com', 'the signup trigger keeps a profile that already exists (on conflict do nothing)');

select is(
    (select count(*)::int from auth.users u
        where not exists (select 1 from learning.profiles p where p.id = u.id)
        or not exists (select 1 from learning.user_streaks s where s.user_id = u.id)),
    0, 'every auth user has a profile and a streak row');

select * from finish();
rollback;
