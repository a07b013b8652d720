-- Recovery codes and keyword mutes (README "Accounts: e-mail, links and recovery", "Finding your way").

-- Printable single-use codes that set a new password without e-mail, for members who give no reachable address.
-- Only the SHA-256 of each code is stored (a code carries 60 random bits), so a copy of the database opens no account.
-- A new set replaces the old one; a used code keeps its row (used_at) so the member sees how many are left.
CREATE TABLE recovery_codes (
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);

-- Words a member does not want to read. Applied when the member's lists are read (posts' reader filters), never
-- to what anyone else sees. `phrase` is normalised (NFC, trimmed, whitespace collapsed, lower case) and unique per
-- member; `pattern` is the PostgreSQL regular expression that matches it (case-insensitive by construction, regex
-- characters escaped, word boundaries when whole_word), computed by the application. A mute past `expires_at` stops
-- applying at once, without a job; it stays listed until the member deletes or extends it.
CREATE TABLE keyword_mutes (
    id         uuid         PRIMARY KEY,
    account_id uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    phrase     varchar(100) NOT NULL,
    whole_word boolean      NOT NULL,
    pattern    text         NOT NULL,
    expires_at timestamptz,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL DEFAULT 0,
    CONSTRAINT keyword_mutes_phrase_unique UNIQUE (account_id, phrase)
);
CREATE INDEX keyword_mutes_list_idx ON keyword_mutes (account_id, created_at DESC, id DESC);
