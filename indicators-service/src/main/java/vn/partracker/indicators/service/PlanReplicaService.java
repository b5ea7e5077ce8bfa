package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.PlanState;
import vn.partracker.indicators.domain.PlanReplica;
import vn.partracker.indicators.repository.PlanReplicaRepository;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.consumer.ProcessedEvents;

/**
 * Applies plan events to the local plan replica (the head of the plan only; tasks belong to plans-service). The
 * event id is claimed in the same transaction as the replica change, so a redelivery is applied at most once.
 */
@ApplicationScoped
public class PlanReplicaService {

    /** The name under which this service claims the events of {@code partracker.plans}. */
    static final String CONSUMER = "indicators-service.plans";

    private final ProcessedEvents processed;
    private final PlanReplicaRepository plans;

    public PlanReplicaService(ProcessedEvents processed, PlanReplicaRepository plans) {
        this.processed = processed;
        this.plans = plans;
    }

    /**
     * Applies one event of {@code partracker.plans} exactly once, in its own transaction. Only
     * {@code plan.issued} and {@code plan.amended} matter here; task and assignment events on the same topic are
     * skipped without a claim.
     */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!EventTypes.PLAN_ISSUED.equals(event.type()) && !EventTypes.PLAN_AMENDED.equals(event.type())) {
            Log.debugf("event %s of type %s is not for this consumer; skipped", event.id(), event.type());
            return;
        }
        if (!processed.claim(CONSUMER, event.id(), event.type())) {
            Log.debugf("plan event %s already applied; skipped", event.id());
            return;
        }
        boolean changed = apply(event.id(), event.payloadAs(PlanState.class));
        Log.debugf("plan %s replica %s by event %s", event.key(), changed ? "updated" : "kept", event.id());
    }

    /**
     * Upserts the plan replica unless it already holds the same or a newer version.
     *
     * @return whether the replica changed
     */
    private boolean apply(UUID eventId, PlanState event) {
        PlanReplica replica = plans.findById(event.id());
        if (replica != null && replica.sourceVersion >= event.version()) {
            return false;
        }
        if (replica == null) {
            replica = new PlanReplica();
            replica.id = event.id();
        }
        replica.number = event.number();
        replica.title = event.title();
        replica.year = event.year();
        replica.issuedOn = event.issuedOn();
        replica.validFrom = event.validFrom();
        replica.validTo = event.validTo();
        replica.status = event.status();
        replica.sourceVersion = event.version();
        replica.lastEventId = eventId;
        replica.replicatedAt = Instant.now();
        plans.persist(replica);
        return true;
    }
}
