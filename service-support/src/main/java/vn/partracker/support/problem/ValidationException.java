package vn.partracker.support.problem;

import java.util.List;

/** 400: the request is well-formed JSON but its content breaks a rule; every offending field is listed. */
public class ValidationException extends ApiException {

    public ValidationException(List<FieldError> errors) {
        super(400, "validation", "Invalid request", summarize(errors), errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String summarize(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
