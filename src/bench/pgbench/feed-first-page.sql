-- pgbench yardstick for scenario 1 (feed page 1): the statements one GET /api/v1/groups/{groupId}/posts sends to
-- PostgreSQL, in order and in the same transactions (captured with log_statement = all; run with -M prepared, as
-- pgjdbc prepares them). Hibernate's statements are copied as Hibernate writes them; PostRepository's native query
-- is its text verbatim (BenchmarkSqlTest fails when the code and this file differ).
--
-- The first statement is the only one the API does not send: it draws a random (reader, group) pair from the same
-- list the Gatling feeder draws from (bench.feed_pairs = readers.csv), standing in for the token and the URL.
\set n random(1, :pairs)
\set limit 21
SELECT account_id AS me, session_id AS sid, group_id AS "group" FROM bench.feed_pairs WHERE n = :n \gset
-- SessionCheckAugmentor: answered from this replica's memory (LiveSessions) when the same session was checked in the
-- last 30 s and nothing changed since, as for nearly every request of the benchmark's readers: no statement. (When
-- not remembered: SELECT a.roles, a.guidelines_version, s.expires_at, a.content_warning_mode,
-- a.hidden_content_warnings FROM auth_sessions s JOIN accounts a ..., in autocommit before the transaction.)
BEGIN;
-- GroupAccess: the group's facts and the reader's membership, answered from this replica's memory (LiveGroupFacts)
-- when the same reader asked about the same group in the last 30 s and nothing changed since, as for most requests
-- of the benchmark's readers: no statement. (When not remembered: GroupRepository.factsAndStanding, select
-- g1_0.id, ... from groups g1_0 left join memberships m1_0 ... where g1_0.id=?, one projection.)
-- The reader's content-warning preferences come with the session check (ReadingPreferences): no statement.
-- PostRepository.feedQuery(group, me, NEW, first page, 21)
SELECT p.id, p.group_id, p.parent_id, p.reply_to_id, p.author_id, a.handle,
       CASE WHEN a.status = 'DELETED' THEN 'Deleted member' ELSE a.display_name END,
       'professional' = ANY (a.roles), p.title, p.body, p.language, p.content_warnings, p.anonymous,
       p.support_wanted, p.reply_policy, p.status, p.removed_by, p.pinned, p.locked, p.created_at, p.edited_at,
       p.last_activity_at, p.reply_count, p.i_believe_you, p.me_too, p.not_alone, p.sending_strength, p.thank_you,
       ARRAY(SELECT r.kind FROM reactions r WHERE r.post_id = p.id AND r.account_id = :me ORDER BY r.kind),
       p.version, p.ever_published
FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.group_id = :group AND p.parent_id IS NULL AND (p.status = 'PUBLISHED' OR p.status = 'REMOVED' AND p.ever_published AND (p.parent_id IS NOT NULL OR p.reply_count > 0)
     OR p.author_id = :me AND p.status IN ('PENDING_APPROVAL', 'HELD_FOR_CARE', 'HIDDEN'))
AND (p.author_id = :me OR NOT p.content_warnings && (SELECT hidden_content_warnings FROM accounts WHERE id = :me)
     OR (SELECT content_warning_mode FROM accounts WHERE id = :me) = 'COLLAPSE')
AND (p.anonymous OR p.author_id <> ALL (ARRAY(SELECT blocked_id FROM blocks WHERE blocker_id = :me
                              UNION ALL SELECT blocker_id FROM blocks WHERE blocked_id = :me
                              UNION ALL SELECT muted_id FROM mutes WHERE muter_id = :me)))
AND (p.author_id = :me OR NOT COALESCE((COALESCE(p.title, '') || ' ' || p.body) ~
     (SELECT string_agg(pattern, '|') FROM keyword_mutes
      WHERE account_id = :me AND (expires_at IS NULL OR expires_at > now())), false)) ORDER BY p.pinned DESC, p.created_at DESC, p.id DESC LIMIT :limit
;
COMMIT;
