package vn.partracker.support.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: columns separated by tabs, rows by newlines,
 * {@code \N} for null, and backslash, tab, newline and carriage return escaped inside values, so any text a row
 * carries (a note with a tab or a line break, a backslash) arrives unchanged. Numbers are written as plain decimals,
 * instants in ISO-8601 UTC, which PostgreSQL reads back exactly. Bulk writes (a 100,000-row figure import and its
 * outbox events) use it: one {@code COPY} carries thousands of rows for less work on both sides than as many bound
 * statement parameters.
 */
public final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;

    /** Adds one value to the current row. */
    public CopyText add(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof BigDecimal number) {
            text.append(number.toPlainString());
        } else if (value instanceof UUID || value instanceof Integer || value instanceof Long) {
            text.append(value);
        } else if (value instanceof Instant instant) {
            text.append(instant);
        } else if (value instanceof OffsetDateTime time) {
            text.append(time);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    public CopyText endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    /**
     * Sends the rows with {@code sql} ({@code COPY table (columns) FROM STDIN}) on the connection, which must be
     * the caller's transaction's: the rows are part of that transaction like any INSERT.
     *
     * @return the number of rows copied
     * @throws SQLException when PostgreSQL refuses a row (the transaction is then failed, as with an INSERT)
     */
    public long copy(Connection connection, String sql) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** @return whether no row was added */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    private void escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            // the common case (event payloads, achievement JSON): four vectorised scans, then one bulk append
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
