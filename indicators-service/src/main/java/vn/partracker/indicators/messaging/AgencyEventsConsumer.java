package vn.partracker.indicators.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.indicators.service.AgencyReplicaService;
import vn.partracker.support.consumer.RetryLoop;

/**
 * Consumes {@code partracker.agencies}. {@link AgencyReplicaService} applies each event in its own transaction and
 * claims its id there; the throttled commit strategy commits the offset only after this method returned, i.e.
 * after the database commit, so a crash at any point leads to a redelivery that is applied at most once.
 *
 * <p>{@link RetryLoop} retries a transient failure (database or broker unreachable, time-out, deadlock) in place
 * with backoff, committing nothing meanwhile, and dead-letters only a record that can never be applied.
 */
@ApplicationScoped
public class AgencyEventsConsumer {

    private final AgencyReplicaService replicas;
    private final RetryLoop retry;

    public AgencyEventsConsumer(AgencyReplicaService replicas, RetryLoop retry) {
        this.replicas = replicas;
        this.retry = retry;
    }

    /** Applies one agency or agency group event. */
    @Incoming("agencies")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        retry.consume(record, replicas::apply);
    }
}
