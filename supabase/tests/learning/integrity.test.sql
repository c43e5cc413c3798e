-- learning: graded work is final for the learner (issue 15). Each attack is
-- performed and fails; the service role still corrects. Rolls back.
begin;
select plan(7);

select from tests.create_user('integrity.learner@example.com');
insert into learning.assessments (id, title, is_published)
values ('00000000-0000-4000-c000-00000000f001', 'Final answers', true);

select tests.authenticate_as('integrity.learner@example.com');
insert into learning.assessment_attempts (user_id, assessment_id, submitted_code)
values (auth.uid(), '00000000-0000-4000-c000-00000000f001', 'print(1)');
select lives_ok(
    $$update learning.assessment_attempts set submitted_code = 'print(2)' where assessment_id = '00000000-0000-4000-c000-00000000f001'$$,
    'an open attempt''s code can still change');
select lives_ok(
    $$update learning.assessment_attempts set status = 'completed' where assessment_id = '00000000-0000-4000-c000-00000000f001'$$,
    'the learner completes the attempt');
select throws_ok(
    $$update learning.assessment_attempts set submitted_code = 'print(3)' where assessment_id = '00000000-0000-4000-c000-00000000f001'$$,
    '42501', null, 'a completed attempt''s code cannot be replaced');

select tests.authenticate_as_service_role();
update learning.assessment_attempts set score = 80 where assessment_id = '00000000-0000-4000-c000-00000000f001';

select tests.authenticate_as('integrity.learner@example.com');
select throws_ok(
    $$update learning.assessment_attempts set submitted_code = 'print(4)' where assessment_id = '00000000-0000-4000-c000-00000000f001'$$,
    '42501', null, 'a graded attempt''s code cannot be replaced after grading');
select throws_ok(
    $$update learning.assessment_attempts set status = 'in-progress' where assessment_id = '00000000-0000-4000-c000-00000000f001'$$,
    '42501', null, 'a graded attempt cannot be reopened');
select is(
    (select submitted_code from learning.assessment_attempts where assessment_id = '00000000-0000-4000-c000-00000000f001'),
    'print(2)', 'the graded submission is the one that was graded');

select tests.authenticate_as_service_role();
select lives_ok(
    $$update learning.assessment_attempts set submitted_code = 'print(2) # fixed encoding'
      where assessment_id = '00000000-0000-4000-c000-00000000f001'$$,
    'the service role can still correct a graded attempt');

select tests.clear_authentication();
select * from finish();
rollback;
