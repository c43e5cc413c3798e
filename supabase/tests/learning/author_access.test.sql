-- Course authors read the roster, progress and feedback of the courses they
-- author (20261123191700), and nothing of other courses; learners keep
-- exactly their own rows; anon gets nothing. The roster (who, names, status,
-- progress, dates) comes only through learning.course_learners: the
-- course_enrollments table stays owner-only (an author sees only their own
-- enrollments in it), and authors never read learners' profiles.
-- Denied reads touch 0 rows (row hidden by the select policy) or raise 42501
-- (no privilege / caller check); each test name says which.
begin;
select plan(49);

select from tests.create_user('aa.author@example.com');
select from tests.create_user('aa.other.author@example.com');
select from tests.create_user('aa.learner@example.com', '{}', '{"full_name": "Lena Learner"}');
select from tests.create_user('aa.second@example.com', '{}', '{"full_name": "Sam Second"}');

insert into learning.courses (id, title, is_published, created_by) values
    ('00000000-0000-4000-aa00-00000000c001', 'Author''s course', true, tests.get_user_id('aa.author@example.com')),
    ('00000000-0000-4000-aa00-00000000c002', 'Other author''s course', true, tests.get_user_id('aa.other.author@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published) values
    ('00000000-0000-4000-aa00-00000000a001', '00000000-0000-4000-aa00-00000000c001', 'Lesson 1', 1, true),
    ('00000000-0000-4000-aa00-00000000a002', '00000000-0000-4000-aa00-00000000c001', 'Lesson 2', 2, true),
    ('00000000-0000-4000-aa00-00000000b001', '00000000-0000-4000-aa00-00000000c002', 'Other lesson', 1, true);
insert into learning.assessments (id, title, course_id, is_published) values
    ('00000000-0000-4000-aa00-00000000d001', 'Author''s quiz', '00000000-0000-4000-aa00-00000000c001', true),
    ('00000000-0000-4000-aa00-00000000d002', 'Other quiz', '00000000-0000-4000-aa00-00000000c002', true);

-- The learner takes both courses, the second learner the author's course, and
-- the author learns in the other author's course.
insert into learning.course_enrollments (id, user_id, course_id) values
    ('00000000-0000-4000-aa00-00000000e001', tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000c001'),
    ('00000000-0000-4000-aa00-00000000e002', tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000c002'),
    ('00000000-0000-4000-aa00-00000000e003', tests.get_user_id('aa.second@example.com'), '00000000-0000-4000-aa00-00000000c001'),
    ('00000000-0000-4000-aa00-00000000e004', tests.get_user_id('aa.author@example.com'), '00000000-0000-4000-aa00-00000000c002');
insert into learning.user_progress (user_id, lesson_id, course_id, completed) values
    (tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000a001', '00000000-0000-4000-aa00-00000000c001', true),
    (tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000b001', '00000000-0000-4000-aa00-00000000c002', false),
    (tests.get_user_id('aa.second@example.com'), '00000000-0000-4000-aa00-00000000a002', '00000000-0000-4000-aa00-00000000c001', false);
-- Feedback about the author's course, about one of its lessons only, about one
-- of its assessments only, about the other course, and about nothing.
insert into learning.user_feedback (id, user_id, course_id, lesson_id, assessment_id, rating, feedback_text) values
    ('00000000-0000-4000-aa00-00000000f001', tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000c001', null, null, 5, 'Great course'),
    ('00000000-0000-4000-aa00-00000000f002', tests.get_user_id('aa.learner@example.com'), null, '00000000-0000-4000-aa00-00000000a002', null, 3, 'Lesson 2 is unclear'),
    ('00000000-0000-4000-aa00-00000000f003', tests.get_user_id('aa.second@example.com'), null, null, '00000000-0000-4000-aa00-00000000d001', 4, null),
    ('00000000-0000-4000-aa00-00000000f004', tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000c002', null, null, 2, 'Meh'),
    ('00000000-0000-4000-aa00-00000000f005', tests.get_user_id('aa.learner@example.com'), null, null, null, null, 'The app is slow');
insert into learning.chat_history (user_id, course_id, question) values
    (tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000c001', 'Private question');
insert into learning.assessment_attempts (user_id, assessment_id, submitted_code) values
    (tests.get_user_id('aa.learner@example.com'), '00000000-0000-4000-aa00-00000000d001', 'print("secret")');

-- The author -----------------------------------------------------------------------
select tests.authenticate_as('aa.author@example.com');
select results_eq(
    $$select id from learning.course_enrollments order by id$$,
    $$values ('00000000-0000-4000-aa00-00000000e004'::uuid)$$,
    'course_enrollments: the author sees only their own enrollment in the table (owner-only; the roster comes from course_learners)');
select is((select count(*)::int from learning.course_enrollments where course_id = '00000000-0000-4000-aa00-00000000c002' and user_id <> tests.get_user_id('aa.author@example.com')), 0,
    'course_enrollments: the author sees no one else''s enrollment in another author''s course (0 rows)');
select is((select count(*)::int from learning.course_enrollments where course_id = '00000000-0000-4000-aa00-00000000c001'), 0,
    'course_enrollments: the author reads no learner''s enrollment of their own course from the table (0 rows)');
select results_eq(
    $$select lesson_id, completed from learning.user_progress order by lesson_id$$,
    $$values ('00000000-0000-4000-aa00-00000000a001'::uuid, true), ('00000000-0000-4000-aa00-00000000a002'::uuid, false)$$,
    'user_progress: the author sees the progress rows of their course''s lessons only');
select results_eq(
    $$select id from learning.user_feedback order by id$$,
    $$values ('00000000-0000-4000-aa00-00000000f001'::uuid), ('00000000-0000-4000-aa00-00000000f002'::uuid), ('00000000-0000-4000-aa00-00000000f003'::uuid)$$,
    'user_feedback: the author sees feedback about their course, one of its lessons or one of its assessments, not the other course''s nor general feedback');
select is((select avg(rating)::numeric(3, 2) from learning.user_feedback where course_id = '00000000-0000-4000-aa00-00000000c001'), 5.00,
    'user_feedback: the author can compute their course''s rating');
with t as (update learning.course_enrollments set status = 'dropped' where course_id = '00000000-0000-4000-aa00-00000000c001' returning 1)
select is(count(*)::int, 0, 'course_enrollments: the author cannot update a learner''s enrollment (0 rows)') from t;
with t as (delete from learning.course_enrollments where course_id = '00000000-0000-4000-aa00-00000000c001' returning 1)
select is(count(*)::int, 0, 'course_enrollments: the author cannot delete a learner''s enrollment (0 rows)') from t;
with t as (update learning.user_progress set time_spent = 1 where course_id = '00000000-0000-4000-aa00-00000000c001' returning 1)
select is(count(*)::int, 0, 'user_progress: the author cannot update a learner''s progress (0 rows)') from t;
with t as (delete from learning.user_progress where course_id = '00000000-0000-4000-aa00-00000000c001' returning 1)
select is(count(*)::int, 0, 'user_progress: the author cannot delete a learner''s progress (0 rows)') from t;
with t as (update learning.user_feedback set feedback_text = 'Edited by the author' where id = '00000000-0000-4000-aa00-00000000f002' returning 1)
select is(count(*)::int, 0, 'user_feedback: the author cannot edit feedback about their course (0 rows)') from t;
with t as (delete from learning.user_feedback where id = '00000000-0000-4000-aa00-00000000f002' returning 1)
select is(count(*)::int, 0, 'user_feedback: the author cannot delete feedback about their course (0 rows)') from t;
select is((select count(*)::int from learning.profiles where id <> tests.get_user_id('aa.author@example.com')), 0,
    'profiles: the author still reads no learner''s profile (0 rows; names come from course_learners)');
select is((select count(*)::int from learning.chat_history), 0, 'chat_history: the author sees no learner''s chat about their course (0 rows)');
select is((select count(*)::int from learning.assessment_attempts), 0, 'assessment_attempts: the author sees no learner''s attempts or code (0 rows)');
select results_eq(
    $$select user_id, full_name, status::text, progress_percentage from learning.course_learners('00000000-0000-4000-aa00-00000000c001') order by full_name$$,
    $$values (tests.get_user_id('aa.learner@example.com'), 'Lena Learner', 'active', 50.00::numeric), (tests.get_user_id('aa.second@example.com'), 'Sam Second', 'active', 0.00::numeric)$$,
    'course_learners: the author gets who takes their course, their display names, status and progress');
-- Enrolled in this transaction; recording lesson progress stamped last_accessed; nobody completed the course.
select results_eq(
    $$select user_id, enrollment_date, last_accessed, completed_at from learning.course_learners('00000000-0000-4000-aa00-00000000c001') order by full_name$$,
    $$values (tests.get_user_id('aa.learner@example.com'), now(), now(), null::timestamptz), (tests.get_user_id('aa.second@example.com'), now(), now(), null::timestamptz)$$,
    'course_learners: the author gets each learner''s enrollment, last access and completion dates');
select throws_ok($$select * from learning.course_learners('00000000-0000-4000-aa00-00000000c002')$$, '42501', null,
    'course_learners: the author cannot list another author''s course (42501)');
select throws_ok($$select * from learning.course_learners('00000000-0000-4000-aa00-0000000000ff')$$, '42501', null,
    'course_learners: an unknown course is refused like someone else''s (42501)');
select throws_ok($$select * from learning.course_learners(null)$$, '22004', null, 'course_learners: a null course id is rejected (22004)');
select is(
    (select array_agg(a.name order by a.ord)
     from pg_proc as p
     cross join lateral unnest(p.proargnames, p.proargmodes) with ordinality as a (name, mode, ord)
     where p.oid = 'learning.course_learners(uuid)'::regprocedure and a.mode = 't'),
    array['user_id', 'full_name', 'avatar_url', 'status', 'progress_percentage', 'enrollment_date', 'last_accessed', 'completed_at']::text[],
    'course_learners: returns display name and avatar, no email, bio, goals or time zone');

-- The other author: only their course ------------------------------------------------
select tests.authenticate_as('aa.other.author@example.com');
select is((select count(*)::int from learning.course_enrollments), 0,
    'course_enrollments: another author who takes no course sees no enrollment in the table, not even of their own course (0 rows)');
select results_eq(
    $$select lesson_id from learning.user_progress$$,
    $$values ('00000000-0000-4000-aa00-00000000b001'::uuid)$$,
    'user_progress: another author sees only their own course''s progress');
select results_eq(
    $$select id from learning.user_feedback$$,
    $$values ('00000000-0000-4000-aa00-00000000f004'::uuid)$$,
    'user_feedback: another author sees only the feedback about their own course');
select results_eq(
    $$select user_id, status::text, progress_percentage from learning.course_learners('00000000-0000-4000-aa00-00000000c002') order by full_name$$,
    $$select u, 'active', 0.00::numeric from unnest(array[tests.get_user_id('aa.learner@example.com'), tests.get_user_id('aa.author@example.com')]) as u
      order by u = tests.get_user_id('aa.author@example.com')$$,
    'course_learners: another author lists their own course (the learner and the first author), with status and progress');
select throws_ok($$select * from learning.course_learners('00000000-0000-4000-aa00-00000000c001')$$, '42501', null,
    'course_learners: another author cannot list the first author''s course (42501)');

-- Learners: unchanged, their own rows only --------------------------------------------
select tests.authenticate_as('aa.learner@example.com');
select is((select count(*)::int from learning.course_enrollments), 2, 'course_enrollments: a learner sees exactly their own 2 enrollments');
select is((select count(*)::int from learning.user_progress), 2, 'user_progress: a learner sees exactly their own 2 progress rows');
select is((select count(*)::int from learning.user_feedback), 4, 'user_feedback: a learner sees exactly their own 4 feedback rows');
select is((select count(*)::int from learning.course_enrollments where user_id <> tests.get_user_id('aa.learner@example.com')), 0,
    'course_enrollments: a learner sees no fellow learner''s enrollment (0 rows)');
select throws_ok($$select * from learning.course_learners('00000000-0000-4000-aa00-00000000c001')$$, '42501', null,
    'course_learners: a learner cannot list the learners of a course they take (42501)');
with t as (update learning.course_enrollments set status = 'paused' where id = '00000000-0000-4000-aa00-00000000e001' returning 1)
select is(count(*)::int, 1, 'course_enrollments: a learner still updates their own enrollment') from t;
with t as (update learning.user_feedback set rating = 4 where id = '00000000-0000-4000-aa00-00000000f001' returning 1)
select is(count(*)::int, 1, 'user_feedback: a learner still edits their own feedback') from t;

select tests.authenticate_as('aa.second@example.com');
select is((select count(*)::int from learning.course_enrollments), 1, 'course_enrollments: the second learner sees exactly their own enrollment');
select is((select count(*)::int from learning.user_progress), 1, 'user_progress: the second learner sees exactly their own progress row');
select is((select count(*)::int from learning.user_feedback), 1, 'user_feedback: the second learner sees exactly their own feedback');

-- anon: nothing --------------------------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($$select * from learning.course_enrollments$$, '42501', null, 'course_enrollments: anon cannot select (42501)');
select throws_ok($$select * from learning.user_progress$$, '42501', null, 'user_progress: anon cannot select (42501)');
select throws_ok($$select * from learning.user_feedback$$, '42501', null, 'user_feedback: anon cannot select (42501)');
select throws_ok($$select * from learning.course_learners('00000000-0000-4000-aa00-00000000c001')$$, '42501', null, 'course_learners: anon cannot call it (42501)');
select throws_ok($$select learning_private.authored_course_id_array()$$, '42501', null, 'authored_course_id_array: anon cannot call the policy helper (42501)');

-- service_role: everything, any course ---------------------------------------------------
select tests.authenticate_as_service_role();
select is((select count(*)::int from learning.course_learners('00000000-0000-4000-aa00-00000000c001')), 2, 'course_learners: service_role lists any course');

-- The helpers answer only for the caller ---------------------------------------------------
select tests.authenticate_as('aa.author@example.com');
select is(learning_private.authored_course_id_array(), array['00000000-0000-4000-aa00-00000000c001'::uuid], 'authored_course_id_array: the caller''s authored courses');
select is(
    (select array_agg(x order by x) from unnest(learning_private.authored_lesson_id_array()) as x),
    array['00000000-0000-4000-aa00-00000000a001'::uuid, '00000000-0000-4000-aa00-00000000a002'::uuid],
    'authored_lesson_id_array: the lessons of the caller''s courses');
select is(learning_private.authored_assessment_id_array(), array['00000000-0000-4000-aa00-00000000d001'::uuid], 'authored_assessment_id_array: the assessments of the caller''s courses');
select tests.authenticate_as('aa.learner@example.com');
select is(learning_private.authored_course_id_array(), '{}'::uuid[], 'authored_course_id_array: empty (not null) for a user who authors nothing');

-- Handing a course over moves the access with it (service_role transfers authorship).
select tests.authenticate_as_service_role();
update learning.courses set created_by = tests.get_user_id('aa.other.author@example.com') where id = '00000000-0000-4000-aa00-00000000c001';
select tests.authenticate_as('aa.author@example.com');
select throws_ok($$select * from learning.course_learners('00000000-0000-4000-aa00-00000000c001')$$, '42501', null,
    'course_learners: a former author can no longer list the course (42501)');
select is((select count(*)::int from learning.user_progress where course_id = '00000000-0000-4000-aa00-00000000c001'), 0,
    'user_progress: a former author no longer sees the course''s progress (0 rows)');
select tests.authenticate_as('aa.other.author@example.com');
select is((select count(*)::int from learning.course_learners('00000000-0000-4000-aa00-00000000c001')), 2,
    'course_learners: the new author lists the course they were handed');

select tests.clear_authentication();
select * from finish();
rollback;
