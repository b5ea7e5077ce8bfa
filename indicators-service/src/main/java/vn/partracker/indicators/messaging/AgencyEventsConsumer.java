package vn.partracker.indicators.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.indicators.service.AgencyReplicaService;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.consumer.ProcessedEvents;

/**
 * Keeps the agency replica in step with {@code partracker.agencies}. The event id is claimed in the same
 * transaction as the replica change, and the offset is committed only after that transaction, so a crash at any
 * point leads to a redelivery that is applied at most once.
 */
@ApplicationScoped
public class AgencyEventsConsumer {

    static final String CONSUMER = "indicators-service.agencies";

    private final ProcessedEvents processed;
    private final AgencyReplicaService replicas;

    public AgencyEventsConsumer(ProcessedEvents processed, AgencyReplicaService replicas) {
        this.processed = processed;
        this.replicas = replicas;
    }

    /** Applies one agency event. */
    @Incoming("agencies")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!processed.claim(CONSUMER, event.id(), event.type())) {
            Log.debugf("agency event %s already applied; skipped", event.id());
            return;
        }
        if (EventTypes.AGENCY_UPSERTED.equals(event.type())) {
            boolean changed = replicas.apply(event.id(), event.payloadAs(AgencyUpserted.class));
            Log.debugf("agency %s replica %s by event %s", event.key(), changed ? "updated" : "kept", event.id());
        }
    }
}
