package vn.partracker.reporting.rest;

import java.util.UUID;
import vn.partracker.support.problem.ValidationException;

/**
 * Parses UUID query parameters so that a malformed one is a 400 naming the parameter, not the 404 that JAX-RS
 * answers for an unconvertible query parameter.
 */
final class Ids {

    private Ids() {}

    /** The UUID, or {@code null} when the parameter is absent or blank. */
    static UUID parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be a UUID, got '" + abbreviate(value) + "'");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
