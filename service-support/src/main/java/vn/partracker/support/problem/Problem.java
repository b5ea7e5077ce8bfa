package vn.partracker.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the single error body of every service.
 *
 * @param type a URI naming the kind of problem (stable, documented in the README)
 * @param title short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this request
 * @param instance the request path
 * @param errors field-level validation failures, empty when the problem is not about fields
 * @param lockReason why a period or record is locked, only for lock problems
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String lockReason) {

    /** Media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Prefix of the {@code type} URIs. */
    public static final String TYPE_PREFIX = "https://partracker.vn/problems/";

    /** The problem a rule violation answers with, for the request at {@code instance}. */
    public static Problem of(ApiException e, String instance) {
        return new Problem(
                TYPE_PREFIX + e.problemType(),
                e.title(),
                e.status(),
                e.getMessage(),
                instance,
                e.errors(),
                e.lockReason());
    }
}
