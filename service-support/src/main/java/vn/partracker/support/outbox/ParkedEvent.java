package vn.partracker.support.outbox;

import java.time.OffsetDateTime;

/**
 * An outbox row the relay parked because it failed for good; it holds back the later events of its key.
 *
 * @param seq outbox sequence number (commit order)
 * @param id the event's {@code ce_id}
 * @param topic Kafka topic
 * @param key Kafka key (aggregate id)
 * @param type CloudEvents type
 * @param attempts tries counted so far
 * @param lastError why the last try failed
 * @param parkedAt when it was parked; {@code null} once released for another try
 */
public record ParkedEvent(
        long seq,
        String id,
        String topic,
        String key,
        String type,
        int attempts,
        String lastError,
        OffsetDateTime parkedAt) {}
