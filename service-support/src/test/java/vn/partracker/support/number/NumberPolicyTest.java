package vn.partracker.support.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.partracker.support.problem.ValidationException;

class NumberPolicyTest {

    @Test
    void figuresOfTheSeedsAreAccepted() {
        assertTrue(NumberPolicy.accepts(new BigDecimal("96")));
        assertTrue(NumberPolicy.accepts(new BigDecimal("54.95")));
        assertTrue(NumberPolicy.accepts(new BigDecimal("999999999999999.999999")));
        assertTrue(NumberPolicy.accepts(new BigDecimal("1.5000000000")), "trailing zeros do not count");
        assertTrue(NumberPolicy.accepts(new BigDecimal("1E+6")));
    }

    @Test
    void exponentsAndHugeNumbersAreRefused() {
        assertFalse(NumberPolicy.accepts(new BigDecimal("1e-999999999")));
        assertFalse(NumberPolicy.accepts(new BigDecimal("1e999999999")));
        assertFalse(NumberPolicy.accepts(new BigDecimal("1234567890123456")));
        assertFalse(NumberPolicy.accepts(new BigDecimal("0.0000001")));
    }

    @Test
    void cellsAreParsedWithAPointOrADecimalComma() {
        assertEquals(new BigDecimal("96.5"), NumberPolicy.parse("value", " 96,5 "));
        assertEquals(new BigDecimal("-3"), NumberPolicy.parse("value", "-3"));
        assertNull(NumberPolicy.parse("value", "  "));
    }

    @Test
    void badCellsNameTheField() {
        ValidationException e =
                assertThrows(ValidationException.class, () -> NumberPolicy.parse("rows[3].value", "1e400"));
        assertEquals("rows[3].value", e.errors().get(0).field());
        assertThrows(ValidationException.class, () -> NumberPolicy.parse("value", "NaN"));
        assertThrows(ValidationException.class, () -> NumberPolicy.parse("value", "9".repeat(100)));
        assertThrows(ValidationException.class, () -> NumberPolicy.parse("value", "1,000,000"));
        assertEquals(
                NumberPolicy.MESSAGE,
                assertThrows(
                                ValidationException.class,
                                () -> NumberPolicy.check("value", new BigDecimal("1e-999999999")))
                        .errors()
                        .get(0)
                        .message());
    }
}
