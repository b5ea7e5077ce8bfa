-- Indicator definitions (chỉ tiêu) with their performing agencies and target rules. The component tree of a
-- COMPOSITE indicator is kept as JSON: it is always read and written whole, never queried by node.

CREATE TABLE indicator (
    id                   UUID PRIMARY KEY,
    plan_id              UUID        NOT NULL,
    group_code           TEXT        NOT NULL,
    ordinal              TEXT        NOT NULL,
    name                 TEXT        NOT NULL,
    name_folded          TEXT        NOT NULL,
    unit                 TEXT        NOT NULL,
    kind                 TEXT        NOT NULL,
    numerator_label      TEXT,
    denominator_label    TEXT,
    direction            TEXT        NOT NULL,
    frequency            TEXT        NOT NULL,
    evaluating_agency_id UUID,
    legal_basis          TEXT,
    components           TEXT        NOT NULL DEFAULT '[]',
    version              BIGINT      NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT indicator_plan_group_ordinal UNIQUE (plan_id, group_code, ordinal)
);

CREATE TABLE indicator_agency (
    indicator_id UUID    NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    role         TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    agency_id    UUID,
    group_id     UUID,
    PRIMARY KEY (indicator_id, position),
    CONSTRAINT indicator_agency_one_ref CHECK ((agency_id IS NULL) <> (group_id IS NULL))
);

CREATE TABLE indicator_target (
    indicator_id UUID    NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    comparator   TEXT    NOT NULL,
    value        NUMERIC NOT NULL,
    level_code   TEXT,
    agency_kind  TEXT,
    sector       TEXT,
    agency_id    UUID,
    valid_from   DATE,
    valid_to     DATE,
    PRIMARY KEY (indicator_id, position)
);
