package vn.partracker.indicators.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.indicators.service.AgencyReplicaService;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Consumes {@code partracker.agencies}. {@link AgencyReplicaService} applies each event in its own transaction and
 * claims its id there; the throttled commit strategy commits the offset only after this method returned, i.e.
 * after the database commit, so a crash at any point leads to a redelivery that is applied at most once.
 */
@ApplicationScoped
public class AgencyEventsConsumer {

    private final AgencyReplicaService replicas;

    public AgencyEventsConsumer(AgencyReplicaService replicas) {
        this.replicas = replicas;
    }

    /** Applies one agency or agency group event. */
    @Incoming("agencies")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        replicas.apply(IncomingEvent.from(record));
    }
}
