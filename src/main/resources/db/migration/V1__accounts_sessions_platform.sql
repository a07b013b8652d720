-- Accounts, sessions (refresh-token families) and the platform tables: idempotency keys and shared rate limits.

CREATE TABLE accounts (
    id                      uuid PRIMARY KEY,
    email                   varchar(254) NOT NULL,            -- normalised to lower case; never shown to other members
    password_hash           varchar(255) NOT NULL,            -- Argon2id, PHC string format
    handle                  varchar(30)  NOT NULL,            -- public pseudonym
    display_name            varchar(50),
    country                 varchar(2),
    languages               text[]       NOT NULL DEFAULT '{}',
    birth_year              integer,
    hidden_content_warnings text[]       NOT NULL DEFAULT '{}',
    roles                   text[]       NOT NULL DEFAULT '{member}',
    status                  varchar(16)  NOT NULL DEFAULT 'ACTIVE',
    guidelines_version      integer      NOT NULL,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    password_changed_at     timestamptz  NOT NULL,
    version                 bigint       NOT NULL DEFAULT 0,
    CONSTRAINT accounts_status_check CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
    CONSTRAINT accounts_handle_check CHECK (handle ~ '^[a-z0-9_]{3,30}$'),
    CONSTRAINT accounts_roles_check CHECK (roles <@ ARRAY['member', 'professional', 'admin']::text[] AND 'member' = ANY (roles))
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
CREATE UNIQUE INDEX accounts_handle_key ON accounts (handle);

-- What each account agreed to, and when (community guidelines; later other consents).
CREATE TABLE consents (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        varchar(32) NOT NULL,
    version     integer     NOT NULL,
    accepted_at timestamptz NOT NULL,
    CONSTRAINT consents_kind_check CHECK (kind IN ('COMMUNITY_GUIDELINES'))
);
CREATE INDEX consents_account_idx ON consents (account_id);

-- A session is one sign-in: a family of rotating refresh tokens. Access tokens name their session (sid claim),
-- so revoking a session stops its access tokens at once.
CREATE TABLE auth_sessions (
    id            uuid PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoke_reason varchar(32),
    CONSTRAINT auth_sessions_reason_check CHECK (revoke_reason IN
        ('LOGOUT', 'REFRESH_TOKEN_REUSE', 'PASSWORD_CHANGED', 'ACCOUNT_SUSPENDED', 'ACCOUNT_DELETED'))
);
CREATE INDEX auth_sessions_account_idx ON auth_sessions (account_id);
CREATE INDEX auth_sessions_expires_idx ON auth_sessions (expires_at);

-- Refresh tokens are stored as SHA-256 hashes only.
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Idempotency-Key records: the first response to a creating POST, replayed for 24 h.
CREATE TABLE idempotency_keys (
    account_id       uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idempotency_key  varchar(255) NOT NULL,
    request_hash     bytea        NOT NULL,
    state            varchar(16)  NOT NULL,
    response_status  integer,
    response_body    bytea,
    response_type    varchar(100),
    response_location varchar(2048),
    response_etag    varchar(100),
    created_at       timestamptz  NOT NULL,
    PRIMARY KEY (account_id, idempotency_key),
    CONSTRAINT idempotency_keys_state_check CHECK (state IN ('IN_PROGRESS', 'COMPLETED'))
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Token buckets shared by all replicas (bucket4j), for the throttles that must hold across replicas:
-- login, registration, password changes, reports, exports.
CREATE TABLE rate_limit_buckets (
    id         varchar(200) PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
