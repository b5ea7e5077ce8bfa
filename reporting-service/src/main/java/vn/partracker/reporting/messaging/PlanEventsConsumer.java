package vn.partracker.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.reporting.service.PlanEventService;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Consumes {@code partracker.plans} (plans, tasks, assignments, progress), keyed by plan id so one plan's events
 * arrive in order. Committed after the database commit, like every consumer here.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private final PlanEventService service;

    public PlanEventsConsumer(PlanEventService service) {
        this.service = service;
    }

    /** Applies one plan, task or assignment event. */
    @Incoming("plans")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        service.apply(IncomingEvent.from(record));
    }
}
