package vn.partracker.support.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Why a record can never be applied, as the {@code dead-letter-kind} header says. */
public enum DeadLetterKind {
    /** Not a readable CloudEvent, or a payload that is not valid JSON. */
    UNREADABLE("unreadable"),
    /** Readable, but failing its schema or version (a required field missing, an unknown value). */
    INVALID("invalid"),
    /** Refers to something this service still did not know after the bounded wait. */
    UNKNOWN_REFERENCE("unknown-reference");

    private final String header;

    DeadLetterKind(String header) {
        this.header = header;
    }

    /** The header value. */
    public String header() {
        return header;
    }

    /** The kind of a permanent failure that is not an unknown reference. */
    public static DeadLetterKind of(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException
                    || (t instanceof IllegalArgumentException
                            && String.valueOf(t.getMessage()).contains("ce_"))
                    || t instanceof java.time.format.DateTimeParseException) {
                return UNREADABLE;
            }
        }
        return INVALID;
    }

    /** The kind named by a header value; {@code INVALID} when unknown. */
    public static DeadLetterKind ofHeader(String value) {
        for (DeadLetterKind kind : values()) {
            if (kind.header.equals(value)) {
                return kind;
            }
        }
        return INVALID;
    }
}
