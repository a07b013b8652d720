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
