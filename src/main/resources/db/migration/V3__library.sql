-- The resource library: curated resources (after Open Referral HSDS 3.0), their change log, partner organisations
-- and their API keys. Partner submissions also make idempotency keys ownable by a partner instead of an account.

CREATE TABLE partners (
    id            uuid PRIMARY KEY,
    name          varchar(200) NOT NULL,
    url           varchar(2048),
    contact_email varchar(254),                         -- how curators reach the organisation; never public
    created_at    timestamptz  NOT NULL,
    created_by    uuid REFERENCES accounts (id) ON DELETE SET NULL,
    version       bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX partners_name_key ON partners (lower(name));
CREATE INDEX partners_created_idx ON partners (created_at, id);

-- API keys are stored as SHA-256 hashes of 256-bit random secrets; the secret is shown once, at creation.
CREATE TABLE partner_api_keys (
    id                  uuid PRIMARY KEY,
    partner_id          uuid         NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    name                varchar(100) NOT NULL,          -- what the partner uses it for, e.g. "website feed"
    key_prefix          varchar(16)  NOT NULL,          -- the first characters, to recognise a key in a list
    key_hash            bytea        NOT NULL,
    scopes              text[]       NOT NULL,
    requests_per_minute integer      NOT NULL,
    request_count       bigint       NOT NULL DEFAULT 0,
    last_used_at        timestamptz,
    created_at          timestamptz  NOT NULL,
    created_by          uuid REFERENCES accounts (id) ON DELETE SET NULL,
    revoked_at          timestamptz,
    revoked_by          uuid REFERENCES accounts (id) ON DELETE SET NULL,
    CONSTRAINT partner_api_keys_scopes_check
        CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['feeds:read', 'resources:submit']::text[]),
    CONSTRAINT partner_api_keys_rate_check CHECK (requests_per_minute BETWEEN 1 AND 100000)
);
CREATE UNIQUE INDEX partner_api_keys_hash_key ON partner_api_keys (key_hash);
CREATE INDEX partner_api_keys_partner_idx ON partner_api_keys (partner_id, created_at, id);

