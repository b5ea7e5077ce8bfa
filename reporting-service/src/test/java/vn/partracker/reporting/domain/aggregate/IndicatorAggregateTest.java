package vn.partracker.reporting.domain.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndicatorAggregateTest {

    private static final UUID INDICATOR = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();

    private static FigureState figure(String status, long b, long a, String achievement) {
        return new FigureState(
                INDICATOR,
                AGENCY,
                "2024-Q1",
                status,
                BigDecimal.valueOf(b),
                BigDecimal.valueOf(a),
                BigDecimal.valueOf(b * 100).divide(BigDecimal.valueOf(a), 2, java.math.RoundingMode.HALF_UP),
                achievement);
    }

    @Test
    void aRevisionDeltaReplacesThePreviousFigure() {
        IndicatorAggregate first = IndicatorAggregate.of(figure("SUBMITTED", 90, 100, "NOT_MET"));
        IndicatorAggregate revised = IndicatorAggregate.of(figure("SUBMITTED", 97, 100, "MET"));
        IndicatorAggregate aggregate = first.plus(revised.minus(first));
        assertEquals(revised, aggregate);
        assertEquals(1, aggregate.submitted());
        assertEquals(0, aggregate.notMet());
        assertEquals(0, new BigDecimal("97").compareTo(aggregate.numeratorSum()));
    }

    @Test
    void aReturnedFigureCountsOnlyAsReturned() {
        IndicatorAggregate approved = IndicatorAggregate.of(figure("APPROVED", 99, 100, "MET"));
        IndicatorAggregate returned = IndicatorAggregate.of(figure("RETURNED", 99, 100, "MET"));
        IndicatorAggregate aggregate = approved.plus(returned.minus(approved));
        assertEquals(0, aggregate.approved());
        assertEquals(0, aggregate.submitted());
        assertEquals(1, aggregate.returned());
        assertEquals(0, aggregate.met());
        assertEquals(0, aggregate.approvedNumeratorSum().signum());
    }

    @Test
    void approvalAddsTheApprovedSums() {
        IndicatorAggregate c = IndicatorAggregate.of(figure("APPROVED", 45, 50, "NOT_MET"));
        assertEquals(1, c.approved());
        assertEquals(1, c.approvedRatioCount());
        assertEquals(0, new BigDecimal("50").compareTo(c.approvedDenominatorSum()));
    }

    @Test
    void aFigureMinusItselfIsZeroWhateverTheScale() {
        IndicatorAggregate c = IndicatorAggregate.of(figure("SUBMITTED", 3, 7, "NOT_MET"));
        assertTrue(c.minus(c).isZero());
        assertTrue(IndicatorAggregate.of(null).isZero());
    }
}
