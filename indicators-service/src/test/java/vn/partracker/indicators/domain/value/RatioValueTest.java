package vn.partracker.indicators.domain.value;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatioValueTest {

    @ParameterizedTest(name = "100 * {0} / {1} = {2}")
    @CsvSource({
        "96,      100,     96.0000",
        "19,      20,      95.0000",
        "0,       250,     0.0000",
        "1234,    1234,    100.0000",
        "1,       3,       33.3333",
        "2,       3,       66.6667",
        "1,       3200,    0.0313",
        "3,       3200,    0.0938",
        "18999,   20000,   94.9950",
        "1899999, 2000000, 95.0000",
        "48.5,    50,      97.0000"
    })
    void isAHundredTimesBOverAWithFourDecimalsRoundedHalfUp(
            BigDecimal numerator, BigDecimal denominator, BigDecimal expected) {
        BigDecimal percent = RatioValue.percent(numerator, denominator);
        assertEquals(expected, percent);
        assertEquals(RatioValue.SCALE, percent.scale());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "0.0000"})
    void rejectsADenominatorThatIsNotPositive(BigDecimal denominator) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> RatioValue.percent(BigDecimal.ONE, denominator));
        assertEquals("denominator must be greater than 0 (a > 0), was " + denominator, error.getMessage());
    }

    @Test
    void requiresBothParts() {
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> RatioValue.percent(null, BigDecimal.TEN)),
                () -> assertThrows(NullPointerException.class, () -> RatioValue.percent(BigDecimal.ONE, null)));
    }
}
