package vn.partracker.support.consumer;

import java.time.Duration;

/**
 * How long a consumer waits between attempts: exponential backoff from {@code initialBackoff}, doubling up to
 * {@code maxBackoff}, for transient failures without end; how long an event that refers to something unknown
 * is retried before it is dead-lettered; and how many attempts a failure nobody classified gets before it is.
 */
public record RetryPolicy(
        Duration initialBackoff, Duration maxBackoff, Duration unknownReferenceWait, int unexplainedAttempts) {

    /** 100 ms doubling to 30 s; unknown references waited for 2 minutes; unexplained failures tried 5 times. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMinutes(2), 5);

    public RetryPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
        }
        if (unknownReferenceWait.isNegative()) {
            throw new IllegalArgumentException("unknownReferenceWait must not be negative");
        }
        if (unexplainedAttempts < 1) {
            throw new IllegalArgumentException("unexplainedAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code failedAttempts + 1}: initial × 2^(failedAttempts − 1), capped at the maximum. */
    public Duration backoff(int failedAttempts) {
        if (failedAttempts <= 1) {
            return initialBackoff;
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        long millis = initialBackoff.toMillis() << doublings;
        return millis <= 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
}
