package vn.partracker.plans.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.plans.domain.AgencyGroup;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * The event writer of the agency-group aggregate: appends {@code partracker.agency-group.upserted} to the outbox on
 * the agencies topic, keyed by the group id, in the caller's transaction. Its payload is also the membership rule
 * the service expands, so plans-service and the replicas agree on a group's members.
 */
@ApplicationScoped
public class AgencyGroupEvents {

    private final OutboxWriter outbox;

    public AgencyGroupEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** {@code partracker.agency-group.upserted} with the membership rule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upserted(AgencyGroup group) {
        outbox.append(Topics.AGENCIES, group.id.toString(), EventTypes.AGENCY_GROUP_UPSERTED, payload(group));
    }

    /** The event payload of a group, whose {@code includes} rule is the one membership rule of the suite. */
    public static AgencyGroupUpserted payload(AgencyGroup group) {
        return new AgencyGroupUpserted(
                AgencyGroupUpserted.SCHEMA_VERSION,
                group.id,
                group.version,
                group.code,
                group.name,
                List.copyOf(group.kinds),
                List.copyOf(group.levels),
                group.ancestorId,
                List.copyOf(group.agencyIds));
    }
}
