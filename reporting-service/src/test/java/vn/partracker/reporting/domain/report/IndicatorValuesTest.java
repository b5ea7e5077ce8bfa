package vn.partracker.reporting.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorValuesTest {

    @Test
    void aPercentRatioIsTheRatioOfSums() {
        assertEquals(
                new BigDecimal("92.94"),
                IndicatorValues.value(
                        "RATIO", "PERCENT", 3, new BigDecimal("316"), new BigDecimal("340"), 3, BigDecimal.ZERO));
        assertNull(IndicatorValues.value("RATIO", "PERCENT", 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO));
    }

    @Test
    void countsAddUpAndPointsAreAveraged() {
        assertEquals(
                new BigDecimal("12"),
                IndicatorValues.value("VALUE", "COUNT", 0, BigDecimal.ZERO, BigDecimal.ZERO, 2, new BigDecimal("12")));
        assertEquals(
                new BigDecimal("86.14"),
                IndicatorValues.value(
                        "COMPOSITE", "POINTS", 0, BigDecimal.ZERO, BigDecimal.ZERO, 2, new BigDecimal("172.28")));
    }
}
