package vn.partracker.indicators.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The percentage of a ratio indicator, 100 × b / a ("Theo công thức (b/a)" in Kon Tum 59/QĐ-UBND, Phụ lục I).
 *
 * <p>The result has {@value #SCALE} decimals, rounded half up: more than the one or two decimals the source
 * documents and reports show, so the stored figure is precise enough for them, yet a fixed scale keeps stored and
 * published values identical. Multiplying by 100 before the one division means a single rounding.
 * Achievement is judged on this rounded figure, the one that is stored and published; it differs from the exact
 * ratio by at most 0.00005 percentage points.
 */
public final class RatioValue {

    /** Decimals of a computed percentage. */
    public static final int SCALE = 4;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RatioValue() {}

    /**
     * Computes 100 × numerator / denominator.
     *
     * @param numerator b, e.g. dossiers settled on time
     * @param denominator a, e.g. dossiers settled; must be greater than 0
     * @return the percentage with {@value #SCALE} decimals, e.g. 96.0000 for 96 / 100
     * @throws IllegalArgumentException when the denominator is not greater than 0; validate with
     *     {@link MeasurementRules} first to get a field error instead
     */
    public static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be greater than 0 (a > 0), was " + denominator);
        }
        return numerator.multiply(HUNDRED).divide(denominator, SCALE, RoundingMode.HALF_UP);
    }
}
