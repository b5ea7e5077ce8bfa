package vn.partracker.support.problem;

/**
 * One rejected field in a problem+json {@code errors[]} entry.
 *
 * @param field the JSON path of the field as the client sent it, e.g. {@code targets[1].value}
 * @param message what is wrong, in words a client developer can act on
 */
public record FieldError(String field, String message) {}
