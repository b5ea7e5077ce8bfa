package vn.partracker.indicators.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.indicators.service.PlanReplicaService;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Consumes {@code partracker.plans}. {@link PlanReplicaService} applies each event and claims its id in one
 * transaction; the offset is committed after that, as for {@link AgencyEventsConsumer}.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private final PlanReplicaService plans;

    public PlanEventsConsumer(PlanReplicaService plans) {
        this.plans = plans;
    }

    /** Applies one plan event. */
    @Incoming("plans")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        plans.apply(IncomingEvent.from(record));
    }
}
