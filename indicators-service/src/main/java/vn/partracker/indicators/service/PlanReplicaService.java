package vn.partracker.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import vn.partracker.events.payload.PlanState;
import vn.partracker.indicators.domain.PlanReplica;
import vn.partracker.indicators.repository.PlanReplicaRepository;

/** Applies plan events to the local plan replica (the head of the plan only; tasks belong to plans-service). */
@ApplicationScoped
public class PlanReplicaService {

    private final PlanReplicaRepository plans;

    public PlanReplicaService(PlanReplicaRepository plans) {
        this.plans = plans;
    }

    /**
     * Upserts the plan replica unless it already holds the same or a newer version.
     *
     * @return whether the replica changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UUID eventId, PlanState event) {
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
