package vn.partracker.support.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a record that can never be applied to {@code partracker.dlq.<service>}, with its original key, value and
 * headers plus the reason and its original position, and counts it in {@code partracker_dead_letters_total} (tag
 * {@code topic}: the original topic). {@link #send} returns only after the broker acknowledged the dead letter, so
 * the consumer never commits past a record that is neither applied nor dead-lettered; while the broker is
 * unreachable it keeps trying.
 */
@ApplicationScoped
public class DeadLetters {

    /** Headers a dead letter carries besides the original ones (the names SmallRye's own strategy uses). */
    public static final String REASON = "dead-letter-reason";

    public static final String KIND = "dead-letter-kind";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    /** The prefix of every service's dead-letter topic. */
    public static final String TOPIC_PREFIX = "partracker.dlq.";

    private static final int MAX_REASON = 2_000;

    private final String bootstrapServers;
    private final String topic;
    private final MeterRegistry registry;
    private KafkaProducer<String, String> producer;

    public DeadLetters(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String service,
            MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.topic = TOPIC_PREFIX + service;
        this.registry = registry;
    }

    /** This service's dead-letter topic. */
    public String topic() {
        return topic;
    }

    /** Dead-letters {@code record}; blocks until the broker acknowledged it. */
    public void send(ConsumerRecord<String, String> record, DeadLetterKind kind, String reason) {
        String text = reason == null ? kind.header() : reason;
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON);
        }
        Log.warnf(
                "%s/%d@%d cannot be applied (%s) and goes to %s: %s",
                record.topic(), record.partition(), record.offset(), kind.header(), topic, text);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(REASON, bytes(text));
        headers.add(KIND, bytes(kind.header()));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        ProducerRecord<String, String> letter =
                new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
        long backoff = 100;
        while (true) {
            try {
                producer().send(letter).get(30, TimeUnit.SECONDS);
                break;
            } catch (ExecutionException | TimeoutException e) {
                Log.warnf("dead letter to %s not acknowledged (%s); retrying in %d ms", topic, e, backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering; the record is not committed", e);
            }
        }
        Counter.builder("partracker.dead.letters")
                .description("Records sent to the dead-letter topic because they can never be applied")
                .tag("topic", record.topic())
                .register(registry)
                .increment();
    }

    /** A producer for republishing and dead-lettering (idempotent, every replica acknowledges). */
    synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, topic + "-producer");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering; the record is not committed", e);
        }
    }
}
