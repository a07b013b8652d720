-- Posts and replies, supportive reactions, edit history, and blocks between members.

CREATE TABLE posts (
    id                 uuid PRIMARY KEY,
    group_id           uuid          NOT NULL REFERENCES groups (id),
    author_id          uuid          NOT NULL REFERENCES accounts (id),  -- kept for anonymous posts too (moderators see it)
    parent_id          uuid REFERENCES posts (id),                        -- null for a thread's first post
    reply_to_id        uuid REFERENCES posts (id),                        -- for replies: the reply being answered
    title              varchar(200),
    body               text          NOT NULL,
    language           varchar(35)   NOT NULL,
    content_warnings   text[]        NOT NULL DEFAULT '{}',
    anonymous          boolean       NOT NULL DEFAULT false,
    support_wanted     varchar(16),
    reply_policy       varchar(24),
    status             varchar(20)   NOT NULL,
    removed_by         varchar(16),
    pinned             boolean       NOT NULL DEFAULT false,
    locked             boolean       NOT NULL DEFAULT false,
    created_at         timestamptz   NOT NULL,
    edited_at          timestamptz,
    last_activity_at   timestamptz   NOT NULL,
    reply_count        integer       NOT NULL DEFAULT 0,
    i_believe_you      integer       NOT NULL DEFAULT 0,
    me_too             integer       NOT NULL DEFAULT 0,
    not_alone          integer       NOT NULL DEFAULT 0,
    sending_strength   integer       NOT NULL DEFAULT 0,
    thank_you          integer       NOT NULL DEFAULT 0,
    version            bigint        NOT NULL DEFAULT 0,
    CONSTRAINT posts_body_check CHECK (char_length(body) BETWEEN 1 AND 10000),
    CONSTRAINT posts_status_check CHECK (status IN ('PUBLISHED', 'PENDING_APPROVAL', 'HELD_FOR_CARE', 'HIDDEN', 'REMOVED')),
    CONSTRAINT posts_removed_by_check CHECK (removed_by IN ('AUTHOR', 'MODERATOR')),
    CONSTRAINT posts_support_check CHECK (support_wanted IN ('LISTENING', 'ADVICE', 'RESOURCES', 'SOLIDARITY')),
    CONSTRAINT posts_policy_check CHECK (reply_policy IN ('GROUP', 'FACILITATORS_ONLY', 'CLOSED')),
    CONSTRAINT posts_thread_check CHECK ((parent_id IS NULL AND reply_to_id IS NULL AND reply_policy IS NOT NULL)
        OR (parent_id IS NOT NULL AND reply_policy IS NULL AND support_wanted IS NULL AND title IS NULL)),
    CONSTRAINT posts_counts_check CHECK (reply_count >= 0 AND i_believe_you >= 0 AND me_too >= 0 AND not_alone >= 0
        AND sending_strength >= 0 AND thank_you >= 0)
);
-- The feed, both sorts: pinned first, then newest (or most recently active) first; keyset on (pinned, key, id).
CREATE INDEX posts_feed_new_idx ON posts (group_id, pinned DESC, created_at DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX posts_feed_active_idx ON posts (group_id, pinned DESC, last_activity_at DESC, id DESC) WHERE parent_id IS NULL;
-- A thread's replies, oldest first.
CREATE INDEX posts_replies_idx ON posts (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
CREATE INDEX posts_author_idx ON posts (author_id, created_at DESC);

CREATE TABLE post_revisions (
    id               uuid PRIMARY KEY,
    post_id          uuid         NOT NULL REFERENCES posts (id),
    title            varchar(200),
    body             text         NOT NULL,
    content_warnings text[]       NOT NULL,
    replaced_at      timestamptz  NOT NULL
);
CREATE INDEX post_revisions_post_idx ON post_revisions (post_id, replaced_at DESC, id DESC);

CREATE TABLE reactions (
    post_id    uuid        NOT NULL REFERENCES posts (id),
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       varchar(20) NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, account_id, kind),
    CONSTRAINT reactions_kind_check CHECK (kind IN ('I_BELIEVE_YOU', 'ME_TOO', 'NOT_ALONE', 'SENDING_STRENGTH', 'THANK_YOU'))
);
CREATE INDEX reactions_account_idx ON reactions (account_id);

-- blocker no longer sees blocked's posts and replies; blocked cannot reply to or react to blocker's posts (and
-- no longer sees them either). Both directions are applied to every list.
CREATE TABLE blocks (
    blocker_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    blocked_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT blocks_not_self CHECK (blocker_id <> blocked_id)
);
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id);

-- Reaction counters on the post row follow the reactions table exactly, however many arrive at once.
CREATE FUNCTION reactions_count() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    delta integer := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
    r     reactions := CASE TG_OP WHEN 'INSERT' THEN NEW ELSE OLD END;
BEGIN
    UPDATE posts SET
        i_believe_you    = i_believe_you    + CASE WHEN r.kind = 'I_BELIEVE_YOU'    THEN delta ELSE 0 END,
        me_too           = me_too           + CASE WHEN r.kind = 'ME_TOO'           THEN delta ELSE 0 END,
        not_alone        = not_alone        + CASE WHEN r.kind = 'NOT_ALONE'        THEN delta ELSE 0 END,
        sending_strength = sending_strength + CASE WHEN r.kind = 'SENDING_STRENGTH' THEN delta ELSE 0 END,
        thank_you        = thank_you        + CASE WHEN r.kind = 'THANK_YOU'        THEN delta ELSE 0 END
    WHERE id = r.post_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER reactions_count AFTER INSERT OR DELETE ON reactions FOR EACH ROW EXECUTE FUNCTION reactions_count();

-- reply_count (published replies) and last_activity_at on the thread; post_count (published threads) on the group.
CREATE FUNCTION posts_count_published() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    was boolean := TG_OP = 'UPDATE' AND OLD.status = 'PUBLISHED';
    now_published boolean := NEW.status = 'PUBLISHED';
BEGIN
    IF was = now_published THEN
        RETURN NULL;
    END IF;
    IF NEW.parent_id IS NULL THEN
        UPDATE groups SET post_count = post_count + CASE WHEN now_published THEN 1 ELSE -1 END WHERE id = NEW.group_id;
    ELSE
        UPDATE posts SET reply_count = reply_count + CASE WHEN now_published THEN 1 ELSE -1 END,
                         last_activity_at = CASE WHEN now_published THEN greatest(last_activity_at, NEW.created_at)
                                                 ELSE last_activity_at END
        WHERE id = NEW.parent_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER posts_count_published AFTER INSERT OR UPDATE OF status ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_count_published();
