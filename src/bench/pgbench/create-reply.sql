-- pgbench yardstick for scenario 4 (create a reply with an Idempotency-Key): the statements one
-- POST /api/v1/posts/{id}/replies sends to PostgreSQL, in order and in the same transactions (captured for issue 20
-- from pgjdbc's protocol log, org.postgresql.core.v3 at FINEST, of ReplyCostTest's reply and PostsTest's reply with a
-- key; before, with log_statement = all). Run with -M prepared, as pgjdbc prepares them. The posts insert fires the
-- same trigger that keeps the thread's reply count. Hibernate's statements are copied as Hibernate writes them (constant
-- parameters written as literals); PostRepository's native query is its text verbatim (BenchmarkSqlTest checks it).
--
-- The first statement is the only one the API does not send: it draws a random (member, thread) pair from the same
-- list the Gatling feeder draws from (bench.reply_pairs = replies.csv), with the new ids the API would make (the reply's
-- and the idempotency reservation's token).
-- The request hash, the response body and type are passed with -D, as captured from one real request.
\set n random(1, :pairs)
SELECT r.account_id AS me, r.session_id AS sid, r.thread_id AS id, r.group_id AS "group", r.author_id AS author,
       n.reply_id, n.reply_id::text AS idempotency_key, '/api/v1/posts/' || n.reply_id AS location,
       n.token, clock_timestamp() AS now
FROM bench.reply_pairs r, (SELECT gen_random_uuid() AS reply_id, gen_random_uuid() AS token) n WHERE r.n = :n \gset
-- SessionCheckAugmentor: answered from this replica's memory (LiveSessions): no statement.
-- IdempotencyFilter.lookUp: IdempotencyStore.answerFor, a plain read (autocommit, before the request's transaction):
-- a new key finds nothing.
SELECT request_hash, state, response_status, response_body, response_type, response_location,
       response_etag, created_at
FROM idempotency_keys WHERE account_id = :me AND idempotency_key = :idempotency_key;
-- IdempotentTransaction: the endpoint's one transaction (QuarkusTransaction); PostService.reply joins it.
BEGIN;
-- IdempotencyStore.reserve: the reservation, its wait for a concurrent request with the same key bounded by
-- kindred.idempotency.retry-wait (3 s)
SET LOCAL lock_timeout = 3000;
INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, state, reservation, created_at)
VALUES (:me, :idempotency_key, :request_hash, 'IN_PROGRESS', :token, now())
ON CONFLICT DO NOTHING;
SET LOCAL lock_timeout TO DEFAULT;
-- PostService.reply (joins the transaction)
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
-- GroupAccess: the group's facts and the replier's membership, answered from this replica's memory (LiveGroupFacts)
-- when the same member asked about the same group in the last 30 s and nothing changed since: no statement. (When
-- not remembered: GroupRepository.factsAndStanding, one projection of groups left join memberships.)
-- BlockService.blockedEitherWay(me, author)
select count(*) from blocks b1_0 where b1_0.blocker_id=:me and b1_0.blocked_id=:author or b1_0.blocker_id=:author and b1_0.blocked_id=:me;
-- ContentScreening.screen: KeywordRuleService.firstMatch (the group's watched words)
select kr1_0.id,kr1_0.action,kr1_0.created_at,kr1_0.created_by,kr1_0.group_id,kr1_0.normalized,kr1_0.phrase,kr1_0.version from group_keyword_rules kr1_0 where kr1_0.group_id=:group order by kr1_0.created_at,kr1_0.id;
-- posts.persist(reply), flushed
insert into posts (anonymous,author_id,body,content_warnings,created_at,edited_at,ever_published,group_id,language,last_activity_at,locked,parent_id,pinned,removed_by,reply_policy,reply_to_id,status,support_wanted,title,version,id) values (false,:me,:body,'{}',:now,NULL,true,:group,'en',:now,false,:id,false,NULL,NULL,NULL,'PUBLISHED',NULL,NULL,0,:reply_id);
-- NotificationObservers.onPostCreated: NotificationRepository.deliver (the thread's participants and followers)
WITH recipients AS (((SELECT author_id AS id FROM posts WHERE id = :id OR parent_id = :id
 UNION SELECT account_id FROM thread_subscriptions WHERE thread_id = :id AND mode = 'FOLLOW')
EXCEPT SELECT account_id FROM thread_subscriptions WHERE thread_id = :id AND mode = 'MUTE') EXCEPT SELECT muter_id FROM mutes WHERE muted_id = :me EXCEPT SELECT blocker_id FROM blocks WHERE blocked_id = :me EXCEPT SELECT blocked_id FROM blocks WHERE blocker_id = :me),
ins AS (
    INSERT INTO notifications (id, recipient_id, kind, group_id, thread_id, post_id, report_id, outcome,
                               group_key, silent, created_at, updated_at, journal_entry_id, days_left)
    SELECT gen_random_uuid(), r.id, 'REPLY', :group, :id, :reply_id, NULL, NULL, NULL,
           COALESCE(CASE WHEN s.quiet_from IS NULL OR s.quiet_until IS NULL THEN false
                         WHEN s.quiet_from <= s.quiet_until
                         THEN lt.t >= s.quiet_from AND lt.t < s.quiet_until
                         ELSE lt.t >= s.quiet_from OR lt.t < s.quiet_until END, false),
           :now, :now, NULL, NULL
    FROM (SELECT DISTINCT id FROM recipients) r
    JOIN accounts a ON a.id = r.id AND a.status = 'ACTIVE'
    LEFT JOIN notification_settings s ON s.account_id = r.id
    LEFT JOIN LATERAL (SELECT CAST(CAST(:now AS timestamptz) AT TIME ZONE s.time_zone AS time) AS t) lt
        ON true
    WHERE r.id <> :me AND NOT (CAST('REPLY' AS text) = ANY (COALESCE(s.disabled_kinds, '{}')))
    ON CONFLICT (recipient_id, group_key) WHERE read_at IS NULL AND group_key IS NOT NULL
    DO UPDATE SET count = notifications.count + 1, updated_at = EXCLUDED.updated_at,
                  seq = nextval('notifications_seq'), post_id = EXCLUDED.post_id,
                  report_id = EXCLUDED.report_id, silent = EXCLUDED.silent
    RETURNING recipient_id)
SELECT count(*) FROM (SELECT pg_notify('kindred_notifications', CAST(x.rid AS text))
                      FROM (SELECT DISTINCT recipient_id AS rid FROM ins) x) n;
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
-- IdempotentTransaction.storeResponse: IdempotencyStore.complete, in the same transaction
UPDATE idempotency_keys SET state = 'COMPLETED', response_status = 201, response_body = :response_body, response_type = :response_type,
       response_location = :location, response_etag = :etag
WHERE account_id = :me AND idempotency_key = :idempotency_key AND reservation = :token;
-- The one commit: the reply, its reservation and its stored response together.
COMMIT;
