-- bench data: classroom (multi-tenant). Sizes at SCALE=1: 50 tenants of very
-- different sizes (tenant 1 largest), 60k members (2% teachers, 0.2% admins),
-- 40 lessons per tenant with 3 groups x 2 videos x 4 milestones x 2 questions,
-- ~1M question attempts, one grade per (student, question) attempted,
-- student progress per (student, lesson) with grades, 200k sessions,
-- 1M analytics events, 200k AI usage logs.
select setseed(0.33);
select least(:users, round(60000 * :scale))::integer as members,
       greatest(4, round(40 * :scale))::integer as lessons_per_tenant \gset

insert into classroom.tenants (id, name, slug, created_at, updated_at)
select md5('tenant-' || t)::uuid, 'Tenant ' || t, 'tenant-' || t, now() - interval '800 days', now()
from generate_series(1, 50) as t;

insert into classroom.system_configs (tenant_id, key, value, description)
select md5('tenant-' || t)::uuid, k.key, k.value, k.description
from generate_series(1, 50) as t
cross join (values
    ('video.maxFileSize', '5368709120'::jsonb, 'Largest video upload in bytes (5 GiB).'),
    ('ai.defaultProvider', '"OPENAI"'::jsonb, 'AI provider used when none is chosen.'),
    ('grading.passingThreshold', '70'::jsonb, 'Passing score.')
) as k (key, value, description);

create temp table members as
select k,
       bench.uid(k) as id,
       1 + floor(50 * bench.h(k, 'ct') * bench.h(k, 'ct'))::integer as t,
       case when k % 500 = 7 then 'ADMIN' when k % 50 = 3 then 'TEACHER' else 'STUDENT' end::classroom.user_role as role
from generate_series(1, :members) as k;
create index on members (t, role, k);

insert into classroom.users (id, tenant_id, email, first_name, last_name, role, email_verified, email_verified_at,
                             created_at, updated_at)
select m.id, md5('tenant-' || m.t)::uuid, 'user' || m.k || '@bench.example', 'First' || m.k, 'Last' || m.k,
       m.role, true, now() - interval '300 days', now() - interval '300 days', now()
from members as m;

insert into classroom.user_preferences (tenant_id, user_id)
select md5('tenant-' || m.t)::uuid, m.id from members as m where m.k % 2 = 0;

create temp table staff as
select t, row_number() over (partition by t order by k) as n, id
from members where role in ('TEACHER', 'ADMIN');
create temp table staff_count as select t, count(*) as c from staff group by t;

insert into classroom.ai_configurations (tenant_id, id, name, provider, model, parameters, is_active)
select md5('tenant-' || t)::uuid, md5('aicfg-' || t)::uuid, 'Default', 'OPENAI', 'gpt-4o-mini', '{"temperature": 0.2}', true
from generate_series(1, 50) as t;

insert into classroom.lessons (tenant_id, id, title, description, status, created_by_id, created_at, updated_at)
select md5('tenant-' || tt.t)::uuid, md5('cl-' || tt.t || '-' || l)::uuid, 'Lesson ' || l || ' of tenant ' || tt.t,
       'A lesson', case when l % 20 = 0 then 'ARCHIVED' when l % 10 = 1 then 'DRAFT' else 'PUBLISHED' end::classroom.lesson_status,
       s.id, now() - interval '400 days' * bench.h(l, 'cl-' || tt.t), now()
from generate_series(1, 50) as tt (t)
cross join generate_series(1, :lessons_per_tenant) as l
left join staff_count as sc on sc.t = tt.t
left join staff as s on s.t = tt.t and s.n = 1 + l % greatest(sc.c, 1);

insert into classroom.video_groups (tenant_id, id, lesson_id, title, position)
select l.tenant_id, md5(l.id::text || '-g' || g)::uuid, l.id, 'Chapter ' || g, g
from classroom.lessons as l cross join generate_series(1, 3) as g;

insert into classroom.videos (tenant_id, id, lesson_id, video_group_id, title, gcs_bucket, gcs_object_path, duration,
                              processing_status, position)
select vg.tenant_id, md5(vg.id::text || '-v' || v)::uuid, vg.lesson_id, vg.id, 'Video ' || v, 'bench-videos',
       vg.id::text || '/' || v || '.mp4', 600, 'READY', v
from classroom.video_groups as vg cross join generate_series(1, 2) as v;

insert into classroom.milestones (tenant_id, id, lesson_id, video_id, title, "timestamp", is_required)
select v.tenant_id, md5(v.id::text || '-m' || m)::uuid, v.lesson_id, v.id, 'Checkpoint ' || m, m * 120, m % 2 = 0
from classroom.videos as v cross join generate_series(1, 4) as m;

insert into classroom.questions (tenant_id, id, lesson_id, milestone_id, type, question_text, question_data,
                                 correct_answer, retry_limit, status, is_ai_generated, ai_configuration_id,
                                 reviewed_at, position, created_at, updated_at)
select ms.tenant_id, md5(ms.id::text || '-q' || q)::uuid, ms.lesson_id, ms.id, 'MULTIPLE_CHOICE',
       'What happens at this checkpoint? (' || q || ')',
       '{"options": ["a", "b", "c", "d"]}', '{"index": 1}',
       case when x.r < 0.3 then 10 else 3 end,
       case when x.r < 0.8 then 'APPROVED' when x.r < 0.95 then 'PENDING' else 'REJECTED' end::classroom.question_status,
       true, ac.id,
       case when x.r < 0.8 or x.r >= 0.95 then now() - interval '100 days' end,
       q, now() - interval '200 days' * x.r, now()
