package vn.partracker.reporting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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
    private final Timer lag;
    private final Timer consumeLag;

    public MeasurementEventsConsumer(
            MeasurementAggregationService service, RetryLoop retry, DeadLetters deadLetters, MeterRegistry registry) {
        this.service = service;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.lag = Timer.builder("partracker.aggregate.lag")
                .description("From a figure event's time (its outbox write in indicators-service) to its aggregate"
                        + " update committed here; percentiles over the last two minutes")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .register(registry);
        this.consumeLag = Timer.builder("partracker.aggregate.consume.lag")
                .description("From a figure event's Kafka record time (when indicators-service's relay sent it) to its"
                        + " aggregate update committed here: the part of partracker.aggregate.lag that is this"
                        + " consumer's; percentiles over the last two minutes")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .register(registry);
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
        List<ConsumerRecord<String, String>> dead = retry.applyAll(
                sources,
                () -> service.apply(events).failures().stream()
                        .map(failure -> new RetryLoop.Failure(failure.index(), failure.cause()))
                        .toList());
        Instant applied = Instant.now();
        for (int i = 0; i < events.size(); i++) {
            if (dead.contains(sources.get(i))) {
                continue;
            }
            if (events.get(i).time() != null) {
                lag.record(Duration.between(events.get(i).time().toInstant(), applied));
            }
            if (sources.get(i).timestamp() > 0) {
                consumeLag.record(
                        Duration.between(Instant.ofEpochMilli(sources.get(i).timestamp()), applied));
            }
        }
    }
}
