package vn.partracker.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test's own bookkeeping of what it submitted and what the reviews did, and the report rows that follow from it
 * by the rules the README states (returned figures excluded from every sum, RATIO = 100 × Σb / Σa for percentages,
 * COUNT = Σ values, met/not met against the target, mean of agency values). Nothing here is read from
 * reporting-service.
 */
final class Expected {

    /** One figure as the test last left it. */
    static final class Figure {
        final String indicator;
        final String period;
        final String agency;
        BigDecimal numerator;
        BigDecimal denominator;
        BigDecimal value;
        String status = "SUBMITTED";

        Figure(String indicator, String period, String agency) {
            this.indicator = indicator;
            this.period = period;
            this.agency = agency;
        }

        boolean counted() {
            return "SUBMITTED".equals(status) || "APPROVED".equals(status);
        }

        /** The agency's own value: 100 × b / a with four decimals for a ratio, the value otherwise. */
        BigDecimal agencyValue() {
            if (numerator != null) {
                return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 4, RoundingMode.HALF_UP);
            }
            return value;
        }
    }

    /** The definition facts the test itself chose for an indicator. */
    record Definition(String kind, String unit, BigDecimal atLeast, int performers) {}

    private final Map<String, Figure> figures = new LinkedHashMap<>();

    Figure figure(String indicator, String period, String agency) {
        return figures.computeIfAbsent(
                indicator + "|" + period + "|" + agency, k -> new Figure(indicator, period, agency));
    }

    List<Figure> of(String indicator, String period) {
        List<Figure> result = new ArrayList<>();
        for (Figure f : figures.values()) {
            if (f.indicator.equals(indicator) && f.period.equals(period)) {
                result.add(f);
            }
        }
        return result;
    }

    List<Figure> all() {
        return List.copyOf(figures.values());
    }

    /** The report row for an indicator and period over the whole province, as comparable text. */
    Map<String, String> row(String indicator, String period, Definition definition) {
        int submitted = 0;
        int approved = 0;
        int returned = 0;
        int met = 0;
        int notMet = 0;
        BigDecimal b = BigDecimal.ZERO;
        BigDecimal a = BigDecimal.ZERO;
        BigDecimal values = BigDecimal.ZERO;
        BigDecimal approvedB = BigDecimal.ZERO;
        BigDecimal approvedA = BigDecimal.ZERO;
        BigDecimal approvedValues = BigDecimal.ZERO;
        int approvedCount = 0;
        BigDecimal min = null;
        BigDecimal max = null;
        BigDecimal agencySum = BigDecimal.ZERO;
        for (Figure f : of(indicator, period)) {
            if ("RETURNED".equals(f.status)) {
                returned++;
                continue;
            }
            submitted++;
            boolean isApproved = "APPROVED".equals(f.status);
            BigDecimal own = f.agencyValue();
            if (definition.atLeast() != null) {
                if (own.compareTo(definition.atLeast()) >= 0) {
                    met++;
                } else {
                    notMet++;
                }
            }
            min = min == null || own.compareTo(min) < 0 ? own : min;
            max = max == null || own.compareTo(max) > 0 ? own : max;
            agencySum = agencySum.add(own);
            if (f.numerator != null) {
                b = b.add(f.numerator);
                a = a.add(f.denominator);
            } else {
                values = values.add(f.value);
            }
            if (isApproved) {
                approved++;
                approvedCount++;
                if (f.numerator != null) {
                    approvedB = approvedB.add(f.numerator);
                    approvedA = approvedA.add(f.denominator);
                } else {
                    approvedValues = approvedValues.add(f.value);
                }
            }
        }
        Map<String, String> row = new TreeMap<>();
        row.put("expected", String.valueOf(definition.performers()));
        row.put("submitted", String.valueOf(submitted));
        row.put("approved", String.valueOf(approved));
        row.put("returned", String.valueOf(returned));
        row.put("met", String.valueOf(met));
        row.put("notMet", String.valueOf(notMet));
        row.put("numeratorSum", text(b));
        row.put("denominatorSum", text(a));
        row.put("value", text(value(definition, submitted, b, a, values)));
        row.put("approvedValue", text(value(definition, approvedCount, approvedB, approvedA, approvedValues)));
        row.put("min", text(min == null ? null : min.setScale(2, RoundingMode.HALF_UP)));
        row.put("max", text(max == null ? null : max.setScale(2, RoundingMode.HALF_UP)));
        row.put(
                "mean",
                text(submitted == 0 ? null : agencySum.divide(BigDecimal.valueOf(submitted), 2, RoundingMode.HALF_UP)));
        return row;
    }

    private static BigDecimal value(Definition d, int count, BigDecimal b, BigDecimal a, BigDecimal values) {
        if (count == 0) {
            return null;
        }
        if ("RATIO".equals(d.kind())) {
            return a.signum() == 0 ? null : b.multiply(BigDecimal.valueOf(100)).divide(a, 2, RoundingMode.HALF_UP);
        }
        return "COUNT".equals(d.unit()) ? values : values.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** A number as comparable text (no trailing zeros), or "null". */
    static String text(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
