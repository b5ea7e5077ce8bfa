package vn.partracker.indicators.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.partracker.indicators.rest.MeasurementRow;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * Reads figures from CSV (RFC 4180: comma or semicolon separated, quoted fields may hold separators, quotes and line
 * breaks; UTF-8 with or without BOM) line by line. The first line holds the headings of {@link SheetColumns}. Row
 * numbers are the line numbers of the file.
 */
public final class CsvRowSource implements RowSource {

    private final BufferedReader reader;
    private final List<String> fields;
    private final char separator;
    private int line;

    /**
     * @throws ValidationException when the file has no heading line or no known heading
     */
    public CsvRowSource(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String first = readPhysicalLine();
        if (first == null) {
            throw new ValidationException("$", "the CSV file is empty; its first line must hold the headings");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        separator = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        fields = SheetColumns.fields(split(first));
        if (fields.stream().allMatch(f -> f == null)) {
            throw new ValidationException("$", "the first line holds no known heading (e.g. Kỳ báo cáo, period)");
        }
    }

    @Override
    public Row next() {
        while (true) {
            List<String> cells = readRecord();
            if (cells == null) {
                return null;
            }
            List<FieldError> errors = new ArrayList<>();
            MeasurementRow row = SheetColumns.row(fields, cells, errors);
            if (row != null || !errors.isEmpty()) {
                return new Row(line, errors.isEmpty() ? row : null, errors);
            }
        }
    }

    private List<String> readRecord() {
        String text = readPhysicalLine();
        if (text == null) {
            return null;
        }
        StringBuilder record = new StringBuilder(text);
        while (quotes(record) % 2 == 1) {
            String more = readPhysicalLine();
            if (more == null) {
                throw new ValidationException("$", "line " + line + ": a quoted field is not closed");
            }
            record.append('\n').append(more);
        }
        return split(record.toString());
    }

    private List<String> split(String record) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static int quotes(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                count++;
            }
        }
        return count;
    }

    private String readPhysicalLine() {
        try {
            String text = reader.readLine();
            if (text != null) {
                line++;
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the CSV body", e);
        }
    }
}