from classroom.milestones as ms
join classroom.ai_configurations as ac on ac.tenant_id = ms.tenant_id
cross join generate_series(1, 2) as q
cross join lateral (select bench.h(hashtext(ms.id::text) + q, 'cq') as r) as x;

-- attempts: skewed students answer approved questions of published lessons of their tenant
create temp table open_questions as
select m.t, row_number() over (partition by m.t order by q.id) as n, q.id, q.lesson_id, q.retry_limit
from classroom.questions as q
join classroom.lessons as l on l.tenant_id = q.tenant_id and l.id = q.lesson_id
join (select distinct t from members) as m on md5('tenant-' || m.t)::uuid = q.tenant_id
where q.status = 'APPROVED' and l.status = 'PUBLISHED';
create index on open_questions (t, n);
create temp table open_question_count as select t, count(*) as c from open_questions group by t;

create temp table attempts as
select md5('tenant-' || m.t)::uuid as tenant_id, m.id as student_id, oq.id as question_id, oq.lesson_id,
       oq.retry_limit, j,
       now() - interval '365 days' * bench.h(j, 'qa-t') as created_at,
       case when bench.h(j, 'qa-ok') < 0.6 then 100 else 0 end as score
from generate_series(1, round(1150000 * :scale)::integer) as j
cross join lateral (select bench.skew(bench.h(j, 'qa-u'), :members) as k) as x
join members as m on m.k = x.k and m.role = 'STUDENT'
join open_question_count as oc on oc.t = m.t
join open_questions as oq on oq.t = m.t and oq.n = 1 + floor(bench.h(j, 'qa-q') * oc.c)::integer;

insert into classroom.question_attempts (tenant_id, student_id, question_id, lesson_id, attempt_number, answer,
                                         is_correct, score, time_spent, created_at)
select tenant_id, student_id, question_id, lesson_id, attempt_number,
       case when score = 100 then '{"index": 1}'::jsonb else '{"index": 2}'::jsonb end,
       score = 100, score, 5 + j % 120, created_at
from (
    select a.*, row_number() over (partition by a.tenant_id, a.student_id, a.question_id order by a.created_at, a.j) as attempt_number
    from attempts as a
) as numbered
where attempt_number <= retry_limit;

insert into classroom.grades (tenant_id, student_id, question_id, lesson_id, score, attempts_used, max_attempts,
                              is_passed, graded_at, created_at, updated_at)
select qa.tenant_id, qa.student_id, qa.question_id, qa.lesson_id, max(qa.score), max(qa.attempt_number),
       max(q.retry_limit), max(qa.score) >= 70, max(qa.created_at), min(qa.created_at), max(qa.created_at)
from classroom.question_attempts as qa
join classroom.questions as q on q.tenant_id = qa.tenant_id and q.id = qa.question_id
group by qa.tenant_id, qa.student_id, qa.question_id, qa.lesson_id;

insert into classroom.student_progress (tenant_id, student_id, lesson_id, completion_percent, average_score,
                                        total_time_spent, last_position, started_at, created_at, updated_at)
select g.tenant_id, g.student_id, g.lesson_id,
       round((100 * bench.h(hashtext(g.student_id::text || g.lesson_id::text), 'sp'))::numeric, 2),
       round(avg(g.score), 2), 60 * count(*), 0, min(g.created_at), min(g.created_at), max(g.updated_at)
from classroom.grades as g
group by g.tenant_id, g.student_id, g.lesson_id;

insert into classroom.student_sessions (tenant_id, student_id, device_id, device_type, lesson_id, last_position,
                                        started_at, last_heartbeat_at, ended_at, created_at, updated_at)
select md5('tenant-' || m.t)::uuid, m.id, 'device-' || j, 'DESKTOP', null, 0, x.t, x.t + interval '20 minutes',
       case when j % 20 <> 0 then x.t + interval '20 minutes' end, x.t, x.t
from generate_series(1, round(200000 * :scale)::integer) as j
cross join lateral (select bench.skew(bench.h(j, 'ss-u'), :members) as k,
                           now() - interval '365 days' * bench.h(j, 'ss-t') as t) as x
join members as m on m.k = x.k;

insert into classroom.analytics_events (tenant_id, user_id, lesson_id, event_type, event_name, event_data, created_at)
select md5('tenant-' || m.t)::uuid, m.id, null,
       (array['VIDEO_PLAYBACK', 'VIDEO_PLAYBACK', 'QUESTION_INTERACTION', 'NAVIGATION', 'PERFORMANCE', 'ERROR'])[1 + j % 6]::classroom.analytics_event_type,
       'video.play', jsonb_build_object('position', j % 600),
       now() - interval '365 days' * bench.h(j, 'ae-t')
from generate_series(1, round(1000000 * :scale)::integer) as j
cross join lateral (select bench.skew(bench.h(j, 'ae-u'), :members) as k) as x
join members as m on m.k = x.k;

insert into classroom.ai_usage_logs (tenant_id, ai_configuration_id, user_id, request_type, provider, model,
                                     tokens_used, cost, response_time, success, created_at)
select md5('tenant-' || t)::uuid, md5('aicfg-' || t)::uuid, null,
       (array['QUESTION_GENERATION', 'ANSWER_GRADING', 'CONTENT_ANALYSIS', 'TRANSCRIPTION', 'EMBEDDING'])[1 + j % 5]::classroom.ai_request_type,
       'OPENAI', 'gpt-4o-mini', 100 + j % 4000, round(((100 + j % 4000) * 0.000002)::numeric, 6), 300 + j % 5000, true,
       now() - interval '365 days' * bench.h(j, 'au-t')
from generate_series(1, round(200000 * :scale)::integer) as j
cross join lateral (select 1 + floor(50 * bench.h(j, 'au-c') * bench.h(j, 'au-c'))::integer as t) as x;
