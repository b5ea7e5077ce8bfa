package vn.partracker.localstack;

/** A start-up failure whose message tells the user what went wrong and what to do; printed without a stack trace. */
public final class LaunchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public LaunchException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and the underlying cause. */
    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
