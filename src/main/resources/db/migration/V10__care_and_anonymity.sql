-- Care and privacy invariants (README "Privacy model").

-- I2: a post that was never published (held for care, or waiting for approval) and is then removed stays
-- indistinguishable from a post never written. Posts remember whether they were ever shown to members; posts that
-- exist today and are not waiting or held were shown.
ALTER TABLE posts ADD COLUMN ever_published boolean NOT NULL DEFAULT true;
UPDATE posts SET ever_published = false WHERE status IN ('PENDING_APPROVAL', 'HELD_FOR_CARE');

-- I3: a wellbeing concern reaches the person as a private care note with crisis resources, never with who was worried.
-- One row per note; no reporter, no report, no post: only that someone in the community is thinking of them.
CREATE TABLE care_notes (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz
);
CREATE INDEX care_notes_account_idx ON care_notes (account_id, created_at DESC, id DESC);
