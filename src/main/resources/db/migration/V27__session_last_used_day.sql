-- A session's last use is kept as a day (its start, UTC), never a finer time: the sessions list shows "last used" as a
-- day and Kindred keeps no trail of a member's activity. Sessions written before this keep only their day too.
UPDATE auth_sessions
SET last_used_at = date_trunc('day', last_used_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
WHERE last_used_at <> date_trunc('day', last_used_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
