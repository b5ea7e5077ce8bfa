package vn.partracker.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.reporting.service.AgencyEventService;
import vn.partracker.support.consumer.RetryLoop;

/**
 * Consumes {@code partracker.agencies}. The service applies each event in its own transaction and claims its id
 * there; the throttled commit strategy commits the offset only after this method returned, i.e. after the database
 * commit, so a crash at any point leads to a redelivery that changes nothing twice.
 *
 * <p>{@link RetryLoop} retries a transient failure (database or broker unreachable, time-out, deadlock) in place
 * with backoff, committing nothing meanwhile, and dead-letters only a record that can never be applied.
 */
@ApplicationScoped
public class AgencyEventsConsumer {

    private final AgencyEventService service;
    private final RetryLoop retry;

    public AgencyEventsConsumer(AgencyEventService service, RetryLoop retry) {
        this.service = service;
        this.retry = retry;
    }

    /** Applies one agency or agency-group event. */
    @Incoming("agencies")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        retry.consume(record, service::apply);
    }
}
