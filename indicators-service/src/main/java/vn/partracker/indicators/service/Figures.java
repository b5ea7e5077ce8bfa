package vn.partracker.indicators.service;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The entered parts of a figure, whichever way it arrived (JSON, batch row, CSV or XLSX line).
 *
 * @param numerator b of a ratio
 * @param denominator a of a ratio
 * @param value the value of a VALUE indicator
 * @param components points per component code of a COMPOSITE indicator; never {@code null}
 * @param note free text
 * @param source where the figure comes from
 */
public record Figures(
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal value,
        Map<String, BigDecimal> components,
        String note,
        String source) {

    /** Treats missing components as none. */
    public Figures {
        components = components == null ? Map.of() : components;
    }

    /**
     * @param other the figures of the current revision
     * @return whether both carry the same numbers and texts, comparing numbers by value (95 equals 95.0)
     */
    public boolean sameAs(Figures other) {
        return same(numerator, other.numerator)
                && same(denominator, other.denominator)
                && same(value, other.value)
                && sameComponents(components, other.components)
                && Objects.equals(note, other.note)
                && Objects.equals(source, other.source);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameComponents(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> same(e.getValue(), b.get(e.getKey())));
    }
}
