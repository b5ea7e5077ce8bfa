package vn.partracker.plans.domain.timeframe;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of a recurring timeframe in which the work comes due once: the March report of "trước ngày 10 hằng
 * tháng" (code {@code 2024-03}, due 2024-03-09), the second-quarter report of "trước ngày 05 của tháng cuối quý"
 * ({@code 2024-Q2}, due 2024-06-04), week 7 of "hằng tuần" ({@code 2024-W07}, due on its Sunday).
 *
 * <p>The code is the reporting period code of {@link vn.partracker.events.period.Period} ({@code 2024-03},
 * {@code 2024-Q2}, {@code 2024-S1}, {@code 2024-N9}, {@code 2024}) so that agencies, reports and events name a
 * period the same way everywhere; weeks, which reporting periods do not have, use the ISO-8601 week code
 * {@code YYYY-Www} (week-based year, weeks Monday to Sunday).
 *
 * @param code the period code; never null
 * @param cadence the cadence the period belongs to; never null
 * @param periodStart the period's first day
 * @param periodEnd the period's last day
 * @param dueDate the last admissible day: the day the {@link DueDayRule} names in the period, or, without a rule,
 *     the period's last day
 */
public record Occurrence(String code, Cadence cadence, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate) {

    /** Rejects missing fields: every occurrence has a code, a period and a due date. */
    public Occurrence {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
