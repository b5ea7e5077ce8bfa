-- Agency directory. Levels are rows, not an enum: the district level was abolished on 2025-07-01 and the next
-- reform must not need a release.

CREATE TABLE agency_level (
    code       TEXT PRIMARY KEY,
    name       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL
);

INSERT INTO agency_level (code, name, sort_order) VALUES
    ('NATIONAL', 'Trung ương', 0),
    ('PROVINCE', 'Cấp tỉnh', 1),
    ('DISTRICT', 'Cấp huyện', 2),
    ('COMMUNE', 'Cấp xã', 3);

CREATE TABLE agency (
    id              UUID PRIMARY KEY,
    code            TEXT        NOT NULL UNIQUE,
    name            TEXT        NOT NULL,
    name_folded     TEXT        NOT NULL,
    short_name      TEXT,
    kind            TEXT        NOT NULL,
    level_code      TEXT        NOT NULL REFERENCES agency_level (code),
    parent_id       UUID REFERENCES agency (id),
    sectors         TEXT[]      NOT NULL DEFAULT '{}',
    valid_from      DATE        NOT NULL,
    valid_to        DATE,
    predecessor_ids UUID[]      NOT NULL DEFAULT '{}',
    version         BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT agency_valid_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX agency_parent ON agency (parent_id);
CREATE INDEX agency_level_kind ON agency (level_code, kind);
