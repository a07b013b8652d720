-- Webhooks (Standard Webhooks) for partner organisations and operators, delivered through a transactional outbox.

-- Partner keys may now manage their organisation's webhook endpoints.
ALTER TABLE partner_api_keys DROP CONSTRAINT partner_api_keys_scopes_check;
ALTER TABLE partner_api_keys ADD CONSTRAINT partner_api_keys_scopes_check
    CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['feeds:read', 'resources:submit', 'webhooks:manage']::text[]);

-- An endpoint belongs to a partner organisation, or (partner_id NULL) to the operators (admins). Its signing secret is
-- stored encrypted (AES-GCM, key derived from KINDRED_CURSOR_SECRET), so a database dump alone cannot sign messages.
CREATE TABLE webhook_endpoints (
    id                        uuid          PRIMARY KEY,
    partner_id                uuid          REFERENCES partners (id) ON DELETE CASCADE,
    url                       varchar(2048) NOT NULL,
    description               varchar(200),
    event_types               text[]        NOT NULL CHECK (cardinality(event_types) > 0),
    secret                    bytea         NOT NULL,
    previous_secret           bytea,
    previous_secret_until     timestamptz,
    version                   integer       NOT NULL DEFAULT 0,
    created_at                timestamptz   NOT NULL,
    updated_at                timestamptz   NOT NULL
);
CREATE INDEX webhook_endpoints_owner ON webhook_endpoints (partner_id, created_at, id);
CREATE INDEX webhook_endpoints_events ON webhook_endpoints USING gin (event_types);

-- One row per message to one endpoint, written in the transaction of the change that causes it. id is the stable
-- webhook-id of every attempt. A claimed row's next_attempt_at is its lease: if the worker dies, the row is due again
-- once the lease ends.
CREATE TABLE outbox (
    id                 uuid         PRIMARY KEY,
    endpoint_id        uuid         NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type         varchar(40)  NOT NULL,
    payload            jsonb        NOT NULL,
    status             varchar(12)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts           integer      NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz  NOT NULL,
    give_up_at         timestamptz  NOT NULL,          -- retried until then, then DEAD
    last_status_code   integer,
    last_error         varchar(200),
    last_attempt_at    timestamptz,
    delivered_at       timestamptz,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_endpoint_log ON outbox (endpoint_id, created_at DESC, id DESC);
