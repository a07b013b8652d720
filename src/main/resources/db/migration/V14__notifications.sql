-- Notifications: content-free pointers (kind, ids, a count, times) delivered to one member. Never post text, titles,
-- names, reasons or who did anything: the client reads the content through the normal endpoints, which check
-- permissions at read time.
CREATE SEQUENCE notifications_seq;

CREATE TABLE notifications (
    id            uuid        PRIMARY KEY,
    seq           bigint      NOT NULL DEFAULT nextval('notifications_seq'), -- stream position (SSE event id, cursor)
    recipient_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind          varchar(32) NOT NULL,
    group_id      uuid,
    thread_id     uuid,
    post_id       uuid,
    report_id     uuid,
    outcome       varchar(16),                 -- REPORT_OUTCOME only: ACTION_TAKEN or NO_ACTION
    count         integer     NOT NULL DEFAULT 1 CHECK (count >= 1),
    group_key     varchar(80),                 -- unread notifications with the same key merge (reactions to a post)
    silent        boolean     NOT NULL DEFAULT false, -- delivered in the member's quiet hours: no sound, no push
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    read_at       timestamptz
);
CREATE UNIQUE INDEX notifications_seq_key ON notifications (seq);
CREATE INDEX notifications_inbox ON notifications (recipient_id, seq DESC);
CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_unread_group ON notifications (recipient_id, group_key)
    WHERE read_at IS NULL AND group_key IS NOT NULL;
CREATE INDEX notifications_post ON notifications (post_id) WHERE post_id IS NOT NULL;

-- What a member wants to be told. No row: every kind on, no quiet hours.
CREATE TABLE notification_settings (
    account_id      uuid        PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    disabled_kinds  text[]      NOT NULL DEFAULT '{}',
    quiet_from      time,
    quiet_until     time,
    time_zone       varchar(64) NOT NULL DEFAULT 'UTC',
    version         integer     NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL
);

-- A member's explicit choice for one thread. No row: follow threads I started or replied to, nothing else.
CREATE TABLE thread_subscriptions (
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    thread_id   uuid        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    mode        varchar(8)  NOT NULL CHECK (mode IN ('FOLLOW', 'MUTE')),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, thread_id)
);
CREATE INDEX thread_subscriptions_thread ON thread_subscriptions (thread_id, mode);
