-- Plans, their tasks, the assignments made when a plan is issued, and the append-only progress reported on them.

-- PAR fields are configurable rows: the seven of the 2020 Kon Tum PAR plan plus the TTHC sub-fields plans use.
CREATE TABLE par_field (
    code       TEXT PRIMARY KEY,
    name       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL
);

INSERT INTO par_field (code, name, sort_order) VALUES
    ('INSTITUTIONS', 'Cải cách thể chế', 1),
    ('TTHC', 'Cải cách thủ tục hành chính', 2),
    ('ORGANISATION', 'Cải cách tổ chức bộ máy hành chính nhà nước', 3),
    ('CIVIL_SERVICE', 'Xây dựng, nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức', 4),
    ('PUBLIC_FINANCE', 'Cải cách tài chính công', 5),
    ('MODERNISATION', 'Hiện đại hóa hành chính', 6),
    ('DIRECTION', 'Công tác chỉ đạo, điều hành và tuyên truyền cải cách hành chính', 7),
    ('TTHC_CONTROL', 'Kiểm soát thủ tục hành chính', 8),
    ('ONE_STOP', 'Cơ chế một cửa, một cửa liên thông', 9);

CREATE TABLE plan (
    id             UUID PRIMARY KEY,
    number         TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    search_folded  TEXT        NOT NULL,
    issuer_id      UUID        NOT NULL REFERENCES agency (id),
    issued_on      DATE,
    plan_year      INTEGER,
    valid_from     DATE,
    valid_to       DATE,
    legal_bases    JSONB       NOT NULL DEFAULT '[]',
    objectives     TEXT,
    requirements   TEXT,
    sections       JSONB       NOT NULL DEFAULT '[]',
    parent_plan_id UUID REFERENCES plan (id),
    status         TEXT        NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT plan_number_issuer UNIQUE (number, issuer_id),
    CONSTRAINT plan_valid_range CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);

CREATE INDEX plan_year_status ON plan (plan_year, status);

CREATE TABLE task (
    id                    UUID PRIMARY KEY,
    plan_id               UUID        NOT NULL REFERENCES plan (id),
    section_code          TEXT,
    ordinal               TEXT,
    position              INTEGER     NOT NULL,
    title                 TEXT        NOT NULL,
    description           TEXT,
    field_code            TEXT REFERENCES par_field (code),
    monitoring_agency_id  UUID REFERENCES agency (id),
    expected_output       TEXT,
    legal_basis           TEXT,
    timeframe_text        TEXT        NOT NULL,
    timeframe_kind        TEXT        NOT NULL,
    timeframe_start       DATE,
    timeframe_end         DATE,
    due_date              DATE,
    recurrence            TEXT[],
    recurrence_ad_hoc     BOOLEAN     NOT NULL DEFAULT FALSE,
    relative_days         INTEGER,
    relative_working_days BOOLEAN     NOT NULL DEFAULT FALSE,
    relative_to           TEXT,
    version               BIGINT      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX task_plan ON task (plan_id, position);

-- Lead and coordinating agencies of a task: each row names one agency or one group, in the plan's order.
CREATE TABLE task_lead_agency (
    task_id   UUID    NOT NULL REFERENCES task (id),
    position  INTEGER NOT NULL,
    agency_id UUID REFERENCES agency (id),
    group_id  UUID REFERENCES agency_group (id),
    PRIMARY KEY (task_id, position),
    CONSTRAINT task_lead_agency_one CHECK ((agency_id IS NULL) <> (group_id IS NULL))
);

CREATE TABLE task_coordinating_agency (
    task_id   UUID    NOT NULL REFERENCES task (id),
    position  INTEGER NOT NULL,
    agency_id UUID REFERENCES agency (id),
    group_id  UUID REFERENCES agency_group (id),
    PRIMARY KEY (task_id, position),
    CONSTRAINT task_coordinating_agency_one CHECK ((agency_id IS NULL) <> (group_id IS NULL))
);

-- One per (task, concrete lead agency) after group expansion. Overdue is derived from due_date, never stored.
CREATE TABLE assignment (
    id               UUID PRIMARY KEY,
    plan_id          UUID          NOT NULL REFERENCES plan (id),
    task_id          UUID          NOT NULL REFERENCES task (id),
    agency_id        UUID          NOT NULL REFERENCES agency (id),
    status           TEXT          NOT NULL,
    percent          NUMERIC(5, 2) NOT NULL DEFAULT 0,
    due_date         DATE,
    last_reported_at TIMESTAMPTZ,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT assignment_task_agency UNIQUE (task_id, agency_id)
);

CREATE INDEX assignment_agency ON assignment (agency_id, status);
CREATE INDEX assignment_plan ON assignment (plan_id);

-- Append-only: a progress update is never changed or deleted.
CREATE TABLE progress_update (
    id              UUID PRIMARY KEY,
    assignment_id   UUID          NOT NULL REFERENCES assignment (id),
    percent         NUMERIC(5, 2) NOT NULL CHECK (percent >= 0 AND percent <= 100),
    note            TEXT,
    evidence        TEXT[]        NOT NULL DEFAULT '{}',
    status          TEXT          NOT NULL,
    previous_status TEXT          NOT NULL,
    reported_at     TIMESTAMPTZ   NOT NULL,
    reported_by     TEXT
);

CREATE INDEX progress_update_assignment ON progress_update (assignment_id, reported_at);

CREATE RULE progress_update_no_update AS ON UPDATE TO progress_update DO INSTEAD NOTHING;
CREATE RULE progress_update_no_delete AS ON DELETE TO progress_update DO INSTEAD NOTHING;

-- Every change to an issued plan, with its reason and the state before and after.
CREATE TABLE plan_amendment (
    id             UUID PRIMARY KEY,
    plan_id        UUID        NOT NULL REFERENCES plan (id),
    version_before BIGINT      NOT NULL,
    version_after  BIGINT      NOT NULL,
    reason         TEXT        NOT NULL,
    changed_fields TEXT[]      NOT NULL DEFAULT '{}',
    before_state   JSONB       NOT NULL,
    after_state    JSONB       NOT NULL,
    amended_at     TIMESTAMPTZ NOT NULL,
    amended_by     TEXT
);

CREATE INDEX plan_amendment_plan ON plan_amendment (plan_id, amended_at);
