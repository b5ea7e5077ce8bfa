package vn.partracker.support.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * What a creating POST answered: replayed as-is when the same Idempotency-Key and body come again.
 *
 * @param status HTTP status of the first answer
 * @param location value of the Location header, or {@code null}
 * @param body the response entity: an object, or JSON text (a {@link String} is always taken as JSON text, stored and
 *     sent as it is); stored JSON text on replay
 * @param replayed whether this answer comes from the store
 */
public record IdempotentResult(int status, String location, Object body, boolean replayed) {

    /** A first-time answer. */
    public static IdempotentResult of(int status, String location, Object body) {
        return new IdempotentResult(status, location, body, false);
    }

    /** The HTTP answer: same status, JSON body and (when there is one) Location, first time and on replay. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).entity(body).type(MediaType.APPLICATION_JSON);
        if (location != null) {
            response.location(URI.create(location));
        }
        return response.build();
    }
}
