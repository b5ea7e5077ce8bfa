package vn.partracker.reporting.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Per indicator of a plan, the figures of an agency's subtree for a period, with one drill-down row per child.
 *
 * @param computedAsOf when the answer was computed
 * @param eventPosition the last applied offset per consumed topic partition ("topic/partition"), i.e. exactly the
 *     events the numbers include
 */
@Schema(description = "Indicator report of an agency subtree for one period")
public record IndicatorReport(
        UUID planId,
        String period,
        UUID agencyId,
        Instant computedAsOf,
        Map<String, Long> eventPosition,
        List<IndicatorReportRow> rows) {}
