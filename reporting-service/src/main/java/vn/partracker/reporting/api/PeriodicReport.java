package vn.partracker.reporting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The periodic report of a regime for one period and agency: indicators of the regime, task progress as of the
 * window's last day, and completeness. A finalized report is returned as its snapshot with {@code finalization}
 * saying what differs now.
 */
@Schema(description = "Periodic report of a regime, period and agency subtree")
public record PeriodicReport(
        UUID regimeId,
        String regimeCode,
        String regimeName,
        String legalBasis,
        String period,
        LocalDate windowFrom,
        LocalDate windowTo,
        UUID agencyId,
        String agencyName,
        Instant computedAsOf,
        Map<String, Long> eventPosition,
        List<IndicatorReportRow> indicators,
        TaskReport tasks,
        CompletenessReport completeness,
        Finalization finalization) {

    /** The same report with a finalization block. */
    public PeriodicReport withFinalization(Finalization f) {
        return new PeriodicReport(
                regimeId,
                regimeCode,
                regimeName,
                legalBasis,
                period,
                windowFrom,
                windowTo,
                agencyId,
                agencyName,
                computedAsOf,
                eventPosition,
                indicators,
                tasks,
                completeness,
                f);
    }

    /**
     * How and when the report was frozen, and what the live figures say differently since.
     *
     * @param contentHash SHA-256 of the snapshot's canonical JSON without computedAsOf and eventPosition
     * @param changedSinceFinalization each value that differs now ({@code path}, snapshot value, current value)
     */
    public record Finalization(
            UUID id,
            Instant finalizedAt,
            String finalizedBy,
            String contentHash,
            boolean changed,
            List<Change> changedSinceFinalization) {}

    /** One difference between the snapshot and the live report. */
    public record Change(String path, Object finalized, Object current) {}
}
