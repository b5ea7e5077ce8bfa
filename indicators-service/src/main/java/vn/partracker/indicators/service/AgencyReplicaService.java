package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.indicators.domain.AgencyGroupReplica;
import vn.partracker.indicators.domain.AgencyParentLink;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.repository.AgencyGroupReplicaRepository;
import vn.partracker.indicators.repository.AgencyReplicaRepository;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.consumer.ProcessedEvents;
import vn.partracker.support.text.VietnameseText;

/**
 * Applies agency and agency group events to the local replicas. Each event carries the full state, so applying is
 * a replace; the version check makes a redelivered or reordered older event harmless. The event id is claimed in
 * the same transaction as the replica change, so a redelivery after a crash is applied at most once.
 */
@ApplicationScoped
public class AgencyReplicaService {

    /** The name under which this service claims the events of {@code partracker.agencies}. */
    static final String CONSUMER = "indicators-service.agencies";

    private final ProcessedEvents processed;
    private final AgencyReplicaRepository replicas;
    private final AgencyGroupReplicaRepository groups;

    public AgencyReplicaService(
            ProcessedEvents processed, AgencyReplicaRepository replicas, AgencyGroupReplicaRepository groups) {
        this.processed = processed;
        this.replicas = replicas;
        this.groups = groups;
    }

    /**
     * Applies one event of {@code partracker.agencies} exactly once, in its own transaction: the consumer commits
     * the Kafka offset only after this returned. Types other than agency and agency group upserts are skipped
     * without a claim.
     */
    @Transactional
    public void apply(IncomingEvent event) {
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
                ? apply(event.id(), event.payloadAs(AgencyUpserted.class))
                : apply(event.id(), event.payloadAs(AgencyGroupUpserted.class));
        Log.debugf(
                "%s %s replica %s by event %s",
                agency ? "agency" : "agency group", event.key(), changed ? "updated" : "kept", event.id());
    }

    /**
     * Upserts the agency replica, its parent links included, unless it already holds the same or a newer version:
     * events of one agency arrive in order, but a redelivered old event must never overwrite a newer state.
     *
     * @return whether the replica changed
     */
    private boolean apply(UUID eventId, AgencyUpserted event) {
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
    private boolean apply(UUID eventId, AgencyGroupUpserted event) {
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
