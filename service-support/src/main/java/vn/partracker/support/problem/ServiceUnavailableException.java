package vn.partracker.support.problem;

import java.util.List;

/**
 * A dependency the request needs (the database, the broker) cannot be reached or is overloaded for now: 503 with a
 * {@code Retry-After}, and nothing was changed, so the client may send the same request again (with the same
 * Idempotency-Key for a create). Not a defect of ours and not the client's fault, so neither a 500 nor a 4xx.
 */
public class ServiceUnavailableException extends ApiException {

    /** Seconds a client should wait before it sends the request again ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    public ServiceUnavailableException(String detail) {
        super(503, "service-unavailable", "Service Unavailable", detail, List.of());
    }
}
