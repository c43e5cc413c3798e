-- classroom: the seed's milestone lookup — `group by m.id` fails (42803, the key is (tenant_id, id)); the corrected form from the milestones comment runs and counts only APPROVED questions, in time order.
begin;
select plan(4);
set local search_path = classroom, public, extensions;

do $fixture$
declare
    v_tenant uuid := md5('ml:tenant')::uuid;
    v_teacher uuid;
begin
    insert into classroom.tenants (id, name, slug) values (v_tenant, 'Tenant ML', 'tenant-ml');
    v_teacher := tests.create_user('teacher-ml@cls.test');
    insert into classroom.users (id, tenant_id, email, first_name, role, email_verified, email_verified_at)
    values (v_teacher, v_tenant, 'teacher-ml@cls.test', 'Teacher', 'TEACHER', true, now());
    insert into classroom.lessons (tenant_id, id, title, thumbnail, status, created_by_id)
    values (v_tenant, md5('ml:lesson')::uuid, 'Lesson ML', 'ml.png', 'PUBLISHED', v_teacher);
    insert into classroom.video_groups (tenant_id, id, lesson_id, title)
    values (v_tenant, md5('ml:vg')::uuid, md5('ml:lesson')::uuid, 'Chapter');
    insert into classroom.videos (tenant_id, id, video_group_id, title, gcs_bucket, gcs_object_path, duration, processing_status)
    values (v_tenant, md5('ml:video')::uuid, md5('ml:vg')::uuid, 'Video', 'cls-videos', 'ml/v.mp4', 600, 'READY');
    insert into classroom.milestones (tenant_id, id, video_id, title, "timestamp", is_required) values
        (v_tenant, md5('ml:m2')::uuid, md5('ml:video')::uuid, 'Second', 120, false),
        (v_tenant, md5('ml:m1')::uuid, md5('ml:video')::uuid, 'First', 30, true);
    insert into classroom.questions (tenant_id, id, milestone_id, type, question_text, question_data, correct_answer, retry_limit, status, created_by_id) values
        (v_tenant, md5('ml:q1')::uuid, md5('ml:m1')::uuid, 'TRUE_FALSE', 'One?', '{}', '{"value": true}', 3, 'APPROVED', v_teacher),
        (v_tenant, md5('ml:q2')::uuid, md5('ml:m1')::uuid, 'TRUE_FALSE', 'Two?', '{}', '{"value": true}', 3, 'APPROVED', v_teacher),
        (v_tenant, md5('ml:q3')::uuid, md5('ml:m1')::uuid, 'TRUE_FALSE', 'Three?', '{}', '{"value": true}', 3, 'PENDING', v_teacher);
end
$fixture$;

select throws_ok(
    format($q$
        SELECT m.id, m.timestamp, m.title, m.is_required, COUNT(q.id) as question_count
        FROM milestones m
        LEFT JOIN questions q ON m.id = q.milestone_id AND q.status = 'APPROVED'
        WHERE m.video_id = %L
        GROUP BY m.id
        ORDER BY m.timestamp ASC
    $q$, md5('ml:video')::uuid),
    '42803', null,
    'the seed''s lookup with `group by m.id` fails (42803): the milestone key is (tenant_id, id)');

select results_eq(
    format($q$
        select m.id, m.timestamp, m.title, m.is_required, count(q.id) as question_count
        from milestones m
        left join questions q on q.tenant_id = m.tenant_id and q.milestone_id = m.id and q.status = 'APPROVED'
        where m.video_id = %L
        group by m.tenant_id, m.id
        order by m.timestamp
    $q$, md5('ml:video')::uuid),
    format($v$values (%L::uuid, 30::numeric, 'First'::text, true, 2::bigint), (%L::uuid, 120::numeric, 'Second'::text, false, 0::bigint)$v$,
        md5('ml:m1')::uuid, md5('ml:m2')::uuid),
    'the corrected lookup (group by m.tenant_id, m.id) runs: milestones in time order with their APPROVED questions counted');

select matches(obj_description('classroom.milestones'::regclass, 'pg_class'), 'group by m\.tenant_id, m\.id', 'the milestones comment gives the working GROUP BY');
select matches(obj_description('classroom.milestones'::regclass, 'pg_class'), '42803', 'the milestones comment says why group by m.id fails');

select * from finish();
rollback;
