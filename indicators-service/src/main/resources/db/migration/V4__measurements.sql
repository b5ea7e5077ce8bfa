-- Figures (số liệu): one row per indicator x agency x period holding the current revision, every revision kept
-- in measurement_revision (nothing is overwritten), every review decision in measurement_review. Period locks stop
-- changes once a period's figures are closed; import_job keeps the outcome of bulk imports.

CREATE TABLE measurement (
    id                 UUID PRIMARY KEY,
    indicator_id       UUID        NOT NULL REFERENCES indicator (id),
    agency_id          UUID        NOT NULL,
    period             TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    revision           INTEGER     NOT NULL,
    version            BIGINT      NOT NULL,
    numerator          NUMERIC,
    denominator        NUMERIC,
    entered_value      NUMERIC,
    components         TEXT,
    subtotals          TEXT,
    computed_value     NUMERIC     NOT NULL,
    achievement_status TEXT        NOT NULL,
    achievement        TEXT        NOT NULL,
    note               TEXT,
    source             TEXT,
    submitted_at       TIMESTAMPTZ NOT NULL,
    submitted_by       TEXT,
    reviewed_at        TIMESTAMPTZ,
    reviewed_by        TEXT,
    review_reason      TEXT,
    CONSTRAINT measurement_one_per_period UNIQUE (indicator_id, agency_id, period)
);

CREATE INDEX measurement_agency ON measurement (agency_id, period);

CREATE TABLE measurement_revision (
    measurement_id     UUID        NOT NULL REFERENCES measurement (id),
    revision           INTEGER     NOT NULL,
    numerator          NUMERIC,
    denominator        NUMERIC,
    entered_value      NUMERIC,
    components         TEXT,
    subtotals          TEXT,
    computed_value     NUMERIC     NOT NULL,
    achievement_status TEXT        NOT NULL,
    achievement        TEXT        NOT NULL,
    note               TEXT,
    source             TEXT,
    submitted_at       TIMESTAMPTZ NOT NULL,
    submitted_by       TEXT,
    PRIMARY KEY (measurement_id, revision)
);

CREATE TABLE measurement_review (
    id                 UUID PRIMARY KEY,
    measurement_id     UUID        NOT NULL REFERENCES measurement (id),
    action             TEXT        NOT NULL,
    from_status        TEXT        NOT NULL,
    to_status          TEXT        NOT NULL,
    revision           INTEGER     NOT NULL,
    reviewer_agency_id UUID        NOT NULL,
    reason             TEXT,
    reviewed_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX measurement_review_measurement ON measurement_review (measurement_id, reviewed_at);

CREATE TABLE period_lock (
    id           UUID PRIMARY KEY,
    indicator_id UUID,
    plan_id      UUID,
    period       TEXT        NOT NULL,
    period_start DATE        NOT NULL,
    period_end   DATE        NOT NULL,
    reason       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT period_lock_one_scope CHECK (indicator_id IS NULL OR plan_id IS NULL)
);

CREATE INDEX period_lock_range ON period_lock (period_start, period_end);

CREATE TABLE import_job (
    id             UUID PRIMARY KEY,
    kind           TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    dry_run        BOOLEAN     NOT NULL,
    mode           TEXT        NOT NULL,
    rows_read      INTEGER     NOT NULL DEFAULT 0,
    imported       INTEGER     NOT NULL DEFAULT 0,
    updated        INTEGER     NOT NULL DEFAULT 0,
    unchanged      INTEGER     NOT NULL DEFAULT 0,
    rejected_count INTEGER     NOT NULL DEFAULT 0,
    rejected       TEXT,
    committed      BOOLEAN     NOT NULL DEFAULT FALSE,
    error          TEXT,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);
