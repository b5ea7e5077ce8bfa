-- A rebuild of the aggregates is a durable job (POST /api/admin/rebuild answers 202 with its Location): it recomputes
-- one indicator per short transaction, so the measurement consumer waits at most for one indicator, and its
-- progress and outcome survive the request. A job left RUNNING by a process that died is marked FAILED with a reason
-- when its worker starts again, or by any instance once its heartbeat is stale.
CREATE TABLE rebuild_job (
    id                UUID PRIMARY KEY,
    status            TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by      TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    worker            TEXT,
    started_at        TIMESTAMPTZ,
    heartbeat_at      TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    indicators_total  INTEGER     NOT NULL DEFAULT 0,
    indicators_done   INTEGER     NOT NULL DEFAULT 0,
    figures           INTEGER     NOT NULL DEFAULT 0,
    aggregate_rows    INTEGER     NOT NULL DEFAULT 0,
    difference_count  INTEGER     NOT NULL DEFAULT 0,
    differences       JSONB       NOT NULL DEFAULT '[]',
    failure_reason    TEXT
);

-- at most one rebuild queued or running at a time
CREATE UNIQUE INDEX rebuild_job_one_active ON rebuild_job ((true)) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX rebuild_job_requested ON rebuild_job (requested_at DESC);

-- a rebuild reads and replaces one indicator at a time
CREATE INDEX measurement_indicator ON measurement (indicator_id);
CREATE INDEX indicator_contribution_indicator ON indicator_contribution (indicator_id);
