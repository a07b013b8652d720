-- pgbench yardstick for scenario 3 (a thread page: a post with its first 20 replies): the statements of
-- GET /api/v1/posts/{id}/thread?limit=20, the thread page in one request, in order and in the same transaction (as
-- ThreadPageCostTest records them; run with -M prepared, as pgjdbc prepares them). One pgbench transaction is one page
-- view. Until 2026-12-07 an app needed two requests for it (GET /posts/{id}, then GET /posts/{id}/replies), each with
-- its own transaction that read the thread, the group and blocks again: frozen/thread-page.sql holds those.
-- Hibernate's statements are copied as Hibernate writes them; PostRepository's native queries are their text
-- verbatim (BenchmarkSqlTest fails when the code and this file differ).
--
-- The first statement is the only one the API does not send: it draws a random (reader, thread) pair from the same
-- list the Gatling feeder draws from (bench.thread_pairs = threads.csv), standing in for the token and the URL.
\set n random(1, :pairs)
\set limit 21
SELECT account_id AS me, session_id AS sid, thread_id AS id, thread_id AS thread, group_id AS "group",
       author_id AS author FROM bench.thread_pairs WHERE n = :n \gset
-- GET /api/v1/posts/{id}/thread?limit=20 (PostService.thread)
-- SessionCheckAugmentor: answered from this replica's memory (LiveSessions): no statement.
BEGIN;
-- PostAccess.requireVisibleThread: PostRepository.row(id, me)
SELECT p.id, p.group_id, p.parent_id, p.reply_to_id, p.author_id, a.handle,
       CASE WHEN a.status = 'DELETED' THEN 'Deleted member' ELSE a.display_name END,
       'professional' = ANY (a.roles), p.title, p.body, p.language, p.content_warnings, p.anonymous,
       p.support_wanted, p.reply_policy, p.status, p.removed_by, p.pinned, p.locked, p.created_at, p.edited_at,
       p.last_activity_at, p.reply_count, p.i_believe_you, p.me_too, p.not_alone, p.sending_strength, p.thank_you,
       ARRAY(SELECT r.kind FROM reactions r WHERE r.post_id = p.id AND r.account_id = :me ORDER BY r.kind),
       p.version, p.ever_published
FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.id = :id
;
-- GroupAccess: the group's facts and the reader's membership, answered from this replica's memory (LiveGroupFacts)
-- when the same reader asked about the same group in the last 30 s and nothing changed since, as for most requests
-- of the benchmark's readers: no statement. (When not remembered: GroupRepository.factsAndStanding, select
-- g1_0.id, ... from groups g1_0 left join memberships m1_0 ... where g1_0.id=?, one projection.)
-- BlockService.blockedEitherWay(me, author)
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
