-- Notifications: created by the system; a user may flip is_read on their
-- own rows (read_at follows) and change nothing else.
begin;
select plan(19);

select from tests.create_user('notif.owner@example.com');
select from tests.create_user('notif.other@example.com');

insert into learning.notifications (id, user_id, title, message, type, action_url) values
    ('00000000-0000-4000-e000-000000000001', tests.get_user_id('notif.owner@example.com'), 'New lesson', 'A new lesson is out', 'course_update', '/courses/1'),
    ('00000000-0000-4000-e000-000000000002', tests.get_user_id('notif.other@example.com'), 'Other', 'For someone else', 'info', null);

select tests.authenticate_as('notif.owner@example.com');
select results_eq(
    $$select is_read, read_at from learning.notifications$$,
    $$values (false, null::timestamptz)$$,
    'the owner sees only their notification, unread');

with t as (update learning.notifications set is_read = true where id = '00000000-0000-4000-e000-000000000001' returning 1)
select is(count(*)::int, 1, 'the owner can mark their notification read') from t;
select results_eq(
    $$select is_read, read_at = now() from learning.notifications where id = '00000000-0000-4000-e000-000000000001'$$,
    $$values (true, true)$$,
    'marking it read stamps read_at');

with t as (update learning.notifications set is_read = false where id = '00000000-0000-4000-e000-000000000001' returning 1)
select is(count(*)::int, 1, 'the owner can mark it unread again') from t;
select results_eq(
    $$select is_read, read_at from learning.notifications where id = '00000000-0000-4000-e000-000000000001'$$,
    $$values (false, null::timestamptz)$$,
    'marking it unread clears read_at');

select throws_ok($$update learning.notifications set title = 'Edited' where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'the owner cannot change the title (42501)');
select throws_ok($$update learning.notifications set message = 'Edited' where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'the owner cannot change the message (42501)');
select throws_ok($$update learning.notifications set type = 'achievement' where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'the owner cannot change the type (42501)');
select throws_ok($$update learning.notifications set action_url = 'https://evil.example.com' where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'the owner cannot change the action_url (42501)');
select throws_ok($$update learning.notifications set read_at = now() - interval '1 year' where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'the owner cannot set read_at directly (42501)');
select throws_ok($$update learning.notifications set user_id = tests.get_user_id('notif.other@example.com') where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'the owner cannot hand the notification to someone else (42501)');
select throws_ok($$update learning.notifications set is_read = true, title = 'Edited' where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'flipping is_read together with another column is refused as a whole (42501)');
select throws_ok($$delete from learning.notifications where id = '00000000-0000-4000-e000-000000000001'$$,
    '42501', null, 'the owner cannot delete a notification (42501)');
select throws_ok($$insert into learning.notifications (user_id, title, message) values (auth.uid(), 'Self', 'Self')$$,
    '42501', null, 'the owner cannot create notifications (42501)');

with t as (update learning.notifications set is_read = true where id = '00000000-0000-4000-e000-000000000002' returning 1)
select is(count(*)::int, 0, 'a user cannot mark someone else''s notification read (0 rows)') from t;

select tests.clear_authentication();
select results_eq(
    $$select title, message, type, action_url, is_read, user_id
      from learning.notifications where id = '00000000-0000-4000-e000-000000000001'$$,
    $$values ('New lesson'::text, 'A new lesson is out'::text, 'course_update'::text, '/courses/1'::text, false,
              tests.get_user_id('notif.owner@example.com'))$$,
    'nothing but is_read was ever changed');
select is(
    (select is_read from learning.notifications where id = '00000000-0000-4000-e000-000000000002'),
    false, 'the other user''s notification is untouched');

-- The system (service_role) creates notifications; bad input is rejected.
select tests.authenticate_as_service_role();
select throws_ok(
    $$insert into learning.notifications (user_id, title, message, type) values (tests.get_user_id('notif.owner@example.com'), 'X', 'Y', 'Not A Type')$$,
    '23514', null, 'a notification type that is not a snake_case label is rejected (23514)');
select throws_ok(
    $$insert into learning.notifications (user_id, title, message) values (tests.get_user_id('notif.owner@example.com'), '  ', 'Y')$$,
    '23514', null, 'a blank title is rejected (23514)');

select tests.clear_authentication();
select * from finish();
rollback;
