-- pgbench reference for scenario 1 (issue 20): the bare latest-21 query of a group's feed, without the session check,
-- the group and membership lookups, the reactions, the author join or any visibility filter. What a feed page can
-- never be cheaper than; "the feed's own SQL" (feed-first-page.sql) is measured against it.
--
-- The first statement draws the same random (reader, group) pair as feed-first-page.sql.
\set n random(1, :pairs)
SELECT group_id AS "group" FROM bench.feed_pairs WHERE n = :n \gset
SELECT p.* FROM posts p WHERE p.group_id = :group AND p.parent_id IS NULL
ORDER BY p.pinned DESC, p.created_at DESC, p.id DESC LIMIT 21;
