-- Local replica of plans-service's agency directory, built from partracker.agency.upserted events, so validation
-- ("is this a performing agency on that date?") never calls another service.

CREATE TABLE agency_replica (
    id              UUID PRIMARY KEY,
    code            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    short_name      TEXT,
    kind            TEXT        NOT NULL,
    level_code      TEXT        NOT NULL,
    parent_id       UUID,
    sectors         TEXT[]      NOT NULL DEFAULT '{}',
    valid_from      DATE        NOT NULL,
    valid_to        DATE,
    predecessor_ids UUID[]      NOT NULL DEFAULT '{}',
    source_version  BIGINT      NOT NULL,
    last_event_id   UUID        NOT NULL,
    replicated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX agency_replica_parent ON agency_replica (parent_id);
