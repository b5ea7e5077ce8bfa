package vn.partracker.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.reporting.service.IndicatorEventService;
import vn.partracker.support.consumer.RetryLoop;

/**
 * Consumes {@code partracker.indicators}; committed after the database commit.
 *
 * <p>{@link RetryLoop} retries a transient failure (database or broker unreachable, time-out, deadlock) in place
 * with backoff, committing nothing meanwhile, and dead-letters only a record that can never be applied.
 */
@ApplicationScoped
public class IndicatorEventsConsumer {

    private final IndicatorEventService service;
    private final RetryLoop retry;

    public IndicatorEventsConsumer(IndicatorEventService service, RetryLoop retry) {
        this.service = service;
        this.retry = retry;
    }

    /** Applies one indicator definition. */
    @Incoming("indicators")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        retry.consume(record, service::apply);
    }
}
