-- Groups, memberships, invites and the append-only moderation log.

-- Text-search configuration for a group's BCP 47 language; 'simple' where PostgreSQL has no stemmer for it.
-- Declared IMMUTABLE so it can feed a stored generated column (the mapping never changes for a given input).
CREATE FUNCTION kindred_ts_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE split_part(lower(language), '-', 1)
           WHEN 'en' THEN 'english'::regconfig
           WHEN 'es' THEN 'spanish'::regconfig
           WHEN 'fr' THEN 'french'::regconfig
           WHEN 'de' THEN 'german'::regconfig
           WHEN 'pt' THEN 'portuguese'::regconfig
           WHEN 'it' THEN 'italian'::regconfig
           WHEN 'nl' THEN 'dutch'::regconfig
           WHEN 'sv' THEN 'swedish'::regconfig
           WHEN 'da' THEN 'danish'::regconfig
           WHEN 'nb' THEN 'norwegian'::regconfig
           WHEN 'no' THEN 'norwegian'::regconfig
           WHEN 'fi' THEN 'finnish'::regconfig
           WHEN 'ru' THEN 'russian'::regconfig
           WHEN 'tr' THEN 'turkish'::regconfig
           WHEN 'hu' THEN 'hungarian'::regconfig
           WHEN 'ro' THEN 'romanian'::regconfig
           ELSE 'simple'::regconfig
       END
$$;

CREATE TABLE groups (
    id               uuid PRIMARY KEY,
    slug             varchar(80)   NOT NULL,
    name             varchar(80)   NOT NULL,
    description      varchar(2000) NOT NULL,
    bases            text[]        NOT NULL,
    topics           text[]        NOT NULL,
    language         varchar(35)   NOT NULL,
    primary_language varchar(8)    GENERATED ALWAYS AS (split_part(lower(language), '-', 1)) STORED,
    visibility       varchar(16)   NOT NULL,
    rules            varchar(5000) NOT NULL,
    rules_version    integer       NOT NULL DEFAULT 1,
    facilitated      boolean       NOT NULL DEFAULT false,
    member_count     integer       NOT NULL DEFAULT 0,   -- ACTIVE members, kept by trigger
    post_count       integer       NOT NULL DEFAULT 0,   -- published posts, kept by the posts feature
    created_by       uuid          NOT NULL REFERENCES accounts (id),
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    archived_at      timestamptz,
    version          bigint        NOT NULL DEFAULT 0,
    search           tsvector      GENERATED ALWAYS AS (
        setweight(to_tsvector(kindred_ts_config(language), name), 'A')
            || setweight(to_tsvector(kindred_ts_config(language), description), 'B')
            || setweight(to_tsvector('simple'::regconfig, name), 'A')
            || setweight(to_tsvector('simple'::regconfig, description), 'C')) STORED,
    CONSTRAINT groups_visibility_check CHECK (visibility IN ('PUBLIC', 'PRIVATE', 'HIDDEN')),
    CONSTRAINT groups_counts_check CHECK (member_count >= 0 AND post_count >= 0),
    CONSTRAINT groups_bases_check CHECK (cardinality(bases) BETWEEN 1 AND 10 AND bases <@ ARRAY['RACE_ETHNICITY',
        'RELIGION_BELIEF', 'SEXUAL_ORIENTATION', 'GENDER_IDENTITY', 'SEX_GENDER', 'DISABILITY', 'AGE',
        'NATIONALITY_MIGRATION', 'CASTE_CLASS', 'OTHER']::text[]),
    CONSTRAINT groups_topics_check CHECK (cardinality(topics) BETWEEN 1 AND 11 AND topics <@ ARRAY['WORKPLACE', 'HOUSING',
        'EDUCATION', 'HEALTHCARE', 'POLICING_JUSTICE', 'PUBLIC_SPACES', 'ONLINE_HARASSMENT', 'FAMILY_COMMUNITY',
        'REPORTING_LEGAL', 'WELLBEING_COPING', 'ALLYSHIP']::text[])
);
CREATE UNIQUE INDEX groups_slug_key ON groups (slug);
-- The directory: newest first among live groups, keyset on (created_at, id).
CREATE INDEX groups_directory_idx ON groups (created_at DESC, id DESC) WHERE archived_at IS NULL;
CREATE INDEX groups_language_idx ON groups (primary_language, created_at DESC, id DESC) WHERE archived_at IS NULL;
-- Groups are written rarely and searched constantly: fastupdate = off keeps every GIN entry in the index proper, so
-- the planner never sees a pending list that makes the index look expensive (and searches never scan one).
CREATE INDEX groups_bases_idx ON groups USING gin (bases) WITH (fastupdate = off);
CREATE INDEX groups_topics_idx ON groups USING gin (topics) WITH (fastupdate = off);
CREATE INDEX groups_search_idx ON groups USING gin (search) WITH (fastupdate = off);

