package vn.partracker.events;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels: CloudEvents attributes, the Kafka topic and key, and the JSON payload text.
 *
 * <p>The payload is kept as text so that the outbox stores and the relay publishes exactly the bytes the producing
 * transaction wrote, and a consumer can record the event id before it parses anything.
 *
 * @param id CloudEvents {@code ce_id}; consumers deduplicate on it
 * @param type one of {@link EventTypes}
 * @param source the producing service, e.g. {@code /plans-service}
 * @param subject the aggregate id the event is about (also the Kafka key)
 * @param time when the change was committed
 * @param topic one of {@link Topics}
 * @param key Kafka record key
 * @param payload JSON text of the payload record
 */
public record EventEnvelope(
        UUID id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String topic,
        String key,
        String payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }
}
