package vn.partracker.support.number;

import java.math.BigDecimal;
import vn.partracker.support.problem.ValidationException;

/**
 * The one number policy of the suite: every numeric input (JSON body, CSV or XLSX cell, query parameter) has at most
 * {@value #MAX_INTEGER_DIGITS} digits before the decimal point and {@value #MAX_FRACTION_DIGITS} after it — far
 * more than any figure, target or point score needs (a province's yearly case count, VND amounts in the trillions,
 * a percentage with decimals) and far below what makes {@link BigDecimal} arithmetic slow ({@code 1e-999999999})
 * or overflows a PostgreSQL {@code numeric} column. JSON bodies state it with
 * {@code @Digits(integer = 15, fraction = 6)} on the request records; file readers call {@link #parse}.
 */
public final class NumberPolicy {

    /** Digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** Digits after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 6;

    /** The message of a number outside the policy (the same as Bean Validation's {@code @Digits} check says). */
    public static final String MESSAGE = "must have at most " + MAX_INTEGER_DIGITS + " digits before and "
            + MAX_FRACTION_DIGITS + " after the decimal point";

    private static final int MAX_TEXT_LENGTH = MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 8;

    private NumberPolicy() {}

    /** Whether {@code value} is within the policy (trailing zeros after the point do not count). */
    public static boolean accepts(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        int fraction = Math.max(stripped.scale(), 0);
        int integer = stripped.precision() - stripped.scale();
        return fraction <= MAX_FRACTION_DIGITS && integer <= MAX_INTEGER_DIGITS;
    }

    /**
     * Reads a number written in a file cell or parameter: plain decimal notation with a point (or a comma as the
     * decimal separator when there is no point), optionally signed; blank gives {@code null}.
     *
     * @throws ValidationException naming {@code field} when the text is not such a number or is outside the policy
     */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_TEXT_LENGTH) {
            throw new ValidationException(field, MESSAGE);
        }
        if (t.indexOf('.') < 0 && t.indexOf(',') >= 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new ValidationException(field, "'" + ValidationException.echo(text) + "' is not a number");
        }
        BigDecimal value = new BigDecimal(t);
        if (!accepts(value)) {
            throw new ValidationException(field, MESSAGE);
        }
        return value;
    }

    /**
     * Checks a number already read (a JSON number, an XLSX numeric cell).
     *
     * @throws ValidationException naming {@code field} when it is outside the policy
     */
    public static BigDecimal check(String field, BigDecimal value) {
        if (value != null && !accepts(value)) {
            throw new ValidationException(field, MESSAGE);
        }
        return value;
    }
}
