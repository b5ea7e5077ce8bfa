package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.reporting.repository.AgencyReplicaRepository;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Applies agency and agency-group events to the replicas. Subtree roll-ups are computed from the hierarchy valid on
 * a report's date, so a hierarchy change needs no separate recomputation of stored aggregates.
 */
@ApplicationScoped
public class AgencyEventService {

    static final String CONSUMER = "reporting-service.agencies";

    private final EventLedger ledger;
    private final AgencyReplicaRepository agencies;

    public AgencyEventService(EventLedger ledger, AgencyReplicaRepository agencies) {
        this.ledger = ledger;
        this.agencies = agencies;
    }

    /** Applies one event of {@code partracker.agencies} exactly once; an older version never overwrites a newer. */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!ledger.claim(CONSUMER, event)) {
            Log.debugf("agency event %s already applied; skipped", event.id());
            return;
        }
        if (EventTypes.AGENCY_UPSERTED.equals(event.type())) {
            boolean changed = agencies.upsert(event.payloadAs(AgencyUpserted.class));
            Log.debugf("agency %s %s by event %s", event.key(), changed ? "updated" : "kept", event.id());
        } else if (EventTypes.AGENCY_GROUP_UPSERTED.equals(event.type())) {
            boolean changed = agencies.upsertGroup(event.payloadAs(AgencyGroupUpserted.class));
            Log.debugf("agency group %s %s by event %s", event.key(), changed ? "updated" : "kept", event.id());
        }
    }
}