CREATE TABLE memberships (
    group_id               uuid         NOT NULL REFERENCES groups (id),
    account_id             uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role                   varchar(16)  NOT NULL,
    status                 varchar(16)  NOT NULL,
    rules_version_accepted integer      NOT NULL,
    request_message        varchar(1000),
    requested_at           timestamptz  NOT NULL,
    joined_at              timestamptz,
    decided_at             timestamptz,
    decided_by             uuid REFERENCES accounts (id),
    decision_reason        varchar(500),
    banned_until           timestamptz,
    version                bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, account_id),
    CONSTRAINT memberships_role_check CHECK (role IN ('OWNER', 'MODERATOR', 'MEMBER')),
    CONSTRAINT memberships_status_check CHECK (status IN ('PENDING', 'ACTIVE', 'DENIED', 'BANNED'))
);
-- My groups, and "is this account an active member" checks from the account side.
CREATE INDEX memberships_account_idx ON memberships (account_id, requested_at DESC, group_id);
-- Member lists per status (ACTIVE for members, PENDING for the moderators' queue).
CREATE INDEX memberships_group_status_idx ON memberships (group_id, status, requested_at, account_id);

-- member_count follows ACTIVE memberships exactly, whatever path changes them and however many at once.
CREATE FUNCTION memberships_count_active() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'ACTIVE' THEN
        UPDATE groups SET member_count = member_count - 1 WHERE id = OLD.group_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'ACTIVE' THEN
        UPDATE groups SET member_count = member_count + 1 WHERE id = NEW.group_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER memberships_count_active AFTER INSERT OR UPDATE OF status OR DELETE ON memberships
    FOR EACH ROW EXECUTE FUNCTION memberships_count_active();

CREATE TABLE group_invites (
    id          uuid PRIMARY KEY,
    group_id    uuid        NOT NULL REFERENCES groups (id),
    code_hash   bytea       NOT NULL,               -- SHA-256 of the code; the code is shown once
    created_by  uuid        NOT NULL REFERENCES accounts (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    max_uses    integer     NOT NULL,
    uses        integer     NOT NULL DEFAULT 0,
    revoked_at  timestamptz,
    CONSTRAINT group_invites_uses_check CHECK (max_uses BETWEEN 1 AND 1000 AND uses BETWEEN 0 AND max_uses)
);
CREATE UNIQUE INDEX group_invites_code_key ON group_invites (code_hash);
CREATE INDEX group_invites_group_idx ON group_invites (group_id, created_at DESC, id DESC);

-- Append-only record of moderation-relevant actions in a group (membership decisions, bans, role and rules
-- changes, archiving; later post moderation). Members see it with the actor shown as "moderator".
CREATE TABLE moderation_log (
    id          uuid PRIMARY KEY,
    group_id    uuid         NOT NULL REFERENCES groups (id),
    actor_id    uuid         REFERENCES accounts (id),
    action      varchar(40)  NOT NULL,
    target_type varchar(16)  NOT NULL,
    target_id   uuid,
    reason      varchar(1000),
    details     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT moderation_log_target_check CHECK (target_type IN ('ACCOUNT', 'POST', 'GROUP', 'INVITE'))
);
CREATE INDEX moderation_log_group_idx ON moderation_log (group_id, created_at DESC, id DESC);

CREATE FUNCTION moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'moderation_log is append-only';
END
$$;
CREATE TRIGGER moderation_log_append_only BEFORE UPDATE OR DELETE ON moderation_log
    FOR EACH ROW EXECUTE FUNCTION moderation_log_append_only();
