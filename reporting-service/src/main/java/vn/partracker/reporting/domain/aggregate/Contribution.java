package vn.partracker.reporting.domain.aggregate;

import java.math.BigDecimal;

/**
 * What figures add to the aggregate of one indicator x period x agency. Aggregates are kept as sums of these
 * vectors, so a figure's change is applied as {@code of(new).minus(of(old))}: a revision replaces its previous value
 * instead of adding to it, and a return takes the figure out of "approved" and "submitted".
 *
 * <p>Counts and sums only, because they can be updated by difference; min, max and ratios are derived when a report
 * is read.
 */
public record Contribution(
        int submitted,
        int approved,
        int returned,
        int met,
        int notMet,
        int ratioCount,
        BigDecimal numeratorSum,
        BigDecimal denominatorSum,
        int valueCount,
        BigDecimal valueSum,
        int approvedRatioCount,
        BigDecimal approvedNumeratorSum,
        BigDecimal approvedDenominatorSum,
        int approvedValueCount,
        BigDecimal approvedValueSum) {

    /** The neutral element: what an absent figure contributes. */
    public static final Contribution ZERO = new Contribution(
            0,
            0,
            0,
            0,
            0,
            0,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            0,
            BigDecimal.ZERO,
            0,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            0,
            BigDecimal.ZERO);

    /** The contribution of one figure in the given state ({@link #ZERO} for {@code null}). */
    public static Contribution of(FigureState figure) {
        if (figure == null) {
            return ZERO;
        }
        if (!figure.counted()) {
            return new Contribution(
                    0,
                    0,
                    FigureState.RETURNED.equals(figure.status()) ? 1 : 0,
                    0,
                    0,
                    0,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    0,
                    BigDecimal.ZERO,
                    0,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    0,
                    BigDecimal.ZERO);
        }
        boolean approved = FigureState.APPROVED.equals(figure.status());
        boolean ratio = figure.hasRatio();
        boolean valued = figure.value() != null;
        BigDecimal numerator = ratio ? figure.numerator() : BigDecimal.ZERO;
        BigDecimal denominator = ratio ? figure.denominator() : BigDecimal.ZERO;
        BigDecimal value = valued ? figure.value() : BigDecimal.ZERO;
        return new Contribution(
                1,
                approved ? 1 : 0,
                0,
                "MET".equals(figure.achievement()) ? 1 : 0,
                "NOT_MET".equals(figure.achievement()) ? 1 : 0,
                ratio ? 1 : 0,
                numerator,
                denominator,
                valued ? 1 : 0,
                value,
                approved && ratio ? 1 : 0,
                approved ? numerator : BigDecimal.ZERO,
                approved ? denominator : BigDecimal.ZERO,
                approved && valued ? 1 : 0,
                approved ? value : BigDecimal.ZERO);
    }

    /** Component-wise sum. */
    public Contribution plus(Contribution o) {
        return new Contribution(
                submitted + o.submitted,
                approved + o.approved,
                returned + o.returned,
                met + o.met,
                notMet + o.notMet,
                ratioCount + o.ratioCount,
                numeratorSum.add(o.numeratorSum),
                denominatorSum.add(o.denominatorSum),
                valueCount + o.valueCount,
                valueSum.add(o.valueSum),
                approvedRatioCount + o.approvedRatioCount,
                approvedNumeratorSum.add(o.approvedNumeratorSum),
                approvedDenominatorSum.add(o.approvedDenominatorSum),
                approvedValueCount + o.approvedValueCount,
                approvedValueSum.add(o.approvedValueSum));
    }

    /** Component-wise difference, the delta that turns {@code o}'s aggregate into this one's. */
    public Contribution minus(Contribution o) {
        return plus(o.negate());
    }

    /** Component-wise negation. */
    public Contribution negate() {
        return new Contribution(
                -submitted,
                -approved,
                -returned,
                -met,
                -notMet,
                -ratioCount,
                numeratorSum.negate(),
                denominatorSum.negate(),
                -valueCount,
                valueSum.negate(),
                -approvedRatioCount,
                approvedNumeratorSum.negate(),
                approvedDenominatorSum.negate(),
                -approvedValueCount,
                approvedValueSum.negate());
    }

    /** Whether every component is zero (numerically, whatever the scale), i.e. applying it changes nothing. */
    public boolean isZero() {
        return submitted == 0
                && approved == 0
                && returned == 0
                && met == 0
                && notMet == 0
                && ratioCount == 0
                && numeratorSum.signum() == 0
                && denominatorSum.signum() == 0
                && valueCount == 0
                && valueSum.signum() == 0
                && approvedRatioCount == 0
                && approvedNumeratorSum.signum() == 0
                && approvedDenominatorSum.signum() == 0
                && approvedValueCount == 0
                && approvedValueSum.signum() == 0;
    }
}
