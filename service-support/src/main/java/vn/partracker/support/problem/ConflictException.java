package vn.partracker.support.problem;

import java.util.List;

/** 409: the request is valid but conflicts with the current state (duplicate code, wrong status, reused key). */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(409, "conflict", "Conflict", detail, List.of());
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(409, "conflict", "Conflict", detail, errors);
    }
}
