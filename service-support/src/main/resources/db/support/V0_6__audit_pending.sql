-- Audit rows are written by each write's own transaction into audit_pending, without a lock, and chained into
-- audit_entry (seq, prev_hash, hash) by AuditSealer right after the commit, in one short transaction per batch.
-- Before, every write took the chain's advisory lock and held it through its commit, so all writes of a service
-- were serialised through the commit's disk flush. A row is in exactly one of the two tables: the sealer deletes it
-- from audit_pending in the transaction that inserts it into audit_entry.

CREATE TABLE audit_pending (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor_subject TEXT        NOT NULL,
    actor_agency  TEXT,
    actor_roles   TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    entity_type   TEXT        NOT NULL,
    entity_id     TEXT        NOT NULL,
    before_json   TEXT,
    after_json    TEXT,
    request_id    TEXT
);
