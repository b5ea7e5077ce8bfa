package vn.partracker.support.problem;

import java.util.List;

/** 403: the caller is known, but its roles or its agency do not allow this request. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(403, "forbidden", "Forbidden", detail, List.of());
    }
}
