-- Report regimes (chế độ báo cáo), their effective-dated expected reporters, and finalized report snapshots.

CREATE TABLE report_regime (
    id                    UUID PRIMARY KEY,
    code                  TEXT        NOT NULL UNIQUE,
    name                  TEXT        NOT NULL,
    name_folded           TEXT        NOT NULL,
    legal_basis           TEXT,
    frequency             TEXT        NOT NULL,
    cutoff_rule           TEXT        NOT NULL,
    recipient_agency_id   UUID,
    recipient_agency_code TEXT,
    deadline_offsets      JSONB       NOT NULL,
    plan_ids              UUID[]      NOT NULL DEFAULT '{}',
    plan_numbers          TEXT[]      NOT NULL DEFAULT '{}',
    indicator_ids         UUID[]      NOT NULL DEFAULT '{}',
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

-- One row per (regime, agency or group) assignment; codes are kept when the replica did not know the agency yet,
-- and resolved when a report is computed.
CREATE TABLE regime_expected_agency (
    id          UUID PRIMARY KEY,
    regime_id   UUID        NOT NULL REFERENCES report_regime (id),
    agency_id   UUID,
    agency_code TEXT,
    group_id    UUID,
    group_code  TEXT,
    valid_from  DATE        NOT NULL,
    valid_to    DATE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX regime_expected_agency_regime ON regime_expected_agency (regime_id);

CREATE TABLE finalized_report (
    id           UUID PRIMARY KEY,
    regime_id    UUID        NOT NULL REFERENCES report_regime (id),
    period       TEXT        NOT NULL,
    agency_id    UUID        NOT NULL,
    content      TEXT        NOT NULL,
    content_hash TEXT        NOT NULL,
    finalized_at TIMESTAMPTZ NOT NULL,
    finalized_by TEXT        NOT NULL,
    UNIQUE (regime_id, period, agency_id)
);
