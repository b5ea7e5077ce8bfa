package vn.partracker.reporting.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import vn.partracker.reporting.service.MeasurementAggregationService;
import vn.partracker.reporting.service.MeasurementAggregationService.BatchOutcome;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Consumes {@code partracker.measurements} in batches: a poll's records are applied by
 * {@link MeasurementAggregationService#apply} (one transaction, or one per event when the batch fails) and committed
 * after it.
 *
 * <p>An event the service could not apply, or a record that is not a readable CloudEvent, goes to
 * {@code partracker.dlq.reporting-service} alone; nacking the batch would dead-letter every record of it, the good
 * ones included. The method returns only after the dead letters were
 * acknowledged by the broker, so nothing is committed past an event that is neither applied nor dead-lettered.
 */
@ApplicationScoped
public class MeasurementEventsConsumer {

    private final MeasurementAggregationService service;
    private final Emitter<String> deadLetters;

    public MeasurementEventsConsumer(
            MeasurementAggregationService service, @Channel("measurement-dead-letters") Emitter<String> deadLetters) {
        this.service = service;
        this.deadLetters = deadLetters;
    }

    /** Applies one polled batch of measurement events; what cannot be read or applied is dead-lettered alone. */
    @Incoming("measurements")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<IncomingEvent> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(IncomingEvent.from(record));
                sources.add(record);
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        for (BatchOutcome.Failure failure : service.apply(events).failures()) {
            deadLetter(sources.get(failure.index()), failure.cause());
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Exception cause) {
        Log.warnf(
                "measurements: record %s/%d@%d cannot be applied and goes to the dead-letter topic: %s",
                record.topic(), record.partition(), record.offset(), cause.getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(String.valueOf(cause.getMessage())));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        java.util.concurrent.CompletableFuture<Void> acked = new java.util.concurrent.CompletableFuture<>();
        deadLetters.send(Message.of(
                record.value() == null ? "" : record.value(),
                Metadata.of(metadata),
                () -> {
                    acked.complete(null);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                },
                reason -> {
                    acked.completeExceptionally(reason);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }));
        acked.join();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
