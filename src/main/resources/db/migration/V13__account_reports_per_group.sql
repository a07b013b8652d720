-- A member's open report about an account is per place: one in each group they report it in, one platform-wide
-- (group_id NULL). Before, a report in group B merged into the open report in group A, so B's moderators never saw it.
DROP INDEX reports_open_member_key;
CREATE UNIQUE INDEX reports_open_member_key ON reports
    (target_type, target_id, reporter_id, COALESCE(group_id, '00000000-0000-0000-0000-000000000000'::uuid))
    WHERE status = 'OPEN' AND reporter_id IS NOT NULL;
