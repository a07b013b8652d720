-- Attachments of incident journal entries (photos, screenshots, PDFs, text). Like the entries, everything that could
-- reveal content is encrypted by the application with the member's data key before it reaches PostgreSQL: the bytes,
-- and the file name, media type and SHA-256. The database holds ids, sizes and server timestamps only, and deleting
-- the member's data key (journals row) makes every copy unreadable, backups included.

CREATE TABLE journal_attachments (
    id          uuid        PRIMARY KEY,
    entry_id    uuid        NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    size        bigint      NOT NULL CHECK (size >= 0),  -- bytes stored (after metadata stripping); counts to the quota
    metadata    bytea       NOT NULL,  -- 12-byte nonce || AES-GCM ciphertext of {filename, mediaType, sha256,
                                       -- metadataStripped} || tag (associated data: entry id and attachment id)
    created_at  timestamptz NOT NULL
);
-- An entry's attachments, newest first (keyset paging), and the member's quota sum.
CREATE INDEX journal_attachments_entry ON journal_attachments (entry_id, created_at DESC, id DESC);
CREATE INDEX journal_attachments_account ON journal_attachments (account_id);

-- The PostgreSQL implementation of AttachmentStore: the encrypted bytes, keyed by attachment id. An object store
-- (S3-compatible) can replace this table without touching journal_attachments (README "Incident journal").
CREATE TABLE journal_attachment_blobs (
    attachment_id  uuid  PRIMARY KEY REFERENCES journal_attachments (id) ON DELETE CASCADE,
    account_id     uuid  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    content        bytea NOT NULL   -- 12-byte nonce || AES-GCM ciphertext || tag (associated data: entry id and
                                    -- attachment id)
);
CREATE INDEX journal_attachment_blobs_account ON journal_attachment_blobs (account_id);
ALTER TABLE journal_attachment_blobs ALTER COLUMN content SET STORAGE EXTERNAL; -- ciphertext does not compress
