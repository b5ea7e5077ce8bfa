package vn.partracker.support.problem;

import java.util.List;

/** 404: the resource named in the path does not exist. */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }
}
