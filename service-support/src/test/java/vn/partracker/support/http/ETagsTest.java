package vn.partracker.support.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.partracker.support.problem.PreconditionFailedException;
import vn.partracker.support.problem.PreconditionRequiredException;
import vn.partracker.support.problem.ValidationException;

class ETagsTest {

    @Test
    void acceptsStrongWeakAndBareVersions() {
        assertEquals(3, ETags.parse("\"3\""));
        assertEquals(3, ETags.parse("W/\"3\""));
        assertEquals(3, ETags.parse(" 3 "));
    }

    @Test
    void missingHeaderIs428StaleIs412GarbageIs400() {
        assertThrows(PreconditionRequiredException.class, () -> ETags.requireMatch(null, 1));
        assertThrows(PreconditionRequiredException.class, () -> ETags.requireMatch(" ", 1));
        assertThrows(PreconditionFailedException.class, () -> ETags.requireMatch("\"0\"", 1));
        assertThrows(ValidationException.class, () -> ETags.requireMatch("\"abc\"", 1));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\"", 1));
    }

    @Test
    void etagIsTheVersion() {
        assertEquals("7", ETags.of(7).getValue());
    }
}
