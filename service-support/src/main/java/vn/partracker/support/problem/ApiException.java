package vn.partracker.support.problem;

import java.util.List;

/**
 * A rule violation a service reports to its client. Services throw the subclasses; the single exception mapper
 * turns each into problem+json, so no resource builds error responses by hand.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String problemType;
    private final String title;
    private final List<FieldError> errors;

    protected ApiException(int status, String problemType, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Last segment of the problem type URI. */
    public String problemType() {
        return problemType;
    }

    /** Short summary of the kind of problem. */
    public String title() {
        return title;
    }

    /** Field-level errors, possibly empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Why the target is locked, for lock problems; {@code null} otherwise. */
    public String lockReason() {
        return null;
    }
}
