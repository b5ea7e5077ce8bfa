package vn.partracker.plans.domain.hierarchy;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One period of an agency's parent: from {@code from} to {@code to} (inclusive, open when null) its parent is
 * {@code parentId}, or none for a root.
 */
public record ParentPeriod(UUID parentId, LocalDate from, LocalDate to) {

    /** Whether the period is in force on {@code date}. */
    public boolean covers(LocalDate date) {
        return !from.isAfter(date) && (to == null || !to.isBefore(date));
    }
}
