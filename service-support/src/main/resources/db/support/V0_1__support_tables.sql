-- Infrastructure tables every service carries (from service-support): the transactional outbox, the record of
-- consumed events, and stored answers to idempotent POSTs.

CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    msg_key      TEXT        NOT NULL,
    ce_type      TEXT        NOT NULL,
    ce_source    TEXT        NOT NULL,
    ce_subject   TEXT,
    ce_time      TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT
);

-- The relay only ever looks at unsent rows, in commit order.
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;

CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    event_type   TEXT,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE idempotency_key (
    scope         TEXT        NOT NULL,
    idem_key      TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INTEGER     NOT NULL,
    location      TEXT,
    response_body TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
