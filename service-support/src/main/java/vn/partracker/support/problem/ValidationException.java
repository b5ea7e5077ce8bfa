package vn.partracker.support.problem;

import java.util.List;

/** 400: the request is well-formed JSON but its content breaks a rule; every offending field is listed. */
public class ValidationException extends ApiException {

    /** How much of a rejected value {@link #echo} quotes. */
    public static final int ECHO_LIMIT = 40;

    public ValidationException(List<FieldError> errors) {
        super(400, "validation", "Invalid request", summarize(errors), errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /**
     * A rejected value as a message quotes it back: at most {@value #ECHO_LIMIT} characters, the rest elided, so a
     * huge input is not reflected whole.
     */
    public static String echo(String value) {
        return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "…";
    }

    private static String summarize(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
