package vn.partracker.indicators.domain;

import java.util.Objects;

/**
 * One broken rule in submitted data, named by the request field it concerns.
 *
 * <p>Lives in the domain root rather than in one rule package because both the measurement rules and the component
 * tree rules report with it; the REST layer turns a list of these into the {@code errors[]} of an RFC 9457 problem.
 * Field names follow the JSON request: {@code denominator}, {@code components[A]} for an entered component value,
 * {@code components[1].children[0].maxPoints} for a node of an indicator's component tree.
 *
 * @param field the request field, never blank
 * @param message an English sentence naming the rule that was broken
 */
public record FieldError(String field, String message) {

    /** Rejects a missing field or message: an error nobody can locate or read helps no one. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (field.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("field and message must not be blank");
        }
    }
}
