package vn.partracker.reporting.domain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a set of figures of one indicator becomes one number. A RATIO indicator is the ratio of sums (Σb / Σa, times
 * 100 for a percentage), never the mean of the agencies' percentages: a commune with 3 dossiers must not weigh as
 * much as a department with 3,000. Other indicators add up when they count things (COUNT, VND) and are averaged
 * otherwise (points, days, percentages reported as values).
 */
public final class IndicatorValues {

    /** Decimal places of derived values (ratios and means); sums keep the scale of the figures. */
    public static final int SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorValues() {}

    /**
     * The value of a set of figures, or {@code null} when there is none to compute it from.
     *
     * @param kind RATIO, VALUE or COMPOSITE
     * @param unit PERCENT, COUNT, POINTS, DAYS, VND or BOOLEAN
     */
    public static BigDecimal value(
            String kind,
            String unit,
            int ratioCount,
            BigDecimal numeratorSum,
            BigDecimal denominatorSum,
            int valueCount,
            BigDecimal valueSum) {
        if ("RATIO".equals(kind)) {
            if (ratioCount == 0 || denominatorSum.signum() == 0) {
                return null;
            }
            BigDecimal factor = "PERCENT".equals(unit) ? HUNDRED : BigDecimal.ONE;
            return numeratorSum.multiply(factor).divide(denominatorSum, SCALE, RoundingMode.HALF_UP);
        }
        if (valueCount == 0) {
            return null;
        }
        if ("COUNT".equals(unit) || "VND".equals(unit)) {
            return valueSum;
        }
        return mean(valueSum, valueCount);
    }

    /** The mean of {@code count} values summing to {@code sum}, or {@code null} for none. */
    public static BigDecimal mean(BigDecimal sum, int count) {
        if (count == 0) {
            return null;
        }
        return sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP);
    }
}
