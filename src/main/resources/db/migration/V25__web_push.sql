-- Web Push subscriptions (issue 16): one row per browser or app install that asked to be woken when a notification
-- arrives. A push says only that something is new (count, newest notification's id and kind); the app fetches the
-- inbox. The endpoint URL is a capability of the push service, never shown back in full.
CREATE TABLE push_subscriptions (
    id               uuid         PRIMARY KEY,
    account_id       uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    endpoint         varchar(2048) NOT NULL,
    p256dh           bytea        NOT NULL,   -- the user agent's P-256 public key (65 bytes, uncompressed)
    auth             bytea        NOT NULL,   -- the user agent's authentication secret (16 bytes)
    device_label     varchar(64),
    pushed_seq       bigint       NOT NULL,   -- the newest notification (stream position) this device was woken for
    next_attempt_at  timestamptz  NOT NULL,
    lease_until      timestamptz,             -- a worker is sending; others skip it until then
    failures         integer      NOT NULL DEFAULT 0,
    last_status      integer,
    last_success_at  timestamptz,
    created_at       timestamptz  NOT NULL
);
-- A push endpoint is one browser profile: whoever subscribes it last receives its pushes.
CREATE UNIQUE INDEX push_subscriptions_endpoint ON push_subscriptions (endpoint);
CREATE INDEX push_subscriptions_account ON push_subscriptions (account_id);
CREATE INDEX push_subscriptions_due ON push_subscriptions (next_attempt_at);
