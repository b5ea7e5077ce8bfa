package vn.partracker.events.period;

/**
 * A period code that is not one of the accepted forms. It is an {@link IllegalArgumentException} so that callers
 * that only care about bad input need no special case, while the HTTP layer can map it to a 400 problem naming
 * {@link #invalidCode()}.
 */
public final class InvalidPeriodException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String invalidCode;

    InvalidPeriodException(String invalidCode, String message) {
        super(message);
        this.invalidCode = invalidCode;
    }

    /** The rejected input exactly as given; {@code null} when no code was given at all. */
    public String invalidCode() {
        return invalidCode;
    }
}
