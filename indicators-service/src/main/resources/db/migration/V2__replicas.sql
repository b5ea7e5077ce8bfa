-- The rest of the replicas this service validates against: each agency's effective-dated parent links (the
-- hierarchy on a date), the rule-based agency groups, and the issued plans. All are written only by the consumers
-- of partracker.agencies and partracker.plans.

CREATE TABLE agency_parent_link (
    agency_id  UUID NOT NULL REFERENCES agency_replica (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    parent_id  UUID,
    valid_from DATE NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (agency_id, position)
);

CREATE INDEX agency_replica_code ON agency_replica (code);

CREATE TABLE agency_group_replica (
    id             UUID PRIMARY KEY,
    code           TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    name_folded    TEXT        NOT NULL,
    kinds          TEXT[]      NOT NULL DEFAULT '{}',
    levels         TEXT[]      NOT NULL DEFAULT '{}',
    ancestor_id    UUID,
    agency_ids     UUID[]      NOT NULL DEFAULT '{}',
    source_version BIGINT      NOT NULL,
    last_event_id  UUID        NOT NULL,
    replicated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX agency_group_replica_code ON agency_group_replica (code);

CREATE TABLE plan_replica (
    id             UUID PRIMARY KEY,
    number         TEXT        NOT NULL,
    title          TEXT,
    plan_year      INTEGER,
    issued_on      DATE,
    valid_from     DATE,
    valid_to       DATE,
    status         TEXT        NOT NULL,
    source_version BIGINT      NOT NULL,
    last_event_id  UUID        NOT NULL,
    replicated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX plan_replica_number ON plan_replica (number);
