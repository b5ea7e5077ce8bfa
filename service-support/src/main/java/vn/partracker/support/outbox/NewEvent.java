package vn.partracker.support.outbox;

/**
 * An event to append to the outbox.
 *
 * @param topic Kafka topic
 * @param key aggregate id, the Kafka key and the CloudEvents subject
 * @param type CloudEvents type
 * @param payload payload record, serialized with {@code EventJson}
 */
public record NewEvent(String topic, String key, String type, Object payload) {}