CREATE TABLE curated_resources (
    id                uuid PRIMARY KEY,
    type              varchar(20)   NOT NULL,
    title             varchar(200)  NOT NULL,
    summary           varchar(2000) NOT NULL,
    url               varchar(2048) NOT NULL,
    url_key           varchar(2048) NOT NULL,           -- url normalised for duplicate detection
    organization_name varchar(200)  NOT NULL,
    organization_url  varchar(2048),
    bases             text[]        NOT NULL DEFAULT '{}',
    topics            text[]        NOT NULL DEFAULT '{}',
    countries         text[]        NOT NULL,           -- ISO 3166-1 alpha-2 codes, or exactly {GLOBAL}
    regions           text[]        NOT NULL DEFAULT '{}', -- ISO 3166-2 subdivisions, e.g. GB-SCT
    languages         text[]        NOT NULL,           -- BCP 47 tags
    phone             varchar(40),
    sms               varchar(40),
    email             varchar(254),
    hours             varchar(500),
    available_24x7    boolean       NOT NULL DEFAULT false,
    cost              varchar(16)   NOT NULL,
    eligibility       varchar(1000),
    status            varchar(16)   NOT NULL,
    last_verified_at  timestamptz   NOT NULL,
    submitted_by_partner_id uuid REFERENCES partners (id) ON DELETE SET NULL,
    seed_key          varchar(100),                     -- stable id of a row loaded from seeds/
    seed_hash         bytea,                            -- hash of the seed entry last applied
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL DEFAULT 0,
    search            tsvector GENERATED ALWAYS AS (
                          setweight(to_tsvector('english', title), 'A')
                          || setweight(to_tsvector('english', summary), 'B')
                          || setweight(to_tsvector('english', organization_name), 'C')) STORED,
    CONSTRAINT curated_resources_type_check CHECK (type IN ('ARTICLE', 'VIDEO', 'GUIDE', 'HELPLINE', 'CRISIS_LINE',
        'LEGAL_AID', 'REPORTING_BODY', 'COUNSELLING', 'COMMUNITY_ORG')),
    CONSTRAINT curated_resources_cost_check CHECK (cost IN ('FREE', 'LOW_COST', 'PAID')),
    CONSTRAINT curated_resources_status_check CHECK (status IN ('PUBLISHED', 'PENDING_REVIEW', 'ARCHIVED')),
    CONSTRAINT curated_resources_bases_check CHECK (bases <@ ARRAY['RACE_ETHNICITY', 'RELIGION_BELIEF',
        'SEXUAL_ORIENTATION', 'GENDER_IDENTITY', 'SEX_GENDER', 'DISABILITY', 'AGE', 'NATIONALITY_MIGRATION',
        'CASTE_CLASS', 'OTHER']::text[]),
    CONSTRAINT curated_resources_topics_check CHECK (topics <@ ARRAY['WORKPLACE', 'HOUSING', 'EDUCATION',
        'HEALTHCARE', 'POLICING_JUSTICE', 'PUBLIC_SPACES', 'ONLINE_HARASSMENT', 'FAMILY_COMMUNITY', 'REPORTING_LEGAL',
        'WELLBEING_COPING', 'ALLYSHIP']::text[]),
    CONSTRAINT curated_resources_countries_check CHECK (cardinality(countries) > 0
        AND (countries = ARRAY['GLOBAL']::text[] OR NOT ('GLOBAL' = ANY (countries)))),
    CONSTRAINT curated_resources_languages_check CHECK (cardinality(languages) > 0)
);
-- One live entry per page: a URL is unique among resources that are not archived.
CREATE UNIQUE INDEX curated_resources_url_key ON curated_resources (url_key) WHERE status <> 'ARCHIVED';
CREATE UNIQUE INDEX curated_resources_seed_key ON curated_resources (seed_key);
-- The public list, newest change first, and the delta sync (modifiedSince, which also returns archived tombstones).
CREATE INDEX curated_resources_published_idx ON curated_resources (updated_at, id) WHERE status = 'PUBLISHED';
CREATE INDEX curated_resources_sync_idx ON curated_resources (updated_at, id) WHERE status <> 'PENDING_REVIEW';
-- Curators' queues: submissions awaiting review, and the least recently verified published entries.
CREATE INDEX curated_resources_status_idx ON curated_resources (status, updated_at, id);
CREATE INDEX curated_resources_verified_idx ON curated_resources (last_verified_at, id) WHERE status = 'PUBLISHED';
CREATE INDEX curated_resources_search_idx ON curated_resources USING gin (search);
CREATE INDEX curated_resources_countries_idx ON curated_resources USING gin (countries);
CREATE INDEX curated_resources_bases_idx ON curated_resources USING gin (bases);
CREATE INDEX curated_resources_topics_idx ON curated_resources USING gin (topics);
CREATE INDEX curated_resources_languages_idx ON curated_resources USING gin (languages);
-- The crisis lines of a country (safety check, crisis endpoint).
CREATE INDEX curated_resources_crisis_idx ON curated_resources USING gin (countries)
    WHERE status = 'PUBLISHED' AND type IN ('CRISIS_LINE', 'HELPLINE');
CREATE INDEX curated_resources_partner_idx ON curated_resources (submitted_by_partner_id, status, updated_at, id)
    WHERE submitted_by_partner_id IS NOT NULL;

-- Who changed what, and when (after the HSDS metadata table): one row per change, with the changed fields'
-- previous and replacement values. Append-only.
CREATE TABLE resource_changes (
    id               uuid PRIMARY KEY,
    resource_id      uuid        NOT NULL REFERENCES curated_resources (id) ON DELETE CASCADE,
    changed_at       timestamptz NOT NULL,
    action           varchar(16) NOT NULL,
    actor_kind       varchar(16) NOT NULL,
    actor_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    actor_partner_id uuid REFERENCES partners (id) ON DELETE SET NULL,
    changes          jsonb       NOT NULL DEFAULT '[]',
    CONSTRAINT resource_changes_action_check CHECK (action IN ('CREATED', 'SUBMITTED', 'UPDATED', 'PUBLISHED',
        'ARCHIVED', 'VERIFIED')),
    CONSTRAINT resource_changes_actor_check CHECK (actor_kind IN ('ADMIN', 'PARTNER', 'SEED'))
);
CREATE INDEX resource_changes_resource_idx ON resource_changes (resource_id, changed_at, id);

-- Idempotency keys belong to an account or, for requests made with a partner API key, to the partner.
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE idempotency_keys ADD COLUMN partner_id uuid REFERENCES partners (id) ON DELETE CASCADE;
ALTER TABLE idempotency_keys ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_owner_check
    CHECK (num_nonnulls(account_id, partner_id) = 1);
CREATE UNIQUE INDEX idempotency_keys_account_key ON idempotency_keys (account_id, idempotency_key)
    WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX idempotency_keys_partner_key ON idempotency_keys (partner_id, idempotency_key)
    WHERE partner_id IS NOT NULL;
