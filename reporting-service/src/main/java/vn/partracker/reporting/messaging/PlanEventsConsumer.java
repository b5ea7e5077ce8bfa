package vn.partracker.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.reporting.service.PlanEventService;
import vn.partracker.support.consumer.RetryLoop;

/**
 * Consumes {@code partracker.plans} (plans, tasks, assignments, progress), keyed by plan id so one plan's events
 * arrive in order. Committed after the database commit, like every consumer here.
 *
 * <p>{@link RetryLoop} retries a transient failure (database or broker unreachable, time-out, deadlock) in place
 * with backoff, committing nothing meanwhile, and dead-letters only a record that can never be applied.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private final PlanEventService service;
    private final RetryLoop retry;

    public PlanEventsConsumer(PlanEventService service, RetryLoop retry) {
        this.service = service;
        this.retry = retry;
    }

    /** Applies one plan, task or assignment event. */
    @Incoming("plans")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        retry.consume(record, service::apply);
    }
}
