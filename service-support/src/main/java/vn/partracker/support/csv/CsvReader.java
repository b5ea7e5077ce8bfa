package vn.partracker.support.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import vn.partracker.support.problem.ValidationException;

/**
 * The one CSV reader of the suite (RFC 4180): fields separated by a comma (or a semicolon, as Vietnamese-locale
 * spreadsheets export), double quotes around a field that holds separators, quotes or line breaks, {@code ""} for a
 * quote inside a quoted field, CRLF or LF line ends, UTF-8 text with or without a byte-order mark. Blank lines are
 * skipped.
 *
 * <p>It reads one record at a time, looking at each character once, so an import is linear in its size whatever
 * the input (an unclosed quote included), and it refuses a record longer than {@code maxRecordChars} or wider than
 * {@code maxColumns} instead of buffering the rest of the body. Format errors are {@link ValidationException}s on
 * field {@code $} naming the line where the offending record began.
 *
 * <p>A quote opens a quoted field only at the start of the field; elsewhere it is an ordinary character, as
 * spreadsheets write {@code 5" pipe}. Text after a closing quote is kept as is.
 */
public final class CsvReader implements AutoCloseable {

    /** Default bound on one record: far above any real row, far below what would hurt the heap. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

    /** Default bound on the columns of one record. */
    public static final int DEFAULT_MAX_COLUMNS = 512;

    private static final int END = -1;

    private final Reader in;
    private final int maxRecordChars;
    private final int maxColumns;
    private char separator;
    private boolean detectSeparator;
    private int pushedBack = Integer.MIN_VALUE;
    private int line = 1;
    private int recordLine;
    private boolean started;

    private CsvReader(Reader in, char separator, boolean detectSeparator, int maxRecordChars, int maxColumns) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in, 16 * 1024);
        this.separator = separator;
        this.detectSeparator = detectSeparator;
        this.maxRecordChars = maxRecordChars;
        this.maxColumns = maxColumns;
    }

    /** A comma-separated reader with the default bounds. */
    public static CsvReader of(Reader in) {
        return new CsvReader(in, ',', false, DEFAULT_MAX_RECORD_CHARS, DEFAULT_MAX_COLUMNS);
    }

    /**
     * A reader that takes its separator from the first record: a semicolon when that record holds semicolons and
     * no comma (outside quotes), a comma otherwise.
     */
    public static CsvReader detectingSeparator(Reader in) {
        return new CsvReader(in, ',', true, DEFAULT_MAX_RECORD_CHARS, DEFAULT_MAX_COLUMNS);
    }

    /** A reader with an explicit separator and bounds. */
    public static CsvReader of(Reader in, char separator, int maxRecordChars, int maxColumns) {
        if (maxRecordChars < 1 || maxColumns < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        return new CsvReader(in, separator, false, maxRecordChars, maxColumns);
    }

    /** Every record of {@code text}, comma-separated, default bounds. */
    public static List<List<String>> readAll(String text) {
        try (CsvReader reader = of(new StringReader(text == null ? "" : text))) {
            List<List<String>> records = new ArrayList<>();
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
            return records;
        }
    }

    /**
     * The next record.
     *
     * @return its fields, or {@code null} after the last record
     * @throws ValidationException when the record has an unclosed quote or exceeds a bound
     * @throws UncheckedIOException when the body cannot be read
     */
    public List<String> next() {
        if (!started) {
            started = true;
            int first = read();
            if (first != '\uFEFF') {
                unread(first);
            }
        }
        while (true) {
            int c = read();
            if (c == END) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                continue;
            }
            unread(c);
            recordLine = line;
            return record();
        }
    }

    /** The 1-based line on which the record last returned by {@link #next()} began. */
    public int recordLine() {
        return recordLine;
    }

    /** The separator in use (after detection, once the first record was read). */
    public char separator() {
        return separator;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the CSV body", e);
        }
    }

    private List<String> record() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        List<Integer> commas = detectSeparator ? new ArrayList<>() : null;
        List<Integer> semicolons = detectSeparator ? new ArrayList<>() : null;
        boolean quoted = false;
        boolean atFieldStart = true;
        int length = 0;
        while (true) {
            int c = read();
            if (c != END && ++length > maxRecordChars) {
                throw new ValidationException(
                        "$", "line " + recordLine + ": a record is longer than " + maxRecordChars + " characters");
            }
            if (quoted) {
                if (c == END) {
                    throw new ValidationException("$", "line " + recordLine + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                        length++;
                    } else {
                        unread(after);
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || c == '\r') {
                        endOfLine(c);
                        field.append('\n');
                    } else {
                        field.append((char) c);
                    }
                }
                continue;
            }
            if (c == END || c == '\n' || c == '\r') {
                if (c != END) {
                    endOfLine(c);
                }
                fields.add(field.toString());
                return detectSeparator ? split(fields, commas, semicolons) : fields;
            }
            if (c == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
            } else if (detectSeparator && (c == ',' || c == ';')) {
                (c == ',' ? commas : semicolons).add(fields.size());
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (!detectSeparator && c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                if (fields.size() >= maxColumns) {
                    throw new ValidationException(
                            "$", "line " + recordLine + ": a record has more than " + maxColumns + " columns");
                }
            } else {
                field.append((char) c);
                atFieldStart = false;
            }
        }
    }

    /**
     * Decides the separator on the first record, read with both candidates splitting, and rejoins the fields that
     * the other candidate split.
     */
    private List<String> split(List<String> pieces, List<Integer> commas, List<Integer> semicolons) {
        detectSeparator = false;
        boolean semicolon = !semicolons.isEmpty() && commas.isEmpty();
        separator = semicolon ? ';' : ',';
        List<Integer> joins = semicolon ? commas : semicolons;
        char joiner = semicolon ? ',' : ';';
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder(pieces.get(0));
        int next = 0;
        for (int i = 1; i < pieces.size(); i++) {
            if (next < joins.size() && joins.get(next) == i) {
                current.append(joiner).append(pieces.get(i));
                next++;
            } else {
                fields.add(current.toString());
                current.setLength(0);
                current.append(pieces.get(i));
            }
        }
        fields.add(current.toString());
        if (fields.size() > maxColumns) {
            throw new ValidationException(
                    "$", "line " + recordLine + ": a record has more than " + maxColumns + " columns");
        }
        return fields;
    }

    private void endOfLine(int c) {
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                unread(after);
            }
        }
        line++;
    }

    private int read() {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the CSV body", e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
