-- Issue 16: when the community guidelines move to a new version, members who accepted an older one are told once
-- (notification kind GUIDELINES_CHANGED). One row per version announced, so replicas starting together announce once.
CREATE TABLE guidelines_notices (
    version      integer     PRIMARY KEY,
    announced_at timestamptz NOT NULL
);
