-- Reports, the moderators' queue, warnings and group keyword rules.

-- One row per (reporter, target) while open: a second report of the same target by the same member merges into it.
-- System reports (reporter_id NULL) put held-for-care, held-by-keyword and flagged posts into the moderators' queue.
CREATE TABLE reports (
    id              uuid PRIMARY KEY,
    group_id        uuid REFERENCES groups (id),         -- whose moderators handle it; NULL: platform admins
    target_type     varchar(16)   NOT NULL,
    target_id       uuid          NOT NULL,
    target_account_id uuid REFERENCES accounts (id),     -- the author or account reported (never shown to them)
    reporter_id     uuid REFERENCES accounts (id) ON DELETE SET NULL,
    source          varchar(16)   NOT NULL,
    reason          varchar(24)   NOT NULL,
    details         varchar(2000),
    status          varchar(16)   NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    resolved_at     timestamptz,
    resolved_by     uuid REFERENCES accounts (id),
    resolution      varchar(24),
    resolution_note varchar(1000),
    CONSTRAINT reports_target_check CHECK (target_type IN ('POST', 'ACCOUNT', 'GROUP')),
    CONSTRAINT reports_source_check CHECK (source IN ('MEMBER', 'SAFETY_CHECK', 'KEYWORD_RULE')),
    CONSTRAINT reports_reason_check CHECK (reason IN ('HARASSMENT', 'HATE', 'SPAM', 'PRIVACY', 'ILLEGAL',
        'WELLBEING_CONCERN', 'OTHER')),
    CONSTRAINT reports_status_check CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
    CONSTRAINT reports_reporter_check CHECK ((source = 'MEMBER') = (reporter_id IS NOT NULL) OR status <> 'OPEN')
);
CREATE UNIQUE INDEX reports_open_member_key ON reports (target_type, target_id, reporter_id)
    WHERE status = 'OPEN' AND reporter_id IS NOT NULL;
CREATE UNIQUE INDEX reports_open_system_key ON reports (target_type, target_id, source)
    WHERE status = 'OPEN' AND reporter_id IS NULL;
CREATE INDEX reports_queue_idx ON reports (group_id, status, target_type, target_id);
CREATE INDEX reports_target_idx ON reports (target_type, target_id, status);
CREATE INDEX reports_reporter_idx ON reports (reporter_id, created_at DESC);

-- A warning a moderator gave a member; the member sees it and its reason (never who reported them).
CREATE TABLE warnings (
    id         uuid PRIMARY KEY,
    group_id   uuid          NOT NULL REFERENCES groups (id),
    account_id uuid          NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    post_id    uuid REFERENCES posts (id),
    reason     varchar(1000) NOT NULL,
    issued_by  uuid REFERENCES accounts (id),
    created_at timestamptz   NOT NULL
);
CREATE INDEX warnings_account_idx ON warnings (account_id, created_at DESC, id DESC);

-- Watched words: BLOCK refuses a post (422 naming the rule), HOLD waits for approval, FLAG publishes and queues it.
CREATE TABLE group_keyword_rules (
    id         uuid PRIMARY KEY,
    group_id   uuid         NOT NULL REFERENCES groups (id),
    phrase     varchar(100) NOT NULL,
    normalized varchar(100) NOT NULL,      -- lower case, accents removed, punctuation as spaces
    action     varchar(8)   NOT NULL,
    created_by uuid REFERENCES accounts (id),
    created_at timestamptz  NOT NULL,
    CONSTRAINT group_keyword_rules_action_check CHECK (action IN ('BLOCK', 'HOLD', 'FLAG')),
    CONSTRAINT group_keyword_rules_phrase_check CHECK (length(btrim(normalized)) > 0)
);
CREATE UNIQUE INDEX group_keyword_rules_key ON group_keyword_rules (group_id, normalized);

-- Entries about care for someone in crisis are for moderators only: members never learn a post was held.
ALTER TABLE moderation_log ADD COLUMN visible_to_members boolean NOT NULL DEFAULT true;
