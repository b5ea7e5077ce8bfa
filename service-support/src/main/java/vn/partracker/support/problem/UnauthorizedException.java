package vn.partracker.support.problem;

import java.util.List;

/** 401: no bearer token, or one that is expired, not yet valid, wrongly signed, unsigned or from another issuer. */
public class UnauthorizedException extends ApiException {

    public UnauthorizedException(String detail) {
        super(401, "unauthorized", "Unauthorized", detail, List.of());
    }
}
