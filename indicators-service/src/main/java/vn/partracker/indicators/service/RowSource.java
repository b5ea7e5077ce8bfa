package vn.partracker.indicators.service;

import java.util.List;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.support.problem.FieldError;

/**
 * The rows of a bulk import, read one at a time so a 100,000-row body is never held in memory as a whole. Closed
 * once the import is over, so a source that spooled its body to a file deletes it.
 */
public interface RowSource extends AutoCloseable {

    /**
     * @return the next row, or {@code null} after the last one
     * @throws vn.partracker.support.problem.ValidationException when the body itself is unreadable (the whole
     *     import is then refused)
     */
    Row next();

    /** Releases what the source holds (a temporary file); does nothing by default and may be called twice. */
    @Override
    default void close() {}

    /**
     * One row.
     *
     * @param number the row number reported back (1-based array position, or sheet/CSV line)
     * @param data the parsed row, {@code null} when it could not be read
     * @param errors problems found while reading it (unknown field, bad number)
     */
    record Row(int number, MeasurementRow data, List<FieldError> errors) {}
}
