package vn.partracker.support.consumer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;

/**
 * A consumed Kafka record read as a CloudEvent: attributes from the {@code ce_*} headers, payload as JSON text,
 * and the record's position (topic, partition, offset) for reports that say which events they include.
 */
public record IncomingEvent(
        UUID id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String topic,
        int partition,
        long offset,
        String key,
        String payload) {

    /**
     * Reads the CloudEvents headers of a record.
     *
     * @throws IllegalArgumentException when {@code ce_id} or {@code ce_type} is missing or malformed
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no ce_id or ce_type header");
        }
        String time = header(record, CloudEventHeaders.TIME);
        return new IncomingEvent(
                UUID.fromString(id),
                type,
                header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT),
                time == null ? null : OffsetDateTime.parse(time),
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value());
    }

    /** Parses the payload as {@code type}. */
    public <T> T payloadAs(Class<T> payloadType) {
        return EventJson.read(payload, payloadType);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
