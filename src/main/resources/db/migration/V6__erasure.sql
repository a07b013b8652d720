-- Erasure at a member's request (DELETE /api/v1/me). A post the member asked to remove while it is under an open
-- report keeps its text for the moderators; it is erased when the last open report on it is closed.
ALTER TABLE posts ADD COLUMN erase_after_review boolean NOT NULL DEFAULT false;
