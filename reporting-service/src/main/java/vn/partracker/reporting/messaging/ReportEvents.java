package vn.partracker.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.ReportFinalized;
import vn.partracker.reporting.domain.regime.FinalizedReport;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * The events of the finalized-report aggregate, the only events reporting-service publishes. They go to the outbox
 * in the caller's transaction, so {@code partracker.report.finalized} exists exactly when the snapshot was committed;
 * the relay publishes them afterwards, keyed by the snapshot id.
 */
@ApplicationScoped
public class ReportEvents {

    private final OutboxWriter outbox;

    public ReportEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Announces a stored snapshot with its content hash, so other systems can tell which figures were filed. */
    public void finalized(FinalizedReport snapshot) {
        outbox.append(
                Topics.REPORTS,
                snapshot.id.toString(),
                EventTypes.REPORT_FINALIZED,
                new ReportFinalized(
                        ReportFinalized.SCHEMA_VERSION,
                        snapshot.id,
                        snapshot.regimeId,
                        snapshot.period,
                        snapshot.agencyId,
                        snapshot.contentHash,
                        snapshot.finalizedAt.atOffset(ZoneOffset.UTC),
                        snapshot.finalizedBy));
    }
}
