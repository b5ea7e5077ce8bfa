package vn.partracker.support.idempotency;

/**
 * What a creating POST answered: replayed as-is when the same Idempotency-Key and body come again.
 *
 * @param status HTTP status of the first answer
 * @param location value of the Location header, or {@code null}
 * @param body the response entity (an object the first time, stored JSON text on replay)
 * @param replayed whether this answer comes from the store
 */
public record IdempotentResult(int status, String location, Object body, boolean replayed) {

    /** A first-time answer. */
    public static IdempotentResult of(int status, String location, Object body) {
        return new IdempotentResult(status, location, body, false);
    }
}
