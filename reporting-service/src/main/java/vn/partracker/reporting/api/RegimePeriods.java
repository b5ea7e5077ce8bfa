package vn.partracker.reporting.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.events.period.Frequency;
import vn.partracker.reporting.domain.window.CutoffRule;

/**
 * The periods of a regime in one year with their cut-off windows and submission deadlines.
 *
 * @param periods in order; {@code deadlines} maps each level with an offset (and DEFAULT) to its last day
 */
public record RegimePeriods(UUID regimeId, int year, Frequency frequency, CutoffRule rule, List<PeriodEntry> periods) {

    /** One period. */
    public record PeriodEntry(String period, LocalDate from, LocalDate to, Map<String, LocalDate> deadlines) {}
}
