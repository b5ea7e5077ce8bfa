-- The audit trail every service keeps of its writes (service-support AuditTrail), tamper-evident by a hash chain:
-- hash = SHA-256 over the row's content and prev_hash (the previous row's hash). seq has no gaps, so a removed
-- row shows too. Text columns, not jsonb, keep before/after byte for byte as they were hashed.
-- A shared migration added after the services' own: each service sets quarkus.flyway.out-of-order=true.

CREATE TABLE audit_entry (
    seq           BIGINT      PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor_subject TEXT        NOT NULL,
    actor_agency  TEXT,
    actor_roles   TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    entity_type   TEXT        NOT NULL,
    entity_id     TEXT        NOT NULL,
    before_json   TEXT,
    after_json    TEXT,
    request_id    TEXT,
    prev_hash     CHAR(64)    NOT NULL,
    hash          CHAR(64)    NOT NULL
);

CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id, seq);
CREATE INDEX audit_entry_actor ON audit_entry (actor_subject, seq);
CREATE INDEX audit_entry_time ON audit_entry (occurred_at);
