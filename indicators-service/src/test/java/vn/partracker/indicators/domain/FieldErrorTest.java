package vn.partracker.indicators.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FieldErrorTest {

    @Test
    void namesAFieldAndARule() {
        FieldError error = new FieldError("denominator", "denominator must be greater than 0 (a > 0)");
        assertEquals("denominator", error.field());
        assertEquals("denominator must be greater than 0 (a > 0)", error.message());
    }

    @Test
    void requiresAFieldAndAMessage() {
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> new FieldError(null, "m")),
                () -> assertThrows(NullPointerException.class, () -> new FieldError("f", null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new FieldError(" ", "m")),
                () -> assertThrows(IllegalArgumentException.class, () -> new FieldError("f", "")));
    }
}
