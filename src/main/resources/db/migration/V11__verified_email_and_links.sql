-- Verified e-mail, registration by link, password reset and confirmed e-mail changes (README "Accounts: e-mail").

-- When the address was last proved reachable (a link mailed to it was followed). Accounts from before this version
-- start unverified; a password reset needs a verified address.
ALTER TABLE accounts ADD COLUMN email_verified_at timestamptz;

-- A registration waits here until the link mailed to its address is followed; only then does an account exist.
-- Registration answers alike whether or not the address already has an account (the owner gets a notice instead of a
-- link, and the row for it can never be confirmed: nobody holds its token). Link tokens are stored as SHA-256 only.
CREATE TABLE pending_registrations (
    token_hash         bytea PRIMARY KEY,
    email              varchar(254) NOT NULL,
    password_hash      varchar(255) NOT NULL,
    handle             varchar(30)  NOT NULL,
    display_name       varchar(50),
    country            varchar(2),
    languages          text[]       NOT NULL DEFAULT '{}',
    birth_year         integer,
    guidelines_version integer      NOT NULL,
    created_at         timestamptz  NOT NULL,
    expires_at         timestamptz  NOT NULL
);
CREATE INDEX pending_registrations_email_idx ON pending_registrations (email);
CREATE INDEX pending_registrations_expires_idx ON pending_registrations (expires_at);

-- Single-use links mailed to an account's owner. `email` is the address the link is about: the address to verify,
-- the new address of a change, or the old address an undo restores.
CREATE TABLE account_links (
    token_hash bytea PRIMARY KEY,
    account_id uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    varchar(24)  NOT NULL,
    email      varchar(254) NOT NULL,
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    used_at    timestamptz,
    CONSTRAINT account_links_purpose_check CHECK (purpose IN
        ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL', 'UNDO_EMAIL_CHANGE'))
);
CREATE INDEX account_links_account_idx ON account_links (account_id, purpose);
CREATE INDEX account_links_expires_idx ON account_links (expires_at);

-- A label the member's app gives a sign-in ("Firefox on Linux"), shown in the member's own session list only.
ALTER TABLE auth_sessions ADD COLUMN device_label varchar(64);

ALTER TABLE auth_sessions DROP CONSTRAINT auth_sessions_reason_check;
ALTER TABLE auth_sessions ADD CONSTRAINT auth_sessions_reason_check CHECK (revoke_reason IN
    ('LOGOUT', 'REFRESH_TOKEN_REUSE', 'PASSWORD_CHANGED', 'ACCOUNT_SUSPENDED', 'ACCOUNT_DELETED', 'PASSWORD_RESET',
     'EMAIL_CHANGE_UNDONE', 'REVOKED_BY_MEMBER'));
