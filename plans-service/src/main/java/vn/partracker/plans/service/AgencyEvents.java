package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyGroup;
import vn.partracker.plans.domain.hierarchy.ParentHistory;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * Writes the agencies topic's events to the outbox, keyed by the agency or group id. Callers pass the state after
 * the flush, so the version in the payload is the one the database holds.
 */
@ApplicationScoped
public class AgencyEvents {

    private final OutboxWriter outbox;

    public AgencyEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** {@code partracker.agency.upserted} with the whole parent history and the parent today. */
    public void agencyUpserted(Agency agency, List<ParentPeriod> periods) {
        List<ParentLink> links = ParentHistory.sorted(periods).stream()
                .map(p -> new ParentLink(p.parentId(), p.from(), p.to()))
                .toList();
        outbox.append(
                Topics.AGENCIES,
                agency.id.toString(),
                EventTypes.AGENCY_UPSERTED,
                new AgencyUpserted(
                        AgencyUpserted.SCHEMA_VERSION,
                        agency.id,
                        agency.version,
                        agency.code,
                        agency.name,
                        agency.shortName,
                        agency.kind.name(),
                        agency.level,
                        ParentHistory.parentToday(periods, LocalDate.now()),
                        links,
                        List.copyOf(agency.sectors),
                        agency.validFrom,
                        agency.validTo,
                        List.copyOf(agency.predecessorIds)));
    }

    /** {@code partracker.agency-group.upserted} with the membership rule. */
    public void groupUpserted(AgencyGroup group) {
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
