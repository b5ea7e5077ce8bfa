package vn.partracker.support.problem;

import java.util.List;

/** 428: an update came without {@code If-Match}; lost updates are prevented by requiring it. */
public class PreconditionRequiredException extends ApiException {

    public PreconditionRequiredException() {
        super(
                428,
                "precondition-required",
                "Precondition required",
                "this update needs an If-Match header with the version from the ETag of the last read",
                List.of(new FieldError("If-Match", "required")));
    }
}
