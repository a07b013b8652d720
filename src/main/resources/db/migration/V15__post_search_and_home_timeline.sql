-- Post search and the home timeline.

-- The searchable text of a post: its title and body only (never the author's handle or name, so a search for a
-- handle cannot find that member's anonymous posts). Stemmed in the post's own language (weights A/B) and also as
-- written (weight D), so a reader searching in another language still finds exact words.
ALTER TABLE posts ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(kindred_ts_config(language), coalesce(title, '')), 'A')
        || setweight(to_tsvector(kindred_ts_config(language), body), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || body), 'D')) STORED;
CREATE INDEX posts_search_idx ON posts USING gin (search);

-- The home timeline reads threads across the reader's groups, newest (or most recently active) first.
CREATE INDEX posts_timeline_new_idx ON posts (created_at DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX posts_timeline_active_idx ON posts (last_activity_at DESC, id DESC) WHERE parent_id IS NULL;
-- An author's own threads and replies, newest first.
CREATE INDEX posts_author_threads_idx ON posts (author_id, created_at DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX posts_author_replies_idx ON posts (author_id, created_at DESC, id DESC) WHERE parent_id IS NOT NULL;

-- How a reader's hidden content warnings apply: HIDE leaves such posts out of lists; COLLAPSE lists them with the body
-- withheld and the warnings shown (opening the post shows it).
ALTER TABLE accounts ADD COLUMN content_warning_mode varchar(8) NOT NULL DEFAULT 'HIDE'
    CHECK (content_warning_mode IN ('HIDE', 'COLLAPSE'));

-- A mute: the muted member's named posts and replies leave the muter's lists. One direction, and the muted member is
-- never told (nothing they can observe changes). Anonymous posts are never affected (it would tell who wrote them).
CREATE TABLE mutes (
    muter_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    muted_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (muter_id, muted_id),
    CHECK (muter_id <> muted_id)
);
CREATE INDEX mutes_muter_page_idx ON mutes (muter_id, created_at DESC, muted_id DESC);
