package vn.partracker.plans.domain.hierarchy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days an agency exists: from {@code from} to {@code to} inclusive, open-ended when {@code to} is null. A parent
 * must exist for every day a child is under it, so this is what a parent period is checked against.
 */
public record Validity(LocalDate from, LocalDate to) {

    public Validity {
        Objects.requireNonNull(from, "from");
    }

    /** Whether the agency exists on {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** Whether the agency exists on every day of {@code period}; an open-ended period needs an open-ended validity. */
    public boolean covers(ParentPeriod period) {
        boolean coversStart = !from.isAfter(period.from());
        boolean coversEnd = to == null || (period.to() != null && !period.to().isAfter(to));
        return coversStart && coversEnd;
    }

    /** {@code 2020-01-01..2025-06-30}, or {@code 2020-01-01..} when open-ended, as error messages show it. */
    @Override
    public String toString() {
        return from + ".." + (to == null ? "" : to);
    }
}
