package vn.partracker.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which expected reports of a regime and period arrived, on time or late.
 *
 * @param windowFrom first day of the period's cut-off window
 * @param windowTo last day of the window; expected agencies and the hierarchy are taken on this day
 * @param expected agencies expected to report (effective-dated assignments valid and agencies existing on windowTo)
 * @param submitted expected agencies with at least one submitted or approved figure of the regime's indicators
 * @param onTime submitted on or before their level's deadline (Vietnamese local date)
 * @param late submitted after it
 * @param missing expected agencies with no submitted figure
 * @param completenessRate submitted / expected in percent, never above 100 (null when nothing is expected)
 * @param timelinessRate on time / expected in percent
 */
@Schema(description = "Completeness and timeliness of a regime's reports")
public record CompletenessReport(
        UUID regimeId,
        String period,
        UUID agencyId,
        LocalDate windowFrom,
        LocalDate windowTo,
        Instant computedAsOf,
        Map<String, Long> eventPosition,
        int expected,
        int submitted,
        int onTime,
        int late,
        int missing,
        BigDecimal completenessRate,
        BigDecimal timelinessRate,
        List<AgencyStatus> lateAgencies,
        List<AgencyStatus> missingAgencies) {

    /** One expected agency and its report's status. */
    public record AgencyStatus(
            UUID agencyId, String code, String name, String level, LocalDate deadline, Instant submittedAt) {}
}
