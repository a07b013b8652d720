-- FROZEN YARDSTICK (issue 20): a copy of thread-page.sql as it was on 2026-12-07, before the session checks, the
-- access facts and the reader's preferences stopped costing statements. Never edit it: the ratio that counts for
-- scenario 3 is the API's rate over this script's, so what the API caches away shows as a higher ratio, not as a
-- faster yardstick. thread-page.sql next to it follows the code and says what today's statements cost.
--
-- pgbench yardstick for scenario 3 (a post with its first 20 replies): the statements of GET /api/v1/posts/{id}
-- followed by GET /api/v1/posts/{id}/replies?limit=20, in order and in the same transactions (captured with
-- log_statement = all; run with -M prepared, as pgjdbc prepares them). One pgbench transaction is one page view.
-- Hibernate's statements are copied as Hibernate writes them; PostRepository's native queries are their text
-- verbatim (BenchmarkSqlTest fails when the code and this file differ).
--
-- The first statement is the only one the API does not send: it draws a random (reader, thread) pair from the same
-- list the Gatling feeder draws from (bench.thread_pairs = threads.csv), standing in for the token and the URL.
\set n random(1, :pairs)
\set limit 21
SELECT account_id AS me, session_id AS sid, thread_id AS id, thread_id AS thread, group_id AS "group",
       author_id AS author FROM bench.thread_pairs WHERE n = :n \gset
