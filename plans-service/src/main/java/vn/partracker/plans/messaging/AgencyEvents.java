package vn.partracker.plans.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.hierarchy.ParentHistory;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * The event writer of the agency aggregate: appends {@code partracker.agency.upserted} to the outbox, keyed by the
 * agency id, in the caller's transaction. Callers pass the state after the flush, so the version in the payload is
 * the one the database holds.
 */
@ApplicationScoped
public class AgencyEvents {

    private final OutboxWriter outbox;

    public AgencyEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** {@code partracker.agency.upserted} with the whole parent history and the parent today. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upserted(Agency agency, List<ParentPeriod> periods) {
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
}
