package vn.partracker.reporting.domain.aggregate;

import java.math.BigDecimal;

/**
 * The aggregate of one indicator x period x agency (that agency's own figures), and equally what one figure adds to
 * it: aggregates are kept as sums of these vectors, so a figure's change is applied as
 * {@code of(new).minus(of(old))}: a revision replaces its previous value instead of adding to it, and a return takes
 * the figure out of "approved" and "submitted".
 *
 * <p>Counts and sums only, because they can be updated by difference; min, max and ratios are derived when a report
 * is read.
 */
public record IndicatorAggregate(
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
    public static final IndicatorAggregate ZERO = onlyReturned(0);

    /** What one figure in the given state adds to its aggregate ({@link #ZERO} for {@code null}). */
    public static IndicatorAggregate of(FigureState figure) {
        if (figure == null) {
            return ZERO;
        }
        if (!figure.counted()) {
            return onlyReturned(FigureState.RETURNED.equals(figure.status()) ? 1 : 0);
        }
        boolean approved = FigureState.APPROVED.equals(figure.status());
        boolean ratio = figure.hasRatio();
        boolean valued = figure.value() != null;
        BigDecimal numerator = ratio ? figure.numerator() : BigDecimal.ZERO;
        BigDecimal denominator = ratio ? figure.denominator() : BigDecimal.ZERO;
        BigDecimal value = valued ? figure.value() : BigDecimal.ZERO;
        return new IndicatorAggregate(
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
    public IndicatorAggregate plus(IndicatorAggregate o) {
        return new IndicatorAggregate(
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
    public IndicatorAggregate minus(IndicatorAggregate o) {
        return plus(o.negate());
    }

    /** Component-wise negation. */
    public IndicatorAggregate negate() {
        return new IndicatorAggregate(
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

    /** Nothing but a count of returned figures: what a figure outside "submitted" adds. */
    private static IndicatorAggregate onlyReturned(int returned) {
        return new IndicatorAggregate(
                0,
                0,
                returned,
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
}
