package vn.partracker.reporting.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One indicator over a subtree.
 *
 * @param expected performing agencies of the indicator (groups expanded) in the subtree on the window's last day
 * @param submitted current figures in status SUBMITTED or APPROVED
 * @param approved current figures in status APPROVED
 * @param returned current figures sent back for correction (not counted anywhere else)
 * @param met submitted figures that meet their target
 * @param notMet submitted figures that miss their target
 * @param numeratorSum Σb over the submitted ratio figures
 * @param denominatorSum Σa over the submitted ratio figures
 * @param value over every submitted figure: 100 × Σb / Σa for a percent RATIO, the sum for COUNT and VND, the mean
 *     otherwise
 * @param approvedValue the same over approved figures only
 * @param min smallest agency value
 * @param mean mean of the agency values
 * @param max largest agency value
 * @param children one row per direct child agency, each over its own subtree
 */
@Schema(description = "One indicator of an indicator report")
public record IndicatorReportRow(
        UUID indicatorId,
        String name,
        String unit,
        int expected,
        int submitted,
        int approved,
        int returned,
        int met,
        int notMet,
        BigDecimal numeratorSum,
        BigDecimal denominatorSum,
        BigDecimal value,
        BigDecimal approvedValue,
        BigDecimal min,
        BigDecimal mean,
        BigDecimal max,
        List<ChildRow> children) {

    /**
     * A child agency's subtree for the drill-down.
     *
     * @param submitted submitted figures in the child's subtree
     * @param value the child subtree's value, computed like the row's
     * @param achievement the child's own figure against its target: MET, NOT_MET, NO_TARGET, or {@code null} when it
     *     has no submitted figure
     */
    public record ChildRow(UUID agencyId, String name, int submitted, BigDecimal value, String achievement) {}
}
