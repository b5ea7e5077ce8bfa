package vn.partracker.support.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;

class DeadLetterKindTest {

    record Payload(UUID id) {}

    @Test
    void payloadsThatAreNotJsonAreUnreadable() {
        IllegalArgumentException notJson = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> EventJson.read("{not json", Payload.class));
        assertEquals(DeadLetterKind.UNREADABLE, DeadLetterKind.of(new IllegalStateException(notJson)));
    }

    @Test
    void ruleViolationsAreInvalid() {
        assertEquals(
                DeadLetterKind.INVALID,
                DeadLetterKind.of(new IllegalArgumentException("measurement payload lacks id")));
    }

    @Test
    void headerValuesRoundTrip() {
        for (DeadLetterKind kind : DeadLetterKind.values()) {
            assertEquals(kind, DeadLetterKind.ofHeader(kind.header()));
        }
        assertEquals(DeadLetterKind.INVALID, DeadLetterKind.ofHeader("nonsense"));
    }
}
