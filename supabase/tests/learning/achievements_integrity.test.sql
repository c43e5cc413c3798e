-- learning: achievements cannot be farmed and an author's text reaches learners
-- bounded and attributed (issue 15). Each attack is performed and fails. Rolls back.
begin;
select plan(5);

select tests.create_user('li-mallory@example.com');
select tests.create_user('li-alice@example.com');
select tests.create_user('li-bob@example.com');

-- farming: completing one's own course earns nothing
insert into learning.courses (id, title, is_published, created_by)
select ('00000000-0000-4000-d000-0000000c00' || lpad(g::text, 2, '0'))::uuid, 'Farm ' || g, true,
    tests.get_user_id('li-mallory@example.com')
from generate_series(1, 20) g;
insert into learning.lessons (id, course_id, title, order_index, is_published)
select ('00000000-0000-4000-d000-0000000d00' || lpad(g::text, 2, '0'))::uuid,
    ('00000000-0000-4000-d000-0000000c00' || lpad(g::text, 2, '0'))::uuid, 'L', 1, true
from generate_series(1, 20) g;
insert into learning.user_progress (user_id, lesson_id, course_id, completed, completed_at)
select tests.get_user_id('li-mallory@example.com'), ('00000000-0000-4000-d000-0000000d00' || lpad(g::text, 2, '0'))::uuid,
    ('00000000-0000-4000-d000-0000000c00' || lpad(g::text, 2, '0'))::uuid, true, now()
from generate_series(1, 20) g;
insert into learning.course_enrollments (user_id, course_id)
select tests.get_user_id('li-mallory@example.com'), ('00000000-0000-4000-d000-0000000c00' || lpad(g::text, 2, '0'))::uuid
from generate_series(1, 20) g;
select is(
    (select count(*)::int from learning.achievements
        where user_id = tests.get_user_id('li-mallory@example.com') and type = 'course_completed'),
    0,
    'attack: completing 20 of one''s own courses awards no achievement');

-- an author's long title reaches the learner bounded and attributed
insert into learning.courses (id, title, is_published, created_by)
values ('00000000-0000-4000-d000-0000000ca001', 'Urgent: your account is locked, visit evil.example ' || repeat('x', 140), true,
        tests.get_user_id('li-alice@example.com'));
insert into learning.lessons (id, course_id, title, order_index, is_published)
values ('00000000-0000-4000-d000-0000000da001', '00000000-0000-4000-d000-0000000ca001', 'L', 1, true);
insert into learning.user_progress (user_id, lesson_id, course_id, completed, completed_at)
values (tests.get_user_id('li-bob@example.com'), '00000000-0000-4000-d000-0000000da001',
    '00000000-0000-4000-d000-0000000ca001', true, now());
insert into learning.course_enrollments (user_id, course_id)
values (tests.get_user_id('li-bob@example.com'), '00000000-0000-4000-d000-0000000ca001');
select is(
    (select count(*)::int from learning.achievements
        where user_id = tests.get_user_id('li-bob@example.com') and type = 'course_completed'),
    1,
    'a learner completing another author''s course earns the achievement');
select ok(
    (select bool_and(message like '%(course title set by its author).' and length(message) < 220)
        from learning.notifications where user_id = tests.get_user_id('li-bob@example.com')),
    'attack: the author''s title in the notification is bounded (120 characters) and attributed');
select ok(
    (select bool_and(description like '%(course title set by its author).' and title not like '%' || repeat('x', 140) || '%')
        from learning.achievements where user_id = tests.get_user_id('li-bob@example.com')),
    'attack: the author''s title in the achievement is bounded and attributed');

-- the author does not read learners' achievements in the audit log
insert into learning.audit_log (actor_id, actor_role, table_name, row_id, operation, new_data)
select tests.get_user_id('li-alice@example.com'), 'authenticated', 'achievements', a.id, 'INSERT', to_jsonb(a)
from learning.achievements a
where a.user_id = tests.get_user_id('li-bob@example.com');
select tests.authenticate_as('li-alice@example.com');
select is(
    (select count(*)::int from learning.audit_log where table_name = 'achievements'),
    0,
    'attack: an author whose edit awarded a learner''s achievement cannot read it in audit_log');
select tests.clear_authentication();
select * from finish();
rollback;
