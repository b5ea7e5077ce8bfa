package vn.partracker.support.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partracker.support.json.JsonInputLimits;
import vn.partracker.support.problem.ValidationException;

/**
 * Reads query and path parameters as text and converts them here, because JAX-RS answers an unconvertible
 * parameter with a bare 404. Every service uses this one parser, so a bad value of a kind gets the same 400
 * message everywhere: the parameter name as the field, and what was expected.
 */
public final class QueryParams {

    /** The longest text read as an int: ten digits and a sign. */
    private static final int MAX_INTEGER_LENGTH = 11;

    private QueryParams() {}

    /**
     * An ISO-8601 date between {@link JsonInputLimits#EARLIEST} and {@link JsonInputLimits#LATEST}, the one date
     * range every input accepts.
     *
     * @return the date, or {@code fallback} when the parameter is absent or blank
     * @throws ValidationException when it is present but not a date
     */
    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (absent(value)) {
            return fallback;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    name, "must be an ISO-8601 date such as 2024-12-31, got '" + ValidationException.echo(value) + "'");
        }
        if (!JsonInputLimits.accepts(date)) {
            throw new ValidationException(
                    name, JsonInputLimits.DATE_RANGE_MESSAGE + ", got '" + ValidationException.echo(value) + "'");
        }
        return date;
    }

    /** An ISO-8601 date, or {@code null} when absent; see {@link #date(String, String, LocalDate)}. */
    public static LocalDate date(String name, String value) {
        return date(name, value, null);
    }

    /**
     * A UUID.
     *
     * @return the UUID, or {@code null} when the parameter is absent or blank
     * @throws ValidationException when it is present but not a UUID
     */
    public static UUID uuid(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "must be a UUID, got '" + ValidationException.echo(value) + "'");
        }
    }

    /**
     * A UUID that must be present (a path parameter, or a required query parameter).
     *
     * @throws ValidationException when it is absent or not a UUID
     */
    public static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw new ValidationException(name, "is required");
        }
        return id;
    }

    /**
     * An enum constant by name, case-insensitive.
     *
     * @return the constant, or {@code null} when the parameter is absent or blank
     * @throws ValidationException when it names no constant; the message lists the allowed values
     */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (absent(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new ValidationException(
                    name, "must be one of " + allowed + ", got '" + ValidationException.echo(value) + "'");
        }
    }

    /**
     * A whole number of at most 10 digits, read from its text: bound as {@code Integer}, JAX-RS would answer
     * {@code page=abc} or {@code page=99999999999999999999} with a misleading 404.
     *
     * @return the number, or {@code null} when the parameter is absent or blank
     * @throws ValidationException when it is present but not such a number
     */
    public static Integer integer(String name, String value) {
        if (absent(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_INTEGER_LENGTH || !text.matches("[+-]?[0-9]+")) {
            throw new ValidationException(name, "must be a whole number, got '" + ValidationException.echo(text) + "'");
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new ValidationException(
                    name, "must be a whole number of at most 10 digits, got '" + ValidationException.echo(text) + "'");
        }
    }

    /**
     * {@code true} or {@code false} (any case): bound as {@code boolean}, JAX-RS reads every other text as false, so
     * {@code dryRun=yes} would run the import for real.
     *
     * @return the value, or {@code fallback} when the parameter is absent or blank
     * @throws ValidationException when it is present but neither word
     */
    public static boolean bool(String name, String value, boolean fallback) {
        if (absent(value)) {
            return fallback;
        }
        String text = value.strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ValidationException(name, "must be true or false, got '" + ValidationException.echo(text) + "'");
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
