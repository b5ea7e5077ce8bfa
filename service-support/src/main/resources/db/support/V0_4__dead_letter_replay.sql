-- How far POST /api/admin/dead-letters/replay got in this service's dead-letter topic (service-support
-- DeadLetterReplay): per partition, the offset of the first dead letter not yet replayed. A second replay starts
-- there, so no dead letter is replayed twice; the consumers' processed_event claims make even that harmless.
-- A shared migration added after the services' own: each service sets quarkus.flyway.out-of-order=true.

CREATE TABLE dead_letter_replay (
    topic       TEXT        NOT NULL,
    partition   INTEGER     NOT NULL,
    next_offset BIGINT      NOT NULL,
    replayed    BIGINT      NOT NULL DEFAULT 0,
    replayed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
