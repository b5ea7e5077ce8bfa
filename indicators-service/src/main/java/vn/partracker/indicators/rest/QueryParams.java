package vn.partracker.indicators.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import vn.partracker.support.problem.ValidationException;

/**
 * Parses query parameters that JAX-RS would otherwise turn into a bare 404 when malformed, so the client gets a 400
 * naming the parameter.
 */
final class QueryParams {

    private QueryParams() {}

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be an ISO-8601 date such as 2024-12-31");
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "must be a UUID");
        }
    }
}
