package vn.partracker.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.repository.AgencyReplicaRepository;

/** Applies agency events to the local replica. */
@ApplicationScoped
public class AgencyReplicaService {

    private final AgencyReplicaRepository replicas;

    public AgencyReplicaService(AgencyReplicaRepository replicas) {
        this.replicas = replicas;
    }

    /**
     * Upserts the replica unless it already holds the same or a newer version: events of one agency arrive in
     * order, but a redelivered old event must never overwrite a newer state.
     *
     * @return whether the replica changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UUID eventId, AgencyUpserted event) {
        AgencyReplica replica = replicas.findById(event.id());
        if (replica != null && replica.sourceVersion >= event.version()) {
            return false;
        }
        if (replica == null) {
            replica = new AgencyReplica();
            replica.id = event.id();
        }
        replica.code = event.code();
        replica.name = event.name();
        replica.shortName = event.shortName();
        replica.kind = event.kind();
        replica.level = event.level();
        replica.parentId = event.parentId();
        replica.sectors = event.sectors() == null ? new ArrayList<>() : new ArrayList<>(event.sectors());
        replica.validFrom = event.validFrom();
        replica.validTo = event.validTo();
        replica.predecessorIds =
                event.predecessorIds() == null ? new ArrayList<>() : new ArrayList<>(event.predecessorIds());
        replica.sourceVersion = event.version();
        replica.lastEventId = eventId;
        replica.replicatedAt = Instant.now();
        replicas.persist(replica);
        return true;
    }
}
