package vn.partracker.indicators.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.indicators.service.AgencyReplicaService;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.consumer.ProcessedEvents;

/**
 * Keeps the agency and agency group replicas in step with {@code partracker.agencies}, dispatching on
 * {@code ce_type}. The event id is claimed in the same transaction as the replica change, and the offset is
 * committed only after that transaction, so a crash at any point leads to a redelivery that is applied at most once.
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

    /** Applies one agency or agency group event; other types on the topic are skipped without a claim. */
    @Incoming("agencies")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        boolean agency = EventTypes.AGENCY_UPSERTED.equals(event.type());
        boolean group = EventTypes.AGENCY_GROUP_UPSERTED.equals(event.type());
        if (!agency && !group) {
            Log.debugf("event %s of type %s is not for this consumer; skipped", event.id(), event.type());
            return;
        }
        if (!processed.claim(CONSUMER, event.id(), event.type())) {
            Log.debugf("agency event %s already applied; skipped", event.id());
            return;
        }
        boolean changed = agency
                ? replicas.apply(event.id(), event.payloadAs(AgencyUpserted.class))
                : replicas.apply(event.id(), event.payloadAs(AgencyGroupUpserted.class));
        Log.debugf(
                "%s %s replica %s by event %s",
                agency ? "agency" : "agency group", event.key(), changed ? "updated" : "kept", event.id());
    }
}
