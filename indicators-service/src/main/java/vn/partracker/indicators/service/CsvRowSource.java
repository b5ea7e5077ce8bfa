package vn.partracker.indicators.service;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.support.csv.CsvReader;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * Reads figures from CSV one record at a time with the suite's {@link CsvReader} (RFC 4180, comma or semicolon as
 * the first record shows, UTF-8 with or without BOM, bounded record length), so a hostile body costs linear time.
 * The first record holds the headings of {@link SheetColumns}. Row numbers are the lines of the file where each
 * record begins.
 */
public final class CsvRowSource implements RowSource {

    private final CsvReader reader;
    private final List<String> fields;

    /**
     * @throws ValidationException when the file has no heading line or no known heading
     */
    public CsvRowSource(InputStream body) {
        this.reader = CsvReader.detectingSeparator(new InputStreamReader(body, StandardCharsets.UTF_8));
        List<String> headings = reader.next();
        if (headings == null) {
            throw new ValidationException("$", "the CSV file is empty; its first line must hold the headings");
        }
        fields = SheetColumns.fields(headings);
        if (fields.stream().allMatch(f -> f == null)) {
            throw new ValidationException("$", "the first line holds no known heading (e.g. Kỳ báo cáo, period)");
        }
    }

    @Override
    public Row next() {
        while (true) {
            List<String> cells = reader.next();
            if (cells == null) {
                return null;
            }
            List<FieldError> errors = new ArrayList<>();
            MeasurementRow row = SheetColumns.row(fields, cells, errors);
            if (row != null || !errors.isEmpty()) {
                return new Row(reader.recordLine(), errors.isEmpty() ? row : null, errors);
            }
        }
    }
}
