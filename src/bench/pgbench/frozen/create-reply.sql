-- FROZEN YARDSTICK (issue 20): a copy of create-reply.sql as it was on 2026-12-07, before the session checks, the
-- access facts and the reader's preferences stopped costing statements. Never edit it: the ratio that counts for
-- scenario 4 is the API's rate over this script's, so what the API caches away shows as a higher ratio, not as a
-- faster yardstick. create-reply.sql next to it follows the code and says what today's statements cost.
--
-- pgbench yardstick for scenario 4 (create a reply with an Idempotency-Key): the statements one
-- POST /api/v1/posts/{id}/replies sends to PostgreSQL, in order and in the same transactions (captured with
-- log_statement = all; run with -M prepared, as pgjdbc prepares them). The posts insert fires the same trigger that
-- keeps the thread's reply count. Hibernate's statements are copied as Hibernate writes them (constant parameters
-- written as literals); PostRepository's native query is its text verbatim (BenchmarkSqlTest checks it).
--
-- The first statement is the only one the API does not send: it draws a random (member, thread) pair from the same
-- list the Gatling feeder draws from (bench.reply_pairs = replies.csv), with the new ids the API would make.
-- The request hash, the response body and type are passed with -D, as captured from one real request.
\set n random(1, :pairs)
SELECT r.account_id AS me, r.session_id AS sid, r.thread_id AS id, r.group_id AS "group", r.author_id AS author,
       n.reply_id, n.reply_id::text AS idempotency_key, '/api/v1/posts/' || n.reply_id AS location,
       clock_timestamp() AS now
FROM bench.reply_pairs r, (SELECT gen_random_uuid() AS reply_id) n WHERE r.n = :n \gset
-- SessionCheckAugmentor: the session behind the token is live (autocommit, before the request's transaction).
SELECT a.roles FROM auth_sessions s JOIN accounts a ON a.id = s.account_id
WHERE s.id = :sid AND a.id = :me AND s.revoked_at IS NULL AND s.expires_at > now() AND a.status = 'ACTIVE'
;
-- IdempotencyFilter.reserve: IdempotencyStore.reserve (its own transaction)
BEGIN;
INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, state, created_at)
VALUES (:me, :idempotency_key, :request_hash, 'IN_PROGRESS', now())
ON CONFLICT DO NOTHING;
COMMIT;
-- PostService.reply
BEGIN;
-- PostRepository.row(thread, me)
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
-- PostRepository.findById(thread) (Hibernate)
select p1_0.id,p1_0.anonymous,p1_0.author_id,p1_0.body,p1_0.content_warnings,p1_0.created_at,p1_0.edited_at,p1_0.group_id,p1_0.language,p1_0.last_activity_at,p1_0.locked,p1_0.parent_id,p1_0.pinned,p1_0.removed_by,p1_0.reply_count,p1_0.reply_policy,p1_0.reply_to_id,p1_0.status,p1_0.support_wanted,p1_0.title,p1_0.version from posts p1_0 where p1_0.id=:id;
-- ContentScreening.screen: KeywordRuleService.firstMatch (the group's watched words)
select kr1_0.id,kr1_0.action,kr1_0.created_at,kr1_0.created_by,kr1_0.group_id,kr1_0.normalized,kr1_0.phrase from group_keyword_rules kr1_0 where kr1_0.group_id=:group order by kr1_0.created_at,kr1_0.id;
-- posts.persist(reply), flushed
insert into posts (anonymous,author_id,body,content_warnings,created_at,edited_at,group_id,language,last_activity_at,locked,parent_id,pinned,removed_by,reply_policy,reply_to_id,status,support_wanted,title,version,id) values (false,:me,:body,'{}',:now,NULL,:group,'en',:now,false,:id,false,NULL,NULL,NULL,'PUBLISHED',NULL,NULL,0,:reply_id);
-- PostRepository.row(reply, me), for the response
SELECT p.id, p.group_id, p.parent_id, p.reply_to_id, p.author_id, a.handle,
       CASE WHEN a.status = 'DELETED' THEN 'Deleted member' ELSE a.display_name END,
       'professional' = ANY (a.roles), p.title, p.body, p.language, p.content_warnings, p.anonymous,
       p.support_wanted, p.reply_policy, p.status, p.removed_by, p.pinned, p.locked, p.created_at, p.edited_at,
       p.last_activity_at, p.reply_count, p.i_believe_you, p.me_too, p.not_alone, p.sending_strength, p.thank_you,
       ARRAY(SELECT r.kind FROM reactions r WHERE r.post_id = p.id AND r.account_id = :me ORDER BY r.kind),
       p.version, p.ever_published
FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.id = :reply_id
;
COMMIT;
-- IdempotencyFilter.complete: IdempotencyStore.complete (autocommit)
UPDATE idempotency_keys SET state = 'COMPLETED', response_status = 201, response_body = :response_body, response_type = :response_type,
       response_location = :location, response_etag = :etag
WHERE account_id = :me AND idempotency_key = :idempotency_key;
