-- Agency directory over time. Levels are rows, not an enum: the district level was abolished on 2025-07-01 and the
-- next reform must not need a release. The hierarchy is effective-dated: an agency's parent on a date is the parent
-- of its link valid that day, so "the tree on 2025-06-30" and "the tree on 2025-07-01" both stay answerable.

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
    sectors         TEXT[]      NOT NULL DEFAULT '{}',
    valid_from      DATE        NOT NULL,
    valid_to        DATE,
    predecessor_ids UUID[]      NOT NULL DEFAULT '{}',
    version         BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT agency_valid_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX agency_level_kind ON agency (level_code, kind);

-- One period of an agency's place in the hierarchy; parent_id NULL marks a root for that period.
CREATE TABLE agency_parent_link (
    id         UUID PRIMARY KEY,
    agency_id  UUID NOT NULL REFERENCES agency (id),
    parent_id  UUID REFERENCES agency (id),
    valid_from DATE NOT NULL,
    valid_to   DATE,
    CONSTRAINT agency_parent_link_range CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT agency_parent_link_not_self CHECK (parent_id IS NULL OR parent_id <> agency_id)
);

CREATE INDEX agency_parent_link_agency ON agency_parent_link (agency_id, valid_from);
CREATE INDEX agency_parent_link_parent ON agency_parent_link (parent_id, valid_from);

-- A named rule that expands to concrete agencies at a date ("Các sở, ban ngành", "UBND cấp xã").
CREATE TABLE agency_group (
    id          UUID PRIMARY KEY,
    code        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    name_folded TEXT        NOT NULL,
    kinds       TEXT[]      NOT NULL DEFAULT '{}',
    levels      TEXT[]      NOT NULL DEFAULT '{}',
    ancestor_id UUID REFERENCES agency (id),
    agency_ids  UUID[]      NOT NULL DEFAULT '{}',
    version     BIGINT      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
