-- Issue 14 (I1 x I6): an erased member's anonymous posts are removed at a random moment after the erasure, never at the
-- moment the member leaves every member list, so the two cannot be matched to name the author.
ALTER TABLE posts ADD COLUMN erase_at timestamptz;
CREATE INDEX posts_erase_at_idx ON posts (erase_at) WHERE erase_at IS NOT NULL;