-- GET /api/v1/posts/{id} (PostService.get)
-- SessionCheckAugmentor: the session behind the token is live (autocommit, before the request's transaction).
SELECT a.roles FROM auth_sessions s JOIN accounts a ON a.id = s.account_id
WHERE s.id = :sid AND a.id = :me AND s.revoked_at IS NULL AND s.expires_at > now() AND a.status = 'ACTIVE'
;
BEGIN;
-- PostRepository.row(id, me)
SELECT p.id, p.group_id, p.parent_id, p.reply_to_id, p.author_id, a.handle,
       CASE WHEN a.status = 'DELETED' THEN 'Deleted member' ELSE a.display_name END,
       'professional' = ANY (a.roles), p.title, p.body, p.language, p.content_warnings, p.anonymous,
       p.support_wanted, p.reply_policy, p.status, p.removed_by, p.pinned, p.locked, p.created_at, p.edited_at,
       p.last_activity_at, p.reply_count, p.i_believe_you, p.me_too, p.not_alone, p.sending_strength, p.thank_you,
       ARRAY(SELECT r.kind FROM reactions r WHERE r.post_id = p.id AND r.account_id = :me ORDER BY r.kind),
       p.version, p.ever_published
FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.id = :id
;
select g1_0.id,g1_0.archived_at,g1_0.bases,g1_0.created_at,g1_0.created_by,g1_0.description,g1_0.facilitated,g1_0.language,g1_0.member_count,g1_0.name,g1_0.post_count,g1_0.rules,g1_0.rules_version,g1_0.slug,g1_0.topics,g1_0.updated_at,g1_0.version,g1_0.visibility from groups g1_0 where g1_0.id=:group;
select m1_0.group_id,m1_0.account_id,m1_0.banned_until,m1_0.decided_at,m1_0.decided_by,m1_0.decision_reason,m1_0.joined_at,m1_0.request_message,m1_0.requested_at,m1_0.role,m1_0.rules_version_accepted,m1_0.status,m1_0.version from memberships m1_0 where (m1_0.group_id,m1_0.account_id) in ((:group,:me));
-- BlockService.blockedEitherWay(me, author)
select count(*) from blocks b1_0 where b1_0.blocker_id=:me and b1_0.blocked_id=:author or b1_0.blocker_id=:author and b1_0.blocked_id=:me;
COMMIT;
-- GET /api/v1/posts/{id}/replies?limit=20 (PostService.replies)
-- SessionCheckAugmentor: the session behind the token is live (autocommit, before the request's transaction).
SELECT a.roles FROM auth_sessions s JOIN accounts a ON a.id = s.account_id
WHERE s.id = :sid AND a.id = :me AND s.revoked_at IS NULL AND s.expires_at > now() AND a.status = 'ACTIVE'
;
BEGIN;
-- PostRepository.row(id, me)
SELECT p.id, p.group_id, p.parent_id, p.reply_to_id, p.author_id, a.handle,
       CASE WHEN a.status = 'DELETED' THEN 'Deleted member' ELSE a.display_name END,
       'professional' = ANY (a.roles), p.title, p.body, p.language, p.content_warnings, p.anonymous,
       p.support_wanted, p.reply_policy, p.status, p.removed_by, p.pinned, p.locked, p.created_at, p.edited_at,
       p.last_activity_at, p.reply_count, p.i_believe_you, p.me_too, p.not_alone, p.sending_strength, p.thank_you,
       ARRAY(SELECT r.kind FROM reactions r WHERE r.post_id = p.id AND r.account_id = :me ORDER BY r.kind),
       p.version, p.ever_published
FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.id = :id
;
select g1_0.id,g1_0.archived_at,g1_0.bases,g1_0.created_at,g1_0.created_by,g1_0.description,g1_0.facilitated,g1_0.language,g1_0.member_count,g1_0.name,g1_0.post_count,g1_0.rules,g1_0.rules_version,g1_0.slug,g1_0.topics,g1_0.updated_at,g1_0.version,g1_0.visibility from groups g1_0 where g1_0.id=:group;
select m1_0.group_id,m1_0.account_id,m1_0.banned_until,m1_0.decided_at,m1_0.decided_by,m1_0.decision_reason,m1_0.joined_at,m1_0.request_message,m1_0.requested_at,m1_0.role,m1_0.rules_version_accepted,m1_0.status,m1_0.version from memberships m1_0 where (m1_0.group_id,m1_0.account_id) in ((:group,:me));
select count(*) from blocks b1_0 where b1_0.blocker_id=:me and b1_0.blocked_id=:author or b1_0.blocker_id=:author and b1_0.blocked_id=:me;
-- PostRepository.repliesQuery(thread, me, first page, 21)
SELECT p.id, p.group_id, p.parent_id, p.reply_to_id, p.author_id, a.handle,
       CASE WHEN a.status = 'DELETED' THEN 'Deleted member' ELSE a.display_name END,
       'professional' = ANY (a.roles), p.title, p.body, p.language, p.content_warnings, p.anonymous,
       p.support_wanted, p.reply_policy, p.status, p.removed_by, p.pinned, p.locked, p.created_at, p.edited_at,
       p.last_activity_at, p.reply_count, p.i_believe_you, p.me_too, p.not_alone, p.sending_strength, p.thank_you,
       ARRAY(SELECT r.kind FROM reactions r WHERE r.post_id = p.id AND r.account_id = :me ORDER BY r.kind),
       p.version, p.ever_published
FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.parent_id = :thread AND (p.status = 'PUBLISHED' OR p.status = 'REMOVED' AND p.ever_published AND (p.parent_id IS NOT NULL OR p.reply_count > 0)
     OR p.author_id = :me AND p.status IN ('PENDING_APPROVAL', 'HELD_FOR_CARE', 'HIDDEN'))
AND (p.author_id = :me OR NOT p.content_warnings && (SELECT hidden_content_warnings FROM accounts WHERE id = :me)
     OR (SELECT content_warning_mode FROM accounts WHERE id = :me) = 'COLLAPSE')
AND (p.anonymous OR p.author_id <> ALL (ARRAY(SELECT blocked_id FROM blocks WHERE blocker_id = :me
                              UNION ALL SELECT blocker_id FROM blocks WHERE blocked_id = :me
                              UNION ALL SELECT muted_id FROM mutes WHERE muter_id = :me)))
AND (p.author_id = :me OR NOT COALESCE((COALESCE(p.title, '') || ' ' || p.body) ~
     (SELECT string_agg(pattern, '|') FROM keyword_mutes
      WHERE account_id = :me AND (expires_at IS NULL OR expires_at > now())), false)) ORDER BY p.created_at, p.id LIMIT :limit
;
COMMIT;
