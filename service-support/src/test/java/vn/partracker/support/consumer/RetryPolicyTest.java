package vn.partracker.support.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesFrom100MillisecondsTo30Seconds() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertEquals(Duration.ofMillis(100), policy.backoff(1));
        assertEquals(Duration.ofMillis(200), policy.backoff(2));
        assertEquals(Duration.ofMillis(400), policy.backoff(3));
        assertEquals(Duration.ofMillis(25_600), policy.backoff(9));
        assertEquals(Duration.ofSeconds(30), policy.backoff(10));
        assertEquals(Duration.ofSeconds(30), policy.backoff(1_000_000));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO, 1));
    }
}
