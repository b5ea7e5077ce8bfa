-- An outbox that cannot jam (OutboxRelay): a row that fails permanently is parked with its reason instead of being
-- retried first forever; a row the broker refused waits next_attempt_at (per-row backoff) while other keys flow.
-- Later rows of a parked or waiting row's key stay back, so per-key order holds.
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN next_attempt_at TIMESTAMPTZ;

-- "Is an earlier row of this key blocked?" is asked for every candidate row.
CREATE INDEX outbox_event_unsent_key ON outbox_event (msg_key, seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (seq) WHERE parked_at IS NOT NULL;

-- A relay run claims its rows until claimed_until, so no transaction or connection is held while it waits for the
-- broker; other instances skip claimed rows and the later rows of their keys (per-key order across instances).
ALTER TABLE outbox_event ADD COLUMN claimed_until TIMESTAMPTZ;

-- Housekeeping (support/housekeeping) deletes old rows in small batches, oldest first.
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
