-- The incident journal. Everything a member writes is encrypted by the application before it reaches PostgreSQL
-- (AES-256-GCM with the member's own data key); the database holds ciphertext, sizes, server timestamps, ids and
-- hashes only.

-- One row per member who keeps a journal: their data key, wrapped (AES-256-GCM) by a key-encryption key (KEK) that
-- lives outside the database in a mounted secret, and the head of their hash chain. Deleting this row makes every
-- copy of the member's journal unreadable, backups included.
CREATE TABLE journals (
    account_id    uuid        PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    kek_id        varchar(64) NOT NULL,  -- which KEK wrapped the data key (rotation re-wraps to the active one)
    wrapped_key   bytea       NOT NULL,  -- 12-byte nonce || ciphertext || 16-byte tag; associated data: account id
    chain_length  bigint      NOT NULL DEFAULT 0,
    chain_head    bytea,                 -- SHA-256 of the newest record of the chain (null: empty journal)
    created_at    timestamptz NOT NULL,
    rewrapped_at  timestamptz
);
CREATE INDEX journals_kek ON journals (kek_id);

CREATE TABLE journal_entries (
    id          uuid        PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    version     integer     NOT NULL CHECK (version >= 1),   -- the newest revision
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    deleted_at  timestamptz                                   -- deleted by the member: contents gone, hashes kept
);
CREATE INDEX journal_entries_mine ON journal_entries (account_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

-- Every version of an entry, the original included (version 1); an edit appends one and changes none. Each is one
-- link of the member's hash chain: hash = SHA-256(prev_hash || canonical JSON of the revision).
CREATE TABLE journal_revisions (
    entry_id     uuid        NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    version      integer     NOT NULL CHECK (version >= 1),
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    chain_seq    bigint      NOT NULL CHECK (chain_seq >= 1),
    content      bytea,                 -- 12-byte nonce || AES-GCM ciphertext || tag (associated data: entry id and
                                        -- version); null once the member deleted the entry
    prev_hash    bytea,                 -- null for the first link
    hash         bytea       NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (entry_id, version)
);
CREATE UNIQUE INDEX journal_revisions_chain ON journal_revisions (account_id, chain_seq);
