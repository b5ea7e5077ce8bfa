-- Local replicas of the other services' data, built only from their events (never from their databases). Every row
-- keeps the version of the newest event applied, so a redelivered or reordered older event cannot overwrite it.

CREATE TABLE agency (
    id         UUID PRIMARY KEY,
    code       TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    short_name TEXT,
    kind       TEXT        NOT NULL,
    level_code TEXT        NOT NULL,
    parent_id  UUID,
    valid_from DATE        NOT NULL,
    valid_to   DATE,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX agency_code ON agency (code);

-- The effective-dated hierarchy: "the parent of A on date D" is the link whose range contains D.
CREATE TABLE agency_parent_link (
    agency_id  UUID NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
    parent_id  UUID,
    valid_from DATE NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (agency_id, valid_from)
);

CREATE INDEX agency_parent_link_parent ON agency_parent_link (parent_id);

CREATE TABLE agency_group (
    id          UUID PRIMARY KEY,
    code        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    kinds       TEXT[]      NOT NULL DEFAULT '{}',
    levels      TEXT[]      NOT NULL DEFAULT '{}',
    ancestor_id UUID,
    agency_ids  UUID[]      NOT NULL DEFAULT '{}',
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX agency_group_code ON agency_group (code);

CREATE TABLE plan (
    id         UUID PRIMARY KEY,
    number     TEXT        NOT NULL,
    title      TEXT        NOT NULL,
    plan_year  INTEGER,
    status     TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX plan_number ON plan (number);

CREATE TABLE task (
    id           UUID PRIMARY KEY,
    plan_id      UUID   NOT NULL,
    section_code TEXT,
    ordinal      TEXT,
    title        TEXT   NOT NULL,
    due_date     DATE,
    version      BIGINT NOT NULL
);

CREATE INDEX task_plan ON task (plan_id);

CREATE TABLE assignment (
    id               UUID PRIMARY KEY,
    plan_id          UUID        NOT NULL,
    task_id          UUID        NOT NULL,
    agency_id        UUID        NOT NULL,
    status           TEXT        NOT NULL,
    percent          NUMERIC,
    due_date         DATE,
    last_reported_at TIMESTAMPTZ,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX assignment_plan_agency ON assignment (plan_id, agency_id);

CREATE TABLE indicator (
    id                   UUID PRIMARY KEY,
    plan_id              UUID,
    group_code           TEXT,
    ordinal              TEXT,
    name                 TEXT        NOT NULL,
    unit                 TEXT        NOT NULL,
    kind                 TEXT        NOT NULL,
    direction            TEXT,
    frequency            TEXT,
    evaluating_agency_id UUID,
    targets              TEXT        NOT NULL DEFAULT '[]',
    version              BIGINT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX indicator_plan ON indicator (plan_id);

-- Performing agencies as the indicator names them: one agency or one group per row, expanded at query time.
CREATE TABLE indicator_performer (
    indicator_id UUID    NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    agency_id    UUID,
    group_id     UUID,
    PRIMARY KEY (indicator_id, position)
);

-- The current state of each figure (the highest version seen). first_submitted_at is the earliest submission seen
-- and decides timeliness: a revision after the deadline does not make an on-time report late.
CREATE TABLE measurement (
    id                 UUID PRIMARY KEY,
    indicator_id       UUID        NOT NULL,
    agency_id          UUID        NOT NULL,
    period             TEXT        NOT NULL,
    version            BIGINT      NOT NULL,
    revision           INTEGER     NOT NULL,
    status             TEXT        NOT NULL,
    numerator          NUMERIC,
    denominator        NUMERIC,
    value              NUMERIC,
    achievement        TEXT,
    submitted_at       TIMESTAMPTZ,
    first_submitted_at TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX measurement_period ON measurement (period, indicator_id, agency_id);

-- The last applied offset of every consumed topic partition, written in the same transaction as the effect, so a
-- report can say exactly which events it includes.
CREATE TABLE event_position (
    topic       TEXT        NOT NULL,
    partition_no INTEGER    NOT NULL,
    last_offset BIGINT      NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition_no)
);
