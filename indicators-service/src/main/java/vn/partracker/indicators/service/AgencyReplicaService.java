package vn.partracker.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.indicators.domain.AgencyGroupReplica;
import vn.partracker.indicators.domain.AgencyParentLink;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.repository.AgencyGroupReplicaRepository;
import vn.partracker.indicators.repository.AgencyReplicaRepository;
import vn.partracker.support.text.VietnameseText;

/**
 * Applies agency and agency group events to the local replicas. Each event carries the full state, so applying is
 * a replace; the version check makes a redelivered or reordered older event harmless.
 */
@ApplicationScoped
public class AgencyReplicaService {

    private final AgencyReplicaRepository replicas;
    private final AgencyGroupReplicaRepository groups;

    public AgencyReplicaService(AgencyReplicaRepository replicas, AgencyGroupReplicaRepository groups) {
        this.replicas = replicas;
        this.groups = groups;
    }

    /**
     * Upserts the agency replica, its parent links included, unless it already holds the same or a newer version:
     * events of one agency arrive in order, but a redelivered old event must never overwrite a newer state.
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
        replica.parentLinks.clear();
        if (event.parentLinks() != null) {
            for (ParentLink link : event.parentLinks()) {
                replica.parentLinks.add(new AgencyParentLink(link.parentId(), link.validFrom(), link.validTo()));
            }
        }
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

    /**
     * Upserts the group replica unless it already holds the same or a newer version.
     *
     * @return whether the replica changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UUID eventId, AgencyGroupUpserted event) {
        AgencyGroupReplica replica = groups.findById(event.id());
        if (replica != null && replica.sourceVersion >= event.version()) {
            return false;
        }
        if (replica == null) {
            replica = new AgencyGroupReplica();
            replica.id = event.id();
        }
        replica.code = event.code();
        replica.name = event.name();
        replica.nameFolded = VietnameseText.fold(event.name());
        replica.kinds = event.kinds() == null ? new ArrayList<>() : new ArrayList<>(event.kinds());
        replica.levels = event.levels() == null ? new ArrayList<>() : new ArrayList<>(event.levels());
        replica.ancestorId = event.ancestorId();
        replica.agencyIds = event.agencyIds() == null ? new ArrayList<>() : new ArrayList<>(event.agencyIds());
        replica.sourceVersion = event.version();
        replica.lastEventId = eventId;
        replica.replicatedAt = Instant.now();
        groups.persist(replica);
        return true;
    }
}
