package vn.partracker.reporting.domain.window;

import java.time.LocalDate;
import java.util.Objects;
import vn.partracker.events.period.Period;

/**
 * The dates, both inclusive, whose figures a report for {@code period} counts under some {@link CutoffRule}. Under
 * {@link CutoffRule#ND09} the window starts before the period does (2024-Q1 counts 2023-12-15 to 2024-03-14).
 *
 * @param period the reporting period the window belongs to
 * @param from first day counted
 * @param to last day counted; the submission deadline is computed from it
 */
public record ReportingWindow(Period period, LocalDate from, LocalDate to) {

    /** Rejects missing parts and a window that ends before it starts. */
    public ReportingWindow {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "Reporting window of " + period + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Whether the date lies within the window, both ends included. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
