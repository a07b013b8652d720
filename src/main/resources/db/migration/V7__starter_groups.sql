-- Starter groups from seeds/groups.yaml: matched by their seed key, updated only when the seed entry changes
-- (seed_hash), so edits made through the API by the groups' moderators survive restarts.
ALTER TABLE groups ADD COLUMN seed_key varchar(80);
ALTER TABLE groups ADD COLUMN seed_hash bytea;
CREATE UNIQUE INDEX groups_seed_key ON groups (seed_key) WHERE seed_key IS NOT NULL;
