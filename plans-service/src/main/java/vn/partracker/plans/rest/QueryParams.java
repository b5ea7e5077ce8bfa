package vn.partracker.plans.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import vn.partracker.support.problem.ValidationException;

/**
 * Parses query parameters that JAX-RS would otherwise turn into a bare 404 on bad input, so a wrong date or enum
 * value is a 400 naming the parameter.
 */
final class QueryParams {

    private QueryParams() {}

    /** An ISO date, or {@code fallback} when absent. */
    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** An enum constant by name (case-insensitive), or null when absent. */
    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    name,
                    "unknown value '" + value + "'; allowed: " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A UUID, or null when absent. */
    static java.util.UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "'" + value + "' is not a UUID");
        }
    }
}
