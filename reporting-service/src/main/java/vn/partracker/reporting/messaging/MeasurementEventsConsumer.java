package vn.partracker.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.reporting.service.MeasurementAggregationService;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.consumer.RetryLoop;
import vn.partracker.support.deadletter.DeadLetterKind;
import vn.partracker.support.deadletter.DeadLetters;

/**
 * Consumes {@code partracker.measurements} in batches: a poll's records are applied by
 * {@link MeasurementAggregationService#apply} (one transaction, or one per event when the batch fails) and committed
 * after this method returned.
 *
 * <p>While any event of the batch failed transiently (the database restarting, a pool time-out, a deadlock) the
 * whole batch is applied again after a backoff ({@link RetryLoop}): events already applied are skipped by their
 * processed-event claims, so nothing counts twice, and nothing is committed or dead-lettered meanwhile. Only an
 * event that can never be applied, or a record that is not a readable CloudEvent, goes to
 * {@code partracker.dlq.reporting-service}, alone; the method returns after the broker acknowledged it.
 */
@ApplicationScoped
public class MeasurementEventsConsumer {

    private final MeasurementAggregationService service;
    private final RetryLoop retry;
    private final DeadLetters deadLetters;

    public MeasurementEventsConsumer(MeasurementAggregationService service, RetryLoop retry, DeadLetters deadLetters) {
        this.service = service;
        this.retry = retry;
        this.deadLetters = deadLetters;
    }

    /** Applies one polled batch of measurement events; what can never be applied is dead-lettered alone. */
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
                deadLetters.send(record, DeadLetterKind.UNREADABLE, String.valueOf(e.getMessage()));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        retry.applyAll(
                sources,
                () -> service.apply(events).failures().stream()
                        .map(failure -> new RetryLoop.Failure(failure.index(), failure.cause()))
                        .toList());
    }
}
