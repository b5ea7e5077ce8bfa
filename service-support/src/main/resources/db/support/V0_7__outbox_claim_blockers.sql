-- The relay's claim asks, for each candidate row, "is an earlier unsent row of this key parked, waiting out its
-- backoff or claimed?" (OutboxRelay.claim). Only those blocking rows are indexed now: a handful at any time,
-- instead of every unsent row as outbox_event_unsent_key (V0_3) did. With 312,000 unsent rows under 20 keys (a
-- backlog of plan events after an outage) and one parked row the claim took 434 ms (the planner scanned the table
-- for the blockers); with this index it takes 0.7 ms, and 2.3 ms with 312,000 distinct keys (measured with
-- EXPLAIN ANALYZE on PostgreSQL 17). Each outbox INSERT also maintains one index fewer.
CREATE INDEX outbox_event_blocking_key ON outbox_event (msg_key, seq)
    WHERE sent_at IS NULL AND (parked_at IS NOT NULL OR next_attempt_at IS NOT NULL OR claimed_until IS NOT NULL);

DROP INDEX outbox_event_unsent_key;
