-- I1 (issue 14): moderators and admins see who wrote an anonymous post, and that reading is itself recorded, so a
-- group's owners can see who looked. One row per reader, post and UTC day (the first time that day). The row names the
-- reader and the post, never the author: the post leads to the author only for those allowed to see it.
CREATE TABLE anonymous_author_reads (
    id         uuid        PRIMARY KEY,
    group_id   uuid        NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    post_id    uuid        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    reader_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    read_on    date        NOT NULL,
    read_at    timestamptz NOT NULL,
    CONSTRAINT anonymous_author_reads_once_a_day UNIQUE (reader_id, post_id, read_on)
);
-- The owners' list: newest first, keyset on (read_at, id).
CREATE INDEX anonymous_author_reads_group ON anonymous_author_reads (group_id, read_at DESC, id DESC);
