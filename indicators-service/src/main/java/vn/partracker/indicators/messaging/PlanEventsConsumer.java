package vn.partracker.indicators.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.PlanState;
import vn.partracker.indicators.service.PlanReplicaService;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.consumer.ProcessedEvents;

/**
 * Keeps the plan replica in step with {@code partracker.plans}. Only {@code plan.issued} and {@code plan.amended}
 * matter here; task and assignment events on the same topic are skipped. Idempotent in the same way as
 * {@link AgencyEventsConsumer}.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    static final String CONSUMER = "indicators-service.plans";

    private final ProcessedEvents processed;
    private final PlanReplicaService plans;

    public PlanEventsConsumer(ProcessedEvents processed, PlanReplicaService plans) {
        this.processed = processed;
        this.plans = plans;
    }

    /** Applies one plan event. */
    @Incoming("plans")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!EventTypes.PLAN_ISSUED.equals(event.type()) && !EventTypes.PLAN_AMENDED.equals(event.type())) {
            Log.debugf("event %s of type %s is not for this consumer; skipped", event.id(), event.type());
            return;
        }
        if (!processed.claim(CONSUMER, event.id(), event.type())) {
            Log.debugf("plan event %s already applied; skipped", event.id());
            return;
        }
        boolean changed = plans.apply(event.id(), event.payloadAs(PlanState.class));
        Log.debugf("plan %s replica %s by event %s", event.key(), changed ? "updated" : "kept", event.id());
    }
}
