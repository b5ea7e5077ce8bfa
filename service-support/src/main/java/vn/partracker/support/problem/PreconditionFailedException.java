package vn.partracker.support.problem;

import java.util.List;

/** 412: the {@code If-Match} version is not the current one; the client must re-read before it writes. */
public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(String detail) {
        super(412, "precondition-failed", "Precondition failed", detail, List.of());
    }
}
