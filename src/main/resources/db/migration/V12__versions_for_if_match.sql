-- Reports and keyword rules carry a version, so their PATCH honours If-Match like every other PATCH (412 when the
-- object changed since the client read it; the ETag is the version).
ALTER TABLE reports ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE group_keyword_rules ADD COLUMN version bigint NOT NULL DEFAULT 0;
