package vn.partracker.indicators.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.indicators.service.PlanReplicaService;
import vn.partracker.support.consumer.RetryLoop;

/**
 * Consumes {@code partracker.plans}. {@link PlanReplicaService} applies each event and claims its id in one
 * transaction; the offset is committed after that, as for {@link AgencyEventsConsumer}.
 *
 * <p>{@link RetryLoop} retries a transient failure (database or broker unreachable, time-out, deadlock) in place
 * with backoff, committing nothing meanwhile, and dead-letters only a record that can never be applied.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private final PlanReplicaService plans;
    private final RetryLoop retry;

    public PlanEventsConsumer(PlanReplicaService plans, RetryLoop retry) {
        this.plans = plans;
        this.retry = retry;
    }

    /** Applies one plan event. */
    @Incoming("plans")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        retry.consume(record, plans::apply);
    }
}
