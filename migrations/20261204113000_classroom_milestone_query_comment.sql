-- classroom: the seed's milestone lookup ("Get milestones for video
-- playback") has COUNT(q.id) and no GROUP BY; the obvious fix, `group by
-- m.id`, fails with 42803 here because a milestone's key is (tenant_id, id),
-- not id (Postgres lets the other columns of m be selected only when the
-- GROUP BY holds the whole primary key). The working form goes in the
-- table's comment, so docs/ shows it.

comment on table classroom.milestones is
'Interactive checkpoints at a point in time of a video; playback pauses there for the questions. The key is (tenant_id, id), so the seed''s milestone lookup groups by both: select m.id, m.timestamp, m.title, m.is_required, count(q.id) as question_count from milestones m left join questions q on q.tenant_id = m.tenant_id and q.milestone_id = m.id and q.status = ''APPROVED'' where m.video_id = $1 group by m.tenant_id, m.id order by m.timestamp. (`group by m.id` alone fails with 42803: m.id is not the whole key.)';
